'use client';
// The article's public fact-check: where it stands (published, withdrawn, never), a link to the
// public page, and for editors and owners « Publier » / « Retirer la publication », each
// confirmed in a dialog (POST / DELETE /api/v1/articles/{id}/publication). Read after the page
// has opened, so it never delays the reader.
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';

interface Publication {
  status: 'published' | 'unpublished' | 'never';
  url: string | null;
  publishedAt: string | null;
  unpublishedAt: string | null;
  claimCount: number;
}

export function PublishControls({
  articleId,
  canPublish,
}: {
  articleId: string;
  canPublish: boolean;
}) {
  const t = useTranslations('reader');
  const format = useFormatter();
  const [publication, setPublication] = useState<Publication | null>(null);
  const [dialog, setDialog] = useState<'publish' | 'unpublish' | null>(null);
  const url = `/api/v1/articles/${articleId}/publication`;

  useEffect(() => {
    let live = true;
    apiFetch<Publication>(url)
      .then((value) => {
        if (live) setPublication(value);
      })
      // Not shown: the reader works without it, and the next visit asks again.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [url]);

  const action = useAction(async (method: 'POST' | 'DELETE') => {
    setPublication(await apiFetch<Publication>(url, { method }));
    setDialog(null);
  });

  if (!publication) return null;
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: 'long', timeStyle: 'short' }) : '';

  return (
    <section
      aria-label={t('publication.label')}
      className="mt-2 flex flex-wrap items-center justify-end gap-2 text-sm"
      data-testid="publication"
    >
      {publication.status === 'published' && publication.url ? (
        <>
          <span className="text-stone-700">
            {t('publication.published', { date: when(publication.publishedAt) })}
          </span>
          <a
            href={publication.url}
            target="_blank"
            rel="noopener"
            className="text-blue-700 underline hover:text-blue-900"
          >
            {t('publication.view')}
          </a>
        </>
      ) : publication.status === 'unpublished' ? (
        <span className="text-stone-700">
          {t('publication.withdrawn', { date: when(publication.unpublishedAt) })}
        </span>
      ) : null}
      {canPublish && publication.status !== 'published' && (
        <Button
          variant="secondary"
          aria-haspopup="dialog"
          disabled={publication.claimCount === 0}
          title={publication.claimCount === 0 ? t('publication.nothing') : undefined}
          onClick={() => {
            action.clearError();
            setDialog('publish');
          }}
        >
          {publication.status === 'unpublished'
            ? t('publication.republish')
            : t('publication.publish')}
        </Button>
      )}
      {canPublish && publication.status === 'published' && (
        <Button
          variant="secondary"
          aria-haspopup="dialog"
          onClick={() => {
            action.clearError();
            setDialog('unpublish');
          }}
        >
          {t('publication.unpublish')}
        </Button>
      )}
      <ConfirmDialog
        open={dialog === 'publish'}
        title={t('publication.publishTitle')}
        confirmLabel={t('publication.publishConfirm')}
        pendingLabel={t('publication.pending')}
        pending={action.pending}
        error={action.error}
        onConfirm={() => void action.run('POST')}
        onCancel={() => setDialog(null)}
      >
        <p>{t('publication.publishConsequences', { count: publication.claimCount })}</p>
        <p>{t('publication.publishCorrections')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'unpublish'}
        title={t('publication.unpublishTitle')}
        confirmLabel={t('publication.unpublishConfirm')}
        pendingLabel={t('publication.pending')}
        pending={action.pending}
        error={action.error}
        onConfirm={() => void action.run('DELETE')}
        onCancel={() => setDialog(null)}
      >
        <p>{t('publication.unpublishConsequences')}</p>
      </ConfirmDialog>
    </section>
  );
}
