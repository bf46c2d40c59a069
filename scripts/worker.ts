// `npm run worker`: runs FactDesk's background jobs (large imports, corrections, W3C imports,
// PDF renders) from the PostgreSQL job queue (graphile-worker), in a process of its own so the
// web servers' event loops stay free. `npm start` starts one beside the web server (WORKERS=0
// turns that off); on other machines, run `npm run worker` with the same DATABASE_URL — any
// number of workers and web servers share one database.
//  - WORKER_CONCURRENCY (default 2) jobs at once in this process;
//  - WORKER_NICE (default 10, 0 turns it off): the process runs at a lower CPU priority, so on a
//    machine shared with a web server the requests people wait on get the cores first;
//  - a liveness lock (lib/server/jobs/recover-jobs.ts) lets any worker take back, within
//    seconds, the jobs of a worker that died; each worker sweeps every few seconds;
//  - SIGTERM / SIGINT: no new job is taken, running ones may finish for WORKER_SHUTDOWN_GRACE_MS
//    (default 25 s), then are handed back to the queue (retried elsewhere); exit 0.
// One JSON log line per job (pino, `process: "worker"`).
import { setPriority } from 'node:os';
import { run, makeWorkerUtils, Logger, type Runner, type TaskList } from 'graphile-worker';

import { runningEmbeddedDatabase } from './lib/backup';
import { dataDir } from './lib/database-url';

function envInt(name: string, fallback: number, min = 1): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= min ? value : fallback;
}

/** Background work yields the CPU to interactive requests (nice value, Unix and Windows). */
function lowerPriority(nice: number): void {
  if (nice === 0) return;
  try {
    setPriority(Math.min(nice, 19));
  } catch (error) {
    console.warn(`[worker] could not lower the process priority: ${String(error)}`);
  }
}

