// Logical backups of FactDesk's data without pg_dump (the embedded PostgreSQL ships none).
//
// Backup: every table of `public` (Prisma's tables and `_prisma_migrations`) and of
// `graphile_worker` (the job queue) is read inside ONE repeatable-read, read-only transaction —
// one snapshot, consistent while FactDesk keeps writing. Rows come through a server-side cursor
// (pg-copy-streams is not installed, and plain pg cannot stream COPY), each column in
// PostgreSQL's own text form so that every type round-trips exactly, into gzip'd NDJSON:
//   {"format":"factdesk-backup","version":1,…}   header: migrations, tables, sequences
//   {"table":"public.users"}                      then one JSON array per row (text or null)
//   …
//   {"end":{"rows":{"public.users":12,…}}}        a file without it was cut short
// Restore goes into an empty database: FactDesk's migrations create the schema, the backup's
// migration list must equal the applied one, then ONE transaction loads every row with triggers
// and foreign-key checks off (session_replication_role = replica), each batch cast back to the
// column types (`(r ->> i)::<type>`), rebuilds the indexes, sets the sequences, checks every
// foreign key and commits — all or nothing. Memory stays bounded both ways (batches of a few
// thousand rows or ~8 MB at most), whatever the size of the database.
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, type ZlibOptions } from 'node:zlib';
import pg from 'pg';
import { dataDir, withDatabase } from './database-url';
import { applyMigrations } from './schema-engine';

export const BACKUP_FORMAT = 'factdesk-backup';
export const BACKUP_VERSION = 1;
/** Prisma's tables, and the job queue's (absent until it is installed). */
export const BACKUP_SCHEMAS = ['public', 'graphile_worker'];
const WORKER_SCHEMA = 'graphile_worker';
/** Filled by the schema tools themselves: a database with rows only there is still empty. */
const SCHEMA_BOOKKEEPING = new Set(['public._prisma_migrations', 'graphile_worker.migrations']);

const FETCH_MAX_ROWS = 1000;
const INSERT_MAX_ROWS = 5000;
/** Rows held at once, either way: a table of long article texts is fetched in smaller steps. */
const BATCH_MAX_CHARS = 8 << 20;

/**
 * The same text forms on both sides. With `search_path = pg_catalog`, format_type() qualifies
 * every type outside the catalog (`public."Role"`), so a type name means the same thing in any
 * database; UTC and ISO dates keep timestamps readable, hex keeps bytea exact.
 */
const SESSION_SETTINGS = [
  'SET search_path = pg_catalog',
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET TimeZone = 'UTC'",
  'SET extra_float_digits = 3',
  "SET bytea_output = 'hex'",
  'SET statement_timeout = 0',
  'SET idle_in_transaction_session_timeout = 0',
].join('; ');

export interface BackupColumn {
  name: string;
  /** format_type() with every non-catalog type schema-qualified, e.g. `timestamp(3) with time zone`. */
  type: string;
}
export interface BackupTable {
  schema: string;
  name: string;
  /** Stored columns in order; GENERATED ALWAYS … STORED/VIRTUAL ones are recomputed instead. */
  columns: BackupColumn[];
}
export interface BackupSequence {
  schema: string;
  name: string;
  lastValue: string;
  isCalled: boolean;
}
export interface BackupMigration {
  name: string;
  checksum: string;
}
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  postgresVersion: string;
  /** Applied Prisma migrations (`_prisma_migrations`), in name order. */
  migrations: BackupMigration[];
  /** graphile-worker's own migration numbers, or null when the queue was not installed. */
  workerMigrations: number[] | null;
  tables: BackupTable[];
  sequences: BackupSequence[];
}
export interface BackupResult {
  file: string;
  bytes: number;
  durationMs: number;
  header: BackupHeader;
  /** Rows written per table (`schema.name`). */
  rows: Record<string, number>;
}
export interface RestoreResult {
  durationMs: number;
  header: BackupHeader;
  /** Rows loaded per table (`schema.name`). */
  rows: Record<string, number>;
  /** Migrations applied to the empty database before loading. */
  migrationsApplied: string[];
  /** True when the job queue's schema was installed for the backup's queue tables. */
  workerSchemaInstalled: boolean;
}

/** A backup or restore that was refused or failed for a reason the user can act on. */
export class BackupError extends Error {}

