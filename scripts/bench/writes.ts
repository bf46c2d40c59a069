// The two writes, measured through the HTTP API against raw `pg` doing the same rows in the same
// transaction shape without the app (the baseline):
//  - highlight: BEGIN; membership check (+ quote check); touched sentences; INSERT annotation;
//    INSERT annotation_sentences; INSERT audit_events; pg_notify; COMMIT
//  - verdict:   BEGIN; membership check; sentence row lock; existing verdict; INSERT (or UPDATE
//    + clear sources); INSERT audit_events; pg_notify; COMMIT
// One client, sequential and interleaved (app, raw, app, raw… so both see the same machine
// state), then 50 concurrent clients (distinct users) mixing both writes for 10 s after a 2 s
// warm-up, followed by a check that every acknowledged write is in the database.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BenchContext } from './context';
import { planHighlight, type PlannedHighlight } from './highlights';
import { record } from './results';
import { mulberry32, type Rng } from './rng';
import type { BenchArticle, BenchUser } from './seed';
import { summarize, type Summary } from './stats';
import { sentence } from './text';

const LIVE_CHANNEL = 'factdesk_events';
const RATINGS = ['true', 'mostly_true', 'misleading', 'false', 'unverifiable', 'not_a_claim'];
const WARM_UP = 20;
const SAMPLES = 200;

const NOTIFY_SQL = `SELECT pg_notify($1, json_build_object(
  'eventId', $2::text, 'articleId', $3::text, 'sentenceId', $4::text, 'type', $5::text,
  'entity', $6::text, 'id', $7::text,
  'actor', (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = $8::uuid)
)::text)`;

async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The highlight write without the app; returns the new annotation's id. */
export async function rawAnnotation(
  client: pg.ClientBase,
  user: BenchUser,
  article: BenchArticle,
  planned: PlannedHighlight,
): Promise<string> {
  const [quote, position] = planned.selector;
  return inTransaction(client, async () => {
    const access = await client.query<{ team_id: string; role: string; quote_ok: boolean }>(
      `SELECT a.team_id, m.role, substr(a.text, $3 + 1, $4) = $5 AS quote_ok
       FROM articles a JOIN memberships m ON m.team_id = a.team_id AND m.user_id = $2
       WHERE a.id = $1`,
      [article.id, user.id, position.start, position.end - position.start, quote.exact],
    );
    const row = access.rows[0];
    if (!row || !row.quote_ok) throw new Error('raw highlight: not a member or quote mismatch');
    const touched = await client.query<{ id: string }>(
      `SELECT id FROM sentences WHERE article_id = $1 AND retired_at IS NULL
         AND start < $3 AND "end" > $2 ORDER BY index`,
      [article.id, position.start, position.end],
    );
    const id = randomUUID();
    await client.query(
      `INSERT INTO annotations (id, article_id, author_id, note, quote_exact, quote_prefix,
         quote_suffix, position_start, position_end, updated_at)
       VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, now())
       RETURNING id, version, created_at, anchor_status`,
      [
        id,
        article.id,
        user.id,
        quote.exact,
        quote.prefix ?? '',
        quote.suffix ?? '',
        position.start,
        position.end,
      ],
    );
    const sentenceIds = touched.rows.map((r) => r.id);
    await client.query(
      `INSERT INTO annotation_sentences (annotation_id, sentence_id)
       SELECT $1, unnest($2::uuid[])`,
      [id, sentenceIds],
    );
    const audit = await client.query<{ id: string }>(
      `INSERT INTO audit_events (team_id, article_id, sentence_id, actor_id, action, entity_type,
         entity_id, after)
       VALUES ($1, $2, $3, $4, 'annotation.create', 'annotation', $5, $6) RETURNING id`,
      [
        row.team_id,
        article.id,
        sentenceIds[0] ?? null,
        user.id,
        id,
        JSON.stringify({ note: null, sentenceIds, selector: planned.selector }),
      ],
    );
    await client.query(NOTIFY_SQL, [
      LIVE_CHANNEL,
      audit.rows[0].id,
      article.id,
      sentenceIds[0] ?? null,
      'annotation.create',
      'annotation',
      id,
      user.id,
    ]);
    return id;
  });
}

