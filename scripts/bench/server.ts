// The benchmark's throwaway world: a production build (rebuilt when missing or stale, as
// `npm start` does), an embedded PostgreSQL in a temp folder with the migrations applied, a
// `next start` child and a job-queue worker (scripts/worker.ts, as `npm start` runs one beside
// the web server), each in its own process group. Everything registered here is stopped in
// reverse order by `cleanUp()` — at the end, on failure, and on SIGINT/SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isBuildCurrent, markBuilt, sourceHash } from '../lib/build-state';
import { findFreePort, startEmbeddedDb } from '../lib/embedded-db';
import { applyMigrations, ROOT } from '../lib/schema-engine';

export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

const cleanups: { label: string; run: () => Promise<void> }[] = [];

/** Registers a stop action; they run last-registered first. */
export function onCleanUp(label: string, run: () => Promise<void>): void {
  cleanups.push({ label, run });
}

export async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const { label, run } = cleanups.pop()!;
    try {
      await run();
    } catch (error) {
      console.error(`[bench] stopping ${label} failed:`, error);
    }
  }
}

export function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Builds when the build is missing or its inputs changed; returns whether it built. */
export async function ensureBuild(log: (line: string) => void): Promise<boolean> {
  const hash = sourceHash();
  if (isBuildCurrent(hash)) return false;
  log('building (build missing or stale)…');
  await runNode([NEXT_BIN, 'build'], {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  });
  markBuilt(hash);
  return true;
}

/** `log` receives PostgreSQL's output (scripts/bench/queries.ts reads its statement log). */
export async function startDatabase(
  log?: (message: unknown) => void,
): Promise<{ url: string; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-'));
  onCleanUp('temp folder', async () => rmSync(dir, { recursive: true, force: true }));
  const db = await startEmbeddedDb({ dataDir: dir, database: 'factdesk_bench', log });
  onCleanUp('PostgreSQL', () => db.stop());
  await applyMigrations(db.url);
  return { url: db.url, dir };
}

export interface AppServer {
  origin: string;
  port: number;
  secret: string;
  child: ChildProcess;
  env: NodeJS.ProcessEnv;
  inspectPort: number | null;
}

/** Sends `signal` to the child's whole process group, then SIGKILL after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 8000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    kill('SIGKILL');
    await exited;
  }
}

export async function waitForHttp(url: string, timeoutMs: number, every = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/** `next start` on a free port, its output in bench/results/server-log.tmp. */
export async function startApp(options: {
  databaseUrl: string;
  /** Opens the inspector on a free local port (for scripts/bench/profiler.ts). */
  inspect?: boolean;
}): Promise<AppServer> {
  const port = await findFreePort(3400);
  const inspectPort = options.inspect ? await findFreePort(9330) : null;
  const origin = `http://localhost:${port}`;
  const secret = randomBytes(32).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: origin,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SEED_DEMO: '0',
    PORT: String(port),
    // The jobs section enqueues 40 imports at once for one member: the per-member cap (5 by
    // default, 429 above) is a budget for real users, not what the throughput figure is about.
    JOBS_MAX_PENDING_PER_USER: '1000',
  };
  const logFile = createWriteStream(path.join(RESULTS_DIR, 'server-log.tmp'));
  const args = [
    ...(inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : []),
    '--import',
    'tsx',
    path.join(ROOT, 'scripts', 'serve.ts'),
    String(port),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(logFile, { end: false });
  child.stderr?.pipe(logFile, { end: false });
  onCleanUp('next start', async () => {
    await stopGroup(child);
    logFile.end();
  });
  await waitForHttp(`${origin}/sign-in`, 60_000);
  return { origin, port, secret, child, env, inspectPort };
}

/** Set as `application_name` of the worker's connections, so the statement log can skip them. */
export const WORKER_APPLICATION_NAME = 'factdesk-bench-worker';

export interface WorkerProcess {
  child: ChildProcess;
  inspectPort: number | null;
}

/**
 * One job-queue worker (`node --conditions=react-server --import tsx scripts/worker.ts`, what
 * `npm run worker` runs) on the app's database and environment, WORKER_CONCURRENCY left at its
 * default (2), its own process group, its output in bench/results/worker-log.tmp. Resolves once
 * it logged "worker ready".
 */
export async function startWorker(
  app: AppServer,
  /** Opens the inspector on a free local port (for scripts/bench/profiler.ts). */
  options: { inspect?: boolean } = {},
): Promise<WorkerProcess> {
  const inspectPort = options.inspect ? await findFreePort(9340) : null;
  const logFile = createWriteStream(path.join(RESULTS_DIR, 'worker-log.tmp'));
  const child = spawn(
    process.execPath,
    [
      ...(inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : []),
      '--conditions=react-server',
      '--import',
      'tsx',
      path.join('scripts', 'worker.ts'),
    ],
    {
      cwd: ROOT,
      env: {
        ...app.env,
        FACTDESK_PROCESS: 'worker',
        PGAPPNAME: WORKER_APPLICATION_NAME,
        // Stopping at the end (or on Ctrl-C mid-job) need not wait for a job nobody will read.
        WORKER_SHUTDOWN_GRACE_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stdout?.pipe(logFile, { end: false });
  child.stderr?.pipe(logFile, { end: false });
  onCleanUp('worker', async () => {
    await stopGroup(child, 10_000);
    logFile.end();
  });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => done(new Error('the worker did not log "worker ready" within 60 s')),
      60_000,
    );
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-4096);
      if (seen.includes('worker ready')) done();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      done(new Error(`the worker exited (${signal ?? `exit ${code}`}): see worker-log.tmp`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
  return { child, inspectPort };
}
