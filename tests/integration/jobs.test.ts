// Background jobs end to end on a real PostgreSQL and real worker processes (scripts/worker.ts):
// large imports go to a worker and complete; a worker killed with SIGKILL mid-job is replaced and
// the job completes exactly once; failures caused by the input end the job for good; other
// failures are retried; members of other teams never see a job.
import { afterEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { requestArticleImport } from '@/lib/server/articles/create-article';
import { getJob } from '@/lib/server/jobs/get-job';
import { runJob, type JobHandler } from '@/lib/server/jobs/run-job';
import { lockArticleForRevision, requestRevision } from '@/lib/server/articles/revise-article';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { requestAnnotationImport } from '@/lib/server/annotations/request-annotation-import';
import { ARTICLE_MAX_UNITS, SYNC_IMPORT_MAX_CHARACTERS } from '@/lib/validations/limits';
import {
  longArticle,
  startWorker,
  waitForJob,
  type WorkerProcess,
} from '../support/worker-process';
import { makeNewsroom, makeTeam, makeUser } from './fixtures';

// Each test runs its own workers: none may pick up another test's jobs.
const workers: WorkerProcess[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop('SIGKILL')));
});

async function worker(env: Record<string, string> = {}) {
  const started = await startWorker(env);
  workers.push(started);
  return started;
}

