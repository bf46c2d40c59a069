'use client';
// « Copier le lien »: this page's address with a fragment naming a sentence or a highlight
// (lib/anchoring/fragments.ts), put on the clipboard with a visible confirmation. Without a
// clipboard (insecure origin, refused permission) the link is shown in a field, selected, to
// copy by hand.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

const CONFIRMATION_MS = 2500;

export function CopyLinkButton({
  fragment,
  what,
  className = '',
}: {
  /** Without the `#`, e.g. `sentence-3`. */
  fragment: string;
  /** What the link leads to, for screen readers, e.g. « de la phrase 3 » (already translated). */
  what: string;
  className?: string;
}) {
  const t = useTranslations('reader');
  const [status, setStatus] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [link, setLink] = useState('');
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (status !== 'copied') return;
    const timer = window.setTimeout(() => setStatus('idle'), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [status]);

  useEffect(() => {
    if (status === 'manual') fieldRef.current?.focus(); // selected on focus
  }, [status]);

  async function onCopy() {
    const url = new URL(window.location.href);
    url.hash = fragment;
    const text = url.toString();
    setLink(text);
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('manual');
    }
  }

  return (
    <span className={`inline-flex flex-wrap items-center gap-1 ${className}`}>
      <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => void onCopy()}>
        {t.rich('copyLink.copy', {
          what,
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
        })}
      </Button>
      <span role="status" className="text-xs text-green-800">
        {status === 'copied' ? t('copyLink.copied') : ''}
      </span>
      {status === 'manual' ? (
        <label className="block w-full text-xs text-stone-700">
          {t('copyLink.manual')}
          <input
            ref={fieldRef}
            type="text"
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
            onBlur={() => setStatus('idle')}
            className="mt-1 block w-full min-w-0 rounded border border-stone-300 bg-stone-50 px-1.5 py-1 font-mono text-xs"
          />
        </label>
      ) : null}
    </span>
  );
}
