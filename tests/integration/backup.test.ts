// Backups under load (scripts/lib/backup.ts): a backup taken while writers keep committing
// restores into an empty database as ONE snapshot. Writers commit parent and child rows together
// (a highlight, its sentence links and its audit event; a team, its member, its queued job), so a
// backup that read tables at different moments would restore children without parents or parents
// without children — and fail here. Everything acknowledged before the backup began must come
// back identical, column for column; nothing begun after it may.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeRange } from '@/lib/anchoring';
import { PrismaClient } from '@/generated/prisma/client';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { createComment } from '@/lib/server/comments/create-comment';
import {
  BackupError,
  backupDatabase,
  readBackupHeader,
  restoreDatabase,
  type BackupResult,
} from '../../scripts/lib/backup';
import { applyMigrations } from '../../scripts/lib/schema-engine';
import { approved, makeNewsroom, makeUser, SEED_TEXT, submitted } from './fixtures';

const baseUrl = process.env.TEST_DATABASE_URL!;
const suffix = randomUUID().replace(/-/g, '').slice(0, 12);
const SOURCE_DB = `fd_backup_src_${suffix}`;
const TARGET_DB = `fd_backup_dst_${suffix}`;
const urlOf = (database: string) => {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
};
const sourceUrl = urlOf(SOURCE_DB);
const targetUrl = urlOf(TARGET_DB);

// The app code under test (fixtures, lib/server) writes through lib/db, which creates its client
// from DATABASE_URL on first use: point it at this file's own source database, so the backup
// holds exactly what this file wrote (and drop a client cached for another one, if any).
vi.stubEnv('DATABASE_URL', sourceUrl);
const cached = globalThis as unknown as { factdeskPrisma?: PrismaClient };
const forgetClient = async () => {
  await cached.factdeskPrisma?.$disconnect();
  delete cached.factdeskPrisma;
};

