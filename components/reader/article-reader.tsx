'use client';
// The reader: the article as it reads (paragraphs, heading, greyed paywall), sentences as
// keyboard-reachable buttons coloured by verdict, highlights painted from their offsets,
// a selection toolbar to highlight, and the side panel for the selected sentence. Teammates'
// changes arrive live (use-live-article) and refresh what they touch.
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
// The modules themselves, not the index: it also re-exports the fuzzy matchers of revise.ts,
// which the browser never needs.
import { describeRange, trimRange } from '@/lib/anchoring/describe';
import { rangeToTextRange } from '@/lib/anchoring/dom';
import { groupByUnit, regroupByUnit, splitIntoSegments } from '@/lib/anchoring/paint';
import type { TextRange } from '@/lib/anchoring/types';
import type { Rating } from '@/lib/reports/verdict-scale';
import { ratingLabel } from '@/lib/reports/verdict-scale';
import { ProgressBar } from '@/components/progress-bar';
import { Button } from '@/components/ui/button';
import type { ArticleDetail } from '@/lib/server/articles/get-article';
import type { AnnotationDto } from '@/lib/server/annotations/serialize';
import type { PaintedAnnotation } from '@/lib/server/annotations/list-painted';
import type { SentenceSummary } from '@/lib/server/verdicts/list-sentence-states';
import type { SentenceDetail } from '@/lib/server/sentences/get-sentence';
import type { ReportAgreement } from '@/lib/reports';
import { ApiError, apiFetch, QueuedOffline } from '@/lib/api/client';
import { can, type Role } from '@/lib/permissions';
import { auditActionLabel } from '@/lib/workflow/audit-labels';
import { SENTENCE_STATE_LABELS, type SentenceState } from '@/lib/workflow/sentence-state';
import { AgreementSummary } from './agreement-summary';
import { ArticleRevisions } from './article-revisions';
import { Orphans } from './orphans';
import { TriageList } from './triage-list';
import { ArticleTitle } from './article-title';
import { DeleteArticleButton } from './delete-article-button';
import { SelectionToolbar } from './selection-toolbar';
import type { TeamMember } from './sentence-panel';
import { ReportLinks } from './report-links';
import { useLiveArticle, type LiveEvent } from './use-live-article';

// The panel (verdict form, sources, comments, history, review actions) loads when a sentence
// is first opened, not with the page: most of the reader's own code, kept out of first load.
const SentencePanel = dynamic(() => import('./sentence-panel').then((m) => m.SentencePanel), {
  loading: () => (
    <p className="rounded-xl border border-stone-200 bg-white p-5 text-sm text-stone-500">
      Chargement de la phrase…
    </p>
  ),
});

type Unit = ArticleDetail['sentences'][number];

export interface ReaderAnnotation {
  id: string;
  start: number;
  end: number;
  note: string | null;
  pending: boolean;
  /** Placed by approximate match after a correction of the text. */
  fuzzy: boolean;
}

function toReaderAnnotation(dto: AnnotationDto): ReaderAnnotation {
  const position = dto.target.selector.find((s) => s.type === 'TextPositionSelector');
  return {
    id: dto.id,
    start: position?.start ?? 0,
    end: position?.end ?? 0,
    note: dto.note,
    pending: false,
    fuzzy: dto.anchorStatus === 'fuzzy',
  };
}

/** Highlights painted on the text; orphans (passage gone after a correction) are listed apart. */
function placed(list: AnnotationDto[]): ReaderAnnotation[] {
  return list.filter((dto) => dto.anchorStatus !== 'orphaned').map(toReaderAnnotation);
}

