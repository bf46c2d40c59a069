// The reader in headless Chromium (playwright-core, the machine's Chromium, CHROMIUM_ARGS),
// signed in with the owner's session cookie, on the big article (2,000 sentences, 20,000
// highlights):
//  - painted: from navigation start until every highlight id is on a painted <mark>
//    (data-highlight-ids of mark.fd-highlight cover all of them; see components/reader/
//    unit-view.tsx), also when the page is hydrated (React owns [data-article-text]);
//  - highlight: a passage selected with a DOM Range + mouseup on [data-article-text], then a
//    click on « Surligner » (toolbar « Sélection ») until mark.fd-highlight[data-pending="true"]
//    is painted (React writes data-pending="false" on the others, hence the value);
//  - scroll: long tasks (PerformanceObserver 'longtask') while wheel-scrolling end to end.
// Browser-side code is passed as strings: functions compiled by tsx would carry its helpers.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findInstalledChromium } from '../../lib/chromium';
import path from 'node:path';
import type { BenchContext } from './context';
import { sleep } from './context';
import { record } from './results';
import { median, summarize } from './stats';
import { traced } from './trace';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findInstalledChromium(chromium.executablePath());
  if (!executablePath) {
    throw new Error(
      'No Chromium: install the chromium package or set PLAYWRIGHT_CHROMIUM_EXECUTABLE',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export async function signedInContext(
  browser: Browser,
  ctx: BenchContext,
  headers?: Record<string, string>,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: ctx.app.origin,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    ...(headers ? { extraHTTPHeaders: headers } : {}),
  });
  const [name, value] = ctx.data.owner.cookie.split('=', 2) as [string, string];
  await context.addCookies([{ name, value, url: ctx.app.origin }]);
  return context;
}

/** Installed before the page's own scripts; state in window.__fdBench. */
function trackerScript(expected: number): string {
  return `(() => {
  const expected = ${expected};
  const state = { paintedAt: null, hydratedAt: null, fcp: null, markCount: 0, distinctIds: 0,
    checks: 0, longTasks: [] };
  Object.defineProperty(window, '__fdBench', { value: state });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') state.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {}
  const marks = document.getElementsByTagName('mark');
  let lastCount = -1, countSince = 0, checkedCount = -1;
  function tick(now) {
    if (state.paintedAt === null && expected === 0) {
      if (document.querySelector('[data-article-text]')) state.paintedAt = now;
    } else if (state.paintedAt === null) {
      const n = marks.length;
      if (n !== lastCount) { lastCount = n; countSince = now; }
      else if (n > 0 && n !== checkedCount) {
        checkedCount = n;
        state.checks++;
        const ids = new Set();
        const list = document.querySelectorAll('mark.fd-highlight[data-highlight-ids]');
        for (let i = 0; i < list.length; i++) {
          const value = list[i].getAttribute('data-highlight-ids');
          if (value) for (const id of value.split(' ')) ids.add(id);
        }
        state.markCount = n;
        state.distinctIds = ids.size;
        if (ids.size >= expected) state.paintedAt = countSince;
      }
    }
    if (state.hydratedAt === null) {
      const root = document.querySelector('[data-article-text]');
      if (root && Object.keys(root).some((k) => k.startsWith('__reactFiber'))) state.hydratedAt = now;
    }
    if (state.paintedAt === null || state.hydratedAt === null) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();`;
}

interface LoadState {
  paintedAt: number;
  hydratedAt: number;
  fcp: number | null;
  markCount: number;
  distinctIds: number;
  checks: number;
  longTasks: [number, number][];
  responseStart: number;
  responseEnd: number;
  domContentLoaded: number;
  htmlEncodedBytes: number;
  htmlDecodedBytes: number;
}

const READ_STATE = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return { ...window.__fdBench, responseStart: nav.responseStart, responseEnd: nav.responseEnd,
    domContentLoaded: nav.domContentLoadedEventEnd, htmlEncodedBytes: nav.encodedBodySize,
    htmlDecodedBytes: nav.decodedBodySize };
})()`;

/**
 * Polls `expression` from Node (page.waitForFunction compiles its predicate with eval, which
 * the app's Content-Security-Policy forbids — rightly; the benchmark does not relax it).
 */
async function pollUntil(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!((await page.evaluate(expression)) as boolean)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await sleep(50);
  }
}

async function openReader(
  context: BrowserContext,
  articleId: string,
  expected: number,
  blank?: Page,
): Promise<{ page: Page; state: LoadState }> {
  const page = blank ?? (await context.newPage());
  await page.addInitScript({ content: trackerScript(expected) });
  await page.goto(`/articles/${articleId}`, { waitUntil: 'commit', timeout: 120_000 });
  await pollUntil(
    page,
    '!!window.__fdBench && window.__fdBench.paintedAt !== null && window.__fdBench.hydratedAt !== null',
    120_000,
  );
  const state = (await page.evaluate(READ_STATE)) as LoadState;
  return { page, state };
}

/** Waits until no long task started during the last `quietMs` (at most `maxMs`). */
async function settle(page: Page, quietMs = 1500, maxMs = 30_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const quiet = (await page.evaluate(`(() => {
      const tasks = window.__fdBench.longTasks;
      const last = tasks.length ? tasks[tasks.length - 1] : [0, 0];
      return performance.now() - (last[0] + last[1]);
    })()`)) as number;
    if (quiet >= quietMs) return;
    await sleep(250);
  }
}

async function expectedHighlights(ctx: BenchContext, articleId: string): Promise<number> {
  const { rows } = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM annotations WHERE article_id = $1 AND anchor_status <> 'orphaned'`,
    [articleId],
  );
  return rows[0].n;
}

