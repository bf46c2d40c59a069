// Markdown report: a human-readable summary of an article's verified claims, meant to be pasted
// into a CMS, a wiki or an e-mail. Every piece of user text (titles, sentences, rationales,
// source metadata, names) is escaped so it renders as literal text: a rationale must never be
// able to inject a link, a heading, raw HTML or emphasis into a report that readers trust.
import { agreementValues, oneOrOther, reportTranslator, type ReportTranslate } from './catalogue';
import type { ReportAgreement, ReportClaim, ReportData, ReportHead, ReportSource } from './types';
import {
  agreementFigures,
  formatCount,
  formatDate as formatLongDate,
  isHttpUrl,
  localeFor,
} from './format';
import { ratingLabel, resolveLanguage, type ReportLanguage } from './verdict-scale';
import { reportHead, writeAll, type ReportWriter } from './writer';

export interface MarkdownOptions {
  /** Language of the labels; defaults to the article's language (fr unless it starts with en). */
  lang?: string;
  /**
   * IANA time zone used to print date-times (generation and approval dates). Defaults to UTC so the
   * output does not depend on the server's zone; date-only values are never shifted.
   */
  timeZone?: string;
}

interface Strings {
  untitled: string;
  generated: (date: string) => string;
  team: (name: string) => string;
  original: (link: string) => string;
  publisher: (name: string) => string;
  partial: string;
  summary: (verified: string, verifiedOne: boolean, total: string, totalOne: boolean) => string;
  noClaims: string;
  sentence: (n: number) => string;
  verdict: (label: string) => string;
  sources: string;
  noSources: string;
  /** Signature of a verdict written by `author` and approved by another member. */
  approvedBy: (author: string, approver: string, date: string) => string;
  /** Same, when the approver is unknown (deleted account). */
  approved: (author: string, date: string) => string;
  /** Signature of a verdict an editor wrote to settle a disagreement. */
  settledBy: (author: string, date: string) => string;
  /** Added to the signature when a party to the dispute settled it (the team allowed it). */
  byParty: string;
  /** `alpha`/`raw` are formatted numbers, or null when not computable. */
  agreement: (alpha: string | null, raw: string | null, rated: string, ratedOne: boolean) => string;
  disputed: (count: string) => string;
  quote: (text: string) => string;
}

function stringsOf(t: ReportTranslate): Strings {
  return {
    untitled: t('markdown.untitled'),
    generated: (date) => t('markdown.generated', { date }),
    team: (name) => t('markdown.team', { name }),
    original: (link) => t('markdown.original', { link }),
    publisher: (name) => t('markdown.publisher', { name }),
    partial: t('markdown.partial'),
    summary: (verified, verifiedOne, total, totalOne) =>
      t('markdown.summary', {
        verified,
        verifiedOne: oneOrOther(verifiedOne),
        total,
        totalOne: oneOrOther(totalOne),
      }),
    noClaims: t('markdown.noClaims'),
    sentence: (n) => t('markdown.sentence', { n: String(n) }),
    verdict: (label) => t('markdown.verdict', { label }),
    sources: t('markdown.sources'),
    noSources: t('markdown.noSources'),
    approvedBy: (author, approver, date) => t('markdown.approvedBy', { author, approver, date }),
    approved: (author, date) => t('markdown.approved', { author, date }),
    settledBy: (author, date) => t('markdown.settledBy', { author, date }),
    byParty: t('markdown.byParty'),
    agreement: (alpha, raw, rated, ratedOne) =>
      t('markdown.agreement', agreementValues(alpha, raw, rated, ratedOne)),
    disputed: (count) => t('markdown.disputed', { count }),
    quote: (text) => t('markdown.quote', { text }),
  };
}

/** The Markdown report's words, from the catalogue's `reports.markdown` namespace. */
const STRINGS: Record<ReportLanguage, Strings> = {
  fr: stringsOf(reportTranslator('fr')),
  en: stringsOf(reportTranslator('en')),
};

// ---------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------

// CommonMark line endings; U+2028/2029 are not line endings for Markdown, so they stay inline.
const LINE_BREAK = /\r\n|\r|\n/;

// Characters that can start inline syntax anywhere in a line: escapes, code spans, emphasis,
// links/images, headings (ATX markers are only special at line start, but escaping them
// everywhere is harmless and simpler), raw HTML and autolinks, tables, GFM strikethrough, and
// entities (`&lt;script&gt;` would otherwise render as a literal tag-looking string; `\&` keeps
// the user's exact text). All are ASCII punctuation, so a backslash escape is always valid.
const INLINE_SPECIAL = /[\\`*_[\]()#<>!|~&]/g;

/**
 * Escapes one line of user text so that it renders literally. Block markers that only matter at
 * the start of a line (list bullets `-`/`+`, setext underlines `=`/`-`, ordered lists `1.`) are
 * neutralised there; `*`, `>` and `#` are already covered by the inline pass.
 */
function escapeLine(line: string): string {
  return line
    .replace(INLINE_SPECIAL, '\\$&')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)\./, '$1\\.');
}

