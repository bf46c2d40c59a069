// Drives Prisma's official schema engine compiled to WebAssembly (`@prisma/schema-engine-wasm`)
// through the pg driver adapter, because the Prisma CLI cannot download its native engine on
// these machines. Migrations are recorded in `_prisma_migrations` exactly as
// `prisma migrate deploy` records them, so either tool can take over.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Logger, runMigrations as runQueueMigrations } from 'graphile-worker';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
const LOCKFILE = 'migration_lock.toml';
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;
type MigrationList = Parameters<Engine['applyMigrations']>[0]['migrationsList'];

/**
 * The engine introspects catalog columns of PostgreSQL's one-byte `"char"` type (OID 18), which
 * @prisma/adapter-pg 7.10 does not map and rejects. The migration tooling (never the app) reads
 * them as text and reports them to the engine as the `Character` column type it expects.
 */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const charColumns = new WeakMap<object, number[]>();
interface RawResult {
  columnTypes: number[];
}
interface Queryable {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: unknown): Promise<RawResult>;
  __factdeskChar?: boolean;
}
function readCharColumns(adapter: object): void {
  // Patch the shared queryable prototype once: it serves the adapter and its transactions.
  let proto = Object.getPrototypeOf(adapter) as Queryable | null;
  while (proto && !Object.hasOwn(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
  if (!proto || proto.__factdeskChar) return;
  const { performIO, queryRaw } = proto;
  proto.performIO = async function (this: Queryable, query) {
    const result = await performIO.call(this, query);
    const chars: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        chars.push(i);
      }
    });
    charColumns.set(this, chars);
    return result;
  };
  proto.queryRaw = async function (this: Queryable, query) {
    // The engine issues its queries one after another, so the last result's columns are ours.
    const result = await queryRaw.call(this, query);
    for (const i of charColumns.get(this) ?? []) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
  proto.__factdeskChar = true;
}

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ';', which breaks
 * any function or trigger body (PL/pgSQL is full of them). Prisma's native engine sends the
 * script whole, and so do we: one simple-protocol query, which PostgreSQL runs statement by
 * statement in one implicit transaction — a migration applies entirely or not at all.
 */
interface ScriptRunner {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
}
function runScriptsWhole(adapter: object): void {
  const runner = adapter as unknown as ScriptRunner;
  runner.executeScript = async (script: string) => {
    try {
      await runner.client.query(script);
    } catch (error) {
      runner.onError(error);
    }
  };
}

let lastPanic: string | undefined;
let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The engine reports Rust panics through this global; keep the message for the error.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    const require = createRequire(__filename);
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(glue), 'schema_engine_bg.wasm');
    const compiled = await WebAssembly.compile(readFileSync(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * Split the URL into pg pool fields: the adapter creates its shadow database by spreading this
 * config with another `database`, which a `connectionString` would silently override.
 */
function poolConfig(connectionString: string) {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
  };
}

/**
 * PrismaPg's own shadow-database support leaves the shadow pool without an error listener (the
 * engine's forced drop then crashes the process); this factory owns the shadow database's life.
 */
function migrationAdapterFactory(connectionString: string) {
  const config = poolConfig(connectionString);
  const quiet = { onPoolError: () => {} };
  const main = new PrismaPg(config, quiet);
  const connected: { dispose(): Promise<void> }[] = [];
  return {
    provider: main.provider as 'postgres',
    adapterName: main.adapterName,
    /** Ends the pools the engine opened (an idle one would keep the migration lock ~10 s). */
    disposeAll: async () => {
      await Promise.allSettled(connected.splice(0).map((adapter) => adapter.dispose()));
    },
    connect: async () => {
      const adapter = await main.connect();
      readCharColumns(adapter);
      runScriptsWhole(adapter);
      connected.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const shadow = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, '')}`;
      const admin = new pg.Client(config);
      await admin.connect();
      await admin.query(`CREATE DATABASE "${shadow}"`);
      await admin.end();
      const adapter = await new PrismaPg({ ...config, database: shadow }, quiet).connect();
      runScriptsWhole(adapter);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(config);
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${shadow}" WITH (FORCE)`);
        await dropper.end();
      };
      return adapter;
    },
  };
}

async function withEngine<T>(
  connectionString: string,
  run: (engine: Engine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  const factory = migrationAdapterFactory(connectionString);
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`Prisma schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    await factory.disposeAll();
  }
}

/** The committed migrations, read from disk in name order (as the Prisma CLI does). */
export function readMigrations(baseDir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(baseDir, LOCKFILE);
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir)
        .filter((name) => statSync(path.join(baseDir, name)).isDirectory())
        .sort()
    : [];
  return {
    baseDir,
    lockfile: {
      path: LOCKFILE,
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok' as const,
          value: readFileSync(path.join(baseDir, dir, 'migration.sql'), 'utf8'),
        },
      },
    })),
  };
}

/**
 * Applies every committed migration not yet recorded in `_prisma_migrations`, then the job
 * queue's own schema (graphile-worker keeps its tables in `graphile_worker` and versions them
 * itself), so a web server can enqueue before any worker has started.
 */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const applied = await withEngine(connectionString, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: readMigrations(),
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  });
  await runQueueMigrations({ connectionString, logger: QUIET_LOGGER });
  return applied;
}

/** graphile-worker logs every migration step at info level: only warnings are worth showing. */
const QUIET_LOGGER = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.warn(`[queue] ${message}`);
});

const EMPTY_MIGRATION = /^-- This is an empty migration\.?$/;

/**
 * SQL that would bring the committed migrations to schema.prisma; empty when they agree.
 * Replays the migrations on a shadow database created through the same connection.
 */
export async function diffMigrationsToSchema(
  connectionString: string,
  migrationsDir = MIGRATIONS_DIR,
): Promise<string> {
  return withEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...readMigrations(migrationsDir) },
      to: {
        tag: 'schemaDatamodel',
        files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }],
      },
      script: true,
      exitCode: false,
      filters: NO_FILTERS,
    });
    const sql = (result.stdout ?? '').trim();
    return EMPTY_MIGRATION.test(sql) ? '' : sql;
  });
}

/** SQL from an empty database to schema.prisma (used for the first migration). */
export async function diffEmptyToSchema(connectionString: string): Promise<string> {
  return withEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'empty' },
      to: {
        tag: 'schemaDatamodel',
        files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }],
      },
      script: true,
      exitCode: false,
      filters: NO_FILTERS,
    });
    return (result.stdout ?? '').trim();
  });
}
