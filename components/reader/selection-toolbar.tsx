'use client';
// The small toolbar shown over a text selection: Highlight, with an optional note.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

export function SelectionToolbar({
  rect,
  onHighlight,
  onCancel,
}: {
  rect: DOMRect;
  onHighlight: (note: string | null) => void;
  onCancel: () => void;
}) {
  const [withNote, setWithNote] = useState(false);
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (withNote) noteRef.current?.focus();
  }, [withNote]);

  // Fixed to the viewport, under the selection, kept on screen.
  const top = Math.min(rect.bottom + 8, window.innerHeight - (withNote ? 180 : 56));
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - 300));

  return (
    <div
      role="toolbar"
      aria-label="Sélection"
      className="fixed z-40 w-72 rounded-lg border border-stone-200 bg-white p-2 shadow-lg"
      style={{ top, left }}
      onMouseUp={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      {withNote ? (
        <label className="mb-2 block text-xs font-medium text-stone-700">
          Note (facultative)
          <textarea
            ref={noteRef}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            rows={3}
            maxLength={5000}
            className="mt-1 block w-full rounded border border-stone-300 p-1.5 text-sm font-normal"
          />
        </label>
      ) : null}
      <div className="flex items-center gap-1">
        <Button
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onHighlight(note.trim() || null)}
        >
          Surligner
        </Button>
        {!withNote ? (
          <Button
            variant="ghost"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setWithNote(true)}
          >
            + Note
          </Button>
        ) : null}
        <Button
          variant="ghost"
          className="ml-auto"
          onClick={onCancel}
          aria-label="Annuler la sélection"
        >
          ✕
        </Button>
      </div>
    </div>
  );
}
