// The one way to know who is calling: a personal access token (`Authorization: Bearer …`, for
// scripts) or the next-auth session, whose JWT names a session row checked on every request
// (lib/server/auth/get-session-user.ts: a signed-out, revoked or expired session, or a deleted
// account's still-valid JWT, gets nothing). Cached per request with React cache().
import 'server-only';
import { cache } from 'react';
import { getToken } from 'next-auth/jwt';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { NextRequest } from 'next/server';
import { getSessionUser } from '@/lib/server/auth/get-session-user';
import { noteAccountLocale } from '@/lib/i18n/request-locale';
import { AppError } from '@/lib/server/errors';
import { clientAddress, hit, LIMITS, requireUnder } from '@/lib/server/rate-limit';
import { getUserByToken } from '@/lib/server/tokens/get-user-by-token';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** How the caller proved who they are. */
  via: 'session' | 'token';
  /** The browser session's id (null for a token). */
  sessionId: string | null;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const requestHeaders = await headers();
  const authorization = requestHeaders.get('authorization');
  if (authorization !== null) {
    // A script that sends a token means it: a bad token is refused, never a cookie fallback.
    // Guessing tokens is throttled per address (bad tokens counted, 429 over the limit).
    const address = clientAddress(requestHeaders);
    await requireUnder(LIMITS.badToken, address);
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match ? await getUserByToken(match[1]) : null;
    if (!user) {
      await hit(LIMITS.badToken, address);
      return null;
    }
    const { locale, ...who } = user;
    noteAccountLocale(locale);
    return { ...who, via: 'token', sessionId: null };
  }
  // The session JWT read with next-auth's own getToken (decrypted and checked for expiry):
  // the same answer as getServerSession, which in a route handler also runs the whole
  // next-auth request pipeline and re-encodes a cookie it cannot set there (4–5 ms more per
  // request in npm run bench: session floor 17.1 → 12.2 ms).
  const token = await getToken({
    req: new NextRequest('http://factdesk.local', { headers: requestHeaders }),
  });
  const id = token?.sub;
  const sessionId = typeof token?.sid === 'string' ? token.sid : null;
  // A JWT from before sessions were rows (no sid) counts as signed out.
  if (!id || !sessionId) return null;
  const user = await getSessionUser({ sessionId, userId: id });
  if (!user) return null;
  const { locale, ...who } = user;
  // From now on the request's messages follow the account's preference, when it has one.
  noteAccountLocale(locale);
  return { ...who, via: 'session', sessionId };
});

export async function getRequiredUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated', 'signInRequired');
  return user;
}

/**
 * For what only the person at the keyboard may do — minting tokens, changing the password,
 * ending sessions, deleting the account: a browser session, never an access token (a leaked
 * token must not be able to make itself permanent or take the account over).
 */
export async function getRequiredSessionUser(): Promise<SessionUser> {
  const user = await getRequiredUser();
  if (user.via !== 'session') {
    throw new AppError('session_required', 'sessionRequired');
  }
  return user;
}

/**
 * For pages and layouts: the signed-in user, or a redirect to the sign-in page (back to `next`
 * afterwards when given). Layouts and pages render in parallel, so each page checks for itself.
 */
export async function getPageUser(next?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(next ? `/sign-in?callbackUrl=${encodeURIComponent(next)}` : '/sign-in');
  return user;
}
