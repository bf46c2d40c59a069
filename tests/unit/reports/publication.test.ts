// The published page, the public index and the feeds (issue 15), parsed with linkedom: what a
// browser would build from them. User text is hostile on purpose (a claim that tries to end the
// JSON-LD script, markup in names), and must stay inert text everywhere.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkClaimReview } from '@/lib/reports/claim-review';
import {
  toAtomFeed,
  toClaimReviewFeed,
  toPublicationPage,
  toPublicIndex,
  pageClaimReviews,
  type PublicTeam,
} from '@/lib/reports/publication';
import type { PublicationInfo, ReportClaim, ReportData } from '@/lib/reports/types';
import { slugify, uniqueSlug } from '@/lib/text/slug';

const ESCAPE = '</script><script>alert(1)</script>';
const PAGE = 'https://desk.example/p/les-verificateurs/pacte';

function claim(index: number, overrides: Partial<ReportClaim> = {}): ReportClaim {
  return {
    sentenceId: `s${index}`,
    index,
    text: `Phrase ${index} ${ESCAPE}`,
    rating: 'false',
    rationale: 'Démenti.',
    reviewer: { name: 'Rita <b>Relectrice</b>' },
    reviewedAt: '2026-12-01T10:00:00.000Z',
    approver: { name: 'Olga Approbatrice' },
    approvedAt: '2026-12-02T10:00:00.000Z',
    resolution: false,
    sources: [
      {
        url: 'https://example.org/a',
        title: 'A',
        publisher: null,
        publishedAt: null,
        excerpt: null,
      },
    ],
    ...overrides,
  };
}

function data(publication: Partial<PublicationInfo> = {}): ReportData {
  return {
    article: {
      id: 'a1',
      title: `Le pacte ${ESCAPE}`,
      language: 'fr',
      sourceUrl: 'https://news.example/pacte',
      publisher: 'Le Quotidien',
      partial: false,
      sentenceCount: 10,
      publishedAt: '2026-11-30',
    },
    organization: 'Les Vérificateurs',
    organizationUrl: 'https://verif.example',
    factCheckUrl: 'https://desk.example/articles/a1',
    generatedAt: '2026-12-02T10:00:00.000Z',
    claims: [claim(2), claim(5, { rating: 'true' })],
    publicationLanguage: 'fr',
    publication: {
      url: PAGE,
      indexUrl: 'https://desk.example/p/les-verificateurs',
      claimReviewFeedUrl: 'https://desk.example/p/les-verificateurs/feed.json',
      atomFeedUrl: 'https://desk.example/p/les-verificateurs/feed.atom',
      firstPublishedAt: '2026-12-02T10:00:00.000Z',
      modifiedAt: '2026-12-03T09:00:00.000Z',
      namedReviewers: true,
      corrections: [],
      ...publication,
    },
  };
}

