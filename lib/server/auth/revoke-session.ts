// Ending one of my sessions (signing out, or from the security settings).
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { notFound } from '@/lib/server/errors';
import type { revokedDto } from '@/lib/validations/dto/common';

export async function revokeSession(options: {
  userId: string;
  sessionId: string;
}): Promise<z.output<typeof revokedDto>> {
  const { count } = await prisma.session.updateMany({
    where: { id: options.sessionId, userId: options.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count !== 1) throw notFound('session');
  return { id: options.sessionId, revoked: true };
}
