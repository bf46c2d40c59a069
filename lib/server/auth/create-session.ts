// A session row for a sign-in (its id goes into the next-auth JWT as `sid`).
import 'server-only';
import { prisma } from '@/lib/db';
import { sessionExpiry } from './session-expiry';

export async function createSession(options: { userId: string; userAgent?: string | null }) {
  const row = await prisma.session.create({
    data: {
      userId: options.userId,
      userAgent: (options.userAgent ?? '').slice(0, 200),
      expiresAt: sessionExpiry(),
    },
    select: { id: true },
  });
  return row.id;
}
