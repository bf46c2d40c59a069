// The request path's budgets (README "Limits"), on a real PostgreSQL: every limit is checked
// before the work it bounds and refuses with 413/422 storing nothing; the largest allowed article
// and the largest allowed W3C import succeed (in a worker); a new highlight never runs the fuzzy
// search (the hostile import of 2,000-letter random quotes took 0.44 s per item of it).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/db';
import { readJson } from '@/lib/api/respond';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { requestAnnotationImport } from '@/lib/server/annotations/request-annotation-import';
import { requestArticleImport } from '@/lib/server/articles/create-article';
import {
  ARTICLE_MAX_CHARACTERS,
  ARTICLE_MAX_UNITS,
  IMPORT_MAX_ANNOTATIONS,
  IMPORT_MAX_BODY_BYTES,
  MAX_BODY_BYTES,
} from '@/lib/validations/limits';
import {
  longArticle,
  startWorker,
  waitForJob,
  type WorkerProcess,
} from '../support/worker-process';
import { makeNewsroom } from './fixtures';
import { randomLetters } from '../support/random-text';

// Counts the fuzzy matcher's calls (approx-string-match is what the fuzzy step runs).
const fuzzyCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('approx-string-match', async (original) => {
  const actual = await original<typeof import('approx-string-match')>();
  return {
    ...actual,
    default: (...args: Parameters<typeof actual.default>) => {
      fuzzyCalls.count += 1;
      return actual.default(...args);
    },
  };
});

const workers: WorkerProcess[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop('SIGKILL')));
});

function bodyOf(bytes: number, declareLength: boolean): Request {
  const payload = JSON.stringify({ text: 'x'.repeat(Math.max(0, bytes - 11)) });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const encoded = new TextEncoder().encode(payload);
      for (let i = 0; i < encoded.length; i += 65536)
        controller.enqueue(encoded.slice(i, i + 65536));
      controller.close();
    },
  });
  return new Request('http://localhost/api/v1/articles', {
    method: 'POST',
    body: stream,
    // @ts-expect-error -- Node's fetch needs duplex for a stream body (not in the DOM types)
    duplex: 'half',
    headers: declareLength ? { 'content-length': String(payload.length) } : {},
  });
}