const HIGHLIGHT_ONCE = `(async () => {
  const root = document.querySelector('[data-article-text]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  }));
  const spans = Array.from(root.querySelectorAll('.fd-unit[data-kind="sentence"] > span[data-start]'));
  const usable = spans.filter((s) => s.firstChild && s.firstChild.nodeType === 3 && s.firstChild.data.length >= 40);
  const skip = window.__fdHighlightRuns = (window.__fdHighlightRuns || 0) + 1;
  const span = usable[Math.min(usable.length - 1, 40 * skip)];
  if (!span) throw new Error('no unhighlighted passage of 40 characters');
  span.scrollIntoView({ block: 'center' });
  await frame(); await frame();
  const node = span.firstChild;
  const from = node.data.indexOf(' ') + 1;
  let to = node.data.indexOf(' ', from + 15);
  if (to < 0) to = node.data.length;
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  const t0 = performance.now();
  root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, view: window }));
  let toolbar;
  while (!(toolbar = document.querySelector('[role="toolbar"][aria-label="Sélection"]'))) {
    if (performance.now() - t0 > 15000) throw new Error('no selection toolbar');
    await frame();
  }
  const toolbarMs = (await afterPaint()) - t0;
  await frame(); await frame();
  const button = Array.from(toolbar.querySelectorAll('button')).find((b) => b.textContent.trim() === 'Surligner');
  if (!button) throw new Error('no « Surligner » button');
  const pending = () => document.querySelector('mark.fd-highlight[data-pending="true"]');
  if (pending()) throw new Error('a highlight is already pending');
  let seenAt = null;
  const observer = new MutationObserver(() => { if (seenAt === null && pending()) seenAt = performance.now(); });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-pending'] });
  const t1 = performance.now();
  button.click();
  if (seenAt === null && pending()) seenAt = performance.now();
  while (seenAt === null) {
    if (performance.now() - t1 > 15000) throw new Error('the pending highlight never appeared');
    await frame();
  }
  observer.disconnect();
  const paintedMs = (await afterPaint()) - t1;
  const domMs = seenAt - t1;
  const saved = performance.now();
  while (pending()) {
    if (performance.now() - saved > 30000) throw new Error('the highlight was never saved');
    await frame();
  }
  return { toolbarMs, paintedMs, domMs, savedMs: performance.now() - t1 };
})()`;

interface HighlightRun {
  toolbarMs: number;
  paintedMs: number;
  domMs: number;
  savedMs: number;
}

async function highlightRuns(page: Page, runs: number): Promise<HighlightRun[]> {
  const results: HighlightRun[] = [];
  for (let i = 0; i < runs + 1; i++) {
    // The reader refetches every highlight when the live stream announces the new one (its own
    // included): let that finish before the next run, or the runs would measure each other.
    const refetched = page
      .waitForResponse(
        (response) =>
          response.request().method() === 'GET' && /\/annotations(\?|$)/.test(response.url()),
        { timeout: 30_000 },
      )
      .then((response) => response.finished())
      .catch(() => null);
    const run = (await page.evaluate(HIGHLIGHT_ONCE)) as HighlightRun;
    if (i > 0) results.push(run); // the first one warms up
    await refetched;
    await settle(page, 1000, 20_000);
  }
  return results;
}

const START_LONG_TASKS = `(() => {
  window.__fdScrollTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__fdScrollTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  window.scrollTo(0, 0);
})()`;