describe('the published page', () => {
  it('holds one JSON-LD script of valid ClaimReviews pointing at the page, and nothing else runs', () => {
    const html = toPublicationPage(data());
    const { document } = parseHTML(html);
    const scripts = document.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('type')).toBe('application/ld+json');
    // The claim's `</script>` did not end the element: the block parses whole.
    const reviews = JSON.parse(scripts[0]!.textContent!) as {
      url: string;
      claimReviewed: string;
    }[];
    expect(reviews.map((r) => r.url)).toEqual([`${PAGE}#sentence-3`, `${PAGE}#sentence-6`]);
    for (const review of reviews) expect(checkClaimReview(review).errors).toEqual([]);
    expect(reviews[0]!.claimReviewed).toContain('</script>');
    expect(document.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(PAGE);
    expect(document.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(
      `Le pacte ${ESCAPE}`,
    );
    expect(document.querySelector('meta[property="og:description"]')!.getAttribute('content')).toBe(
      `2 affirmations vérifiées par Les Vérificateurs : Le pacte ${ESCAPE}`,
    );
    expect(document.querySelector('b')).toBeNull();
    expect(document.querySelector('#sentence-3 .signature')!.textContent).toContain(
      'Rita <b>Relectrice</b>',
    );
    // Publication dates instead of the report's generation date; the team's index in the footer.
    expect(document.querySelector('dl.meta')!.textContent).toContain('Publié le');
    expect(document.querySelector('dl.meta')!.textContent).not.toContain('Rapport généré');
    expect(document.querySelector('footer a')!.getAttribute('href')).toBe(
      'https://desk.example/p/les-verificateurs',
    );
    expect(document.querySelector('#corrections')).toBeNull();
  });

  it('signs with the team alone when it names nobody', () => {
    const { document } = parseHTML(toPublicationPage(data({ namedReviewers: false })));
    const signatures = [...document.querySelectorAll('.signature')].map((s) => s.textContent);
    expect(signatures).toHaveLength(2);
    for (const text of signatures)
      expect(text).toMatch(/^Vérifié par Les Vérificateurs, publié le /);
    expect(document.body.textContent).not.toContain('Relectrice');
    expect(document.body.textContent).not.toContain('Approbatrice');
  });

  it('lists its dated corrections, each linked to its claim', () => {
    const { document } = parseHTML(
      toPublicationPage(
        data({
          corrections: [
            {
              at: '2026-12-03T08:00:00.000Z',
              sentenceIndex: 2,
              kind: 'changed',
              previousRating: 'unverifiable',
              rating: 'false',
            },
            {
              at: '2026-12-03T09:00:00.000Z',
              sentenceIndex: 5,
              kind: 'added',
              previousRating: null,
              rating: 'true',
            },
          ],
        }),
      ),
    );
    const items = [...document.querySelectorAll('#corrections li')];
    expect(items.map((li) => li.querySelector('a')!.textContent)).toEqual([
      'Phrase 3 : verdict corrigé, « Invérifiable » devient « Faux ».',
      'Phrase 6 : verdict ajouté, « Vrai ».',
    ]);
    expect(items[0]!.querySelector('a')!.getAttribute('href')).toBe('#sentence-3');
    // React writes the attribute as `dateTime`; HTML attribute names are case-insensitive.
    expect(items[0]!.querySelector('time')!.outerHTML).toContain(
      'dateTime="2026-12-03T08:00:00.000Z"',
    );
  });
});

const TEAM: PublicTeam = {
  name: 'Les <Vérificateurs> & co',
  url: 'https://verif.example',
  logo: null,
  language: 'en',
  indexUrl: 'https://desk.example/p/verif',
  claimReviewFeedUrl: 'https://desk.example/p/verif/feed.json',
  atomFeedUrl: 'https://desk.example/p/verif/feed.atom',
  modifiedAt: '2026-12-03T09:00:00.000Z',
};
const ENTRY = {
  title: `Pact ${ESCAPE}`,
  url: PAGE,
  firstPublishedAt: '2026-12-02T10:00:00.000Z',
  modifiedAt: '2026-12-03T09:00:00.000Z',
  claimCount: 1,
};

describe('the team’s index and feeds', () => {
  it('index: links to each page and both feeds, in the publication language, no script', () => {
    const { document } = parseHTML(toPublicIndex(TEAM, [ENTRY]));
    expect(document.querySelector('h1')!.textContent).toBe(
      'Fact-checks published by Les <Vérificateurs> & co',
    );
    expect(document.querySelector('main a')!.getAttribute('href')).toBe(PAGE);
    expect(document.querySelector('main li')!.textContent).toContain('1 claim checked');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelector('link[type="application/atom+xml"]')!.getAttribute('href')).toBe(
      TEAM.atomFeedUrl,
    );
  });

  it('ClaimReview feed: a DataFeed of DataFeedItems carrying valid ClaimReviews, safe to embed', () => {
    const reviews = pageClaimReviews({ ...data(), publication: data().publication! });
    const text = toClaimReviewFeed(TEAM, [
      {
        url: PAGE,
        firstPublishedAt: ENTRY.firstPublishedAt,
        modifiedAt: ENTRY.modifiedAt,
        reviews,
      },
    ]);
    expect(text).not.toContain('</script');
    const feed = JSON.parse(text) as {
      '@type': string;
      publisher: { name: string; url: string };
      dataFeedElement: { '@type': string; url: string; item: unknown[] }[];
    };
    expect(feed['@type']).toBe('DataFeed');
    expect(feed.publisher).toMatchObject({ name: TEAM.name, url: TEAM.url });
    expect(feed.dataFeedElement).toEqual([
      expect.objectContaining({
        '@type': 'DataFeedItem',
        url: PAGE,
        dateCreated: ENTRY.firstPublishedAt,
      }),
    ]);
    for (const review of feed.dataFeedElement[0]!.item)
      expect(checkClaimReview(review).errors).toEqual([]);
  });

  it('Atom feed: well-formed XML with the text escaped', () => {
    const xml = toAtomFeed(TEAM, [ENTRY]);
    const { document } = parseHTML(`<div>${xml.replace(/^<\?xml[^>]*>/, '')}</div>`);
    expect(document.querySelectorAll('entry')).toHaveLength(1);
    expect(xml).toContain(
      '<title>Pact &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
    expect(xml).toContain('<name>Les &lt;Vérificateurs&gt; &amp; co</name>');
    expect(xml).not.toContain('<script>');
  });
});

describe('public addresses', () => {
  it('are lowercase ASCII words, cut at a hyphen, unique with a number', () => {
    expect(slugify('Pacte Russie–Corée du Nord : « l’alliance » œuvre', { fallback: 'x' })).toBe(
      'pacte-russie-coree-du-nord-l-alliance-oeuvre',
    );
    expect(slugify('!!!', { fallback: 'verification' })).toBe('verification');
    const long = slugify('un mot encore un mot encore un mot encore', {
      maxLength: 20,
      fallback: 'x',
    });
    expect(long).toBe('un-mot-encore-un-mot');
    expect(long.length).toBeLessThanOrEqual(20);
    expect(uniqueSlug('pacte', new Set(['pacte', 'pacte-2']))).toBe('pacte-3');
    expect(uniqueSlug('pacte', new Set())).toBe('pacte');
  });
});