function selectorFor(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not found: ${quote}`);
  return describeRange(text, { start, end: start + quote.length });
}

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query("SET TimeZone = 'UTC'; SET extra_float_digits = 3");
  return c;
}

async function tableExists(c: pg.Client, qualified: string): Promise<boolean> {
  const { rows } = await c.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [
    qualified,
  ]);
  return rows[0]!.ok;
}

/** Every row of a table in PostgreSQL's own text form (all columns, generated ones too). */
async function rowsOf(c: pg.Client, table: string): Promise<string[]> {
  const [schema, name] = table.split('.');
  const { rows } = await c.query<{ r: string }>(
    `SELECT t::text AS r FROM "${schema}"."${name}" t ORDER BY 1`,
  );
  return rows.map((row) => row.r);
}

interface Write {
  id: string;
  began: number;
  acked?: number;
}

/** Calls `write` in a loop until stopped, recording when each call began and was acknowledged. */
function writer(write: (i: number) => Promise<string>) {
  const done: Write[] = [];
  let stopped = false;
  let failure: unknown;
  const running = (async () => {
    for (let i = 0; !stopped; i++) {
      const began = performance.now();
      try {
        const id = await write(i);
        done.push({ id, began, acked: performance.now() });
      } catch (error) {
        failure = error;
        return;
      }
    }
  })();
  return {
    done,
    count: () => done.length,
    stop: async () => {
      stopped = true;
      await running;
      if (failure) throw failure;
    },
  };
}

const until = async (test: () => boolean, what: string) => {
  const deadline = Date.now() + 20_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

let admin: pg.Client;
let source: pg.Client;
let target: pg.Client;
let sourcePrisma: PrismaClient;
let targetPrisma: PrismaClient;
const dir = mkdtempSync(path.join(os.tmpdir(), 'factdesk-backup-'));
const file = path.join(dir, 'under-load.fdbackup.gz');
let backup: BackupResult;
let window: { start: number; end: number };
let writes: Record<string, Write[]>;
let beforeBurst: Map<string, string[]>;
let hasQueue = false;
let hasJobs = false;

beforeAll(async () => {
  await forgetClient(); // one made for another database earlier in this worker, if any
  admin = await client(baseUrl);
  await admin.query(`CREATE DATABASE ${SOURCE_DB}`);
  await admin.query(`CREATE DATABASE ${TARGET_DB}`);
  await applyMigrations(sourceUrl);
  source = await client(sourceUrl);
  target = await client(targetUrl);
  hasQueue = await tableExists(source, 'graphile_worker._private_jobs');
  hasJobs = await tableExists(source, 'public.jobs');
  sourcePrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: sourceUrl }) });
  targetPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: targetUrl }) });

  // Audit ids beyond 2^53: a bigint that a JavaScript number would round.
  await source.query(
    "SELECT setval(pg_get_serial_sequence('audit_events', 'id'), 9007199254740993)",
  );

  // ── A newsroom with some of everything ──
  const room = await makeNewsroom();
  const claims = room.sentences.filter((s) => s.kind === 'sentence');
  await approved(room.reviewer.id, room.reviewer2.id, claims[1]!.id, {
    rating: 'false',
    rationale: 'Démenti « officiel » — voir \\ la source\n(2e ligne)',
    sources: [{ url: 'https://www.example.org/rapport-onu', title: 'Rapport de l’ONU 🦜' }],
  });
  await submitted(room.reviewer2.id, claims[2]!.id, { rating: 'misleading' });
  const highlight = await createAnnotation({
    userId: room.reviewer.id,
    articleId: room.article.id,
    input: { selector: selectorFor(SEED_TEXT, 'cinq millions de projectiles'), note: 'À voir' },
  });
  const thread = await createComment({
    userId: room.reviewer.id,
    sentenceId: highlight.sentenceIds[0]!,
    input: { body: 'Quelle source ?', annotationId: highlight.id },
  });
  await createComment({
    userId: room.editor.id,
    sentenceId: highlight.sentenceIds[0]!,
    input: { body: 'Le rapport de l’ONU.', parentId: thread.id },
  });

  // ── Values that a lossy format would change ──
  const odd = await makeUser('O\'Brien "le \\N" \t NULL\n🦜 ç');
  await source.query(
    `UPDATE sentences SET checkworthiness = 0.30000000000000004,
            checkworthiness_reasons = ARRAY['a,b', 'quote"d', 'back\\slash', '', 'NULL', '{}', 'é 🦜']
      WHERE id = $1`,
    [claims[0]!.id],
  );
  await source.query(
    `INSERT INTO articles (id, team_id, title, language, text, published_at, created_by_id, updated_at)
     VALUES (gen_random_uuid(), $1, 'Ides', 'la', 'Alea iacta est.', '0044-03-15 BC', $2,
             '2026-12-01 10:11:12.345+00')`,
    [room.team.id, odd.id],
  );
  await source.query(
    `INSERT INTO audit_events (team_id, actor_id, action, entity_type, entity_id, before, after, at)
     VALUES ($1, $2, 'odd.values', 'user', $2,
             '{"big": 123456789012345678901234567890.000000000000000001, "tiny": 1e-30}',
             $3::jsonb, '1970-01-01 00:00:00.001+00')`,
    [
      room.team.id,
      odd.id,
      JSON.stringify({ text: 'guillemets " \\ \n\t 🦜 \u00e9', nested: [null, true, { a: [] }] }),
    ],
  );
  if (hasJobs) {
    await source.query(
      `INSERT INTO jobs (id, kind, team_id, created_by_id, input, file, progress, updated_at)
       VALUES (gen_random_uuid(), 'report_pdf', $1, $2, '{"format": "pdf"}', '\\x00ff0a5c27',
               0.1, now())`,
      [room.team.id, room.editor.id],
    );
  }
  if (hasQueue) await source.query(`SELECT graphile_worker.add_job('backup-test', '{"n": 1}')`);
  // Bulk, so the backup lasts long enough for the writers to commit while it runs.
  await source.query(
    `INSERT INTO audit_events (team_id, actor_id, action, entity_type, entity_id, after)
     SELECT $1, $2, 'padding', 'user', $2,
            jsonb_build_object('i', i, 'text', repeat(md5(i::text), 4))
       FROM generate_series(1, 40000) AS i`,
    [room.team.id, room.owner.id],
  );

  const tables = (await readTables(source)).filter((t) => t !== 'public._prisma_migrations');
  beforeBurst = new Map();
  for (const table of tables) beforeBurst.set(table, await rowsOf(source, table));

  // ── The burst: four writers, each committing parents with their children ──
  const quotes = ['isolement profond', 'Les envois de projectiles', 'cinq millions'];
  const highlights = (n: number) =>
    writer(async (i) => {
      const created = await createAnnotation({
        userId: n === 0 ? room.reviewer.id : room.reviewer2.id,
        articleId: room.article.id,
        input: { selector: selectorFor(SEED_TEXT, quotes[i % quotes.length]!), note: `n${i}` },
      });
      return created.id;
    });
  let parentId: string | undefined;
  const comments = writer(async (i) => {
    const created = await createComment({
      userId: room.editor.id,
      sentenceId: claims[3]!.id,
      input: { body: `réponse ${i}`, ...(parentId ? { parentId } : {}) },
    });
    parentId = created.id; // a chain of replies: each one's parent must come back too
    return created.id;
  });
  const teamWriter = await client(sourceUrl);
  const teams = writer(async (i) => {
    const teamId = randomUUID();
    const userId = randomUUID();
    await teamWriter.query('BEGIN');
    await teamWriter.query(`INSERT INTO teams (id, name) VALUES ($1, $2)`, [teamId, `T${i}`]);
    await teamWriter.query(
      `INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, 'burst', 'x')`,
      [userId, `${userId}@burst.test`],
    );
    await teamWriter.query(
      `INSERT INTO memberships (team_id, user_id, role) VALUES ($1, $2, 'owner')`,
      [teamId, userId],
    );
    await teamWriter.query(
      `INSERT INTO audit_events (team_id, actor_id, action, entity_type, entity_id)
       VALUES ($1, $2, 'team.create', 'team', $1)`,
      [teamId, userId],
    );
    if (hasQueue) {
      await teamWriter.query(
        `SELECT graphile_worker.add_job('welcome', json_build_object('teamId', $1::text))`,
        [teamId],
      );
    }
    await teamWriter.query('COMMIT');
    return teamId;
  });
  const all = { highlights0: highlights(0), highlights1: highlights(1), comments, teams };
  const writers = Object.values(all);
  await until(() => writers.every((w) => w.count() >= 5), 'the writers to warm up');

  const start = performance.now();
  backup = await backupDatabase(sourceUrl, file);
  const end = performance.now();
  window = { start, end };

  await until(
    () => writers.every((w) => w.done.filter((x) => x.began > end).length >= 5),
    'writes after the backup',
  );
  for (const w of writers) await w.stop();
  await teamWriter.end();
  writes = Object.fromEntries(Object.entries(all).map(([name, w]) => [name, w.done]));
}, 120_000);

afterAll(async () => {
  await sourcePrisma?.$disconnect();
  await targetPrisma?.$disconnect();
  await forgetClient(); // lib/db's client, on the source database
  vi.unstubAllEnvs();
  await source?.end();
  await target?.end();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${SOURCE_DB} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${TARGET_DB} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
});

async function readTables(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query<{ t: string }>(
    `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
      WHERE table_schema IN ('public', 'graphile_worker') AND table_type = 'BASE TABLE'
      ORDER BY 1`,
  );
  return rows.map((row) => row.t);
}

async function idsIn(c: pg.Client, table: string, ids: string[]): Promise<Set<string>> {
  const { rows } = await c.query<{ id: string }>(
    `SELECT id::text FROM ${table} WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}

