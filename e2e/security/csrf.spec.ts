// Cross-site request forgery from the same site (issue 11, finding 4), in a real Chromium: a
// page on another port of the same host is *same-site*, so the browser sends the victim's
// SameSite=Lax session cookie with its requests. Such a page may submit an HTML form (the
// text/plain trick that smuggles a JSON body) or fire a bodiless no-cors POST; the API must
// refuse both — 415 for a body that is not JSON, 403 for a cookie write from another origin —
// and store nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { newAccount, signIn } from '../fixtures/auth';
import { createMember } from '../fixtures/newsroom';
import { FIRST_INSTANCE } from '../fixtures/urls';

/** Serves `html` on another port of localhost: the attacker's page, same site as FactDesk. */
async function attackerPage(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
}

test('a text/plain form from another port cannot write as the signed-in member', async ({
  page,
}) => {
  const account = await newAccount(page, 'Victime CSRF');
  await signIn(page, account.email, account.password);
  const name = `Piégée ${randomUUID().slice(0, 8)}`;
  // The form's single field name + "=" + value forms valid JSON: {"name":"…","x":"="}.
  const field = JSON.stringify(`{"name":${JSON.stringify(name)},"x":"`).slice(1, -1);
  const { url, server } = await attackerPage(`<!doctype html>
    <form id="f" method="POST" enctype="text/plain" action="${FIRST_INSTANCE}/api/v1/teams">
      <input name="${field.replace(/"/g, '&quot;')}" value='"}'>
    </form>
    <script>document.getElementById('f').submit()</script>`);
  try {
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/v1/teams'));
    await page.goto(url);
    const response = await answer;
    expect(response.status()).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unsupported_media_type',
    );
    const teams = (await (await page.context().request.get('/api/v1/teams')).json()) as {
      teams: { name: string }[];
    };
    expect(teams.teams.map((team) => team.name)).not.toContain(name);
  } finally {
    server.close();
  }
});

test('a bodiless no-cors POST from another port cannot accept an invitation for the member', async ({
  page,
}) => {
  const owner = await createMember('Propriétaire piégeuse');
  const team = (await (
    await owner.api.post('/api/v1/teams', { data: { name: `Équipe piège ${randomUUID()}` } })
  ).json()) as { id: string };
  const invitation = (await (
    await owner.api.post(`/api/v1/teams/${team.id}/invitations`, { data: { role: 'viewer' } })
  ).json()) as { token: string };

  const account = await newAccount(page, 'Victime CSRF');
  await signIn(page, account.email, account.password);
  const target = `${FIRST_INSTANCE}/api/v1/invitations/${invitation.token}/accept`;
  const { url, server } = await attackerPage(`<!doctype html>
    <script>
      fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })
        .then(() => { document.title = 'sent'; });
    </script>`);
  try {
    const answer = page.waitForResponse((response) => response.url() === target);
    await page.goto(url);
    expect((await answer).status()).toBe(403);
    const teams = (await (await page.context().request.get('/api/v1/teams')).json()) as {
      teams: { id: string }[];
    };
    expect(teams.teams.map((t) => t.id)).not.toContain(team.id);
    // The same accept from FactDesk's own page works (same origin).
    await page.goto('/');
    const status = await page.evaluate(
      async (path) => (await fetch(path, { method: 'POST' })).status,
      `/api/v1/invitations/${invitation.token}/accept`,
    );
    expect(status).toBe(200);
  } finally {
    server.close();
    await owner.api.dispose();
  }
});

test('scripts with a bearer token are not affected by the origin rule', async () => {
  const member = await createMember('Script');
  const response = await member.api.post('/api/v1/teams', {
    data: { name: 'Équipe du script' },
    headers: { Origin: 'https://elsewhere.test' },
  });
  expect(response.status()).toBe(201);
  const cookieOnly = await playwrightRequest.newContext({ baseURL: FIRST_INSTANCE });
  expect(
    (
      await cookieOnly.post('/api/v1/teams', {
        data: 'name=x',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      })
    ).status(),
  ).toBe(415);
  await Promise.all([member.api.dispose(), cookieOnly.dispose()]);
});
