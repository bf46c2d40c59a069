// Personal access tokens for scripts: `Authorization: Bearer fdp_…` acts as their owner on
// /api/v1 routes. The token is shown once at creation; only its SHA-256 is stored. Every token
// expires (its lifetime chosen at creation, a year at most), and only a browser session can
// create one (a token cannot mint tokens: getRequiredSessionUser in the route).
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { claimIdempotencyKey, omitFromReplay } from '@/lib/server/idempotency';
import { LIMITS, spend } from '@/lib/server/rate-limit';
import { newSecret } from '@/lib/server/secrets';
import type { createdTokenDto } from '@/lib/validations/dto/account';
import { createTokenSchema } from '@/lib/validations/token';
import { serializeToken, tokenSelect } from './serialize';

const TOKEN_PREFIX = 'fdp_';

export async function createToken(options: {
  userId: string;
  input: unknown;
}): Promise<z.output<typeof createdTokenDto> & { token: string }> {
  // The secret is always there here; the schema lets an idempotent replay leave it out.
  const { name, expiresInDays } = createTokenSchema.parse(options.input);
  await spend(LIMITS.tokenCreation, options.userId);
  const { token, hash } = newSecret(TOKEN_PREFIX);
  const row = await prisma.$transaction(async (tx) => {
    // A retry with the same Idempotency-Key gets the first token's description, never a second
    // token — and never the secret again: it is shown once and not kept for replays.
    await claimIdempotencyKey(tx, options.userId);
    omitFromReplay(['token']);
    return tx.apiToken.create({
      data: {
        userId: options.userId,
        name,
        tokenHash: hash,
        prefix: token.slice(0, 10),
        expiresAt: new Date(Date.now() + expiresInDays * 24 * 3600_000),
      },
      select: tokenSelect,
    });
  });
  return { ...serializeToken(row), token };
}
