// Upkeep at start: session rows long expired or revoked are deleted.
import 'server-only';
import { prisma } from '@/lib/db';

/** Sessions long expired or revoked (upkeep at start). */
export async function forgetEndedSessions(): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: {
      OR: [
        { expiresAt: { lt: new Date(Date.now() - 24 * 3600_000) } },
        { revokedAt: { lt: new Date(Date.now() - 24 * 3600_000) } },
      ],
    },
  });
  return count;
}
