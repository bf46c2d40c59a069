// `--profile`, browser side: a Chromium performance trace (devtools.timeline) of one phase of
// the reader, written as <name>.trace.json (open it in Chrome DevTools → Performance) with a
// summary of the renderer main thread beside it (<name>.txt): time per event name (inclusive:
// nested events are counted in their parents too) and the longest occurrence.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

export async function traced<T>(
  browser: Browser,
  page: Page,
  file: string,
  work: () => Promise<T>,
): Promise<T> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'v8.execute'],
  });
  let result: T;
  try {
    result = await work();
  } finally {
    const buffer = await browser.stopTracing();
    writeFileSync(`${file}.trace.json`, buffer);
    writeFileSync(`${file}.txt`, summarizeTrace(buffer.toString('utf8'), path.basename(file)));
  }
  return result;
}

export function summarizeTrace(json: string, title: string, top = 30): string {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const totals = new Map<string, { total: number; max: number; count: number }>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined || !main.has(`${event.pid}:${event.tid}`)) {
      continue;
    }
    const entry = totals.get(event.name) ?? { total: 0, max: 0, count: 0 };
    entry.total += event.dur / 1000;
    entry.max = Math.max(entry.max, event.dur / 1000);
    entry.count += 1;
    totals.set(event.name, entry);
  }
  const rows = [...totals]
    .sort((a, b) => b[1].total - a[1].total)
    .slice(0, top)
    .map(
      ([name, t]) =>
        `${t.total.toFixed(0).padStart(8)} ms total ${t.max.toFixed(0).padStart(7)} ms max ${String(t.count).padStart(6)}×  ${name}`,
    );
  return [`${title}: renderer main thread, inclusive time per event`, ...rows, ''].join('\n');
}
