'use client';
// « Supprimer l’équipe » (owners): the team's exact name, typed again, arms the button;
// the server compares it too (DELETE /api/v1/teams/{id}), then back to the list of teams.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';

export function DeleteTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const router = useRouter();
  const t = useTranslations('teams.deleteForm');
  const [confirmName, setConfirmName] = useState('');
  const matches = confirmName.trim().normalize('NFC') === teamName.normalize('NFC');
  const { run, pending, error, setError } = useAction(
    async () => {
      await apiFetch(`/api/v1/teams/${teamId}`, {
        method: 'DELETE',
        body: JSON.stringify({ confirmName }),
      });
      router.push('/teams');
      router.refresh();
    },
    { keepPendingOnSuccess: true },
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches) {
      setError(t('mismatch'));
      return;
    }
    void run();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field
        label={t.rich('confirmName', {
          team: teamName,
          name: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
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
        {pending ? t('deleting') : t('delete')}
      </Button>
    </form>
  );
}