/** The verdict write without the app (create, or update of the author's verdict). */
export async function rawVerdict(
  client: pg.ClientBase,
  user: BenchUser,
  sentenceId: string,
  rating: string,
  rationale: string,
): Promise<{ id: string; version: number }> {
  return inTransaction(client, async () => {
    const access = await client.query<{ kind: string; article_id: string; team_id: string }>(
      `SELECT s.kind, s.article_id, a.team_id, m.role
       FROM sentences s JOIN articles a ON a.id = s.article_id
       JOIN memberships m ON m.team_id = a.team_id AND m.user_id = $2
       WHERE s.id = $1`,
      [sentenceId, user.id],
    );
    const context = access.rows[0];
    if (!context || context.kind !== 'sentence') throw new Error('raw verdict: not checkable');
    await client.query('SELECT 1 FROM sentences WHERE id = $1 FOR UPDATE', [sentenceId]);
    const existing = await client.query<{ id: string; version: number }>(
      'SELECT id, version FROM verdicts WHERE sentence_id = $1 AND author_id = $2',
      [sentenceId, user.id],
    );
    let saved: { id: string; version: number };
    if (existing.rows[0]) {
      const updated = await client.query<{ id: string; version: number }>(
        `UPDATE verdicts SET rating = $2::"Rating", rationale = $3, status = 'draft',
           needs_recheck = false, submitted_at = NULL, reviewed_by_id = NULL, reviewed_at = NULL,
           review_note = NULL, version = version + 1, updated_at = now()
         WHERE id = $1 RETURNING id, version`,
        [existing.rows[0].id, rating, rationale],
      );
      await client.query('DELETE FROM sources WHERE verdict_id = $1', [existing.rows[0].id]);
      saved = updated.rows[0];
    } else {
      const inserted = await client.query<{ id: string; version: number }>(
        `INSERT INTO verdicts (id, sentence_id, author_id, rating, rationale, updated_at)
         VALUES ($1, $2, $3, $4::"Rating", $5, now()) RETURNING id, version`,
        [randomUUID(), sentenceId, user.id, rating, rationale],
      );
      saved = inserted.rows[0];
    }
    const audit = await client.query<{ id: string }>(
      `INSERT INTO audit_events (team_id, article_id, sentence_id, actor_id, action, entity_type,
         entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, 'verdict', $6, $7, $8) RETURNING id`,
      [
        context.team_id,
        context.article_id,
        sentenceId,
        user.id,
        existing.rows[0] ? 'verdict.update' : 'verdict.create',
        saved.id,
        existing.rows[0] ? JSON.stringify({ version: existing.rows[0].version }) : null,
        JSON.stringify({ rating, rationale, status: 'draft', sources: [] }),
      ],
    );
    await client.query(NOTIFY_SQL, [
      LIVE_CHANNEL,
      audit.rows[0].id,
      context.article_id,
      sentenceId,
      existing.rows[0] ? 'verdict.update' : 'verdict.create',
      'verdict',
      saved.id,
      user.id,
    ]);
    return saved;
  });
}

function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  return work().then((value) => ({ ms: performance.now() - start, value }));
}

export async function measureSingleClientWrites(ctx: BenchContext): Promise<void> {
  const { http, data } = ctx;
  const article = data.writes;
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    // Highlights.
    const rng = mulberry32(11);
    const app: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const forApp = planHighlight(rng, article.text, article.units);
      const forRaw = planHighlight(rng, article.text, article.units);
      const response = await http.request('POST', `/api/v1/articles/${article.id}/annotations`, {
        cookie: data.owner.cookie,
        json: { selector: forApp.selector, note: null },
      });
      if (response.status !== 201) {
        throw new Error(`POST annotation answered ${response.status}: ${response.body}`);
      }
      const baseline = await time(() => rawAnnotation(client, data.owner, article, forRaw));
      if (i >= WARM_UP) {
        app.push(response.ms);
        raw.push(baseline.ms);
      }
    }
    const appStats = summarize(app);
    const rawStats = summarize(raw);
    record({
      name: 'write.annotation.median_1client',
      unit: 'ms',
      value: appStats.median,
      baseline: rawStats.median,
      target: 3,
      details: { app: appStats, raw: rawStats, article: `${article.sentences.length} sentences` },
    });

    // Verdicts: a first verdict on a distinct sentence each time (owner through the API, the
    // reviewer through raw SQL on the same sentences: no version conflicts).
    const appV: number[] = [];
    const rawV: number[] = [];
    const sentences = article.sentences.slice(0, WARM_UP + SAMPLES);
    if (sentences.length < WARM_UP + SAMPLES) throw new Error('writes article too short');
    for (const [i, unit] of sentences.entries()) {
      const rating = rng.pick(RATINGS);
      const rationale = sentence(rng);
      const response = await http.request('PUT', `/api/v1/sentences/${unit.id}/verdict`, {
        cookie: data.owner.cookie,
        json: { rating, rationale },
      });
      if (response.status !== 200) {
        throw new Error(`PUT verdict answered ${response.status}: ${response.body}`);
      }
      const baseline = await time(() =>
        rawVerdict(client, data.reviewer, unit.id, rating, rationale),
      );
      if (i >= WARM_UP) {
        appV.push(response.ms);
        rawV.push(baseline.ms);
      }
    }
    const appVStats = summarize(appV);
    const rawVStats = summarize(rawV);
    record({
      name: 'write.verdict.median_1client',
      unit: 'ms',
      value: appVStats.median,
      baseline: rawVStats.median,
      target: 3,
      details: { app: appVStats, raw: rawVStats },
    });

    // For reading the ratios: what any API answer costs before a write does anything —
    // Next.js alone (no cookie: 401 without touching the database) and Next.js + session +
    // user + one query (a sentence that does not exist: 404). Recorded, no target.
    const floors: [string, string, string | undefined][] = [
      ['write.floor.framework_401_ms', '/api/v1/me/queue', undefined],
      ['write.floor.session_404_ms', `/api/v1/sentences/${randomUUID()}`, data.owner.cookie],
    ];
    for (const [name, path, cookie] of floors) {
      const times: number[] = [];
      for (let i = 0; i < WARM_UP + SAMPLES; i++) {
        const response = await http.request('GET', path, cookie ? { cookie } : {});
        if (i >= WARM_UP) times.push(response.ms);
      }
      const stats = summarize(times);
      record({ name, unit: 'ms', value: stats.median, details: { path, ...stats } });
    }
  } finally {
    await client.end();
  }
}

