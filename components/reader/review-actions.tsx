'use client';
// What a second member can do with a teammate's submitted verdict: approve it (it becomes the
// sentence's published verdict) or send it back with a reason. On a disputed sentence, editors
// and owners settle by keeping one verdict; reviewers wait for them.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextArea } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { apiFetch, apiMessageOr } from '@/lib/api/client';
import type { VerdictDto } from '@/lib/server/verdicts/serialize';

export function ReviewActions({
  verdict,
  sentenceId,
  disputed,
  canResolve,
  onChanged,
}: {
  verdict: VerdictDto;
  sentenceId: string;
  disputed: boolean;
  canResolve: boolean;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations('reader');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const {
    run,
    pending: busy,
    error,
  } = useAction(
    async (url: string, body: object) => {
      await apiFetch(url, { method: 'POST', body: JSON.stringify(body) });
      setRejecting(false);
      await onChanged();
    },
    { message: apiMessageOr(t('shared.actionFailed')) },
  );

  const author = verdict.author.name;
  // French elides « de » before a vowel (« d’Ana », « de Ben »): the messages choose by `vowel`.
  const names = { author, vowel: startsWithVowel(author) ? 'yes' : 'no' };
  return (
    <div className="mt-2 space-y-2">
      <div className="flex flex-wrap gap-2">
        {disputed ? (
          canResolve ? (
            <Button
              disabled={busy}
              onClick={() =>
                void run(`/api/v1/sentences/${sentenceId}/resolve`, {
                  verdictId: verdict.id,
                  version: verdict.version,
                })
              }
            >
              {t('reviewActions.keep', names)}
            </Button>
          ) : null
        ) : (
          <Button
            disabled={busy}
            onClick={() =>
              void run(`/api/v1/verdicts/${verdict.id}/approve`, { version: verdict.version })
            }
          >
            {t('reviewActions.approve', names)}
          </Button>
        )}
        <Button variant="secondary" disabled={busy} onClick={() => setRejecting((v) => !v)}>
          {t('reviewActions.sendBack', { author })}
        </Button>
      </div>
      {rejecting ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            void run(`/api/v1/verdicts/${verdict.id}/reject`, {
              reason,
              version: verdict.version,
            });
          }}
        >
          <Field label={t('reviewActions.reasonLabel', names)}>
            <TextArea
              rows={2}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <Button type="submit" disabled={busy || reason.trim() === ''}>
            {t('reviewActions.sendBackWithReason')}
          </Button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Whether a name starts with a vowel, for the French messages' elision (« d’Ana »). */
function startsWithVowel(name: string): boolean {
  return /^[aeiouyàâäéèêëîïôöùûü]/i.test(name);
}
