'use client';
// "Créer une rédaction": POST /api/v1/teams, then straight to the new team's page (I own it).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';

export function CreateTeamForm() {
  const router = useRouter();
  const t = useTranslations('teams.createForm');
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
      <Field label={t('name')}>
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
        {pending ? t('creating') : t('create')}
      </Button>
    </form>
  );
}
