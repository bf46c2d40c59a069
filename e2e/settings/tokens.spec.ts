// A personal access token: created in the settings page (shown once), used by a script on the
// API as its owner, revoked, and refused from then on.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { newAccount, signIn } from '../fixtures/auth';
import { FIRST_INSTANCE } from '../fixtures/urls';

test('a token is created once, works on the API as its owner, and stops working when revoked', async ({
  page,
}) => {
  const account = await newAccount(page, 'Sacha Script');
  await signIn(page, account.email, account.password);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Jetons d’accès' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Jetons');

  await page.getByLabel('Nom du jeton').fill('export du soir');
  await page.getByRole('button', { name: 'Créer un jeton' }).click();
  const shown = page.getByLabel('Votre nouveau jeton (il ne sera plus affiché)');
  await expect(shown).toHaveValue(/^fdp_/);
  const token = await shown.inputValue();

  const script = await playwrightRequest.newContext({
    baseURL: FIRST_INSTANCE,
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  const teams = await script.get('/api/v1/teams');
  expect(teams.status()).toBe(200);
  const created = await script.post('/api/v1/teams', { data: { name: 'Rédaction du script' } });
  expect(created.status()).toBe(201);
  const members = await script.get(
    `/api/v1/teams/${((await created.json()) as { id: string }).id}/members`,
  );
  expect(((await members.json()) as { members: { user: { name: string } }[] }).members).toEqual([
    expect.objectContaining({ user: expect.objectContaining({ name: 'Sacha Script' }) }),
  ]);

  // Shown once: after a reload, only its name and prefix remain.
  await page.reload();
  await expect(page.getByLabel('Votre nouveau jeton (il ne sera plus affiché)')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: 'export du soir' });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole('button', { name: /Révoquer/ }).click();
  await page
    .getByRole('alertdialog', { name: 'Révoquer le jeton « export du soir » ?' })
    .getByRole('button', { name: 'Révoquer le jeton' })
    .click();
  await expect(page.getByRole('row').filter({ hasText: 'export du soir' })).toHaveCount(0);
  const refused = await script.get('/api/v1/teams');
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({
    error: { code: 'unauthenticated', message: 'Connexion requise.' },
  });
  // A wrong token is refused too, even with a valid session cookie alongside.
  const mixed = await page.context().request.get('/api/v1/teams', {
    headers: { Authorization: 'Bearer fdp_faux' },
  });
  expect(mixed.status()).toBe(401);
  await script.dispose();
});
