// `npm start`: everything a fresh machine needs to run FactDesk.
//  1. PostgreSQL: DATABASE_URL if set, else an embedded real PostgreSQL under .data/
//  2. migrations (Prisma schema engine, WebAssembly build), demo data into an empty database
//  3. `next build` when the build is missing or stale, then the web server (scripts/serve.ts:
//     Next.js behind node:http, client addresses per TRUST_PROXY) on PORT (3000)
//  4. WORKERS (default 1) job-queue worker processes beside it (scripts/worker.ts), restarted if
//     they die; WORKERS=0 when workers run elsewhere (`npm run worker` on other machines)
// Ctrl-C / SIGTERM stops the web server first (in-flight requests finish), then the workers (running
// jobs finish or go back to the queue), then PostgreSQL (a clean shutdown: nothing lost).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isBuildCurrent, markBuilt, sourceHash } from './lib/build-state';
import { dataDir } from './lib/database-url';
import { startEmbeddedDb, type EmbeddedDb } from './lib/embedded-db';
import { applyMigrations, ROOT } from './lib/schema-engine';

const log = (line: string) => console.log(`[factdesk] ${line}`);
let db: EmbeddedDb | undefined;
let server: ChildProcess | undefined;
const workers = new Set<ChildProcess>();
let stopping = false;

function authSecret(dir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dir, 'auth-secret');
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function nextBin(): string {
  return path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** SIGTERM to a child's process group, then waits for it (at most `graceMs`, then SIGKILL). */
async function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM'); // its whole process group
  } catch {
    return; // already gone
  }
  const late = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs)),
  ]);
  if (late) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
    await exited;
  }
}

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (server) {
      log('stopping the web server…');
      await terminate(server, 10_000);
    }
    if (workers.size > 0) {
      log('stopping the workers (running jobs finish or go back to the queue)…');
      const grace = Number(process.env.WORKER_SHUTDOWN_GRACE_MS ?? 25_000) + 5_000;
      await Promise.all([...workers].map((worker) => terminate(worker, grace)));
    }
    if (db) {
      log('stopping PostgreSQL…');
      await db.stop();
    }
  }
  process.exit(code);
}

async function main() {
  const dir = dataDir();
  mkdirSync(dir, { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    log(`starting embedded PostgreSQL (data in ${path.relative(ROOT, dir) || dir}/pg)…`);
    db = await startEmbeddedDb({ dataDir: dir, database: 'factdesk' });
    databaseUrl = db.url;
  }
  const applied = await applyMigrations(databaseUrl);
  log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(dir),
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
  };

  // Data upkeep, then the demo data (unless SEED_DEMO=0): see scripts/seed.ts.
  await run(['--conditions=react-server', '--import', 'tsx', path.join('scripts', 'seed.ts')], env);

  const hash = sourceHash();
  if (!isBuildCurrent(hash)) {
    log('building (first start or sources changed)…');
    await run([nextBin(), 'build'], { ...env, NODE_ENV: 'production' });
    markBuilt(hash);
  }

  server = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('scripts', 'serve.ts'), String(port)],
    {
      cwd: ROOT,
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true, // own process group, so stopping reaches next-server's children too
    },
  );
  server.on('exit', (code) => {
    if (!stopping) {
      log(`web server exited (${code}); stopping.`);
      void stop(code ?? 1);
    }
  });
  const workerCount = Number(process.env.WORKERS ?? 1);
  for (let i = 0; i < workerCount; i++) startWorker(env);
  await waitForHttp(`http://127.0.0.1:${port}/sign-in`);
  log(`FactDesk is ready: ${env.NEXTAUTH_URL}`);
  if (process.env.SEED_DEMO !== '0') {
    log(
      'demo logins (password "factdesk-demo"): ana@demo.test (owner), ben@demo.test (reviewer), vic@demo.test (viewer) — team "Rédaction démo"; eve@demo.test (owner) — team "Autre rédaction"',
    );
  }
  log('Ctrl-C stops FactDesk and its database.');
}

/** A job-queue worker process; one that dies unexpectedly is started again after a second. */
function startWorker(env: NodeJS.ProcessEnv): void {
  const worker = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join('scripts', 'worker.ts')],
    {
      cwd: ROOT,
      env: { ...env, NODE_ENV: 'production', FACTDESK_PROCESS: 'worker' },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    },
  );
  workers.add(worker);
  worker.on('exit', (code, signal) => {
    workers.delete(worker);
    if (stopping) return;
    log(`worker exited (${signal ?? code}); starting another one.`);
    setTimeout(() => {
      if (!stopping) startWorker(env);
    }, 1000);
  });
}

async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stop(1);
});