/** For the command line: our own and PostgreSQL's messages as they are, a stack otherwise. */
export function errorMessage(error: unknown): string {
  if (error instanceof BackupError) return error.message;
  if (error instanceof Error) {
    return (error as { code?: string }).code ? error.message : (error.stack ?? error.message);
  }
  return String(error);
}

interface CatalogTable extends BackupTable {
  /** Some column is GENERATED ALWAYS AS IDENTITY: inserts need OVERRIDING SYSTEM VALUE. */
  hasIdentity: boolean;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (object: { schema: string; name: string }) =>
  `${ident(object.schema)}.${ident(object.name)}`;
const tableKey = (object: { schema: string; name: string }) => `${object.schema}.${object.name}`;

async function connect(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') {
      throw new BackupError(`${(error as Error).message}: no FactDesk data there.`, {
        cause: error,
      });
    }
    throw error;
  }
  await client.query(SESSION_SETTINGS);
  return client;
}

// ─── Catalog ─────────────────────────────────────────────────────────────────────────────────

async function listTables(client: pg.Client): Promise<CatalogTable[]> {
  const { rows } = await client.query<{
    schema: string;
    name: string;
    columns: (BackupColumn & { identity: boolean })[];
  }>(
    `SELECT n.nspname AS schema, c.relname AS name,
            coalesce((SELECT json_agg(json_build_object(
                               'name', a.attname,
                               'type', format_type(a.atttypid, a.atttypmod),
                               'identity', a.attidentity = 'a') ORDER BY a.attnum)
                        FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                         AND a.attgenerated = ''), '[]') AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND NOT EXISTS (SELECT FROM pg_depend d            -- tables an extension owns
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                           AND d.deptype = 'e')
      ORDER BY n.nspname, c.relname`,
    [BACKUP_SCHEMAS],
  );
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    columns: row.columns.map(({ name, type }) => ({ name, type })),
    hasIdentity: row.columns.some((column) => column.identity),
  }));
}

async function listSequences(client: pg.Client): Promise<{ schema: string; name: string }[]> {
  const { rows } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND n.nspname = ANY($1)
        AND NOT EXISTS (SELECT FROM pg_depend d
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                           AND d.deptype = 'e')
      ORDER BY 1, 2`,
    [BACKUP_SCHEMAS],
  );
  return rows;
}

async function appliedMigrations(client: pg.Client): Promise<BackupMigration[]> {
  const { rows } = await client.query<BackupMigration>(
    `SELECT migration_name AS name, checksum FROM public._prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows;
}

async function workerMigrations(client: pg.Client, tables: BackupTable[]) {
  if (!tables.some((t) => tableKey(t) === `${WORKER_SCHEMA}.migrations`)) return null;
  const { rows } = await client.query<{ id: number }>(
    `SELECT id FROM ${ident(WORKER_SCHEMA)}.migrations ORDER BY id`,
  );
  return rows.map((row) => row.id);
}