async function main() {
  process.env.FACTDESK_PROCESS = 'worker';
  lowerPriority(envInt('WORKER_NICE', 10, 0));
  // DATABASE_URL, else the embedded PostgreSQL that `npm start` is running on this machine.
  const connectionString = process.env.DATABASE_URL ?? (await runningEmbeddedDatabase(dataDir()));
  if (!connectionString) {
    console.error(
      "[worker] No database: set DATABASE_URL (the web servers' database), or start FactDesk with `npm start` first (it runs a worker by itself unless WORKERS=0).",
    );
    process.exit(2);
  }
  process.env.DATABASE_URL = connectionString;
  // Imported once the environment says which process this is (the logger reads it).
  const { logger } = await import('@/lib/server/log');
  const { prisma } = await import('@/lib/db');
  const { runJob } = await import('@/lib/server/jobs/run-job');
  const { JOB_HANDLERS } = await import('@/lib/server/jobs/handlers');
  const { findAbandonedWorkers, holdLiveness } = await import('@/lib/server/jobs/recover-jobs');
  const { closePdfRenderer } = await import('@/lib/server/reports/render-pdf');
  const { runSourceArchive } = await import('@/lib/server/sources/archive');
  const { runLinkCheck } = await import('@/lib/server/sources/link-check');
  const { refreshDueFeeds, refreshFactCheckFeed } =
    await import('@/lib/server/fact-checks/fact-check-feeds');

  const concurrency = envInt('WORKER_CONCURRENCY', 2);
  const graceMs = envInt('WORKER_SHUTDOWN_GRACE_MS', 25_000, 0);
  const sweepMs = envInt('WORKER_RECOVER_INTERVAL_MS', 5_000, 100);
  const liveness = await holdLiveness(connectionString);

  const queueLogger = new Logger((scope) => (level, message, meta) => {
    if (level === 'debug') return;
    const line = { scope: { workerId: scope.workerId, jobId: scope.jobId }, ...meta };
    if (level === 'error') logger.error(line, `queue: ${message}`);
    else if (level === 'warning') logger.warn(line, `queue: ${message}`);
    else logger.debug(line, `queue: ${message}`);
  });

  const taskList: TaskList = {};
  for (const kind of Object.keys(JOB_HANDLERS) as (keyof typeof JOB_HANDLERS)[]) {
    taskList[kind] = async (payload, helpers) => {
      const jobId = (payload as { jobId?: unknown } | null)?.jobId;
      if (typeof jobId !== 'string') return; // not ours: nothing to do, never retried
      const started = performance.now();
      const meta = {
        workerId: helpers.job.locked_by ?? '',
        processKey: liveness.processKey,
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
      };
      try {
        const outcome = await runJob(jobId, meta, JOB_HANDLERS);
        logger.info(
          {
            jobId,
            kind,
            status: outcome.status,
            attempt: meta.attempt,
            durationMs: Math.round(performance.now() - started),
          },
          'job',
        );
      } catch (error) {
        logger.warn(
          {
            jobId,
            kind,
            status: 'retry',
            attempt: meta.attempt,
            durationMs: Math.round(performance.now() - started),
            err: error,
          },
          'job',
        );
        throw error;
      }
    };
  }

  // The source archive (lib/server/sources): one task per snapshot, queued with the verdict's
  // sources; the link check on a schedule (LINK_CHECK_CRON, default daily at 04:00; `off` stops
  // it). Neither has a `jobs` row: they are the server's own work, not a member's request.
  taskList.source_archive = async (payload) => {
    const snapshotId = (payload as { snapshotId?: unknown } | null)?.snapshotId;
    if (typeof snapshotId === 'string') await runSourceArchive(snapshotId);
  };
  taskList.link_check = async () => {
    await runLinkCheck();
  };
  // Other fact-checkers' ClaimReview feeds (lib/server/fact-checks): one task when a feed is
  // added, then the due ones on a schedule (FACT_CHECK_FEED_CRON, default hourly; `off` stops it).
  taskList.fact_check_feed = async (payload) => {
    const feedId = (payload as { feedId?: unknown } | null)?.feedId;
    if (typeof feedId === 'string') await refreshFactCheckFeed(feedId);
  };
  taskList.fact_check_feeds = async () => {
    await refreshDueFeeds();
  };
  const schedule = (setting: string | undefined, fallback: string, task: string) => {
    const value = setting?.trim() || fallback;
    return value === 'off' ? [] : [`${value} ${task}`];
  };
  const crontab = [
    ...schedule(process.env.LINK_CHECK_CRON, '0 4 * * *', 'link_check'),
    ...schedule(process.env.FACT_CHECK_FEED_CRON, '17 * * * *', 'fact_check_feeds'),
  ].join('\n');

  const runners: Runner[] = [
    await run({
      connectionString,
      concurrency,
      noHandleSignals: true,
      pollInterval: 1000,
      gracefulShutdownAbortTimeout: graceMs,
      logger: queueLogger,
      taskList,
      crontab,
    }),
  ];
  const utils = await makeWorkerUtils({ connectionString, logger: queueLogger });
  const sweep = async () => {
    const abandoned = await findAbandonedWorkers();
    if (abandoned.length > 0) {
      await utils.forceUnlockWorkers(abandoned);
      logger.warn({ workers: abandoned }, 'jobs of stopped workers handed back to the queue');
    }
  };
  await sweep().catch((error: unknown) => logger.error({ err: error }, 'sweep failed'));
  const sweeper = setInterval(
    () => void sweep().catch((error: unknown) => logger.error({ err: error }, 'sweep failed')),
    sweepMs,
  );
  logger.info(
    { concurrency, processKey: liveness.processKey, kinds: Object.keys(taskList) },
    'worker ready',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceMs }, 'worker stopping');
    clearInterval(sweeper);
    await Promise.allSettled(runners.map((runner) => runner.stop()));
    await Promise.allSettled([utils.release(), closePdfRenderer(), prisma.$disconnect()]);
    await liveness.release();
    logger.info({}, 'worker stopped');
    logger.flush?.();
    setTimeout(() => process.exit(0), 50);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // A runner that ends by itself (its database connection lost for good): stop, be restarted.
  for (const runner of runners) {
    runner.promise.catch((error: unknown) => {
      logger.error({ err: error }, 'queue runner failed');
      void stop('runner-failed').finally(() => process.exit(1));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
