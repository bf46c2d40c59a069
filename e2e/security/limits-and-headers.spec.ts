// Abuse and headers: sign-in throttled per account (untrusted clients only: a known device still
// gets in) and per address, bad tokens and token creation throttled (429 with Retry-After), the
// address counted never taken from a forged X-Forwarded-For, the pages' Content-Security-Policy
// with a fresh script nonce (and no 'unsafe-inline' scripts), security headers, HSTS behind
// https, and the session cookie's flags. The e2e servers run with per-address limits of 8
// failures (playwright.config.ts); each test here uses addresses of its own: X-Forwarded-For on
// the second instance (TRUST_PROXY=loopback), loopback source addresses on the first (no proxy).
import { randomUUID } from 'node:crypto';
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from '@playwright/test';
import { newAccount } from '../fixtures/auth';
import { fromAddress, loopbackAddress, signInFrom } from '../fixtures/loopback';
import { createMember } from '../fixtures/newsroom';
import { FIRST_INSTANCE, SECOND_INSTANCE } from '../fixtures/urls';

const ADDRESS_LIMIT = 8;
const ACCOUNT_LIMIT = 10;

async function attemptSignIn(
  api: APIRequestContext,
  email: string,
  password: string,
  address: string,
) {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
    headers: { 'X-Forwarded-For': address },
  });
}

const fakeAddress = () =>
  `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 8)}`;

test('failed sign-ins are limited per account for new clients only: a known device gets in', async () => {
  const victim = await playwrightRequest.newContext({ baseURL: SECOND_INSTANCE });
  const attacker = await playwrightRequest.newContext({ baseURL: SECOND_INSTANCE });
  const email = `limite-${randomUUID()}@test.factdesk`;
  const password = 'le-bon-mot-de-passe';
  expect(
    (await victim.post('/api/v1/signup', { data: { email, name: 'Limite', password } })).status(),
  ).toBe(201);
  // The victim signed in once from this browser: it holds the account's device cookie.
  expect((await attemptSignIn(victim, email, password, fakeAddress())).status()).toBe(200);
  for (let i = 0; i < ACCOUNT_LIMIT; i++) {
    const failed = await attemptSignIn(attacker, email, 'mauvais-mot-de-passe', fakeAddress());
    expect(failed.status()).toBe(401);
  }
  // A client never seen before waits, even with the right password…
  const refused = await attemptSignIn(attacker, email, password, fakeAddress());
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  // …the victim's own browser does not (from a new address, too).
  expect((await attemptSignIn(victim, email, password, fakeAddress())).status()).toBe(200);
  await Promise.all([victim.dispose(), attacker.dispose()]);
});

test('a forged X-Forwarded-For does not dodge the per-address limits (no proxy trusted)', async () => {
  // The first instance trusts no proxy: the address is the socket's, here a loopback address
  // of this test's own.
  const address = loopbackAddress();
  const unknown = () => `inconnu-${randomUUID()}@test.factdesk`;
  for (let i = 0; i < ADDRESS_LIMIT; i++) {
    expect((await signInFrom(address, FIRST_INSTANCE, unknown(), 'x')).status).toBe(401);
  }
  for (const forwarded of [fakeAddress(), `${fakeAddress()}, ${address}`, '127.0.0.1']) {
    const response = await signInFrom(address, FIRST_INSTANCE, unknown(), 'x', {
      'X-Forwarded-For': forwarded,
    });
    expect(response.status).toBe(429);
  }
  // Bad bearer tokens: the same.
  const tokenAddress = loopbackAddress();
  const teams = (headers: Record<string, string>) =>
    fromAddress(tokenAddress, `${FIRST_INSTANCE}/api/v1/teams`, { headers });
  for (let i = 0; i < ADDRESS_LIMIT; i++) {
    expect((await teams({ Authorization: `Bearer fdp_${randomUUID()}` })).status).toBe(401);
  }
  for (const forwarded of [fakeAddress(), `${fakeAddress()}, ${tokenAddress}`]) {
    const response = await teams({ Authorization: 'Bearer fdp_x', 'X-Forwarded-For': forwarded });
    expect(response.status).toBe(429);
  }
  // Another machine is not affected.
  expect((await signInFrom(loopbackAddress(), FIRST_INSTANCE, unknown(), 'x')).status).toBe(401);
});

test('failed sign-ins are limited per address (behind a trusted proxy: its X-Forwarded-For)', async () => {
  const api = await playwrightRequest.newContext({ baseURL: SECOND_INSTANCE });
  const address = fakeAddress();
  for (let i = 0; i < ADDRESS_LIMIT; i++) {
    const failed = await attemptSignIn(
      api,
      `inconnu-${randomUUID()}@test.factdesk`,
      'nimporte-quoi',
      address,
    );
    expect(failed.status()).toBe(401);
  }
  const refused = await attemptSignIn(
    api,
    `autre-${randomUUID()}@test.factdesk`,
    'nimporte-quoi',
    address,
  );
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  // Another address is not affected.
  expect(
    (
      await attemptSignIn(api, `x-${randomUUID()}@test.factdesk`, 'nimporte-quoi', fakeAddress())
    ).status(),
  ).toBe(401);
  // The proxy's nearest hop counts: a client's own entry on the left changes nothing.
  const spoofed = await attemptSignIn(
    api,
    `y-${randomUUID()}@test.factdesk`,
    'nimporte-quoi',
    `${fakeAddress()}, ${address}`,
  );
  expect(spoofed.status()).toBe(429);
  await api.dispose();
});