/** Tables holding rows other than the schema tools' bookkeeping. */
async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const found: string[] = [];
  for (const table of await listTables(client)) {
    if (SCHEMA_BOOKKEEPING.has(tableKey(table))) continue;
    const { rows } = await client.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT FROM ${qualified(table)}) AS any`,
    );
    if (rows[0]!.any) found.push(tableKey(table));
  }
  return found;
}

// ─── Backup ──────────────────────────────────────────────────────────────────────────────────

/**
 * Writes a consistent backup of the database to `outFile` (gzip'd NDJSON, see the header).
 * The file appears only once complete: it is written as `<outFile>.partial`, then renamed.
 */
export async function backupDatabase(
  connectionString: string,
  outFile: string,
): Promise<BackupResult> {
  const started = performance.now();
  const partial = `${outFile}.partial`;
  const client = await connect(connectionString);
  // Level 3 and a deep buffer, so compressing overlaps the next fetch and keeps pace with it
  // (level 6 took 1.5 times as long for files ~3% smaller). zlib streams take the stream
  // options too; @types/node only lists zlib's own.
  const gzip = createGzip({
    level: 3,
    writableHighWaterMark: 2 * BATCH_MAX_CHARS,
  } as ZlibOptions);
  const written = pipeline(gzip, createWriteStream(partial));
  written.catch(() => {}); // awaited below; a disk error also rejects the writes in between
  const write = async (text: string) => {
    if (!gzip.write(text)) await Promise.race([once(gzip, 'drain'), written]);
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // The first query takes the snapshot: everything below reads the database as of now.
    const tables = await listTables(client);
    if (!tables.some((t) => tableKey(t) === 'public._prisma_migrations')) {
      throw new BackupError(
        'This database has no FactDesk schema (no _prisma_migrations table), so there is nothing to back up. Check DATABASE_URL or FACTDESK_DATA_DIR.',
      );
    }
    const { rows: versionRows } = await client.query<{ version: string }>(
      "SELECT current_setting('server_version') AS version",
    );
    // Sequences are not transactional: read after the snapshot, they are at least as far as
    // every id it contains, so restored sequences never hand out an id twice.
    const sequences: BackupSequence[] = [];
    for (const sequence of await listSequences(client)) {
      const { rows } = await client.query<{ lastValue: string; isCalled: boolean }>(
        `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${qualified(sequence)}`,
      );
      sequences.push({ ...sequence, ...rows[0]! });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      postgresVersion: versionRows[0]!.version,
      migrations: await appliedMigrations(client),
      workerMigrations: await workerMigrations(client, tables),
      tables: tables.map(({ schema, name, columns }) => ({ schema, name, columns })),
      sequences,
    };
    await write(`${JSON.stringify(header)}\n`);
    const rows: Record<string, number> = {};
    for (const table of tables) {
      await write(`${JSON.stringify({ table: tableKey(table) })}\n`);
      rows[tableKey(table)] = await writeRows(client, table, write);
    }
    await write(`${JSON.stringify({ end: { rows } })}\n`);
    await client.query('COMMIT');
    gzip.end();
    await written;
    renameSync(partial, outFile);
    return {
      file: outFile,
      bytes: statSync(outFile).size,
      durationMs: performance.now() - started,
      header,
      rows,
    };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Streams one table through a server-side cursor; returns its row count. PostgreSQL itself
 * writes each row as a JSON array of its columns' text forms (json_build_array escapes exactly
 * as JSON does), which is a third faster than building the lines here.
 */
async function writeRows(
  client: pg.Client,
  table: BackupTable,
  write: (text: string) => Promise<void>,
): Promise<number> {
  const columns = table.columns.map((c) => `${ident(c.name)}::text`).join(', ');
  await client.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR
       SELECT json_build_array(${columns})::text FROM ${qualified(table)}`,
  );
  let count = 0;
  let step = 1; // then sized from the rows seen, so a batch stays near BATCH_MAX_CHARS
  for (;;) {
    const { rows } = await client.query<[string]>({
      text: `FETCH ${step} FROM backup_rows`,
      rowMode: 'array',
    });
    if (rows.length === 0) break;
    let text = '';
    for (const row of rows) text += `${row[0]}\n`;
    await write(text);
    count += rows.length;
    if (rows.length < step) break;
    const perRow = Math.max(1, text.length / rows.length);
    step = Math.max(1, Math.min(FETCH_MAX_ROWS, Math.floor(BATCH_MAX_CHARS / perRow)));
  }
  await client.query('CLOSE backup_rows');
  return count;
}

// ─── Reading a backup ────────────────────────────────────────────────────────────────────────

type BackupMarker = { table: string } | { end: { rows: Record<string, number> } };

/** The lines of a backup file, read as a stream (gunzip checks the CRC at the end). */
async function* readLines(inFile: string): AsyncGenerator<string> {
  const file = createReadStream(inFile, { highWaterMark: 256 << 10 });
  const gunzip = createGunzip({ chunkSize: 256 << 10 });
  file.on('error', (error) => gunzip.destroy(error));
  file.pipe(gunzip);
  gunzip.setEncoding('utf8');
  // A line may span many chunks (an article's text): collect its pieces and look for the end
  // of line in each new chunk only, never again in what came before.
  let pieces: string[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      let from = 0;
      for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', from)) {
        pieces.push(chunk.slice(from, end));
        const line = pieces.join('');
        pieces = [];
        if (line) yield line;
        from = end + 1;
      }
      if (from < chunk.length) pieces.push(chunk.slice(from));
    }
    if (pieces.length > 0) yield pieces.join('');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
      throw new BackupError(
        `${inFile} is not a gzip'd FactDesk backup, or it is damaged or cut short (${(error as Error).message}).`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}

function parseLine<T>(inFile: string, line: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new BackupError(`${inFile} is damaged: a line is not valid JSON.`);
  }
}

