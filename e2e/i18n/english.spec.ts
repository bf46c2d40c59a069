// FactDesk for an English-speaking desk (issue 14): the review flow in a browser that asks for
// English, in Montréal — sign-up, a newsroom, import of a French article, highlight, verdict,
// approval — with no French catalogue text on those pages (e2e/fixtures/catalogue.ts), the
// approval's time in the account's zone (detected at sign-up) on the reader and the journal,
// the journal's sentences, the reports in the team's publication language (English) with the
// CSV's instants in Montréal time, the API's error messages in English, and the header switch
// back to French.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { formatterFor, isoInZone } from '../../lib/i18n/format';
import { signIn } from '../fixtures/auth';
import { frenchOnPage } from '../fixtures/catalogue';
import { SEED_TEXT, createMember, sentencesOf } from '../fixtures/newsroom';
import { selectWithMouse } from '../fixtures/selection';

const ZONE = 'America/Montreal';
const PHRASE = 'cinq millions de projectiles';
const TITLE = 'Le pacte Russie–Corée du Nord';
const SOURCE_URL = `https://www.example.org/munitions-${randomUUID()}`;
const RATIONALE = 'Figure from unpublished intelligence, not verifiable.';

async function expectEnglish(page: Page, typed: string[]) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await frenchOnPage(page, typed), `French on ${page.url()}`).toEqual([]);
}

