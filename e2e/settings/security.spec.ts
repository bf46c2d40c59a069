// Account security: a token shows when it expires (its lifetime chosen at creation), signing out
// really ends the session (a copy of its cookie is refused afterwards), a password change ends
// the other sessions but not this one, "Se déconnecter partout" ends them all, and an access
// token cannot mint a token or change the password.
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
} from '@playwright/test';
import { newAccount, signIn } from '../fixtures/auth';
import { FIRST_INSTANCE } from '../fixtures/urls';

const DAY_MS = 24 * 3600_000;
const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

async function sessionCookie(context: BrowserContext): Promise<{ name: string; value: string }> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(cookie).toBeDefined();
  return { name: cookie!.name, value: cookie!.value };
}

/** A request context that sends this cookie and nothing else: what a stolen copy would get. */
function withCookie(cookie: { name: string; value: string }): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: FIRST_INSTANCE,
    extraHTTPHeaders: { Cookie: `${cookie.name}=${cookie.value}` },
  });
}

async function teamsStatus(api: APIRequestContext): Promise<number> {
  return (await api.get('/api/v1/teams')).status();
}

/** The credentials callback from a fresh client: its status, and the client to use after. */
async function credentialsSignIn(email: string, password: string) {
  const api = await playwrightRequest.newContext({ baseURL: FIRST_INSTANCE });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
  });
  return { api, status: response.status() };
}

/** Another browser signed in to the same account (a second session). */
async function otherBrowser(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ baseURL: FIRST_INSTANCE, locale: 'fr-FR' });
  const page = await context.newPage();
  await signIn(page, email, password);
  expect(await teamsStatus(context.request)).toBe(200);
  return { context, page };
}

test('a token made to last 7 days shows its expiry date in the list', async ({ page }) => {
  const account = await newAccount(page, 'Dana Délai');
  await signIn(page, account.email, account.password);
  await page.goto('/settings/tokens');

  await page.getByLabel('Nom du jeton').fill('essai sur une semaine');
  const lifetime = page.getByLabel('Durée de validité');
  await expect(lifetime).toHaveValue('90');
  await lifetime.selectOption({ label: '7 jours' });
  const before = Date.now();
  await page.getByRole('button', { name: 'Créer un jeton' }).click();
  await expect(page.getByLabel('Votre nouveau jeton (il ne sera plus affiché)')).toHaveValue(
    /^fdp_/,
  );
  const after = Date.now();

  // The day in Paris a week from now (two candidates if midnight passed meanwhile).
  const days = [...new Set([before, after].map((t) => LONG_DATE.format(t + 7 * DAY_MS)))];
  const row = page.getByRole('row').filter({ hasText: 'essai sur une semaine' });
  await expect(row).toContainText(new RegExp(`Expire le (${days.join('|')})`));
  await expect(row).not.toContainText('Expiré');

  const listed = (await (await page.context().request.get('/api/v1/tokens')).json()) as {
    tokens: { name: string; expiresAt: string; expired: boolean }[];
  };
  const token = listed.tokens.find((t) => t.name === 'essai sur une semaine');
  expect(token?.expired).toBe(false);
  const expiresAt = new Date(token!.expiresAt).getTime();
  expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY_MS - 60_000);
  expect(expiresAt).toBeLessThanOrEqual(after + 7 * DAY_MS + 60_000);
});

test('signing out ends the session: a copy of its cookie is refused afterwards', async ({
  page,
}) => {
  const account = await newAccount(page, 'Eli Sortie');
  await signIn(page, account.email, account.password);
  const copy = await withCookie(await sessionCookie(page.context()));
  expect(await teamsStatus(copy)).toBe(200);

  await page.goto('/');
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

  // Not only forgotten by this browser: ended on the server.
  const refused = await copy.get('/api/v1/teams');
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({
    error: { code: 'unauthenticated', message: 'Connexion requise.' },
  });
  await copy.dispose();
});

