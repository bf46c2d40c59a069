'use client';
// "Rapport de la rédaction": the team's verified claims, filtered by approval date, verdict and
// reviewer, downloaded in the chosen format. The body is read chunk by chunk so a large report
// shows its progress — a percentage when the answer's length is known (Content-Length, not
// compressed), otherwise an indeterminate bar with the bytes received, as for a streamed
// answer — then saved from a Blob object URL under the server's file name.
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { ApiError, errorMessage, networkError, readApiError } from '@/lib/api/client';
import { RATINGS } from '@/lib/reports/verdict-scale';
import { REPORT_FORMAT_FILES } from '@/lib/reports/formats';
import { TEAM_REPORT_FORMATS } from '@/lib/validations/report';
import { FormError } from '@/components/ui/form-error';

type TeamReportFormat = (typeof TEAM_REPORT_FORMATS)[number];

const SELECT =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-blue-600';

type Progress =
  | { kind: 'idle' }
  | { kind: 'downloading'; loaded: number; total: number | null }
  | { kind: 'done'; filename: string };

/** The file name of a `Content-Disposition` header (RFC 6266: `filename*` wins), if any. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed escapes: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(header);
  const name = plain?.[1] ?? plain?.[2];
  // Only a bare name: the browser would strip a path anyway, but say so plainly.
  return name ? name.replace(/[/\\]/g, '_') : null;
}

function saveBlob(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers start reading the URL only after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export function TeamReportForm({
  teamId,
  members,
}: {
  teamId: string;
  members: { id: string; name: string }[];
}) {
  const t = useTranslations('teams.reportForm');
  const labels = useTranslations('labels');
  const formatter = useFormatter();
  const progressId = useId();
  const abortRef = useRef<AbortController | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [rating, setRating] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [format, setFormat] = useState<TeamReportFormat>('markdown');
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const busy = progress.kind === 'downloading';

  useEffect(() => () => abortRef.current?.abort(), []);

  function formatSize(bytes: number): string {
    if (bytes < 1024) return t('bytes', { size: String(bytes) });
    if (bytes < 1024 * 1024) {
      return t('kilobytes', {
        size: formatter.number(bytes / 1024, { maximumFractionDigits: 0 }),
      });
    }
    return t('megabytes', {
      size: formatter.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 }),
    });
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (from && to && from > to) {
      setError(t('dateOrder'));
      return;
    }
    const params = new URLSearchParams({ format });
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    if (rating) params.set('rating', rating);
    if (reviewer) params.set('reviewer', reviewer);

    const controller = new AbortController();
    abortRef.current = controller;
    setProgress({ kind: 'downloading', loaded: 0, total: null });
    try {
      let response: Response;
      try {
        response = await fetch(`/api/v1/teams/${teamId}/report?${params}`, {
          signal: controller.signal,
        });
      } catch (e) {
        if (controller.signal.aborted) throw e;
        throw networkError();
      }
      if (!response.ok) throw await readApiError(response);

      // Content-Length counts the bytes on the wire: once compressed, it is not the body's size.
      const length = Number(response.headers.get('Content-Length'));
      const total = response.headers.get('Content-Encoding') === null && length > 0 ? length : null;
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let loaded = 0;
      if (response.body) {
        const reader = response.body.getReader();
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
            loaded += value.byteLength;
            setProgress({
              kind: 'downloading',
              loaded,
              total: total !== null && loaded <= total ? total : null,
            });
          }
        } catch (e) {
          if (controller.signal.aborted) throw e;
          throw new ApiError(0, 'network', t('interrupted'));
        }
      }
      const filename =
        dispositionFilename(response.headers.get('Content-Disposition')) ??
        t('fallbackFileName', { extension: REPORT_FORMAT_FILES[format].extension });
      saveBlob(
        new Blob(chunks, {
          type: response.headers.get('Content-Type') ?? 'application/octet-stream',
        }),
        filename,
      );
      setProgress({ kind: 'done', filename });
    } catch (e) {
      if (controller.signal.aborted) return;
      setError(errorMessage(e));
      setProgress({ kind: 'idle' });
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-4">
      <fieldset disabled={busy} className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Field label={t('from')} hint={t('fromHint')}>
            <TextInput
              type="date"
              name="from"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            />
          </Field>
          <Field label={t('to')}>
            <TextInput
              type="date"
              name="to"
              value={to}
              onChange={(event) => setTo(event.target.value)}
            />
          </Field>
          <Field label={t('rating')}>
            <select
              name="rating"
              value={rating}
              onChange={(event) => setRating(event.target.value)}
              className={SELECT}
            >
              <option value="">{t('allRatings')}</option>
              {RATINGS.map((r) => (
                <option key={r} value={r}>
                  {labels(`rating.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('reviewer')}>
            <select
              name="reviewer"
              value={reviewer}
              onChange={(event) => setReviewer(event.target.value)}
              className={SELECT}
            >
              <option value="">{t('everyone')}</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('format')}>
            <select
              name="format"
              value={format}
              onChange={(event) => {
                const chosen = TEAM_REPORT_FORMATS.find((f) => f === event.target.value);
                if (chosen) setFormat(chosen);
              }}
              className={SELECT}
            >
              {TEAM_REPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {REPORT_FORMAT_FILES[f].label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Button type="submit">{busy ? t('downloading') : t('download')}</Button>
      </fieldset>

      <FormError message={error} />

      <div role="status" className="text-sm text-stone-700">
        {progress.kind === 'downloading' ? (
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor={progressId} className="font-medium">
              {t('progress')}
            </label>
            {progress.total !== null ? (
              <progress
                id={progressId}
                max={progress.total}
                value={progress.loaded}
                className="h-2 w-64"
              />
            ) : (
              <progress id={progressId} className="h-2 w-64" />
            )}
            <span className="tabular-nums">
              {progress.total !== null
                ? t('percent', { percent: Math.round((progress.loaded / progress.total) * 100) })
                : t('received', { size: formatSize(progress.loaded) })}
            </span>
          </div>
        ) : null}
        {progress.kind === 'done' ? <p>{t('done', { fileName: progress.filename })}</p> : null}
      </div>
    </form>
  );
}
