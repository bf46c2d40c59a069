// Team report: every verified claim of a team's articles over a period, for newsroom reviews
// ("what did we check this quarter, and how?"). Each format is the single-article builder applied
// to every article, wrapped with the team, the date and the filters that selected the articles:
// no escaping, labelling or neutralisation logic of its own.
import { oneOrOther, reportTranslator, type ReportTranslate } from './catalogue';
import { toClaimReview, type ClaimReview } from './claim-review';
import { CSV_COLUMNS, csvRecord, neutralizeCsvCell, stringifyCsv, type CsvColumn } from './csv';
import { formatCount, formatDate, localeFor } from './format';
import { toJson, type JsonReport } from './json';
import { escapeMarkdownText, toMarkdownSection, type MarkdownOptions } from './markdown';
import type { ReportData } from './types';
import { countByRating } from './writer';
import {
  DEFAULT_LANGUAGE,
  RATINGS,
  isRating,
  ratingLabel,
  resolveLanguage,
  type ReportLanguage,
} from './verdict-scale';

export interface TeamReportFilters {
  /** First day included (YYYY-MM-DD), or null/absent for no lower bound. */
  from?: string | null;
  /** Last day included (YYYY-MM-DD), or null/absent for no upper bound. */
  to?: string | null;
  /** Only claims with this rating. */
  rating?: string | null;
  /** Only claims written by this fact-checker (a name). */
  reviewer?: string | null;
}

export interface TeamReportData {
  team: string;
  /** The team's publication language (see ReportData.publicationLanguage). */
  publicationLanguage?: string;
  /** The requester's zone for dates (see ReportData.timeZone). */
  timeZone?: string;
  /** ISO date-time. */
  generatedAt: string;
  filters: TeamReportFilters;
  articles: ReportData[];
}

