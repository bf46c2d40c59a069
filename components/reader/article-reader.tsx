'use client';
// The reader: the article as it reads (paragraphs, heading, greyed paywall), sentences as
// keyboard-reachable buttons drawn by their state (lib/workflow/sentence-look.ts, with a legend),
// highlights painted from their offsets, a selection toolbar to highlight (by mouse, touch or
// keyboard: `h` for a whole sentence, `s` for selection mode, `?` for the list of keys), and the
// panel for the selected sentence: beside the text on wide screens, a bottom sheet over it on
// narrow ones. `#sentence-N` and `#annotation-{id}` open a sentence; opening one writes its
// `#sentence-N`. Teammates' changes arrive live (use-live-article) and refresh what they touch.
import dynamic from 'next/dynamic';
import { useRouter } from 'next/navigation';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
// The modules themselves, not the index: it also re-exports the fuzzy matchers of revise.ts,
// which the browser never needs.
import { describeRange, trimRange } from '@/lib/anchoring/describe';
import { rangeToTextRange, textRangeToDomRange } from '@/lib/anchoring/dom';
import { parseArticleFragment } from '@/lib/anchoring/fragments';
import {
  applyCommand,
  selectionCommand,
  selectionRange,
  type KeyboardSelection,
  type KeyLike,
  type SelectionCommand,
} from '@/lib/anchoring/keyboard-selection';
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
import { QUEUE_EVENT, type QueueAnnouncement } from '@/lib/offline/queue-events';
import { can, type Role } from '@/lib/permissions';
import { auditActionLabel } from '@/lib/workflow/audit-labels';
import { sentenceAnchor } from '@/lib/workflow/sentence-link';
import {
  SENTENCE_LOOK_LABELS,
  sentenceLook,
  type SentenceLook,
} from '@/lib/workflow/sentence-look';
import type { SentenceState } from '@/lib/workflow/sentence-state';
import { AgreementSummary } from './agreement-summary';
import { ArticleRevisions } from './article-revisions';
import { Orphans } from './orphans';
import { TriageList } from './triage-list';
import { ArticleTitle } from './article-title';
import { DeleteArticleButton } from './delete-article-button';
import { SelectionToolbar } from './selection-toolbar';
import { ShortcutsDialog } from './shortcuts-dialog';
import { StateLegend } from './state-legend';
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

export interface ReaderAnnotation {
  id: string;
  start: number;
  end: number;
  note: string | null;
  pending: boolean;
  /** Waiting in the device's offline queue under this key (lib/offline/queue.ts). */
  queueKey?: string;
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

/** The unit holding `offset`, else the first one after it (a gap between units), else the last. */
function unitAtOffset(units: readonly Unit[], offset: number): Unit | null {
  let low = 0;
  let high = units.length - 1;
  let found: Unit | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (units[middle]!.end > offset) {
      found = units[middle]!;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found ?? units[units.length - 1] ?? null;
}

/** Below Tailwind's `lg` breakpoint the panel is a bottom sheet (see the <aside>). */
function isNarrowScreen(): boolean {
  return window.matchMedia('(width < 64rem)').matches;
}

function toolbarElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-selection-toolbar]');
}

function toolbarHasFocus(): boolean {
  return toolbarElement()?.contains(document.activeElement) ?? false;
}

function focusToolbar(): void {
  toolbarElement()
    ?.querySelector<HTMLButtonElement>('[data-highlight-button]')
    ?.focus({ preventScroll: true });
}

