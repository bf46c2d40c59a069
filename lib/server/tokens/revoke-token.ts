// Revoking one of my access tokens: refused at once on every later request.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { notFound } from '@/lib/server/errors';
import type { revokedDto } from '@/lib/validations/dto/common';

export async function revokeToken(options: {
  userId: string;
  tokenId: string;
}): Promise<z.output<typeof revokedDto>> {
  const revoked = await prisma.apiToken.updateMany({
    where: { id: options.tokenId, userId: options.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count !== 1) throw notFound('token');
  return { id: options.tokenId, revoked: true };
}
