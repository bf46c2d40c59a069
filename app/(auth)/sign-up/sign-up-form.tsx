'use client';
// Sign-up: the server action creates the account, then the browser signs in with what was
// typed. A refusal (e-mail taken, too many attempts, a field to fix) keeps every field as typed,
// the password included: the action is dispatched from onSubmit, so React does not reset the
// form after it (it does for a form `action`; that path remains for browsers without JS).
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { PASSWORD_MIN_LENGTH } from '@/lib/validations/auth';
import { signUpAction, type SignUpState } from './actions';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const t = useTranslations('auth.signUp');
  const password = useRef('');
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, {
    ok: false,
  });

  useEffect(() => {
    if (!state.ok || !state.email) return;
    // The account exists: sign in with what was just typed, then go where the visitor was
    // headed (an invitation link, say; the articles by default).
    void signIn('credentials', {
      email: state.email,
      password: password.current,
      redirect: false,
    }).then((result) => {
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
      } else {
        router.replace(
          callbackUrl === '/'
            ? '/sign-in?created=1'
            : `/sign-in?created=1&callbackUrl=${encodeURIComponent(callbackUrl)}`,
        );
      }
    });
  }, [state, router, callbackUrl]);

  return (
    <form
      action={action}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        password.current = String(form.get('password') ?? '');
        // The account's time zone starts as the browser's (changeable on « Mon compte »).
        form.set('timeZone', Intl.DateTimeFormat().resolvedOptions().timeZone);
        startTransition(() => action(form));
      }}
      className="space-y-4"
      noValidate
    >
      <Field label={t('name')} error={state.fieldErrors?.name}>
        <TextInput
          name="name"
          autoComplete="name"
          defaultValue={state.values?.name}
          required
          aria-invalid={!!state.fieldErrors?.name}
        />
      </Field>
      <Field label={t('email')} error={state.fieldErrors?.email}>
        <TextInput
          name="email"
          type="email"
          defaultValue={state.values?.email}
          autoComplete="email"
          required
          aria-invalid={!!state.fieldErrors?.email}
        />
      </Field>
      <Field
        label={t('password')}
        hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={state.fieldErrors?.password}
      >
        <TextInput
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
          aria-invalid={!!state.fieldErrors?.password}
        />
      </Field>
      {state.formError ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {state.formError}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending || state.ok}>
        {pending || state.ok ? t('pending') : t('submit')}
      </Button>
    </form>
  );
}
