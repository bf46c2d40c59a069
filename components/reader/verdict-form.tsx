'use client';
// My verdict on a sentence: rating, rationale and sources, saved as a draft, then submitted for
// a second pair of eyes. The form keeps what I type when my verdict changes elsewhere (another
// tab, an editor settling a dispute) and offers to compare; a stale save gets the current one.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextArea } from '@/components/ui/field';
import { ApiError, apiFetch, QueuedOffline } from '@/lib/api/client';
import { ratingLabel, type Rating } from '@/lib/reports/verdict-scale';
import type { VerdictDto } from '@/lib/server/verdicts/serialize';
import { setVerdictSchema } from '@/lib/validations/verdict';
import { RatingPicker } from './rating-picker';
import { draftOf, SourcesEditor, toSourceInput, type SourceDraft } from './sources-editor';
import { VerdictStatusLine } from './verdict-status';

/** A validation problem as the API reports it: `sources.0.url` → message. */
export interface FieldProblem {
  path: string;
  message: string;
}

type Notice = { kind: 'error' | 'ok' | 'conflict'; text: string };

export function VerdictForm({
  sentenceId,
  mine,
  onChanged,
}: {
  sentenceId: string;
  mine: VerdictDto | null;
  onChanged: () => Promise<void>;
}) {
  const [rating, setRating] = useState<Rating | null>(mine?.rating ?? null);
  const [rationale, setRationale] = useState(mine?.rationale ?? '');
  const [sources, setSources] = useState<SourceDraft[]>(() => (mine?.sources ?? []).map(draftOf));
  const [version, setVersion] = useState<number | undefined>(mine?.version);
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [current, setCurrent] = useState<VerdictDto | null>(null);
  // The version of my verdict this form last took into account (loaded, saved or submitted).
  const [seenVersion, setSeenVersion] = useState(mine?.version);

  function load(verdict: VerdictDto) {
    setRating(verdict.rating);
    setRationale(verdict.rationale);
    setSources(verdict.sources.map(draftOf));
    setVersion(verdict.version);
    setDirty(false);
    setCurrent(null);
  }

  // My verdict changed outside this form: follow it, unless I am in the middle of editing
  // (then offer to compare). Adjusting state while rendering, as React recommends for props.
  if (mine && mine.version !== seenVersion) {
    setSeenVersion(mine.version);
    if (!dirty) load(mine);
    else setCurrent(mine);
  }

  function edit<T>(setter: (value: T) => void) {
    return (value: T) => {
      setter(value);
      setDirty(true);
    };
  }

  function showFieldErrors(problems: FieldProblem[]) {
    setFieldErrors(Object.fromEntries(problems.map((p) => [p.path, p.message])));
    setNotice({ kind: 'error', text: 'Vérifiez les champs signalés.' });
  }

  /** Saves the form; the saved verdict, or null when it could not be saved (notice shown). */
  async function save(): Promise<VerdictDto | null> {
    if (!rating) {
      setNotice({ kind: 'error', text: 'Choisissez un verdict.' });
      return null;
    }
    const payload = { rating, rationale, version, sources: toSourceInput(sources) };
    // The server's own schema, checked here first so mistakes show beside their field.
    const checked = setVerdictSchema.safeParse(payload);
    if (!checked.success) {
      showFieldErrors(
        checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
      return null;
    }
    setFieldErrors({});
    try {
      const saved = await apiFetch<VerdictDto>(`/api/v1/sentences/${sentenceId}/verdict`, {
        method: 'PUT',
        body: JSON.stringify(payload),
        // Offline, the latest state of my verdict waits on this device (one write, not many).
        offline: { label: 'Verdict', replaceable: true },
      });
      setSeenVersion(saved.version);
      setVersion(saved.version);
      setDirty(false);
      return saved;
    } catch (error) {
      handleError(error);
      return null;
    }
  }

  function handleError(error: unknown) {
    if (error instanceof QueuedOffline) {
      setDirty(false);
      setNotice({ kind: 'ok', text: error.message });
      return;
    }
    if (error instanceof ApiError && error.status === 409 && error.code === 'conflict') {
      const details = error.details as { current?: VerdictDto } | undefined;
      setCurrent(details?.current ?? null);
      setNotice({
        kind: 'conflict',
        text: 'Votre verdict a été modifié ailleurs entre-temps. Comparez avec la version actuelle avant de réessayer.',
      });
    } else if (error instanceof ApiError && error.code === 'validation_failed') {
      showFieldErrors((error.details as FieldProblem[] | undefined) ?? []);
    } else {
      setNotice({
        kind: 'error',
        text: error instanceof ApiError ? error.message : 'Enregistrement impossible.',
      });
    }
  }

  async function onSave(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    const saved = await save();
    if (saved) {
      setNotice({ kind: 'ok', text: 'Verdict enregistré.' });
      await onChanged();
    }
    setBusy(false);
  }

  async function onSubmitForReview() {
    setBusy(true);
    setNotice(null);
    let base: { version: number } | null =
      mine && !dirty ? { version: version ?? mine.version } : null;
    if (!base) base = await save();
    if (base) {
      try {
        const sent = await apiFetch<VerdictDto>(`/api/v1/sentences/${sentenceId}/verdict/submit`, {
          method: 'POST',
          body: JSON.stringify({ version: base.version }),
        });
        setSeenVersion(sent.version);
        setVersion(sent.version);
        setNotice({ kind: 'ok', text: 'Verdict soumis : un·e autre membre va le relire.' });
        await onChanged();
      } catch (error) {
        handleError(error);
      }
    }
    setBusy(false);
  }

  const canSubmit =
    rating !== null && (dirty || !mine || mine.status === 'draft' || mine.status === 'rejected');

  return (
    <form onSubmit={onSave} className="space-y-4" aria-label="Mon verdict">
      {mine ? <VerdictStatusLine verdict={mine} own /> : null}
      <RatingPicker
        legend="Mon verdict"
        name={`rating-${sentenceId}`}
        value={rating}
        onChange={edit(setRating)}
      />
      <Field label="Justification" error={fieldErrors.rationale}>
        <TextArea
          value={rationale}
          onChange={(e) => edit(setRationale)(e.target.value)}
          rows={4}
          maxLength={20000}
        />
      </Field>
      <SourcesEditor
        sources={sources}
        onChange={edit(setSources)}
        fieldErrors={fieldErrors}
        hint="Un verdict se défend avec des sources : ajoutez celles que vous avez consultées."
      />

      {notice ? (
        <p
          role={notice.kind === 'ok' ? 'status' : 'alert'}
          className={`rounded-md px-3 py-2 text-sm ${notice.kind === 'ok' ? 'bg-green-50 text-green-800' : 'bg-red-50 text-red-800'}`}
        >
          {notice.text}
        </p>
      ) : null}
      {current ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          <p>
            Version actuelle ({current.version}) : <strong>{ratingLabel(current.rating)}</strong>
            {current.rationale ? ` — ${current.rationale}` : ''}
          </p>
          <Button variant="secondary" className="mt-2" onClick={() => load(current)}>
            Charger la version actuelle
          </Button>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={canSubmit ? 'secondary' : 'primary'} disabled={busy}>
          {busy ? 'Enregistrement…' : 'Enregistrer le verdict'}
        </Button>
        {canSubmit ? (
          <Button onClick={() => void onSubmitForReview()} disabled={busy}>
            Soumettre pour relecture
          </Button>
        ) : null}
      </div>
    </form>
  );
}
