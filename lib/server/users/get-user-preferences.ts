// The signed-in account's interface language and time zone, read once per request (React
// cache()): lib/i18n/request.ts asks for them on every page render.
import 'server-only';
import { cache } from 'react';
import { prisma } from '@/lib/db';

export interface UserPreferences {
  /** users.locale: null until the account chooses a language. */
  locale: string | null;
  /** users.time_zone: null until the account chooses a zone. */
  timeZone: string | null;
}

export const getUserPreferences = cache(
  async (options: { userId: string }): Promise<UserPreferences | null> => {
    if (!options.userId) return null;
    return prisma.user.findUnique({
      where: { id: options.userId },
      select: { locale: true, timeZone: true },
    });
  },
);
