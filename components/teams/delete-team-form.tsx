'use client';
// « Supprimer l’équipe » (owners): the team's exact name, typed again, arms the button;
// the server compares it too (DELETE /api/v1/teams/{id}), then back to the list of teams.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { apiFetch, errorMessage } from '@/lib/api/client';
import { FormError } from '@/components/ui/form-error';

export function DeleteTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const router = useRouter();
  const [confirmName, setConfirmName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const matches = confirmName.trim().normalize('NFC') === teamName.normalize('NFC');

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches) {
      setError('Saisissez exactement le nom de l’équipe pour confirmer.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await apiFetch(`/api/v1/teams/${teamId}`, {
        method: 'DELETE',
        body: JSON.stringify({ confirmName }),
      });
      router.push('/teams');
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="space-y-3" noValidate>
      <Field
        label={
          <>
            Pour confirmer, saisissez le nom de l’équipe :{' '}
            <span className="font-semibold">{teamName}</span>
          </>
        }
      >
        <TextInput
          name="confirmName"
          value={confirmName}
          onChange={(event) => setConfirmName(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={120}
          required
          aria-invalid={error !== null}
        />
      </Field>
      <FormError message={error} />
      <Button type="submit" variant="destructive" disabled={pending || !matches}>
        {pending ? 'Suppression…' : 'Supprimer l’équipe'}
      </Button>
    </form>
  );
}