/** The header of a backup file, checked to be one this code can restore. */
export async function readBackupHeader(inFile: string): Promise<BackupHeader> {
  if (!existsSync(inFile)) throw new BackupError(`${inFile} does not exist.`);
  for await (const line of readLines(inFile)) {
    const header = parseLine<Partial<BackupHeader>>(inFile, line);
    if (header.format !== BACKUP_FORMAT) {
      throw new BackupError(`${inFile} is not a FactDesk backup.`);
    }
    if (header.version !== BACKUP_VERSION) {
      throw new BackupError(
        `${inFile} is a version ${header.version} backup; this FactDesk reads version ${BACKUP_VERSION}.`,
      );
    }
    return header as BackupHeader;
  }
  throw new BackupError(`${inFile} is empty.`);
}

// ─── Restore ─────────────────────────────────────────────────────────────────────────────────

/**
 * Restores `inFile` into the EMPTY database at `connectionString` (refused otherwise): applies
 * FactDesk's migrations, checks they are the backup's, then loads everything in one transaction.
 */
export async function restoreDatabase(
  connectionString: string,
  inFile: string,
  options: { log?: (line: string) => void } = {},
): Promise<RestoreResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const header = await readBackupHeader(inFile);
  const client = await connect(connectionString);
  try {
    const occupied = await tablesWithRows(client);
    if (occupied.length > 0) throw notEmpty(occupied);

    log('applying migrations…');
    const migrationsApplied = await applyMigrations(connectionString);
    let workerSchemaInstalled = false;
    if (
      header.tables.some((t) => t.schema === WORKER_SCHEMA) &&
      !(await listTables(client)).some((t) => t.schema === WORKER_SCHEMA)
    ) {
      log('installing the job queue schema (graphile-worker)…');
      await installWorkerSchema(connectionString);
      workerSchemaInstalled = true;
    }
    const targets = await checkTarget(client, header);

    log('loading rows…');
    await client.query('BEGIN');
    try {
      try {
        // Triggers and foreign-key checks off while loading: table order does not matter, and
        // trigger-kept columns (sentences.search) come from the backup as they were.
        await client.query('SET LOCAL session_replication_role = replica');
      } catch (error) {
        throw new BackupError(
          'Restoring needs a role allowed to SET session_replication_role (a superuser, or on PostgreSQL 15+: GRANT SET ON PARAMETER session_replication_role TO <role>).',
          { cause: error },
        );
      }
      const names = header.tables.map(qualified).join(', ');
      await client.query("SET LOCAL lock_timeout = '30s'");
      if (names) await client.query(`LOCK TABLE ${names} IN ACCESS EXCLUSIVE MODE`);
      // Checked again under the locks: nothing may have been written since the first check.
      const occupiedNow = await tablesWithRows(client);
      if (occupiedNow.length > 0) throw notEmpty(occupiedNow);
      if (names) await client.query(`TRUNCATE ${names}`); // e.g. the migrations' own records

      // Like pg_restore: indexes are built once after loading, far faster than row by row.
      // Those behind constraints (primary keys) stay; unique indexes are checked on rebuild.
      const indexes = await secondaryIndexes(client);
      for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);

      const rows = await loadRows(client, inFile, targets);
      log(`building ${indexes.length} indexes…`);
      await client.query("SET LOCAL maintenance_work_mem = '128MB'");
      for (const index of indexes) await client.query(index.definition);
      log('setting sequences…');
      for (const sequence of header.sequences) {
        await client.query('SELECT setval($1::regclass, $2::bigint, $3::boolean)', [
          qualified(sequence),
          sequence.lastValue,
          sequence.isCalled,
        ]);
      }
      log('checking foreign keys…');
      const broken = await foreignKeyViolations(client);
      if (broken.length > 0) {
        throw new BackupError(
          `The backup is not consistent, nothing was restored: ${broken.join('; ')}.`,
        );
      }
      await client.query('COMMIT');
      return {
        durationMs: performance.now() - started,
        header,
        rows,
        migrationsApplied,
        workerSchemaInstalled,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  } finally {
    await client.end();
  }
}

function notEmpty(tables: string[]): BackupError {
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
  return new BackupError(
    `Refusing to restore: the database is not empty (rows in ${shown}). Restore into an empty database: a new FACTDESK_DATA_DIR, or a new database in DATABASE_URL. (npm start fills an empty database with demo data unless SEED_DEMO=0.)`,
  );
}

