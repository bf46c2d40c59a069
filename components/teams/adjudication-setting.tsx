'use client';
// « Arbitrage des litiges »: whether a member who rated a disputed sentence may settle the
// dispute. Owners change it with a checkbox (PATCH /api/v1/teams/{id}, checked again on the
// server); the other members read the rule in force.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';

const RULE =
  'Un litige est tranché par un·e éditeur·rice ou propriétaire qui n’a pas noté la phrase.';

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
  const [allowed, setAllowed] = useState(allowPartyAdjudication);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, pending, error } = useAction(async (next: boolean) => {
    const team = await apiFetch<{ allowPartyAdjudication: boolean }>(`/api/v1/teams/${teamId}`, {
      method: 'PATCH',
      body: JSON.stringify({ allowPartyAdjudication: next }),
    });
    setAllowed(team.allowPartyAdjudication);
    setSaved('Réglage enregistré.');
    router.refresh();
  });

  function onChange(next: boolean) {
    setSaved(null);
    void run(next);
  }

  if (!canChange) {
    return (
      <p className="text-sm text-stone-700" data-testid="adjudication-rule">
        {allowed
          ? `${RULE} La rédaction autorise toutefois une partie au désaccord à le trancher ; les rapports le signalent.`
          : RULE}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-600">{RULE}</p>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={allowed}
          disabled={pending}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>
          <span className="font-medium text-stone-800">
            Autoriser une partie au désaccord à le trancher
          </span>
          <span className="mt-0.5 block text-xs text-stone-500">
            Pour les petites rédactions : un·e éditeur·rice ou propriétaire qui a noté la phrase
            peut alors trancher, et les rapports indiquent « tranché par une partie au désaccord ».
          </span>
        </span>
      </label>
      <p role="status" className="text-xs text-stone-600">
        {saved}
      </p>
      <FormError message={error} />
    </div>
  );
}
