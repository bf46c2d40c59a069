'use client';
// Editing a verdict's sources: URL (http/https, required), title, publisher, date, excerpt.
// Shared by my verdict and by an editor's final verdict.
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, TextArea, TextInput } from '@/components/ui/field';
import type { SourceDto } from '@/lib/server/verdicts/serialize';
import { SourceArchiveNote } from './source-archive-note';

export interface SourceDraft {
  key: string;
  url: string;
  title: string;
  publisher: string;
  publishedAt: string;
  excerpt: string;
}

export function draftOf(source?: SourceDto): SourceDraft {
  return {
    key: crypto.randomUUID(),
    url: source?.url ?? '',
    title: source?.title ?? '',
    publisher: source?.publisher ?? '',
    publishedAt: source?.publishedAt ?? '',
    excerpt: source?.excerpt ?? '',
  };
}

/** The drafts as the API takes them (blank optional fields become null). */
export function toSourceInput(drafts: SourceDraft[]) {
  return drafts.map((s) => ({
    url: s.url.trim(),
    title: s.title || null,
    publisher: s.publisher || null,
    publishedAt: s.publishedAt || null,
    excerpt: s.excerpt || null,
  }));
}

export function SourcesEditor({
  sources,
  onChange,
  fieldErrors,
  hint,
}: {
  sources: SourceDraft[];
  onChange: (next: SourceDraft[]) => void;
  fieldErrors: Record<string, string>;
  hint?: string;
}) {
  const t = useTranslations('reader');
  function update(key: string, field: keyof Omit<SourceDraft, 'key'>, value: string) {
    onChange(sources.map((s) => (s.key === key ? { ...s, [field]: value } : s)));
  }
  // « Titre », with « de la source 2 » for screen readers (the `sr` part of the message).
  const label = (
    key: 'sources.title' | 'sources.publisher' | 'sources.publishedAt' | 'sources.excerpt',
    i: number,
  ) =>
    t.rich(key, {
      number: String(i + 1),
      sr: (chunks) => <span className="sr-only">{chunks}</span>,
    });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-stone-800">{t('sources.legend')}</legend>
      {fieldErrors.sources ? <p className="text-xs text-red-700">{fieldErrors.sources}</p> : null}
      {sources.length === 0 && hint ? <p className="text-xs text-stone-500">{hint}</p> : null}
      {sources.map((source, i) => (
        <div key={source.key} className="space-y-2 rounded-md border border-stone-200 p-2">
          <Field
            label={t('sources.url', { number: String(i + 1) })}
            error={fieldErrors[`sources.${i}.url`]}
          >
            <TextInput
              type="url"
              required
              placeholder={t('sources.urlPlaceholder')}
              value={source.url}
              onChange={(e) => update(source.key, 'url', e.target.value)}
            />
          </Field>
          <SourceArchiveNote url={source.url.trim()} />
          <Field label={label('sources.title', i)} error={fieldErrors[`sources.${i}.title`]}>
            <TextInput
              value={source.title}
              onChange={(e) => update(source.key, 'title', e.target.value)}
            />
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Field
              label={label('sources.publisher', i)}
              error={fieldErrors[`sources.${i}.publisher`]}
            >
              <TextInput
                value={source.publisher}
                onChange={(e) => update(source.key, 'publisher', e.target.value)}
              />
            </Field>
            <Field
              label={label('sources.publishedAt', i)}
              error={fieldErrors[`sources.${i}.publishedAt`]}
            >
              <TextInput
                type="date"
                value={source.publishedAt}
                onChange={(e) => update(source.key, 'publishedAt', e.target.value)}
              />
            </Field>
          </div>
          <Field label={label('sources.excerpt', i)} error={fieldErrors[`sources.${i}.excerpt`]}>
            <TextArea
              rows={2}
              value={source.excerpt}
              onChange={(e) => update(source.key, 'excerpt', e.target.value)}
            />
          </Field>
          <Button
            variant="danger"
            onClick={() => onChange(sources.filter((s) => s.key !== source.key))}
          >
            {t('sources.remove', { number: String(i + 1) })}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...sources, draftOf()])}>
        {t('sources.add')}
      </Button>
    </fieldset>
  );
}
