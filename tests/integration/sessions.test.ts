// Revocable sessions and expiring tokens (issue 11, finding 5) on a real PostgreSQL: a session
// ends the moment it is revoked (sign-out, sign out everywhere, password change), not when its
// JWT expires; every access token expires and is refused afterwards.
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { prisma } from '@/lib/db';
import { changePassword } from '@/lib/server/auth/change-password';
import { createSession } from '@/lib/server/auth/create-session';
import { getSessionUser } from '@/lib/server/auth/get-session-user';
import { listSessions } from '@/lib/server/auth/list-sessions';
import { revokeAllSessions } from '@/lib/server/auth/revoke-all-sessions';
import { revokeSession } from '@/lib/server/auth/revoke-session';
import { LIMITS } from '@/lib/server/rate-limit';
import { createToken } from '@/lib/server/tokens/create-token';
import { getUserByToken } from '@/lib/server/tokens/get-user-by-token';
import { listTokens } from '@/lib/server/tokens/list-tokens';
import { verifyCredentials } from '@/lib/server/users/verify-credentials';
import { makeUser, TEST_PASSWORD } from './fixtures';

describe('sessions', () => {
  it('a signed-out session is refused at once', async () => {
    const user = await makeUser();
    const sessionId = await createSession({ userId: user.id, userAgent: 'Firefox' });
    expect(await getSessionUser({ sessionId, userId: user.id })).toMatchObject({ id: user.id });
    await revokeSession({ userId: user.id, sessionId });
    expect(await getSessionUser({ sessionId, userId: user.id })).toBeNull();
  });

  it('a session is only its owner’s, and an expired one counts for nothing', async () => {
    const [user, other] = await Promise.all([makeUser(), makeUser()]);
    const sessionId = await createSession({ userId: user.id });
    expect(await getSessionUser({ sessionId, userId: other.id })).toBeNull();
    await expect(revokeSession({ userId: other.id, sessionId })).rejects.toMatchObject({
      code: 'not_found',
    });
    await prisma.session.update({
      where: { id: sessionId },
      data: {
        createdAt: new Date(Date.now() - 2 * 86400_000),
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    expect(await getSessionUser({ sessionId, userId: user.id })).toBeNull();
    expect(await listSessions({ userId: user.id, currentSessionId: null })).toEqual([]);
  });

  it('signing out everywhere ends every session of the account, and no one else’s', async () => {
    const [user, other] = await Promise.all([makeUser(), makeUser()]);
    const ids = await Promise.all([1, 2, 3].map(() => createSession({ userId: user.id })));
    const theirs = await createSession({ userId: other.id });
    expect((await listSessions({ userId: user.id, currentSessionId: ids[0]! })).length).toBe(3);
    expect(await revokeAllSessions({ userId: user.id })).toEqual({ revoked: 3 });
    for (const sessionId of ids) {
      expect(await getSessionUser({ sessionId, userId: user.id })).toBeNull();
    }
    expect(await getSessionUser({ sessionId: theirs, userId: other.id })).not.toBeNull();
  });

  it('a password change needs the current password and ends the other sessions', async () => {
    const user = await makeUser();
    const current = await createSession({ userId: user.id });
    const elsewhere = await createSession({ userId: user.id });
    const change = (currentPassword: string, newPassword: string) =>
      changePassword({
        userId: user.id,
        currentSessionId: current,
        input: { currentPassword, newPassword },
      });

    await expect(change('pas-le-bon', 'un-nouveau-mot-de-passe')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(change(TEST_PASSWORD, 'court')).rejects.toBeInstanceOf(ZodError);
    expect(await getSessionUser({ sessionId: elsewhere, userId: user.id })).not.toBeNull();

    expect(await change(TEST_PASSWORD, 'un-nouveau-mot-de-passe')).toEqual({
      changed: true,
      otherSessionsRevoked: 1,
    });
    expect(await getSessionUser({ sessionId: current, userId: user.id })).not.toBeNull();
    expect(await getSessionUser({ sessionId: elsewhere, userId: user.id })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD })).toBeNull();
    expect(
      await verifyCredentials({ email: user.email, password: 'un-nouveau-mot-de-passe' }),
    ).toMatchObject({ id: user.id });
  });

  it('a stolen session cannot guess the current password: 10 wrong ones, then 429', async () => {
    const user = await makeUser();
    const sessionId = await createSession({ userId: user.id });
    const change = (currentPassword: string) =>
      changePassword({
        userId: user.id,
        currentSessionId: sessionId,
        input: { currentPassword, newPassword: 'un-mot-de-passe-pirate' },
      });
    for (let i = 0; i < LIMITS.passwordCheck.max; i++) {
      await expect(change(`essai-${i}`)).rejects.toMatchObject({ code: 'invalid_credentials' });
    }
    await expect(change(TEST_PASSWORD)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD })).not.toBeNull();
  });
});

describe('access tokens expire', () => {
  it('lives as long as chosen at creation, then is refused; shown with its expiry', async () => {
    const user = await makeUser();
    const created = await createToken({
      userId: user.id,
      input: { name: 'cron', expiresInDays: 7 },
    });
    const days = (new Date(created.expiresAt).getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(await getUserByToken(created.token)).toMatchObject({ id: user.id });
    await prisma.apiToken.update({
      where: { id: created.id },
      data: { expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 86400_000) },
    });
    expect(await getUserByToken(created.token)).toBeNull();
    expect(await listTokens({ userId: user.id })).toEqual([
      expect.objectContaining({ id: created.id, expired: true }),
    ]);
  });

  it('defaults to 90 days and refuses more than a year', async () => {
    const user = await makeUser();
    const created = await createToken({ userId: user.id, input: { name: 'défaut' } });
    expect(Math.round((new Date(created.expiresAt).getTime() - Date.now()) / 86400_000)).toBe(90);
    await expect(
      createToken({ userId: user.id, input: { name: 'éternel', expiresInDays: 366 } }),
    ).rejects.toBeInstanceOf(ZodError);
  });
});
