'use client';
// « Supprimer l’article » (editors and owners): asks for confirmation in a dialog, then deletes
// the article for good (DELETE /api/v1/articles/{id}) and goes back to the list of articles.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';

export function DeleteArticleButton({ articleId, title }: { articleId: string; title: string }) {
  const router = useRouter();
  const t = useTranslations('reader');
  const [open, setOpen] = useState(false);
  const {
    run: onConfirm,
    pending,
    error,
    clearError,
  } = useAction(
    async () => {
      await apiFetch(`/api/v1/articles/${articleId}`, { method: 'DELETE' });
      router.push('/');
      router.refresh();
    },
    { keepPendingOnSuccess: true },
  );

  return (
    <>
      <Button
        variant="danger"
        aria-haspopup="dialog"
        onClick={() => {
          clearError();
          setOpen(true);
        }}
      >
        {t('deleteArticle.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('deleteArticle.title')}
        confirmLabel={t('deleteArticle.confirm')}
        pendingLabel={t('deleteArticle.pending')}
        pending={pending}
        error={error}
        onConfirm={() => void onConfirm()}
        onCancel={() => setOpen(false)}
      >
        <p>{t('deleteArticle.consequences', { title })}</p>
        <p>{t('deleteArticle.audit')}</p>
      </ConfirmDialog>
    </>
  );
}
