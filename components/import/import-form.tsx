'use client';
// "Importer un article": the text pasted, a file read in the browser, or a web address fetched
// by the server, plus optional metadata (detected when left empty). The body goes out with
// XMLHttpRequest so a large text shows its upload progress; then the server segments a small
// text at once (201, the article), or hands a large text and every web address to a worker (202,
// a job followed live until it is over). On success the reader opens on the new article. On
// failure — of the request or of the job — the message is shown and every input is kept.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextArea, TextInput } from '@/components/ui/field';
import { JobProgress } from '@/components/jobs/job-progress';
import { ApiError, errorMessage } from '@/lib/api/client';
import { followJob, JobFailedError } from '@/lib/api/follow-job';
import { jobOf, type JobDto } from '@/lib/api/job-types';
import { isHttpUrl } from '@/lib/validations/common';
import { SOURCE_FILE_ACCEPT } from '@/lib/import/media-type';
import { fileProblem, fileSource, type ArticleSource, type FileProblem } from './file-source';
import { postJsonWithProgress } from './post-json-with-progress';
import { FormError } from '@/components/ui/form-error';

type SourceKind = 'paste' | 'file' | 'url';

/** The source choices, each with its label's key in importing.form. */
const SOURCES = [
  { value: 'paste', label: 'sourcePaste' },
  { value: 'file', label: 'sourceFile' },
  { value: 'url', label: 'sourceUrl' },
] as const satisfies readonly { value: SourceKind; label: string }[];

/** Below this, the upload is over before a progress bar could mean anything. */
const LARGE_BODY_BYTES = 100_000;

const SELECT =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-blue-600';

/** The languages offered ('' leaves it to the server's detection), with their labels' keys. */
const LANGUAGES = [
  { value: '', label: 'languageAuto' },
  { value: 'fr', label: 'languageFr' },
  { value: 'en', label: 'languageEn' },
] as const;
type LanguageChoice = (typeof LANGUAGES)[number]['value'];

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; loaded: number; total: number }
  | { kind: 'analysing' }
  /** Accepted (202): a worker imports it; `job` below says how far it is. */
  | { kind: 'job' }
  | { kind: 'done' };

function percent(loaded: number, total: number): number {
  return total === 0 ? 0 : Math.min(100, Math.round((loaded / total) * 100));
}

