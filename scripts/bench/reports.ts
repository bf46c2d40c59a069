// Report exports of the article with 2,000 verified (published) sentences — markdown, csv, json,
// claimreview, html, pdf — and the W3C annotation export (GET …/annotations?format=w3c) of the
// big article (20,000 highlights: the report article carries verdicts, not highlights). Per
// format: median total time, whether the answer is streamed (chunked, first byte well before the
// last), and the server's memory (process-group RSS and its high-water mark) around the calls.
import type { BenchContext } from './context';
import { groupMemory } from './proc';
import { record } from './results';
import { median, summarize } from './stats';

interface Format {
  name: string;
  path: (ctx: BenchContext) => string;
  target: number;
  samples: number;
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
  },
];

export async function measureReports(ctx: BenchContext): Promise<void> {
  const pgid = ctx.app.child.pid!;
  const before = groupMemory(pgid);
  let highest = before?.rssMb ?? 0;
  for (const format of FORMATS) {
    const totals: number[] = [];
    const firstBytes: number[] = [];
    let chunked = false;
    let contentLength: string | null = null;
    let bytes = 0;
    let status = 0;
    const memoryBefore = groupMemory(pgid);
    let rssDuring = 0;
    let samples = format.samples;
    for (let i = 0; i < 1 + samples; i++) {
      // Sample memory while the answer is being built (every 20 ms).
      const sampler = setInterval(() => {
        rssDuring = Math.max(rssDuring, groupMemory(pgid)?.rssMb ?? 0);
      }, 20);
      const response = await ctx.http
        .request('GET', format.path(ctx), {
          cookie: ctx.data.owner.cookie,
          headers: { 'accept-encoding': 'identity' },
        })
        .finally(() => clearInterval(sampler));
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
        totals.push(response.ms);
        firstBytes.push(response.firstByteMs);
      } else if (response.ms > 4 * format.target) {
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
      },
    });
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
  const after = groupMemory(pgid);
  record({
    name: 'report.server_rss_growth_mb',
    unit: 'MB',
    value: before ? highest - before.rssMb : null,
    details: {
      before,
      after,
      peakRssDuringReportsMb: highest,
      note: 'highest process-group RSS sampled every 20 ms during the report calls, minus the RSS before them',
    },
  });
}
