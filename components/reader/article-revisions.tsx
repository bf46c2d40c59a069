'use client';
// The article's text history and, for editors and owners, correcting the text: every version
// is kept; highlights and verdicts follow (see lib/server/articles/revise-article.ts), and what
// could not follow is listed, never lost. A correction based on an old version is refused.
// The re-anchoring runs in a worker (202 and a job, followed live): the form stays on screen,
// read-only, until the job is over; on failure the text is still there to fix or copy.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { JobProgress } from '@/components/jobs/job-progress';
import { Button } from '@/components/ui/button';
import { Field, TextArea } from '@/components/ui/field';
import { apiFetch, errorMessage } from '@/lib/api/client';
import { followJob, JobFailedError } from '@/lib/api/follow-job';
import { jobOf, type JobDto } from '@/lib/api/job-types';
import { useFormatDate } from './verdict-status';

interface Revision {
  /** The article's row version (a rename bumps it too): the list's key. */
  version: number;
  /** The text's revision number: 1 for the import, 2 for the first correction… */
  number: number;
  source: string;
  note: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  summary: {
    sentences?: Record<'same' | 'nearly' | 'changed' | 'removed' | 'added', number>;
    highlights?: Record<'anchored' | 'fuzzy' | 'orphaned', number>;
    verdictsToRecheck?: number;
  };
}

/** The revision sources named in the catalogue (reader.revisions.source); others show as is. */
const SOURCES = ['paste', 'upload', 'url', 'import', 'edit', 'reimport'] as const;
type KnownSource = (typeof SOURCES)[number];

function isKnownSource(source: string): source is KnownSource {
  return (SOURCES as readonly string[]).includes(source);
}

type SummaryPart = 'changed' | 'added' | 'removed' | 'fuzzy' | 'orphaned' | 'toRecheck';

/** What a revision did, as counts by part (zero parts left out), in the summary's order. */
function summaryCounts(summary: Revision['summary']): [SummaryPart, number][] {
  const s = summary.sentences;
  const h = summary.highlights;
  const counts: [SummaryPart, number][] = [
    ['changed', s ? s.nearly + s.changed : 0],
    ['added', s?.added ?? 0],
    ['removed', s?.removed ?? 0],
    ['fuzzy', h?.fuzzy ?? 0],
    ['orphaned', h?.orphaned ?? 0],
    ['toRecheck', summary.verdictsToRecheck ?? 0],
  ];
  return counts.filter(([, count]) => count > 0);
}

interface Draft {
  draft: string;
  note: string;
  /** The version the correction was started from: the server refuses it if that is stale. */
  baseVersion: number;
  /** The correction's job, while it runs. */
  jobId: string | null;
}

/**
 * Corrections being written or saved, by article. A new text version remounts the reader
 * (app/(app)/articles/[id]/page.tsx keys it by version) — our own job's, or a teammate's while
 * ours runs: kept here, outside the component, the text survives and the job is followed on.
 * Also across leaving the article and coming back (not a reload): a draft is closed with
 * « Annuler » or by saving it.
 */
const drafts = new Map<string, Draft>();

