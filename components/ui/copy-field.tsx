'use client';
// A secret or a link shown once: a read-only input (selected on focus) and a "Copier" button
// whose result is announced in a live region.
import { useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

export function CopyField({
  label,
  value,
  copiedMessage,
}: {
  label: string;
  value: string;
  /** Announced once the text is on the clipboard, e.g. "Lien copié". */
  copiedMessage: string;
}) {
  const t = useTranslations('ui.copyField');
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  async function onCopy() {
    setStatus('');
    try {
      await navigator.clipboard.writeText(value);
      setStatus(copiedMessage);
    } catch {
      // No clipboard (insecure origin, refused permission): leave the text selected instead.
      inputRef.current?.select();
      setStatus(t('copyFailed'));
    }
  }

  return (
    <div className="text-sm">
      <label htmlFor={id} className="font-medium text-stone-800">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          ref={inputRef}
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-stone-300 bg-stone-50 px-2.5 py-1.5 font-mono text-xs shadow-sm"
        />
        <Button variant="secondary" onClick={() => void onCopy()}>
          {t('copy')}
        </Button>
      </div>
      <p role="status" className="mt-1 min-h-4 text-xs text-green-800">
        {status}
      </p>
    </div>
  );
}
