// Readiness for load balancers and orchestrators (GET /api/ready): the database answers, every
// committed migration is applied, and the job queue's tables exist. One short-lived connection
// of its own (not the app's pool: a probe must not queue behind busy requests), every step under
// a timeout and the whole under a 2 s budget, so a PostgreSQL that is down or hangs gives a
// quick "not ready", never a hung probe.
import 'server-only';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { logger } from '@/lib/server/log';

/** `ok`, or why not. */
export type CheckResult = string;

export interface Readiness {
  status: 'ready' | 'not_ready';
  checks: { database: CheckResult; migrations: CheckResult; queue: CheckResult };
}

export interface ReadinessOptions {
  /** Default DATABASE_URL. */
  connectionString?: string;
  /** Default prisma/migrations under the project root (`next start` runs from it). */
  migrationsDir?: string;
  /** The whole budget in ms (default 2000). */
  timeoutMs?: number;
}

interface Check {
  result: CheckResult;
  /** What went wrong, for the server's log only. */
  cause?: unknown;
}

const NOT_CHECKED = 'not checked (database unreachable)';

/** A reason fit for an unauthenticated answer: an error code, never a host name or message. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error && /timeout|timed out/i.test(error.message) ? 'timeout' : 'error';
}

/** The committed migrations: one folder each (migration_lock.toml sits beside them). */
function committedMigrations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Every committed migration has a finished, not rolled back, row in `_prisma_migrations`. */
async function checkMigrations(client: pg.Client, migrationsDir: string): Promise<Check> {
  let committed: string[];
  try {
    committed = committedMigrations(migrationsDir);
  } catch (error) {
    return { result: `migrations folder not readable: ${reasonOf(error)}`, cause: error };
  }
  let applied: Set<string>;
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = new Set(rows.map((row) => row.name));
  } catch (error) {
    // 42P01: no _prisma_migrations table, nothing was ever migrated here.
    if ((error as { code?: unknown }).code !== '42P01') {
      return { result: `failed: ${reasonOf(error)}`, cause: error };
    }
    applied = new Set();
  }
  const missing = committed.filter((name) => !applied.has(name));
  return { result: missing.length === 0 ? 'ok' : `missing: ${missing.join(', ')}` };
}

/** graphile-worker keeps its jobs in schema graphile_worker (created by its migrations). */
async function checkQueue(client: pg.Client): Promise<Check> {
  try {
    const { rows } = await client.query<{ present: boolean }>(
      `SELECT to_regclass('graphile_worker._private_jobs') IS NOT NULL AS present`,
    );
    return { result: rows[0]?.present ? 'ok' : 'job queue not migrated' };
  } catch (error) {
    return { result: `failed: ${reasonOf(error)}`, cause: error };
  }
}

interface Outcome {
  checks: Readiness['checks'];
  cause?: unknown;
}

async function runChecks(
  client: pg.Client,
  connected: Promise<unknown>,
  migrationsDir: string,
): Promise<Outcome> {
  try {
    await connected;
    await client.query('SELECT 1');
  } catch (error) {
    return {
      checks: {
        database: `unreachable: ${reasonOf(error)}`,
        migrations: NOT_CHECKED,
        queue: NOT_CHECKED,
      },
      cause: error,
    };
  }
  const migrations = await checkMigrations(client, migrationsDir);
  const queue = await checkQueue(client);
  return {
    checks: { database: 'ok', migrations: migrations.result, queue: queue.result },
    cause: migrations.cause ?? queue.cause,
  };
}

export async function getReadiness(options: ReadinessOptions = {}): Promise<Readiness> {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  const migrationsDir = options.migrationsDir ?? path.join(process.cwd(), 'prisma', 'migrations');
  const timeoutMs = options.timeoutMs ?? 2000;
  if (!connectionString) {
    return {
      status: 'not_ready',
      checks: {
        database: 'not configured (DATABASE_URL)',
        migrations: NOT_CHECKED,
        queue: NOT_CHECKED,
      },
    };
  }

  const client = new pg.Client({
    connectionString,
    application_name: 'factdesk-readiness',
    connectionTimeoutMillis: Math.round(timeoutMs / 2),
    statement_timeout: Math.round(timeoutMs / 4),
    query_timeout: Math.round(timeoutMs / 2),
  });
  // A connection lost mid-probe must not become an unhandled 'error' event.
  client.on('error', () => {});
  const connected = client.connect();
  connected.catch(() => {}); // awaited in runChecks, unless the budget runs out first

  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      const checks = {
        database: `no answer within ${timeoutMs} ms`,
        migrations: NOT_CHECKED,
        queue: NOT_CHECKED,
      };
      resolve({ checks });
    }, timeoutMs);
  });
  try {
    const { checks, cause } = await Promise.race([
      runChecks(client, connected, migrationsDir),
      outOfTime,
    ]);
    const ready = Object.values(checks).every((result) => result === 'ok');
    // One line per failed probe, with the full cause (the answer itself names only a code).
    if (!ready) logger.warn(cause === undefined ? { checks } : { checks, err: cause }, 'not ready');
    return { status: ready ? 'ready' : 'not_ready', checks };
  } finally {
    clearTimeout(timer);
    // Not awaited: closing a connection still being opened can take as long as the attempt.
    client.end().catch(() => {});
  }
}
