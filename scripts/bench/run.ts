// `npm run bench` (not part of `npm test`): builds if needed, starts a throwaway embedded
// PostgreSQL, a production `next start` and a job-queue worker, seeds deterministic data (API +
// SQL, see seed.ts), measures writes, reads, reports, the reader in Chromium, the page weight,
// the start-up time and the background jobs, prints one table and writes
// bench/results/latest.json (+ machine.json; evidence in details.tmp and the server's and the
// worker's output in server-log.tmp and worker-log.tmp, all git-ignored). Stops everything at
// the end, on failure and on SIGINT/SIGTERM.
//
//   npm run bench                      everything (≈ 8 min on 2 cores)
//   npm run bench -- --cold-build      also time a cold `next build` (deletes .next first!)
//   npm run bench -- --only=writes,ui  a subset: queries writes concurrent reads reports
//                                      publication matching ui weight start jobs
//   npm run bench -- --profile         CPU profiles of the server and of the worker per section,
//                                      in bench/results/profiles.tmp/ (<section>.cpuprofile and
//                                      <section>.worker.cpuprofile, each with a .txt summary)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import type { BenchContext } from './context';
import { Http } from './http';
import { measureJobs } from './jobs';
import { ServerProfiler } from './profiler';
import { measureStatementCounts, StatementLog } from './queries';
import { measureBigArticleRead } from './reads';
import { measureMatching } from './matching';
import { measurePublication } from './publication';
import { measureReports } from './reports';
import { allResults, describeMachine, printTable, record, writeResults } from './results';
import { seed } from './seed';
import {
  cleanUp,
  ensureBuild,
  onCleanUp,
  RESULTS_DIR,
  startApp,
  startDatabase,
  startWorker,
} from './server';
import { coldBuild, measureStart } from './start';
import { launchBrowser, measureReader } from './ui';
import { measureWeight } from './weight';
import { measureConcurrentWrites, measureSingleClientWrites } from './writes';

const log = (line: string) => console.log(`[bench] ${line}`);

const SECTIONS = [
  'queries',
  'writes',
  'concurrent',
  'reads',
  'reports',
  'publication',
  'matching',
  'ui',
  'weight',
  'start',
  // Last: it adds highlights and a version to the big article the other sections measure.
  'jobs',
] as const;
type Section = (typeof SECTIONS)[number];

/** The metrics each section records, so a failing section still leaves its rows (null). */
const METRICS: Record<Section, { name: string; unit: string; target: number | null }[]> = {
  queries: [],
  writes: [
    { name: 'write.annotation.median_1client', unit: 'ms', target: 3 },
    { name: 'write.verdict.median_1client', unit: 'ms', target: 3 },
  ],
  concurrent: [
    { name: 'write.concurrent50.p99', unit: 'ms', target: 25 },
    { name: 'write.concurrent50.errors', unit: 'count', target: 0 },
    { name: 'write.concurrent50.lost', unit: 'count', target: 0 },
  ],
  reads: [{ name: 'read.big_article.ratio', unit: 'ms', target: 5 }],
  reports: [
    ...['markdown', 'csv', 'json', 'claimreview', 'html', 'w3c'].flatMap((f) => [
      { name: `report.${f}_ms`, unit: 'ms', target: 1000 },
      { name: `report.${f}.streamed`, unit: 'bool', target: 1 },
    ]),
    { name: 'report.html_render_ms', unit: 'ms', target: 1000 },
    // Rendered by the worker and sent whole once done: no "streamed" row.
    { name: 'report.pdf_ms', unit: 'ms', target: 5000 },
  ],
  publication: [
    { name: 'publication.page_200_claims_median_ms', unit: 'ms', target: 50 },
    { name: 'publication.page_200_claims_held_median_ms', unit: 'ms', target: null },
    { name: 'publication.page_304_median_ms', unit: 'ms', target: null },
  ],
  matching: [
    { name: 'matching.precision_at_1', unit: 'ratio', target: null },
    { name: 'matching.recall_at_5', unit: 'ratio', target: null },
    { name: 'matching.changed_figure_rate', unit: 'ratio', target: 0 },
    { name: 'matching.search_100k_p95_ms', unit: 'ms', target: 50 },
  ],
  ui: [
    { name: 'ui.big_article.painted_ms', unit: 'ms', target: 1500 },
    { name: 'ui.highlight.painted_ms', unit: 'ms', target: 100 },
    { name: 'ui.scroll.long_tasks_max_ms', unit: 'ms', target: 50 },
  ],
  weight: [{ name: 'weight.article_page_first_load_js_kb', unit: 'KB', target: 180 }],
  start: [{ name: 'start.first_200_ms', unit: 'ms', target: 15_000 }],
  jobs: [
    { name: 'jobs.event_loop_delay_p99_ms', unit: 'ms', target: 50 },
    { name: 'jobs.event_loop_delay_max_ms', unit: 'ms', target: null },
    { name: 'jobs.health_probe_max_ms', unit: 'ms', target: 500 },
    { name: 'jobs.largest_article_import_s', unit: 's', target: 10 },
    { name: 'jobs.largest_article_import_alone_s', unit: 's', target: null },
    { name: 'jobs.largest_w3c_import_s', unit: 's', target: null },
    { name: 'jobs.big_correction_s', unit: 's', target: null },
    { name: 'jobs.throughput_per_s', unit: 'jobs/s', target: null },
    { name: 'jobs.throughput_latency_median_s', unit: 's', target: null },
    { name: 'jobs.largest_article_import_raw_s', unit: 's', target: null },
  ],
};

interface Args {
  coldBuild: boolean;
  profile: boolean;
  sections: Set<Section>;
}

