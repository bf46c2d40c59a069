// In-process cost of the streamed HTML report of 2,000 claims (the bench's report article, same
// shape of data: two sentences of rationale, one or two sources each): time to the first piece
// (header, methodology, summary) and to the last, through the same writer the report route
// streams. It needs no build, database or server, so a change to the renderer can be measured
// alone; the HTTP figures (report.html_ms and report.html.streamed) come from the reports
// section of `npm run bench`. Run with `node --import tsx scripts/bench/html-render.ts`, and
// with `--conditions=react-server` first to measure it as the PDF worker runs it.
import { performance } from 'node:perf_hooks';
import { htmlWriter, RATINGS, reportHead, type ReportClaim, type ReportData } from '@/lib/reports';
import { mulberry32 } from './rng';
import { sentence } from './text';

export const HTML_RENDER_CLAIMS = 2000;

/** The report article of the bench, as its ReportData (deterministic). */
export function benchReport(claims = HTML_RENDER_CLAIMS): ReportData {
  const rng = mulberry32(7);
  const list: ReportClaim[] = Array.from({ length: claims }, (_, index) => ({
    sentenceId: `sen_${index}`,
    index,
    text: sentence(rng),
    rating: rng.pick(RATINGS),
    rationale: `${sentence(rng)} ${sentence(rng)}`,
    reviewer: { name: 'Relectrice Banc' },
    reviewedAt: '2025-03-02T16:00:00.000Z',
    approver: { name: 'Propriétaire Banc' },
    approvedAt: '2025-03-03T10:30:00.000Z',
    resolution: false,
    sources: Array.from({ length: rng.int(1, 2) }, (_, position) => ({
      url: `https://verification.example.org/${index}/${position}`,
      title: sentence(rng).slice(0, 120),
      publisher: 'Insee',
      publishedAt: `2024-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      excerpt: sentence(rng),
    })),
  }));
  return {
    article: {
      id: 'art_bench',
      title: 'Grand article (rapport)',
      language: 'fr',
      sourceUrl: 'https://news.example.fr/grand-article',
      publisher: 'Le Quotidien',
      partial: false,
      sentenceCount: claims,
      version: 1,
    },
    organization: 'Rédaction du banc',
    factCheckUrl: 'http://localhost:3000/articles/art_bench',
    generatedAt: '2025-03-04T09:30:00.000Z',
    claims: list,
    agreement: { alpha: 0.61, percentAgreement: 0.7, ratedSentences: 600, disputed: ['sen_1'] },
    revisions: [{ version: 1, at: '2025-03-01T10:00:00.000Z', by: 'Propriétaire', note: null }],
  };
}

export interface HtmlRenderTimes {
  firstPieceMs: number;
  totalMs: number;
  bytes: number;
}

/** One render of `data` through the streaming writer, piece by piece. */
export function timeHtmlRender(data: ReportData): HtmlRenderTimes {
  const started = performance.now();
  const writer = htmlWriter(reportHead(data));
  let bytes = writer.start().length;
  const firstPieceMs = performance.now() - started;
  for (const claim of data.claims) bytes += writer.item(claim).length;
  bytes += writer.end().length;
  return { firstPieceMs, totalMs: performance.now() - started, bytes };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const data = benchReport();
  timeHtmlRender(data); // warm-up: module loading, JIT, Intl formatters
  const runs = Array.from({ length: 7 }, () => timeHtmlRender(data));
  const result = {
    claims: data.claims.length,
    firstPieceMs: Number(median(runs.map((r) => r.firstPieceMs)).toFixed(2)),
    totalMs: Number(median(runs.map((r) => r.totalMs)).toFixed(1)),
    bytes: runs[0].bytes,
    reactServerCondition: process.execArgv.some((arg) => arg.includes('react-server')),
  };
  console.log(JSON.stringify(result));
}

if (process.argv[1]?.endsWith('html-render.ts')) void main();
