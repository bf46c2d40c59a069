// Building a team in the browser: create it, invite by link (no mail server: the link is shown
// to copy), a newcomer follows the link, signs up, joins with the role the link carries; the
// owner changes a role; the link cannot be used twice.
import { expect, test } from '@playwright/test';
import { newAccount, signIn } from '../fixtures/auth';

test('an owner invites by link; a newcomer signs up through it and joins with its role', async ({
  page,
  browser,
}) => {
  const owner = await newAccount(page, 'Odile Cheffe');
  await signIn(page, owner.email, owner.password);
  await page.goto('/teams');
  await page.getByLabel('Nom de la rédaction').fill('Cellule de vérification');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cellule de vérification');

  await page.getByLabel('Rôle à attribuer').selectOption('reviewer');
  await page.getByRole('button', { name: 'Créer un lien d’invitation' }).click();
  const link = page.getByLabel('Lien d’invitation (à transmettre, utilisable une seule fois)');
  await expect(link).toHaveValue(/\/invitations\/fdi_/);
  const url = await link.inputValue();
  const teamPath = new URL(page.url()).pathname;

  // The newcomer has no account yet: the link leads through sign-up and back.
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(new URL(url).pathname);
  await expect(newcomer.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await newcomer.getByRole('link', { name: 'Créer un compte' }).click();
  const email = `recrue-${Date.now()}@test.factdesk`;
  await newcomer.getByLabel('Nom').fill('Noé Recrue');
  await newcomer.getByLabel('E-mail').fill(email);
  await newcomer.getByLabel('Mot de passe').fill('un-mot-de-passe-long');
  await newcomer.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(newcomer.getByText(/vous invite à rejoindre/)).toContainText(
    'Cellule de vérification',
  );
  await newcomer.getByRole('button', { name: 'Rejoindre la rédaction' }).click();
  await expect(newcomer).toHaveURL(new RegExp(`${teamPath}$`));
  await expect(newcomer.getByRole('row').filter({ hasText: 'Noé Recrue' })).toContainText(
    'Vérificateur·rice',
  );

  // The owner sees the new member and makes them an editor.
  await page.reload();
  const row = page.getByRole('row').filter({ hasText: 'Noé Recrue' });
  await row.getByRole('combobox', { name: 'Rôle de Noé Recrue' }).selectOption('editor');
  // The reload must not cut the PATCH short: wait for its answer first.
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PATCH' && /\/members\//.test(response.url()),
  );
  await row.getByRole('button', { name: 'Enregistrer le rôle de Noé Recrue' }).click();
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'Noé Recrue' })
      .getByRole('combobox', { name: 'Rôle de Noé Recrue' }),
  ).toHaveValue('editor');

  // The link was single use.
  const late = await browser.newContext();
  const latePage = await late.newPage();
  const lateAccount = await newAccount(latePage, 'Tardif');
  await signIn(latePage, lateAccount.email, lateAccount.password);
  await latePage.goto(new URL(url).pathname);
  await expect(latePage.getByText('Ce lien d’invitation n’est plus valable')).toBeVisible();
  await newcomerContext.close();
  await late.close();
});