test('changing the password ends the other sessions, keeps this one, and replaces the old password', async ({
  page,
  browser,
}) => {
  const account = await newAccount(page, 'Fanny Prudence');
  await signIn(page, account.email, account.password);
  const other = await otherBrowser(browser, account.email, account.password);

  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Sécurité' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sécurité du compte');
  const sessions = page.getByRole('table', { name: 'Sessions ouvertes sur votre compte' });
  await expect(sessions.getByRole('row')).toHaveCount(3); // the header, then two sessions
  await expect(sessions.getByText('Cette session')).toHaveCount(1);

  const current = page.getByLabel(/^Mot de passe actuel/);
  const next = page.getByLabel(/^Nouveau mot de passe/);
  const confirmation = page.getByLabel(/^Confirmez le nouveau mot de passe/);
  const submit = page.getByRole('button', { name: 'Changer le mot de passe' });
  await expect(current).toHaveAttribute('autocomplete', 'current-password');
  await expect(next).toHaveAttribute('autocomplete', 'new-password');
  const newPassword = 'un-tout-nouveau-secret';

  // Checked in the browser: the confirmation must match.
  await current.fill(account.password);
  await next.fill(newPassword);
  await confirmation.fill('autre-chose-encore');
  await submit.click();
  await expect(
    page.getByText('La confirmation ne correspond pas au nouveau mot de passe.'),
  ).toBeVisible();
  await expect(confirmation).toBeFocused();

  // Checked by the server: the current password must be right; nothing changes otherwise.
  await current.fill('pas-le-bon-mot-de-passe');
  await confirmation.fill(newPassword);
  await submit.click();
  await expect(page.getByText('Mot de passe actuel incorrect.')).toBeVisible();
  expect(await teamsStatus(other.context.request)).toBe(200);

  await current.fill(account.password);
  await submit.click();
  await expect(
    page.getByText('Mot de passe changé : vos autres sessions ont été fermées (1).'),
  ).toBeVisible();
  await expect(current).toHaveValue('');

  // The other browser is signed out; this one is not.
  expect(await teamsStatus(other.context.request)).toBe(401);
  expect(await teamsStatus(page.context().request)).toBe(200);
  await expect(sessions.getByRole('row')).toHaveCount(2);
  await other.page.goto('/');
  await expect(other.page).toHaveURL(/\/sign-in/);

  // The old password no longer opens the account; the new one does.
  const withOld = await credentialsSignIn(account.email, account.password);
  expect(withOld.status).toBe(401);
  const withNew = await credentialsSignIn(account.email, newPassword);
  expect(withNew.status).toBe(200);
  expect(await teamsStatus(withNew.api)).toBe(200);

  await withOld.api.dispose();
  await withNew.api.dispose();
  await other.context.close();
});

test('« Fermer » ends one other session; « Se déconnecter partout » ends all, this one included', async ({
  page,
  browser,
}) => {
  const account = await newAccount(page, 'Gaël Partout');
  await signIn(page, account.email, account.password);
  const own = await withCookie(await sessionCookie(page.context()));
  const second = await otherBrowser(browser, account.email, account.password);
  const third = await otherBrowser(browser, account.email, account.password);

  await page.goto('/settings/security');
  const sessions = page.getByRole('table', { name: 'Sessions ouvertes sur votre compte' });
  await expect(sessions.getByRole('row')).toHaveCount(4);
  await sessions
    .getByRole('button', { name: /^Fermer la session/ })
    .first()
    .click();
  await expect(sessions.getByRole('row')).toHaveCount(3);
  // One of the two other browsers was closed, the other one still works.
  const statuses = [
    await teamsStatus(second.context.request),
    await teamsStatus(third.context.request),
  ];
  expect(statuses.sort()).toEqual([200, 401]);
  expect(await teamsStatus(page.context().request)).toBe(200);

  await page.getByRole('button', { name: 'Se déconnecter partout' }).click();
  await page
    .getByRole('alertdialog', { name: 'Se déconnecter partout ?' })
    .getByRole('button', { name: 'Fermer toutes les sessions' })
    .click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

  expect(await teamsStatus(page.context().request)).toBe(401);
  expect(await teamsStatus(own)).toBe(401);
  expect(await teamsStatus(second.context.request)).toBe(401);
  expect(await teamsStatus(third.context.request)).toBe(401);

  await own.dispose();
  await second.context.close();
  await third.context.close();
});

test('an access token cannot mint a token, nor change the password', async ({ page }) => {
  const account = await newAccount(page, 'Hugo Script');
  await signIn(page, account.email, account.password);
  const created = await page
    .context()
    .request.post('/api/v1/tokens', { data: { name: 'script du soir', expiresInDays: 7 } });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };

  const script = await playwrightRequest.newContext({
    baseURL: FIRST_INSTANCE,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  expect(await teamsStatus(script)).toBe(200);

  const minted = await script.post('/api/v1/tokens', {
    data: { name: 'éternel', expiresInDays: 365 },
  });
  expect(minted.status()).toBe(403);
  expect(((await minted.json()) as { error: { code: string } }).error.code).toBe(
    'session_required',
  );
  const takeover = await script.put('/api/v1/me/password', {
    data: { currentPassword: account.password, newPassword: 'pris-par-le-script' },
  });
  expect(takeover.status()).toBe(403);
  expect(((await takeover.json()) as { error: { code: string } }).error.code).toBe(
    'session_required',
  );

  const listed = (await (await page.context().request.get('/api/v1/tokens')).json()) as {
    tokens: { name: string }[];
  };
  expect(listed.tokens.map((t) => t.name)).toEqual(['script du soir']);
  await script.dispose();
});
