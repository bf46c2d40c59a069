'use client';
// « L’affirmation » in my verdict: what ClaimReview publishes about the claim — a short summary
// (Google advises under 75 characters; blank: the sentence, shortened), who made it (suggested
// from the sentence's attribution, « Vladimir Poutine », never filled in by itself), a person
// or an organisation, when, and where it appeared (blank: the article). Folded away by default:
// most verdicts need none of it.
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import type { DraftClaim } from '@/lib/offline/verdict-draft';
import { suggestClaimant } from '@/lib/text/claimant';
import { CLAIM_SUMMARY_MAX } from '@/lib/validations/verdict';

/** Google's advice for `claimReviewed` (lib/reports/claim-review.ts). */
const ADVISED = 75;

export function ClaimFieldsEditor({
  claim,
  onChange,
  sentenceText,
  language,
  fieldErrors,
}: {
  claim: DraftClaim;
  onChange: (next: DraftClaim) => void;
  sentenceText: string;
  language: string;
  fieldErrors: Record<string, string>;
}) {
  const t = useTranslations('reader.claimFields');
  const suggestion = useMemo(
    () => suggestClaimant(sentenceText, language),
    [sentenceText, language],
  );
  const set = (patch: Partial<DraftClaim>) => onChange({ ...claim, ...patch });
  const length = [...claim.summary.trim()].length;
  const filled = Object.entries(claim).some(([key, value]) => key !== 'claimantKind' && value);
  const error = (key: keyof DraftClaim) => fieldErrors[`claim.${key}`];
  return (
    <details className="rounded-md border border-stone-200 p-3" open={filled || undefined}>
      <summary className="cursor-pointer text-sm font-medium text-stone-800">{t('title')}</summary>
      <div className="mt-3 space-y-3">
        <Field
          label={t('summary')}
          hint={t('summaryHint', { length, advised: ADVISED })}
          error={error('summary')}
        >
          <TextInput
            value={claim.summary}
            maxLength={CLAIM_SUMMARY_MAX}
            aria-invalid={length > ADVISED || undefined}
            onChange={(e) => set({ summary: e.target.value })}
          />
        </Field>
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-48 flex-1">
            <Field label={t('claimant')} hint={t('claimantHint')} error={error('claimant')}>
              <TextInput
                value={claim.claimant}
                maxLength={200}
                onChange={(e) => set({ claimant: e.target.value })}
              />
            </Field>
          </div>
          <label className="block text-sm">
            <span className="font-medium text-stone-800">{t('kind')}</span>
            <select
              className="mt-1 block rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-600"
              value={claim.claimantKind}
              onChange={(e) =>
                set({ claimantKind: e.target.value === 'organization' ? 'organization' : 'person' })
              }
            >
              <option value="person">{t('person')}</option>
              <option value="organization">{t('organization')}</option>
            </select>
          </label>
        </div>
        {suggestion && suggestion !== claim.claimant.trim() ? (
          <Button
            variant="secondary"
            className="text-xs"
            onClick={() => set({ claimant: suggestion })}
          >
            {t('suggest', { name: suggestion })}
          </Button>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <div className="w-40">
            <Field label={t('date')} error={error('date')}>
              <TextInput
                type="date"
                value={claim.date}
                onChange={(e) => set({ date: e.target.value })}
              />
            </Field>
          </div>
          <div className="min-w-48 flex-1">
            <Field
              label={t('appearance')}
              hint={t('appearanceHint')}
              error={error('appearanceUrl')}
            >
              <TextInput
                type="url"
                inputMode="url"
                value={claim.appearanceUrl}
                maxLength={2048}
                onChange={(e) => set({ appearanceUrl: e.target.value })}
              />
            </Field>
          </div>
        </div>
      </div>
    </details>
  );
}
