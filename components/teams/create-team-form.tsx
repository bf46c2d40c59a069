'use client';
// "Créer une rédaction": POST /api/v1/teams, then straight to the new team's page (I own it).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';

export function CreateTeamForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const { run, pending, error } = useAction(
    async () => {
      const team = await apiFetch<{ id: string }>('/api/v1/teams', {
        method: 'POST',
        body: JSON.stringify({ name }),
      });
      router.push(`/teams/${team.id}`);
      router.refresh();
    },
    { keepPendingOnSuccess: true },
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field label="Nom de la rédaction">
        <TextInput
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={120}
          required
          aria-invalid={error !== null}
        />
      </Field>
      <FormError message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Création…' : 'Créer'}
      </Button>
    </form>
  );
}
