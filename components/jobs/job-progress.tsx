'use client';
// A background job's progress, for people and screen readers: what is being done (by kind),
// a <progress> with its percentage, in a polite live region that is always mounted so each
// step is announced; a failed job's message in an alert. `job` null renders the empty region.
import { useId } from 'react';
import type { JobDto, JobKind } from '@/lib/api/job-types';

const RUNNING: Record<JobKind, string> = {
  article_import: 'Import en cours…',
  article_revise: 'Correction en cours…',
  annotations_import: 'Import des annotations en cours…',
  report_pdf: 'PDF en préparation…',
};

const SUCCEEDED: Record<JobKind, string> = {
  article_import: 'Article importé.',
  article_revise: 'Texte corrigé.',
  annotations_import: 'Annotations importées.',
  report_pdf: 'PDF prêt.',
};

const FAILED = 'Le traitement a échoué : rien n’a été enregistré.';

function jobLabel(job: JobDto): string {
  switch (job.status) {
    case 'queued':
      // Back in the queue after a failed attempt: the worker tries again shortly.
      return job.attempts > 0 ? 'En file d’attente (nouvelle tentative)' : 'En file d’attente';
    case 'running':
      return RUNNING[job.kind];
    case 'succeeded':
      return SUCCEEDED[job.kind];
    case 'failed':
      return FAILED;
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
              {jobLabel(job)}
            </label>
            <progress
              id={id}
              max={100}
              value={measured ? percent : undefined}
              className={compact ? 'h-1.5 w-20' : 'h-2 w-64'}
            />
            {measured ? <span className="tabular-nums">{percent} %</span> : null}
          </div>
        ) : null}
        {job?.status === 'succeeded' ? <p className="font-medium">{jobLabel(job)}</p> : null}
      </div>
      {job?.status === 'failed' ? (
        <p
          role="alert"
          className={
            compact ? 'text-red-700' : 'rounded-md bg-red-50 px-3 py-2 text-sm text-red-800'
          }
        >
          {job.error?.message || FAILED}
        </p>
      ) : null}
    </div>
  );
}