test('the sign-in form says to wait after too many failures', async ({ page }) => {
  const account = await newAccount(page, 'Patiente');
  const api = await playwrightRequest.newContext({ baseURL: SECOND_INSTANCE });
  for (let i = 0; i < ACCOUNT_LIMIT; i++) {
    await attemptSignIn(api, account.email, 'mauvais-mot-de-passe', fakeAddress());
  }
  await api.dispose();
  await page.goto(`${SECOND_INSTANCE}/sign-in`);
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('form [role="alert"]')).toHaveText(
    'Trop de tentatives de connexion : réessayez dans quelques minutes.',
  );
});

test('bad bearer tokens are limited per address, and token creation per account', async () => {
  const api = await playwrightRequest.newContext({ baseURL: SECOND_INSTANCE });
  const address = fakeAddress();
  for (let i = 0; i < ADDRESS_LIMIT; i++) {
    const response = await api.get('/api/v1/teams', {
      headers: { Authorization: `Bearer fdp_${randomUUID()}`, 'X-Forwarded-For': address },
    });
    expect(response.status()).toBe(401);
  }
  const refused = await api.get('/api/v1/teams', {
    headers: { Authorization: 'Bearer fdp_encore', 'X-Forwarded-For': address },
  });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  await api.dispose();

  const member = await createMember('Scripteuse pressée'); // has made 1 token already
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) {
    statuses.push(
      (await member.session.post('/api/v1/tokens', { data: { name: `jeton ${i}` } })).status(),
    );
  }
  expect(statuses.slice(0, 19).every((status) => status === 201)).toBe(true);
  expect(statuses[19]).toBe(429);
  await Promise.all([member.api.dispose(), member.session.dispose()]);
});

test('pages carry a nonce-based CSP and security headers; scripts without the nonce do not run', async ({
  page,
}) => {
  const response = await page.goto('/sign-in');
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-powered-by']).toBeUndefined();
  // Next.js signed its own scripts with this response's nonce (the page works: hydrated form).
  const nonces = await page.$$eval('script', (scripts) => scripts.map((s) => s.nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces.every((n) => n === nonce)).toBe(true);
  // A fresh nonce per response.
  const again = await page.context().request.get('/sign-in');
  expect(again.headers()['content-security-policy']).not.toContain(nonce!);
  // Markup that slipped into the page (the stored-XSS shape) does not run: inline handlers and
  // javascript: URLs are refused by the policy. Each refusal is a `securitypolicyviolation`
  // event, fired when the script would have run: waiting for it proves the handler and the
  // link had their chance, and were stopped.
  await page.evaluate(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
    document.body.insertAdjacentHTML(
      'beforeend',
      '<img src="/no-such-image" onerror="window.__injected = true">' +
        '<a id="x" href="javascript:window.__injected = true">x</a>',
    );
  });
  const violations = () =>
    page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  // The img's onerror handler was refused.
  await expect.poll(violations).toContain('script-src-attr inline');
  const beforeClick = (await violations()).length;
  await page.locator('#x').click();
  // The javascript: navigation was refused.
  await expect.poll(async () => (await violations()).length).toBeGreaterThan(beforeClick);
  // Nothing but inline script was refused (the count above rose for the link, not another cause).
  for (const violation of await violations()) expect(violation).toMatch(/ inline$/);
  expect(
    await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
  ).toBeUndefined();
});

test('HSTS behind https, and the session cookie is httpOnly and sameSite', async ({ page }) => {
  // Behind the (trusted) proxy of the second instance, its X-Forwarded-Proto counts…
  const https = await page
    .context()
    .request.get(`${SECOND_INSTANCE}/sign-in`, { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
  // …from a client talking to the app directly, it is ignored.
  const forged = await page
    .context()
    .request.get('/sign-in', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(forged.headers()['strict-transport-security']).toBeUndefined();
  const plain = await page.context().request.get('/sign-in');
  expect(plain.headers()['strict-transport-security']).toBeUndefined();

  const account = await newAccount(page, 'Biscuit');
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('Biscuit');
  const session = (await page.context().cookies()).find((c) =>
    c.name.endsWith('next-auth.session-token'),
  )!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe('Lax');
  // Served over plain http in this test; next-auth marks it Secure whenever NEXTAUTH_URL is https.
  expect(session.secure).toBe(false);
});