interface Sample {
  kind: 'annotation' | 'verdict';
  startedAt: number;
  ms: number;
  ok: boolean;
  status: number;
}

interface Acks {
  annotations: string[];
  /** Verdict id → highest acknowledged version. */
  verdicts: Map<string, number>;
}

type WriteOnce = (
  user: BenchUser,
  rng: Rng,
  versions: Map<string, { id: string; version: number }>,
  kind: Sample['kind'],
  acks: Acks,
) => Promise<{ ok: boolean; status: number }>;

const CLIENTS = 50;
const WARM_UP_MS = 2000;
const MEASURE_MS = 10_000;

async function closedLoop(
  users: BenchUser[],
  writeOnce: WriteOnce,
): Promise<{ samples: Sample[]; acks: Acks; errors: Map<string, number> }> {
  const samples: Sample[] = [];
  const acks: Acks = { annotations: [], verdicts: new Map() };
  const errors = new Map<string, number>();
  const begin = performance.now();
  const end = begin + WARM_UP_MS + MEASURE_MS;
  await Promise.all(
    users.slice(0, CLIENTS).map(async (user, c) => {
      const rng = mulberry32(1000 + c);
      const versions = new Map<string, { id: string; version: number }>();
      for (let k = c % 2; performance.now() < end; k++) {
        const kind = k % 2 === 0 ? 'annotation' : 'verdict';
        const startedAt = performance.now() - begin;
        let outcome: { ok: boolean; status: number };
        try {
          outcome = await writeOnce(user, rng, versions, kind, acks);
        } catch (error) {
          outcome = { ok: false, status: 0 };
          const key = `${kind}: ${error instanceof Error ? error.message.slice(0, 120) : 'error'}`;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
        if (!outcome.ok && outcome.status !== 0) {
          const key = `${kind}: HTTP ${outcome.status}`;
          errors.set(key, (errors.get(key) ?? 0) + 1);
        }
        samples.push({ kind, startedAt, ms: performance.now() - begin - startedAt, ...outcome });
      }
    }),
  );
  return { samples, acks, errors };
}

async function countLost(
  db: pg.Client,
  acks: Acks,
): Promise<{ annotations: number; verdicts: number }> {
  const found = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM annotations WHERE id = ANY($1::uuid[])',
    [acks.annotations],
  );
  const verdicts = await db.query<{ id: string; version: number }>(
    'SELECT id, version FROM verdicts WHERE id = ANY($1::uuid[])',
    [[...acks.verdicts.keys()]],
  );
  const stored = new Map(verdicts.rows.map((row) => [row.id, row.version]));
  let lostVerdicts = 0;
  for (const [id, version] of acks.verdicts) {
    if ((stored.get(id) ?? 0) < version) lostVerdicts += 1;
  }
  return { annotations: acks.annotations.length - found.rows[0].n, verdicts: lostVerdicts };
}

function measured(samples: Sample[]): Sample[] {
  return samples.filter((s) => s.startedAt >= WARM_UP_MS);
}

function latencyOf(samples: Sample[], kind?: Sample['kind']): Summary | null {
  const ms = samples.filter((s) => s.ok && (!kind || s.kind === kind)).map((s) => s.ms);
  return ms.length > 0 ? summarize(ms) : null;
}

