import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { limitCredentialsSignIn } from '@/lib/server/auth/credentials-limits';

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions) as (request: Request, context: Context) => Promise<Response>;

export const GET = handler;

/** Sign-in attempts are throttled (lib/server/auth/credentials-limits.ts); the rest is next-auth. */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join('/') !== 'callback/credentials') return handler(request, context);
  return limitCredentialsSignIn(request, () => handler(request, context));
}
