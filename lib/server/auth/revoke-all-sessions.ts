// "Sign out everywhere".
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import type { sessionsRevokedDto } from '@/lib/validations/dto/account';

/** "Sign out everywhere": every session of the user ends (`except` one, when given). */
export async function revokeAllSessions(options: {
  userId: string;
  except?: string | null;
}): Promise<z.output<typeof sessionsRevokedDto>> {
  const { count } = await prisma.session.updateMany({
    where: {
      userId: options.userId,
      revokedAt: null,
      ...(options.except ? { id: { not: options.except } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return { revoked: count };
}
