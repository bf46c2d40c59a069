'use client';
// The article's title, renamed in place by editors and owners (the default title is only the
// first sentence, shortened). A stale version is refused by the server; the current title is
// then offered instead of being silently overwritten.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { TITLE_MAX_LENGTH } from '@/lib/validations/limits';
import { useAction } from '@/components/ui/use-action';
import { ApiError, apiFetch, apiMessageOr } from '@/lib/api/client';

interface TitleState {
  title: string;
  version: number;
}

export function ArticleTitle({
  articleId,
  language,
  initial,
  canEdit,
}: {
  articleId: string;
  language: string;
  initial: TitleState;
  canEdit: boolean;
}) {
  const t = useTranslations('reader');
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<string | null>(null);
  const [current, setCurrent] = useState<TitleState | null>(null);
  const save = useAction(
    async (title: string) => {
      try {
        const next = await apiFetch<TitleState>(`/api/v1/articles/${articleId}`, {
          method: 'PATCH',
          body: JSON.stringify({ title, version: saved.version }),
        });
        setSaved({ title: next.title, version: next.version });
        cancel();
      } catch (e) {
        // Renamed meanwhile: offer the current title rather than overwrite it.
        if (e instanceof ApiError && e.status === 409) {
          const details = e.details as { current?: TitleState } | undefined;
          setCurrent(details?.current ?? null);
        }
        throw e;
      }
    },
    { message: apiMessageOr(t('shared.saveFailed')) },
  );
  const { error, pending: saving } = save;

  function cancel() {
    setDraft(null);
    save.clearError();
    setCurrent(null);
  }

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (draft === null) return;
    void save.run(draft);
  }

  if (draft === null) {
    return (
      <div className="mt-1 flex items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold leading-tight" lang={language}>
          {saved.title}
        </h1>
        {canEdit ? (
          <Button variant="ghost" className="shrink-0" onClick={() => setDraft(saved.title)}>
            {t('articleTitle.rename')}
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      className="mt-1 space-y-2"
      aria-label={t('articleTitle.formLabel')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <Field label={t('articleTitle.label')} error={error ?? undefined}>
        <TextInput
          value={draft}
          lang={language}
          maxLength={TITLE_MAX_LENGTH}
          required
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
        />
      </Field>
      {current ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          <p>
            {t.rich('articleTitle.current', {
              title: current.title,
              q: (chunks) => <q lang={language}>{chunks}</q>,
            })}
          </p>
          <Button
            variant="secondary"
            className="mt-2"
            onClick={() => {
              setSaved(current);
              setCurrent(null);
              save.clearError();
            }}
          >
            {t('articleTitle.useCurrent')}
          </Button>
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? t('shared.saving') : t('articleTitle.save')}
        </Button>
        <Button variant="secondary" onClick={cancel}>
          {t('shared.cancel')}
        </Button>
      </div>
    </form>
  );
}
