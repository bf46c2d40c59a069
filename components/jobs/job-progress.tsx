'use client';
// A background job's progress, for people and screen readers: what is being done (by kind),
// a <progress> with its percentage, in a polite live region that is always mounted so each
// step is announced; a failed job's message in an alert. `job` null renders the empty region.
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { JobDto, JobKind } from '@/lib/api/job-types';

/** Each kind's key in the catalogue (jobs.running.*, jobs.succeeded.*). */
const KIND_KEYS = {
  article_import: 'articleImport',
  article_revise: 'articleRevise',
  annotations_import: 'annotationsImport',
  report_pdf: 'reportPdf',
} as const satisfies Record<JobKind, string>;

/** What the job is at, as a catalogue key of `jobs`. */
function jobLabelKey(job: JobDto) {
  switch (job.status) {
    case 'queued':
      // Back in the queue after a failed attempt: the worker tries again shortly.
      return job.attempts > 0 ? ('queuedRetry' as const) : ('queued' as const);
    case 'running':
      return `running.${KIND_KEYS[job.kind]}` as const;
    case 'succeeded':
      return `succeeded.${KIND_KEYS[job.kind]}` as const;
    case 'failed':
      return 'failed' as const;
  }
}

function jobPercent(job: Pick<JobDto, 'progress'>): number {
  return Math.min(100, Math.max(0, Math.round(job.progress * 100)));
}

export function JobProgress({
  job,
  compact = false,
  className = '',
}: {
  job: JobDto | null;
  /** A narrower bar and smaller text, for a row of links or buttons. */
  compact?: boolean;
  className?: string;
}) {
  const t = useTranslations('jobs');
  const id = useId();
  const pending = job?.status === 'queued' || job?.status === 'running';
  // Waiting in the queue has no measure yet (an indeterminate bar); once done, words suffice.
  const measured = job?.status === 'running';
  const percent = job ? jobPercent(job) : 0;
  return (
    <div className={`${compact ? 'text-xs' : 'text-sm'} text-stone-700 ${className}`}>
      <div role="status" aria-live="polite">
        {job && pending ? (
          <div className={`flex flex-wrap items-center ${compact ? 'gap-2' : 'gap-3'}`}>
            <label htmlFor={id} className="font-medium">
              {t(jobLabelKey(job))}
            </label>
            <progress
              id={id}
              max={100}
              value={measured ? percent : undefined}
              className={compact ? 'h-1.5 w-20' : 'h-2 w-64'}
            />
            {measured ? <span className="tabular-nums">{t('percent', { percent })}</span> : null}
          </div>
        ) : null}
        {job?.status === 'succeeded' ? <p className="font-medium">{t(jobLabelKey(job))}</p> : null}
      </div>
      {job?.status === 'failed' ? (
        <p
          role="alert"
          className={
            compact ? 'text-red-700' : 'rounded-md bg-red-50 px-3 py-2 text-sm text-red-800'
          }
        >
          {job.error?.message || t('failed')}
        </p>
      ) : null}
    </div>
  );
}