export function ImportForm({ teams }: { teams: { id: string; name: string }[] }) {
  const router = useRouter();
  const t = useTranslations('importing');
  const progressId = useId();
  const fileErrorId = useId();
  const abortRef = useRef<AbortController | null>(null);
  const uploadKeyRef = useRef<{ body: string; key: string } | null>(null);

  const [source, setSource] = useState<SourceKind>('paste');
  const [text, setText] = useState('');
  const [isMarkdown, setIsMarkdown] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<FileProblem | null>(null);
  const [url, setUrl] = useState('');

  const [title, setTitle] = useState('');
  const [author, setAuthor] = useState('');
  const [publisher, setPublisher] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [language, setLanguage] = useState<LanguageChoice>('');
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');

  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  /** The import job of the last 202, kept after a failure so its message stays on screen. */
  const [job, setJob] = useState<JobDto | null>(null);
  const busy = phase.kind !== 'idle';

  // Leaving the page mid-import cancels the upload, or stops following the import's job (which
  // goes on: the article will be in the list), rather than updating an unmounted form.
  useEffect(() => () => abortRef.current?.abort(), []);

  function onFileChange(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setFileError(chosen ? fileProblem(chosen) : null);
  }

  /** The source part of the body, or a message saying what is missing. */
  async function readSource(): Promise<ArticleSource | string> {
    switch (source) {
      case 'paste':
        if (text.trim() === '') return t('form.pasteEmpty');
        return { text, format: isMarkdown ? 'markdown' : 'text' };
      case 'file': {
        if (!file) return t('form.noFile');
        const problem = fileProblem(file);
        if (problem) return t(`fileProblem.${problem}`);
        let content: string;
        try {
          content = await file.text();
        } catch {
          return t('form.fileUnreadable');
        }
        return fileSource(file.name, content);
      }
      case 'url':
        if (url.trim() === '') return t('form.urlEmpty');
        if (!isHttpUrl(url.trim())) return t('form.urlInvalid');
        return { url: url.trim() };
    }
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setJob(null);
    if (!teamId) {
      setError(t('form.noTeam'));
      return;
    }
    const trimmedSourceUrl = source === 'url' ? '' : sourceUrl.trim();
    if (trimmedSourceUrl !== '' && !isHttpUrl(trimmedSourceUrl)) {
      setError(t('form.sourceUrlInvalid'));
      return;
    }
    const articleSource = await readSource();
    if (typeof articleSource === 'string') {
      setError(articleSource);
      return;
    }

    // Empty metadata is left out: the server detects what it can.
    const optional = {
      title: title.trim(),
      author: author.trim(),
      publisher: publisher.trim(),
      publishedAt,
      sourceUrl: trimmedSourceUrl,
      language,
    };
    const body = JSON.stringify({
      teamId,
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== '')),
      ...articleSource,
    });
    const size = new Blob([body]).size;
    // One key per body: sending the same import again (after a lost answer or a network error)
    // reuses it, so the server creates the article once; a changed body gets a new key.
    if (uploadKeyRef.current?.body !== body) {
      uploadKeyRef.current = { body, key: crypto.randomUUID() };
    }

    const controller = new AbortController();
    abortRef.current = controller;
    setPhase(
      size >= LARGE_BODY_BYTES
        ? { kind: 'uploading', loaded: 0, total: size }
        : { kind: 'analysing' },
    );
    try {
      const created = await postJsonWithProgress('/api/v1/articles', body, {
        signal: controller.signal,
        idempotencyKey: uploadKeyRef.current.key,
        onUploadProgress: (loaded, total) => {
          if (size >= LARGE_BODY_BYTES) setPhase({ kind: 'uploading', loaded, total });
        },
        onUploaded: () => setPhase({ kind: 'analysing' }),
      });
      const accepted = jobOf(created);
      let path: string;
      if (accepted) {
        setJob(accepted);
        setPhase({ kind: 'job' });
        const finished = await followJob(accepted.id, setJob, controller.signal);
        const articleId = finished.articleId;
        path = finished.pageUrl ?? (articleId ? `/articles/${articleId}` : '');
        if (!path) throw new ApiError(500, 'unknown', t('form.unexpectedAnswer'));
        setJob(null);
      } else {
        const id =
          typeof created === 'object' && created !== null && 'id' in created ? created.id : null;
        if (typeof id !== 'string') {
          throw new ApiError(500, 'unknown', t('form.unexpectedAnswer'));
        }
        path = `/articles/${id}`;
      }
      setPhase({ kind: 'done' });
      router.push(path);
    } catch (e) {
      if (controller.signal.aborted) return;
      // A failed job's message is already shown by JobProgress (its alert); anything else here.
      if (!(e instanceof JobFailedError)) {
        setJob(null);
        setError(errorMessage(e));
      }
      setPhase({ kind: 'idle' });
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  }

  const analysingLabel = source === 'url' ? t('form.analysingPage') : t('form.analysingText');
  const detected = t('form.detected');

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-busy={busy}
      className="space-y-6"
    >
      <fieldset disabled={busy} className="space-y-6">
        <fieldset className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <legend className="px-1 text-base font-semibold">{t('form.source')}</legend>
          <div className="mb-4 flex flex-wrap gap-2">
            {SOURCES.map((option) => (
              <label
                key={option.value}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-300 px-3 py-1.5 text-sm has-checked:border-blue-600 has-checked:bg-blue-50 has-focus-visible:ring-2 has-focus-visible:ring-blue-600"
              >
                <input
                  type="radio"
                  name="source"
                  value={option.value}
                  checked={source === option.value}
                  onChange={() => setSource(option.value)}
                  className="accent-blue-700"
                />
                {t(`form.${option.label}`)}
              </label>
            ))}
          </div>

          {/* Inactive panels are hidden, not unmounted: a chosen file stays chosen. */}
          <div hidden={source !== 'paste'} className="space-y-3">
            <Field label={t('form.text')} hint={t('form.textHint')}>
              <TextArea
                name="text"
                rows={14}
                value={text}
                onChange={(event) => setText(event.target.value)}
                placeholder={t('form.textPlaceholder')}
              />
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={isMarkdown}
                onChange={(event) => setIsMarkdown(event.target.checked)}
                className="accent-blue-700"
              />
              {t('form.markdown')}
            </label>
          </div>

          <div hidden={source !== 'file'}>
            <Field label={t('form.file')} hint={t('form.fileHint')}>
              <TextInput
                type="file"
                name="file"
                accept={SOURCE_FILE_ACCEPT}
                onChange={onFileChange}
                aria-invalid={fileError !== null}
                aria-describedby={fileError ? fileErrorId : undefined}
              />
            </Field>
            {fileError ? (
              <p id={fileErrorId} role="alert" className="mt-1 text-sm text-red-700">
                {t(`fileProblem.${fileError}`)}
              </p>
            ) : null}
          </div>

          <div hidden={source !== 'url'}>
            <Field label={t('form.url')} hint={t('form.urlHint')}>
              <TextInput
                type="url"
                name="url"
                inputMode="url"
                value={url}
                onChange={(event) => setUrl(event.target.value)}
                placeholder={t('form.urlPlaceholder')}
              />
            </Field>
          </div>
        </fieldset>

        <fieldset className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
          <legend className="px-1 text-base font-semibold">{t('form.details')}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <Field label={t('form.title')}>
                <TextInput
                  name="title"
                  value={title}
                  onChange={(event) => setTitle(event.target.value)}
                  maxLength={300}
                  placeholder={detected}
                />
              </Field>
            </div>
            <Field label={t('form.author')}>
              <TextInput
                name="author"
                value={author}
                onChange={(event) => setAuthor(event.target.value)}
                maxLength={200}
                placeholder={detected}
              />
            </Field>
            <Field label={t('form.publisher')}>
              <TextInput
                name="publisher"
                value={publisher}
                onChange={(event) => setPublisher(event.target.value)}
                maxLength={200}
                placeholder={detected}
              />
            </Field>
            <Field label={t('form.publishedAt')} hint={t('form.publishedAtHint')}>
              <TextInput
                type="date"
                name="publishedAt"
                value={publishedAt}
                onChange={(event) => setPublishedAt(event.target.value)}
              />
            </Field>
            <Field label={t('form.language')}>
              <select
                name="language"
                value={language}
                onChange={(event) => {
                  const chosen = LANGUAGES.find((option) => option.value === event.target.value);
                  if (chosen) setLanguage(chosen.value);
                }}
                className={SELECT}
              >
                {LANGUAGES.map((option) => (
                  <option key={option.value} value={option.value}>
                    {t(`form.${option.label}`)}
                  </option>
                ))}
              </select>
            </Field>
            {source !== 'url' ? (
              <div className="sm:col-span-2">
                <Field label={t('form.sourceAddress')} hint={t('form.sourceAddressHint')}>
                  <TextInput
                    type="url"
                    name="sourceUrl"
                    inputMode="url"
                    value={sourceUrl}
                    onChange={(event) => setSourceUrl(event.target.value)}
                    placeholder={t('form.sourceAddressPlaceholder')}
                  />
                </Field>
              </div>
            ) : null}
            {teams.length > 1 ? (
              <Field label={t('form.team')}>
                <select
                  name="teamId"
                  value={teamId}
                  onChange={(event) => setTeamId(event.target.value)}
                  className={SELECT}
                >
                  {teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {team.name}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </div>
          {teams.length === 1 ? (
            <p className="mt-4 text-sm text-stone-600">
              {t.rich('form.addedTo', {
                team: teams[0].name,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
          ) : null}
        </fieldset>

        <Button type="submit">{busy ? t('form.importing') : t('form.submit')}</Button>
      </fieldset>

      <FormError message={error} />

      {/* Always present so screen readers announce each step as it replaces the previous one. */}
      <div role="status" className="text-sm text-stone-700">
        {phase.kind === 'uploading' ? (
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor={progressId} className="font-medium">
              {t('form.uploading')}
            </label>
            <progress id={progressId} max={phase.total} value={phase.loaded} className="h-2 w-64" />
            <span className="tabular-nums">
              {t('form.percent', { percent: percent(phase.loaded, phase.total) })}
            </span>
          </div>
        ) : null}
        {phase.kind === 'analysing' ? (
          <div className="flex flex-wrap items-center gap-3">
            <progress id={progressId} aria-label={analysingLabel} className="h-2 w-64" />
            <span>{analysingLabel}</span>
          </div>
        ) : null}
        {phase.kind === 'done' ? <p>{t('form.done')}</p> : null}
      </div>
      {/* The worker's part (202): its own live region, mounted from the start. */}
      <JobProgress job={job} />
    </form>
  );
}