describe('background jobs', () => {
  it('imports a large article in a worker: 202 with a job, then the article, exactly once', async () => {
    const room = await makeNewsroom();
    const text = longArticle(400);
    expect(text.length).toBeGreaterThan(SYNC_IMPORT_MAX_CHARACTERS);
    const outcome = await requestArticleImport({
      userId: room.editor.id,
      input: { teamId: room.team.id, text, language: 'fr', title: 'Grand article' },
    });
    expect(outcome.article).toBeUndefined();
    expect(outcome.job).toMatchObject({ kind: 'article_import', status: 'queued', progress: 0 });
    // Nothing is imported before a worker runs it.
    expect(await prisma.article.count({ where: { teamId: room.team.id } })).toBe(1);

    // Another team's member cannot see the job.
    await expect(
      getJob({ userId: room.outsider.id, jobId: outcome.job!.id }),
    ).rejects.toMatchObject({ code: 'not_found' });

    const running = await worker();
    const done = await waitForJob(outcome.job!.id);
    expect(done.status).toBe('succeeded');
    const dto = await getJob({ userId: room.viewer.id, jobId: done.id });
    expect(dto.progress).toBe(1);
    expect(dto.resultUrl).toBe(`/api/v1/articles/${done.articleId}`);
    const article = await prisma.article.findUniqueOrThrow({
      where: { id: done.articleId! },
      include: { _count: { select: { sentences: true } } },
    });
    expect(article.title).toBe('Grand article');
    expect(article._count.sentences).toBeGreaterThanOrEqual(400);
    expect(running.output()).toMatch(/"msg":"job"/);
  }, 60_000);

  it('completes exactly once after the worker is killed with SIGKILL in the middle of a job', async () => {
    const room = await makeNewsroom();
    const text = longArticle(24_000); // ≈ 2.3 M characters: seconds of work
    const { job } = await requestArticleImport({
      userId: room.editor.id,
      input: { teamId: room.team.id, text, language: 'fr', title: 'Tué en route' },
    });
    const first = await worker();
    // Killed while it writes (its final transaction is open) or computes.
    await waitForJob(job!.id, (row) => row.status === 'running' && row.progress >= 0.5, 60_000);
    await first.stop('SIGKILL');
    const afterKill = await prisma.job.findUniqueOrThrow({ where: { id: job!.id } });
    expect(afterKill.status).not.toBe('succeeded');
    expect(await prisma.article.count({ where: { title: 'Tué en route' } })).toBe(0);

    await worker();
    const done = await waitForJob(job!.id, undefined, 90_000);
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toBe(2);
    const articles = await prisma.article.findMany({ where: { title: 'Tué en route' } });
    expect(articles).toHaveLength(1);
    expect(
      await prisma.auditEvent.count({
        where: { action: 'article.create', entityId: articles[0]!.id },
      }),
    ).toBe(1);
    // Whole: every unit of the text, none twice.
    expect(await prisma.sentence.count({ where: { articleId: articles[0]!.id } })).toBe(
      (done.result as { units: number }).units,
    );
  }, 180_000);

  it('queues a body holding a __proto__ key: the validated input is stored, not the raw body', async () => {
    const room = await makeNewsroom();
    // As JSON.parse reads a request body: `__proto__` becomes an own key (fuzzing found a 500).
    const input: unknown = JSON.parse(
      `{"teamId":"${room.team.id}","url":"http://[::1]:1/","author":"AFP","__proto__":null}`,
    );
    const outcome = await requestArticleImport({ userId: room.editor.id, input });
    expect(outcome.job).toMatchObject({ kind: 'article_import', status: 'queued' });
    const row = await prisma.job.findUniqueOrThrow({ where: { id: outcome.job!.id } });
    expect(Object.keys(row.input as object)).not.toContain('__proto__');
    expect(row.input).toMatchObject({ teamId: room.team.id, author: 'AFP' });
    await prisma.job.update({ where: { id: row.id }, data: { status: 'failed' } });
  });

  it('a correction in progress holds up highlights being anchored, not rows that merely reference the article', async () => {
    const room = await makeNewsroom();
    const items = Array.from({ length: 101 }, () => ({
      type: 'Annotation',
      target: {
        selector: { type: 'TextQuoteSelector', exact: room.sentences[0]!.text.slice(0, 10) },
      },
    }));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // A correction's transaction, holding the article's lock as applyRevision does.
    const correction = prisma.$transaction(
      async (tx) => {
        await lockArticleForRevision(tx, room.article.id);
        locked();
        await held;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    // Queuing a large W3C import (a job row referencing the article) does not wait for it
    // (with FOR UPDATE it waited for the whole correction, then timed out: a 500).
    const queued = await Promise.race([
      requestAnnotationImport({
        userId: room.reviewer.id,
        articleId: room.article.id,
        input: items,
      }),
      new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 3_000)),
    ]);
    expect(queued).not.toBe('blocked');
    expect((queued as { job?: unknown }).job).toBeTruthy();
    // A highlight being anchored waits for the correction, then lands.
    let anchored = false;
    const highlight = createAnnotation({
      userId: room.reviewer.id,
      articleId: room.article.id,
      input: {
        selector: [{ type: 'TextQuoteSelector', exact: room.sentences[0]!.text.slice(0, 12) }],
      },
    }).then(() => (anchored = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(anchored).toBe(false);
    release();
    await correction;
    await highlight;
    expect(anchored).toBe(true);
    await prisma.job.updateMany({
      where: { articleId: room.article.id },
      data: { status: 'failed' },
    });
  });

  it('ends a job for good when the input is at fault (one unit over the limit), storing nothing', async () => {
    const room = await makeNewsroom();
    // Short units, so the text is well under the character limit but over the unit limit.
    const text = Array.from({ length: ARTICLE_MAX_UNITS + 1 }, (_, i) => `Ok ${i}.`).join(' ');
    const { job } = await requestArticleImport({
      userId: room.editor.id,
      input: { teamId: room.team.id, text, language: 'fr', title: 'Trop de phrases' },
    });
    await worker();
    const done = await waitForJob(job!.id);
    expect(done.status).toBe('failed');
    expect(done.attempts).toBe(1);
    expect(done.error).toMatchObject({ code: 'payload_too_large' });
    expect(await prisma.article.count({ where: { title: 'Trop de phrases' } })).toBe(0);
  }, 60_000);

  it('retries a transient failure and never applies a succeeded job twice', async () => {
    const user = await makeUser();
    const team = await makeTeam([{ userId: user.id, role: 'owner' }]);
    const row = await prisma.job.create({
      data: { kind: 'report_pdf', teamId: team.id, createdById: user.id, input: {} },
    });
    let calls = 0;
    const flaky: JobHandler = async (ctx) => {
      calls += 1;
      if (calls === 1) throw new Error('connection reset');
      await prisma.$transaction(async (tx) => {
        await ctx.guard(tx);
        await ctx.complete(tx, { result: { calls } });
      });
    };
    const handlers = {
      article_import: flaky,
      article_revise: flaky,
      annotations_import: flaky,
      report_pdf: flaky,
    };
    const meta = { workerId: 'test', processKey: 1, maxAttempts: 3 };
    await expect(runJob(row.id, { ...meta, attempt: 1 }, handlers)).rejects.toThrow('reset');
    expect(await prisma.job.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'queued',
    });
    expect(await runJob(row.id, { ...meta, attempt: 2 }, handlers)).toMatchObject({
      status: 'succeeded',
    });
    // A third delivery of the same job (a duplicate) does nothing.
    expect(await runJob(row.id, { ...meta, attempt: 3 }, handlers)).toMatchObject({
      status: 'skipped',
    });
    expect(calls).toBe(2);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: 'succeeded',
      progress: 1,
      result: { calls: 2 },
    });
  });

  it('runs corrections and large W3C imports as jobs, refusing stale versions up front', async () => {
    const room = await makeNewsroom();
    await expect(
      requestRevision({
        userId: room.editor.id,
        articleId: room.article.id,
        input: { text: 'Nouveau texte. Deux phrases.', version: 99 },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const revision = await requestRevision({
      userId: room.editor.id,
      articleId: room.article.id,
      input: { text: `${room.article.text}\n\nUne phrase ajoutée le 3 mars.`, version: 1 },
    });
    const items = room.sentences.slice(0, 3).flatMap((sentence) =>
      Array.from({ length: 40 }, () => ({
        type: 'Annotation',
        target: {
          selector: [
            { type: 'TextQuoteSelector', exact: sentence.text.slice(0, 12) },
            { type: 'TextPositionSelector', start: sentence.start, end: sentence.start + 12 },
          ],
        },
      })),
    );
    await worker();
    const revised = await waitForJob(revision.id);
    expect(revised.status).toBe('succeeded');
    expect(
      await prisma.article.findUniqueOrThrow({ where: { id: room.article.id } }),
    ).toMatchObject({ version: 2 });
    // The imported highlights anchor on the text as it is now (version 2).
    const imported = await requestAnnotationImport({
      userId: room.reviewer.id,
      articleId: room.article.id,
      input: items,
    });
    expect(imported.job).toMatchObject({ kind: 'annotations_import' });
    const done = await waitForJob(imported.job!.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ imported: 120, skippedCount: 0 });
    expect(await prisma.annotation.count({ where: { articleId: room.article.id } })).toBe(120);
    expect(
      await prisma.auditEvent.count({
        where: { articleId: room.article.id, action: 'annotation.create' },
      }),
    ).toBe(120);
  }, 60_000);
});
