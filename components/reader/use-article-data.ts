'use client';
// The reader's data: the article's highlights (grouped by sentence, painted at once when made,
// kept while offline), its orphaned highlights, each sentence's state, the agreement figures,
// and the open panel's refresh counter — loaded with the page, refetched when I change them or
// when a teammate does (use-live-refresh.ts), and when the offline queue delivers a highlight.
// article-reader.tsx composes the view around it.
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
// The modules themselves, not the index: it also re-exports the fuzzy matchers of revise.ts,
// which the browser never needs.
import { describeRange } from '@/lib/anchoring/describe';
import { groupByUnit, regroupByUnit } from '@/lib/anchoring/paint';
import type { TextRange } from '@/lib/anchoring/types';
import { ApiError, apiFetch, QueuedOffline } from '@/lib/api/client';
import { QUEUE_EVENT, type QueueAnnouncement } from '@/lib/offline/queue-events';
import type { ReportAgreement } from '@/lib/reports';
import type { AnnotationDto } from '@/lib/server/annotations/serialize';
import type { ArticleDetail } from '@/lib/server/articles/get-article';
import type { PaintedAnnotation } from '@/lib/server/annotations/list-painted';
import type { SentenceSummary } from '@/lib/server/verdicts/list-sentence-states';
import type { Unit } from './reader-dom';
import type { ReaderAnnotation } from './unit-view';
import { useLiveRefresh } from './use-live-refresh';

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

export interface ArticleDataOptions {
  article: ArticleDetail;
  /** The placed highlights, lean (lib/server/annotations/list-painted). */
  initialAnnotations: PaintedAnnotation[];
  initialOrphans: AnnotationDto[];
  initialStates: Record<string, SentenceSummary>;
  initialAgreement: ReportAgreement;
  currentUserId: string;
  /** The sentence whose panel is open (the reader's). */
  selectedId: string | null;
  indexOf: ReadonlyMap<string, number>;
  /** The reader's status line: what happened, announced politely. */
  setMessage: (message: string) => void;
}

export function useArticleData({
  article,
  initialAnnotations,
  initialOrphans,
  initialStates,
  initialAgreement,
  currentUserId,
  selectedId,
  indexOf,
  setMessage,
}: ArticleDataOptions) {
  const t = useTranslations('reader');
  const [byUnit, setAnnotations] = useGroupedHighlights(article.sentences, () =>
    initialAnnotations.map((a) => ({ ...a, pending: false })),
  );
  const [orphans, setOrphans] = useState(initialOrphans);
  const [states, setStates] = useState(initialStates);
  const [agreement, setAgreement] = useState(initialAgreement);
  // Bumped to make the open panel refetch its sentence.
  const [panelVersion, setPanelVersion] = useState(0);

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

  // Highlights made offline turn normal as soon as the server has taken them (or go away, with
  // the banner's explanation, if it refused them).
  useEffect(() => {
    function onQueue(event: Event) {
      const settled = (event as CustomEvent<QueueAnnouncement>).detail.settled ?? [];
      if (settled.length === 0) return;
      const answers = new Map(settled.map((w) => [w.key, w]));
      setAnnotations((list) => {
        if (!list.some((a) => a.queueKey && answers.has(a.queueKey))) return list;
        const present = new Set(list.map((a) => a.id));
        return list.flatMap((a) => {
          const answer = a.queueKey ? answers.get(a.queueKey) : undefined;
          if (!answer) return [a];
          const stored = answer.status < 400 ? (answer.body as AnnotationDto | null) : null;
          // Refused, or already painted by a live refresh that came first.
          if (!stored?.id || present.has(stored.id)) return [];
          return [toReaderAnnotation(stored)];
        });
      });
    }
    window.addEventListener(QUEUE_EVENT, onQueue);
    return () => window.removeEventListener(QUEUE_EVENT, onQueue);
  }, [setAnnotations]);

  /** The open panel loaded its sentence: its state on the text follows. */
  const onSummary = useCallback(
    (summary: SentenceSummary) => {
      if (selectedId) setStates((all) => ({ ...all, [selectedId]: summary }));
    },
    [selectedId],
  );

  const live = useLiveRefresh({
    articleId: article.id,
    currentUserId,
    selectedId,
    indexOf,
    refreshAnnotations,
    setStates,
    setAgreement,
    setPanelVersion,
    setMessage,
  });

  /** A highlight's note changed or it was deleted in the panel: repaint, then reload the panel. */
  const onHighlightsChanged = useCallback(async () => {
    await refreshAnnotations();
    setPanelVersion((v) => v + 1);
  }, [refreshAnnotations]);

  /** Paints the highlight at once, then saves it (or keeps it on the device while offline). */
  async function createHighlight(range: TextRange, note: string | null) {
    const tempId = `pending-${crypto.randomUUID()}`;
    // Painted at once; replaced by the stored highlight, or removed if the server refuses it.
    setAnnotations((list) => [
      ...list,
      { id: tempId, ...range, note, pending: true, fuzzy: false },
    ]);
    try {
      const created = await apiFetch<AnnotationDto>(`/api/v1/articles/${article.id}/annotations`, {
        method: 'POST',
        body: JSON.stringify({ selector: describeRange(article.text, range), note }),
        offline: { label: t('articleData.offlineLabel') },
      });
      setAnnotations((list) =>
        list.map((a) => (a.id === tempId ? toReaderAnnotation(created) : a)),
      );
      setMessage(t('articleData.highlighted'));
      if (selectedId && created.sentenceIds.includes(selectedId)) setPanelVersion((v) => v + 1);
    } catch (error) {
      if (error instanceof QueuedOffline) {
        // Kept on this device and still painted (pending) until the server has it: the queue
        // announces its answer (the listener above), which replaces this one.
        const queueKey = error.key;
        setAnnotations((list) => list.map((a) => (a.id === tempId ? { ...a, queueKey } : a)));
        setMessage(error.message);
        return;
      }
      setAnnotations((list) => list.filter((a) => a.id !== tempId));
      setMessage(
        t('articleData.notSaved', {
          reason: error instanceof ApiError ? error.message : t('articleData.unknownError'),
        }),
      );
    }
  }

  return {
    byUnit,
    orphans,
    states,
    agreement,
    panelVersion,
    onSummary,
    onHighlightsChanged,
    createHighlight,
    /** Who else reads the article, and the live stream's state (use-live-article.ts). */
    viewers: live.viewers,
    suspended: live.suspended,
    reconnect: live.reconnect,
  };
}
