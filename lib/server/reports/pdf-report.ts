// The PDF report as a job. A request only checks access and queues the render (202); workers
// render at most PDF_CONCURRENCY (default 2) PDFs at once for the whole deployment — each job
// goes to one of that many graphile-worker queues (`report_pdf:0`, `report_pdf:1`…), and a
// queue runs one job at a time whichever worker takes it — and at most PDF_QUEUE_MAX (default
// 10) renders may wait or run: beyond, 429 `queue_full` with Retry-After. The PDF is kept in the
// job row and served by GET /api/v1/jobs/{id}/result to members of the team.
import 'server-only';
import { wholeNumber } from '@/lib/server/settings';
import { prisma } from '@/lib/db';
import { toHtmlReport } from '@/lib/reports';
import { articleOfMember } from '@/lib/server/access';
import { AppError, notFound } from '@/lib/server/errors';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { serializeJob } from '@/lib/server/jobs/serialize-job';
import type { JobDto } from '@/lib/api/job-types';
import { JOB_TRANSACTION, type JobContext } from '@/lib/server/jobs/run-job';
import { getReportData, slug } from './get-report';
import { renderPdf } from './render-pdf';

/** PDF renders running at once in the whole deployment. */
function pdfConcurrency(): number {
  return wholeNumber('PDF_CONCURRENCY', 2);
}

/** PDF renders waiting or running in the whole deployment before new ones are refused. */
function pdfQueueMax(): number {
  return wholeNumber('PDF_QUEUE_MAX', 10);
}

interface PdfInput {
  baseUrl: string;
  slot: number;
}

export async function requestPdfReport(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}): Promise<JobDto> {
  const job = await prisma.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: options.articleId, ...articleOfMember(options.userId) },
      select: { id: true, teamId: true },
    });
    if (!article) throw notFound('article');
    // One enqueue at a time across the deployment, so the count and the slot are exact.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('factdesk:pdf-queue'))`;
    const pending = await tx.$queryRaw<{ slot: number | null; count: bigint }[]>`
      SELECT (input->>'slot')::int AS slot, count(*) AS count FROM jobs
       WHERE kind = 'report_pdf' AND status IN ('queued', 'running')
       GROUP BY 1`;
    const total = pending.reduce((sum, row) => sum + Number(row.count), 0);
    const max = pdfQueueMax();
    const slots = pdfConcurrency();
    if (total >= max) {
      // Each render takes a few seconds; this many are ahead, shared by `slots` renderers.
      const retryAfter = Math.max(5, Math.ceil((total / slots) * 5));
      throw new AppError(
        'queue_full',
        { key: 'pdfQueueFull', values: { total, retryAfter } },
        { retryAfter, pending: total, max },
      );
    }
    const load = new Map(pending.map((row) => [row.slot, Number(row.count)]));
    let slot = 0;
    for (let candidate = 1; candidate < slots; candidate++) {
      if ((load.get(candidate) ?? 0) < (load.get(slot) ?? 0)) slot = candidate;
    }
    const input: PdfInput = { baseUrl: options.baseUrl, slot };
    return enqueueJob(tx, {
      kind: 'report_pdf',
      userId: options.userId,
      teamId: article.teamId,
      articleId: article.id,
      input,
      queueName: `report_pdf:${slot}`,
    });
  });
  return serializeJob(job);
}

/** The article's report as a PDF (read with the member's access, rendered by Chromium). */
export async function renderPdfReport(options: {
  userId: string;
  articleId: string;
  baseUrl: string;
}): Promise<{ body: Buffer; filename: string }> {
  const data = await getReportData(options);
  const body = await renderPdf(toHtmlReport(data));
  return { body, filename: `factdesk-${slug(data.article.title)}.pdf` };
}

export async function runPdfReportJob(ctx: JobContext): Promise<void> {
  const articleId = ctx.job.articleId;
  if (!articleId) throw notFound('article');
  const input = ctx.job.input as unknown as PdfInput;
  await ctx.progress(0.1);
  const pdf = await renderPdfReport({
    userId: ctx.job.createdById,
    articleId,
    baseUrl: input.baseUrl,
  });
  await ctx.progress(0.9);
  await prisma.$transaction(async (tx) => {
    await ctx.guard(tx);
    await ctx.complete(tx, {
      articleId,
      file: pdf.body,
      result: { filename: pdf.filename, bytes: pdf.body.byteLength },
    });
  }, JOB_TRANSACTION);
}
