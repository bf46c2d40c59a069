// Background jobs as the API and the UI see them: a row of `jobs` (state, progress, result)
// beside graphile-worker's own queue entry (schema graphile_worker), both written in the
// caller's transaction — a job exists exactly when the request that asked for it committed.
// Workers (scripts/worker.ts → run-job.ts) move the row through queued → running →
// succeeded | failed and announce each step on the live channel (`job:<id>`), which feeds
// GET /api/v1/jobs/{id}/events. The API shape is lib/validations/dto/job.ts (serialize-job.ts).
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { JobKind } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { claimIdempotencyKey } from '@/lib/server/idempotency';
import { wholeNumber } from '@/lib/server/settings';
import { jobSelect, type JobRow } from './serialize-job';

/** Attempts per job (graphile-worker retries with exponential backoff: 3 s, 7 s, 20 s…). */
const JOB_MAX_ATTEMPTS = 4;

/** Jobs one member may have waiting or running at once; more answer 429. */
function jobsPerUserLimit(): number {
  return wholeNumber('JOBS_MAX_PENDING_PER_USER', 5);
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
      { key: 'tooManyJobs', values: { pending } },
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
