// Search results: each matching sentence with its matches marked, what matched (its text, a
// highlight note, a rationale, a comment — those shown with their author), its article, its
// published verdict and review state, linking to the reader at the sentence with its panel
// open; then pages.
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { Formatter } from '@/lib/i18n/format';
import type { searchSentences } from '@/lib/server/search/search-sentences';
import { SNIPPET_END, SNIPPET_START } from '@/lib/server/search/search-sentences';
import { searchHref, type SearchValues } from './search-params';

type SearchResult = Awaited<ReturnType<typeof searchSentences>>;

/** Mirrors the service's page size. */
const PAGE_SIZE = 25;
/** The schema's highest page. */
const MAX_PAGE = 100;

/**
 * The snippet as plain-text pieces, the matches flagged. The markers are control characters the
 * database put around each match; a stray marker is dropped rather than shown.
 */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const push = (text: string, marked: boolean) => {
    const clean = text.replaceAll(SNIPPET_START, '').replaceAll(SNIPPET_END, '');
    if (clean !== '') parts.push({ text: clean, marked });
  };
  const [head, ...rest] = snippet.split(SNIPPET_START);
  push(head, false);
  for (const chunk of rest) {
    const end = chunk.indexOf(SNIPPET_END);
    if (end === -1) {
      push(chunk, true);
    } else {
      push(chunk.slice(0, end), true);
      push(chunk.slice(end + 1), false);
    }
  }
  return parts;
}

function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      {snippetParts(snippet).map((part, index) =>
        part.marked ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

function formatDate(format: Formatter, isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : format.dateTime(date, 'mediumDate', { timeZone: 'UTC' });
}

function Pagination({
  page,
  pageCount,
  values,
}: {
  page: number;
  pageCount: number;
  values: SearchValues;
}) {
  const t = useTranslations('search.results');
  const link = 'rounded-md border border-stone-300 bg-white px-2.5 py-1 hover:bg-stone-100';
  return (
    <nav aria-label={t('pages')} className="mt-4">
      <ul className="flex flex-wrap items-center gap-1 text-sm">
        {page > 1 ? (
          <li>
            <Link href={searchHref(values, page - 1)} className={link} rel="prev">
              {t('previous')}
            </Link>
          </li>
        ) : null}
        {Array.from({ length: pageCount }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === page ? (
              <span
                aria-current="page"
                className="rounded-md border border-blue-700 bg-blue-700 px-2.5 py-1 text-white"
              >
                <span className="sr-only">{t('page')} </span>
                {n}
              </span>
            ) : (
              <Link href={searchHref(values, n)} className={link}>
                <span className="sr-only">{t('page')} </span>
                {n}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link href={searchHref(values, page + 1)} className={link} rel="next">
              {t('next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function SearchResults({
  result,
  values,
  hasCriteria,
}: {
  result: SearchResult;
  values: SearchValues;
  /** Words or a verdict/state/reviewer filter: without one the service searches nothing. */
  hasCriteria: boolean;
}) {
  const t = useTranslations('search.results');
  const format = useFormatter();
  const labels = useTranslations('labels');
  if (!hasCriteria) {
    return (
      <p className="mt-6 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
        {t('noCriteria')}
      </p>
    );
  }
  const pageCount = Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE));
  return (
    <section aria-labelledby="search-results-heading" className="mt-6">
      <h2 id="search-results-heading" className="mb-3 text-base font-semibold">
        {t('count', { count: result.total })}
      </h2>
      {result.total === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {t('none')}
        </p>
      ) : result.results.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {t('pageOutOfRange', { count: pageCount })}
        </p>
      ) : (
        <ol
          aria-label={t('list')}
          className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm"
        >
          {result.results.map((item) => (
            <li key={item.sentence.id} className="p-4">
              <Link
                href={item.href}
                lang={item.article.language}
                className="font-serif text-stone-900 hover:text-blue-800 hover:underline"
              >
                <Snippet snippet={item.snippet} />
              </Link>
              {result.query !== '' ? (
                <p className="mt-1 text-xs text-stone-600">
                  {t('foundIn', {
                    places: item.matched.map((kind) => t(`matched.${kind}`)).join(', '),
                  })}
                </p>
              ) : null}
              {item.matches.length > 0 ? (
                <ul className="mt-2 space-y-1 border-l-2 border-stone-200 pl-3 text-sm text-stone-700">
                  {item.matches.map((match) => (
                    <li key={match.id}>
                      {t.rich('matchLine', {
                        heading: match.author
                          ? t(`matchBy.${match.kind}`, { author: match.author.name })
                          : t(`match.${match.kind}`),
                        label: (chunks) => (
                          <span className="font-medium text-stone-800">{chunks}</span>
                        ),
                        snippet: () => <Snippet snippet={match.snippet} />,
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="mt-1 text-xs text-stone-500">
                <span lang={item.article.language} className="font-medium text-stone-700">
                  {item.article.title}
                </span>{' '}
                · {item.article.teamName} ·{' '}
                <time dateTime={item.article.date}>{formatDate(format, item.article.date)}</time>
              </p>
              <p className="mt-1 text-sm text-stone-700">
                {item.rating
                  ? t.rich('published', {
                      rating: labels(`rating.${item.rating}`),
                      verdict: (chunks) => (
                        <span className="fd-rating font-semibold" data-rating={item.rating}>
                          {chunks}
                        </span>
                      ),
                    })
                  : t('notPublished')}{' '}
                · {labels(`sentenceState.${item.state}`)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {pageCount > 1 ? (
        <Pagination page={result.page} pageCount={pageCount} values={values} />
      ) : null}
    </section>
  );
}
