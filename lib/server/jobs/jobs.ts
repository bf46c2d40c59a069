// Background jobs as the API and the UI see them: a row of `jobs` (state, progress, result)
// beside graphile-worker's own queue entry (schema graphile_worker), both written in the
// caller's transaction — a job exists exactly when the request that asked for it committed.
// Workers (scripts/worker.ts → run-job.ts) move the row through queued → running →
// succeeded | failed and announce each step on the live channel (`job:<id>`), which feeds
// GET /api/v1/jobs/{id}/events. The API shape (JobDto) is lib/api/job-types.ts's schema.
import 'server-only';
import { wholeNumber } from '@/lib/server/settings';
import { randomUUID } from 'node:crypto';
import { prisma, type Tx } from '@/lib/db';
import type { JobKind, Prisma } from '@/generated/prisma/client';
import { LIVE_CHANNEL } from '@/lib/server/audit/record-audit';
import { teamOfMember } from '@/lib/server/access';
import { AppError, notFound } from '@/lib/server/errors';
import { claimIdempotencyKey } from '@/lib/server/idempotency';
import type { JobDto } from '@/lib/api/job-types';

/** Attempts per job (graphile-worker retries with exponential backoff: 3 s, 7 s, 20 s…). */
export const JOB_MAX_ATTEMPTS = 4;

/** Jobs one member may have waiting or running at once; more answer 429. */
export function jobsPerUserLimit(): number {
  return wholeNumber('JOBS_MAX_PENDING_PER_USER', 5);
}

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

export type { JobDto };

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

export interface EnqueueJob {
  kind: JobKind;
  userId: string;
  teamId: string;
  articleId?: string | null;
  /** The validated request (never the raw body: it may hold keys such as `__proto__`). */
  input: unknown;
  /** graphile-worker queue: jobs of one queue run one at a time (PDF render slots). */
  queueName?: string | null;
}

/**
 * Records the job and puts it in the queue, in the caller's transaction. A member may have
 * `JOBS_MAX_PENDING_PER_USER` jobs waiting or running; one more answers 429 (a budget: one
 * account cannot fill the workers for everyone).
 */
export async function enqueueJob(tx: Tx, job: EnqueueJob): Promise<JobRow> {
  // Serialise this user's enqueues so that the count below cannot be raced past.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`jobs:${job.userId}`}))`;
  const pending = await tx.job.count({
    where: { createdById: job.userId, status: { in: ['queued', 'running'] } },
  });
  const limit = jobsPerUserLimit();
  if (pending >= limit) {
    throw new AppError(
      'rate_limited',
      `Vous avez déjà ${pending} traitements en cours : attendez qu’ils se terminent.`,
      { retryAfter: 10, limit },
    );
  }
  // A retried request with the same Idempotency-Key is answered with this job, not a second one.
  await claimIdempotencyKey(tx, job.userId);
  // One JSON text parameter: Prisma would walk a multi-megabyte input value on the event loop.
  const id = randomUUID();
  await tx.$executeRaw`
    INSERT INTO jobs (id, kind, team_id, article_id, created_by_id, input, updated_at)
    VALUES (${id}::uuid, ${job.kind}::"JobKind", ${job.teamId}::uuid, ${job.articleId ?? null}::uuid,
            ${job.userId}::uuid, ${JSON.stringify(job.input)}::jsonb, now())`;
  const row = await tx.job.findUniqueOrThrow({ where: { id }, select: jobSelect });
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      ${job.kind}::text,
      json_build_object('jobId', ${row.id}::text),
      queue_name => ${job.queueName ?? null}::text,
      max_attempts => ${JOB_MAX_ATTEMPTS}::int)`;
  return row;
}

/** The job, for a member of its team only (anyone else: 404, nothing leaks). */
export async function getJob(options: { userId: string; jobId: string }): Promise<JobDto> {
  const job = await prisma.job.findFirst({
    where: { id: options.jobId, team: teamOfMember(options.userId) },
    select: jobSelect,
  });
  if (!job) throw notFound('Traitement');
  return serializeJob(job);
}

/** The binary result (the PDF) of a succeeded job, for a member of its team. */
export async function getJobFile(options: { userId: string; jobId: string }) {
  const job = await prisma.job.findFirst({
    where: { id: options.jobId, team: teamOfMember(options.userId) },
    select: { status: true, kind: true, file: true, result: true },
  });
  if (!job) throw notFound('Traitement');
  if (job.status !== 'succeeded') {
    throw new AppError('invalid_state', 'Le traitement n’est pas terminé.', { status: job.status });
  }
  return job;
}

/** Announces a job's state on the live channel (delivered when `db`'s transaction commits). */
export async function notifyJob(db: Pick<Tx, '$executeRaw'>, job: JobRow): Promise<void> {
  // NOTIFY payloads stop at 8,000 bytes: the result (which may list hundreds of skipped items)
  // is left out; listeners read the finished job from its row.
  const dto = { ...serializeJob(job), result: null };
  await db.$executeRaw`
    SELECT pg_notify(${LIVE_CHANNEL}, json_build_object(
      'eventId', NULL,
      'articleId', ${`job:${job.id}`}::text,
      'sentenceId', NULL,
      'type', ${`job.${job.status}`}::text,
      'entity', 'job',
      'id', ${job.id}::text,
      'actor', NULL,
      'job', ${JSON.stringify(dto)}::json
    )::text)`;
}