export function ArticleRevisions({
  articleId,
  version,
  text,
  revisionCount,
  canEdit,
}: {
  articleId: string;
  /** The article's row version, sent back with a correction (stale: 409). Not shown. */
  version: number;
  text: string;
  /** How many versions of the text there are: the current text is the last of them. */
  revisionCount: number;
  canEdit: boolean;
}) {
  const router = useRouter();
  const t = useTranslations('reader');
  const formatDate = useFormatDate();
  const summaryText = (summary: Revision['summary']) =>
    summaryCounts(summary)
      .map(([part, count]) => t(`revisions.summary.${part}`, { count }))
      .join(' · ');
  const [open, setOpen] = useState(false);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  // Read once, on mount: a correction written before a remount comes back as it was.
  const [saved] = useState(() => drafts.get(articleId) ?? null);
  const [editing, setEditing] = useState(saved !== null);
  const [draft, setDraft] = useState(saved?.draft ?? text);
  const [note, setNote] = useState(saved?.note ?? '');
  const [baseVersion, setBaseVersion] = useState(saved?.baseVersion ?? version);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(saved?.jobId != null);
  const [job, setJob] = useState<JobDto | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  function keep(changes: Partial<Draft>) {
    const current = drafts.get(articleId) ?? { draft, note, baseVersion, jobId: null };
    drafts.set(articleId, { ...current, ...changes });
  }

  function closeEditor() {
    drafts.delete(articleId);
    setEditing(false);
    setJob(null);
  }

  // Unmounting stops following the job (the job itself goes on, and `drafts` remembers it).
  useEffect(() => () => abortRef.current?.abort(), []);

  useEffect(() => {
    if (!open) return;
    let live = true;
    apiFetch<{ revisions: Revision[] }>(`/api/v1/articles/${articleId}/revisions`).then(
      (body) => live && setRevisions(body.revisions),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [open, articleId, version]);

  /** Follows the correction's job to its end: closes the editor on success, keeps it on failure. */
  function follow(jobId: string, controller: AbortController): Promise<void> {
    const settle = () => {
      if (abortRef.current !== controller) return;
      abortRef.current = null;
      setBusy(false);
    };
    return followJob(jobId, setJob, controller.signal).then(
      () => {
        settle();
        closeEditor();
        router.refresh();
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        settle();
        keep({ jobId: null });
        // A failed job's message is shown by JobProgress; a lost request's here.
        if (!(e instanceof JobFailedError)) {
          setJob(null);
          setError(errorMessage(e));
        }
      },
    );
  }

  // A job started before a remount: follow it on.
  useEffect(() => {
    const jobId = saved?.jobId;
    if (!jobId) return;
    const controller = new AbortController();
    abortRef.current = controller;
    void follow(jobId, controller);
    return () => controller.abort();
    // Once, for the job found on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setJob(null);
    keep({ draft, note, baseVersion, jobId: null });
    const controller = new AbortController();
    abortRef.current = controller;
    // The request itself is not cancelled on unmount: its job, if any, must be known.
    let accepted: JobDto | null;
    try {
      accepted = jobOf(
        await apiFetch<unknown>(`/api/v1/articles/${articleId}/text`, {
          method: 'PUT',
          body: JSON.stringify({ text: draft, version: baseVersion, note: note || null }),
        }),
      );
    } catch (e) {
      if (controller.signal.aborted) return;
      abortRef.current = null;
      setError(errorMessage(e));
      setBusy(false);
      return;
    }
    if (!accepted) {
      // Saved at once (an older server answering 200): as before.
      abortRef.current = null;
      setBusy(false);
      closeEditor();
      router.refresh();
      return;
    }
    // Recorded even if the reader remounted meanwhile: the job is the correction's fate.
    keep({ jobId: accepted.id });
    if (controller.signal.aborted) return;
    setJob(accepted);
    await follow(accepted.id, controller);
  }

  return (
    <section aria-labelledby="revisions-title" className="mt-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          id="revisions-title"
          aria-expanded={open}
          onClick={() => setOpen((v) => !v)}
          className="text-stone-600 underline decoration-dotted underline-offset-2"
        >
          {/* The text's revision number, not the row version: a rename is not a new text. */}
          {t('revisions.toggle', { number: String(revisionCount), count: revisionCount })}
        </button>
        {canEdit && !editing ? (
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(text);
              setNote('');
              setBaseVersion(version);
              setError(null);
              setJob(null);
              setEditing(true);
            }}
          >
            {t('revisions.correct')}
          </Button>
        ) : null}
      </div>
      {open ? (
        revisions === null ? (
          <p className="mt-1 text-stone-500">{t('shared.loading')}</p>
        ) : (
          <ol
            className="mt-2 space-y-1 border-l-2 border-stone-200 pl-3"
            aria-label={t('revisions.list')}
          >
            {revisions.map((r) => (
              <li key={r.version}>
                {t.rich('revisions.line', {
                  number: String(r.number),
                  source: isKnownSource(r.source) ? t(`revisions.source.${r.source}`) : r.source,
                  date: formatDate(r.createdAt),
                  hasAuthor: r.createdBy ? 'yes' : 'no',
                  author: r.createdBy?.name ?? '',
                  version: (chunks) => <span className="font-medium">{chunks}</span>,
                })}
                {r.note ? (
                  <span className="text-stone-700">{t('revisions.note', { note: r.note })}</span>
                ) : null}
                {summaryText(r.summary) ? (
                  <span className="block text-xs text-stone-500">{summaryText(r.summary)}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )
      ) : null}
      {editing ? (
        <form
          onSubmit={(event) => void onSubmit(event)}
          className="mt-3 space-y-2"
          aria-label={t('revisions.correct')}
          aria-busy={busy}
        >
          {baseVersion !== version && !busy && !job ? (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
              {t('revisions.stale')}
            </p>
          ) : null}
          {/* Read-only rather than disabled while saving: the text can still be selected and copied. */}
          <Field label={t('revisions.text')} hint={t('revisions.textHint')}>
            <TextArea
              rows={14}
              value={draft}
              readOnly={busy}
              onChange={(e) => {
                setDraft(e.target.value);
                keep({ draft: e.target.value });
              }}
              className={`font-serif ${busy ? 'opacity-75' : ''}`}
            />
          </Field>
          <Field label={t('revisions.noteLabel')}>
            <TextArea
              rows={2}
              value={note}
              readOnly={busy}
              onChange={(e) => {
                setNote(e.target.value);
                keep({ note: e.target.value });
              }}
              maxLength={2000}
              className={busy ? 'opacity-75' : ''}
            />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={busy}>
              {busy ? t('shared.saving') : t('revisions.save')}
            </Button>
            {/* A started correction cannot be called back: nothing to cancel while it runs. */}
            <Button variant="secondary" disabled={busy} onClick={closeEditor}>
              {t('shared.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {editing ? <JobProgress job={job} className="mt-2" /> : null}
      {error ? (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
