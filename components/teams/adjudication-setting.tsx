'use client';
// « Arbitrage des litiges »: whether a member who rated a disputed sentence may settle the
// dispute. Owners change it with a checkbox (PATCH /api/v1/teams/{id}, checked again on the
// server); the other members read the rule in force.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';

export function AdjudicationSetting({
  teamId,
  allowPartyAdjudication,
  canChange,
}: {
  teamId: string;
  allowPartyAdjudication: boolean;
  canChange: boolean;
}) {
  const router = useRouter();
  const t = useTranslations('teams.adjudication');
  const [allowed, setAllowed] = useState(allowPartyAdjudication);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, pending, error } = useAction(async (next: boolean) => {
    const team = await apiFetch<{ allowPartyAdjudication: boolean }>(`/api/v1/teams/${teamId}`, {
      method: 'PATCH',
      body: JSON.stringify({ allowPartyAdjudication: next }),
    });
    setAllowed(team.allowPartyAdjudication);
    setSaved(t('saved'));
    router.refresh();
  });

  function onChange(next: boolean) {
    setSaved(null);
    void run(next);
  }

  if (!canChange) {
    return (
      <p className="text-sm text-stone-700" data-testid="adjudication-rule">
        {allowed ? t('ruleWithPartyAllowed') : t('rule')}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-600">{t('rule')}</p>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={allowed}
          disabled={pending}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>
          <span className="font-medium text-stone-800">{t('allow')}</span>
          <span className="mt-0.5 block text-xs text-stone-500">{t('allowHint')}</span>
        </span>
      </label>
      <p role="status" className="text-xs text-stone-600">
        {saved}
      </p>
      <FormError message={error} />
    </div>
  );
}