test('an English-speaking desk in Montréal works in English from sign-up to report', async ({
  browser,
}) => {
  test.slow();
  const english = { locale: 'en-US', timezoneId: ZONE };
  const ownerContext = await browser.newContext(english);
  const owner = await ownerContext.newPage();
  const ownerName = 'Nora Newsdesk';
  const teamName = `Desk ${randomUUID().slice(0, 8)}`;
  const reviewer = await createMember('Rex Reviewer');
  const typed = [ownerName, teamName, reviewer.name, RATIONALE, SOURCE_URL, TITLE];

  // Sign-up, in English; the browser's zone becomes the account's.
  await owner.goto('/sign-up');
  await expectEnglish(owner, typed);
  await owner.getByLabel('Name').fill(ownerName);
  await owner.getByLabel('E-mail').fill(`nora-${randomUUID()}@test.factdesk`);
  await owner.getByLabel('Password').fill('a-long-enough-password');
  await owner.getByRole('button', { name: 'Create my account' }).click();
  await expect(owner.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await expectEnglish(owner, typed);
  await owner.goto('/settings/account');
  // Chromium reports Montréal's zone by its canonical name (the same clock).
  await expect(owner.locator('select[name="timeZone"]')).toHaveValue(
    /^America\/(Montreal|Toronto)$/,
  );
  await expectEnglish(owner, typed);

  // A newsroom that publishes in English, with a reviewer.
  await owner.goto('/teams');
  await owner.getByLabel('Newsroom name').fill(teamName);
  await owner.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(owner.getByRole('heading', { level: 1, name: teamName })).toBeVisible();
  const teamId = owner.url().split('/teams/')[1];
  // Its reports in English, chosen on the team page (French by default).
  await owner.getByLabel('Language of published reports').selectOption('en');
  await expect(owner.getByText('Reports are now written in English.')).toBeVisible();
  await expectEnglish(owner, typed);
  const invitation = await owner
    .context()
    .request.post(`/api/v1/teams/${teamId}/invitations`, { data: { role: 'reviewer' } });
  expect(invitation.status()).toBe(201);
  const { token } = (await invitation.json()) as { token: string };
  expect((await reviewer.api.post(`/api/v1/invitations/${token}/accept`)).status()).toBe(200);

  // A French article, imported from an English interface.
  await owner.goto('/articles/new');
  await expectEnglish(owner, typed);
  await owner.getByRole('radio', { name: 'Paste the text' }).check();
  await owner.getByLabel('Article text').fill(SEED_TEXT);
  await owner.getByLabel('Title').fill(TITLE);
  await owner.getByLabel('Article language').selectOption('fr');
  await owner.getByRole('button', { name: 'Import the article' }).click();
  await expect(owner.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const articlePath = new URL(owner.url()).pathname;
  await expectEnglish(owner, typed);

  // The reviewer, also in English: highlight, sourced verdict, submitted.
  const reviewerContext = await browser.newContext(english);
  const reviewerPage = await reviewerContext.newPage();
  await signIn(reviewerPage, reviewer.email, 'mot-de-passe-solide');
  await reviewerPage.goto(articlePath);
  await selectWithMouse(reviewerPage, PHRASE);
  await reviewerPage
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Highlight' })
    .click();
  const mark = reviewerPage.locator('mark.fd-highlight', { hasText: PHRASE });
  await expect(mark).toHaveAttribute('data-pending', 'false');
  await mark.click();
  const panel = reviewerPage.getByRole('complementary', { name: 'Selected sentence' });
  await panel.getByRole('radio', { name: 'Unverifiable' }).check();
  await panel.getByLabel('Rationale').fill(RATIONALE);
  await panel.getByRole('button', { name: '+ Add a source' }).click();
  await panel.getByLabel('URL of source 1').fill(SOURCE_URL);
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await expect(panel.getByTestId('my-verdict-status')).toContainText('Submitted');
  await expectEnglish(reviewerPage, typed);

  // The owner approves it.
  await owner.goto(articlePath);
  await owner.locator('mark.fd-highlight', { hasText: PHRASE }).click();
  const ownerPanel = owner.getByRole('complementary', { name: 'Selected sentence' });
  await ownerPanel.getByRole('button', { name: `Approve ${reviewer.name}’s verdict` }).click();
  await expect(ownerPanel.getByTestId('final-verdict')).toContainText('Unverifiable');
  await expectEnglish(owner, typed);

  // The approval's time, as the API stores it, is shown in Montréal time on the pages.
  const articleId = articlePath.split('/').pop()!;
  const claim = (await sentencesOf(reviewer, articleId)).find((unit) => unit.text.includes(PHRASE));
  const sentence = (await (await reviewer.api.get(`/api/v1/sentences/${claim!.id}`)).json()) as {
    finalVerdict: { approvedAt: string } | null;
  };
  const approvedAt = new Date(sentence.finalVerdict!.approvedAt);
  const montreal = formatterFor({ locale: 'en', timeZone: ZONE }).dateTime(approvedAt, 'time');
  const paris = formatterFor({ locale: 'en', timeZone: 'Europe/Paris' }).dateTime(
    approvedAt,
    'time',
  );
  expect(montreal).not.toBe(paris);
  await owner.reload();
  await owner.locator('mark.fd-highlight', { hasText: PHRASE }).click();
  await expect(ownerPanel.getByTestId('final-verdict')).toContainText(montreal);
  await owner.goto(`/teams/${teamId}/audit`);
  // The journal writes seconds too: "4:46:12 PM" for a "4:46 PM" approval.
  const withSeconds = (time: string) => {
    const [clock, period] = time.split(/\s/u);
    return new RegExp(`(?<!\\d)${clock}:\\d\\d\\s${period}`, 'u');
  };
  await expect(owner.getByRole('table')).toContainText(withSeconds(montreal));
  await expect(owner.getByRole('table')).not.toContainText(withSeconds(paris));
  // The journal tells the events in English.
  await expect(owner.getByRole('table')).toContainText(
    `${ownerName} approved ${reviewer.name}’s verdict on sentence ${claim!.index + 1}`,
  );
  await expectEnglish(owner, typed);

  // The reports, in the team's publication language; the CSV's instants in Montréal time.
  const api = owner.context().request;
  const report = async (format: string) => {
    const response = await api.get(`/api/v1/articles/${articleId}/report?format=${format}`);
    expect(response.status(), format).toBe(200);
    return response.text();
  };
  const markdown = await report('markdown');
  expect(markdown).toContain('Unverifiable');
  expect(markdown).toContain(`Checked by ${reviewer.name}, approved by ${ownerName} on `);
  const csv = await report('csv');
  expect(csv).toContain('"Unverifiable"');
  const offset = isoInZone(approvedAt, ZONE).slice(-6); // -05:00 in winter, -04:00 in summer
  expect(csv).toContain(`"${isoInZone(approvedAt, ZONE)}"`);
  expect(offset).toMatch(/^-0[45]:00$/);

  // The API's messages in English: the browser's Accept-Language while the account has no
  // preference, then the account's English even against a French header; codes unchanged.
  const missing = `/api/v1/articles/${randomUUID()}`;
  const notFound = await api.get(missing, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
  expect(notFound.status()).toBe(404);
  expect(await notFound.json()).toEqual({
    error: { code: 'not_found', message: 'Article not found.' },
  });
  expect((await api.patch('/api/v1/me', { data: { locale: 'en' } })).status()).toBe(200);
  const invalid = await api.patch('/api/v1/me', {
    data: { name: 12 },
    headers: { 'accept-language': 'fr' },
  });
  expect(invalid.status()).toBe(422);
  expect(
    ((await invalid.json()) as { error: { code: string; message: string } }).error,
  ).toMatchObject({
    code: 'validation_failed',
    message: 'name: Invalid input: expected string, received number',
  });

  await owner.goto(articlePath);

  // The header's switch: the same page in French.
  await owner.getByRole('combobox', { name: /^Language/ }).selectOption('fr');
  await expect(owner.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(owner.getByRole('link', { name: 'Ma file' })).toBeVisible();
  await owner.locator('mark.fd-highlight', { hasText: PHRASE }).click();
  await expect(
    owner.getByRole('complementary', { name: 'Phrase sélectionnée' }).getByTestId('final-verdict'),
  ).toContainText('Invérifiable');

  await ownerContext.close();
  await reviewerContext.close();
  await reviewer.api.dispose();
  await reviewer.session.dispose();
});
