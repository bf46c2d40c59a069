// The settings index, the app's own not-found for unknown addresses (inside its layout), the
// favicon, and confirmations in an accessible dialog rather than window.confirm.
import { expect, test } from '@playwright/test';
import { browserAs, createMember, createNewsroom } from '../fixtures/newsroom';

test('/settings lists the settings pages inside the app layout', async ({ browser }) => {
  const member = await createMember('Réglages Curieuse');
  const { page, context } = await browserAs(browser, member);
  const response = await page.goto('/settings');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  const pages = page.getByRole('list', { name: 'Pages de réglages' });
  for (const name of ['Mon compte', 'Sécurité', 'Jetons d’accès']) {
    await expect(pages.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
  await pages.getByRole('link', { name: /Jetons d’accès/ }).click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await context.close();
  await member.api.dispose();
  await member.session.dispose();
});

test('an unknown address is the app’s 404, inside its layout', async ({ browser }) => {
  const member = await createMember('Égarée');
  const { page, context } = await browserAs(browser, member);
  for (const path of ['/settings/nope', '/nulle-part', '/articles/new/encore']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Introuvable' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
    await expect(page.getByTestId('current-user')).toHaveText('Égarée');
  }
  await context.close();
  await member.api.dispose();
  await member.session.dispose();
});

test('the favicon and the icon link answer, allowed by the CSP', async ({ page, request }) => {
  const csp: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) csp.push(message.text());
  });
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toMatch(/image\/(?:x-icon|vnd\.microsoft\.icon)/);

  await page.goto('/sign-in');
  const hrefs = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.some((href) => href.startsWith('/icon.svg'))).toBe(true);
  for (const href of hrefs) {
    const icon = await request.get(href);
    expect(icon.status(), href).toBe(200);
    expect(icon.headers()['content-type'], href).toMatch(/^image\//);
  }
  expect(csp).toEqual([]);
});

test('a confirmation is a dialog: Escape keeps the token, confirming revokes it', async ({
  browser,
}) => {
  const room = await createNewsroom('Confirmations');
  const { page, context } = await browserAs(browser, room.members.editor);
  let nativeDialogs = 0;
  page.on('dialog', (dialog) => {
    nativeDialogs++;
    void dialog.dismiss();
  });
  await page.goto('/settings/tokens');
  // The fixture's own token, minted for the API calls.
  const row = page.getByRole('row').filter({ hasText: 'e2e' });
  const revoke = row.getByRole('button', { name: /Révoquer/ });
  await revoke.click();
  const dialog = page.getByRole('alertdialog', { name: 'Révoquer le jeton « e2e » ?' });
  await expect(dialog).toBeVisible();
  // Focus starts on the safe choice; Escape cancels and gives focus back.
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(revoke).toBeFocused();
  expect((await room.members.editor.api.get('/api/v1/teams')).status()).toBe(200);

  await revoke.click();
  await dialog.getByRole('button', { name: 'Révoquer le jeton' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'e2e' })).toHaveCount(0);
  expect((await room.members.editor.api.get('/api/v1/teams')).status()).toBe(401);
  expect(nativeDialogs).toBe(0);

  await context.close();
  await room.dispose();
});