export async function measureConcurrentWrites(ctx: BenchContext): Promise<void> {
  const { http, data } = ctx;
  const article = data.writes;
  const ackVerdict = (acks: Acks, id: string, version: number) =>
    acks.verdicts.set(id, Math.max(version, acks.verdicts.get(id) ?? 0));

  const viaApp: WriteOnce = async (user, rng, versions, kind, acks) => {
    if (kind === 'annotation') {
      const planned = planHighlight(rng, article.text, article.units);
      const response = await http.request('POST', `/api/v1/articles/${article.id}/annotations`, {
        cookie: user.cookie,
        json: { selector: planned.selector, note: null },
      });
      if (response.status !== 201) return { ok: false, status: response.status };
      acks.annotations.push((JSON.parse(response.body.toString('utf8')) as { id: string }).id);
      return { ok: true, status: 201 };
    }
    const unit = rng.pick(article.sentences);
    const known = versions.get(unit.id);
    const response = await http.request('PUT', `/api/v1/sentences/${unit.id}/verdict`, {
      cookie: user.cookie,
      json: {
        rating: rng.pick(RATINGS),
        rationale: sentence(rng),
        ...(known ? { version: known.version } : {}),
      },
    });
    const body = JSON.parse(response.body.toString('utf8')) as {
      id?: string;
      version?: number;
      error?: { details?: { current?: { id: string; version: number } } };
    };
    if (response.status !== 200) {
      const current = body.error?.details?.current;
      if (current) versions.set(unit.id, { id: current.id, version: current.version });
      return { ok: false, status: response.status };
    }
    versions.set(unit.id, { id: body.id!, version: body.version! });
    ackVerdict(acks, body.id!, body.version!);
    return { ok: true, status: 200 };
  };

  const app = await closedLoop(data.writers, viaApp);
  const lost = await countLost(ctx.db, app.acks);
  const window = measured(app.samples);
  const all = latencyOf(window);
  const errorCount = app.samples.filter((s) => !s.ok).length;
  const throughput = window.filter((s) => s.ok).length / (MEASURE_MS / 1000);

  // The same load on raw pg (a pool of 10 connections, as the app's pg adapter uses by default).
  const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 10 });
  let rawLatency: Summary | null = null;
  let rawThroughput = 0;
  try {
    const viaRaw: WriteOnce = async (user, rng, _versions, kind, acks) => {
      const client = await pool.connect();
      try {
        if (kind === 'annotation') {
          const planned = planHighlight(rng, article.text, article.units);
          acks.annotations.push(await rawAnnotation(client, user, article, planned));
        } else {
          const unit = rng.pick(article.sentences);
          const saved = await rawVerdict(client, user, unit.id, rng.pick(RATINGS), sentence(rng));
          ackVerdict(acks, saved.id, saved.version);
        }
        return { ok: true, status: 200 };
      } finally {
        client.release();
      }
    };
    const raw = await closedLoop(data.writers, viaRaw);
    const rawWindow = measured(raw.samples);
    rawLatency = latencyOf(rawWindow);
    rawThroughput = rawWindow.filter((s) => s.ok).length / (MEASURE_MS / 1000);
  } finally {
    await pool.end();
  }

  record({
    name: 'write.concurrent50.p99',
    unit: 'ms',
    value: all?.p99 ?? null,
    target: 25,
    details: {
      clients: CLIENTS,
      measureMs: MEASURE_MS,
      warmUpMs: WARM_UP_MS,
      all,
      annotation: latencyOf(window, 'annotation'),
      verdict: latencyOf(window, 'verdict'),
      throughputPerSecond: throughput,
    },
  });
  record({
    name: 'write.concurrent50.errors',
    unit: 'count',
    value: errorCount,
    target: 0,
    details: Object.fromEntries(app.errors),
  });
  record({
    name: 'write.concurrent50.lost',
    unit: 'count',
    value: lost.annotations + lost.verdicts,
    target: 0,
    details: {
      acknowledgedAnnotations: app.acks.annotations.length,
      acknowledgedVerdicts: app.acks.verdicts.size,
      lost,
    },
  });
  record({
    name: 'write.concurrent50.throughput_rps',
    unit: 'req/s',
    value: throughput,
    details: { rawPgThroughputPerSecond: rawThroughput },
  });
  record({
    name: 'write.concurrent50.p99.raw_pg',
    unit: 'ms',
    value: rawLatency?.p99 ?? null,
    details: { raw: rawLatency, throughputPerSecond: rawThroughput },
  });
}
