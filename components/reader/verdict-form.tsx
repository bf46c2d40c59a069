'use client';
// My verdict on a sentence: rating, rationale, sources and the claim's fields, saved as a draft,
// then submitted for a second pair of eyes. Nothing typed here is lost:
//  - every change is kept on this device at once (lib/offline/verdict-draft.ts), so a reload,
//    a crash or a closed panel reopens the form where it was;
//  - a draft (or a first verdict) is saved to the server by itself a moment after typing stops,
//    with its version (another device then reopens it too); offline, the save waits in the
//    device's queue. A submitted or approved verdict changes only when I press « Enregistrer »;
//  - leaving the page with changes the server does not have yet asks first;
//  - when my verdict changed elsewhere (another tab, a stale save answered 409), both versions
//    are shown side by side: keep mine, take theirs, or merge and edit.
// Messages describe the current state only: one about a version that is no longer current, or
// an error about a field since changed, is not shown.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextArea } from '@/components/ui/field';
import { ApiError, apiFetch, QueuedOffline } from '@/lib/api/client';
import {
  BLANK_CLAIM,
  claimDraftOf,
  claimInputOf,
  clearDraft,
  readDraft,
  restoreDecision,
  sameContent,
  writeDraft,
  type DraftClaim,
  type VerdictDraft,
} from '@/lib/offline/verdict-draft';
import type { Rating } from '@/lib/reports/verdict-scale';
import type { VerdictDto } from '@/lib/server/verdicts/serialize';
import { setVerdictSchema } from '@/lib/validations/verdict';
import { ClaimFieldsEditor } from './claim-fields-editor';
import { RatingPicker } from './rating-picker';
import { draftOf, SourcesEditor, toSourceInput, type SourceDraft } from './sources-editor';
import { VerdictCompare } from './verdict-compare';
import { VerdictStatusLine } from './verdict-status';

/** A validation problem as the API reports it: `sources.0.url` → message. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A message, and the version of my verdict it is about (shown only while it is current). */
type Notice = { kind: 'error' | 'ok'; text: string; version?: number };

/** Where my latest changes are: only here, on the device, waiting to be sent, or saved. */
type Saved = 'clean' | 'device' | 'saving' | 'queued' | 'server';

const AUTOSAVE_MS = 1500;

function fromServer(verdict: VerdictDto) {
  return {
    rating: verdict.rating,
    rationale: verdict.rationale,
    sources: verdict.sources.map(draftOf),
    claim: claimDraftOf(verdict.claim),
  };
}

function withoutKey(source: SourceDraft) {
  const { url, title, publisher, publishedAt, excerpt } = source;
  return { url, title, publisher, publishedAt, excerpt };
}

/** Each claim field of mine, else theirs. */
function mergedClaim(mine: DraftClaim, theirs: DraftClaim): DraftClaim {
  const pick = (key: 'summary' | 'claimant' | 'date' | 'appearanceUrl') =>
    mine[key].trim() ? mine[key] : theirs[key];
  return {
    summary: pick('summary'),
    claimant: pick('claimant'),
    claimantKind: mine.claimant.trim() ? mine.claimantKind : theirs.claimantKind,
    date: pick('date'),
    appearanceUrl: pick('appearanceUrl'),
  };
}

/** Mine and theirs in one: my rating, both rationales, every source once, my claim fields first. */
function merged(
  mine: { rating: Rating | null; rationale: string; sources: SourceDraft[]; claim: DraftClaim },
  theirs: VerdictDto,
) {
  const rationale =
    !theirs.rationale.trim() || mine.rationale.includes(theirs.rationale.trim())
      ? mine.rationale
      : mine.rationale.trim()
        ? `${mine.rationale.trim()}\n\n${theirs.rationale.trim()}`
        : theirs.rationale;
  const urls = new Set(mine.sources.map((s) => s.url.trim()));
  const sources = [...mine.sources, ...theirs.sources.filter((s) => !urls.has(s.url)).map(draftOf)];
  const claim = mergedClaim(mine.claim, claimDraftOf(theirs.claim));
  return { rating: mine.rating ?? theirs.rating, rationale, sources, claim };
}