async function installWorkerSchema(connectionString: string): Promise<void> {
  const { runMigrations, Logger } = await import('graphile-worker');
  await runMigrations({ connectionString, logger: new Logger(() => () => {}) });
}

/**
 * The migrated target must be the backup's schema: same migrations, same tables and columns
 * (names and types), same sequences. Returns the backup's tables as they are here, by
 * `schema.name`.
 */
async function checkTarget(
  client: pg.Client,
  header: BackupHeader,
): Promise<Map<string, CatalogTable>> {
  const here = await appliedMigrations(client);
  const describe = (m: BackupMigration) => m.name;
  const missingHere = header.migrations.filter((m) => !here.some((h) => h.name === m.name));
  const notInBackup = here.filter((h) => !header.migrations.some((m) => m.name === h.name));
  if (missingHere.length > 0 || notInBackup.length > 0) {
    const parts = [];
    if (missingHere.length)
      parts.push(
        `in the backup but unknown to this FactDesk: ${missingHere.map(describe).join(', ')}`,
      );
    if (notInBackup.length)
      parts.push(`applied here but not in the backup: ${notInBackup.map(describe).join(', ')}`);
    throw new BackupError(
      `Refusing to restore: the backup's migrations differ from this FactDesk's (${parts.join('; ')}). Restore with the FactDesk version that made the backup, then upgrade.`,
    );
  }
  const changed = header.migrations.filter(
    (m) => here.find((h) => h.name === m.name)!.checksum !== m.checksum,
  );
  if (changed.length > 0) {
    throw new BackupError(
      `Refusing to restore: these migrations have other contents here than when the backup was made: ${changed.map(describe).join(', ')}.`,
    );
  }
  if (header.workerMigrations) {
    const { rows } = await client.query<{ id: number }>(
      `SELECT id FROM ${ident(WORKER_SCHEMA)}.migrations ORDER BY id`,
    );
    const ids = rows.map((row) => row.id);
    if (ids.join() !== header.workerMigrations.join()) {
      throw new BackupError(
        `Refusing to restore: the job queue's schema differs (graphile-worker migrations ${header.workerMigrations.at(-1) ?? 'none'} in the backup, ${ids.at(-1) ?? 'none'} here). Restore with the graphile-worker version that made the backup.`,
      );
    }
  }

  const targets = new Map((await listTables(client)).map((t) => [tableKey(t), t]));
  const problems: string[] = [];
  for (const table of header.tables) {
    const target = targets.get(tableKey(table));
    if (!target) {
      problems.push(`table ${tableKey(table)} does not exist here`);
      continue;
    }
    const theirs = table.columns.map((c) => `${c.name} ${c.type}`);
    const ours = target.columns.map((c) => `${c.name} ${c.type}`);
    if (theirs.join('\n') !== ours.join('\n')) {
      const onlyTheirs = theirs.filter((c) => !ours.includes(c));
      const onlyOurs = ours.filter((c) => !theirs.includes(c));
      problems.push(
        `${tableKey(table)} has other columns (backup only: ${onlyTheirs.join(', ') || '—'}; here only: ${onlyOurs.join(', ') || '—'}${onlyTheirs.length + onlyOurs.length === 0 ? '; order differs' : ''})`,
      );
    }
  }
  const sequences = new Set((await listSequences(client)).map(tableKey));
  for (const sequence of header.sequences) {
    if (!sequences.has(tableKey(sequence)))
      problems.push(`sequence ${tableKey(sequence)} does not exist here`);
  }
  if (problems.length > 0) {
    throw new BackupError(
      `Refusing to restore: this database's schema is not the backup's: ${problems.join('; ')}.`,
    );
  }
  return new Map(header.tables.map((t) => [tableKey(t), targets.get(tableKey(t))!]));
}

/**
 * Sends INSERTs one at a time on the connection, but without waiting for each: the next batch
 * is read and prepared while PostgreSQL inserts the previous one. A failure surfaces at the
 * next send or at drain().
 */
class InsertQueue {
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: pg.Client) {}

  async send(query: pg.QueryConfig): Promise<void> {
    await this.inFlight;
    this.inFlight = this.client.query(query);
    this.inFlight.catch(() => {}); // rethrown by the next send() or drain()
  }

  drain(): Promise<unknown> {
    return this.inFlight;
  }
}

