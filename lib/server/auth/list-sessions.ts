// My live sessions, most recently used first, the one asking marked `current`.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import type { sessionDto } from '@/lib/validations/dto/account';

export async function listSessions(options: {
  userId: string;
  currentSessionId: string | null;
}): Promise<z.output<typeof sessionDto>[]> {
  const rows = await prisma.session.findMany({
    where: { userId: options.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true },
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    userAgent: row.userAgent,
    current: row.id === options.currentSessionId,
  }));
}
