import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { limitCredentialsSignIn } from '@/lib/server/auth/credentials-limits';
import { withRequestLog } from '@/lib/server/log';

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions) as (request: Request, context: Context) => Promise<Response>;

// Each request logged as one JSON line (lib/server/log), like the /api/v1 routes.
export const GET = withRequestLog(handler);

/** Sign-in attempts are throttled (lib/server/auth/credentials-limits.ts); the rest is next-auth. */
export const POST = withRequestLog(async (request: Request, context: Context) => {
  const { nextauth } = await context.params;
  if (nextauth.join('/') !== 'callback/credentials') return handler(request, context);
  return limitCredentialsSignIn(request, () => handler(request, context));
});
