// The team's public index of published fact-checks (app/p/{team}): newest change first, with
// links to its feeds. Static markup like the report (render.ts): React escapes every text.
import { formatCount, formatDate } from '../format';
import type { PublicTeam } from '../publication';
import { safeHref } from './components';
import type { Strings } from './strings';
import { CSS } from './style';

export interface PublicIndexEntry {
  title: string;
  url: string;
  firstPublishedAt: string;
  modifiedAt: string;
  claimCount: number;
}

export function PublicIndex({
  team,
  entries,
  ctx,
}: {
  team: PublicTeam;
  entries: PublicIndexEntry[];
  ctx: { t: Strings; locale: string };
}) {
  const { t, locale } = ctx;
  const title = t.indexTitle(team.name);
  const site = safeHref(team.url);
  return (
    <html lang={locale}>
      {/* A standalone document rendered to a string, not a Next page: next/head has no say. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="FactDesk" />
        <title>{title}</title>
        <link rel="canonical" href={team.indexUrl} />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={t.atomFeed}
          href={team.atomFeedUrl}
        />
        <link
          rel="alternate"
          type="application/ld+json"
          title={t.claimReviewFeed}
          href={team.claimReviewFeedUrl}
        />
        <meta property="og:type" content="website" />
        <meta property="og:title" content={title} />
        <meta property="og:url" content={team.indexUrl} />
        {/* Our own constant stylesheet, never user data. */}
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <header>
          <p className="kicker">{site ? <a href={site}>{team.name}</a> : team.name}</p>
          <h1>{title}</h1>
        </header>
        <main>
          {entries.length === 0 ? (
            <p>{t.indexEmpty}</p>
          ) : (
            <ul className="index">
              {entries.map((entry) => {
                const count = formatCount(entry.claimCount, locale);
                return (
                  <li key={entry.url}>
                    <a href={entry.url}>{entry.title || t.untitled}</a>
                    <br />
                    <small>
                      {t.firstPublished}{' '}
                      {formatDate(entry.firstPublishedAt, locale, 'UTC') ?? entry.firstPublishedAt}
                      {' — '}
                      {t.indexClaims(count.text, count.one)}
                    </small>
                  </li>
                );
              })}
            </ul>
          )}
          <h2>{t.feeds}</h2>
          <ul>
            <li>
              <a href={team.claimReviewFeedUrl}>{t.claimReviewFeed}</a>
            </li>
            <li>
              <a href={team.atomFeedUrl}>{t.atomFeed}</a>
            </li>
          </ul>
        </main>
      </body>
    </html>
  );
}
