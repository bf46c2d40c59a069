// Report exports of the article with 2,000 verified (published) sentences — markdown, csv, json,
// claimreview, html, pdf — and the W3C annotation export (GET …/annotations?format=w3c) of the
// big article (20,000 highlights: the report article carries verdicts, not highlights). Per
// format: median total time, whether the answer is streamed (chunked, first byte well before the
// last), and the server's memory (RSS of its process tree and its high-water mark) around the calls.
// The PDF is rendered by the job-queue worker: its request answers 202 and a job, followed to
// its end, then the file is downloaded from the job's resultUrl; its time runs from the request
// to the PDF's last byte, and it has no "streamed" row (the finished file is sent whole).
// Before the HTTP calls, the HTML report's rendering alone, in this process (html-render.ts).
import { performance } from 'node:perf_hooks';
import type { BenchContext } from './context';
import { acceptedJob, followJob, serverTimes } from './follow-job';
import { benchReport, timeHtmlRender } from './html-render';
import type { HttpResponse } from './http';
import { startCpuMeter, treeMemory } from './proc';
import { record } from './results';
import { median, summarize } from './stats';

interface Format {
  name: string;
  path: (ctx: BenchContext) => string;
  target: number;
  samples: number;
  /** Rendered by a worker: 202, the job followed, then its result downloaded. */
  job?: boolean;
}

const REPORT_FORMATS = ['markdown', 'csv', 'json', 'claimreview', 'html'];

const FORMATS: Format[] = [
  ...REPORT_FORMATS.map((format) => ({
    name: format,
    path: (ctx: BenchContext) => `/api/v1/articles/${ctx.data.report.id}/report?format=${format}`,
    target: 1000,
    samples: 5,
  })),
  {
    name: 'w3c',
    path: (ctx) => `/api/v1/articles/${ctx.data.big.id}/annotations?format=w3c`,
    target: 1000,
    samples: 5,
  },
  {
    name: 'pdf',
    path: (ctx) => `/api/v1/articles/${ctx.data.report.id}/report?format=pdf`,
    target: 5000,
    samples: 3,
    job: true,
  },
];

interface Fetched {
  response: HttpResponse;
  /** From the request to the last byte of the result. */
  ms: number;
  firstByteMs: number;
  /** For a job: how the time splits (request → 202, 202 → seen over, download; server side). */
  parts: Record<string, unknown> | null;
}

const IDENTITY = { 'accept-encoding': 'identity' };

async function fetchReport(ctx: BenchContext, format: Format): Promise<Fetched> {
  const cookie = ctx.data.owner.cookie;
  if (!format.job) {
    const response = await ctx.http.request('GET', format.path(ctx), { cookie, headers: IDENTITY });
    return { response, ms: response.ms, firstByteMs: response.firstByteMs, parts: null };
  }
  const started = performance.now();
  const cpu = startCpuMeter(ctx);
  const accepted = await ctx.http.request('GET', format.path(ctx), { cookie, headers: IDENTITY });
  const acceptedAt = performance.now();
  const job = acceptedJob(accepted, `report ${format.name}`);
  const followed = await followJob(ctx.http, cookie, job.id);
  if (!followed.job.resultUrl) throw new Error(`job ${job.id} succeeded without a resultUrl`);
  const downloadAt = performance.now();
  const response = await ctx.http.request('GET', followed.job.resultUrl, {
    cookie,
    headers: IDENTITY,
  });
  const ms = performance.now() - started;
  return {
    response,
    ms,
    firstByteMs: downloadAt - started + response.firstByteMs,
    parts: {
      acceptedMs: acceptedAt - started,
      followedMs: followed.overAt - acceptedAt,
      downloadMs: response.ms,
      ...serverTimes(followed.job),
      // The worker's group holds Chromium: its CPU time against the wall time says whether
      // the render was computing or waiting.
      cpuSeconds: cpu.stop(),
    },
  };
}

/**
 * The HTML report's rendering alone (React static markup, piece by piece through the streaming
 * writer), in this process: what report.html_ms spends besides the database and the network.
 */
