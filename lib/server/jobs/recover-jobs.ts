// Jobs of a worker that died (SIGKILL, out of memory, a machine gone) go back to the queue
// within seconds, on any machine. graphile-worker alone would leave them locked for 4 hours;
// here each worker process holds a session advisory lock for as long as it lives — PostgreSQL
// releases it the moment the process's connection drops — and a job records, when it starts,
// the lock's key and the graphile worker holding it. Every worker sweeps regularly: a running
// job whose process no longer holds its lock is unlocked (graphile-worker's forceUnlockWorkers)
// and runs again;
// whatever the dead run wrote was in an uncommitted transaction, so nothing half-done remains.
import 'server-only';
import { randomInt } from 'node:crypto';
import pg from 'pg';
import { prisma } from '@/lib/db';

/** First key of the two-key advisory locks of worker processes ("FDWK"). */
export const LIVENESS_LOCK_CLASS = 0x4644574b;

export interface Liveness {
  processKey: number;
  release(): Promise<void>;
}

/** Takes this process's liveness lock on a connection of its own, kept for the process's life. */
export async function holdLiveness(connectionString: string): Promise<Liveness> {
  const client = new pg.Client({ connectionString, keepAlive: true });
  await client.connect();
  client.on('error', () => {
    // The lock is gone with the connection: other workers will take our jobs back. Stop, so an
    // orchestrator (or npm start) restarts a process that is correctly registered.
    console.error('[worker] liveness connection lost; exiting');
    process.exit(1);
  });
  for (;;) {
    const processKey = randomInt(1, 2 ** 31 - 1);
    const { rows } = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock($1, $2) AS ok',
      [LIVENESS_LOCK_CLASS, processKey],
    );
    if (rows[0]?.ok) {
      return {
        processKey,
        release: async () => {
          client.removeAllListeners('error');
          await client.end().catch(() => {});
        },
      };
    }
  }
}

/**
 * Finds the jobs whose worker process is gone (its liveness lock is free): puts their rows back
 * to `queued` and returns the graphile worker ids that still hold them, to unlock.
 */
export async function findAbandonedWorkers(): Promise<string[]> {
  const running = await prisma.job.findMany({
    where: { status: 'running', processKey: { not: null } },
    select: { processKey: true, workerId: true },
  });
  if (running.length === 0) return [];
  const alive = await prisma.$queryRaw<{ key: number }[]>`
    SELECT objid::bigint::int AS key FROM pg_locks
     WHERE locktype = 'advisory' AND granted AND objsubid = 2
       AND classid = ${LIVENESS_LOCK_CLASS}::bigint::oid
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
  const aliveKeys = new Set(alive.map((row) => row.key));
  const dead = running.filter((job) => !aliveKeys.has(job.processKey!));
  if (dead.length === 0) return [];
  await prisma.job.updateMany({
    where: { status: 'running', processKey: { in: dead.map((job) => job.processKey!) } },
    data: { status: 'queued' },
  });
  return [...new Set(dead.map((job) => job.workerId).filter((id): id is string => Boolean(id)))];
}
