// Health and readiness on a real PostgreSQL (the migrated test database, an empty second
// database, a closed port and a server that never answers), and the one JSON log line that
// every /api/v1 request writes.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runMigrations } from 'graphile-worker';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getHealth } from '@/app/api/health/route';
import { GET as getReady } from '@/app/api/ready/route';
import { apiHandler } from '@/lib/api/respond';
import { getReadiness } from '@/lib/server/health/get-readiness';
import { AppError } from '@/lib/server/errors';
import { redirectLogs } from '@/lib/server/log';

const url = () => process.env.TEST_DATABASE_URL!;
const committed = readdirSync(path.join(process.cwd(), 'prisma', 'migrations'), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `run` with DATABASE_URL set to `value`, as the route reads it. */
async function withDatabaseUrl<T>(value: string, run: () => Promise<T>): Promise<T> {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = value;
  try {
    return await run();
  } finally {
    process.env.DATABASE_URL = saved;
  }
}

describe('GET /api/health', () => {
  it('answers 200 without a session or a database', async () => {
    const response = await withDatabaseUrl(`postgresql://nobody@127.0.0.1:1/none`, async () =>
      getHealth(new Request('http://localhost/api/health')),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { status: string; uptimeSeconds: number };
    expect(body.status).toBe('ok');
    expect(Number.isInteger(body.uptimeSeconds)).toBe(true);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('reports how long the event loop was held up, and starts a new window on ?reset=1', async () => {
    await getHealth(new Request('http://localhost/api/health?reset=1'));
    const blockUntil = Date.now() + 120;
    while (Date.now() < blockUntil) {
      /* hold the event loop for 120 ms */
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    const held = (await (
      await getHealth(new Request('http://localhost/api/health?reset=1'))
    ).json()) as { eventLoopDelay: { maxMs: number; p99Ms: number } };
    expect(held.eventLoopDelay.maxMs).toBeGreaterThanOrEqual(100);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const quiet = (await (await getHealth(new Request('http://localhost/api/health'))).json()) as {
      eventLoopDelay: { maxMs: number };
    };
    expect(quiet.eventLoopDelay.maxMs).toBeLessThan(100);
  });
});

describe('GET /api/ready', () => {
  const emptyDb = `factdesk_ready_${randomUUID().replace(/-/g, '')}`;
  let admin: pg.Client;
  // Failed probes log a warning each: kept here rather than on the test output.
  const warnings: string[] = [];
  let restoreLogs: () => void;

  beforeAll(async () => {
    restoreLogs = redirectLogs((line) => warnings.push(line));
    // The job queue's schema: graphile-worker's own migrations (idempotent, so harmless once
    // the app's migrations create it).
    await runMigrations({ connectionString: url() });
    admin = new pg.Client({ connectionString: url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${emptyDb}`);
  });

  afterAll(async () => {
    restoreLogs();
    await admin.query(`DROP DATABASE IF EXISTS ${emptyDb} WITH (FORCE)`);
    await admin.end();
  });

  it('answers 200 when the database, the migrations and the queue are there', async () => {
    const response = await getReady();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', queue: 'ok' },
    });
  });

  it('names the migrations and the queue an empty database lacks (503)', async () => {
    const target = new URL(url());
    target.pathname = `/${emptyDb}`;
    const response = await withDatabaseUrl(target.toString(), () => getReady());
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not_ready',
      checks: {
        database: 'ok',
        migrations: `missing: ${committed.join(', ')}`,
        queue: 'job queue not migrated',
      },
    });
  });

  it('names a committed migration the database has not applied (503)', async () => {
    // The same database, read against a migrations folder with one migration more.
    const extra = `${committed.at(-1)!.slice(0, 14)}9_not_applied_yet`;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'factdesk-ready-'));
    try {
      for (const name of [...committed, extra]) mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
      expect(await getReadiness({ migrationsDir: dir })).toEqual({
        status: 'not_ready',
        checks: { database: 'ok', migrations: `missing: ${extra}`, queue: 'ok' },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 within 2.5 s when PostgreSQL is not listening', async () => {
    const started = performance.now();
    const response = await withDatabaseUrl(
      `postgresql://postgres:x@127.0.0.1:${await closedPort()}/factdesk`,
      () => getReady(),
    );
    expect(performance.now() - started).toBeLessThan(2500);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('not_ready');
    expect(body.checks.database).toBe('unreachable: ECONNREFUSED');
    expect(body.checks.migrations).toMatch(/^not checked/);
    // The answer names only the code; the log line has the whole cause.
    const warning = JSON.parse(warnings.at(-1)!) as { level: string; msg: string; err: object };
    expect(warning).toMatchObject({
      level: 'warn',
      msg: 'not ready',
      err: { code: 'ECONNREFUSED' },
    });
  });

  it('answers 503 within 2.5 s when the server accepts but never answers', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const started = performance.now();
      const readiness = await getReadiness({
        connectionString: `postgresql://postgres:x@127.0.0.1:${port}/factdesk`,
      });
      expect(performance.now() - started).toBeLessThan(2500);
      expect(readiness.status).toBe('not_ready');
      expect(readiness.checks.database).not.toBe('ok');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('request log', () => {
  type Line = Record<string, unknown> & { err?: { message?: string } };

  async function logged(
    handler: () => Promise<Response>,
    init: { url: string; method?: string; headers?: Record<string, string> },
  ): Promise<{ response: Response; lines: string[] }> {
    const lines: string[] = [];
    const restore = redirectLogs((line) => lines.push(line));
    try {
      const route = apiHandler(handler);
      const response = await route(
        new Request(init.url, { method: init.method ?? 'GET', headers: init.headers }),
        { params: Promise.resolve({}) },
      );
      return { response, lines };
    } finally {
      restore();
    }
  }

  it('writes exactly one JSON line per request, with its id and without the query', async () => {
    // A body GET /api/v1/articles may answer (responses are checked: lib/api/respond.ts).
    const { response, lines } = await logged(async () => Response.json({ articles: [] }), {
      url: 'http://factdesk.test/api/v1/articles?token=s3cr3t&q=x',
      headers: { 'x-request-id': 'lb-7f3a:42' },
    });
    expect(response.status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(lines[0]).not.toContain('s3cr3t');
    const line = JSON.parse(lines[0]!) as Line;
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      service: 'factdesk',
      process: 'web',
      pid: process.pid,
      requestId: 'lb-7f3a:42',
      method: 'GET',
      path: '/api/v1/articles',
      status: 200,
    });
    expect(typeof line.durationMs).toBe('number');
    expect(new Date(line.time as string).toISOString()).toBe(line.time);
  });

  it('logs a client error at info, an unexpected one at error with its cause', async () => {
    const notFound = await logged(
      async () => {
        throw new AppError('not_found', 'notFound.article');
      },
      { url: 'http://factdesk.test/api/v1/articles/x', headers: { 'x-request-id': 'bad id!' } },
    );
    expect(notFound.response.status).toBe(404);
    expect(notFound.lines).toHaveLength(1);
    const line404 = JSON.parse(notFound.lines[0]!) as Line;
    expect(line404).toMatchObject({ level: 'info', status: 404 });
    // An id that is not a plain token is replaced, never written as given.
    expect(line404.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const failed = await logged(
      async () => {
        throw new Error('boom');
      },
      { url: 'http://factdesk.test/api/v1/teams', method: 'POST' },
    );
    expect(failed.response.status).toBe(500);
    expect(await failed.response.json()).toEqual({
      error: { code: 'internal', message: 'Erreur interne du serveur.' },
    });
    expect(failed.lines).toHaveLength(1);
    const line500 = JSON.parse(failed.lines[0]!) as Line;
    expect(line500).toMatchObject({ level: 'error', msg: 'request', method: 'POST', status: 500 });
    expect(line500.err?.message).toBe('boom');
    expect(typeof line500.requestId).toBe('string');
  });
});
