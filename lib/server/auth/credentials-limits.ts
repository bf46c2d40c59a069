// Sign-in throttling around next-auth's credentials callback, after OWASP's device-cookie scheme
// ("Slow Down Online Guessing Attacks with Device Cookies"), so that guessing is slowed down but
// nobody can lock a member out:
//  - every client is slowed per (account, address) — or per known device — by growing delays:
//    5 failures free, then 1, 2, 4… seconds, at most 15 minutes (BACKOFFS.signIn);
//  - a client is *trusted* for an account when it presents that account's device cookie
//    (lib/server/auth/device-cookie.ts) or comes from an address the account signed in from
//    before (known_sign_ins): trusted clients are subject to their own delays only;
//  - untrusted clients also share two windows: 10 failures per account and 50 per address in
//    15 minutes (LIMITS.signInAccount/signInAddress), after which *untrusted* attempts get 429.
// Only failures count; a success clears its own delay, records the address and renews the
// device cookie.
import 'server-only';
import { prisma } from '@/lib/db';
import {
  BACKOFFS,
  clientAddress,
  forgetBackoff,
  hit,
  hitBackoff,
  LIMITS,
  peek,
  peekBackoff,
  type LimitState,
} from '@/lib/server/rate-limit';
import { emailSchema } from '@/lib/validations/auth';
import { chooseLocale } from '@/lib/i18n/negotiate';
import { localeSourcesOf } from '@/lib/i18n/request-locale';
import { errorText } from '@/lib/server/errors';
import { deviceCookieHeader, deviceCookieOf, newDeviceCookie } from './device-cookie';

/** Known addresses are forgotten after this long without a successful sign-in from them. */
const KNOWN_ADDRESS_DAYS = 90;

function refused(request: Request, retryAfter: number): Response {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  // In the language the request asks for (cookie, else Accept-Language): nobody is signed in.
  const locale = chooseLocale(localeSourcesOf(request.headers));
  const message =
    retryAfter < 60
      ? errorText(locale, { key: 'tooManyAttempts', values: { seconds: retryAfter } })
      : errorText(locale, { key: 'rateLimited', values: { minutes } });
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

function succeeded(response: Response): boolean {
  return (
    response.status < 400 &&
    !failed(response) &&
    (response.headers.get('set-cookie') ?? '').includes('session-token')
  );
}

export interface SignInClient {
  email: string;
  address: string;
  /** The account's id when the e-mail is known. */
  userId: string | null;
  /** Set when the request carries a valid device cookie of this account. */
  deviceId: string | null;
  knownAddress: boolean;
}

/** Who is trying to sign in, and whether this client is trusted for that account. */
async function identifySignInClient(headers: Headers, rawEmail: string): Promise<SignInClient> {
  const parsed = emailSchema.safeParse(rawEmail);
  const email = parsed.success ? parsed.data : rawEmail.trim().toLowerCase().slice(0, 320);
  const address = clientAddress(headers);
  const device = deviceCookieOf(headers);
  const [row] = email
    ? await prisma.$queryRaw<{ id: string; known: boolean }[]>`
        SELECT u.id::text AS id,
               EXISTS (SELECT 1 FROM known_sign_ins k
                        WHERE k.user_id = u.id AND k.address = ${address}
                          AND k.last_success_at > now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})) AS known
          FROM users u WHERE u.email = ${email}`
    : [];
  const userId = row?.id ?? null;
  return {
    email,
    address,
    userId,
    deviceId: device && userId && device.userId === userId ? device.deviceId : null,
    knownAddress: row?.known ?? false,
  };
}

const isTrusted = (client: SignInClient) => client.deviceId !== null || client.knownAddress;

/** The growing delay this client is counted under: its device, else (account, address). */
const backoffSubject = (client: SignInClient) =>
  client.deviceId ? `device:${client.deviceId}` : `${client.email}|${client.address}`;

/** The longest wait that applies to this client right now (blocked = must wait). */
async function signInWait(client: SignInClient): Promise<LimitState | null> {
  const checks: Promise<LimitState>[] = [peekBackoff(BACKOFFS.signIn, backoffSubject(client))];
  if (!isTrusted(client)) {
    if (client.email) checks.push(peek(LIMITS.signInAccount, client.email));
    checks.push(peek(LIMITS.signInAddress, client.address));
  }
  const blocked = (await Promise.all(checks)).filter((state) => state.blocked);
  if (blocked.length === 0) return null;
  return blocked.reduce((longest, state) =>
    state.retryAfter > longest.retryAfter ? state : longest,
  );
}

async function recordSignInFailure(client: SignInClient): Promise<void> {
  await Promise.all([
    hitBackoff(BACKOFFS.signIn, backoffSubject(client)),
    ...(isTrusted(client)
      ? []
      : [
          client.email ? hit(LIMITS.signInAccount, client.email) : null,
          hit(LIMITS.signInAddress, client.address),
        ]),
  ]);
}

/** A success: its delay forgotten, its address remembered; returns a fresh device cookie. */
async function recordSignInSuccess(client: SignInClient, userId: string): Promise<string> {
  await Promise.all([
    forgetBackoff(BACKOFFS.signIn, backoffSubject(client)),
    client.deviceId ? forgetBackoff(BACKOFFS.signIn, `${client.email}|${client.address}`) : null,
    prisma.$executeRaw`
      INSERT INTO known_sign_ins (user_id, address, last_success_at)
      VALUES (${userId}::uuid, ${client.address}, now())
      ON CONFLICT (user_id, address) DO UPDATE SET last_success_at = now()`,
  ]);
  return newDeviceCookie(userId).value;
}

export async function limitCredentialsSignIn(
  request: Request,
  signIn: () => Promise<Response>,
): Promise<Response> {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const client = await identifySignInClient(request.headers, String(form?.get('email') ?? ''));
  const wait = await signInWait(client);
  if (wait) return refused(request, wait.retryAfter);

  const response = await signIn();
  if (failed(response)) {
    await recordSignInFailure(client);
    return response;
  }
  if (!succeeded(response) || !client.userId) return response;
  const cookie = await recordSignInSuccess(client, client.userId);
  const answer = new Response(response.body, response);
  answer.headers.append(
    'Set-Cookie',
    deviceCookieHeader(cookie, (process.env.NEXTAUTH_URL ?? '').startsWith('https:')),
  );
  return answer;
}

/** Known addresses nobody signed in from for a long time (upkeep at start). */
export async function forgetOldKnownSignIns(): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM known_sign_ins
     WHERE last_success_at < now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})`;
}
