'use client';
// « Raccourcis clavier »: the reader's keys, in a native modal <dialog> (showModal keeps focus
// inside and the page inert, Escape closes it, focus goes back to what opened it). Opened by
// its button or by `?` anywhere in the reader outside a text field (useShortcutsKey).
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';

interface Shortcut {
  keys: string[];
  action: string;
}

const GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Dans le texte',
    shortcuts: [
      { keys: ['Tab', 'Maj+Tab'], action: 'Aller à la phrase suivante, précédente' },
      {
        keys: ['Entrée', 'Espace'],
        action: 'Ouvrir le panneau de la phrase (verdict, commentaires)',
      },
      { keys: ['h'], action: 'Surligner toute la phrase' },
      {
        keys: ['s'],
        action: 'Mode sélection : un curseur au début de la phrase, à étendre avec Maj+flèches',
      },
      { keys: ['Échap'], action: 'Fermer le panneau, ou quitter le mode sélection' },
      { keys: ['?'], action: 'Afficher cette aide' },
    ],
  },
  {
    title: 'En mode sélection',
    shortcuts: [
      { keys: ['Maj+→', 'Maj+←'], action: 'Étendre ou réduire la sélection d’un caractère' },
      {
        keys: ['Ctrl+Maj+→', 'Ctrl+Maj+←'],
        action: 'D’un mot (Alt+Maj+flèche sur Mac)',
      },
      { keys: ['Maj+Fin', 'Maj+Début'], action: 'Jusqu’à la fin, au début de la phrase' },
      { keys: ['→', '←'], action: 'Déplacer le curseur sans sélectionner (Ctrl : d’un mot)' },
      {
        keys: ['Maj+→'],
        action: 'Depuis une phrase, entre aussi directement en mode sélection',
      },
    ],
  },
  {
    title: 'Barre de sélection',
    shortcuts: [
      {
        keys: ['Entrée'],
        action: 'Surligner (la barre prend le focus dès qu’un passage est sélectionné)',
      },
      { keys: ['Maj+flèches'], action: 'Continuer d’étendre la sélection depuis la barre' },
      { keys: ['Tab'], action: 'Atteindre « + Note » puis le champ de note' },
      { keys: ['Entrée', 'Maj+Entrée'], action: 'Dans la note : surligner, aller à la ligne' },
      { keys: ['Échap'], action: 'Annuler la sélection et revenir à la phrase' },
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
          Raccourcis clavier
        </h2>
        <Button variant="secondary" onClick={() => ref.current?.close()}>
          Fermer
        </Button>
      </div>
      <div className="mt-3 space-y-4 text-sm">
        {GROUPS.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-600">
              {group.title}
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
                        {k}
                      </kbd>
                    ))}
                  </dt>
                  <dd className="text-stone-700">{shortcut.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="text-xs text-stone-600">
          Les raccourcis de surlignage demandent un rôle qui permet de surligner. Ils ne
          s’appliquent pas quand le focus est dans un champ de saisie.
        </p>
      </div>
    </dialog>
  );
}
