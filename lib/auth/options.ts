// next-auth configuration: e-mail + password (Credentials), JWT sessions in an httpOnly,
// sameSite=lax cookie (secure when served over https). The JWT names a session row
// (lib/server/auth/session-expiry.ts) created at sign-in and revoked at sign-out, which every
// request checks, so a session can be ended before its JWT expires.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { createSession } from '@/lib/server/auth/create-session';
import { revokeSession } from '@/lib/server/auth/revoke-session';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/server/auth/session-expiry';
import { verifyCredentials } from '@/lib/server/users/verify-credentials';

async function userAgent(): Promise<string | null> {
  try {
    return (await headers()).get('user-agent');
  } catch {
    return null; // outside a request
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'FactDesk',
      credentials: {
        email: { label: 'E-mail', type: 'email' },
        password: { label: 'Mot de passe', type: 'password' },
      },
      authorize: (credentials) => verifyCredentials(credentials),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = await createSession({ userId: user.id, userAgent: await userAgent() });
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sub && typeof token.sid === 'string') {
        await revokeSession({ userId: token.sub, sessionId: token.sid }).catch(() => {});
      }
    },
  },
};
