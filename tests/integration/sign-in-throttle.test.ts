// Sign-in throttling (issue 11, findings 1–2) on a real PostgreSQL: an attacker who fails a
// victim's password from many addresses slows down untrusted clients only — the victim's own
// device (device cookie) and known addresses still sign in; every client is slowed per
// (account, address) by growing delays instead of a lock-out; the address counted is the one
// scripts/serve.ts resolved, never X-Forwarded-For.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { DEVICE_COOKIE, readDeviceCookie } from '@/lib/server/auth/device-cookie';
import { limitCredentialsSignIn } from '@/lib/server/auth/credentials-limits';
import { verifyCredentials } from '@/lib/server/users/verify-credentials';
import { BACKOFFS, backoffDelay, LIMITS } from '@/lib/server/rate-limit';
import { CLIENT_ADDRESS_HEADER } from '@/lib/security/client-address';
import { makeUser, TEST_PASSWORD } from './fixtures';

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= 'integration-test-secret';
});

const fresh = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 8)}`;

interface Attempt {
  email: string;
  password: string;
  address: string;
  deviceCookie?: string | null;
  forwardedFor?: string;
}

/** One sign-in through the throttle, next-auth's credential check played by verifyCredentials. */
async function attempt(options: Attempt) {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: options.address });
  if (options.deviceCookie) headers.set('cookie', `${DEVICE_COOKIE}=${options.deviceCookie}`);
  if (options.forwardedFor) headers.set('x-forwarded-for', options.forwardedFor);
  const body = new URLSearchParams({ email: options.email, password: options.password });
  const request = new Request('http://factdesk.test/api/auth/callback/credentials', {
    method: 'POST',
    headers,
    body,
  });
  const response = await limitCredentialsSignIn(request, async () => {
    const user = await verifyCredentials({ email: options.email, password: options.password });
    return user
      ? new Response('{}', {
          status: 200,
          headers: { 'Set-Cookie': 'next-auth.session-token=x; Path=/; HttpOnly' },
        })
      : Response.json(
          { url: 'http://factdesk.test/sign-in?error=CredentialsSignin' },
          {
            status: 401,
          },
        );
  });
  const device = response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`))
    ?.split(';')[0]
    ?.slice(DEVICE_COOKIE.length + 1);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), device };
}

describe('sign-in throttling without lock-out', () => {
  it('10 failures from anywhere do not lock the victim out of a known device or address', async () => {
    const victim = await makeUser('Victime');
    const home = fresh();
    const first = await attempt({ email: victim.email, password: TEST_PASSWORD, address: home });
    expect(first.status).toBe(200);
    expect(readDeviceCookie(first.device)?.userId).toBe(victim.id);

    // The attack: the account limit's worth of failures, each from a new address.
    for (let i = 0; i < LIMITS.signInAccount.max; i++) {
      const failure = await attempt({ email: victim.email, password: 'devine', address: fresh() });
      expect(failure.status).toBe(401);
    }
    // A client never seen before is now asked to wait (untrusted clients share the window)…
    const stranger = await attempt({
      email: victim.email,
      password: TEST_PASSWORD,
      address: fresh(),
    });
    expect(stranger.status).toBe(429);
    // …but the victim's device (from any address) and known address still get in.
    const device = await attempt({
      email: victim.email,
      password: TEST_PASSWORD,
      address: fresh(),
      deviceCookie: first.device,
    });
    expect(device.status).toBe(200);
    const known = await attempt({ email: victim.email, password: TEST_PASSWORD, address: home });
    expect(known.status).toBe(200);
  });

  it('a device cookie of another account, or a forged one, earns no trust', async () => {
    const [victim, other] = await Promise.all([makeUser('Victime'), makeUser('Autre')]);
    const mine = await attempt({ email: other.email, password: TEST_PASSWORD, address: fresh() });
    for (let i = 0; i < LIMITS.signInAccount.max; i++) {
      await attempt({ email: victim.email, password: 'devine', address: fresh() });
    }
    const forged = `v1.${victim.id}.abcdefabcdefabcdefabcd.${'A'.repeat(43)}`;
    for (const deviceCookie of [mine.device, forged]) {
      const response = await attempt({
        email: victim.email,
        password: TEST_PASSWORD,
        address: fresh(),
        deviceCookie,
      });
      expect(response.status).toBe(429);
    }
  });

  it('slows one (account, address) down with growing delays, and a success clears them', async () => {
    const user = await makeUser('Distraite');
    const address = fresh();
    const free = BACKOFFS.signIn.free;
    for (let i = 0; i < free; i++) {
      expect((await attempt({ email: user.email, password: 'non', address })).status).toBe(401);
    }
    // Right after the 5th failure the next attempt waits 1 s — even with the right password.
    const waiting = await attempt({ email: user.email, password: TEST_PASSWORD, address });
    expect(waiting.status).toBe(429);
    expect(Number(waiting.retryAfter)).toBe(backoffDelay(BACKOFFS.signIn, free));
    // Another address is not slowed down by these failures.
    expect(
      (await attempt({ email: user.email, password: TEST_PASSWORD, address: fresh() })).status,
    ).toBe(200);
    // Three more failures (each after its wait has passed): the wait doubles each time.
    const key = `${BACKOFFS.signIn.name}:${user.email}|${address}`.toLowerCase();
    for (let failures = free; failures < free + 3; failures++) {
      await prisma.rateLimit.update({
        where: { key },
        data: { lastHitAt: new Date(Date.now() - 3_600_000) },
      });
      expect((await attempt({ email: user.email, password: 'non', address })).status).toBe(401);
    }
    const longer = await attempt({ email: user.email, password: TEST_PASSWORD, address });
    expect(longer.status).toBe(429);
    expect(Number(longer.retryAfter)).toBe(backoffDelay(BACKOFFS.signIn, free + 3));
    expect(backoffDelay(BACKOFFS.signIn, free + 3)).toBe(8);
    // Never more than 15 minutes, however many failures.
    expect(backoffDelay(BACKOFFS.signIn, 1000)).toBe(15 * 60);
    await prisma.rateLimit.update({
      where: { key },
      data: { lastHitAt: new Date(Date.now() - 3_600_000) },
    });
    expect((await attempt({ email: user.email, password: TEST_PASSWORD, address })).status).toBe(
      200,
    );
    expect(await prisma.rateLimit.count({ where: { key } })).toBe(0);
  });

  it('counts the address the server resolved, not an X-Forwarded-For the client wrote', async () => {
    const address = fresh();
    // One failure per account (accounts made with a cheap hash: the loop stays fast).
    const users = await Promise.all(
      Array.from({ length: LIMITS.signInAddress.max + 2 }, () => makeUser('Cible')),
    );
    for (const user of users.slice(0, LIMITS.signInAddress.max)) {
      expect((await attempt({ email: user.email, password: 'x', address })).status).toBe(401);
    }
    const [next, last] = users.slice(LIMITS.signInAddress.max) as [
      (typeof users)[number],
      (typeof users)[number],
    ];
    for (const forwardedFor of [fresh(), `${fresh()}, ${address}`]) {
      const response = await attempt({
        email: next.email,
        password: 'x',
        address,
        forwardedFor,
      });
      expect(response.status).toBe(429);
    }
    // The same attempts from another address are answered normally.
    expect((await attempt({ email: last.email, password: 'x', address: fresh() })).status).toBe(
      401,
    );
  });
});
