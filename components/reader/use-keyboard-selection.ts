'use client';
// Selection mode: selecting from the keyboard alone. On a focused sentence `h` highlights it
// whole, `s` (or Shift+→) puts a caret at its start that Shift+arrows extend, shown as the
// document's selection with the toolbar by it; the toolbar takes the focus, goes on extending
// the selection, and hands the focus back to the sentence. Also the Tab order around the
// toolbar: right after a selection, Tab reaches it first. The keys themselves are read by
// lib/anchoring/keyboard-selection.ts.
import { useTranslations } from 'next-intl';
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
  type SetStateAction,
} from 'react';
// lib/anchoring's modules themselves, not its index (it also carries revise.ts's fuzzy
// matchers, which the browser never needs).
import { trimRange } from '@/lib/anchoring/describe';
import { textRangeToDomRange } from '@/lib/anchoring/dom';
import {
  applyCommand,
  selectionCommand,
  selectionRange,
  type KeyboardSelection,
  type KeyLike,
  type SelectionCommand,
} from '@/lib/anchoring/keyboard-selection';
import type { TextRange } from '@/lib/anchoring/types';
import {
  focusToolbar,
  focusUnit,
  toolbarElement,
  toolbarHasFocus,
  type ReaderSelection,
  type Unit,
} from './reader-dom';

/** Selection mode: where it started (the sentence to come back to) and the selection made. */
interface Caret {
  originId: string;
  selection: KeyboardSelection;
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

/** What a selection holds, short enough to be read out at every key press. */
function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `…${flat.slice(-80)}` : flat;
}

export interface KeyboardSelectionOptions {
  /** The article's text element ([data-article-text]). */
  rootRef: RefObject<HTMLDivElement | null>;
  text: string;
  language: string;
  sentences: readonly Unit[];
  unitById: ReadonlyMap<string, Unit>;
  canWrite: boolean;
  /** The selection the toolbar shows (the reader's, set here and by the pointer). */
  selection: ReaderSelection | null;
  setSelection: Dispatch<SetStateAction<ReaderSelection | null>>;
  setMessage: (message: string) => void;
  highlight: (range: TextRange, note: string | null) => Promise<void>;
}

export function useKeyboardSelection({
  rootRef,
  text,
  language,
  sentences,
  unitById,
  canWrite,
  selection,
  setSelection,
  setMessage,
  highlight,
}: KeyboardSelectionOptions) {
  const t = useTranslations('reader');
  // Selection mode: a ref for the key handlers, the sentence it started at for display.
  const caretRef = useRef<Caret | null>(null);
  const [caretUnitId, setCaretUnitId] = useState<string | null>(null);
  /** The toolbar was reached once by Tab for this selection: Tab goes on normally. */
  const toolbarVisitedRef = useRef(false);

  const isCaretActive = useCallback(() => caretRef.current !== null, []);

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
      const range = domRange ? trimRange(text, raw) : null;
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
        const after = text.slice(next.focus, next.focus + 40).trim();
        setMessage(
          after ? t('keyboard.caretBefore', { text: excerpt(after) }) : t('keyboard.caretAtEnd'),
        );
        return;
      }
      setSelection({ range, rect: domRange.getBoundingClientRect(), source: 'keyboard' });
      setMessage(t('keyboard.selection', { text: excerpt(text.slice(range.start, range.end)) }));
    },
    [rootRef, text, setSelection, setMessage, t],
  );

  const runCaretCommand = useCallback(
    (command: SelectionCommand) => {
      const caret = caretRef.current;
      if (!caret) return;
      const { focus } = caret.selection;
      let limits = { start: 0, end: text.length };
      if (command.granularity === 'sentence') {
        // Forward: the end of the sentence holding the caret (at its end, of the next one);
        // backward: the start of the sentence before the caret.
        const unit =
          command.direction === 'forward'
            ? unitAtOffset(sentences, focus)
            : unitAtOffset(sentences, Math.max(0, focus - 1));
        if (unit) limits = { start: unit.start, end: unit.end };
      }
      showKeyboardSelection(
        applyCommand(text, caret.selection, command, {
          limits,
          locale: language,
        }),
      );
    },
    [text, sentences, language, showKeyboardSelection],
  );

  const startCaret = useCallback(
    (unit: Unit) => {
      caretRef.current = {
        originId: unit.id,
        selection: { anchor: unit.start, focus: unit.start },
      };
      setCaretUnitId(unit.id);
      window.getSelection()?.removeAllRanges();
      setSelection(null);
      setMessage(t('keyboard.modeOn'));
    },
    [setSelection, setMessage, t],
  );

  function highlightUnit(unit: Unit) {
    const range = trimRange(text, { start: unit.start, end: unit.end });
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
        setMessage(t('keyboard.modeOff'));
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
        setMessage(t('keyboard.readOnly'));
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
    return caretRef.current?.originId ?? unitAtOffset(sentences, current.range.start)?.id ?? null;
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
    const last = unitAtOffset(sentences, selection.range.end - 1);
    const from = last ? sentences.indexOf(last) + 1 : sentences.length;
    const next = sentences.slice(from).find((u) => u.kind !== 'paywall');
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
  }, [hasSelection, canWrite, rootRef]);

  return {
    /** The sentence selection mode started at (drawn with `data-caret`). */
    caretUnitId,
    /** In selection mode: it sets the document's selection itself. */
    isCaretActive,
    endCaret,
    onTextKeyDown,
    toolbar: {
      onHighlight: onToolbarHighlight,
      onCancel: onToolbarCancel,
      onExtend: onToolbarExtend,
      onLeave: onToolbarLeave,
    },
  };
}
