// A new password, given the current one (throttled); the account's other sessions end.
import 'server-only';
import bcrypt from 'bcryptjs';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { hit, LIMITS, requireUnder } from '@/lib/server/rate-limit';
import { BCRYPT_COST } from '@/lib/server/users/create-user';
import { changePasswordSchema } from '@/lib/validations/auth';
import type { passwordChangedDto } from '@/lib/validations/dto/account';

/**
 * A new password, given the current one; every other session ends (the one making the change
 * stays signed in). Access tokens are not touched: they are revoked one by one in the settings.
 */
export async function changePassword(options: {
  userId: string;
  currentSessionId: string | null;
  input: unknown;
}): Promise<z.output<typeof passwordChangedDto>> {
  const { currentPassword, newPassword } = changePasswordSchema.parse(options.input);
  await requireUnder(LIMITS.passwordCheck, options.userId);
  const user = await prisma.user.findUnique({
    where: { id: options.userId },
    select: { passwordHash: true },
  });
  if (!user || !(await bcrypt.compare(currentPassword, user.passwordHash))) {
    await hit(LIMITS.passwordCheck, options.userId);
    throw new AppError('invalid_credentials', 'wrongCurrentPassword');
  }
  const passwordHash = await bcrypt.hash(newPassword, BCRYPT_COST);
  const revoked = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: options.userId }, data: { passwordHash } });
    const { count } = await tx.session.updateMany({
      where: {
        userId: options.userId,
        revokedAt: null,
        ...(options.currentSessionId ? { id: { not: options.currentSessionId } } : {}),
      },
      data: { revokedAt: new Date() },
    });
    return count;
  });
  return { changed: true, otherSessionsRevoked: revoked };
}