/** Units grouped into the paragraphs of the original text (a line break ends a paragraph). */
function paragraphsOf(text: string, units: Unit[]): Unit[][] {
  const paragraphs: Unit[][] = [];
  let current: Unit[] = [];
  let previousEnd = 0;
  for (const unit of units) {
    if (current.length > 0 && text.slice(previousEnd, unit.start).includes('\n')) {
      paragraphs.push(current);
      current = [];
    }
    current.push(unit);
    previousEnd = unit.end;
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/**
 * The highlights grouped by sentence, and the way to change them. A few added, saved or removed: only their
 * sentences are regrouped, and every other sentence keeps its very list (so its memoised view
 * does not re-render); grouping 20,000 highlights from scratch costs tens of milliseconds.
 */
function useGroupedHighlights(units: readonly Unit[], initial: () => ReaderAnnotation[]) {
  const [state, setState] = useState(() => {
    const annotations = initial();
    return { annotations, byUnit: groupByUnit(units, annotations) };
  });
  const update = useCallback(
    (change: (list: ReaderAnnotation[]) => ReaderAnnotation[]) =>
      setState((current) => {
        const annotations = change(current.annotations);
        if (annotations === current.annotations) return current;
        const byUnit =
          regroupByUnit(units, current.byUnit, current.annotations, annotations) ??
          groupByUnit(units, annotations);
        return { annotations, byUnit };
      }),
    [units],
  );
  return [state.byUnit, update] as const;
}

export function ArticleReader({
  article,
  initialAnnotations,
  initialOrphans,
  initialStates,
  initialAgreement,
  initialSentenceId,
  members,
  currentUser,
}: {
  article: ArticleDetail;
  /** The placed highlights, lean (lib/server/annotations/list-painted). */
  initialAnnotations: PaintedAnnotation[];
  initialOrphans: AnnotationDto[];
  initialStates: Record<string, SentenceSummary>;
  initialAgreement: ReportAgreement;
  initialSentenceId: string | null;
  members: TeamMember[];
  currentUser: { id: string; name: string };
}) {
  const router = useRouter();
  const rootRef = useRef<HTMLDivElement>(null);
  const [byUnit, setAnnotations] = useGroupedHighlights(article.sentences, () =>
    initialAnnotations.map((a) => ({ ...a, pending: false })),
  );
  const [orphans, setOrphans] = useState(initialOrphans);
  const [states, setStates] = useState(initialStates);
  const [agreement, setAgreement] = useState(initialAgreement);
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    article.sentences.some((u) => u.id === initialSentenceId && u.kind !== 'paywall')
      ? initialSentenceId
      : null,
  );
  const [selection, setSelection] = useState<{ range: TextRange; rect: DOMRect } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [panelVersion, setPanelVersion] = useState(0);
  const role = (article.myRole ?? 'viewer') as Role;
  const canWrite = can(role, 'annotation.create');

  const paragraphs = useMemo(() => paragraphsOf(article.text, article.sentences), [article]);
  const checkable = useMemo(
    () => article.sentences.filter((u) => u.kind === 'sentence'),
    [article.sentences],
  );
  const verifiedCount = checkable.filter((u) => states[u.id]?.publishedRating).length;
  const triageItems = useMemo(
    () =>
      checkable.map((unit) => ({
        id: unit.id,
        index: unit.index,
        text: unit.text,
        score: unit.checkworthiness,
        reasons: unit.checkworthinessReasons,
        state: states[unit.id]?.state ?? null,
      })),
    [checkable, states],
  );
  const indexOf = useMemo(
    () => new Map(article.sentences.map((u) => [u.id, u.index])),
    [article.sentences],
  );

  const refreshAnnotations = useCallback(async () => {
    const body = await apiFetch<{ annotations: AnnotationDto[] }>(
      `/api/v1/articles/${article.id}/annotations`,
    );
    // Highlights being saved right now stay painted until their answer arrives; unchanged
    // ones keep their identity, so only the sentences whose highlights changed repaint.
    setAnnotations((list) => {
      const previous = new Map(list.map((a) => [a.id, a]));
      const fresh = placed(body.annotations).map((a) => {
        const old = previous.get(a.id);
        return old &&
          old.start === a.start &&
          old.end === a.end &&
          old.note === a.note &&
          old.fuzzy === a.fuzzy &&
          !old.pending
          ? old
          : a;
      });
      return [...fresh, ...list.filter((a) => a.pending)];
    });
    setOrphans(body.annotations.filter((dto) => dto.anchorStatus === 'orphaned'));
  }, [article.id, setAnnotations]);

  const refreshSentence = useCallback(async (sentenceId: string) => {
    const detail = await apiFetch<SentenceDetail>(`/api/v1/sentences/${sentenceId}`);
    if (detail.sentence.kind === 'sentence') {
      setStates((all) => ({ ...all, [sentenceId]: detail.summary }));
    }
  }, []);

  const refreshAgreement = useCallback(async () => {
    setAgreement(await apiFetch<ReportAgreement>(`/api/v1/articles/${article.id}/agreement`));
  }, [article.id]);

  const onSummary = useCallback(
    (summary: SentenceSummary) => {
      if (selectedId) setStates((all) => ({ ...all, [selectedId]: summary }));
    },
    [selectedId],
  );

  const onLiveEvent = useCallback(
    (event: LiveEvent) => {
      const quiet = () => {};
      if (event.entity === 'annotation') void refreshAnnotations().catch(quiet);
      // A rename or a new version of the text: the page reloads its data (a new text version
      // remounts the reader, see app/(app)/articles/[id]/page.tsx).
      if (event.entity === 'article') router.refresh();
      if (event.sentenceId && event.entity !== 'annotation') {
        void refreshSentence(event.sentenceId).catch(quiet);
        if (event.entity === 'verdict' || event.entity === 'sentence') {
          void refreshAgreement().catch(quiet);
        }
      }
      if (event.sentenceId && event.sentenceId === selectedId) setPanelVersion((v) => v + 1);
      if (event.actor && event.actor.id !== currentUser.id) {
        const where =
          event.sentenceId && indexOf.has(event.sentenceId)
            ? ` (phrase ${indexOf.get(event.sentenceId)! + 1})`
            : '';
        setMessage(`${event.actor.name} : ${auditActionLabel(event.type)}${where}.`);
      }
    },
    [
      refreshAnnotations,
      refreshSentence,
      refreshAgreement,
      router,
      selectedId,
      currentUser.id,
      indexOf,
    ],
  );

  const onResync = useCallback(() => {
    const quiet = () => {};
    void refreshAnnotations().catch(quiet);
    void refreshAgreement().catch(quiet);
    void apiFetch<{ states: Record<string, SentenceSummary> }>(
      `/api/v1/articles/${article.id}/sentence-states`,
    )
      .then((body) => setStates(body.states))
      .catch(quiet);
    setPanelVersion((v) => v + 1);
  }, [refreshAnnotations, refreshAgreement, article.id]);

  const { viewers, suspended, reconnect } = useLiveArticle(article.id, {
    onEvent: onLiveEvent,
    onResync,
  });
  const others = viewers.filter((v) => v.id !== currentUser.id);

  const readSelection = useCallback(() => {
    const root = rootRef.current;
    const domSelection = window.getSelection();
    if (!root || !domSelection || domSelection.isCollapsed || domSelection.rangeCount === 0) {
      setSelection(null);
      return;
    }
    const domRange = domSelection.getRangeAt(0);
    const raw = rangeToTextRange(root, domRange);
    const range = raw ? trimRange(article.text, raw) : null;
    setSelection(range ? { range, rect: domRange.getBoundingClientRect() } : null);
  }, [article.text]);

  async function highlight(range: TextRange, note: string | null) {
    const tempId = `pending-${crypto.randomUUID()}`;
    // Painted at once; replaced by the stored highlight, or removed if the server refuses it.
    setAnnotations((list) => [
      ...list,
      { id: tempId, ...range, note, pending: true, fuzzy: false },
    ]);
    setSelection(null);
    window.getSelection()?.removeAllRanges();
    try {
      const created = await apiFetch<AnnotationDto>(`/api/v1/articles/${article.id}/annotations`, {
        method: 'POST',
        body: JSON.stringify({ selector: describeRange(article.text, range), note }),
        offline: { label: 'Surlignage' },
      });
      setAnnotations((list) =>
        list.map((a) => (a.id === tempId ? toReaderAnnotation(created) : a)),
      );
      setMessage('Passage surligné.');
      if (selectedId && created.sentenceIds.includes(selectedId)) setPanelVersion((v) => v + 1);
    } catch (error) {
      if (error instanceof QueuedOffline) {
        // Kept on this device and still painted (pending) until the server has it.
        setMessage(error.message);
        return;
      }
      setAnnotations((list) => list.filter((a) => a.id !== tempId));
      setMessage(
        `Surlignage non enregistré : ${error instanceof ApiError ? error.message : 'erreur inconnue.'}`,
      );
    }
  }

  // Stable, so that a memoised sentence re-renders only when its own props change.
  const openSentence = useCallback((unit: Unit) => {
    if (unit.kind === 'paywall') return;
    const domSelection = window.getSelection();
    if (domSelection && !domSelection.isCollapsed) return; // the user is selecting text
    setSelectedId(unit.id);
  }, []);

  function closePanel() {
    const id = selectedId;
    setSelectedId(null);
    if (id) document.getElementById(`unit-${id}`)?.focus();
  }

  const selectedUnit = article.sentences.find((u) => u.id === selectedId) ?? null;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <article className="min-w-0 rounded-xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <header className="mb-6 border-b border-stone-100 pb-4">
          <p className="text-xs uppercase tracking-wide text-stone-500">
            {article.teamName} · {article.language.toUpperCase()}
            {article.partial ? ' · article partiel (paywall)' : ''}
          </p>
          <ArticleTitle
            key={article.version}
            articleId={article.id}
            language={article.language}
            initial={{ title: article.title, version: article.version }}
            canEdit={article.myRole === 'owner' || article.myRole === 'editor'}
          />
          <ArticleMeta article={article} />
          <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
            <ProgressBar done={verifiedCount} total={checkable.length} label="Phrases vérifiées" />
            <ReportLinks articleId={article.id} />
          </div>
          {can(role, 'article.delete') ? (
            <div className="mt-2 flex justify-end">
              <DeleteArticleButton articleId={article.id} title={article.title} />
            </div>
          ) : null}
          <ArticleRevisions
            articleId={article.id}
            version={article.version}
            text={article.text}
            revisionCount={article.revisionCount}
            canEdit={can(role, 'article.update')}
          />
          <AgreementSummary
            agreement={agreement}
            indexOf={indexOf}
            onOpen={(id) => setSelectedId(id)}
          />
          <p className="mt-2 text-xs text-stone-500" data-testid="viewers">
            {others.length > 0
              ? `Également sur cet article : ${others.map((v) => v.name).join(', ')}`
              : 'Personne d’autre sur cet article pour l’instant.'}
          </p>
          {suspended ? (
            <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-900">
              <p role="status">
                Mises à jour en direct suspendues : cet article est ouvert dans trop d’onglets.
              </p>
              <Button variant="secondary" onClick={reconnect}>
                Reconnecter
              </Button>
            </div>
          ) : null}
        </header>
        <div
          ref={rootRef}
          data-article-text
          lang={article.language}
          className="space-y-4 font-serif text-[1.075rem] leading-8 text-stone-900"
          onMouseUp={readSelection}
          onKeyUp={(event) => {
            if (event.shiftKey || event.key === 'Shift') readSelection();
          }}
        >
          {paragraphs.map((units) => {
            const first = units[0]!;
            const isHeading = units.length === 1 && first.kind === 'heading';
            const Tag = isHeading ? 'h2' : 'p';
            return (
              <Tag
                key={first.id}
                className={isHeading ? 'pt-2 font-sans text-lg font-semibold' : undefined}
              >
                {units.map((unit, i) => {
                  const next = units[i + 1];
                  return (
                    <UnitView
                      key={unit.id}
                      unit={unit}
                      gap={next ? article.text.slice(unit.end, next.start) : ''}
                      highlights={byUnit.get(unit.index) ?? []}
                      rating={states[unit.id]?.rating ?? null}
                      state={states[unit.id]?.state ?? null}
                      recheck={states[unit.id]?.needsRecheck ?? false}
                      selected={unit.id === selectedId}
                      onOpen={openSentence}
                    />
                  );
                })}
              </Tag>
            );
          })}
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {message}
        </p>
        {message ? (
          <p className="mt-6 text-sm text-stone-500" aria-hidden="true">
            {message}
          </p>
        ) : null}
        <Orphans orphans={orphans} retired={article.retiredSentences} language={article.language} />
      </article>

      {selection && canWrite ? (
        <SelectionToolbar
          rect={selection.rect}
          onHighlight={(note) => void highlight(selection.range, note)}
          onCancel={() => setSelection(null)}
        />
      ) : null}

      <aside aria-label="Phrase sélectionnée" className="lg:sticky lg:top-4 lg:self-start">
        {selectedUnit ? (
          <SentencePanel
            key={selectedUnit.id}
            sentenceId={selectedUnit.id}
            language={article.language}
            role={role}
            members={members}
            currentUser={currentUser}
            refreshKey={panelVersion}
            onClose={closePanel}
            onSummary={onSummary}
            onHighlightsChanged={async () => {
              await refreshAnnotations();
              setPanelVersion((v) => v + 1);
            }}
          />
        ) : (
          <div className="space-y-4">
            <TriageList
              language={article.language}
              onOpen={(id) => setSelectedId(id)}
              items={triageItems}
            />
            <div className="rounded-xl border border-dashed border-stone-300 p-5 text-sm text-stone-600">
              <p className="font-medium text-stone-800">Comment vérifier</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                <li>Sélectionnez un passage pour le surligner.</li>
                <li>Cliquez sur une phrase (ou Tab puis Entrée) pour donner un verdict sourcé.</li>
                <li>Échap ferme le panneau.</li>
              </ul>
            </div>
          </div>
        )}
      </aside>
    </div>
  );
}

