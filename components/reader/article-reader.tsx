'use client';
// The reader: the article as it reads (paragraphs, heading, greyed paywall), sentences as
// keyboard-reachable buttons drawn by their state (lib/workflow/sentence-look.ts, with a legend),
// highlights painted from their offsets, a selection toolbar to highlight (by mouse, touch or
// keyboard: `h` for a whole sentence, `s` for selection mode, `?` for the list of keys), and the
// panel for the selected sentence: beside the text on wide screens, a bottom sheet over it on
// narrow ones. `#sentence-N` and `#annotation-{id}` open a sentence; opening one writes its
// `#sentence-N`. Teammates' changes arrive live (use-live-article) and refresh what they touch.
// This module composes the view and owns what is on screen (the open sentence, the selection,
// the status line); use-article-data.ts owns the data (highlights, states, agreement, the
// panel's refresh counter, live refresh); unit-view.tsx draws a unit;
// use-keyboard-selection.ts and use-pointer-selection.ts make the toolbar's selection; use-article-links.ts ties the open
// sentence to the address; use-bottom-sheet.ts closes the sheet by its handle.
import dynamic from 'next/dynamic';
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TextRange } from '@/lib/anchoring/types';
import { ProgressBar } from '@/components/progress-bar';
import { Button } from '@/components/ui/button';
import type { AnnotationDto } from '@/lib/server/annotations/serialize';
import type { ArticleDetail } from '@/lib/server/articles/get-article';
import type { PaintedAnnotation } from '@/lib/server/annotations/list-painted';
import type { SentenceSummary } from '@/lib/server/verdicts/list-sentence-states';
import type { ReportAgreement } from '@/lib/reports';
import { can, type Role } from '@/lib/permissions';
import { sentenceLook } from '@/lib/workflow/sentence-look';
import { AgreementSummary } from './agreement-summary';
import { ArticleRevisions } from './article-revisions';
import { Orphans } from './orphans';
import { TriageList } from './triage-list';
import { ArticleTitle } from './article-title';
import { DeleteArticleButton } from './delete-article-button';
import type { ReaderSelection, Unit } from './reader-dom';
import { SelectionToolbar } from './selection-toolbar';
import { ShortcutsDialog, useShortcutsKey } from './shortcuts-dialog';
import { StateLegend } from './state-legend';
import type { TeamMember } from './sentence-panel';
import { PublishControls } from './publish-controls';
import { ReportLinks } from './report-links';
import { UnitView } from './unit-view';
import { useArticleData } from './use-article-data';
import { useArticleLinks } from './use-article-links';
import { useBottomSheet } from './use-bottom-sheet';
import { useKeyboardSelection } from './use-keyboard-selection';
import { usePointerSelection } from './use-pointer-selection';

export type { ReaderAnnotation } from './unit-view';

// The panel (verdict form, sources, comments, history, review actions) loads when a sentence
// is first opened, not with the page: most of the reader's own code, kept out of first load.
const SentencePanel = dynamic(() => import('./sentence-panel').then((m) => m.SentencePanel), {
  loading: PanelLoading,
});

/** What shows while the panel's code arrives (rendered by next/dynamic as a component). */
function PanelLoading() {
  const t = useTranslations('reader');
  return (
    <p className="rounded-xl border border-stone-200 bg-white p-5 text-sm text-stone-500">
      {t('articleReader.loadingSentence')}
    </p>
  );
}

/**
 * The panel's code, fetched once the page is idle: not in the first load, but on the device
 * before the connection can drop (a panel opened offline must not wait for its own code).
 */
