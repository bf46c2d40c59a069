// First-load JavaScript of the article page, gzip: what a browser downloads. Turbopack's
// manifests change between Next versions, so the page is loaded in Chromium (Accept-Encoding:
// gzip, fresh cache) and the Resource Timing `encodedBodySize` of every script fetched until
// the load event is summed. Cross-check: the same files from .next/static gzipped here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { ROOT } from '../lib/schema-engine';
import { sleep, type BenchContext } from './context';
import { record } from './results';
import { signedInContext } from './ui';

interface ScriptEntry {
  name: string;
  encoded: number;
  decoded: number;
  transfer: number;
}

const SCRIPTS_UNTIL_LOAD = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return performance.getEntriesByType('resource')
    .filter((e) => (e.initiatorType === 'script' || /\\.js(\\?|$)/.test(e.name)) && e.startTime <= nav.loadEventEnd)
    .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize, transfer: e.transferSize }));
})()`;

export async function measureWeight(ctx: BenchContext, browser: Browser): Promise<void> {
  const context = await signedInContext(browser, ctx, { 'Accept-Encoding': 'gzip' });
  try {
    const page = await context.newPage();
    const encodings = new Map<string, string>();
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) {
        void response
          .allHeaders()
          .then((headers) => encodings.set(response.url(), headers['content-encoding'] ?? 'none'))
          .catch(() => {});
      }
    });
    await page.goto(`/articles/${ctx.data.small.id}`, { waitUntil: 'load' });
    for (let i = 0; i < 300; i++) {
      const loaded = (await page.evaluate(
        "performance.getEntriesByType('navigation')[0].loadEventEnd > 0",
      )) as boolean;
      if (loaded) break;
      await sleep(100);
    }
    const scripts = (await page.evaluate(SCRIPTS_UNTIL_LOAD)) as ScriptEntry[];
    const encoded = scripts.reduce((sum, s) => sum + s.encoded, 0);
    let localGzip = 0;
    let localRaw = 0;
    for (const script of scripts) {
      const pathname = new URL(script.name).pathname;
      const file = path.join(ROOT, '.next', pathname.replace(/^\/_next\//, ''));
      if (!existsSync(file)) continue;
      const content = readFileSync(file);
      localRaw += content.length;
      localGzip += gzipSync(content).length;
    }
    record({
      name: 'weight.article_page_first_load_js_kb',
      unit: 'KB',
      value: encoded / 1024,
      target: 180,
      details: {
        scripts: scripts.length,
        encodedBytes: encoded,
        decodedBytes: scripts.reduce((sum, s) => sum + s.decoded, 0),
        localGzipBytes: localGzip,
        localRawBytes: localRaw,
        contentEncodings: [...new Set(encodings.values())],
        files: scripts
          .map((s) => ({ path: new URL(s.name).pathname, encoded: s.encoded, decoded: s.decoded }))
          .sort((a, b) => b.encoded - a.encoded),
      },
    });
  } finally {
    await context.close();
  }
}
