// PDF renders under load, on a real PostgreSQL, a real worker and Debian's Chromium: 16 requests
// at once → at most PDF_QUEUE_MAX accepted (the rest 429 queue_full with Retry-After), at most
// PDF_CONCURRENCY renders at once for the deployment even with more worker slots free, never more
// than one Chromium per worker process; a render that hangs is ended and the next one works.
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findInstalledChromium } from '@/lib/chromium';
import { prisma } from '@/lib/db';
import { requestPdfReport } from '@/lib/server/reports/pdf-report';
import { closePdfRenderer, hasBrowser, renderPdf } from '@/lib/server/reports/render-pdf';
import { startWorker, waitForJob, type WorkerProcess } from '../support/worker-process';
import { makeNewsroom } from './fixtures';

const workers: WorkerProcess[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop('SIGKILL')));
});
afterAll(() => closePdfRenderer());

/** Direct children of `pid` that are a Chromium browser process. */
function chromiumChildren(pid: number): number {
  try {
    const out = execFileSync('ps', ['-o', 'comm=', '--ppid', String(pid)], { encoding: 'utf8' });
    return out.split('\n').filter((name) => /chrom/i.test(name)).length;
  } catch {
    return 0; // no children
  }
}

const hasChromium = findInstalledChromium() !== null;

describe.skipIf(!hasChromium)('PDF renders', () => {
  it('queues 16 simultaneous requests: at most 2 renders at once, the rest later or 429', async () => {
    const room = await makeNewsroom();
    const members = [room.owner, room.editor, room.reviewer, room.reviewer2, room.viewer];
    const answers = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        requestPdfReport({
          userId: members[i % members.length]!.id,
          articleId: room.article.id,
          baseUrl: 'http://localhost:3000',
        }),
      ),
    );
    const accepted = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    const refused = answers.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
    expect(accepted).toHaveLength(10); // PDF_QUEUE_MAX
    expect(refused).toHaveLength(6);
    for (const reason of refused) {
      expect(reason).toMatchObject({ code: 'queue_full', status: 429 });
      expect((reason as { details: { retryAfter: number } }).details.retryAfter).toBeGreaterThan(0);
    }

    // More worker slots than render slots: the queues, not the worker, bound the renders.
    const worker = await startWorker({ WORKER_CONCURRENCY: '4' });
    workers.push(worker);
    let mostChromiums = 0;
    const sampler = setInterval(() => {
      mostChromiums = Math.max(mostChromiums, chromiumChildren(worker.child.pid!));
    }, 100);
    const done = await Promise.all(accepted.map((job) => waitForJob(job.id, undefined, 120_000)));
    clearInterval(sampler);
    expect(done.map((job) => job.status)).toEqual(accepted.map(() => 'succeeded'));
    for (const job of done) {
      expect(Buffer.from(job.file!.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
    // Most renders running at any instant, from the jobs' start and end times.
    const edges = done.flatMap((job) => [
      { at: job.startedAt!.getTime(), delta: 1 },
      { at: job.finishedAt!.getTime(), delta: -1 },
    ]);
    edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let running = 0;
    let most = 0;
    for (const edge of edges) most = Math.max(most, (running += edge.delta));
    expect(most).toBeLessThanOrEqual(2);
    expect(most).toBeGreaterThanOrEqual(1);
    expect(mostChromiums).toBeLessThanOrEqual(1);
    expect(mostChromiums).toBe(1);

    // Once done, the queue takes new requests again.
    const again = await requestPdfReport({
      userId: room.viewer.id,
      articleId: room.article.id,
      baseUrl: 'http://localhost:3000',
    });
    expect(again.status).toBe('queued');
    await prisma.job.update({ where: { id: again.id }, data: { status: 'failed' } });
  }, 180_000);

  it('ends a render that hangs past its timeout; the next render starts a fresh Chromium', async () => {
    const html = '<!doctype html><title>t</title><p>Bonjour</p>';
    await expect(renderPdf(html, { timeoutMs: 1 })).rejects.toThrow(/did not finish/);
    expect(hasBrowser()).toBe(false);
    const pdf = await renderPdf(html);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