function measureHtmlRender(): void {
  const data = benchReport();
  timeHtmlRender(data); // warm-up: the renderer's loading, JIT, Intl formatters
  const runs = Array.from({ length: 5 }, () => timeHtmlRender(data));
  record({
    name: 'report.html_render_ms',
    unit: 'ms',
    value: median(runs.map((run) => run.totalMs)),
    target: 1000,
    details: {
      claims: data.claims.length,
      firstPieceMs: median(runs.map((run) => run.firstPieceMs)),
      bytes: runs[0].bytes,
      nodeEnv: process.env.NODE_ENV ?? null,
      note: 'in the bench process, no database nor HTTP (scripts/bench/html-render.ts)',
    },
  });
}

export async function measureReports(ctx: BenchContext): Promise<void> {
  measureHtmlRender();
  const webPid = ctx.app.child.pid!;
  const workerPid = ctx.worker.child.pid!;
  const before = treeMemory(webPid);
  let highest = before?.rssMb ?? 0;
  for (const format of FORMATS) {
    const totals: number[] = [];
    const firstBytes: number[] = [];
    const parts: Record<string, unknown>[] = [];
    let chunked = false;
    let contentLength: string | null = null;
    let bytes = 0;
    let status = 0;
    const memoryBefore = treeMemory(webPid);
    let rssDuring = 0;
    let workerRssDuring = 0;
    let samples = format.samples;
    for (let i = 0; i < 1 + samples; i++) {
      // Sample memory while the answer is being built: every 20 ms, or 200 ms for a render of
      // several seconds (reading /proc takes CPU from the two cores the render needs).
      const sampler = setInterval(
        () => {
          rssDuring = Math.max(rssDuring, treeMemory(webPid)?.rssMb ?? 0);
          if (format.job) {
            workerRssDuring = Math.max(workerRssDuring, treeMemory(workerPid)?.rssMb ?? 0);
          }
        },
        format.job ? 200 : 20,
      );
      const fetched = await fetchReport(ctx, format).finally(() => clearInterval(sampler));
      const { response } = fetched;
      status = response.status;
      if (status !== 200) {
        throw new Error(
          `report ${format.name} answered ${status}: ${response.body.toString().slice(0, 200)}`,
        );
      }
      const encoding = response.headers['transfer-encoding'];
      chunked = typeof encoding === 'string' && encoding.includes('chunked');
      const length = response.headers['content-length'];
      contentLength = typeof length === 'string' ? length : null;
      bytes = response.body.length;
      if (i > 0) {
        totals.push(fetched.ms);
        firstBytes.push(fetched.firstByteMs);
        if (fetched.parts) parts.push(fetched.parts);
      } else if (fetched.ms > 4 * format.target) {
        samples = 1; // far off target (the PDF): one measured call says enough
      }
    }
    highest = Math.max(highest, rssDuring);
    const total = median(totals);
    const firstByte = median(firstBytes);
    // Streamed: sent in chunks without a length known up front, the first byte out while the
    // rest is still being produced (before half of the total time).
    const streamed = chunked && contentLength === null && firstByte < total / 2;
    record({
      name: `report.${format.name}_ms`,
      unit: 'ms',
      value: total,
      target: format.target,
      details: {
        total: summarize(totals),
        firstByte: summarize(firstBytes),
        bytes,
        status,
        rssBeforeMb: memoryBefore?.rssMb ?? null,
        rssPeakDuringMb: rssDuring || null,
        ...(format.job
          ? {
              renderedBy:
                'the job-queue worker (202 → job followed on its event stream → GET resultUrl); time from the request to the last byte of the file',
              parts,
              workerRssPeakDuringMb: workerRssDuring || null,
            }
          : {}),
      },
    });
    if (format.job) continue; // a finished file, sent whole with its length: nothing to stream
    record({
      name: `report.${format.name}.streamed`,
      unit: 'bool',
      value: streamed ? 1 : 0,
      target: 1,
      direction: 'min',
      details: {
        transferEncoding: chunked ? 'chunked' : null,
        contentLength,
        firstByteMs: firstByte,
        totalMs: total,
      },
    });
  }
  const after = treeMemory(webPid);
  record({
    name: 'report.server_rss_growth_mb',
    unit: 'MB',
    value: before ? highest - before.rssMb : null,
    details: {
      before,
      after,
      peakRssDuringReportsMb: highest,
      note: 'highest RSS of the next start process tree sampled every 20 ms during the report calls, minus the RSS before them (the PDF is rendered in the worker: see report.pdf_ms details)',
    },
  });
}
