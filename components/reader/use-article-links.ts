'use client';
// Links: #sentence-N and #annotation-{id}. A link opens its sentence (on load and on every hash
// change) and scrolls to it; opening or closing a sentence in the reader writes the address
// (writeAddress), so that a reload or a copied address reopens it.
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
// lib/anchoring's modules themselves, not its index (it also carries revise.ts's fuzzy
// matchers, which the browser never needs).
import { parseArticleFragment } from '@/lib/anchoring/fragments';
import type { AnnotationDto } from '@/lib/server/annotations/serialize';
import { sentenceAnchor } from '@/lib/workflow/sentence-link';
import { focusUnit, type Unit } from './reader-dom';

/** Below Tailwind's `lg` breakpoint the panel is a bottom sheet (see the <aside>). */
function isNarrowScreen(): boolean {
  return window.matchMedia('(width < 64rem)').matches;
}

/**
 * The address follows the open sentence, so that a reload or a copied address reopens it:
 * `#sentence-N`, written with replaceState (no history entry, no hashchange; Next.js keeps its
 * router state, passed along). `?sentence=` (links from search and the journal) gives way to
 * the hash. Closing removes our fragment, never another one (#main).
 */
function writeAddress(index: number | null): void {
  const url = new URL(window.location.href);
  let hash: string;
  if (index !== null) hash = `#${sentenceAnchor(index)}`;
  else if (parseArticleFragment(url.hash)) hash = '';
  else return;
  if (url.hash === hash && !url.searchParams.has('sentence')) return;
  url.searchParams.delete('sentence');
  url.hash = hash;
  window.history.replaceState(window.history.state, '', url);
}

export interface ArticleLinksOptions {
  /** The article's text element ([data-article-text]). */
  rootRef: RefObject<HTMLDivElement | null>;
  sentences: readonly Unit[];
  unitById: ReadonlyMap<string, Unit>;
  indexOf: ReadonlyMap<string, number>;
  /** Highlights that no longer place: their link says so. */
  orphans: readonly AnnotationDto[];
  selectedId: string | null;
  setSelectedId: (id: string | null) => void;
  setMessage: (message: string) => void;
}

export function useArticleLinks({
  rootRef,
  sentences,
  unitById,
  indexOf,
  orphans,
  selectedId,
  setSelectedId,
  setMessage,
}: ArticleLinksOptions) {
  const t = useTranslations('reader');
  // Stable, so that a memoised sentence re-renders only when its own props change.
  const openSentence = useCallback(
    (unit: Unit) => {
      if (unit.kind === 'paywall') return;
      const domSelection = window.getSelection();
      if (domSelection && !domSelection.isCollapsed) return; // the user is selecting text
      setSelectedId(unit.id);
      writeAddress(unit.index);
    },
    [setSelectedId],
  );

  /** Opened from a list (priorities, agreement): the address follows too. */
  const openById = useCallback(
    (id: string) => {
      setSelectedId(id);
      writeAddress(indexOf.get(id) ?? null);
    },
    [indexOf, setSelectedId],
  );

  function closePanel() {
    const id = selectedId;
    setSelectedId(null);
    writeAddress(null);
    if (id) focusUnit(id);
  }

  // Opening from a link leaves the address as it is (an #annotation-… link stays one).
  const openFragment = useCallback(
    (hash: string) => {
      const target = parseArticleFragment(hash);
      const root = rootRef.current;
      if (!target || !root) return;
      let element: HTMLElement | null = null;
      let unit: Unit | null = null;
      if (target.kind === 'sentence') {
        unit = sentences.find((u) => u.index === target.index) ?? null;
        if (!unit) {
          setMessage(t('articleLinks.noSentence', { number: String(target.index + 1) }));
          return;
        }
        element = document.getElementById(`unit-${unit.id}`);
      } else {
        element = root.querySelector<HTMLElement>(
          `mark[data-highlight-ids~="${CSS.escape(target.id)}"]`,
        );
        if (!element) {
          setMessage(
            orphans.some((o) => o.id === target.id)
              ? t('articleLinks.orphaned')
              : t('articleLinks.notFound'),
          );
          return;
        }
        const unitElement = element.closest<HTMLElement>('.fd-unit');
        unit = unitElement ? (unitById.get(unitElement.id.slice('unit-'.length)) ?? null) : null;
      }
      // On a narrow screen the sheet covers the lower part: the passage goes to the top.
      element?.scrollIntoView({ block: isNarrowScreen() ? 'start' : 'center' });
      if (unit && unit.kind !== 'paywall') setSelectedId(unit.id);
    },
    [rootRef, sentences, orphans, unitById, setMessage, setSelectedId, t],
  );

  // On load and on every hash change (a link followed within the page, a hash typed).
  const openFragmentRef = useRef(openFragment);
  useEffect(() => {
    openFragmentRef.current = openFragment;
  }, [openFragment]);
  useEffect(() => {
    openFragmentRef.current(window.location.hash);
    const onHashChange = () => openFragmentRef.current(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  return { openSentence, openById, closePanel };
}
