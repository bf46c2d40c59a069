'use client';
// Who is asked to check this sentence; editors and owners change it.
import { useTranslations } from 'next-intl';
import { useAction } from '@/components/ui/use-action';
import { apiFetch, apiMessageOr } from '@/lib/api/client';
import type { TeamMember } from './sentence-panel';

export function AssigneePicker({
  sentenceId,
  assignee,
  members,
  canAssign,
  onChanged,
}: {
  sentenceId: string;
  assignee: { id: string; name: string } | null;
  members: TeamMember[];
  canAssign: boolean;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations('reader');
  const {
    run: assign,
    pending: busy,
    error,
  } = useAction(
    async (userId: string) => {
      await apiFetch(`/api/v1/sentences/${sentenceId}/assignee`, {
        method: 'PUT',
        body: JSON.stringify({ userId: userId || null }),
      });
      await onChanged();
    },
    { message: apiMessageOr(t('assignee.failed')) },
  );

  if (!canAssign) {
    return assignee ? (
      <p className="text-sm text-stone-600">
        {t.rich('assignee.assignedTo', {
          name: assignee.name,
          strong: (chunks) => <span className="font-medium">{chunks}</span>,
        })}
      </p>
    ) : null;
  }

  return (
    <div className="text-sm">
      <label className="flex items-center gap-2">
        <span className="text-stone-700">{t('assignee.label')}</span>
        <select
          className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
          value={assignee?.id ?? ''}
          disabled={busy}
          onChange={(e) => void assign(e.target.value)}
        >
          <option value="">{t('assignee.nobody')}</option>
          {members
            .filter((m) => m.role !== 'viewer')
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
        </select>
      </label>
      {error ? (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
