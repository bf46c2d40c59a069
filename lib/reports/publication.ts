// What a team publishes for the world (app/p/**), from the same report model as its downloads:
// the fact-check page (the HTML report with its canonical address, sharing tags, correction
// notes and one JSON-LD script of ClaimReviews whose `url`s are the page's claim anchors), the
// team's public index, its ClaimReview feed (a schema.org DataFeed, the shape Google's Fact Check
// Tools and Data Commons read) and its Atom feed. Pure: lib/server/publications gathers the data.
import { createElement } from 'react';
import { stringifyJsonLd } from '@/lib/text/json-ld';
import { toClaimReview, type ClaimReview } from './claim-review';
import { localeFor } from './format';
import { htmlWriter } from './html';
import { PublicIndex, type PublicIndexEntry } from './html/public-index';
import { renderMarkup } from './html/render';
import { STRINGS } from './html/strings';
import type { ReportData } from './types';
import { resolveLanguage } from './verdict-scale';
import { reportHead, writeAll } from './writer';

export type { PublicIndexEntry };

/** The published page: `data.publication` must be set (its url is the canonical address). */
export function toPublicationPage(data: ReportData): string {
  if (!data.publication) throw new Error('toPublicationPage needs data.publication');
  const reviews = toClaimReview({ ...data, factCheckUrl: data.publication.url });
  const jsonLd = stringifyJsonLd(reviews.length === 1 ? reviews[0] : reviews);
  return writeAll(htmlWriter(reportHead(data), { jsonLd }), data.claims);
}

export interface PublicTeam {
  name: string;
  url: string | null;
  logo: string | null;
  language: string;
  indexUrl: string;
  claimReviewFeedUrl: string;
  atomFeedUrl: string;
  /** ISO date-time of the latest change among its publications; null without any. */
  modifiedAt: string | null;
}

/** The team's public index of published fact-checks (an HTML5 document, no script). */
export function toPublicIndex(team: PublicTeam, entries: PublicIndexEntry[]): string {
  const language = resolveLanguage(team.language);
  const ctx = {
    t: STRINGS[language],
    locale: localeFor(team.language, language),
  };
  return `<!DOCTYPE html>\n${renderMarkup(createElement(PublicIndex, { team, entries, ctx }))}\n`;
}

/** One article of a ClaimReview feed: its page and its ClaimReviews. */
export interface FeedArticle {
  url: string;
  firstPublishedAt: string;
  modifiedAt: string;
  reviews: ClaimReview[];
}

/** The ClaimReviews of a published page, for the feeds (`url`s are its claim anchors). */
export function pageClaimReviews(data: ReportData & { publication: { url: string } }) {
  return toClaimReview({ ...data, factCheckUrl: data.publication.url });
}

/**
 * The team's ClaimReview feed: a schema.org DataFeed with one DataFeedItem per published page,
 * whose `item` lists the page's ClaimReviews — as safe JSON-LD text.
 */
export function toClaimReviewFeed(team: PublicTeam, articles: FeedArticle[]): string {
  return stringifyJsonLd(
    {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      name: STRINGS[resolveLanguage(team.language)].indexTitle(team.name),
      url: team.indexUrl,
      inLanguage: team.language,
      ...(team.modifiedAt ? { dateModified: team.modifiedAt } : {}),
      publisher: {
        '@type': 'Organization',
        name: team.name,
        ...(team.url ? { url: team.url } : {}),
        ...(team.logo ? { logo: team.logo } : {}),
      },
      dataFeedElement: articles.map((article) => ({
        '@type': 'DataFeedItem',
        url: article.url,
        dateCreated: article.firstPublishedAt,
        dateModified: article.modifiedAt,
        item: article.reviews,
      })),
    },
    2,
  );
}

/** Text for XML character data and attribute values. */
function xml(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The team's Atom feed (RFC 4287): one entry per published page, newest change first. */
export function toAtomFeed(team: PublicTeam, entries: PublicIndexEntry[]): string {
  const t = STRINGS[resolveLanguage(team.language)];
  const updated = team.modifiedAt ?? new Date(0).toISOString();
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(team.language)}">`,
    `  <id>${xml(team.indexUrl)}</id>`,
    `  <title>${xml(t.indexTitle(team.name))}</title>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <link rel="alternate" type="text/html" href="${xml(team.indexUrl)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(team.atomFeedUrl)}"/>`,
    `  <author><name>${xml(team.name)}</name>${team.url ? `<uri>${xml(team.url)}</uri>` : ''}</author>`,
    ...(team.logo ? [`  <logo>${xml(team.logo)}</logo>`] : []),
  ];
  const locale = localeFor(team.language, resolveLanguage(team.language));
  for (const entry of entries) {
    const count = new Intl.NumberFormat(locale).format(entry.claimCount);
    lines.push(
      '  <entry>',
      `    <id>${xml(entry.url)}</id>`,
      `    <title>${xml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(entry.url)}"/>`,
      `    <published>${xml(entry.firstPublishedAt)}</published>`,
      `    <updated>${xml(entry.modifiedAt)}</updated>`,
      `    <summary>${xml(t.pageDescription(count, entry.claimCount === 1, team.name, entry.title))}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
