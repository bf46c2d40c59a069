'use client';
// Signing in with e-mail and password (next-auth credentials, no redirect: the refusal is said
// here), then on to where the visitor was headed.
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';

/** next-auth answered without signing in: `message` is what to tell the visitor. */
class SignInRefused extends Error {}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const t = useTranslations('auth.signIn');
  const { run, pending, error } = useAction(
    async (form: FormData) => {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (result?.error === 'TooManyAttempts') {
        throw new SignInRefused(t('tooManyAttempts'));
      }
      if (!result || result.error) {
        // One message whatever went wrong: it must not tell whether the e-mail has an account.
        throw new SignInRefused(t('refused'));
      }
    },
    {
      message: (e) => (e instanceof SignInRefused ? e.message : t('unexpected')),
    },
  );

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await run(new FormData(event.currentTarget))) {
      router.replace(callbackUrl);
      router.refresh();
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="space-y-4" noValidate>
      <Field label={t('email')}>
        <TextInput name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label={t('password')}>
        <TextInput name="password" type="password" autoComplete="current-password" required />
      </Field>
      {error ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </Button>
    </form>
  );
}
