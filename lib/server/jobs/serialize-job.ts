// A job row → the API shape (lib/validations/dto/job.ts, the one schema the browser parses
// too): where its result is once it succeeded, its error once it failed.
import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { JobDto } from '@/lib/api/job-types';

export const jobSelect = {
  id: true,
  kind: true,
  status: true,
  progress: true,
  teamId: true,
  articleId: true,
  result: true,
  error: true,
  attempts: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const satisfies Prisma.JobSelect;

export type JobRow = Prisma.JobGetPayload<{ select: typeof jobSelect }>;

function resultUrlOf(job: JobRow): { resultUrl: string | null; pageUrl: string | null } {
  if (job.status !== 'succeeded') return { resultUrl: null, pageUrl: null };
  switch (job.kind) {
    case 'article_import':
    case 'article_revise':
      return job.articleId
        ? { resultUrl: `/api/v1/articles/${job.articleId}`, pageUrl: `/articles/${job.articleId}` }
        : { resultUrl: null, pageUrl: null };
    case 'annotations_import':
      return {
        resultUrl: `/api/v1/jobs/${job.id}/result`,
        pageUrl: job.articleId ? `/articles/${job.articleId}` : null,
      };
    case 'report_pdf':
      return { resultUrl: `/api/v1/jobs/${job.id}/result`, pageUrl: null };
  }
}

export function serializeJob(job: JobRow): JobDto {
  const error = job.error as { code?: unknown; message?: unknown } | null;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    articleId: job.articleId,
    ...resultUrlOf(job),
    result: job.status === 'succeeded' ? (job.result ?? null) : null,
    error:
      job.status === 'failed' && error
        ? { code: String(error.code ?? 'internal'), message: String(error.message ?? '') }
        : null,
    attempts: job.attempts,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