/** Same highlights, by identity (they keep it until they change, see refreshAnnotations). */
function sameHighlights(a: ReaderAnnotation[], b: ReaderAnnotation[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

// Memoised: selecting text, opening a panel or adding a highlight re-renders only the
// sentences whose own props changed, not the 2,000 others of a long article.
const UnitView = memo(
  UnitViewImpl,
  (prev, next) =>
    prev.unit === next.unit &&
    prev.gap === next.gap &&
    prev.rating === next.rating &&
    prev.state === next.state &&
    prev.recheck === next.recheck &&
    prev.selected === next.selected &&
    prev.onOpen === next.onOpen &&
    sameHighlights(prev.highlights, next.highlights),
);

function UnitViewImpl({
  unit,
  gap,
  highlights,
  rating,
  state,
  recheck,
  selected,
  onOpen,
}: {
  unit: Unit;
  gap: string;
  highlights: ReaderAnnotation[];
  rating: Rating | null;
  state: SentenceState | null;
  recheck: boolean;
  selected: boolean;
  onOpen: (unit: Unit) => void;
}) {
  const segments = splitIntoSegments(unit, highlights);
  const pending = new Set(highlights.filter((h) => h.pending).map((h) => h.id));
  const fuzzy = new Set(highlights.filter((h) => h.fuzzy).map((h) => h.id));
  const checkable = unit.kind !== 'paywall';
  return (
    <>
      <span
        id={`unit-${unit.id}`}
        className="fd-unit"
        data-kind={unit.kind}
        data-rating={rating ?? undefined}
        data-state={state ?? undefined}
        data-recheck={recheck || undefined}
        data-selected={selected}
        data-index={unit.index}
        role={checkable ? 'button' : undefined}
        tabIndex={checkable ? 0 : undefined}
        aria-pressed={checkable ? selected : undefined}
        title={unitTitle(rating, state, recheck)}
        onClick={() => onOpen(unit)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onOpen(unit);
          }
        }}
      >
        {segments.map((segment) => {
          const text = unit.text.slice(segment.start - unit.start, segment.end - unit.start);
          if (segment.ids.length === 0) {
            return (
              <span key={segment.start} data-start={segment.start}>
                {text}
              </span>
            );
          }
          return (
            <mark
              key={segment.start}
              className="fd-highlight"
              data-start={segment.start}
              data-highlight-ids={segment.ids.join(' ')}
              data-depth={Math.min(segment.ids.length, 2)}
              data-pending={segment.ids.some((id) => pending.has(id))}
              data-anchor={segment.ids.some((id) => fuzzy.has(id)) ? 'fuzzy' : undefined}
              title={
                segment.ids.some((id) => fuzzy.has(id))
                  ? 'Replacé approximativement après une correction du texte'
                  : undefined
              }
            >
              {text}
            </mark>
          );
        })}
      </span>
      {gap ? <span data-start={unit.end}>{gap}</span> : null}
    </>
  );
}

function unitTitle(
  rating: Rating | null,
  state: SentenceState | null,
  recheck: boolean,
): string | undefined {
  const parts = [
    rating ? ratingLabel(rating) : null,
    state ? SENTENCE_STATE_LABELS[state] : null,
    recheck ? 'à revérifier : le texte a changé' : null,
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text || undefined;
}

/** Author, publisher, date and original address, when known. */
function ArticleMeta({ article }: { article: ArticleDetail }) {
  const parts = [
    article.author,
    article.publisher,
    article.publishedAt
      ? new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(article.publishedAt),
        )
      : null,
  ].filter(Boolean);
  if (parts.length === 0 && !article.sourceUrl) return null;
  return (
    <p className="mt-1 text-sm text-stone-600">
      {parts.join(' · ')}
      {article.sourceUrl ? (
        <>
          {parts.length > 0 ? ' · ' : ''}
          <a
            href={article.sourceUrl}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-blue-700 underline"
          >
            article original
          </a>
        </>
      ) : null}
    </p>
  );
}