/**
 * Inserts one table's rows, many per statement: the batch goes as ONE jsonb parameter (the
 * backup's lines, unparsed) and PostgreSQL casts each element back to the target column's type.
 * One prepared statement per table, no limit of 65,535 bind parameters, no JSON parsing here.
 */
class TableLoader {
  private batch: string[] = [];
  private chars = 0;
  private readonly sql: string;
  /** Rows sent; all of them are loaded once the queue has drained without error. */
  sent = 0;

  constructor(
    private readonly queue: InsertQueue,
    table: CatalogTable,
    private readonly statementName: string,
  ) {
    const names = table.columns.map((c) => ident(c.name)).join(', ');
    const values = table.columns.map((c, i) => `(r ->> ${i})::${c.type}`).join(', ');
    this.sql = `INSERT INTO ${qualified(table)} ${names ? `(${names})` : ''}${
      table.hasIdentity ? ' OVERRIDING SYSTEM VALUE' : ''
    } SELECT ${values} FROM jsonb_array_elements($1::jsonb) AS r`;
  }

  async add(line: string): Promise<void> {
    this.batch.push(line);
    this.chars += line.length;
    if (this.batch.length >= INSERT_MAX_ROWS || this.chars >= BATCH_MAX_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const values = [`[${this.batch.join(',')}]`];
    this.sent += this.batch.length;
    this.batch = [];
    this.chars = 0;
    await this.queue.send({ name: this.statementName, text: this.sql, values });
  }
}

async function loadRows(
  client: pg.Client,
  inFile: string,
  targets: Map<string, CatalogTable>,
): Promise<Record<string, number>> {
  const queue = new InsertQueue(client);
  try {
    return await loadAll(queue, inFile, targets);
  } finally {
    await queue.drain().catch(() => {}); // nothing in flight when the caller rolls back
  }
}

async function loadAll(
  queue: InsertQueue,
  inFile: string,
  targets: Map<string, CatalogTable>,
): Promise<Record<string, number>> {
  const loaders = new Map<string, TableLoader>();
  let current: TableLoader | undefined;
  let expected: Record<string, number> | undefined;
  let first = true;
  for await (const line of readLines(inFile)) {
    if (first) {
      first = false; // the header, read already
    } else if (line.startsWith('[')) {
      if (!current || expected) throw new BackupError('The backup is damaged: a row out of place.');
      await current.add(line);
    } else {
      const marker = parseLine<BackupMarker>(inFile, line);
      await current?.flush();
      if ('table' in marker) {
        const target = targets.get(marker.table);
        if (!target || loaders.has(marker.table) || expected) {
          throw new BackupError(`The backup is damaged: unexpected table ${marker.table}.`);
        }
        current = new TableLoader(queue, target, `restore_${loaders.size}`);
        loaders.set(marker.table, current);
      } else if ('end' in marker) {
        expected = marker.end.rows;
      }
    }
  }
  await current?.flush();
  await queue.drain();
  if (!expected) {
    throw new BackupError(
      'The backup file is incomplete (no end record): it was cut short while being written or copied. Nothing was restored.',
    );
  }
  const rows: Record<string, number> = {};
  for (const key of loaders.keys()) {
    if (!(key in expected)) throw new BackupError(`The backup is damaged: no count for ${key}.`);
  }
  for (const [key, count] of Object.entries(expected)) {
    rows[key] = loaders.get(key)?.sent ?? 0;
    if (rows[key] !== count) {
      throw new BackupError(
        `The backup is damaged: ${key} should have ${count} rows, the file holds ${rows[key]}.`,
      );
    }
  }
  return rows;
}

/** Indexes of the backed-up schemas that no constraint owns, with their definitions. */
async function secondaryIndexes(
  client: pg.Client,
): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT format('%I.%I', n.nspname, ic.relname) AS name,
            pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid JOIN pg_namespace n ON n.oid = tc.relnamespace
      WHERE n.nspname = ANY($1) AND tc.relkind = 'r'
        AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [BACKUP_SCHEMAS],
  );
  return rows;
}

