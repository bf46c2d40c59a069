'use client';
// « Supprimer mon compte »: the current password, then a confirmation dialog; on success the
// browser signs out (the session no longer exists on the server) and lands on the sign-in page.
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, TextInput } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';
import { FormError } from '@/components/ui/form-error';

export function DeleteAccountForm() {
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
      setError('Saisissez votre mot de passe actuel pour confirmer.');
      return;
    }
    setError(null);
    setConfirming(true);
  }

  return (
    <>
      <form onSubmit={onSubmit} className="max-w-md space-y-3" noValidate>
        <Field label="Mot de passe actuel">
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
          Supprimer mon compte
        </Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Supprimer votre compte ?"
        confirmLabel="Supprimer mon compte"
        pendingLabel="Suppression…"
        pending={pending}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Vous ne pourrez plus vous connecter, et vos jetons d’accès cesseront de fonctionner. Les
          rédactions dont vous êtes le seul membre seront supprimées avec leurs articles.
        </p>
        <p>
          Dans les autres rédactions, vos verdicts, commentaires et surlignages restent, signés «
          Compte supprimé ». Cette action ne peut pas être annulée.
        </p>
      </ConfirmDialog>
    </>
  );
}
