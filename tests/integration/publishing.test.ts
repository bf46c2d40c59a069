// Publishing a fact-check (issue 15, point 1) on a real PostgreSQL: an editor publishes the
// approved verdicts of an article at /p/{team}/{article}; an anonymous client reads it (valid
// ClaimReview whose `url` is the page's claim anchor), with cache validators; unapproved verdicts
// never appear; a new approved version adds a dated correction note; withdrawal answers 410;
// the team's index, ClaimReview DataFeed and Atom feed list what is published.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
import { signedIn as session } from '../support/signed-in';

import {
  DELETE as unpublishRoute,
  GET as publicationRoute,
  POST as publishRoute,
} from '@/app/api/v1/articles/[id]/publication/route';
import { GET as pageRoute } from '@/app/p/[team]/[article]/route';
import { GET as atomRoute } from '@/app/p/[team]/feed.atom/route';
import { GET as feedRoute } from '@/app/p/[team]/feed.json/route';
import { GET as indexRoute } from '@/app/p/[team]/route';
import { prisma } from '@/lib/db';
import { checkClaimReview } from '@/lib/reports/claim-review';
import { getReport } from '@/lib/server/reports/get-report';
import { updateTeam } from '@/lib/server/teams/update-team';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { submitVerdict } from '@/lib/server/verdicts/submit-verdict';
import { approveVerdict } from '@/lib/server/verdicts/review-verdict';
import { approved, makeNewsroom, submitted } from './fixtures';

const BASE = 'https://desk.example';
const SOURCE = { url: 'https://www.example.org/rapport-onu', title: 'Rapport de l’ONU' };

function call(route: typeof publishRoute, method: string, userId: string, articleId: string) {
  session.userId = userId;
  return route(new Request(`${BASE}/api/v1/articles/${articleId}/publication`, { method }), {
    params: Promise.resolve({ id: articleId }),
  });
}

/** An anonymous GET of a public address, with optional request headers. */
async function anonymous(url: string, headers: Record<string, string> = {}) {
  // Nobody signed in: a session lookup would throw (no user has the empty id).
  session.userId = '';
  const { pathname } = new URL(url);
  const [, , team, rest] = pathname.split('/');
  const request = new Request(url, { headers });
  if (rest === undefined) return indexRoute(request, { params: Promise.resolve({ team: team! }) });
  if (rest === 'feed.json') return feedRoute(request, { params: Promise.resolve({ team: team! }) });
  if (rest === 'feed.atom') return atomRoute(request, { params: Promise.resolve({ team: team! }) });
  return pageRoute(request, { params: Promise.resolve({ team: team!, article: rest }) });
}