/** Foreign keys that the loaded rows break (checks were off while loading). */
async function foreignKeyViolations(client: pg.Client): Promise<string[]> {
  const { rows: keys } = await client.query<{
    name: string;
    child: string;
    parent: string;
    childColumns: string[];
    parentColumns: string[];
  }>(
    `SELECT con.conname AS name,
            format('%I.%I', cn.nspname, cc.relname) AS child,
            format('%I.%I', pn.nspname, pc.relname) AS parent,
            array(SELECT quote_ident(a.attname)
                    FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                   ORDER BY k.ord)::text[] AS "childColumns",
            array(SELECT quote_ident(a.attname)
                    FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                   ORDER BY k.ord)::text[] AS "parentColumns"
       FROM pg_constraint con
       JOIN pg_class cc ON cc.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
       JOIN pg_class pc ON pc.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
      WHERE con.contype = 'f' AND cn.nspname = ANY($1)
      ORDER BY 2, 1`,
    [BACKUP_SCHEMAS],
  );
  const broken: string[] = [];
  for (const key of keys) {
    const present = key.childColumns.map((c) => `c.${c} IS NOT NULL`).join(' AND ');
    const matches = key.childColumns
      .map((c, i) => `p.${key.parentColumns[i]} = c.${c}`)
      .join(' AND ');
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${key.child} c
        WHERE ${present} AND NOT EXISTS (SELECT FROM ${key.parent} p WHERE ${matches})`,
    );
    if (rows[0]!.n > 0) {
      broken.push(
        `${rows[0]!.n} rows of ${key.child} point to no row of ${key.parent} (${key.name})`,
      );
    }
  }
  return broken;
}

// ─── Which database ──────────────────────────────────────────────────────────────────────────

/**
 * The embedded PostgreSQL that `npm start` (or another script) is running on `dir`, if any.
 * PostgreSQL writes `postmaster.pid` into its data folder while it runs: line 1 is the server's
 * pid, line 4 its port; the password is the one startEmbeddedDb keeps beside the data.
 */
export async function runningEmbeddedDatabase(
  dir: string,
  database = 'factdesk',
): Promise<string | null> {
  const pidFile = path.join(dir, 'pg', 'postmaster.pid');
  const secretFile = path.join(dir, 'pg-password');
  if (!existsSync(pidFile) || !existsSync(secretFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
  } catch (error) {
    if ((error as { code?: string }).code !== 'EPERM') return null; // stale file of a crash
  }
  const password = readFileSync(secretFile, 'utf8').trim();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  // The pid of a crashed server may belong to another process by now: ask the port.
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await probe.connect();
    return url;
  } catch (error) {
    if ((error as { code?: string }).code === 'ECONNREFUSED') return null;
    throw error;
  } finally {
    await probe.end().catch(() => {});
  }
}

export interface DatabaseTarget {
  url: string;
  /** Where the data is, for messages (never the password). */
  description: string;
}

/**
 * Like withDatabase (DATABASE_URL, else the embedded PostgreSQL under FACTDESK_DATA_DIR), but
 * connects to the embedded server when one is already running there (`npm start`), since a
 * second server cannot start on the same folder. `create: false` refuses a folder that holds
 * no database yet instead of creating one.
 */
export async function withBackupDatabase<T>(
  run: (target: DatabaseTarget) => Promise<T>,
  options: { create: boolean },
): Promise<T> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return run({
      url: process.env.DATABASE_URL,
      description: `DATABASE_URL (${url.hostname}:${url.port || 5432}${url.pathname})`,
    });
  }
  const dir = dataDir();
  const pgDir = path.join(dir, 'pg');
  const running = await runningEmbeddedDatabase(dir);
  if (running) {
    return run({ url: running, description: `the running embedded PostgreSQL (${pgDir})` });
  }
  if (!options.create && !(existsSync(pgDir) && readdirSync(pgDir).length > 0)) {
    throw new BackupError(
      `No database to back up: ${pgDir} does not exist (FactDesk never started with this data folder). Set FACTDESK_DATA_DIR or DATABASE_URL.`,
    );
  }
  return withDatabase((url) =>
    run({ url, description: `the embedded PostgreSQL in ${pgDir} (started for this command)` }),
  );
}

/** Prints the rows per table of a backup or a restore, and their total (which it returns). */
export function printRowCounts(rows: Record<string, number>): number {
  const width = Math.max(5, ...Object.keys(rows).map((name) => name.length));
  let total = 0;
  for (const [table, count] of Object.entries(rows)) {
    console.log(`  ${table.padEnd(width)}  ${String(count).padStart(9)}`);
    total += count;
  }
  console.log(`  ${'total'.padEnd(width)}  ${String(total).padStart(9)} rows`);
  return total;
}
