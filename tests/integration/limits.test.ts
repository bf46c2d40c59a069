// Rate limits and idempotency keys on a real PostgreSQL: counters shared by every instance
// (atomic under concurrency, windows that expire), and keys claimed inside the write's own
// transaction so a replay is never applied twice.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { createComment } from '@/lib/server/comments/create-comment';
import {
  IdempotentReplay,
  runWithIdempotencyKey,
  storeIdempotentAnswer,
  replayedAnswer,
} from '@/lib/server/idempotency';
import { hit, peek, spend } from '@/lib/server/rate-limit';
import { AppError } from '@/lib/server/errors';
import { createToken } from '@/lib/server/tokens/create-token';
import { makeNewsroom } from './fixtures';

describe('rate limits', () => {
  it('counts concurrent attempts exactly and blocks past the limit', async () => {
    const limit = { name: `test-${randomUUID()}`, max: 5, windowSeconds: 60 };
    const states = await Promise.all(Array.from({ length: 20 }, () => hit(limit, 'quelqu’un')));
    expect(states.map((s) => s.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const now = await peek(limit, 'QUELQU’UN '); // keys are case- and space-insensitive
    expect(now).toMatchObject({ hits: 20, blocked: true });
    expect(now.retryAfter).toBeGreaterThan(0);
    expect(now.retryAfter).toBeLessThanOrEqual(60);
    const error = await spend(limit, 'quelqu’un').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('rate_limited');
    expect(await peek(limit, 'quelqu’un d’autre')).toMatchObject({ hits: 0, blocked: false });
  });

  it('starts a new window once the previous one is over', async () => {
    const limit = { name: `test-${randomUUID()}`, max: 2, windowSeconds: 60 };
    await hit(limit, 'x');
    await hit(limit, 'x');
    await prisma.rateLimit.update({
      where: { key: `${limit.name}:x` },
      data: { windowStart: new Date(Date.now() - 61_000) },
    });
    expect(await peek(limit, 'x')).toMatchObject({ hits: 0, blocked: false });
    expect((await hit(limit, 'x')).hits).toBe(1);
  });
});

describe('idempotency keys', () => {
  it('applies a write once: the replay rolls back and gets the first answer', async () => {
    const { reviewer, sentences } = await makeNewsroom();
    const sentence = sentences[0]!;
    const key = `k-${randomUUID()}`;
    const request = {
      key,
      method: 'POST',
      path: `/api/v1/sentences/${sentence.id}/comments`,
      requestHash: 'a'.repeat(64),
    };
    const write = () =>
      createComment({
        userId: reviewer.id,
        sentenceId: sentence.id,
        input: { body: 'Idempotent' },
      });

    const first = runWithIdempotencyKey(request, write);
    const created = await first.result;
    await storeIdempotentAnswer(first.context, 201, created);

    const again = runWithIdempotencyKey(request, write);
    await expect(again.result).rejects.toBeInstanceOf(IdempotentReplay);
    const answer = await replayedAnswer(again.context);
    expect(answer.status).toBe(201);
    expect(answer.headers.get('Idempotent-Replayed')).toBe('true');
    expect(((await answer.json()) as { id: string }).id).toBe(created.id);
    expect(
      await prisma.comment.count({ where: { sentenceId: sentence.id, body: 'Idempotent' } }),
    ).toBe(1);
    // The key row is in the write's transaction: a refused write leaves no key behind.
    const refused = runWithIdempotencyKey({ ...request, key: `k-${randomUUID()}` }, () =>
      createComment({ userId: reviewer.id, sentenceId: sentence.id, input: { body: '  ' } }),
    );
    await expect(refused.result).rejects.toThrow();
    expect(await prisma.idempotencyKey.count({ where: { key: refused.context.key } })).toBe(0);
  });

  it('refuses the same key with another body (422 idempotency_key_reused), nothing written', async () => {
    const { reviewer, sentences } = await makeNewsroom();
    const sentence = sentences[0]!;
    const key = `k-${randomUUID()}`;
    const path = `/api/v1/sentences/${sentence.id}/comments`;
    const write = (body: string) => () =>
      createComment({ userId: reviewer.id, sentenceId: sentence.id, input: { body } });

    const first = runWithIdempotencyKey(
      { key, method: 'POST', path, requestHash: 'a'.repeat(64) },
      write('Premier'),
    );
    await storeIdempotentAnswer(first.context, 201, await first.result);
    const second = runWithIdempotencyKey(
      { key, method: 'POST', path, requestHash: 'b'.repeat(64) },
      write('Second, différent'),
    );
    await expect(second.result).rejects.toBeInstanceOf(IdempotentReplay);
    const answer = await replayedAnswer(second.context);
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe(
      'idempotency_key_reused',
    );
    expect(await prisma.comment.count({ where: { sentenceId: sentence.id } })).toBe(1);
  });

  it('creates one token per key and never keeps its secret for the replay', async () => {
    const { reviewer } = await makeNewsroom();
    const request = {
      key: `k-${randomUUID()}`,
      method: 'POST',
      path: '/api/v1/tokens',
      requestHash: 'c'.repeat(64),
    };
    const write = () => createToken({ userId: reviewer.id, input: { name: 'script' } });
    const first = runWithIdempotencyKey(request, write);
    const created = await first.result;
    expect(created.token).toMatch(/^fdp_/);
    await storeIdempotentAnswer(first.context, 201, created);
    const again = runWithIdempotencyKey(request, write);
    await expect(again.result).rejects.toBeInstanceOf(IdempotentReplay);
    const replay = (await (await replayedAnswer(again.context)).json()) as Record<string, unknown>;
    expect(replay.id).toBe(created.id);
    expect(replay).not.toHaveProperty('token');
    expect(await prisma.apiToken.count({ where: { userId: reviewer.id } })).toBe(1);
    const stored = await prisma.idempotencyKey.findFirstOrThrow({ where: { key: request.key } });
    expect(JSON.stringify(stored.body)).not.toContain(created.token);
  });
});
