'use client';
// The report as PDF: rendered by a worker, so « PDF » starts a job (202), its progress shows
// beside the other formats, and once it is ready the file downloads by itself — once — with a
// « Télécharger le PDF » link left for another copy. A full render queue (429 queue_full) is
// said in its own words (they tell when to try again).
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { JobProgress } from '@/components/jobs/job-progress';
import { useAction } from '@/components/ui/use-action';
import { apiFetch, errorMessage } from '@/lib/api/client';
import { followJob, JobFailedError } from '@/lib/api/follow-job';
import { jobOf, type JobDto } from '@/lib/api/job-types';

export function PdfExportButton({
  articleId,
  className = '',
}: {
  articleId: string;
  /** The look of the links beside it (components/reader/report-links.tsx). */
  className?: string;
}) {
  const t = useTranslations('reader');
  const [job, setJob] = useState<JobDto | null>(null);
  const [fileUrl, setFileUrl] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const downloadRef = useRef<HTMLAnchorElement>(null);
  /** The file of this job downloads by itself once; the link stays for more. */
  const autoDownloaded = useRef<string | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  useEffect(() => {
    if (!fileUrl || autoDownloaded.current === fileUrl) return;
    autoDownloaded.current = fileUrl;
    // The result answers with Content-Disposition: attachment, so the page stays where it is.
    downloadRef.current?.click();
  }, [fileUrl]);

  const {
    run,
    pending: busy,
    error,
  } = useAction(
    async () => {
      const controller = new AbortController();
      abortRef.current = controller;
      try {
        const accepted = jobOf(
          await apiFetch<unknown>(`/api/v1/articles/${articleId}/report?format=pdf`, {
            signal: controller.signal,
          }),
        );
        if (!accepted) throw new Error('unexpected response');
        setJob(accepted);
        const done = await followJob(accepted.id, setJob, controller.signal);
        setFileUrl(done.resultUrl ?? `/api/v1/jobs/${done.id}/result`);
      } finally {
        if (abortRef.current === controller) abortRef.current = null;
      }
    },
    {
      message: (e) => {
        // A failed job's message is shown by JobProgress; a refused request's here. (Aborted:
        // the button has gone, nothing to say.)
        if (e instanceof JobFailedError) return null;
        setJob(null);
        return errorMessage(e);
      },
    },
  );

  function onStart() {
    if (busy) return;
    setJob(null);
    setFileUrl(null);
    void run();
  }

  return (
    <>
      {/* aria-disabled rather than disabled while it runs: focus stays on the button. */}
      <button
        type="button"
        onClick={onStart}
        aria-disabled={busy}
        className={`${className} ${busy ? 'cursor-progress opacity-60' : ''}`}
      >
        {t('pdfExport.pdf')}
      </button>
      {/* Always mounted: its live region must exist before it speaks. */}
      <JobProgress job={job} compact />
      {fileUrl ? (
        <a ref={downloadRef} href={fileUrl} download className={className}>
          {t('pdfExport.download')}
        </a>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}
