// How a worker runs one job (called by scripts/worker.ts for each graphile-worker task):
// 1. claim the row (queued → running, the attempt, this worker and process recorded);
// 2. the kind's handler does the work, reporting progress, and writes its result in ONE final
//    transaction that starts with `ctx.guard(tx)` and ends with `ctx.complete(tx, …)`: a job
//    that a crashed worker left half-done is redone from the start (nothing of it committed),
//    and a job that already succeeded is never applied twice (exactly once);
// 3. a failure caused by the input (AppError, ZodError) ends the job for good with its code
//    and message; anything else is retried by graphile-worker with exponential backoff, until
//    the last attempt, which marks the job failed.
import 'server-only';
import { ZodError } from 'zod';
import { prisma, type Tx } from '@/lib/db';
import type { JobKind, Prisma } from '@/generated/prisma/client';
import { AppError, errorText } from '@/lib/server/errors';
import { jobSelect, type JobFailure } from './serialize-job';
import { notifyJob } from './notify-job';

export interface ClaimedJob {
  id: string;
  kind: JobKind;
  teamId: string;
  articleId: string | null;
  createdById: string;
  input: Prisma.JsonValue;
  attempts: number;
}

export interface JobOutcome {
  /** The article created or changed. */
  articleId?: string | null;
  /** A small JSON summary for the API (counts, messages). */
  result?: Prisma.InputJsonValue;
  /** A binary result (the PDF). */
  file?: Uint8Array;
}

export interface JobContext {
  job: ClaimedJob;
  /** Records progress in [0, 1] (throttled) and announces it live. */
  progress(fraction: number): Promise<void>;
  /** First statement of the final transaction: stops here if the job is already done. */
  guard(tx: Tx): Promise<void>;
  /** Last statement of the final transaction: the job succeeded with this outcome. */
  complete(tx: Tx, outcome?: JobOutcome): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<void>;

export interface RunMeta {
  /** graphile-worker's worker id (`locked_by`). */
  workerId: string;
  /** The process's liveness advisory-lock key (see recover-jobs.ts). */
  processKey: number;
  attempt: number;
  maxAttempts: number;
}

/** The last attempt failed too (the count is the attempts made). */
function tooManyAttemptsText(attempts: number): NonNullable<JobFailure['text']> {
  return { key: 'jobFailedAttempts', values: { count: attempts } };
}

/** Thrown by guard/complete when another run of the same job already succeeded. */
class JobAlreadyDone extends Error {}

/** Transactions of jobs may take long (the largest article): not the request path's 15 s. */
export const JOB_TRANSACTION = { maxWait: 30_000, timeout: 10 * 60_000 } as const;

const PROGRESS_INTERVAL_MS = 250;

/**
 * A failure as the job row keeps it: the code, the French message, and the message's key and
 * values, so that whoever reads the job reads it in their language (serializeJob). A schema's
 * issue was written in French (no reader's language in the worker): it keeps that text.
 */
function failureOf(error: unknown): JobFailure | null {
  if (error instanceof AppError) {
    // The database being away is not the input's fault: retried like any transient failure.
    if (error.code === 'database_unavailable') return null;
    const { key, values } = error.text;
    return typeof values === 'function'
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, text: { key, ...(values ? { values } : {}) } };
  }
  if (error instanceof ZodError) {
    const first = error.issues[0];
    return {
      code: 'validation_failed',
      message: first
        ? `${first.path.join('.') || 'corps'} : ${first.message}`
        : 'Données invalides.',
    };
  }
  return null;
}

async function lockJob(tx: Tx, jobId: string): Promise<void> {
  // An advisory lock rather than the row's: progress updates keep writing the row meanwhile.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`job:${jobId}`}))`;
  const row = await tx.job.findUnique({ where: { id: jobId }, select: { status: true } });
  if (!row || row.status === 'succeeded' || row.status === 'failed') throw new JobAlreadyDone();
}

async function finish(
  jobId: string,
  data: Prisma.JobUpdateManyMutationInput,
  db: Pick<Tx, 'job' | '$executeRaw'> = prisma,
) {
  const [row] = await db.job.updateManyAndReturn({
    where: { id: jobId, status: { in: ['queued', 'running'] } },
    data: { ...data, finishedAt: data.status === 'queued' ? null : new Date() },
    select: jobSelect,
  });
  if (row) await notifyJob(db, row);
}

/**
 * Runs the job `jobId` with the handler of its kind. Resolves when the job is over (succeeded,
 * failed for good, or already done); rejects to make graphile-worker retry it later.
 */
export async function runJob(
  jobId: string,
  meta: RunMeta,
  handlers: Record<JobKind, JobHandler>,
): Promise<{ status: 'succeeded' | 'failed' | 'skipped'; kind?: JobKind }> {
  const [claimed] = await prisma.job.updateManyAndReturn({
    where: { id: jobId, status: { in: ['queued', 'running'] } },
    data: {
      status: 'running',
      attempts: meta.attempt,
      workerId: meta.workerId,
      processKey: meta.processKey,
      startedAt: new Date(),
      error: undefined,
    },
    select: { ...jobSelect, createdById: true, input: true },
  });
  if (!claimed) return { status: 'skipped' };
  await notifyJob(prisma, claimed);

  let lastWrite = 0;
  let lastValue = 0;
  const ctx: JobContext = {
    job: claimed,
    async progress(fraction) {
      const value = Math.min(1, Math.max(0, fraction));
      const now = Date.now();
      if (value < 1 && now - lastWrite < PROGRESS_INTERVAL_MS && value - lastValue < 0.1) return;
      lastWrite = now;
      lastValue = value;
      const [row] = await prisma.job.updateManyAndReturn({
        where: { id: jobId, status: 'running' },
        data: { progress: value },
        select: jobSelect,
      });
      if (row) await notifyJob(prisma, row);
    },
    guard: (tx) => lockJob(tx, jobId),
    async complete(tx, outcome = {}) {
      await lockJob(tx, jobId);
      await finish(
        jobId,
        {
          status: 'succeeded',
          progress: 1,
          ...(outcome.articleId ? { articleId: outcome.articleId } : {}),
          ...(outcome.result !== undefined ? { result: outcome.result } : {}),
          ...(outcome.file ? { file: Buffer.from(outcome.file) } : {}),
        },
        tx,
      );
    },
  };

  try {
    await handlers[claimed.kind](ctx);
    return { status: 'succeeded', kind: claimed.kind };
  } catch (error) {
    if (error instanceof JobAlreadyDone) return { status: 'skipped', kind: claimed.kind };
    const failure = failureOf(error);
    if (failure) {
      await finish(jobId, { status: 'failed', error: failure });
      return { status: 'failed', kind: claimed.kind };
    }
    if (meta.attempt >= meta.maxAttempts) {
      const tooManyAttempts = tooManyAttemptsText(meta.attempt);
      await finish(jobId, {
        status: 'failed',
        error: {
          code: 'internal',
          message: errorText('fr', tooManyAttempts),
          text: tooManyAttempts,
        } satisfies JobFailure,
      });
      return { status: 'failed', kind: claimed.kind };
    }
    // Back in the queue: graphile-worker runs it again after its backoff.
    await finish(jobId, { status: 'queued' }).catch(() => {});
    throw error;
  }
}
