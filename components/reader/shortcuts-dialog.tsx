'use client';
// « Raccourcis clavier »: the reader's keys, in a native modal <dialog> (showModal keeps focus
// inside and the page inert, Escape closes it, focus goes back to what opened it). Opened by
// its button or by `?` anywhere in the reader outside a text field (useShortcutsKey).
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';

// Keys and actions are catalogue keys (reader.shortcuts.keys / .actions), so each language
// names its own keys (« Maj », « Shift »).
type KeyName =
  | 'tab'
  | 'shiftTab'
  | 'enter'
  | 'space'
  | 'h'
  | 's'
  | 'escape'
  | 'question'
  | 'shiftRight'
  | 'shiftLeft'
  | 'ctrlShiftRight'
  | 'ctrlShiftLeft'
  | 'shiftEnd'
  | 'shiftHome'
  | 'right'
  | 'left'
  | 'shiftArrows'
  | 'shiftEnter';

type ActionName =
  | 'nextPrevious'
  | 'openPanel'
  | 'highlightSentence'
  | 'selectionMode'
  | 'closePanel'
  | 'help'
  | 'extendCharacter'
  | 'extendWord'
  | 'extendSentence'
  | 'moveCaret'
  | 'enterSelection'
  | 'toolbarHighlight'
  | 'toolbarExtend'
  | 'toolbarNote'
  | 'noteKeys'
  | 'toolbarCancel';

interface Shortcut {
  keys: KeyName[];
  action: ActionName;
}

const GROUPS: { title: 'text' | 'selection' | 'toolbar'; shortcuts: Shortcut[] }[] = [
  {
    title: 'text',
    shortcuts: [
      { keys: ['tab', 'shiftTab'], action: 'nextPrevious' },
      { keys: ['enter', 'space'], action: 'openPanel' },
      { keys: ['h'], action: 'highlightSentence' },
      { keys: ['s'], action: 'selectionMode' },
      { keys: ['escape'], action: 'closePanel' },
      { keys: ['question'], action: 'help' },
    ],
  },
  {
    title: 'selection',
    shortcuts: [
      { keys: ['shiftRight', 'shiftLeft'], action: 'extendCharacter' },
      { keys: ['ctrlShiftRight', 'ctrlShiftLeft'], action: 'extendWord' },
      { keys: ['shiftEnd', 'shiftHome'], action: 'extendSentence' },
      { keys: ['right', 'left'], action: 'moveCaret' },
      { keys: ['shiftRight'], action: 'enterSelection' },
    ],
  },
  {
    title: 'toolbar',
    shortcuts: [
      { keys: ['enter'], action: 'toolbarHighlight' },
      { keys: ['shiftArrows'], action: 'toolbarExtend' },
      { keys: ['tab'], action: 'toolbarNote' },
      { keys: ['enter', 'shiftEnter'], action: 'noteKeys' },
      { keys: ['escape'], action: 'toolbarCancel' },
    ],
  },
];

/** `?` opens the list of keys, anywhere but in a field. `onOpen` must be stable. */
export function useShortcutsKey({ onOpen }: { onOpen: () => void }) {
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
      onOpen();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onOpen]);
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations('reader');
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={() => {
        onClose();
        if (openerRef.current instanceof HTMLElement) openerRef.current.focus();
      }}
      onKeyDown={(event) => {
        // Escape closes this dialog only: the reader's panel stays open behind it.
        if (event.key === 'Escape') event.stopPropagation();
      }}
      className="m-auto max-h-[calc(100vh-2rem)] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto rounded-xl border border-stone-200 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-900/40"
    >
      <div className="flex items-start justify-between gap-3">
        <h2 id="shortcuts-title" className="text-base font-semibold">
          {t('shortcuts.title')}
        </h2>
        <Button variant="secondary" onClick={() => ref.current?.close()}>
          {t('shortcuts.close')}
        </Button>
      </div>
      <div className="mt-3 space-y-4 text-sm">
        {GROUPS.map((group) => (
          <section key={group.title} aria-label={t(`shortcuts.groups.${group.title}`)}>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-600">
              {t(`shortcuts.groups.${group.title}`)}
            </h3>
            <dl className="mt-1 divide-y divide-stone-100">
              {group.shortcuts.map((shortcut) => (
                <div
                  key={shortcut.action}
                  className="grid gap-x-3 py-1.5 sm:grid-cols-[11rem_minmax(0,1fr)]"
                >
                  <dt className="flex flex-wrap items-start gap-1">
                    {shortcut.keys.map((k) => (
                      <kbd
                        key={k}
                        className="rounded border border-stone-300 bg-stone-50 px-1.5 py-0.5 font-mono text-xs text-stone-800"
                      >
                        {t(`shortcuts.keys.${k}`)}
                      </kbd>
                    ))}
                  </dt>
                  <dd className="text-stone-700">{t(`shortcuts.actions.${shortcut.action}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="text-xs text-stone-600">{t('shortcuts.footnote')}</p>
      </div>
    </dialog>
  );
}
