// Other fact-checkers' ClaimReviews (issue 16) on a real PostgreSQL: imported from a file (each
// shape, hostile ones refused with why and nothing of them stored) or followed as a feed through
// the SSRF-safe fetcher; matched only when their publisher is trusted, after the team's own
// verdicts, never for another team; « Reprendre » makes a draft with the sources; the matches
// are cached and the cache follows the index.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import { createArticle } from '@/lib/server/articles/create-article';
import {
  addFactCheckFeed,
  listFactCheckFeeds,
  refreshFactCheckFeed,
  removeFactCheckFeed,
} from '@/lib/server/fact-checks/fact-check-feeds';
import {
  listFactCheckPublishers,
  setPublisherTrust,
} from '@/lib/server/fact-checks/fact-check-publishers';
import { importFactChecks } from '@/lib/server/fact-checks/import-fact-checks';
import { findSentenceMatches, listMatchMarks } from '@/lib/server/matching/find-matches';
import { reuseMatch } from '@/lib/server/matching/reuse-match';
import { approved, makeNewsroom } from './fixtures';

const CLAIM = 'La Corée du Nord a livré cinq millions de projectiles à la Russie en 2024.';
const QUERY =
  'Selon Séoul, la Corée du Nord aurait livré 5 millions de projectiles à la Russie en 2024.';

function claimReview(url: string, claimReviewed: string, extra: object = {}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed,
    datePublished: '2024-11-02',
    inLanguage: 'fr',
    author: { '@type': 'Organization', name: 'Vérif Presse', url: 'https://verif.example' },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Un député' },
      datePublished: '2024-10-30',
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'Faux',
    },
    ...extra,
  };
}

function dataFeed(items: object[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dataFeedElement: items.map((item) => ({ '@type': 'DataFeedItem', item: [item] })),
  };
}

async function sentencesOf(userId: string, teamId: string, text: string) {
  const article = await createArticle({ userId, input: { teamId, text, language: 'fr' } });
  return prisma.sentence.findMany({
    where: { articleId: article.id, kind: 'sentence' },
    orderBy: { index: 'asc' },
  });
}

let server: Server;
let base = '';
let feedBody = '';
let feedStatus = 200;

