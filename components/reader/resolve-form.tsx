'use client';
// An editor or owner settles a disputed sentence by writing the final verdict, with a rationale
// (required) and sources. Keeping one of the verdicts in play is offered beside each verdict.
// A member who may not settle it (a party to the dispute, when the team does not allow parties
// to settle) reads why instead of the form: `canResolve` and `resolveRefusal` come from the
// sentence detail (GET /api/v1/sentences/{id}), computed by the server with the rule it
// enforces; the server refuses anyway (403 adjudicator_is_party).
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextArea } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { ApiError, apiFetch } from '@/lib/api/client';
import type { Rating } from '@/lib/reports/verdict-scale';
import { resolveDisputeSchema } from '@/lib/validations/verdict';
import { RatingPicker } from './rating-picker';
import { SourcesEditor, toSourceInput, type SourceDraft } from './sources-editor';
import type { FieldProblem } from './verdict-form';

export function ResolveForm({
  sentenceId,
  onChanged,
  canResolve = true,
  resolveRefusal = null,
}: {
  sentenceId: string;
  onChanged: () => Promise<void>;
  /** The sentence detail's `canResolve`: false shows `resolveRefusal` instead of the form. */
  canResolve?: boolean;
  /** The sentence detail's `resolveRefusal`. */
  resolveRefusal?: string | null;
}) {
  const t = useTranslations('reader');
  const [open, setOpen] = useState(false);
  const [rating, setRating] = useState<Rating | null>(null);
  const [rationale, setRationale] = useState('');
  const [sources, setSources] = useState<SourceDraft[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function showProblems(problems: FieldProblem[]) {
    setFieldErrors(Object.fromEntries(problems.map((p) => [p.path, p.message])));
    return t('shared.checkFields');
  }

  const {
    run,
    pending: busy,
    error,
    setError,
  } = useAction(
    async (payload: {
      rating: Rating;
      rationale: string;
      sources: ReturnType<typeof toSourceInput>;
    }) => {
      await apiFetch(`/api/v1/sentences/${sentenceId}/resolve`, {
        method: 'POST',
        body: JSON.stringify(payload),
      });
      setOpen(false);
      await onChanged();
    },
    {
      message: (e) => {
        if (e instanceof ApiError && e.code === 'validation_failed') {
          return showProblems((e.details as FieldProblem[] | undefined) ?? []);
        }
        return e instanceof ApiError ? e.message : t('shared.actionFailed');
      },
    },
  );

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!rating) {
      setError(t('resolveForm.chooseRating'));
      return;
    }
    const payload = { rating, rationale, sources: toSourceInput(sources) };
    const checked = resolveDisputeSchema.safeParse(payload);
    if (!checked.success) {
      setError(
        showProblems(
          checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      );
      return;
    }
    setFieldErrors({});
    void run(payload);
  }

  if (!canResolve) {
    return resolveRefusal ? (
      <p className="rounded-md bg-stone-50 px-2 py-1.5 text-sm text-stone-700" role="note">
        {resolveRefusal}
      </p>
    ) : null;
  }
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('resolveForm.open')}
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t('resolveForm.label')}>
      <RatingPicker
        legend={t('resolveForm.label')}
        name={`final-${sentenceId}`}
        value={rating}
        onChange={setRating}
      />
      <Field label={t('resolveForm.rationale')} error={fieldErrors.rationale}>
        <TextArea rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} />
      </Field>
      <SourcesEditor sources={sources} onChange={setSources} fieldErrors={fieldErrors} />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>
          {t('resolveForm.resolve')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('shared.cancel')}
        </Button>
      </div>
    </form>
  );
}