function jsonLdOf(html: string): unknown[] {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([^]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  const value: unknown = JSON.parse(scripts[0]![1]!);
  return Array.isArray(value) ? value : [value];
}

async function newsroomWithClaims() {
  const newsroom = await makeNewsroom();
  const claims = newsroom.sentences.filter((s) => s.kind === 'sentence');
  return { ...newsroom, claims };
}

describe('publishing a fact-check', () => {
  it('publishes approved verdicts only, readable without a session, with valid ClaimReview', async () => {
    const { editor, reviewer, reviewer2, viewer, article, claims, team } =
      await newsroomWithClaims();
    const [first, second, third] = claims;

    // Nothing approved yet: nothing to publish. Reviewers and viewers may not publish.
    expect((await call(publishRoute, 'POST', editor.id, article.id)).status).toBe(409);
    await approved(reviewer.id, reviewer2.id, first!.id, {
      rating: 'false',
      rationale: 'Démenti par le rapport.',
      sources: [SOURCE],
    });
    await submitted(reviewer.id, second!.id, { rating: 'true', rationale: 'SECRET-SUBMITTED' });
    await setVerdict({
      userId: reviewer2.id,
      sentenceId: third!.id,
      input: { rating: 'misleading', rationale: 'SECRET-DRAFT' },
    });
    expect((await call(publishRoute, 'POST', reviewer.id, article.id)).status).toBe(403);
    expect((await call(publishRoute, 'POST', viewer.id, article.id)).status).toBe(403);
    expect(await prisma.publication.count({ where: { articleId: article.id } })).toBe(0);

    const published = await call(publishRoute, 'POST', editor.id, article.id);
    expect(published.status).toBe(200);
    const status = (await published.json()) as { status: string; url: string; claimCount: number };
    expect(status).toMatchObject({ status: 'published', claimCount: 1 });
    expect(status.url).toMatch(/^https:\/\/desk\.example\/p\/[a-z0-9-]+\/[a-z0-9-]+$/);
    // Publishing again changes nothing, and journals once.
    expect(await (await call(publishRoute, 'POST', editor.id, article.id)).json()).toEqual(status);
    expect(
      await prisma.auditEvent.count({ where: { teamId: team.id, action: 'article.publish' } }),
    ).toBe(1);
    // Any member reads where it stands.
    expect(await (await call(publicationRoute, 'GET', viewer.id, article.id)).json()).toEqual(
      status,
    );

    const page = await anonymous(status.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain(first!.text);
    expect(html).toContain('Démenti par le rapport.');
    expect(html).not.toContain(second!.text);
    expect(html).not.toContain('SECRET-SUBMITTED');
    expect(html).not.toContain('SECRET-DRAFT');
    expect(html).toContain(`<link rel="canonical" href="${status.url}"/>`);
    expect(html).toContain('property="og:title"');
    expect(html).toContain('name="twitter:card"');
    // The only script is the data block; every ClaimReview is valid and points at this page.
    expect(html.match(/<script/g)).toHaveLength(1);
    const reviews = jsonLdOf(html);
    expect(reviews).toHaveLength(1);
    for (const review of reviews) {
      expect(checkClaimReview(review).errors).toEqual([]);
      expect(review).toMatchObject({ url: `${status.url}#sentence-${first!.index + 1}` });
    }
    expect(html).toContain(`id="sentence-${first!.index + 1}"`);
    // Reviewers are named by default.
    expect(html).toContain('Relecteur');

    // The downloaded ClaimReview now points at the public page too.
    const exported = await getReport({
      userId: editor.id,
      articleId: article.id,
      baseUrl: BASE,
      query: { format: 'claimreview' },
    });
    const exportedText = await new Response(exported.body as ReadableStream).text();
    expect(JSON.parse(exportedText)).toMatchObject([
      { url: `${status.url}#sentence-${first!.index + 1}` },
    ]);
  });

  it('answers 304 to a current copy, and a correction changes the page and adds a dated note', async () => {
    const { editor, reviewer, reviewer2, owner, article, claims } = await newsroomWithClaims();
    const [first, second] = claims;
    const verdict = await approved(reviewer.id, reviewer2.id, first!.id, {
      rating: 'unverifiable',
      sources: [SOURCE],
    });
    const { url } = (await (await call(publishRoute, 'POST', editor.id, article.id)).json()) as {
      url: string;
    };
    const page = await anonymous(url);
    const etag = page.headers.get('etag')!;
    const lastModified = page.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(lastModified).getTime()).not.toBeNaN();
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(await page.text()).not.toContain('id="corrections"');
    const cached = await anonymous(url, { 'if-none-match': etag });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');
    expect((await anonymous(url, { 'if-modified-since': lastModified })).status).toBe(304);

    // A new approved version of the published verdict: a correction.
    await setVerdict({
      userId: reviewer.id,
      sentenceId: first!.id,
      input: {
        rating: 'false',
        rationale: 'Rectifié.',
        sources: [SOURCE],
        version: verdict.version,
      },
    });
    // Reopened as a draft: the page still shows the approved version, unchanged.
    expect((await anonymous(url, { 'if-none-match': etag })).status).toBe(304);
    const resent = await submitVerdict({ userId: reviewer.id, sentenceId: first!.id, input: {} });
    await approveVerdict({
      userId: owner.id,
      verdictId: resent.id,
      input: { version: resent.version },
    });
    // And a claim approved after the publication is added to it, also noted.
    await approved(reviewer2.id, reviewer.id, second!.id, { rating: 'true', sources: [SOURCE] });

    const corrected = await anonymous(url, { 'if-none-match': etag });
    expect(corrected.status).toBe(200);
    expect(corrected.headers.get('etag')).not.toBe(etag);
    const html = await corrected.text();
    expect(html).toContain('Rectifié.');
    expect(html).toContain('id="corrections"');
    expect(html).toContain(
      `Phrase ${first!.index + 1} : verdict corrigé, « Invérifiable » devient « Faux ».`,
    );
    expect(html).toContain(`Phrase ${second!.index + 1} : verdict ajouté, « Vrai ».`);
    expect(jsonLdOf(html)).toHaveLength(2);
    const notes = await prisma.publicationCorrection.findMany({
      where: { articleId: article.id },
      orderBy: { id: 'asc' },
      select: { kind: true, previousRating: true, rating: true, sentenceIndex: true },
    });
    expect(notes).toEqual([
      {
        kind: 'changed',
        previousRating: 'unverifiable',
        rating: 'false',
        sentenceIndex: first!.index,
      },
      { kind: 'added', previousRating: null, rating: 'true', sentenceIndex: second!.index },
    ]);
  });

  it('answers 410 once withdrawn, and republishes at the same address', async () => {
    const { editor, reviewer, reviewer2, article, claims, team } = await newsroomWithClaims();
    await approved(reviewer.id, reviewer2.id, claims[0]!.id, { rating: 'false' });
    const { url } = (await (await call(publishRoute, 'POST', editor.id, article.id)).json()) as {
      url: string;
    };
    expect((await call(unpublishRoute, 'DELETE', reviewer.id, article.id)).status).toBe(403);
    const withdrawn = await call(unpublishRoute, 'DELETE', editor.id, article.id);
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.json()).toMatchObject({ status: 'unpublished', url });
    const gone = await anonymous(url);
    expect(gone.status).toBe(410);
    expect(await gone.text()).not.toContain(claims[0]!.text);
    // Gone from the index and the feeds too.
    const index = new URL(url);
    index.pathname = index.pathname.split('/').slice(0, 3).join('/');
    expect(await (await anonymous(`${index}`)).text()).not.toContain(url);
    expect(await (await anonymous(`${index}/feed.json`)).text()).not.toContain(url);
    expect(
      await prisma.auditEvent.count({ where: { teamId: team.id, action: 'article.unpublish' } }),
    ).toBe(1);

    const again = await call(publishRoute, 'POST', editor.id, article.id);
    expect(await again.json()).toMatchObject({ status: 'published', url });
    expect((await anonymous(url)).status).toBe(200);
    // Unknown addresses are 404, whatever they look like.
    expect((await anonymous(`${url}-nope`)).status).toBe(404);
    expect((await anonymous(`${index}/..%2F`)).status).toBe(404);
  });

  it('names the team only when it chooses so', async () => {
    const { owner, editor, reviewer, reviewer2, article, claims, team } =
      await newsroomWithClaims();
    await approved(reviewer.id, reviewer2.id, claims[0]!.id, { rating: 'false' });
    await updateTeam({
      userId: owner.id,
      teamId: team.id,
      input: { nameReviewers: false, publicName: 'Les Vérificateurs' },
    });
    const { url } = (await (await call(publishRoute, 'POST', editor.id, article.id)).json()) as {
      url: string;
    };
    // The team's public segment comes from its public name.
    expect(url).toContain('/p/les-verificateurs');
    const html = await (await anonymous(url)).text();
    expect(html).not.toContain('Relecteur');
    expect(html).not.toContain('Seconde relectrice');
    expect(html).toContain('Vérifié par Les Vérificateurs, publié le');
  });

  it('lists published fact-checks in the index, the ClaimReview DataFeed and the Atom feed', async () => {
    const { editor, reviewer, reviewer2, article, claims } = await newsroomWithClaims();
    await approved(reviewer.id, reviewer2.id, claims[0]!.id, {
      rating: 'false',
      sources: [SOURCE],
    });
    await approved(reviewer2.id, reviewer.id, claims[1]!.id, { rating: 'true', sources: [SOURCE] });
    const { url } = (await (await call(publishRoute, 'POST', editor.id, article.id)).json()) as {
      url: string;
    };
    const indexUrl = url.split('/').slice(0, 5).join('/');

    const index = await anonymous(indexUrl);
    expect(index.status).toBe(200);
    const indexHtml = await index.text();
    expect(indexHtml).toContain(`href="${url}"`);
    expect(indexHtml).toContain('2 affirmations vérifiées');
    expect(indexHtml).not.toContain('<script');

    const feed = await anonymous(`${indexUrl}/feed.json`);
    expect(feed.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const data = (await feed.json()) as {
      '@type': string;
      dataFeedElement: { '@type': string; url: string; item: unknown[] }[];
    };
    expect(data['@type']).toBe('DataFeed');
    expect(data.dataFeedElement).toHaveLength(1);
    const [element] = data.dataFeedElement;
    expect(element).toMatchObject({ '@type': 'DataFeedItem', url });
    expect(element!.item).toHaveLength(2);
    for (const review of element!.item) {
      expect(checkClaimReview(review).errors).toEqual([]);
      expect((review as { url: string }).url.startsWith(`${url}#sentence-`)).toBe(true);
    }

    const atom = await anonymous(`${indexUrl}/feed.atom`);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await atom.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="${url}"/>`);
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });
});
