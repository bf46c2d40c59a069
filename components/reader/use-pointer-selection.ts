'use client';
// Selections the browser makes (mouse, touch, or Shift+arrows extending one of them), read
// into the reader's selection for the toolbar: on mouse release, on keyup, and when a touch
// selection settles. Also keeps the toolbar by any selection (the keyboard's too) when the
// page scrolls. Selection mode (use-keyboard-selection.ts) sets its selection itself.
import {
  useCallback,
  useEffect,
  useRef,
  type Dispatch,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
  type SetStateAction,
} from 'react';
// lib/anchoring's modules themselves, not its index (it also carries revise.ts's fuzzy
// matchers, which the browser never needs).
import { trimRange } from '@/lib/anchoring/describe';
import { rangeToTextRange } from '@/lib/anchoring/dom';
import { toolbarHasFocus, type ReaderSelection } from './reader-dom';

/** Selection changes are read this long after the last one (touch handles move in bursts). */
const SELECTION_DEBOUNCE_MS = 150;

export interface PointerSelectionOptions {
  /** The article's text element ([data-article-text]). */
  rootRef: RefObject<HTMLDivElement | null>;
  text: string;
  hasSelection: boolean;
  setSelection: Dispatch<SetStateAction<ReaderSelection | null>>;
  /** Selection mode is on (use-keyboard-selection): the document's selection is its own. */
  isCaretActive: () => boolean;
  /** Ends selection mode: a mouse selection replaces it. */
  endCaret: () => void;
}

export function usePointerSelection({
  rootRef,
  text,
  hasSelection,
  setSelection,
  isCaretActive,
  endCaret,
}: PointerSelectionOptions) {
  const pointerDownRef = useRef(false);

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
    const range = raw ? trimRange(text, raw) : null;
    setSelection(
      range ? { range, rect: domRange.getBoundingClientRect(), source: 'pointer' } : null,
    );
  }, [rootRef, text, setSelection]);

  // Touch selections (long press, then the handles) end with no mouseup: read them when the
  // selection settles. Not while a mouse button is down (read on release) nor in selection
  // mode (which sets it itself), nor while the toolbar has the focus (its note field takes the
  // document's selection).
  useEffect(() => {
    let timer: number | undefined;
    function read() {
      if (isCaretActive() || pointerDownRef.current || toolbarHasFocus()) return;
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
    // A selection made before the page was interactive (a long press during hydration) had no
    // listener to see it: read it now.
    const early = window.getSelection();
    if (early && !early.isCollapsed) schedule();
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('selectionchange', schedule);
      document.removeEventListener('pointerup', onPointerUp);
    };
  }, [readSelection, isCaretActive]);

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
  }, [hasSelection, rootRef, setSelection]);

  // Handlers for the text element.
  return {
    onPointerDown(event: ReactPointerEvent<HTMLDivElement>) {
      if (event.pointerType === 'mouse') pointerDownRef.current = true;
    },
    onMouseUp() {
      pointerDownRef.current = false;
      endCaret();
      readSelection();
    },
    onKeyUp(event: ReactKeyboardEvent<HTMLDivElement>) {
      if (isCaretActive()) return; // selection mode sets the selection itself
      if (event.shiftKey || event.key === 'Shift') readSelection();
    },
  };
}