describe('backup under load, then restore', () => {
  it('took the backup while the writers were committing', () => {
    const during = Object.values(writes)
      .flat()
      .filter((w) => w.acked! > window.start && w.acked! < window.end);
    console.log(
      `backup: ${(backup.bytes / 1024).toFixed(0)} kB, ${(backup.durationMs / 1000).toFixed(2)} s, ${Object.values(backup.rows).reduce((a, b) => a + b, 0)} rows; ${during.length} writes committed while it ran`,
    );
    expect(during.length).toBeGreaterThan(0);
    expect(backup.header.migrations.length).toBeGreaterThan(0);
    expect(backup.rows['public.audit_events']).toBeGreaterThan(40_000);
  });

  it('refuses damaged files and other migrations, leaving the database empty', async () => {
    // Cut short: the header reads, the load fails, the transaction rolls back.
    const cut = path.join(dir, 'cut.fdbackup.gz');
    const whole = readFileSync(file);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(restoreDatabase(targetUrl, cut)).rejects.toThrow(BackupError);

    // Made by a FactDesk with one more migration.
    const lines = gunzipSync(whole).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!);
    header.migrations.push({ name: '20991231000000_from_the_future', checksum: 'x' });
    lines[0] = JSON.stringify(header);
    const future = path.join(dir, 'future.fdbackup.gz');
    writeFileSync(future, gzipSync(lines.join('\n')));
    await expect(restoreDatabase(targetUrl, future)).rejects.toThrow(
      /migrations differ.*20991231000000_from_the_future/,
    );

    const { rows } = await target.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(rows[0]!.n).toBe(0);
  });

  it('restores into an empty database', async () => {
    expect((await readBackupHeader(file)).tables.length).toBe(backup.header.tables.length);
    const began = performance.now();
    const phases: string[] = [];
    const restored = await restoreDatabase(targetUrl, file, {
      log: (line) => phases.push(`${((performance.now() - began) / 1000).toFixed(2)} s ${line}`),
    });
    console.log(`restore: ${(restored.durationMs / 1000).toFixed(2)} s (${phases.join(', ')})`);
    expect(restored.rows).toEqual(backup.rows);
    expect(restored.migrationsApplied).toEqual([]); // the refused attempts migrated it already
  });

  it('has every write acknowledged before the backup, nothing begun after it, in order', async () => {
    const tableOf: Record<string, string> = {
      highlights0: 'annotations',
      highlights1: 'annotations',
      comments: 'comments',
      teams: 'teams',
    };
    for (const [name, done] of Object.entries(writes)) {
      const present = await idsIn(
        target,
        tableOf[name]!,
        done.map((w) => w.id),
      );
      const before = done.filter((w) => w.acked! < window.start).map((w) => w.id);
      const after = done.filter((w) => w.began > window.end).map((w) => w.id);
      expect(before.length).toBeGreaterThan(0);
      expect(before.filter((id) => !present.has(id))).toEqual([]);
      expect(after.filter((id) => present.has(id))).toEqual([]);
      // One writer commits in sequence, so a snapshot holds a prefix of its writes.
      const flags = done.map((w) => present.has(w.id));
      const firstMissing = flags.indexOf(false);
      if (firstMissing >= 0) expect(flags.slice(firstMissing)).not.toContain(true);
    }
  });

  it('is one snapshot: every parent has its children and every child its parent', async () => {
    const orphans = await target.query<{ what: string; n: number }>(`
      SELECT 'annotation without sentence link' AS what, count(*)::int AS n FROM annotations a
       WHERE NOT EXISTS (SELECT FROM annotation_sentences s WHERE s.annotation_id = a.id)
      UNION ALL
      SELECT 'annotation without its audit event', count(*)::int FROM annotations a
       WHERE NOT EXISTS (SELECT FROM audit_events e
                          WHERE e.entity_id = a.id AND e.action = 'annotation.create')
      UNION ALL
      SELECT 'audit event without its annotation', count(*)::int FROM audit_events e
       WHERE e.entity_type = 'annotation' AND NOT EXISTS (SELECT FROM annotations a WHERE a.id = e.entity_id)
      UNION ALL
      SELECT 'comment without its audit event', count(*)::int FROM comments c
       WHERE NOT EXISTS (SELECT FROM audit_events e WHERE e.entity_id = c.id)
      UNION ALL
      SELECT 'audit event without its comment', count(*)::int FROM audit_events e
       WHERE e.entity_type = 'comment' AND NOT EXISTS (SELECT FROM comments c WHERE c.id = e.entity_id)
      UNION ALL
      SELECT 'team without its owner', count(*)::int FROM teams t
       WHERE NOT EXISTS (SELECT FROM memberships m WHERE m.team_id = t.id)
      UNION ALL
      SELECT 'team without its audit event', count(*)::int FROM teams t
       WHERE t.name LIKE 'T%' AND NOT EXISTS (SELECT FROM audit_events e WHERE e.entity_id = t.id)
      UNION ALL
      SELECT 'audit event without its team', count(*)::int FROM audit_events e
       WHERE e.entity_type = 'team' AND NOT EXISTS (SELECT FROM teams t WHERE t.id = e.entity_id)`);
    expect(orphans.rows.filter((row) => row.n > 0)).toEqual([]);
    if (hasQueue) {
      const { rows } = await target.query<{ teams: number; jobs: number }>(`
        SELECT (SELECT count(*)::int FROM teams WHERE name LIKE 'T%') AS teams,
               (SELECT count(*)::int FROM graphile_worker.jobs WHERE task_identifier = 'welcome') AS jobs`);
      expect(rows[0]!.jobs).toBe(rows[0]!.teams);
    }
  });

  it('brings every row back identical, in every column of every table', async () => {
    const tables = await readTables(source);
    expect(await readTables(target)).toEqual(tables);
    for (const table of tables) {
      const restored = await rowsOf(target, table);
      const now = new Set(await rowsOf(source, table));
      // The burst only inserts, so each restored row is still in the source exactly as it was…
      expect({ table, missing: restored.filter((r) => !now.has(r)) }).toEqual({
        table,
        missing: [],
      });
      // …and every row that existed before the burst is back.
      const back = new Set(restored);
      expect({ table, lost: (beforeBurst.get(table) ?? []).filter((r) => !back.has(r)) }).toEqual({
        table,
        lost: [],
      });
      expect(restored.length).toBe(backup.rows[table]);
    }
  });

  it('reads the same through Prisma: dates to the millisecond, JSON, enums, bigint ids', async () => {
    const ids = (await target.query<{ id: string }>('SELECT id::text FROM verdicts')).rows.map(
      (r) => r.id,
    );
    const verdicts = { where: { id: { in: ids } }, orderBy: { id: 'asc' as const } };
    expect(await targetPrisma.verdict.findMany(verdicts)).toEqual(
      await sourcePrisma.verdict.findMany(verdicts),
    );
    expect(await targetPrisma.publishedVerdict.findMany()).toEqual(
      await sourcePrisma.publishedVerdict.findMany(),
    );
    const events = {
      where: { action: { not: 'padding' } },
      orderBy: { id: 'asc' as const },
      take: 200,
    };
    const restored = await targetPrisma.auditEvent.findMany(events);
    expect(restored[0]!.id).toBeGreaterThan(9007199254740993n);
    expect(restored).toEqual(
      await sourcePrisma.auditEvent.findMany({
        where: { id: { in: restored.map((e) => e.id) } },
        orderBy: { id: 'asc' },
      }),
    );
    const odd = restored.find((e) => e.action === 'odd.values')!;
    expect(odd.at.toISOString()).toBe('1970-01-01T00:00:00.001Z');
    expect(odd.after).toEqual({
      text: 'guillemets " \\ \n\t 🦜 é',
      nested: [null, true, { a: [] }],
    });
  });

  it('FactDesk starts on it: nothing left to migrate, reads and full-text search work', async () => {
    expect(await applyMigrations(targetUrl)).toEqual([]);
    const article = { include: { sentences: { orderBy: { index: 'asc' as const } } } };
    const theirs = await sourcePrisma.article.findMany({ ...article, orderBy: { id: 'asc' } });
    const ours = await targetPrisma.article.findMany({ ...article, orderBy: { id: 'asc' } });
    expect(ours).toEqual(theirs);
    const search = `SELECT id::text FROM sentences
                     WHERE search @@ plainto_tsquery('french', 'projectiles') ORDER BY id`;
    const found = (await target.query(search)).rows;
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual((await source.query(search)).rows);
  });

  it('continues the sequences and runs the triggers again', async () => {
    const { rows: max } = await target.query<{ id: string }>(
      'SELECT max(id)::text AS id FROM audit_events',
    );
    const team = await targetPrisma.team.findFirstOrThrow();
    const event = await targetPrisma.auditEvent.create({
      data: {
        teamId: team.id,
        action: 'after.restore',
        entityType: 'team',
        entityId: team.id,
      },
    });
    expect(event.id).toBeGreaterThan(BigInt(max[0]!.id));
    const sentence = await targetPrisma.sentence.findFirstOrThrow({ where: { index: 0 } });
    await target.query(
      `INSERT INTO sentences (id, article_id, index, start, "end", kind, text)
       VALUES (gen_random_uuid(), $1, 100000, 0, 5, 'sentence', 'Les projectiles.')`,
      [sentence.articleId],
    );
    const { rows } = await target.query<{ search: string | null }>(
      'SELECT search::text FROM sentences WHERE index = 100000',
    );
    expect(rows[0]!.search).toContain('projectil');
    if (hasQueue) {
      const { rows: jobs } = await target.query<{ id: string; last: string }>(
        `SELECT (graphile_worker.add_job('after-restore', '{}')).id::text AS id,
                (SELECT max(id)::text FROM graphile_worker.jobs WHERE task_identifier <> 'after-restore') AS last`,
      );
      expect(BigInt(jobs[0]!.id)).toBeGreaterThan(BigInt(jobs[0]!.last));
    }
  });

  it('refuses to restore into a database that is not empty', async () => {
    for (const url of [targetUrl, sourceUrl]) {
      await expect(restoreDatabase(url, file)).rejects.toThrow(/not empty/);
    }
    const { rows } = await target.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'after.restore'",
    );
    expect(rows[0]!.n).toBe(1);
  });
});
