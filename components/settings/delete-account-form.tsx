'use client';
// « Supprimer mon compte »: the current password, then a confirmation dialog; on success the
// browser signs out (the session no longer exists on the server) and lands on the sign-in page.
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, TextInput } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';
import { FormError } from '@/components/ui/form-error';

export function DeleteAccountForm() {
  const t = useTranslations('settings.deleteAccount');
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  // Shown beside the form (a wrong password, a team to hand over first); pending until
  // signOut() has left the page.
  const {
    run: onConfirm,
    pending,
    error,
    setError,
  } = useAction(
    async () => {
      try {
        await apiFetch('/api/v1/me', { method: 'DELETE', body: JSON.stringify({ password }) });
        await signOut({ callbackUrl: '/sign-in' });
      } catch (e) {
        setConfirming(false);
        throw e;
      }
    },
    { keepPendingOnSuccess: true },
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password === '') {
      setError(t('passwordRequired'));
      return;
    }
    setError(null);
    setConfirming(true);
  }

  return (
    <>
      <form onSubmit={onSubmit} className="max-w-md space-y-3" noValidate>
        <Field label={t('password')}>
          <TextInput
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            maxLength={200}
            required
            aria-invalid={error !== null}
          />
        </Field>
        <FormError message={error} />
        <Button type="submit" variant="destructive" aria-haspopup="dialog" disabled={pending}>
          {t('submit')}
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('confirm.title')}
        confirmLabel={t('confirm.confirm')}
        pendingLabel={t('confirm.pending')}
        pending={pending}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('confirm.consequences')}</p>
        <p>{t('confirm.remains')}</p>
      </ConfirmDialog>
    </>
  );
}
