// Background jobs (scripts/worker.ts beside `next start`, graphile-worker on PostgreSQL):
//  1. the web process's event loop while the heaviest allowed work runs at once: after
//     GET /api/health?reset=1, the largest allowed article (3,000,000 characters, ≈ 29,000
//     sentences and their headings within the 30,000 units), the largest allowed W3C import
//     onto the big article (5,000 items: half exact quotes of its text, half 2,000-letter
//     random strings that match nothing) are sent together, a correction of the big article
//     (one sentence appended) as soon as both are queued; all three are followed to their end,
//     with GET /api/health every 200 ms
//     (those probes' latency is a figure too); a last GET /api/health gives the timer delays of
//     that window (p99, max). Each job's wall time runs from its request to the moment its
//     event stream said it succeeded.
//  2. the same largest article imported again alone (its own cost, without the other two);
//  3. throughput: 40 article imports of 25,000 characters (just above the synchronous budget)
//     enqueued at once by one member (the bench server lifts the per-member cap, see
//     server.ts), from the first request to the last success; the median latency of one.
//  4. the baseline of the largest import without the app: the same text segmented and scored
//     here (the app's own pure functions), its rows inserted with raw `pg` and the app's SQL in
//     one transaction (article, revision, 2,000-row batches of units scored while the previous
//     one is written, as the app does), rolled back.
// It changes the big article (more highlights, a second version): run.ts runs it last.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { describeRange } from '../../lib/anchoring/describe';
import { segment, type TextUnit } from '../../lib/text/segment';
import { triageUnit } from '../../lib/text/triage';
import {
  ARTICLE_MAX_CHARACTERS,
  ARTICLE_MAX_UNITS,
  IMPORT_MAX_ANNOTATIONS,
  SYNC_IMPORT_MAX_CHARACTERS,
} from '../../lib/validations/limits';
import type { BenchContext } from './context';
import { acceptedJob, followJob, serverTimes, type JobDto } from './follow-job';
import { randomRange } from './highlights';
import type { HttpResponse } from './http';
import { startCpuMeter, treeMemory } from './proc';
import { record } from './results';
import { mulberry32, type Rng } from './rng';
import type { BenchArticle } from './seed';
import { median, summarize } from './stats';
import { filledArticleText, sentence } from './text';

/** Sentences asked of the largest article: with its ≈ 800 headings, just within the units. */
const LARGEST_SENTENCES = 29_000;
const RANDOM_QUOTE_LETTERS = 2000;
const PROBE_EVERY_MS = 200;
const THROUGHPUT_JOBS = 40;
const THROUGHPUT_CHARACTERS = 25_000;
/** Units per multi-row INSERT, as lib/server/articles/create-article.ts does. */
const UNIT_BATCH = 2000;
const LANGUAGE = 'fr';

interface Probe {
  ms: number;
  status: number;
}

interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
}

async function health(ctx: BenchContext, reset = false): Promise<LoopDelay> {
  const body = await ctx.http.json<{ status: string; eventLoopDelay: LoopDelay }>(
    'GET',
    `/api/health${reset ? '?reset=1' : ''}`,
  );
  return body.eventLoopDelay;
}

function randomLetters(rng: Rng, length: number): string {
  let letters = '';
  for (let i = 0; i < length; i++) letters += String.fromCharCode(97 + rng.int(0, 25));
  return letters;
}

/**
 * The largest allowed W3C import: IMPORT_MAX_ANNOTATIONS items alternating an exact quote of
 * `article` (with its prefix and suffix, no position: found by searching the text, the costlier
 * path) and a random letter string that matches nothing (searched in vain, then reported).
 */