async function scrollEndToEnd(page: Page): Promise<{ steps: number; height: number }> {
  await page.mouse.move(420, 450);
  let steps = 0;
  for (; steps < 2000; steps++) {
    await page.mouse.wheel(0, 800);
    const done = (await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() =>
      requestAnimationFrame(() => resolve(scrollY + innerHeight >= document.documentElement.scrollHeight - 2))))`)) as boolean;
    if (done) break;
  }
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  return { steps: steps + 1, height };
}

const LOADS = 3;
const HIGHLIGHT_RUNS = 5;

/** `traceDir`: when set (--profile), Chromium traces of one load and of the scroll go there. */
export async function measureReader(
  ctx: BenchContext,
  browser: Browser,
  traceDir?: string,
): Promise<void> {
  const phase = <T>(page: Page, name: string, work: () => Promise<T>): Promise<T> =>
    traceDir ? traced(browser, page, path.join(traceDir, name), work) : work();
  const big = ctx.data.big;
  const expected = await expectedHighlights(ctx, big.id);
  // Server warm-up: one render of the page over plain HTTP (the browser runs are all measured).
  const warm = await ctx.http.request('GET', `/articles/${big.id}`, {
    cookie: ctx.data.owner.cookie,
  });
  if (warm.status !== 200) throw new Error(`GET /articles/${big.id} answered ${warm.status}`);
  const loads: LoadState[] = [];
  let lastPage: Page | undefined;
  let lastContext: BrowserContext | undefined;
  for (let i = 0; i < LOADS; i++) {
    await lastContext?.close();
    lastContext = await signedInContext(browser, ctx);
    const context = lastContext;
    const { page, state } =
      i === 0 && traceDir
        ? await (async () => {
            const blank = await context.newPage();
            return phase(blank, 'ui-load', () => openReader(context, big.id, expected, blank));
          })()
        : await openReader(context, big.id, expected);
    lastPage = page;
    loads.push(state);
  }
  const longest = (state: LoadState) => Math.max(0, ...state.longTasks.map(([, d]) => d));
  record({
    name: 'ui.big_article.painted_ms',
    unit: 'ms',
    value: median(loads.map((s) => s.paintedAt)),
    target: 1500,
    details: {
      expectedHighlights: expected,
      runs: loads.map((s) => ({
        paintedAt: s.paintedAt,
        hydratedAt: s.hydratedAt,
        fcp: s.fcp,
        responseStart: s.responseStart,
        responseEnd: s.responseEnd,
        domContentLoaded: s.domContentLoaded,
        htmlEncodedBytes: s.htmlEncodedBytes,
        htmlDecodedBytes: s.htmlDecodedBytes,
        marks: s.markCount,
        distinctIds: s.distinctIds,
        longestTaskMs: longest(s),
        longTasksOver200ms: s.longTasks
          .filter(([, d]) => d > 200)
          .map(([start, d]) => [Math.round(start), Math.round(d)]),
      })),
    },
  });
  record({
    name: 'ui.big_article.hydrated_ms',
    unit: 'ms',
    value: median(loads.map((s) => s.hydratedAt)),
    details: { longestLoadTaskMs: loads.map(longest) },
  });

  // Highlighting on the big article, on the page just loaded.
  const page = lastPage!;
  await settle(page);
  const runs = await highlightRuns(page, HIGHLIGHT_RUNS);
  if (traceDir) await phase(page, 'ui-highlight', () => highlightRuns(page, 0));
  record({
    name: 'ui.highlight.painted_ms',
    unit: 'ms',
    value: median(runs.map((r) => r.paintedMs)),
    target: 100,
    details: {
      article: `${big.sentences.length} sentences, ${expected} highlights`,
      painted: summarize(runs.map((r) => r.paintedMs)),
      domUpdated: summarize(runs.map((r) => r.domMs)),
      toolbarAfterMouseUp: summarize(runs.map((r) => r.toolbarMs)),
      savedByServer: summarize(runs.map((r) => r.savedMs)),
    },
  });
  record({
    name: 'ui.selection.toolbar_ms',
    unit: 'ms',
    value: median(runs.map((r) => r.toolbarMs)),
    details: { note: 'mouseup on a selection → toolbar painted, big article' },
  });

  // Scrolling the big article end to end, on the same page once quiet again.
  await settle(page);
  await page.evaluate(START_LONG_TASKS);
  const started = Date.now();
  const scrolled = await phase(page, 'ui-scroll', () => scrollEndToEnd(page));
  await sleep(1000);
  const tasks = (await page.evaluate('window.__fdScrollTasks')) as [number, number][];
  const durations = tasks.map(([, d]) => d);
  record({
    name: 'ui.scroll.long_tasks_max_ms',
    unit: 'ms',
    value: Math.max(0, ...durations),
    target: 50,
    details: {
      ...scrolled,
      scrollMs: Date.now() - started,
      tasks: tasks.map(([start, d]) => [Math.round(start), Math.round(d)]),
    },
  });
  record({
    name: 'ui.scroll.long_tasks_count',
    unit: 'count',
    value: tasks.length,
    details: { over100ms: durations.filter((d) => d > 100).length },
  });
  await lastContext?.close();

  // Highlighting on a normal-sized article, for scale.
  const smallContext = await signedInContext(browser, ctx);
  try {
    const small = ctx.data.small;
    const { page: smallPage } = await openReader(smallContext, small.id, 0);
    await settle(smallPage, 500);
    const smallRuns = await highlightRuns(smallPage, HIGHLIGHT_RUNS);
    record({
      name: 'ui.highlight.painted_ms.small_article',
      unit: 'ms',
      value: median(smallRuns.map((r) => r.paintedMs)),
      details: {
        article: `${small.sentences.length} sentences`,
        painted: summarize(smallRuns.map((r) => r.paintedMs)),
        toolbarAfterMouseUp: summarize(smallRuns.map((r) => r.toolbarMs)),
      },
    });
  } finally {
    await smallContext.close();
  }
}
