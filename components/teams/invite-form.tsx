'use client';
// "Inviter": creates a single-use invitation link for a role the inviter may hand out, and shows
// it once, to be passed on by hand (there is no mail server).
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';
import { type Role } from '@/lib/permissions';
import { CopyField } from '@/components/ui/copy-field';
import { FormError } from '@/components/ui/form-error';

interface CreatedInvitation {
  id: string;
  role: Role;
  url: string;
  expiresAt: string;
}

export function InviteForm({ teamId, roles }: { teamId: string; roles: Role[] }) {
  const router = useRouter();
  const t = useTranslations('teams.inviteForm');
  const format = useFormatter();
  const labels = useTranslations('labels');
  const selectId = useId();
  const [role, setRole] = useState<Role>(roles.includes('reviewer') ? 'reviewer' : roles[0]);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const { run, pending, error } = useAction(async () => {
    const invitation = await apiFetch<CreatedInvitation>(`/api/v1/teams/${teamId}/invitations`, {
      method: 'POST',
      body: JSON.stringify({ role }),
    });
    setCreated(invitation);
    router.refresh();
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="text-sm">
          <label htmlFor={selectId} className="block font-medium text-stone-800">
            {t('role')}
          </label>
          <select
            id={selectId}
            value={role}
            onChange={(event) => {
              // Only a role offered here: the select lists `roles`, not every role.
              const chosen = roles.find((r) => r === event.target.value);
              if (chosen) setRole(chosen);
            }}
            className="mt-1 block rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm shadow-sm"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {labels(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t('creating') : t('create')}
        </Button>
      </form>
      <FormError message={error} />
      {created ? (
        <div className="space-y-1 rounded-lg border border-blue-200 bg-blue-50/50 p-3">
          <CopyField
            key={created.id}
            label={t('link')}
            value={created.url}
            copiedMessage={t('copied')}
          />
          <p className="text-xs text-stone-600">
            {t.rich('created', {
              role: labels(`role.${created.role}`),
              date: format.dateTime(new Date(created.expiresAt), 'dateTime'),
              time: (chunks) => <time dateTime={created.expiresAt}>{chunks}</time>,
            })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