// Leading spaces/tabs would turn a line into an indented code block or a lazy continuation, and
// trailing ones into a hard break: neither belongs to the user's meaning, so they are dropped.
// Non-breaking spaces (French typography) are left alone: Markdown does not treat them as
// indentation.
function trimLine(line: string): string {
  return line.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** User text that must fit on one line (titles, names, link text): line breaks become spaces. */
export function escapeMarkdownText(text: string): string {
  return escapeLine(text.split(LINE_BREAK).map(trimLine).filter(Boolean).join(' '));
}

/** Paragraphs of escaped, non-empty lines (a blank line in the input separates paragraphs). */
function paragraphsOf(text: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split(LINE_BREAK)) {
    const line = trimLine(raw);
    if (line) {
      current.push(escapeLine(line));
    } else if (current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/**
 * Renders multi-line user text as Markdown lines that all start with `prefix`, so a rationale or
 * a quoted sentence stays inside its block. Lines within a paragraph are joined by hard breaks
 * (a trailing backslash) to keep the author's line breaks. Paragraphs are separated by
 * `separator` (e.g. `>` inside a blockquote); with `separator === null` they are flattened into
 * one paragraph, which keeps list items tight.
 */
function renderBlock(text: string, prefix: string, separator: string | null): string[] {
  const paragraphs = paragraphsOf(text);
  const groups = separator === null ? [paragraphs.flat()] : paragraphs;
  const out: string[] = [];
  groups.forEach((lines, i) => {
    if (i > 0 && separator !== null) out.push(separator);
    lines.forEach((line, j) => out.push(`${prefix}${line}${j < lines.length - 1 ? '\\' : ''}`));
  });
  return out;
}

/**
 * Makes a URL safe as a Markdown link destination: parentheses would end (or unbalance) the
 * destination, whitespace and control characters would end it, `<`/`>` would switch to the
 * pointy-bracket form and a backslash would escape the next character. Percent-encoding just
 * those keeps the URL equivalent for browsers and readable for humans.
 */
export function encodeLinkDestination(url: string): string {
  let out = '';
  for (const char of url) {
    const code = char.charCodeAt(0);
    out +=
      code <= 0x20 || code === 0x7f || '()<>\\'.includes(char)
        ? `%${code.toString(16).toUpperCase().padStart(2, '0')}`
        : char;
  }
  return out;
}

/**
 * A Markdown link whose text and target come from users. Only http(s) URLs become links: a
 * `javascript:` or `data:` URL stored by mistake is shown as inert text instead.
 */
function markdownLink(text: string, url: string): string {
  const target = url.trim();
  const label = escapeMarkdownText(text) || escapeMarkdownText(target);
  if (!isHttpUrl(target)) return label;
  return `[${label}](${encodeLinkDestination(target)})`;
}

// ---------------------------------------------------------------------------------------------
// Dates and numbers
// ---------------------------------------------------------------------------------------------

/** A long date in the report's locale; a value that is not a date is shown as given, escaped. */
function formatDate(value: string, locale: string, timeZone: string): string {
  return formatLongDate(value, locale, timeZone) ?? escapeMarkdownText(value);
}

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

interface Context {
  t: Strings;
  language: ReportLanguage;
  locale: string;
  timeZone: string;
  /** Extra heading levels, when the report is nested in a bigger document (team report). */
  depth: number;
}

/** An ATX heading marker of `level` (1 = title), shifted by the nesting depth, capped at 6. */
function heading(level: number, ctx: Context): string {
  return `${'#'.repeat(Math.min(6, level + ctx.depth))} `;
}

function renderSource(source: ReportSource, ctx: Context): string[] {
  const details = [
    source.publisher ? escapeMarkdownText(source.publisher) : '',
    source.publishedAt ? formatDate(source.publishedAt, ctx.locale, ctx.timeZone) : '',
  ].filter(Boolean);
  const head = `- ${markdownLink(source.title ?? '', source.url)}`;
  const lines = [details.length > 0 ? `${head} — ${details.join(', ')}` : head];
  const excerpt = source.excerpt?.trim();
  // Continuation lines are indented by two spaces so they stay inside the list item.
  if (excerpt) lines.push(...renderBlock(ctx.t.quote(excerpt), '  ', null));
  return lines;
}

function renderClaim(claim: ReportClaim, ctx: Context): string[] {
  const { t } = ctx;
  const out: string[] = [`${heading(2, ctx)}${t.sentence(claim.index + 1)}`, ''];
  const sentence = renderBlock(claim.text, '> ', '>');
  if (sentence.length > 0) out.push(...sentence, '');
  out.push(t.verdict(ratingLabel(claim.rating, ctx.language)), '');
  const rationale = renderBlock(claim.rationale, '', '');
  if (rationale.length > 0) out.push(...rationale, '');
  out.push(t.sources, '');
  if (claim.sources.length === 0) out.push(t.noSources);
  for (const source of claim.sources) out.push(...renderSource(source, ctx));
  out.push('', signature(claim, ctx));
  return out;
}

/**
 * Who wrote and who approved the verdict, dated by its approval (when it was published), and
 * whether a party to the dispute settled it.
 */
function signature(claim: ReportClaim, ctx: Context): string {
  const base = signedBy(claim, ctx);
  return claim.settledByParty ? `${base} — *${ctx.t.byParty}*` : base;
}

function signedBy(claim: ReportClaim, ctx: Context): string {
  const { t } = ctx;
  const author = escapeMarkdownText(claim.reviewer.name);
  const date = formatDate(claim.approvedAt, ctx.locale, ctx.timeZone);
  if (claim.resolution) return t.settledBy(author, date);
  // A blank name is as good as an unknown approver.
  const approver = claim.approver ? escapeMarkdownText(claim.approver.name) : '';
  return approver ? t.approvedBy(author, approver, date) : t.approved(author, date);
}

function agreementLines(agreement: ReportAgreement, ctx: Context): string[] {
  const { t } = ctx;
  const figures = agreementFigures(agreement, ctx.locale);
  const lines = [t.agreement(figures.alpha, figures.raw, figures.rated, figures.ratedOne)];
  if (figures.disputed > 0) lines.push(t.disputed(figures.disputedText));
  return lines;
}

/**
 * The Markdown report written claim by claim, its headings `depth` levels deeper than in a
 * standalone report. The header (title and metadata list) ends with a line break; each claim,
 * and the "no claim yet" line when there was none, starts with the blank line that separates it
 * from what comes before. The concatenation is toMarkdown's output.
 */
export function markdownWriter(
  head: ReportHead,
  options: MarkdownOptions = {},
  depth = 0,
): ReportWriter {
  const lang = options.lang ?? head.publicationLanguage ?? head.article.language;
  const language = resolveLanguage(lang);
  const ctx: Context = {
    t: STRINGS[language],
    language,
    locale: localeFor(lang, language),
    timeZone: options.timeZone ?? head.timeZone ?? 'UTC',
    depth: Number.isFinite(depth) ? Math.max(0, Math.trunc(depth)) : 0,
  };
  const { t } = ctx;
  let written = 0;
  return {
    start() {
      const { article } = head;
      const verified = formatCount(head.totals.verifiedCount, ctx.locale);
      const total = formatCount(article.sentenceCount, ctx.locale);
      const meta = [t.generated(formatDate(head.generatedAt, ctx.locale, ctx.timeZone))];
      if (head.organization.trim()) meta.push(t.team(escapeMarkdownText(head.organization)));
      if (article.sourceUrl) {
        meta.push(t.original(markdownLink(article.sourceUrl, article.sourceUrl)));
      }
      if (article.publisher?.trim()) meta.push(t.publisher(escapeMarkdownText(article.publisher)));
      if (article.partial) meta.push(t.partial);
      meta.push(t.summary(verified.text, verified.one, total.text, total.one));
      if (head.agreement) meta.push(...agreementLines(head.agreement, ctx));
      const title = `${heading(1, ctx)}${escapeMarkdownText(article.title) || t.untitled}`;
      return [title, '', ...meta.map((line) => `- ${line}`), ''].join('\n');
    },
    item(claim) {
      written += 1;
      return `\n${renderClaim(claim, ctx).join('\n')}\n`;
    },
    end() {
      return written === 0 ? `\n${t.noClaims}\n` : '';
    },
  };
}

/**
 * The report of one article as Markdown, without the final line break, its headings `depth`
 * levels deeper than in a standalone report (`depth` 1: the title is `##`, each sentence `###`).
 * The team report nests each article's report this way under its own title.
 */
export function toMarkdownSection(
  data: ReportData,
  options: MarkdownOptions = {},
  depth = 0,
): string {
  return writeAll(markdownWriter(reportHead(data), options, depth), data.claims).trimEnd();
}

/** Renders the report as Markdown (labels in `lang`, default: the article's language). */
export function toMarkdown(data: ReportData, options: MarkdownOptions = {}): string {
  return `${toMarkdownSection(data, options)}\n`;
}