function w3cCollection(rng: Rng, article: BenchArticle, origin: string): unknown {
  const source = `${origin}/articles/${article.id}`;
  const items = Array.from({ length: IMPORT_MAX_ANNOTATIONS }, (_, i) => {
    const quote =
      i % 2 === 0
        ? describeRange(article.text, randomRange(rng, article.text, article.units))[0]
        : { type: 'TextQuoteSelector', exact: randomLetters(rng, RANDOM_QUOTE_LETTERS) };
    return {
      type: 'Annotation',
      motivation: 'highlighting',
      target: { source, selector: [quote] },
    };
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Banc : import W3C maximal',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

interface SentJob {
  job: JobDto;
  started: number;
  /** Request → 202. */
  acceptedMs: number;
}

interface JobRun extends SentJob {
  /** Request → the job seen succeeded. */
  wallMs: number;
}

/** Sends a request that must answer 202 and a job. */
async function sendJob(what: string, send: () => Promise<HttpResponse>): Promise<SentJob> {
  const started = performance.now();
  const response = await send();
  return { job: acceptedJob(response, what), started, acceptedMs: performance.now() - started };
}

/** Follows a sent job to its success. */
async function finishJob(ctx: BenchContext, sent: SentJob): Promise<JobRun> {
  const followed = await followJob(ctx.http, ctx.data.owner.cookie, sent.job.id);
  return { ...sent, job: followed.job, wallMs: followed.overAt - sent.started };
}

/** A job's result without its long lists (an import's skipped items: their count is kept). */
function shortResult(result: unknown): unknown {
  if (typeof result !== 'object' || result === null) return result;
  return Object.fromEntries(
    Object.entries(result).map(([key, value]) =>
      Array.isArray(value) ? [key, `${value.length} items`] : [key, value],
    ),
  );
}

function jobDetails(run: JobRun | undefined, extra: Record<string, unknown>) {
  if (!run) return extra;
  return {
    ...extra,
    acceptedMs: run.acceptedMs,
    ...serverTimes(run.job),
    attempts: run.job.attempts,
    result: shortResult(run.job.result),
  };
}

async function measureHeavyJobs(ctx: BenchContext, largest: string): Promise<void> {
  const { http, data } = ctx;
  const cookie = data.owner.cookie;
  const collection = w3cCollection(mulberry32(5000), data.big, ctx.app.origin);
  const current = await http.json<{ version: number; text: string }>(
    'GET',
    `/api/v1/articles/${data.big.id}`,
    { cookie },
  );
  const correction = {
    version: current.version,
    text: `${current.text} ${sentence(mulberry32(17))}`,
    note: 'Banc : une phrase ajoutée.',
  };

  await health(ctx, true);
  const probes: Probe[] = [];
  const failures: string[] = [];
  const pending: Promise<void>[] = [];
  let webRssPeak = 0;
  let workerRssPeak = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const started = performance.now();
    pending.push(
      http.request('GET', '/api/health').then(
        (response) =>
          void probes.push({ ms: performance.now() - started, status: response.status }),
        (error: unknown) => void failures.push(String(error)),
      ),
    );
    // Memory once a second: reading /proc blocks this process, which times the probes.
    if (++ticks % 5 === 0) {
      webRssPeak = Math.max(webRssPeak, treeMemory(ctx.app.child.pid!)?.rssMb ?? 0);
      workerRssPeak = Math.max(workerRssPeak, treeMemory(ctx.worker.child.pid!)?.rssMb ?? 0);
    }
  }, PROBE_EVERY_MS);
  const windowStart = performance.now();
  const cpu = startCpuMeter(ctx);
  const articleSent = sendJob('POST /api/v1/articles (largest)', () =>
    http.request('POST', '/api/v1/articles', {
      cookie,
      json: {
        teamId: data.teamId,
        title: 'Article maximal (banc)',
        text: largest,
        language: LANGUAGE,
      },
    }),
  );
  const w3cSent = sendJob('POST …/annotations/import (largest)', () =>
    http.request('POST', `/api/v1/articles/${data.big.id}/annotations/import`, {
      cookie,
      json: collection,
    }),
  );
  // The correction goes once both imports are queued (≈ 2–3 s later), not in the same instant:
  // a correction running in a worker holds the article FOR UPDATE for its whole transaction,
  // which blocks any INSERT referencing the article (foreign key → FOR KEY SHARE) — a W3C import
  // enqueued after it started waited behind it and failed at the request's 15 s transaction
  // timeout (500) in one run. A fixed order keeps runs comparable.
  const reviseSent = Promise.allSettled([articleSent, w3cSent]).then(() =>
    sendJob('PUT …/text (big article)', () =>
      http.request('PUT', `/api/v1/articles/${data.big.id}/text`, { cookie, json: correction }),
    ),
  );
  const [article, w3c, revise] = await Promise.allSettled(
    [articleSent, w3cSent, reviseSent].map((sent) => sent.then((job) => finishJob(ctx, job))),
  );
  const cpuUsed = cpu.stop();
  clearInterval(timer);
  await Promise.all(pending);
  const windowMs = performance.now() - windowStart;
  const delay = await health(ctx);
  const value = <T>(outcome: PromiseSettledResult<T>) =>
    outcome.status === 'fulfilled' ? outcome.value : undefined;
  const [articleRun, w3cRun, reviseRun] = [value(article), value(w3c), value(revise)];

  const bad = probes.filter((probe) => probe.status !== 200).length;
  const probeMs = probes.map((probe) => probe.ms);
  const window = {
    windowMs,
    cpuSeconds: cpuUsed,
    webRssPeakMb: webRssPeak,
    workerRssPeakMb: workerRssPeak,
  };
  record({
    name: 'jobs.event_loop_delay_p99_ms',
    unit: 'ms',
    value: delay.p99Ms,
    target: 50,
    details: {
      ...delay,
      ...window,
      note: 'how late a 10 ms timer of the web process fired (GET /api/health) while the three heaviest jobs ran',
    },
  });
  record({ name: 'jobs.event_loop_delay_max_ms', unit: 'ms', value: delay.maxMs, details: delay });
  record({
    name: 'jobs.health_probe_max_ms',
    unit: 'ms',
    value: probeMs.length > 0 ? Math.max(...probeMs) : null,
    target: 500,
    details: {
      probes: probeMs.length > 0 ? summarize(probeMs) : null,
      non200: bad,
      failed: failures.slice(0, 5),
      everyMs: PROBE_EVERY_MS,
    },
  });
  record({
    name: 'jobs.largest_article_import_s',
    unit: 's',
    value: articleRun ? articleRun.wallMs / 1000 : null,
    target: 10,
    details: jobDetails(articleRun, {
      characters: largest.length,
      note: 'the largest allowed article imported by a worker, request → succeeded, while the W3C import and the correction ran beside it',
    }),
  });
  record({
    name: 'jobs.largest_w3c_import_s',
    unit: 's',
    value: w3cRun ? w3cRun.wallMs / 1000 : null,
    details: jobDetails(w3cRun, {
      items: IMPORT_MAX_ANNOTATIONS,
      exactQuotes: IMPORT_MAX_ANNOTATIONS / 2,
      randomLetterStrings: IMPORT_MAX_ANNOTATIONS / 2,
      bodyBytes: Buffer.byteLength(JSON.stringify(collection)),
    }),
  });
  record({
    name: 'jobs.big_correction_s',
    unit: 's',
    value: reviseRun ? reviseRun.wallMs / 1000 : null,
    details: jobDetails(reviseRun, {
      fromVersion: correction.version,
      characters: correction.text.length,
      note: 'one sentence appended to the big article (its highlights re-anchored), sent once both imports were queued; waits for a worker slot and for the W3C import, which holds the article',
    }),
  });
  const failed = [article, w3c, revise].filter(
    (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
  );
  if (failed.length > 0) throw failed[0].reason;
}

async function measureThroughput(ctx: BenchContext): Promise<void> {
  const { http, data } = ctx;
  const texts = Array.from({ length: THROUGHPUT_JOBS }, (_, i) =>
    filledArticleText(mulberry32(25_000 + i), {
      characters: THROUGHPUT_CHARACTERS,
      sentences: 165,
      maxUnits: ARTICLE_MAX_UNITS,
    }),
  );
  if (texts.some((text) => text.length <= SYNC_IMPORT_MAX_CHARACTERS)) {
    throw new Error('throughput texts must be above the synchronous import budget');
  }
  const first = performance.now();
  const cpu = startCpuMeter(ctx);
  const runs = await Promise.all(
    texts.map(async (text, i) => {
      const sent = await sendJob(`POST /api/v1/articles (throughput #${i + 1})`, () =>
        http.request('POST', '/api/v1/articles', {
          cookie: data.owner.cookie,
          json: { teamId: data.teamId, title: `Débit ${i + 1}`, text, language: LANGUAGE },
        }),
      );
      return finishJob(ctx, sent);
    }),
  );
  const cpuUsed = cpu.stop();
  const spanMs = Math.max(...runs.map((run) => run.started + run.wallMs)) - first;
  const latencies = runs.map((run) => run.wallMs / 1000);
  const runMs = runs.map((run) => serverTimes(run.job).runMs ?? 0);
  const enqueuedMs = Math.max(...runs.map((run) => run.started + run.acceptedMs)) - first;
  record({
    name: 'jobs.throughput_per_s',
    unit: 'jobs/s',
    value: THROUGHPUT_JOBS / (spanMs / 1000),
    details: {
      jobs: THROUGHPUT_JOBS,
      characters: THROUGHPUT_CHARACTERS,
      spanMs,
      allEnqueuedAfterMs: enqueuedMs,
      workerRunMs: summarize(runMs),
      cpuSeconds: cpuUsed,
      note: 'first request → last job succeeded; one worker process, WORKER_CONCURRENCY 2 (default)',
    },
  });
  record({
    name: 'jobs.throughput_latency_median_s',
    unit: 's',
    value: median(latencies),
    details: { latencyS: summarize(latencies), note: 'request → succeeded, per job' },
  });
}

/** The largest article once more, with nothing else running: the import's own cost. */
async function measureLargestAlone(ctx: BenchContext, largest: string): Promise<void> {
  const cpu = startCpuMeter(ctx);
  const sent = await sendJob('POST /api/v1/articles (largest, alone)', () =>
    ctx.http.request('POST', '/api/v1/articles', {
      cookie: ctx.data.owner.cookie,
      json: {
        teamId: ctx.data.teamId,
        title: 'Article maximal seul (banc)',
        text: largest,
        language: LANGUAGE,
      },
    }),
  );
  const run = await finishJob(ctx, sent);
  record({
    name: 'jobs.largest_article_import_alone_s',
    unit: 's',
    value: run.wallMs / 1000,
    details: jobDetails(run, {
      cpuSeconds: cpu.stop(),
      note: 'the same largest article imported again with no other job running (jobs.largest_article_import_s ran beside the W3C import and the correction)',
    }),
  });
}

/** One batch of scored units, as the app's unitRows gives them. */
function scoreUnits(units: readonly TextUnit[]) {
  return units.map((unit) => {
    const triage = triageUnit(unit, LANGUAGE);
    return {
      index: unit.index,
      start: unit.start,
      end: unit.end,
      kind: unit.kind,
      text: unit.text,
      score: triage.score,
      reasons: triage.reasons,
    };
  });
}

/**
 * The largest import without the app: segmented here, then scored batch by batch while raw `pg`
 * inserts the previous batch — the app's own SQL and overlap (lib/server/articles/
 * create-article.ts: 2,000-row INSERT … SELECT FROM jsonb_to_recordset with the search vector
 * computed in the statement), after the article and its first revision — in one transaction,
 * rolled back.
 */
async function measureRawImport(ctx: BenchContext, largest: string): Promise<void> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    const started = performance.now();
    const units = segment(largest, { language: LANGUAGE });
    const segmented = performance.now();
    let scoreMs = 0;
    await client.query('BEGIN');
    try {
      const { rows: created } = await client.query<{ id: string }>(
        `INSERT INTO articles (id, team_id, title, language, text, created_by_id, updated_at)
         VALUES (gen_random_uuid(), $1, 'Article maximal (brut)', $2, $3, $4, now())
         RETURNING id`,
        [ctx.data.teamId, LANGUAGE, largest, ctx.data.owner.id],
      );
      const articleId = created[0].id;
      await client.query(
        `INSERT INTO article_revisions (id, article_id, version, text, source, created_by_id)
         VALUES (gen_random_uuid(), $1, 1, $2, 'paste', $3)`,
        [articleId, largest, ctx.data.owner.id],
      );
      let inFlight: Promise<unknown> | null = null;
      for (let i = 0; i < units.length; i += UNIT_BATCH) {
        const scoring = performance.now();
        const rows = scoreUnits(units.slice(i, i + UNIT_BATCH));
        scoreMs += performance.now() - scoring;
        await inFlight;
        inFlight = client.query(
          `INSERT INTO sentences (id, article_id, "index", start, "end", kind, text,
                                  checkworthiness, checkworthiness_reasons, search)
           SELECT gen_random_uuid(), $1::uuid, u."index", u.start, u."end", u.kind::"UnitKind",
                  u.text, u.score, ARRAY(SELECT jsonb_array_elements_text(u.reasons)),
                  to_tsvector(a.config, u.text)
             FROM (SELECT factdesk_text_search_config(language) AS config
                     FROM articles WHERE id = $1::uuid) a,
                  jsonb_to_recordset($2::jsonb)
               AS u("index" int, start int, "end" int, kind text, text text, score float8,
                    reasons jsonb)`,
          [articleId, JSON.stringify(rows)],
        );
      }
      await inFlight;
    } finally {
      await client.query('ROLLBACK');
    }
    const inserted = performance.now();
    record({
      name: 'jobs.largest_article_import_raw_s',
      unit: 's',
      value: (inserted - started) / 1000,
      details: {
        segmentMs: segmented - started,
        scoreMs,
        scoreAndInsertMs: inserted - segmented,
        units: units.length,
        note: 'baseline of jobs.largest_article_import_s: the same text segmented and scored in the bench process, article + revision + units inserted with raw pg and the app’s SQL, scoring overlapped with the inserts as the app does, one transaction (rolled back); no HTTP, queue, Prisma or worker',
      },
    });
  } finally {
    await client.end();
  }
}

export async function measureJobs(ctx: BenchContext): Promise<void> {
  const preparing = performance.now();
  const largest = filledArticleText(mulberry32(ARTICLE_MAX_CHARACTERS), {
    characters: ARTICLE_MAX_CHARACTERS,
    sentences: LARGEST_SENTENCES,
    maxUnits: ARTICLE_MAX_UNITS,
  });
  ctx.log(
    `largest article generated (${largest.length} characters) in ${((performance.now() - preparing) / 1000).toFixed(1)} s`,
  );
  // Each part stands alone: a failure in one must not hide the others' figures.
  const parts = [
    () => measureHeavyJobs(ctx, largest),
    () => measureLargestAlone(ctx, largest),
    () => measureThroughput(ctx),
    () => measureRawImport(ctx, largest),
  ];
  const errors: unknown[] = [];
  for (const part of parts) {
    try {
      await part();
    } catch (error) {
      ctx.log(`jobs: ${error instanceof Error ? error.message : String(error)}`);
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
}
