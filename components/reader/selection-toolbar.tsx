'use client';
// The small toolbar shown by a text selection: Highlight, with an optional note. Fixed to the
// viewport next to the selection, kept on screen; on a touch screen, below the selection and
// clear of its handles, so that it does not cover the system's own selection menu (above it).
//
// Keyboard: made from the keyboard, the selection hands the toolbar the focus (« Surligner »);
// Shift+arrows there keep extending the selection (onExtend), Enter highlights, Tab reaches
// « + Note » and the note, Escape cancels. Tab past the last control and Shift+Tab before the
// first leave it (onLeave), so that it sits right after the selection in the tab order.
import { useTranslations } from 'next-intl';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';

/** Room left under a touch selection for its drag handles. */
const TOUCH_HANDLE_GAP = 36;
const MARGIN = 8;

export function SelectionToolbar({
  rect,
  autoFocus,
  onHighlight,
  onCancel,
  onExtend,
  onLeave,
}: {
  rect: DOMRect;
  /** Take the focus on appearing (a keyboard selection). */
  autoFocus: boolean;
  onHighlight: (note: string | null) => void;
  onCancel: () => void;
  /** A Shift+arrow pressed in the toolbar (outside the note): extend the selection. */
  onExtend?: (event: KeyboardEvent) => boolean;
  /** Tab past the toolbar's ends. */
  onLeave?: (direction: 'forward' | 'backward') => void;
}) {
  const t = useTranslations('reader');
  const [withNote, setWithNote] = useState(false);
  const [note, setNote] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [size, setSize] = useState({ width: 288, height: 48 });
  const [isTouch] = useState(
    () => typeof window !== 'undefined' && window.matchMedia('(pointer: coarse)').matches,
  );

  useEffect(() => {
    if (withNote) noteRef.current?.focus();
  }, [withNote]);

  useEffect(() => {
    if (!autoFocus) return;
    rootRef.current
      ?.querySelector<HTMLButtonElement>('[data-highlight-button]')
      ?.focus({ preventScroll: true });
  }, [autoFocus]);

  useLayoutEffect(() => {
    const element = rootRef.current;
    if (!element) return;
    const { width, height } = element.getBoundingClientRect();
    setSize((old) => (old.width === width && old.height === height ? old : { width, height }));
  }, [withNote]);

  const { top, left } = placement(rect, size, isTouch);

  function submit() {
    onHighlight(note.trim() || null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      // Ours: the panel behind (which closes on Escape) stays open.
      event.preventDefault();
      onCancel();
      return;
    }
    const inNote = event.target === noteRef.current;
    if (inNote && event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
      return;
    }
    if (!inNote && event.shiftKey && onExtend?.(event)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Tab' && onLeave) {
      const controls = focusables(rootRef.current);
      const first = controls[0];
      const last = controls[controls.length - 1];
      if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        onLeave('forward');
      } else if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        onLeave('backward');
      }
    }
  }

  return (
    <div
      ref={rootRef}
      role="toolbar"
      aria-label={t('selectionToolbar.label')}
      data-selection-toolbar
      className="fixed z-50 w-72 max-w-[calc(100vw-1rem)] rounded-lg border border-stone-200 bg-white p-2 shadow-lg"
      style={{ top, left }}
      onMouseUp={(event) => event.stopPropagation()}
      onKeyDown={onKeyDown}
    >
      {withNote ? (
        <label className="mb-2 block text-xs font-medium text-stone-700">
          {t('selectionToolbar.note')}
          <textarea
            ref={noteRef}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            rows={3}
            maxLength={5000}
            aria-describedby="selection-note-help"
            className="mt-1 block w-full rounded border border-stone-300 p-1.5 text-sm font-normal"
          />
          <span id="selection-note-help" className="mt-0.5 block font-normal text-stone-500">
            {t('selectionToolbar.noteHelp')}
          </span>
        </label>
      ) : null}
      <div className="flex items-center gap-1">
        <Button
          data-highlight-button
          onMouseDown={(event) => event.preventDefault()}
          onClick={submit}
        >
          {t('selectionToolbar.highlight')}
        </Button>
        {!withNote ? (
          <Button
            variant="ghost"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setWithNote(true)}
          >
            {t('selectionToolbar.addNote')}
          </Button>
        ) : null}
        <Button
          variant="ghost"
          className="ml-auto"
          onClick={onCancel}
          aria-label={t('selectionToolbar.cancel')}
        >
          ✕
        </Button>
      </div>
    </div>
  );
}

/**
 * Under the selection; above it when there is no room below (a mouse or keyboard selection),
 * or at the bottom of the screen on touch (above would cover the system menu).
 */
function placement(
  rect: DOMRect,
  size: { width: number; height: number },
  isTouch: boolean,
): { top: number; left: number } {
  const viewportHeight = window.innerHeight;
  const viewportWidth = window.innerWidth;
  const below = rect.bottom + (isTouch ? TOUCH_HANDLE_GAP : MARGIN);
  let top = below;
  if (below + size.height > viewportHeight - MARGIN) {
    const above = rect.top - size.height - MARGIN;
    top = isTouch || above < MARGIN ? viewportHeight - size.height - MARGIN : above;
  }
  const left = Math.max(MARGIN, Math.min(rect.left, viewportWidth - size.width - MARGIN));
  return { top: Math.max(MARGIN, top), left };
}

function focusables(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return [
    ...root.querySelectorAll<HTMLElement>('button:not([disabled]), textarea, input, [tabindex]'),
  ].filter((element) => element.tabIndex >= 0);
}
