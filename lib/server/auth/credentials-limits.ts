// Sign-in throttling around next-auth's credentials callback: after 10 failed attempts on one
// account, or 50 from one address, within 15 minutes, further attempts get 429 with
// Retry-After (and the sign-in form says how long to wait). Only failures count, so people
// who sign in normally are never slowed down.
import 'server-only';
import { clientAddress, hit, LIMITS, peek } from '@/lib/server/rate-limit';

function refused(request: Request, retryAfter: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  const message = `Trop de tentatives : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
  // `url` keeps next-auth's client (signIn with redirect: false) able to read the outcome.
  return Response.json(
    {
      url: new URL(
        `/sign-in?error=TooManyAttempts&retryAfter=${retryAfter}`,
        request.url,
      ).toString(),
      error: { code: 'rate_limited', message, details: { retryAfter } },
    },
    { status: 429, headers: { 'Retry-After': String(retryAfter) } },
  );
}

function failed(response: Response): boolean {
  return (
    response.status === 401 ||
    (response.headers.get('Location') ?? '').includes('error=CredentialsSignin')
  );
}

export async function limitCredentialsSignIn(
  request: Request,
  signIn: () => Promise<Response>,
): Promise<Response> {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get('email') ?? '').slice(0, 320);
  const address = clientAddress(request.headers);
  const [account, origin] = await Promise.all([
    email ? peek(LIMITS.signInAccount, email) : null,
    peek(LIMITS.signInAddress, address),
  ]);
  const blocked = [account, origin].filter((state) => state?.blocked);
  if (blocked.length > 0) return refused(request, Math.max(...blocked.map((s) => s!.retryAfter)));

  const response = await signIn();
  if (failed(response)) {
    await Promise.all([
      email ? hit(LIMITS.signInAccount, email) : null,
      hit(LIMITS.signInAddress, address),
    ]);
  }
  return response;
}