function usePreloadedPanel() {
  useEffect(() => {
    const load = () => void import('./sentence-panel').catch(() => undefined);
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(load, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(load, 1000);
    return () => clearTimeout(timer);
  }, []);
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

export function ArticleReader({
  article,
  initialAnnotations,
  initialOrphans,
  initialStates,
  initialAgreement,
  initialSentenceId,
  members,
  currentUser,
  sourceAlerts = 0,
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
  /** Sources of this article's verdicts the link check found dead or changed. */
  sourceAlerts?: number;
}) {
  usePreloadedPanel();
  const t = useTranslations('reader');
  const rootRef = useRef<HTMLDivElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(() =>
    article.sentences.some((u) => u.id === initialSentenceId && u.kind !== 'paywall')
      ? initialSentenceId
      : null,
  );
  const [selection, setSelection] = useState<ReaderSelection | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const role: Role = article.myRole ?? 'viewer';
  const canWrite = can(role, 'annotation.create');

  const paragraphs = useMemo(() => paragraphsOf(article.text, article.sentences), [article]);
  const checkable = useMemo(
    () => article.sentences.filter((u) => u.kind === 'sentence'),
    [article.sentences],
  );
  const indexOf = useMemo(
    () => new Map(article.sentences.map((u) => [u.id, u.index])),
    [article.sentences],
  );
  const unitById = useMemo(
    () => new Map(article.sentences.map((u) => [u.id, u])),
    [article.sentences],
  );

  const data = useArticleData({
    article,
    initialAnnotations,
    initialOrphans,
    initialStates,
    initialAgreement,
    currentUserId: currentUser.id,
    selectedId,
    indexOf,
    setMessage,
  });
  const { byUnit, orphans, states, agreement } = data;
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
  const others = data.viewers.filter((v) => v.id !== currentUser.id);

  async function highlight(range: TextRange, note: string | null) {
    const saved = data.createHighlight(range, note);
    setSelection(null);
    window.getSelection()?.removeAllRanges();
    await saved;
  }

  const keyboard = useKeyboardSelection({
    rootRef,
    text: article.text,
    language: article.language,
    sentences: article.sentences,
    unitById,
    canWrite,
    selection,
    setSelection,
    setMessage,
    highlight,
  });
  const pointer = usePointerSelection({
    rootRef,
    text: article.text,
    hasSelection: selection !== null,
    setSelection,
    isCaretActive: keyboard.isCaretActive,
    endCaret: keyboard.endCaret,
  });
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useShortcutsKey({ onOpen: openHelp });
  const { openSentence, openById, closePanel } = useArticleLinks({
    rootRef,
    sentences: article.sentences,
    unitById,
    indexOf,
    orphans,
    selectedId,
    setSelectedId,
    setMessage,
  });
  const sheet = useBottomSheet({ onClose: closePanel });

  const selectedUnit = article.sentences.find((u) => u.id === selectedId) ?? null;
  const sheetOpen = selectedUnit !== null;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <article className="min-w-0 rounded-xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <header className="mb-6 border-b border-stone-100 pb-4">
          <p className="text-xs uppercase tracking-wide text-stone-500">
            {article.teamName} · {article.language.toUpperCase()}
            {article.partial ? ` · ${t('articleReader.partial')}` : ''}
          </p>
          <ArticleTitle
            key={article.version}
            articleId={article.id}
            language={article.language}
            initial={{ title: article.title, version: article.version }}
            canEdit={can(role, 'article.update')}
          />
          <ArticleMeta article={article} />
          <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
            <ProgressBar
              done={verifiedCount}
              total={checkable.length}
              label={t('articleReader.verifiedSentences')}
            />
            <ReportLinks articleId={article.id} />
          </div>
          <PublishControls articleId={article.id} canPublish={can(role, 'article.publish')} />
          {sourceAlerts > 0 ? (
            <p
              role="note"
              className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800"
              data-testid="source-alerts"
            >
              {t('articleReader.sourceAlerts', { count: sourceAlerts })}
            </p>
          ) : null}
          <div className="mt-2 flex justify-end">
            <Button
              variant="secondary"
              className="text-xs"
              aria-keyshortcuts="?"
              onClick={() => setHelpOpen(true)}
            >
              {t('articleReader.shortcuts')}
            </Button>
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
          <AgreementSummary agreement={agreement} indexOf={indexOf} onOpen={openById} />
          <p className="mt-2 text-xs text-stone-500" data-testid="viewers">
            {others.length > 0
              ? t('articleReader.viewers', { names: others.map((v) => v.name).join(', ') })
              : t('articleReader.noViewers')}
          </p>
          {data.suspended ? (
            <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-900">
              <p role="status">{t('articleReader.liveSuspended')}</p>
              <Button variant="secondary" onClick={data.reconnect}>
                {t('articleReader.reconnect')}
              </Button>
            </div>
          ) : null}
        </header>
        <div
          ref={rootRef}
          data-article-text
          lang={article.language}
          className="space-y-4 break-words font-serif text-[1.075rem] leading-8 text-stone-900"
          onPointerDown={pointer.onPointerDown}
          onMouseUp={pointer.onMouseUp}
          onKeyDownCapture={keyboard.onTextKeyDown}
          onKeyUp={pointer.onKeyUp}
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
                  const summary = states[unit.id];
                  return (
                    <UnitView
                      key={unit.id}
                      unit={unit}
                      gap={next ? article.text.slice(unit.end, next.start) : ''}
                      highlights={byUnit.get(unit.index) ?? []}
                      rating={summary?.rating ?? null}
                      state={summary?.state ?? null}
                      look={summary ? sentenceLook(summary) : null}
                      recheck={summary?.needsRecheck ?? false}
                      selected={unit.id === selectedId}
                      caret={unit.id === keyboard.caretUnitId}
                      canWrite={canWrite}
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
          autoFocus={selection.source === 'keyboard'}
          onHighlight={keyboard.toolbar.onHighlight}
          onCancel={keyboard.toolbar.onCancel}
          onExtend={keyboard.toolbar.onExtend}
          onLeave={keyboard.toolbar.onLeave}
        />
      ) : null}

      {/* Narrow screens: the open sentence's panel is a sheet over the lower part of the text
          (fixed, so opening it scrolls nothing); the text gets room to scroll above it. */}
      <aside
        aria-label={t('articleReader.selectedSentence')}
        data-reader-side
        data-sheet={sheetOpen ? 'open' : undefined}
        className={
          sheetOpen
            ? 'max-lg:fixed max-lg:inset-x-0 max-lg:bottom-0 max-lg:z-40 max-lg:max-h-[70vh] max-lg:overflow-y-auto max-lg:overscroll-contain max-lg:rounded-t-2xl max-lg:bg-white max-lg:shadow-[0_-8px_24px_rgb(0_0_0/0.18)] lg:sticky lg:top-4 lg:self-start'
            : 'lg:sticky lg:top-4 lg:self-start'
        }
      >
        {sheetOpen ? (
          <div
            aria-hidden="true"
            className="flex touch-none justify-center pb-1 pt-2 lg:hidden"
            onPointerDown={sheet.handle.onPointerDown}
            onPointerUp={sheet.handle.onPointerUp}
            onPointerCancel={sheet.handle.onPointerCancel}
          >
            <span className="h-1.5 w-10 rounded-full bg-stone-300" />
          </div>
        ) : null}
        {selectedUnit ? (
          <SentencePanel
            key={selectedUnit.id}
            sentenceId={selectedUnit.id}
            unit={selectedUnit}
            language={article.language}
            role={role}
            members={members}
            currentUser={currentUser}
            refreshKey={data.panelVersion}
            onClose={closePanel}
            onSummary={data.onSummary}
            onHighlightsChanged={data.onHighlightsChanged}
          />
        ) : (
          <div className="space-y-4">
            <TriageList
              articleId={article.id}
              language={article.language}
              onOpen={openById}
              items={triageItems}
            />
            <StateLegend />
            <div className="rounded-xl border border-dashed border-stone-300 p-5 text-sm text-stone-600">
              <p className="font-medium text-stone-800">{t('articleReader.howTo.title')}</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                <li>{t('articleReader.howTo.select')}</li>
                <li>{t('articleReader.howTo.open')}</li>
                <li>{t('articleReader.howTo.keyboard')}</li>
                <li>{t('articleReader.howTo.keys')}</li>
              </ul>
            </div>
          </div>
        )}
      </aside>
      {sheetOpen ? <div aria-hidden="true" className="h-[70vh] lg:hidden" /> : null}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

/** Author, publisher, date and original address, when known. */
function ArticleMeta({ article }: { article: ArticleDetail }) {
  const t = useTranslations('reader');
  const format = useFormatter();
  const parts = [
    article.author,
    article.publisher,
    article.publishedAt
      ? format.dateTime(new Date(article.publishedAt), 'date', { timeZone: 'UTC' })
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
            {t('articleReader.originalArticle')}
          </a>
        </>
      ) : null}
    </p>
  );
}
