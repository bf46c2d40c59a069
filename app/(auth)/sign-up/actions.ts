'use server';

import { ZodError } from 'zod';
import { AppError } from '@/lib/server/errors';
import { headers } from 'next/headers';
import { getLocale } from 'next-intl/server';
import { currentLocale } from '@/lib/i18n/current-locale';
import { runInLocale } from '@/lib/i18n/request-locale';
import { isLocale } from '@/lib/i18n/locales';
import { clientAddress } from '@/lib/server/rate-limit';
import { createUser } from '@/lib/server/users/create-user';

export interface SignUpState {
  ok: boolean;
  email?: string;
  /** What was typed (not the password), so the form keeps it after an error. */
  values?: { email: string; name: string };
  formError?: string;
  fieldErrors?: Partial<Record<'email' | 'name' | 'password', string>>;
}

export async function signUpAction(previous: SignUpState, form: FormData): Promise<SignUpState> {
  // The page's language (the cookie, else Accept-Language): the schema's messages and the
  // server's are written in it.
  const pageLocale = await getLocale();
  return runInLocale(isLocale(pageLocale) ? pageLocale : 'fr', () => signUp(previous, form));
}

async function signUp(_previous: SignUpState, form: FormData): Promise<SignUpState> {
  const values = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? '') };
  try {
    const user = await createUser(
      {
        email: form.get('email'),
        name: form.get('name'),
        password: form.get('password'),
        timeZone: form.get('timeZone'),
      },
      clientAddress(await headers()),
    );
    return { ok: true, email: user.email };
  } catch (error) {
    if (error instanceof ZodError) {
      const fieldErrors: SignUpState['fieldErrors'] = {};
      for (const issue of error.issues) {
        const key = issue.path[0];
        if ((key === 'email' || key === 'name' || key === 'password') && !fieldErrors[key]) {
          fieldErrors[key] = issue.message;
        }
      }
      return { ok: false, fieldErrors, values };
    }
    if (error instanceof AppError && error.code === 'rate_limited') {
      return { ok: false, formError: error.messageIn(currentLocale()), values };
    }
    if (error instanceof AppError && error.code === 'email_taken') {
      return { ok: false, fieldErrors: { email: error.messageIn(currentLocale()) }, values };
    }
    throw error;
  }
}
