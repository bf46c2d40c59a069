// Stored access token → API shape (never the secret: only its first characters).
import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import type { tokenDto } from '@/lib/validations/dto/account';

export const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
} as const satisfies Prisma.ApiTokenSelect;

export function serializeToken(
  row: Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>,
): z.output<typeof tokenDto> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt.getTime() <= Date.now(),
  };
}
