// My access tokens that are not revoked (expired ones included, marked so), newest first.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import type { tokenDto } from '@/lib/validations/dto/account';
import { serializeToken, tokenSelect } from './serialize';

export async function listTokens(options: {
  userId: string;
}): Promise<z.output<typeof tokenDto>[]> {
  const rows = await prisma.apiToken.findMany({
    where: { userId: options.userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: tokenSelect,
  });
  return rows.map(serializeToken);
}