export function VerdictForm({
  sentenceId,
  sentenceText,
  language,
  userId,
  mine,
  reviewersAvailable,
  onChanged,
}: {
  sentenceId: string;
  /** The sentence, for the claimant suggested from its attribution. */
  sentenceText: string;
  /** The article's language. */
  language: string;
  userId: string;
  mine: VerdictDto | null;
  /** Someone else in the team may approve my verdict (else submitting waits for nobody). */
  reviewersAvailable: boolean;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations('reader');
  // Opened again: the device's draft, if the server does not already have it.
  const [initial] = useState(() => {
    const kept = readDraft(userId, sentenceId);
    const decision = restoreDecision(
      kept,
      mine
        ? { ...mine, sources: mine.sources.map(draftOf), claim: claimDraftOf(mine.claim) }
        : null,
    );
    if (decision === 'discard') clearDraft(userId, sentenceId);
    const restored = decision === 'restore' || decision === 'conflict' ? kept : null;
    return { restored, conflict: decision === 'conflict' };
  });
  const restored = initial.restored;
  const [rating, setRating] = useState<Rating | null>(restored?.rating ?? mine?.rating ?? null);
  const [rationale, setRationale] = useState(restored?.rationale ?? mine?.rationale ?? '');
  const [sources, setSources] = useState<SourceDraft[]>(() =>
    restored
      ? restored.sources.map((s) => ({ ...s, key: crypto.randomUUID() }))
      : (mine?.sources ?? []).map(draftOf),
  );
  const [claim, setClaim] = useState<DraftClaim>(
    () => restored?.claim ?? (mine ? claimDraftOf(mine.claim) : BLANK_CLAIM),
  );
  const [version, setVersion] = useState<number | undefined>(
    restored && !initial.conflict ? (restored.baseVersion ?? undefined) : mine?.version,
  );
  const [saved, setSaved] = useState<Saved>(restored ? 'device' : 'clean');
  const dirty = saved !== 'clean' && saved !== 'server' && saved !== 'queued';
  const [notice, setNotice] = useState<Notice | null>(
    restored && !initial.conflict
      ? {
          kind: 'ok',
          text: t('verdictForm.restored'),
        }
      : null,
  );
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // The other side of a conflict: my verdict as the server has it now.
  const [current, setCurrent] = useState<VerdictDto | null>(initial.conflict ? mine : null);
  // The version of my verdict this form last took into account (loaded, saved or submitted).
  const [seenVersion, setSeenVersion] = useState(mine?.version);
  // Counts edits, so a save answered after more typing does not mark those edits as saved.
  const edits = useRef(0);
  const inFlight = useRef<Promise<VerdictDto> | null>(null);
  // The version the next save is based on, as soon as it is known (state follows a render later).
  const versionRef = useRef(version);
  useEffect(() => {
    versionRef.current = version;
  }, [version]);
  function adoptVersion(next: number | undefined) {
    versionRef.current = next;
    setVersion(next);
  }
  const [lastEdit, setLastEdit] = useState(0);
  const [autoPaused, setAutoPaused] = useState(false);

  function load(verdict: VerdictDto) {
    const content = fromServer(verdict);
    setRating(content.rating);
    setRationale(content.rationale);
    setSources(content.sources);
    setClaim(content.claim);
    adoptVersion(verdict.version);
    setSaved('clean');
    setCurrent(null);
    setFieldErrors({});
    clearDraft(userId, sentenceId);
  }

  // My verdict changed outside this form: follow it, unless I have changes of my own (then
  // offer to compare). Adjusting state while rendering, as React recommends for props.
  if (mine && mine.version !== seenVersion) {
    setSeenVersion(mine.version);
    if (!dirty) load(mine);
    else if (!sameContent({ rating, rationale, sources, claim }, fromServer(mine))) {
      setCurrent(mine);
    } else setVersion(mine.version);
  }

  const canAutosave = !mine || mine.status === 'draft';

  /** Saves the form; the saved verdict, or null when it could not be saved (notice shown). */
  async function save(options: {
    auto: boolean;
    baseVersion?: number;
  }): Promise<VerdictDto | null> {
    if (!rating) {
      if (!options.auto) setNotice({ kind: 'error', text: t('verdictForm.chooseRating') });
      return null;
    }
    const payload = {
      rating,
      rationale,
      version: options.baseVersion,
      sources: toSourceInput(sources),
      claim: claimInputOf(claim),
    };
    // The server's own schema, checked here first so mistakes show beside their field.
    const checked = setVerdictSchema.safeParse(payload);
    if (!checked.success) {
      if (!options.auto) {
        showFieldErrors(
          checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
      return null;
    }
    setFieldErrors({});
    const editsAtStart = edits.current;
    setSaved('saving');
    try {
      // One save at a time, each on the version the previous one returned (an autosave still
      // on its way would otherwise make « Enregistrer » a stale write of my own).
      while (inFlight.current) await inFlight.current.catch(() => undefined);
      const request = apiFetch<VerdictDto>(`/api/v1/sentences/${sentenceId}/verdict`, {
        method: 'PUT',
        body: JSON.stringify({ ...payload, version: payload.version ?? versionRef.current }),
        // Offline, the latest state of my verdict waits on this device (one write, not many).
        offline: { label: t('verdictForm.offlineLabel'), replaceable: true },
      });
      inFlight.current = request;
      const result = await request.finally(() => {
        if (inFlight.current === request) inFlight.current = null;
      });
      setSeenVersion(result.version);
      adoptVersion(result.version);
      if (edits.current === editsAtStart) {
        setSaved('server');
        clearDraft(userId, sentenceId);
      } else {
        setSaved('device');
      }
      return result;
    } catch (error) {
      // The device keeps its copy (writeDraft in edit) until the server has the same content.
      if (error instanceof QueuedOffline) {
        setSaved(edits.current === editsAtStart ? 'queued' : 'device');
        if (!options.auto) setNotice({ kind: 'ok', text: error.message });
        return null;
      }
      setSaved('device');
      // Not retried by itself: the next change (or « Enregistrer ») tries again.
      if (options.auto) setAutoPaused(true);
      handleError(error);
      return null;
    }
  }

  // Autosave: a moment after typing stops, a draft goes to the server by itself (the latest
  // `save`, which sees the latest fields, through a ref).
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  useEffect(() => {
    if (saved !== 'device' || !canAutosave || current || busy || autoPaused || !rating) return;
    const timer = setTimeout(() => void saveRef.current({ auto: true }), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [saved, canAutosave, current, busy, autoPaused, rating, lastEdit]);

  // Leaving with changes the server does not have yet asks first (they stay on the device).
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  function keep(
    next: Partial<Pick<VerdictDraft, 'rating' | 'rationale' | 'claim'>> & {
      sources?: SourceDraft[];
    },
    baseVersion = version,
  ) {
    edits.current += 1;
    setLastEdit(edits.current);
    setAutoPaused(false);
    writeDraft(userId, sentenceId, {
      rating: next.rating !== undefined ? next.rating : rating,
      rationale: next.rationale ?? rationale,
      sources: (next.sources ?? sources).map(withoutKey),
      claim: next.claim ?? claim,
      baseVersion: baseVersion ?? null,
      savedAt: Date.now(),
    });
    setSaved('device');
    // An error about what was there before no longer applies.
    setNotice((n) => (n?.kind === 'error' ? null : n));
  }

  function showFieldErrors(problems: FieldProblem[]) {
    setFieldErrors(Object.fromEntries(problems.map((p) => [p.path, p.message])));
    setNotice({ kind: 'error', text: t('shared.checkFields') });
  }

  function handleError(error: unknown) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'conflict') {
      const theirs = (error.details as { current?: VerdictDto } | undefined)?.current ?? null;
      if (theirs && sameContent({ rating, rationale, sources, claim }, fromServer(theirs))) {
        // The server already has what I wrote (sent from another tab, or replayed): no conflict.
        setSeenVersion(theirs.version);
        adoptVersion(theirs.version);
        setSaved('server');
        clearDraft(userId, sentenceId);
        return;
      }
      setCurrent(theirs);
    } else if (error instanceof ApiError && error.code === 'validation_failed') {
      showFieldErrors((error.details as FieldProblem[] | undefined) ?? []);
    } else {
      setNotice({
        kind: 'error',
        text: error instanceof ApiError ? error.message : t('shared.saveFailed'),
      });
    }
  }

  async function onSave(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    const result = await save({ auto: false });
    if (result) {
      setNotice({ kind: 'ok', text: t('verdictForm.saved'), version: result.version });
      await onChanged();
    }
    setBusy(false);
  }

  async function onSubmitForReview() {
    setBusy(true);
    setNotice(null);
    let base: { version: number } | null =
      mine && !dirty && version !== undefined ? { version } : null;
    if (!base) base = await save({ auto: false });
    if (base) {
      try {
        const sent = await apiFetch<VerdictDto>(`/api/v1/sentences/${sentenceId}/verdict/submit`, {
          method: 'POST',
          body: JSON.stringify({ version: base.version }),
        });
        setSeenVersion(sent.version);
        adoptVersion(sent.version);
        setSaved('server');
        clearDraft(userId, sentenceId);
        setNotice({
          kind: 'ok',
          version: sent.version,
          text: reviewersAvailable
            ? t('verdictForm.submitted')
            : t('verdictForm.submittedNoReviewer'),
        });
        await onChanged();
      } catch (error) {
        handleError(error);
      }
    }
    setBusy(false);
  }

  async function keepMine() {
    if (!current) return;
    const base = current.version;
    setCurrent(null);
    setBusy(true);
    setNotice(null);
    const result = await save({ auto: false, baseVersion: base });
    if (result) {
      setNotice({ kind: 'ok', text: t('verdictForm.mineSaved'), version: result.version });
      await onChanged();
    }
    setBusy(false);
  }

  function mergeBoth() {
    if (!current) return;
    const next = merged({ rating, rationale, sources, claim }, current);
    setRating(next.rating);
    setRationale(next.rationale);
    setSources(next.sources);
    setClaim(next.claim);
    adoptVersion(current.version);
    setCurrent(null);
    keep(next, current.version);
    // Saved only once read over: a merge is a proposal.
    setAutoPaused(true);
    setNotice({
      kind: 'ok',
      text: t('verdictForm.merged'),
    });
  }

  const canSubmit =
    rating !== null && (dirty || !mine || mine.status === 'draft' || mine.status === 'rejected');
  const shownNotice =
    notice && (notice.version === undefined || notice.version === mine?.version) ? notice : null;

  return (
    <form onSubmit={onSave} className="space-y-4" aria-label={t('verdictForm.label')}>
      {mine ? <VerdictStatusLine verdict={mine} own /> : null}
      <RatingPicker
        legend={t('verdictForm.label')}
        name={`rating-${sentenceId}`}
        value={rating}
        onChange={(value) => {
          setRating(value);
          keep({ rating: value });
        }}
      />
      <Field label={t('verdictForm.rationale')} error={fieldErrors.rationale}>
        <TextArea
          value={rationale}
          onChange={(e) => {
            setRationale(e.target.value);
            keep({ rationale: e.target.value });
          }}
          rows={4}
          maxLength={20000}
        />
      </Field>
      <SourcesEditor
        sources={sources}
        onChange={(next) => {
          setSources(next);
          keep({ sources: next });
        }}
        fieldErrors={fieldErrors}
        hint={t('verdictForm.sourcesHint')}
      />
      <ClaimFieldsEditor
        claim={claim}
        onChange={(next) => {
          setClaim(next);
          keep({ claim: next });
        }}
        sentenceText={sentenceText}
        language={language}
        fieldErrors={fieldErrors}
      />

      {shownNotice ? (
        <p
          role={shownNotice.kind === 'ok' ? 'status' : 'alert'}
          className={`rounded-md px-3 py-2 text-sm ${shownNotice.kind === 'ok' ? 'bg-green-50 text-green-800' : 'bg-red-50 text-red-800'}`}
        >
          {shownNotice.text}
        </p>
      ) : null}
      {current ? (
        <VerdictCompare
          mine={{ rating, rationale, sources }}
          current={current}
          busy={busy}
          onKeepMine={() => void keepMine()}
          onTakeTheirs={() => load(current)}
          onMerge={mergeBoth}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant={canSubmit ? 'secondary' : 'primary'} disabled={busy}>
          {busy ? t('shared.saving') : t('verdictForm.save')}
        </Button>
        {canSubmit ? (
          <Button onClick={() => void onSubmitForReview()} disabled={busy}>
            {t('verdictForm.submit')}
          </Button>
        ) : null}
        <SaveState saved={saved} autosaves={canAutosave && rating !== null} />
      </div>
    </form>
  );
}

/** Where my changes are, in a few words (announced politely to screen readers). */
function SaveState({ saved, autosaves }: { saved: Saved; autosaves: boolean }) {
  const t = useTranslations('reader');
  const text: Record<Saved, string> = {
    clean: '',
    device: autosaves
      ? t('verdictForm.saveState.deviceAutosave')
      : t('verdictForm.saveState.device'),
    saving: t('verdictForm.saveState.saving'),
    queued: t('verdictForm.saveState.queued'),
    server: t('verdictForm.saveState.server'),
  };
  return (
    <span
      role="status"
      aria-live="polite"
      className="text-xs text-stone-500"
      data-testid="save-state"
      data-saved={saved}
    >
      {text[saved]}
    </span>
  );
}
