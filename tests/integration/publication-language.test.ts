// The team's publication language (issue 14, point 4) on a real PostgreSQL: owners choose it
// (PATCH /api/v1/teams/{id}, journaled, checked on the server), and every report format is then
// written in it — whatever the article's language and the reader's interface language — while
// dates follow the requester's time zone (the CSV's instants carry its offset).
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
import { signedIn as session } from '../support/signed-in';

import { PATCH as updateTeamRoute } from '@/app/api/v1/teams/[id]/route';
import { prisma } from '@/lib/db';
import { getReport } from '@/lib/server/reports/get-report';
import { getTeamReport } from '@/lib/server/reports/get-team-report';
import { getTeamSettings } from '@/lib/server/teams/get-team-settings';
import { approved, makeNewsroom } from './fixtures';

const BASE = 'https://x.test';

async function text(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  return new Response(body as ReadableStream<Uint8Array>).text();
}

async function articleReport(userId: string, articleId: string, format: string) {
  const rendered = await getReport({ userId, articleId, baseUrl: BASE, query: { format } });
  return text(rendered.body);
}

function patch(userId: string, teamId: string, body: unknown) {
  session.userId = userId;
  return updateTeamRoute(
    new Request(`${BASE}/api/v1/teams/${teamId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: teamId }) },
  );
}

describe('the team’s publication language', () => {
  it('is French by default, changed by owners only, journaled, and refused when unknown', async () => {
    const { owner, editor, team } = await makeNewsroom();
    expect(await getTeamSettings({ userId: editor.id, teamId: team.id })).toMatchObject({
      publicationLanguage: 'fr',
    });
    expect((await patch(editor.id, team.id, { publicationLanguage: 'en' })).status).toBe(403);
    const unknown = await patch(owner.id, team.id, { publicationLanguage: 'de' });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    );
    expect(
      await prisma.team.findUniqueOrThrow({
        where: { id: team.id },
        select: { publicationLanguage: true },
      }),
    ).toEqual({ publicationLanguage: 'fr' });

    const response = await patch(owner.id, team.id, { publicationLanguage: 'en' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      publicationLanguage: 'en',
      allowPartyAdjudication: false,
    });
    // The same again changes nothing and journals nothing more.
    expect((await patch(owner.id, team.id, { publicationLanguage: 'en' })).status).toBe(200);
    const events = await prisma.auditEvent.findMany({
      where: { teamId: team.id, action: 'team.update' },
      select: { actorId: true, before: true, after: true },
    });
    expect(events).toEqual([
      {
        actorId: owner.id,
        before: { publicationLanguage: 'fr' },
        after: { publicationLanguage: 'en' },
      },
    ]);
    // The database holds the rule too.
    await expect(
      prisma.$executeRaw`UPDATE teams SET publication_language = 'de' WHERE id = ${team.id}::uuid`,
    ).rejects.toThrow(/teams_publication_language_known/);
  });

  it('writes every report of a French article in English, dates in the reader’s zone', async () => {
    const { owner, editor, reviewer, team, article, sentences } = await makeNewsroom();
    const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
    await approved(reviewer.id, editor.id, claim.id, {
      rating: 'unverifiable',
      rationale: 'Aucune source indépendante.',
    });
    await prisma.user.update({
      where: { id: owner.id },
      data: { timeZone: 'America/Montreal', locale: 'fr' },
    });

    // French by default.
    expect(await articleReport(owner.id, article.id, 'markdown')).toContain('Invérifiable');

    await patch(owner.id, team.id, { publicationLanguage: 'en' });
    const markdown = await articleReport(owner.id, article.id, 'markdown');
    expect(markdown).toContain('Unverifiable');
    expect(markdown).toMatch(/Checked by Relecteur, approved by Éditrice on /);
    const html = await articleReport(owner.id, article.id, 'html');
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('Checked by Relecteur, approved by Éditrice on');
    expect(html).toContain('Methodology');
    expect(html).not.toContain('Méthodologie');
    // The article's own text keeps its language.
    expect(html).toMatch(/<blockquote lang="fr">[^]{0,300}cinq millions/);

    const claimReview = JSON.parse(await articleReport(owner.id, article.id, 'claimreview')) as {
      reviewRating: { alternateName: string };
      inLanguage: string;
    }[];
    expect(claimReview[0]).toMatchObject({
      reviewRating: { alternateName: 'Unverifiable' },
      inLanguage: 'en',
    });

    const csv = await articleReport(owner.id, article.id, 'csv');
    expect(csv).toContain('"Unverifiable"');
    // Montréal: UTC-5 in winter, UTC-4 in summer; the instants carry the offset.
    const instants = csv.match(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?[+-]\d\d:\d\d"/g) ?? [];
    expect(instants.length).toBeGreaterThanOrEqual(2);
    for (const instant of instants) expect(instant).toMatch(/-0[45]:00"$/);
    const published = await prisma.publishedVerdict.findUniqueOrThrow({
      where: { sentenceId: claim.id },
      select: { approvedAt: true },
    });
    const approvedCell = instants.map((cell) => new Date(cell.slice(1, -1)).getTime());
    expect(approvedCell).toContain(published.approvedAt.getTime());

    const teamMarkdown = await text(
      (await getTeamReport({ userId: owner.id, teamId: team.id, baseUrl: BASE, query: {} })).body,
    );
    expect(teamMarkdown).toContain('Unverifiable');
    const teamCsv = await text(
      (
        await getTeamReport({
          userId: owner.id,
          teamId: team.id,
          baseUrl: BASE,
          query: { format: 'csv' },
        })
      ).body,
    );
    expect(teamCsv).toMatch(/-0[45]:00"/);
  });
});

describe('the team’s public identity', () => {
  it('signs the ClaimReview with the public name, site and logo; refuses what is not http(s)', async () => {
    const { owner, editor, reviewer, team, article, sentences } = await makeNewsroom();
    const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
    await approved(reviewer.id, editor.id, claim.id, { rating: 'false', rationale: 'Démenti.' });

    const unsigned = JSON.parse(await articleReport(owner.id, article.id, 'claimreview')) as {
      author: Record<string, string>;
    }[];
    expect(unsigned[0]!.author).toEqual({ '@type': 'Organization', name: team.name });

    const refused = await patch(owner.id, team.id, { publicUrl: 'javascript:alert(1)' });
    expect(refused.status).toBe(422);
    expect((await patch(editor.id, team.id, { publicName: 'Pas moi' })).status).toBe(403);

    const identity = {
      publicName: '  Les Vérificateurs  ',
      publicUrl: 'https://verif.example.org/',
      logoUrl: 'https://verif.example.org/logo.png',
    };
    const saved = await patch(owner.id, team.id, identity);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ ...identity, publicName: 'Les Vérificateurs' });
    const [review] = JSON.parse(await articleReport(owner.id, article.id, 'claimreview')) as {
      author: Record<string, string>;
    }[];
    expect(review!.author).toEqual({
      '@type': 'Organization',
      name: 'Les Vérificateurs',
      url: 'https://verif.example.org/',
      logo: 'https://verif.example.org/logo.png',
    });
    expect(await articleReport(owner.id, article.id, 'markdown')).toContain('Les Vérificateurs');

    // Blank clears the name (the team's own signs again); the journal says what changed.
    expect((await patch(owner.id, team.id, { publicName: '   ', logoUrl: null })).status).toBe(200);
    expect(await getTeamSettings({ userId: editor.id, teamId: team.id })).toMatchObject({
      publicName: null,
      publicUrl: 'https://verif.example.org/',
      logoUrl: null,
    });
    const events = await prisma.auditEvent.findMany({
      where: { teamId: team.id, action: 'team.update' },
      orderBy: { id: 'asc' },
      select: { before: true, after: true },
    });
    expect(events).toEqual([
      {
        before: { publicName: null, publicUrl: null, logoUrl: null },
        after: {
          publicName: 'Les Vérificateurs',
          publicUrl: 'https://verif.example.org/',
          logoUrl: 'https://verif.example.org/logo.png',
        },
      },
      {
        before: { publicName: 'Les Vérificateurs', logoUrl: 'https://verif.example.org/logo.png' },
        after: { publicName: null, logoUrl: null },
      },
    ]);
    // The database holds the rule too.
    await expect(
      prisma.$executeRaw`UPDATE teams SET public_url = 'ftp://x' WHERE id = ${team.id}::uuid`,
    ).rejects.toThrow(/teams_public_url_http/);
  });
});