beforeAll(async () => {
  process.env.IMPORT_ALLOW_PRIVATE_HOSTS = '1';
  server = createServer((request, response) => {
    if (request.url === '/feed.json') {
      response.writeHead(feedStatus, { 'content-type': 'application/ld+json' }).end(feedBody);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.IMPORT_ALLOW_PRIVATE_HOSTS;
  await new Promise((resolve) => server.close(resolve));
});

describe('external fact-checks', () => {
  it('imports usable ClaimReviews, refuses hostile ones with why, and matches only trusted publishers', async () => {
    const { editor, reviewer, outsider, team } = await makeNewsroom();
    const document = JSON.stringify(
      dataFeed([
        claimReview('https://verif.example/obus', CLAIM),
        claimReview('javascript:alert(1)', 'Une affirmation piégée sur les obus livrés.'),
        claimReview('https://verif.example/piege', 'Texte <script>alert(1)</script> piégé.'),
      ]),
    );
    const outcome = await importFactChecks({
      userId: editor.id,
      teamId: team.id,
      input: { document },
    });
    expect(outcome).toMatchObject({ imported: 1, updated: 0, newPublishers: 1 });
    expect(outcome.skipped.map((s) => s.reason).sort()).toEqual(['invalid_url', 'markup_in_text']);
    const stored = await prisma.externalFactCheck.findMany({ where: { teamId: team.id } });
    expect(stored.map((row) => row.url)).toEqual(['https://verif.example/obus']);
    expect(stored[0]).toMatchObject({
      claimText: CLAIM,
      claimant: 'Un député',
      ratingName: 'Faux',
      rating: 'false',
      language: 'fr',
    });
    expect(await prisma.claimIndex.count({ where: { externalId: stored[0]!.id } })).toBe(1);

    const [query] = await sentencesOf(editor.id, team.id, QUERY);
    // Untrusted: not shown.
    expect(await findSentenceMatches({ userId: editor.id, sentenceId: query!.id })).toEqual([]);
    const [publisher] = await listFactCheckPublishers({ userId: reviewer.id, teamId: team.id });
    expect(publisher).toMatchObject({ name: 'Vérif Presse', trusted: false, factChecks: 1 });
    await expect(
      setPublisherTrust({
        userId: reviewer.id,
        teamId: team.id,
        publisherId: publisher!.id,
        input: { trusted: true },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await setPublisherTrust({
      userId: editor.id,
      teamId: team.id,
      publisherId: publisher!.id,
      input: { trusted: true },
    });
    // The cached empty answer was invalidated by the trust change.
    const matches = await findSentenceMatches({ userId: editor.id, sentenceId: query!.id });
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      kind: 'external',
      url: 'https://verif.example/obus',
      rating: 'false',
      ratingName: 'Faux',
      publisher: { name: 'Vérif Presse', url: 'https://verif.example/' },
    });
    expect(matches[0]!.reasons).toEqual(expect.arrayContaining(['same_figures', 'same_years']));

    // The team's own approved verdict comes first.
    const [checked] = await sentencesOf(
      editor.id,
      team.id,
      'La Corée du Nord a livré cinq millions de projectiles à la Russie en 2024, selon Séoul.',
    );
    await approved(reviewer.id, editor.id, checked!.id, { rating: 'mostly_true' });
    const both = await findSentenceMatches({ userId: editor.id, sentenceId: query!.id });
    expect(both.map((m) => m.kind)).toEqual(['verdict', 'external']);

    // Another team never sees them, even importing the same URL for itself.
    const [elsewhere] = await prisma.team.findMany({
      where: { memberships: { some: { userId: outsider.id } } },
    });
    await expect(
      importFactChecks({ userId: outsider.id, teamId: team.id, input: { document } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const [theirs] = await sentencesOf(outsider.id, elsewhere!.id, QUERY);
    expect(await findSentenceMatches({ userId: outsider.id, sentenceId: theirs!.id })).toEqual([]);

    // Re-importing the same URL replaces it (dedup by URL).
    const again = await importFactChecks({
      userId: editor.id,
      teamId: team.id,
      input: {
        document: JSON.stringify(
          claimReview('https://verif.example/obus', CLAIM, {
            reviewRating: { '@type': 'Rating', alternateName: 'Trompeur' },
          }),
        ),
      },
    });
    expect(again).toMatchObject({ imported: 0, updated: 1 });
    expect(
      await prisma.externalFactCheck.findFirstOrThrow({ where: { teamId: team.id } }),
    ).toMatchObject({ ratingName: 'Trompeur', rating: null });
    expect(await prisma.externalFactCheck.count({ where: { teamId: team.id } })).toBe(1);
  });

  it('refuses whole documents that are too large, not JSON, nested too deeply or empty — nothing stored', async () => {
    const { editor, reviewer, team } = await makeNewsroom();
    const cases: [string, string][] = [
      ['x'.repeat(10 * 1024 * 1024), 'payload_too_large'],
      ['ceci n’est pas du JSON', 'validation_failed'],
      ['['.repeat(50) + ']'.repeat(50), 'validation_failed'],
      [JSON.stringify({ '@type': 'Article', headline: 'Rien à voir' }), 'validation_failed'],
      [JSON.stringify([claimReview('data:text/html,<p>x</p>', CLAIM)]), 'validation_failed'],
      [
        JSON.stringify(
          Array.from({ length: 1_001 }, (_, i) => claimReview(`https://v.example/${i}`, CLAIM)),
        ),
        'payload_too_large',
      ],
    ];
    for (const [document, code] of cases) {
      await expect(
        importFactChecks({ userId: editor.id, teamId: team.id, input: { document } }),
      ).rejects.toMatchObject({ code });
    }
    await expect(
      importFactChecks({
        userId: reviewer.id,
        teamId: team.id,
        input: { document: JSON.stringify(claimReview('https://v.example/a', CLAIM)) },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await prisma.externalFactCheck.count({ where: { teamId: team.id } })).toBe(0);
    expect(await prisma.factCheckPublisher.count({ where: { teamId: team.id } })).toBe(0);
    expect(
      await prisma.auditEvent.count({ where: { teamId: team.id, action: 'factcheck.import' } }),
    ).toBe(0);
  });

  it('reads the JSON-LD blocks of an HTML page', async () => {
    const { editor, team } = await makeNewsroom();
    const page = `<!doctype html><html><head>
      <script type="application/ld+json">${JSON.stringify(claimReview('https://verif.example/page', CLAIM))}</script>
      <script>window.evil = 1</script></head><body><p>Article</p></body></html>`;
    const outcome = await importFactChecks({
      userId: editor.id,
      teamId: team.id,
      input: { document: page, trust: true },
    });
    expect(outcome.imported).toBe(1);
    const [publisher] = await listFactCheckPublishers({ userId: editor.id, teamId: team.id });
    expect(publisher!.trusted).toBe(true);
  });

  it('follows a feed through the worker’s refresh, records its failures, and removing it removes what it brought', async () => {
    const { editor, viewer, team } = await makeNewsroom();
    feedStatus = 200;
    feedBody = JSON.stringify(
      dataFeed([
        claimReview('https://verif.example/feed-1', CLAIM),
        claimReview('https://verif.example/feed-2', 'Le prix du gaz a doublé en France en 2023.'),
      ]),
    );
    await expect(
      addFactCheckFeed({ userId: viewer.id, teamId: team.id, input: { url: `${base}/feed.json` } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      addFactCheckFeed({ userId: editor.id, teamId: team.id, input: { url: 'javascript:x' } }),
    ).rejects.toBeTruthy();
    const feed = await addFactCheckFeed({
      userId: editor.id,
      teamId: team.id,
      input: { url: `${base}/feed.json`, trust: true },
    });
    // Queued for the worker in the same transaction.
    const [job] = await prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM graphile_worker.jobs WHERE key = ${`feed:${feed.id}`}`;
    expect(Number(job!.count)).toBe(1);
    await expect(
      addFactCheckFeed({ userId: editor.id, teamId: team.id, input: { url: `${base}/feed.json` } }),
    ).rejects.toMatchObject({ code: 'conflict' });

    const refreshed = await refreshFactCheckFeed(feed.id);
    expect(refreshed).toMatchObject({ status: 'ok', itemCount: 2, error: null });
    expect(
      await prisma.externalFactCheck.count({ where: { teamId: team.id, feedId: feed.id } }),
    ).toBe(2);

    feedStatus = 500;
    const failed = await refreshFactCheckFeed(feed.id);
    expect(failed).toMatchObject({ status: 'error', error: 'bad_status', itemCount: 2 });
    expect(await prisma.externalFactCheck.count({ where: { feedId: feed.id } })).toBe(2);
    feedStatus = 200;
    feedBody = '{"@type": "DataFeed", "dataFeedElement": [[[[';
    expect(await refreshFactCheckFeed(feed.id)).toMatchObject({ error: 'notJson' });

    expect((await listFactCheckFeeds({ userId: viewer.id, teamId: team.id }))[0]).toMatchObject({
      id: feed.id,
      status: 'error',
    });
    await removeFactCheckFeed({ userId: editor.id, teamId: team.id, feedId: feed.id });
    expect(await prisma.externalFactCheck.count({ where: { teamId: team.id } })).toBe(0);
    expect(
      await prisma.claimIndex.count({ where: { teamId: team.id, externalId: { not: null } } }),
    ).toBe(0);
  });

  it('reuses a match as my draft, with its sources and a link to the earlier fact-check', async () => {
    const { editor, reviewer, reviewer2, viewer, team } = await makeNewsroom();
    const [checked] = await sentencesOf(editor.id, team.id, CLAIM);
    await approved(reviewer.id, reviewer2.id, checked!.id, {
      rating: 'false',
      rationale: 'Les estimations publiées parlent de trois millions.',
      sources: [{ url: 'https://renseignement.example/rapport', title: 'Rapport' }],
    });
    await importFactChecks({
      userId: editor.id,
      teamId: team.id,
      input: {
        document: JSON.stringify(claimReview('https://verif.example/reuse', CLAIM)),
        trust: true,
      },
    });
    const external = await prisma.externalFactCheck.findFirstOrThrow({
      where: { teamId: team.id },
    });
    const [one, two] = await sentencesOf(
      editor.id,
      team.id,
      `${QUERY} ${QUERY.replace('Séoul', 'Tokyo')}`,
    );

    const draft = await reuseMatch({
      userId: editor.id,
      sentenceId: one!.id,
      input: { from: { kind: 'verdict', sentenceId: checked!.id } },
      baseUrl: 'https://factdesk.example',
    });
    expect(draft).toMatchObject({
      status: 'draft',
      rating: 'false',
      rationale: 'Les estimations publiées parlent de trois millions.',
    });
    expect(draft.sources.map((s: { url: string }) => s.url)).toEqual([
      'https://renseignement.example/rapport',
      expect.stringMatching(/^https:\/\/factdesk\.example\/articles\/[0-9a-f-]+#sentence-1$/),
    ]);
    await expect(
      reuseMatch({
        userId: editor.id,
        sentenceId: one!.id,
        input: { from: { kind: 'external', factCheckId: external.id } },
        baseUrl: 'https://factdesk.example',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });

    const fromExternal = await reuseMatch({
      userId: editor.id,
      sentenceId: two!.id,
      input: { from: { kind: 'external', factCheckId: external.id } },
      baseUrl: 'https://factdesk.example',
    });
    expect(fromExternal).toMatchObject({ status: 'draft', rating: 'false' });
    expect(fromExternal.sources).toEqual([
      expect.objectContaining({ url: 'https://verif.example/reuse', publisher: 'Vérif Presse' }),
    ]);
    await expect(
      reuseMatch({
        userId: viewer.id,
        sentenceId: two!.id,
        input: { from: { kind: 'external', factCheckId: external.id } },
        baseUrl: 'https://factdesk.example',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // The audit trail has both drafts.
    expect(
      await prisma.auditEvent.count({
        where: { teamId: team.id, action: 'verdict.create', actorId: editor.id },
      }),
    ).toBe(2);
  });

  it('marks the triage list’s sentences that have a match, from a cache that follows the index', async () => {
    const { editor, reviewer, reviewer2, team, article } = await makeNewsroom();
    const [checked] = await sentencesOf(editor.id, team.id, CLAIM);
    const [query, unrelated] = await sentencesOf(
      editor.id,
      team.id,
      `${QUERY} Le prix du pain a augmenté de dix centimes à Paris.`,
    );
    const ask = (ids: string[]) =>
      listMatchMarks({
        userId: editor.id,
        articleId: query!.articleId,
        query: { sentences: ids.join(',') },
      });
    expect(await ask([query!.id, unrelated!.id])).toEqual([]);
    await approved(reviewer.id, reviewer2.id, checked!.id, { rating: 'false' });
    // The approval bumped the team's index version: the cached empty answers are stale.
    expect(await ask([query!.id, unrelated!.id])).toEqual([
      { sentenceId: query!.id, count: 1, rating: 'false', kind: 'verdict' },
    ]);
    const cached = await prisma.claimMatchCache.findUniqueOrThrow({
      where: { sentenceId: query!.id },
    });
    await ask([query!.id]);
    expect(
      (await prisma.claimMatchCache.findUniqueOrThrow({ where: { sentenceId: query!.id } }))
        .computedAt,
    ).toEqual(cached.computedAt);
    // Another article's sentences are ignored; too many ids are refused.
    expect(
      await listMatchMarks({
        userId: editor.id,
        articleId: article.id,
        query: { sentences: query!.id },
      }),
    ).toEqual([]);
    await expect(ask(Array.from({ length: 21 }, () => crypto.randomUUID()))).rejects.toBeTruthy();
  });
});
