// Idempotent writes. A client sends `Idempotency-Key: <random>` with a write; the key is
// claimed inside the write's own transaction (by recordAudit, which every team write calls),
// so the write and its key commit together or not at all. A replay of the same key — a retry
// after a lost answer, the offline queue replaying, a double click — finds the key taken: its
// transaction rolls back and the first answer is sent again. Nothing is ever applied twice.
// A key is bound to its request (method, path and a SHA-256 of the body): the same key with a
// different body is a client bug and answered 422 `idempotency_key_reused`, never "replayed".
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Tx } from '@/lib/db';
import { prisma } from '@/lib/db';
import { Prisma } from '@/generated/prisma/client';
import { currentLocale } from '@/lib/i18n/current-locale';
import { AppError, errorText } from '@/lib/server/errors';

interface IdempotencyContext {
  key: string;
  method: string;
  path: string;
  /** SHA-256 (hex) of the request body. */
  requestHash: string;
  /** Top-level answer fields never kept for replays (a secret shown once). */
  omit: string[];
  /** Set once a transaction claimed the key for this user. */
  claimedBy: string | null;
  /** Set when the key turned out to be taken already. */
  replayOf: string | null;
}

const storage = new AsyncLocalStorage<IdempotencyContext>();
const KEY_PATTERN = /^[A-Za-z0-9_:.-]{8,200}$/;
const KEEP_HOURS = 24;

/** Thrown inside the write's transaction when its key was used before (rolls it back). */
export class IdempotentReplay extends Error {}

export function parseIdempotencyKey(value: string | null): string | null {
  if (value === null) return null;
  if (!KEY_PATTERN.test(value)) {
    throw new AppError('validation_failed', 'invalidIdempotencyKey');
  }
  return value;
}

/** Runs a write with its key available to claimIdempotencyKey (called by recordAudit). */
export function runWithIdempotencyKey<T>(
  context: { key: string; method: string; path: string; requestHash: string },
  run: () => Promise<T>,
): { result: Promise<T>; context: IdempotencyContext } {
  const state: IdempotencyContext = { ...context, omit: [], claimedBy: null, replayOf: null };
  return { result: storage.run(state, run), context: state };
}

/** Inside a write's transaction: claim this request's key for `userId`, once. */
export async function claimIdempotencyKey(tx: Tx, userId: string | null): Promise<void> {
  const state = storage.getStore();
  if (!state || !userId || state.claimedBy === userId) return;
  const inserted = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO idempotency_keys (user_id, key, method, path, request_hash)
    VALUES (${userId}::uuid, ${state.key}, ${state.method}, ${state.path}, ${state.requestHash})
    ON CONFLICT (user_id, key) DO NOTHING
    RETURNING key`;
  if (inserted.length === 0) {
    state.replayOf = userId;
    throw new IdempotentReplay(state.key);
  }
  state.claimedBy = userId;
}

/** Inside a write: these top-level fields of its answer are not kept for replays. */
export function omitFromReplay(fields: string[]): void {
  storage.getStore()?.omit.push(...fields);
}

function withoutOmitted(state: IdempotencyContext, body: unknown): unknown {
  if (state.omit.length === 0 || body === null || typeof body !== 'object') return body;
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(([key]) => !state.omit.includes(key)),
  );
}

/** After the write committed: keep its answer for replays. */
export async function storeIdempotentAnswer(
  state: IdempotencyContext,
  status: number,
  body: unknown,
): Promise<void> {
  if (!state.claimedBy) return;
  const kept = withoutOmitted(state, body);
  await prisma.idempotencyKey.update({
    where: { userId_key: { userId: state.claimedBy, key: state.key } },
    data: { status, body: kept === undefined ? Prisma.JsonNull : (kept as Prisma.InputJsonValue) },
  });
}

/**
 * The answer to a replayed key: the first answer once stored (waiting a moment if the first
 * request is still finishing), else a plain "already applied".
 */
export async function replayedAnswer(state: IdempotencyContext): Promise<Response> {
  const userId = state.replayOf!;
  for (let attempt = 0; attempt < 20; attempt++) {
    const row = await prisma.idempotencyKey.findUnique({
      where: { userId_key: { userId, key: state.key } },
      select: { status: true, body: true, method: true, path: true, requestHash: true },
    });
    if (row && (row.method !== state.method || row.path !== state.path)) {
      return Response.json(
        {
          error: {
            code: 'conflict',
            message: errorText(currentLocale(), 'idempotencyOtherRequest'),
          },
        },
        { status: 409 },
      );
    }
    // Keys stored before bodies were hashed (request_hash NULL) are taken on trust.
    if (row?.requestHash && row.requestHash !== state.requestHash) {
      return Response.json(
        {
          error: {
            code: 'idempotency_key_reused',
            message: errorText(currentLocale(), 'idempotencyKeyReused'),
          },
        },
        { status: 422 },
      );
    }
    if (row?.status != null) {
      return Response.json(row.body, {
        status: row.status,
        headers: { 'Idempotent-Replayed': 'true' },
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Response.json(
    { replayed: true, message: errorText(currentLocale(), 'alreadySaved') },
    { status: 200, headers: { 'Idempotent-Replayed': 'true' } },
  );
}

/** Keys are kept a day; older ones are forgotten. */
export async function forgetOldIdempotencyKeys(): Promise<number> {
  const { count } = await prisma.idempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - KEEP_HOURS * 3600_000) } },
  });
  return count;
}
