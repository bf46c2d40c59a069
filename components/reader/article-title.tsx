'use client';
// The article's title, renamed in place by editors and owners (the default title is only the
// first sentence, shortened). A stale version is refused by the server; the current title is
// then offered instead of being silently overwritten.
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { TITLE_MAX_LENGTH } from '@/lib/validations/limits';
import { ApiError, apiFetch } from '@/lib/api/client';

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
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState<TitleState | null>(null);
  const [saving, setSaving] = useState(false);

  function cancel() {
    setDraft(null);
    setError(null);
    setCurrent(null);
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (draft === null) return;
    setSaving(true);
    setError(null);
    try {
      const next = await apiFetch<TitleState>(`/api/v1/articles/${articleId}`, {
        method: 'PATCH',
        body: JSON.stringify({ title: draft, version: saved.version }),
      });
      setSaved({ title: next.title, version: next.version });
      cancel();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const details = e.details as { current?: TitleState } | undefined;
        setCurrent(details?.current ?? null);
      }
      setError(e instanceof ApiError ? e.message : 'Enregistrement impossible.');
    } finally {
      setSaving(false);
    }
  }

  if (draft === null) {
    return (
      <div className="mt-1 flex items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold leading-tight" lang={language}>
          {saved.title}
        </h1>
        {canEdit ? (
          <Button variant="ghost" className="shrink-0" onClick={() => setDraft(saved.title)}>
            Renommer
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      className="mt-1 space-y-2"
      aria-label="Renommer l’article"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <Field label="Titre de l’article" error={error ?? undefined}>
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
            Titre actuel : <q lang={language}>{current.title}</q>
          </p>
          <Button
            variant="secondary"
            className="mt-2"
            onClick={() => {
              setSaved(current);
              setCurrent(null);
              setError(null);
            }}
          >
            Repartir du titre actuel
          </Button>
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? 'Enregistrement…' : 'Enregistrer le titre'}
        </Button>
        <Button variant="secondary" onClick={cancel}>
          Annuler
        </Button>
      </div>
    </form>
  );
}