function focusUnit(id: string): void {
  document.getElementById(`unit-${id}`)?.focus();
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

/** What a selection holds, short enough to be read out at every key press. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `…${flat.slice(-80)}` : flat;
}

/** Selection changes are read this long after the last one (touch handles move in bursts). */
const SELECTION_DEBOUNCE_MS = 150;
const READ_ONLY_MESSAGE = 'Votre rôle ne permet pas de surligner.';

interface ReaderSelection {
  range: TextRange;
  rect: DOMRect;
  /** Made from the keyboard: the toolbar takes the focus. */
  source: 'pointer' | 'keyboard';
}

/** Selection mode: where it started (the sentence to come back to) and the selection made. */
interface Caret {
  originId: string;
  selection: KeyboardSelection;
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
  usePreloadedPanel();
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
  const [selection, setSelection] = useState<ReaderSelection | null>(null);
  // Selection mode (keyboard): a ref for the key handlers, the sentence it started at for display.
  const caretRef = useRef<Caret | null>(null);
  const [caretUnitId, setCaretUnitId] = useState<string | null>(null);
  /** The toolbar was reached once by Tab for this selection: Tab goes on normally. */
  const toolbarVisitedRef = useRef(false);
  const pointerDownRef = useRef(false);
  const [helpOpen, setHelpOpen] = useState(false);
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
  const unitById = useMemo(
    () => new Map(article.sentences.map((u) => [u.id, u])),
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
    // Outside the text (a field of the panel): no walk over the whole article to find out.
    const common = domRange.commonAncestorContainer;
    if (!root.contains(common) && !common.contains(root)) {
      setSelection(null);
      return;
    }
    const raw = rangeToTextRange(root, domRange);
    const range = raw ? trimRange(article.text, raw) : null;
    setSelection(
      range ? { range, rect: domRange.getBoundingClientRect(), source: 'pointer' } : null,
    );
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
        // Kept on this device and still painted (pending) until the server has it: the queue
        // announces its answer (useQueuedHighlights), which replaces this one.
        const queueKey = error.key;
        setAnnotations((list) => list.map((a) => (a.id === tempId ? { ...a, queueKey } : a)));
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
    writeAddress(unit.index);
  }, []);

  /** Opened from a list (priorities, agreement): the address follows too. */
  const openById = useCallback(
    (id: string) => {
      setSelectedId(id);
      writeAddress(indexOf.get(id) ?? null);
    },
    [indexOf],
  );

  function closePanel() {
    const id = selectedId;
    setSelectedId(null);
    writeAddress(null);
    if (id) document.getElementById(`unit-${id}`)?.focus();
  }

  // ----- Selection mode: selecting from the keyboard alone -----------------------------------

  const endCaret = useCallback(() => {
    caretRef.current = null;
    setCaretUnitId(null);
  }, []);

  /** Shows the caret's selection as the document's selection, and the toolbar by it. */
  const showKeyboardSelection = useCallback(
    (next: KeyboardSelection) => {
      const root = rootRef.current;
      const caret = caretRef.current;
      const domSelection = window.getSelection();
      if (!root || !caret || !domSelection) return;
      caret.selection = next;
      const raw = selectionRange(next);
      const domRange = raw.start < raw.end ? textRangeToDomRange(root, raw) : null;
      const range = domRange ? trimRange(article.text, raw) : null;
      if (!domRange) domSelection.removeAllRanges();
      else if (next.focus < next.anchor) {
        domSelection.setBaseAndExtent(
          domRange.endContainer,
          domRange.endOffset,
          domRange.startContainer,
          domRange.startOffset,
        );
      } else {
        domSelection.setBaseAndExtent(
          domRange.startContainer,
          domRange.startOffset,
          domRange.endContainer,
          domRange.endOffset,
        );
      }
      if (!domRange || !range) {
        // The toolbar goes away: the focus comes back to the sentence, not to nothing.
        if (toolbarHasFocus()) focusUnit(caret.originId);
        setSelection(null);
        const after = article.text.slice(next.focus, next.focus + 40).trim();
        setMessage(after ? `Curseur avant « ${excerpt(after)} »` : 'Curseur à la fin du texte.');
        return;
      }
      setSelection({ range, rect: domRange.getBoundingClientRect(), source: 'keyboard' });
      setMessage(`Sélection : « ${excerpt(article.text.slice(range.start, range.end))} »`);
    },
    [article.text],
  );

  const runCaretCommand = useCallback(
    (command: SelectionCommand) => {
      const caret = caretRef.current;
      if (!caret) return;
      const { focus } = caret.selection;
      let limits = { start: 0, end: article.text.length };
      if (command.granularity === 'sentence') {
        // Forward: the end of the sentence holding the caret (at its end, of the next one);
        // backward: the start of the sentence before the caret.
        const unit =
          command.direction === 'forward'
            ? unitAtOffset(article.sentences, focus)
            : unitAtOffset(article.sentences, Math.max(0, focus - 1));
        if (unit) limits = { start: unit.start, end: unit.end };
      }
      showKeyboardSelection(
        applyCommand(article.text, caret.selection, command, {
          limits,
          locale: article.language,
        }),
      );
    },
    [article.text, article.sentences, article.language, showKeyboardSelection],
  );

  const startCaret = useCallback((unit: Unit) => {
    caretRef.current = { originId: unit.id, selection: { anchor: unit.start, focus: unit.start } };
    setCaretUnitId(unit.id);
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    setMessage(
      'Mode sélection, au début de la phrase : Maj+→ sélectionne, Ctrl+Maj+→ par mot, Entrée pour surligner, Échap pour quitter.',
    );
  }, []);

  function highlightUnit(unit: Unit) {
    const range = trimRange(article.text, { start: unit.start, end: unit.end });
    if (!range) return;
    void highlight(range, null);
    focusUnit(unit.id);
  }

  /** Keys on a focused sentence (captured before its own Enter/Space handler). */
  function onTextKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (!target.classList.contains('fd-unit') || target.getAttribute('role') !== 'button') return;
    const unit = unitById.get(target.id.slice('unit-'.length));
    if (!unit) return;
    const stop = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    // Focus on another sentence: selection mode ends (it belongs to the one it started at).
    if (caretRef.current && caretRef.current.originId !== unit.id) endCaret();
    const command = selectionCommand(event);
    if (caretRef.current) {
      if (command) {
        stop();
        runCaretCommand(command);
        return;
      }
      if (event.key === 'Escape') {
        stop();
        endCaret();
        window.getSelection()?.removeAllRanges();
        setSelection(null);
        setMessage('Mode sélection quitté.');
        return;
      }
      if (event.key === 'Enter' && toolbarElement()) {
        stop();
        focusToolbar();
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') endCaret();
    }
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
    const letter = event.key.toLowerCase();
    if (plain && (letter === 'h' || letter === 's')) {
      stop();
      if (!canWrite) {
        setMessage(READ_ONLY_MESSAGE);
        return;
      }
      if (letter === 'h') {
        endCaret();
        highlightUnit(unit);
      } else {
        startCaret(unit);
      }
      return;
    }
    // Shift+→ on a sentence starts selection mode at its start, unless the browser is
    // extending a mouse selection (read on keyup, as before).
    if (command?.kind === 'extend' && command.granularity !== 'sentence' && canWrite) {
      const domSelection = window.getSelection();
      if (domSelection && !domSelection.isCollapsed) return;
      stop();
      startCaret(unit);
      runCaretCommand(command);
    }
  }

  /** The sentence a selection belongs to: where selection mode started, else its first one. */
  function originOf(current: ReaderSelection): string | null {
    return (
      caretRef.current?.originId ?? unitAtOffset(article.sentences, current.range.start)?.id ?? null
    );
  }

  function onToolbarHighlight(note: string | null) {
    if (!selection) return;
    const origin = originOf(selection);
    const backToSentence = toolbarHasFocus() || selection.source === 'keyboard';
    endCaret();
    void highlight(selection.range, note);
    if (backToSentence && origin) focusUnit(origin);
  }

  function onToolbarCancel() {
    const origin = selection ? originOf(selection) : null;
    const backToSentence = toolbarHasFocus();
    endCaret();
    window.getSelection()?.removeAllRanges();
    setSelection(null);
    if (backToSentence && origin) focusUnit(origin);
  }

  /** Shift+arrows in the toolbar: the selection goes on growing (a mouse one too). */
  function onToolbarExtend(event: KeyLike): boolean {
    const command = selectionCommand(event);
    if (!command || command.kind !== 'extend' || !selection) return false;
    if (!caretRef.current) {
      const origin = originOf(selection);
      if (!origin) return false;
      caretRef.current = {
        originId: origin,
        selection: { anchor: selection.range.start, focus: selection.range.end },
      };
      setCaretUnitId(origin);
    }
    runCaretCommand(command);
    return true;
  }

  /** Tab past the toolbar: on to the sentence after the selection; Shift+Tab: back to its own. */
  function onToolbarLeave(direction: 'forward' | 'backward') {
    if (!selection) return;
    const origin = originOf(selection);
    if (direction === 'backward') {
      if (origin) focusUnit(origin);
      return;
    }
    toolbarVisitedRef.current = true;
    endCaret();
    const last = unitAtOffset(article.sentences, selection.range.end - 1);
    const from = last ? article.sentences.indexOf(last) + 1 : article.sentences.length;
    const next = article.sentences.slice(from).find((u) => u.kind !== 'paywall');
    if (next) focusUnit(next.id);
    else
      document
        .querySelector<HTMLElement>('aside[data-reader-side] button, aside[data-reader-side] a')
        ?.focus();
  }

  // A new selection: its toolbar is reached by the next Tab again.
  const hasSelection = selection !== null;
  useEffect(() => {
    if (!hasSelection) toolbarVisitedRef.current = false;
  }, [hasSelection]);

  // Tab right after a selection (mouse, touch, or a sentence focused inside it) reaches the
  // toolbar first, not the sentences that follow it in the page.
  useEffect(() => {
    if (!hasSelection || !canWrite) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Tab' || event.shiftKey || event.defaultPrevented) return;
      if (toolbarVisitedRef.current) return;
      const toolbar = toolbarElement();
      const active = document.activeElement;
      if (!toolbar || toolbar.contains(active)) return;
      const inText = active === document.body || (active && rootRef.current?.contains(active));
      if (!inText) return;
      event.preventDefault();
      toolbarVisitedRef.current = true;
      focusToolbar();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [hasSelection, canWrite]);

  // Touch selections (long press, then the handles) end with no mouseup: read them when the
  // selection settles. Not while a mouse button is down (read on release) nor in selection
  // mode (which sets it itself), nor while the toolbar has the focus (its note field takes the
  // document's selection).
  useEffect(() => {
    let timer: number | undefined;
    function read() {
      if (caretRef.current || pointerDownRef.current || toolbarHasFocus()) return;
      readSelection();
    }
    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(read, SELECTION_DEBOUNCE_MS);
    }
    function onPointerUp(event: PointerEvent) {
      if (event.pointerType !== 'mouse' || !pointerDownRef.current) return;
      pointerDownRef.current = false;
      schedule();
    }
    document.addEventListener('selectionchange', schedule);
    document.addEventListener('pointerup', onPointerUp);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerup', onPointerUp);
    };
  }, [readSelection]);

  // The toolbar follows its selection when the page scrolls.
  useEffect(() => {
    if (!hasSelection) return;
    let frame = 0;
    function onScroll() {
      window.cancelAnimationFrame(frame);
      frame = window.requestAnimationFrame(() => {
        const domSelection = window.getSelection();
        const root = rootRef.current;
        if (!root || !domSelection || domSelection.isCollapsed || domSelection.rangeCount === 0) {
          return;
        }
        const domRange = domSelection.getRangeAt(0);
        if (!root.contains(domRange.commonAncestorContainer)) return;
        const rect = domRange.getBoundingClientRect();
        setSelection((current) => (current ? { ...current, rect } : current));
      });
    }
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, [hasSelection]);

  // `?` opens the list of keys, anywhere but in a field.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (
        target?.closest(
          'input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog',
        )
      ) {
        return;
      }
      event.preventDefault();
      setHelpOpen(true);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // ----- Links: #sentence-N and #annotation-{id} ----------------------------------------------

  // Opening from a link leaves the address as it is (an #annotation-… link stays one).
  const openFragment = useCallback(
    (hash: string) => {
      const target = parseArticleFragment(hash);
      const root = rootRef.current;
      if (!target || !root) return;
      let element: HTMLElement | null = null;
      let unit: Unit | null = null;
      if (target.kind === 'sentence') {
        unit = article.sentences.find((u) => u.index === target.index) ?? null;
        if (!unit) {
          setMessage(`Lien : pas de phrase ${target.index + 1} dans cette version du texte.`);
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
              ? 'Lien : ce surlignage ne se place plus dans le texte corrigé (voir « Après correction du texte »).'
              : 'Lien : surlignage introuvable.',
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
    [article.sentences, orphans, unitById],
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

  // ----- Bottom sheet (narrow screens): swiping its handle down closes it ------------------

  const sheetDragRef = useRef<number | null>(null);
  function onHandleDown(event: ReactPointerEvent<HTMLDivElement>) {
    sheetDragRef.current = event.clientY;
    event.currentTarget.setPointerCapture(event.pointerId);
  }
  function onHandleUp(event: ReactPointerEvent<HTMLDivElement>) {
    const from = sheetDragRef.current;
    sheetDragRef.current = null;
    if (from !== null && event.clientY - from > 48) closePanel();
  }

  const selectedUnit = article.sentences.find((u) => u.id === selectedId) ?? null;
  const sheetOpen = selectedUnit !== null;

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
          <div className="mt-2 flex justify-end">
            <Button
              variant="secondary"
              className="text-xs"
              aria-keyshortcuts="?"
              onClick={() => setHelpOpen(true)}
            >
              Raccourcis clavier
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
          className="space-y-4 break-words font-serif text-[1.075rem] leading-8 text-stone-900"
          onPointerDown={(event) => {
            if (event.pointerType === 'mouse') pointerDownRef.current = true;
          }}
          onMouseUp={() => {
            pointerDownRef.current = false;
            endCaret();
            readSelection();
          }}
          onKeyDownCapture={onTextKeyDown}
          onKeyUp={(event) => {
            if (caretRef.current) return; // selection mode sets the selection itself
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
                      caret={unit.id === caretUnitId}
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
          onHighlight={onToolbarHighlight}
          onCancel={onToolbarCancel}
          onExtend={onToolbarExtend}
          onLeave={onToolbarLeave}
        />
      ) : null}

      {/* Narrow screens: the open sentence's panel is a sheet over the lower part of the text
          (fixed, so opening it scrolls nothing); the text gets room to scroll above it. */}
      <aside
        aria-label="Phrase sélectionnée"
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
            onPointerDown={onHandleDown}
            onPointerUp={onHandleUp}
            onPointerCancel={() => {
              sheetDragRef.current = null;
            }}
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
            <TriageList language={article.language} onOpen={openById} items={triageItems} />
            <StateLegend />
            <div className="rounded-xl border border-dashed border-stone-300 p-5 text-sm text-stone-600">
              <p className="font-medium text-stone-800">Comment vérifier</p>
              <ul className="mt-2 list-disc space-y-1 pl-5">
                <li>Sélectionnez un passage pour le surligner (au doigt : appui long).</li>
                <li>Cliquez sur une phrase (ou Tab puis Entrée) pour donner un verdict sourcé.</li>
                <li>
                  Au clavier, sur une phrase : h la surligne entière, s (ou Maj+→) passe en mode
                  sélection.
                </li>
                <li>Échap ferme le panneau ; ? affiche tous les raccourcis.</li>
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
    prev.look === next.look &&
    prev.recheck === next.recheck &&
    prev.selected === next.selected &&
    prev.caret === next.caret &&
    prev.canWrite === next.canWrite &&
    prev.onOpen === next.onOpen &&
    sameHighlights(prev.highlights, next.highlights),
);

function UnitViewImpl({
  unit,
  gap,
  highlights,
  rating,
  state,
  look,
  recheck,
  selected,
  caret,
  canWrite,
  onOpen,
}: {
  unit: Unit;
  gap: string;
  highlights: ReaderAnnotation[];
  /** The published verdict's rating, else my own (drawn only once published: `look`). */
  rating: Rating | null;
  state: SentenceState | null;
  look: SentenceLook | null;
  recheck: boolean;
  selected: boolean;
  /** Selection mode started at this sentence. */
  caret: boolean;
  canWrite: boolean;
  onOpen: (unit: Unit) => void;
}) {
  const segments = splitIntoSegments(unit, highlights);
  const pending = new Set(highlights.filter((h) => h.pending).map((h) => h.id));
  const fuzzy = new Set(highlights.filter((h) => h.fuzzy).map((h) => h.id));
  const noted = new Map(highlights.filter((h) => h.note).map((h) => [h.id, h]));
  const checkable = unit.kind !== 'paywall';
  return (
    <>
      <span
        id={`unit-${unit.id}`}
        className="fd-unit"
        data-kind={unit.kind}
        data-rating={rating ?? undefined}
        data-state={state ?? undefined}
        data-look={look ?? undefined}
        data-recheck={recheck || undefined}
        data-selected={selected}
        data-caret={caret || undefined}
        data-index={unit.index}
        role={checkable ? 'button' : undefined}
        tabIndex={checkable ? 0 : undefined}
        aria-pressed={checkable ? selected : undefined}
        aria-keyshortcuts={checkable ? (canWrite ? 'Enter h s' : 'Enter') : undefined}
        title={unitTitle(look, rating, recheck)}
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
              // A highlight's note shows on the text: a mark after its last segment (CSS, out
              // of the text, so selections and offsets are not affected) and the note on hover.
              data-note-end={
                segment.ids.some((id) => noted.get(id)?.end === segment.end) || undefined
              }
              title={markTitle(segment.ids, noted, fuzzy)}
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

/** A highlight's hover text: its notes, and whether it was placed approximately. */
function markTitle(
  ids: string[],
  noted: Map<string, ReaderAnnotation>,
  fuzzy: Set<string>,
): string | undefined {
  const parts = ids.flatMap((id) => {
    const note = noted.get(id)?.note;
    return note ? [`Note : ${note}`] : [];
  });
  if (ids.some((id) => fuzzy.has(id))) {
    parts.push('Replacé approximativement après une correction du texte');
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** The look in words (the legend's name), with the rating where it is one's own or published. */
function unitTitle(
  look: SentenceLook | null,
  rating: Rating | null,
  recheck: boolean,
): string | undefined {
  const withRating = look === 'approved' || look === 'draft';
  const parts = [
    look
      ? SENTENCE_LOOK_LABELS[look] + (withRating && rating ? ` : ${ratingLabel(rating)}` : '')
      : null,
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