function parseArgs(argv: string[]): Args {
  const only = argv.find((arg) => arg.startsWith('--only='));
  const sections = new Set<Section>(
    only
      ? only
          .slice('--only='.length)
          .split(',')
          .map((s) => {
            if (!(SECTIONS as readonly string[]).includes(s))
              throw new Error(`unknown section ${s}`);
            return s as Section;
          })
      : SECTIONS,
  );
  return {
    coldBuild: argv.includes('--cold-build'),
    profile: argv.includes('--profile'),
    sections,
  };
}

const PROFILE_DIR = path.join(RESULTS_DIR, 'profiles.tmp');
let interrupted = false;
/** The server's and the worker's profilers (--profile). */
const profilers: { name: (section: string) => string; profiler: ServerProfiler }[] = [];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping everything…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function section(
  name: Section,
  wanted: Set<Section>,
  work: () => Promise<void>,
): Promise<void> {
  if (!wanted.has(name)) return;
  const started = performance.now();
  log(`${name}…`);
  try {
    for (const p of profilers) await p.profiler.start();
    try {
      await work();
    } finally {
      for (const p of profilers) await p.profiler.stop(p.name(name));
    }
    log(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`[bench] ${name} failed:`, error);
    const done = new Set(allResults().map((r) => r.name));
    for (const metric of METRICS[name]) {
      if (!done.has(metric.name)) {
        record({
          ...metric,
          value: null,
          details: { error: error instanceof Error ? error.message : String(error) },
        });
      }
    }
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const machine = describeMachine(null, null);
  log(
    `${machine.cpu} · ${machine.cores} cores · ${machine.memoryGiB} GiB · Node ${machine.node} · ${machine.date} · load ${machine.loadAverage.end}`,
  );
  if (machine.loadAverage.end > machine.cores * 0.5) {
    log(
      `WARNING: load average ${machine.loadAverage.end} on ${machine.cores} cores: other work is running, results will be noisy`,
    );
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const begin = performance.now();

  if (args.coldBuild) {
    const ms = await coldBuild(log);
    record({
      name: 'build.cold_ms',
      unit: 'ms',
      value: ms,
      details: { note: 'next build after rm -rf .next' },
    });
  } else {
    await ensureBuild(log);
    record({
      name: 'build.cold_ms',
      unit: 'ms',
      value: null,
      details: {
        note: 'not measured: pass --cold-build (deletes .next) to time a cold next build',
      },
    });
  }

  log('starting PostgreSQL, next start and a worker…');
  const statementLog = new StatementLog();
  const database = await startDatabase(statementLog.sink);
  const app = await startApp({ databaseUrl: database.url, inspect: args.profile });
  const worker = await startWorker(app, { inspect: args.profile });
  const inspected = [
    { port: app.inspectPort, name: (section: string) => section },
    { port: worker.inspectPort, name: (section: string) => `${section}.worker` },
  ];
  for (const { port, name } of inspected) {
    if (!port) continue;
    mkdirSync(PROFILE_DIR, { recursive: true });
    const connected = await ServerProfiler.connect(port, PROFILE_DIR);
    onCleanUp('inspector connection', async () => connected.close());
    profilers.push({ name, profiler: connected });
  }
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  onCleanUp('admin connection', () => db.end());
  const http = new Http(app.origin);
  onCleanUp('HTTP pool', () => http.close());
  log(`app on ${app.origin}`);

  const seeding = performance.now();
  const data = await seed({ http, db, secret: app.secret, log });
  log(`seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  const ctx: BenchContext = {
    http,
    db,
    databaseUrl: database.url,
    databaseDir: database.dir,
    app,
    worker,
    data,
    log,
  };

  let browser: Browser | undefined;
  const getBrowser = async () => {
    if (!browser) {
      const launched = await launchBrowser();
      browser = launched;
      onCleanUp('Chromium', () => launched.close());
    }
    return browser;
  };

  await section('queries', args.sections, () => measureStatementCounts(ctx, statementLog));
  await section('writes', args.sections, () => measureSingleClientWrites(ctx));
  await section('concurrent', args.sections, () => measureConcurrentWrites(ctx));
  await section('reads', args.sections, () => measureBigArticleRead(ctx));
  await section('reports', args.sections, () => measureReports(ctx));
  await section('publication', args.sections, () => measurePublication(ctx));
  await section('matching', args.sections, () => measureMatching(ctx));
  await section('ui', args.sections, async () =>
    measureReader(ctx, await getBrowser(), profilers.length > 0 ? PROFILE_DIR : undefined),
  );
  await section('weight', args.sections, async () => measureWeight(ctx, await getBrowser()));
  await section('start', args.sections, () => measureStart(ctx, path.join(database.dir, 'start')));
  await section('jobs', args.sections, () => measureJobs(ctx));

  const { rows } = await db.query<{ version: string }>(
    "SELECT current_setting('server_version') AS version",
  );
  const described = describeMachine(
    browser ? browser.version() : null,
    rows[0]?.version ?? null,
    machine.loadAverage.end,
  );
  console.log('');
  printTable((line) => console.log(line));
  writeResults(RESULTS_DIR, described);
  const failing = allResults().filter((r) => r.pass === false);
  log(
    `${failing.length} target(s) missed${failing.length ? `: ${failing.map((r) => r.name).join(', ')}` : ''}`,
  );
  log(
    `total ${((performance.now() - begin) / 1000).toFixed(0)} s · results in ${path.relative(process.cwd(), RESULTS_DIR)}/latest.json`,
  );
}

main()
  .catch((error: unknown) => {
    console.error('[bench] failed:', error);
    process.exitCode = 1;
  })
  .finally(async () => {
    if (!interrupted) await cleanUp();
  });
