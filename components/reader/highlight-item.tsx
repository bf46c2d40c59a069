'use client';
// One highlight in the panel: its quote, note and author, and a link to it (#annotation-{id},
// as the W3C export names it); its author (or an editor) edits the note or deletes it. Both
// send the version read: a change made meanwhile is refused (409) and the current note is shown
// instead of being overwritten.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Field, TextArea } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { ApiError, apiFetch } from '@/lib/api/client';
import { annotationFragment } from '@/lib/anchoring/fragments';
import type { AnnotationDto } from '@/lib/server/annotations/serialize';
import { CopyLinkButton } from './copy-link-button';

export function HighlightItem({
  highlight,
  language,
  canChange,
  onChanged,
}: {
  highlight: AnnotationDto;
  language: string;
  canChange: boolean;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations('reader');
  const [confirm, confirmDialog] = useConfirm();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(highlight.note ?? '');
  const quote = highlight.target.selector.find((s) => s.type === 'TextQuoteSelector');

  const {
    run,
    pending: busy,
    error,
  } = useAction(async (method: 'PATCH' | 'DELETE', body: object) => {
    try {
      await apiFetch(`/api/v1/annotations/${highlight.id}`, { method, body: JSON.stringify(body) });
    } catch (e) {
      // Changed meanwhile: the current note replaces the draft, and the message says why.
      if (e instanceof ApiError && e.status === 409) {
        const current = (e.details as { current?: AnnotationDto } | undefined)?.current;
        setNote(current?.note ?? '');
        await onChanged();
      }
      throw e;
    }
    setEditing(false);
    await onChanged();
  });

  return (
    <li className="rounded-md bg-yellow-50 px-2 py-1.5">
      {confirmDialog}
      <q lang={language} className="font-serif">
        {quoteText(quote)}
      </q>
      {editing ? (
        <form
          className="mt-1 space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            void run('PATCH', { note, version: highlight.version });
          }}
        >
          <Field label={t('highlightItem.noteLabel')}>
            <TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={busy}>
              {t('highlightItem.saveNote')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('shared.cancel')}
            </Button>
          </div>
        </form>
      ) : highlight.note ? (
        <p className="mt-1 text-stone-700">{highlight.note}</p>
      ) : null}
      <div className="mt-0.5 flex flex-wrap items-center justify-between gap-1">
        <p className="text-xs text-stone-600">{highlight.author.name}</p>
        <CopyLinkButton
          fragment={annotationFragment(highlight.id)}
          what={t('highlightItem.copyWhat', { quote: quoteText(quote) })}
        />
      </div>
      {canChange && !editing ? (
        <div className="mt-1 flex flex-wrap gap-1">
          <Button
            variant="ghost"
            className="px-2 py-0.5 text-xs"
            onClick={() => {
              setNote(highlight.note ?? '');
              setEditing(true);
            }}
          >
            {highlight.note ? t('highlightItem.editNote') : t('highlightItem.addNote')}
          </Button>
          <Button
            variant="danger"
            className="px-2 py-0.5 text-xs"
            disabled={busy}
            onClick={() => {
              void confirm({
                title: t('highlightItem.confirmTitle'),
                body: t('highlightItem.confirmBody'),
                confirmLabel: t('shared.delete'),
              }).then((yes) => {
                if (yes) void run('DELETE', { version: highlight.version });
              });
            }}
          >
            {t('highlightItem.delete')}
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </li>
  );
}

function quoteText(quote: AnnotationDto['target']['selector'][number] | undefined): string {
  return quote && 'exact' in quote ? (quote.exact ?? '') : '';
}
