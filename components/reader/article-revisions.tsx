'use client';
// The article's text history and, for editors and owners, correcting the text: every version
// is kept; highlights and verdicts follow (see lib/server/articles/revise-article.ts), and what
// could not follow is listed, never lost. A correction based on an old version is refused.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextArea } from '@/components/ui/field';
import { apiFetch, errorMessage } from '@/lib/api/client';
import { formatDate } from './verdict-status';

interface Revision {
  version: number;
  source: string;
  note: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  summary: {
    sentences?: Record<'same' | 'nearly' | 'changed' | 'removed' | 'added', number>;
    highlights?: Record<'anchored' | 'fuzzy' | 'orphaned', number>;
    verdictsToRecheck?: number;
  };
}

const SOURCE_LABELS: Record<string, string> = {
  paste: 'texte collé',
  upload: 'fichier importé',
  url: 'page web importée',
  import: 'import',
  edit: 'correction',
  reimport: 'nouvel import',
};

function summaryText(summary: Revision['summary']): string {
  const parts: string[] = [];
  const s = summary.sentences;
  if (s) {
    const changed = s.nearly + s.changed;
    if (changed)
      parts.push(`${changed} phrase${changed > 1 ? 's' : ''} modifiée${changed > 1 ? 's' : ''}`);
    if (s.added) parts.push(`${s.added} ajoutée${s.added > 1 ? 's' : ''}`);
    if (s.removed) parts.push(`${s.removed} retirée${s.removed > 1 ? 's' : ''}`);
  }
  const h = summary.highlights;
  if (h && h.fuzzy)
    parts.push(
      `${h.fuzzy} surlignage${h.fuzzy > 1 ? 's' : ''} replacé${h.fuzzy > 1 ? 's' : ''} approximativement`,
    );
  if (h && h.orphaned) parts.push(`${h.orphaned} orphelin${h.orphaned > 1 ? 's' : ''}`);
  if (summary.verdictsToRecheck) {
    parts.push(
      `${summary.verdictsToRecheck} verdict${summary.verdictsToRecheck > 1 ? 's' : ''} à revérifier`,
    );
  }
  return parts.join(' · ');
}

export function ArticleRevisions({
  articleId,
  version,
  text,
  revisionCount,
  canEdit,
}: {
  articleId: string;
  version: number;
  text: string;
  revisionCount: number;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    apiFetch<{ revisions: Revision[] }>(`/api/v1/articles/${articleId}/revisions`).then(
      (body) => live && setRevisions(body.revisions),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [open, articleId, version]);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/v1/articles/${articleId}/text`, {
        method: 'PUT',
        body: JSON.stringify({ text: draft, version, note: note || null }),
      });
      setEditing(false);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="revisions-title" className="mt-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          id="revisions-title"
          aria-expanded={open}
          onClick={() => setOpen((v) => !v)}
          className="text-stone-600 underline decoration-dotted underline-offset-2"
        >
          Version {version} du texte · {revisionCount} version{revisionCount > 1 ? 's' : ''}
        </button>
        {canEdit && !editing ? (
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(text);
              setEditing(true);
            }}
          >
            Corriger le texte
          </Button>
        ) : null}
      </div>
      {open ? (
        revisions === null ? (
          <p className="mt-1 text-stone-500">Chargement…</p>
        ) : (
          <ol
            className="mt-2 space-y-1 border-l-2 border-stone-200 pl-3"
            aria-label="Versions du texte"
          >
            {revisions.map((r) => (
              <li key={r.version}>
                <span className="font-medium">Version {r.version}</span> —{' '}
                {SOURCE_LABELS[r.source] ?? r.source}, {formatDate(r.createdAt)}
                {r.createdBy ? ` par ${r.createdBy.name}` : ''}
                {r.note ? <span className="text-stone-700"> : « {r.note} »</span> : null}
                {summaryText(r.summary) ? (
                  <span className="block text-xs text-stone-500">{summaryText(r.summary)}</span>
                ) : null}
              </li>
            ))}
          </ol>
        )
      ) : null}
      {editing ? (
        <form onSubmit={onSubmit} className="mt-3 space-y-2" aria-label="Corriger le texte">
          <Field
            label="Texte corrigé"
            hint="Les surlignages et verdicts suivent leurs phrases ; ce qui ne peut pas suivre reste listé."
          >
            <TextArea
              rows={14}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              className="font-serif"
            />
          </Field>
          <Field label="Note de correction (facultative)">
            <TextArea
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={2000}
            />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={busy}>
              {busy ? 'Enregistrement…' : 'Enregistrer la nouvelle version'}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              Annuler
            </Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
