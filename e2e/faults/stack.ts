// A FactDesk of its own for one fault test: a throwaway embedded PostgreSQL (migrated) and a
// production `next start` on free ports, each of which the test may stop, kill or restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findFreePort, startEmbeddedDb, type EmbeddedDb } from '../../scripts/lib/embedded-db';
import { applyMigrations, ROOT } from '../../scripts/lib/schema-engine';

export interface Stack {
  baseURL: string;
  db: EmbeddedDb;
  /** A direct connection for checking what is stored. */
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  killApp(): Promise<void>;
  startApp(): Promise<void>;
  stop(): Promise<void>;
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'factdesk-faults-'));
  const db = await startEmbeddedDb({
    dataDir,
    database: 'factdesk',
    port: await findFreePort(56000),
  });
  await applyMigrations(db.url);
  const port = await findFreePort(3400);
  const baseURL = `http://localhost:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: baseURL,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  let app: ChildProcess | undefined;
  const startApp = async () => {
    app = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)],
      { cwd: ROOT, env, stdio: 'ignore', detached: true },
    );
    await waitFor(`${baseURL}/sign-in`);
  };
  const killApp = async () => {
    const child = app;
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGKILL'); // the whole group, next-server included
    await exited;
  };
  await startApp();
  const client = new pg.Pool({ connectionString: db.url, max: 2 });
  client.on('error', () => {});
  return {
    baseURL,
    db,
    query: async <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) =>
      (await client.query<T>(sql, params)).rows,
    killApp,
    startApp,
    stop: async () => {
      await killApp();
      await client.end().catch(() => {});
      await db.stop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
