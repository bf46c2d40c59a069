// For integration tests that call route handlers and pages themselves: who is signed in is
// whatever the test says (`signedIn.userId = …`), read from the real database; the rest of
// lib/server/session is the real module. Use it as
//   vi.mock('@/lib/server/session', async (importOriginal) =>
//     (await import('../support/signed-in')).sessionAs(await importOriginal()));
import type * as Session from '@/lib/server/session';

export const signedIn = { userId: '' };

export async function sessionAs(original: typeof Session): Promise<typeof Session> {
  const { prisma } = await import('@/lib/db');
  const user = async (): Promise<Session.SessionUser> => ({
    ...(await prisma.user.findUniqueOrThrow({
      where: { id: signedIn.userId },
      select: { id: true, email: true, name: true },
    })),
    via: 'session',
    sessionId: null,
  });
  return {
    ...original,
    getCurrentUser: user,
    getRequiredUser: user,
    getRequiredSessionUser: user,
    getPageUser: user,
  };
}
