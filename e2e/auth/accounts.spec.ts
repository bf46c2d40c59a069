import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { newAccount } from '../fixtures/auth';

test('a new user signs up, signs out and signs in again', async ({ page }) => {
  const email = `recrue-${randomUUID()}@test.factdesk`;
  await page.goto('/sign-up');
  await page.getByLabel('Nom').fill('Chloé Recrue');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('court');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByText('au moins 10 caractères')).toBeVisible();

  await page.getByLabel('Mot de passe').fill('un-mot-de-passe-long');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText('Chloé Recrue');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('un-mot-de-passe-long');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('Chloé Recrue');
});

test('wrong credentials get one message that does not reveal whether the account exists', async ({
  page,
}) => {
  const messages: string[] = [];
  for (const email of ['ana@demo.test', `inconnu-${randomUUID()}@test.factdesk`]) {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.locator('form [role="alert"]');
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? '');
  }
  expect(messages[0]).toBe('E-mail ou mot de passe incorrect.');
  expect(messages[1]).toBe(messages[0]);
});

test('pages and API routes need a session', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  const response = await page.context().request.get('/api/v1/articles');
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({
    error: { code: 'unauthenticated', message: 'Connexion requise.' },
  });
});

test('a refused sign-up keeps everything typed, the password included', async ({ page }) => {
  // The server refuses an address that already has an account (after checking the fields).
  const taken = await newAccount(page, 'Déjà Inscrite');
  await page.context().clearCookies();
  await page.goto('/sign-up');
  await page.getByLabel('Nom').fill('Chloé Recrue');
  await page.getByLabel('E-mail').fill(taken.email);
  await page.getByLabel('Mot de passe').fill('un-mot-de-passe-long');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByText('Un compte existe déjà avec cette adresse e-mail.')).toBeVisible();
  await expect(page.getByLabel('Nom')).toHaveValue('Chloé Recrue');
  await expect(page.getByLabel('E-mail')).toHaveValue(taken.email);
  await expect(page.getByLabel('Mot de passe')).toHaveValue('un-mot-de-passe-long');

  // Fixing only the address is enough: the password typed before is sent again.
  const email = `recrue-${randomUUID()}@test.factdesk`;
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByTestId('current-user')).toHaveText('Chloé Recrue');
});