export interface TeamJsonReport {
  team: string;
  generatedAt: string;
  filters: TeamReportFilters;
  articles: JsonReport[];
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/**
 * Columns of the team CSV: the article id and title first, then the single-article columns (the
 * article title is not repeated).
 */
export const TEAM_CSV_COLUMNS = [
  'article_id',
  'article_title',
  ...CSV_COLUMNS.filter((column) => column !== 'article_title'),
] as const;
export type TeamCsvColumn = 'article_id' | CsvColumn;

/** Every claim of every article, one header row (same format and neutralisation as toCsv). */
export function teamToCsv(data: TeamReportData): string {
  const records = data.articles.flatMap((article) =>
    article.claims.map((claim): Record<TeamCsvColumn, string | number> => ({
      article_id: neutralizeCsvCell(article.article.id),
      ...csvRecord(claim, { ...article, timeZone: data.timeZone }),
    })),
  );
  return stringifyCsv<TeamCsvColumn>(records, TEAM_CSV_COLUMNS);
}

// ---------------------------------------------------------------------------------------------
// JSON and ClaimReview
// ---------------------------------------------------------------------------------------------

/** The team report as a serialisable object: each article is what toJson gives for it. */
export function teamToJson(data: TeamReportData): TeamJsonReport {
  return {
    team: data.team,
    generatedAt: data.generatedAt,
    filters: { ...data.filters },
    articles: data.articles.map((article) => toJson(article)),
  };
}

/** Every article's ClaimReview objects, flattened, in article then text order. */
export function teamToClaimReview(data: TeamReportData): ClaimReview[] {
  return data.articles.flatMap((article) => toClaimReview(article));
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

interface Strings {
  title: (team: string) => string;
  untitledTeam: string;
  generated: (date: string) => string;
  filters: (parts: string[]) => string;
  noFilter: string;
  between: (from: string, to: string) => string;
  from: (date: string) => string;
  to: (date: string) => string;
  rating: (label: string) => string;
  reviewer: (name: string) => string;
  summary: (articles: string, articlesOne: boolean, claims: string, claimsOne: boolean) => string;
  byRating: (parts: string[]) => string;
  count: (label: string, count: string) => string;
  noArticles: string;
}

function stringsOf(t: ReportTranslate): Strings {
  return {
    title: (team) => t('team.title', { team }),
    untitledTeam: t('team.untitledTeam'),
    generated: (date) => t('team.generated', { date }),
    filters: (parts) => t('team.filters', { parts: parts.join(t('team.filterSeparator')) }),
    noFilter: t('team.noFilter'),
    between: (from, to) => t('team.between', { from, to }),
    from: (date) => t('team.from', { date }),
    to: (date) => t('team.to', { date }),
    rating: (label) => t('team.rating', { label }),
    reviewer: (name) => t('team.reviewer', { name }),
    summary: (articles, articlesOne, claims, claimsOne) =>
      t('team.summary', {
        articles,
        articlesOne: oneOrOther(articlesOne),
        claims,
        claimsOne: oneOrOther(claimsOne),
      }),
    byRating: (parts) => t('team.byRating', { parts: parts.join(t('team.listSeparator')) }),
    count: (label, count) => t('team.count', { label, count }),
    noArticles: t('team.noArticles'),
  };
}

/** The team report's words, from the catalogue's `reports.team` namespace. */
const STRINGS: Record<ReportLanguage, Strings> = {
  fr: stringsOf(reportTranslator('fr')),
  en: stringsOf(reportTranslator('en')),
};

/**
 * The labels' language of a team report: the one asked, else the team's publication language,
 * else the articles' language when they all share it, else French.
 */
function teamLanguage(data: TeamReportData, lang: string | undefined): string {
  if (lang !== undefined) return lang;
  if (data.publicationLanguage !== undefined) return data.publicationLanguage;
  const languages = new Set(data.articles.map((article) => article.article.language));
  return languages.size === 1 ? [...languages][0] : DEFAULT_LANGUAGE;
}

function filterParts(
  filters: TeamReportFilters,
  t: Strings,
  language: ReportLanguage,
  date: (value: string) => string,
): string[] {
  const parts: string[] = [];
  const from = filters.from?.trim();
  const to = filters.to?.trim();
  if (from && to) parts.push(t.between(date(from), date(to)));
  else if (from) parts.push(t.from(date(from)));
  else if (to) parts.push(t.to(date(to)));
  const rating = filters.rating?.trim();
  if (rating) {
    parts.push(
      t.rating(isRating(rating) ? ratingLabel(rating, language) : escapeMarkdownText(rating)),
    );
  }
  const reviewer = filters.reviewer?.trim();
  if (reviewer) parts.push(t.reviewer(escapeMarkdownText(reviewer)));
  return parts;
}

/**
 * The team report as Markdown: a header (team, date, filters, totals), then each article's
 * report (toMarkdown's content, one heading level deeper). Labels are in `lang`, default the
 * articles' common language, else French.
 */
export function teamToMarkdown(data: TeamReportData, options: MarkdownOptions = {}): string {
  const lang = teamLanguage(data, options.lang);
  const language = resolveLanguage(lang);
  const t = STRINGS[language];
  const locale = localeFor(lang, language);
  const timeZone = options.timeZone ?? data.timeZone ?? 'UTC';
  const date = (value: string) => formatDate(value, locale, timeZone) ?? escapeMarkdownText(value);

  const claims = data.articles.flatMap((article) => article.claims);
  const counts = countByRating([]);
  for (const article of data.articles) {
    const { byRating } = toJson(article).summary;
    for (const rating of RATINGS) counts[rating] += byRating[rating];
  }
  const articles = formatCount(data.articles.length, locale);
  const verified = formatCount(claims.length, locale);
  const filters = filterParts(data.filters, t, language, date);
  const meta = [
    t.generated(date(data.generatedAt)),
    filters.length > 0 ? t.filters(filters) : t.noFilter,
    t.summary(articles.text, articles.one, verified.text, verified.one),
  ];
  const present = RATINGS.filter((rating) => counts[rating] > 0);
  if (present.length > 0) {
    meta.push(
      t.byRating(
        present.map((rating) =>
          t.count(ratingLabel(rating, language), formatCount(counts[rating], locale).text),
        ),
      ),
    );
  }

  const team = escapeMarkdownText(data.team);
  const out: string[] = [`# ${team ? t.title(team) : t.untitledTeam}`, ''];
  out.push(...meta.map((line) => `- ${line}`), '');
  if (data.articles.length === 0) out.push(t.noArticles, '');
  for (const article of data.articles) {
    out.push(toMarkdownSection(article, { lang, timeZone }, 1), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