describe('budgets of the request path', () => {
  it('refuses bodies one byte over the limit with 413, declared or not', async () => {
    await expect(readJson(bodyOf(MAX_BODY_BYTES, false))).resolves.toBeTruthy();
    for (const declared of [true, false]) {
      await expect(readJson(bodyOf(MAX_BODY_BYTES + 1, declared))).rejects.toMatchObject({
        code: 'payload_too_large',
        status: 413,
      });
      await expect(
        readJson(bodyOf(IMPORT_MAX_BODY_BYTES + 1, declared), { maxBytes: IMPORT_MAX_BODY_BYTES }),
      ).rejects.toMatchObject({ code: 'payload_too_large' });
    }
  });

  it('refuses an article one character over the limit before any work, storing nothing', async () => {
    const room = await makeNewsroom();
    const before = await prisma.job.count();
    await expect(
      requestArticleImport({
        userId: room.editor.id,
        input: { teamId: room.team.id, text: 'a'.repeat(ARTICLE_MAX_CHARACTERS + 1) },
      }),
    ).rejects.toMatchObject({ name: 'ZodError' });
    expect(await prisma.job.count()).toBe(before);
    expect(await prisma.article.count({ where: { teamId: room.team.id } })).toBe(1);
  });

  it('imports the largest allowed article in a worker', async () => {
    const room = await makeNewsroom();
    let text = longArticle(ARTICLE_MAX_UNITS - 100);
    expect(text.length).toBeLessThanOrEqual(ARTICLE_MAX_CHARACTERS);
    text = text.padEnd(ARTICLE_MAX_CHARACTERS - 1, ' ') + '.';
    const { job } = await requestArticleImport({
      userId: room.editor.id,
      input: { teamId: room.team.id, text, language: 'fr', title: 'Le plus grand' },
    });
    workers.push(await startWorker());
    const done = await waitForJob(job!.id, undefined, 120_000);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1 });
    const units = (done.result as { units: number }).units;
    expect(units).toBeGreaterThan(ARTICLE_MAX_UNITS - 200);
    expect(await prisma.sentence.count({ where: { articleId: done.articleId! } })).toBe(units);
  }, 150_000);

  it('imports the largest allowed W3C collection in a worker (random 2,000-letter quotes skipped), refuses one more', async () => {
    const room = await makeNewsroom();
    const article = await prisma.article.findUniqueOrThrow({ where: { id: room.article.id } });
    const sentence = room.sentences.find((s) => s.kind === 'sentence')!;
    const items = Array.from({ length: IMPORT_MAX_ANNOTATIONS }, (_, i) =>
      i % 2 === 0
        ? {
            type: 'Annotation',
            target: {
              selector: {
                type: 'TextQuoteSelector',
                exact: article.text.slice(sentence.start, sentence.start + 10 + (i % 20)),
              },
            },
          }
        : {
            type: 'Annotation',
            target: { selector: { type: 'TextQuoteSelector', exact: randomLetters(2000, i) } },
          },
    );
    await expect(
      requestAnnotationImport({
        userId: room.reviewer.id,
        articleId: room.article.id,
        input: [...items, items[0]],
      }),
    ).rejects.toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(await prisma.job.count({ where: { articleId: room.article.id } })).toBe(0);

    const { job } = await requestAnnotationImport({
      userId: room.reviewer.id,
      articleId: room.article.id,
      input: items,
    });
    workers.push(await startWorker());
    const done = await waitForJob(job!.id, undefined, 120_000);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    expect(done.result).toMatchObject({
      imported: IMPORT_MAX_ANNOTATIONS / 2,
      skippedCount: IMPORT_MAX_ANNOTATIONS / 2,
    });
    expect(await prisma.annotation.count({ where: { articleId: room.article.id } })).toBe(
      IMPORT_MAX_ANNOTATIONS / 2,
    );
  }, 150_000);

  it('anchors a new highlight exactly or refuses it, without a fuzzy search', async () => {
    const room = await makeNewsroom();
    const sentence = room.sentences.find((s) => s.kind === 'sentence')!;
    fuzzyCalls.count = 0;
    // Nearly the text (one letter changed): the fuzzy step would find it; a new highlight may not.
    const nearly = `${sentence.text.slice(0, 20)}#${sentence.text.slice(21, 40)}`;
    await expect(
      createAnnotation({
        userId: room.reviewer.id,
        articleId: room.article.id,
        input: { selector: [{ type: 'TextQuoteSelector', exact: nearly }] },
      }),
    ).rejects.toMatchObject({ code: 'selector_mismatch' });
    const made = await createAnnotation({
      userId: room.reviewer.id,
      articleId: room.article.id,
      input: { selector: [{ type: 'TextQuoteSelector', exact: sentence.text.slice(0, 30) }] },
    });
    expect(made.sentenceIds).toEqual([sentence.id]);
    // The same for an import in the request: random quotes are skipped, not searched for.
    const imported = await requestAnnotationImport({
      userId: room.reviewer.id,
      articleId: room.article.id,
      input: Array.from({ length: 20 }, (_, i) => ({
        type: 'Annotation',
        target: { selector: { type: 'TextQuoteSelector', exact: randomLetters(2000, i + 1) } },
      })).concat({
        type: 'Annotation',
        target: { selector: { type: 'TextQuoteSelector', exact: nearly } },
      }),
    });
    expect(imported.result).toMatchObject({ imported: [] });
    expect(imported.result!.skipped).toHaveLength(21);
    expect(fuzzyCalls.count).toBe(0);
  });
});
