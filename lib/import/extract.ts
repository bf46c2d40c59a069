// Article import: owns turning pasted text, a Markdown file or an HTML page into the plain text
// an article stores (one paragraph, heading or list item per line) and the metadata the source
// declares (title, byline, site, date, language, canonical URL). Whatever the source, the text
// loses its byline and dateline lines (read into author and date: ./byline.ts) and its
// promotional blocks (./promotions.ts). Pure: no Next, Prisma or network (fetching lives in
// lib/server/import/fetch-url.ts).
//
// Safety: the text is assembled from DOM text nodes only. No attribute value (href, onerror,
// srcdoc…) and nothing inside a dropped element (script, style, template, svg, iframe…) can
// reach it, so it is inert whatever the source held. Text that *was* text stays verbatim:
// "&lt;script&gt;" in a page becomes the characters "<script>", which the reader shows as such.

import { Readability } from '@mozilla/readability';
import { francAll } from 'franc-min';
import { decodeHTMLStrict } from 'entities';
import { parseHTML } from 'linkedom';
import { Marked } from 'marked';
import { bylineFromField, liftByline, type Byline } from './byline';
import { calendarDate, parseWrittenDate } from './dates';
import { errorText, importText, type ImportText } from '@/lib/i18n/error-text';
import { sourceFormatOf, unsupportedTypeText } from './media-type';
import { dropPromotions } from './promotions';

export type ImportLanguage = 'fr' | 'en';

export interface ExtractedArticle {
  /** Plain text, one paragraph / heading / list item per line ("\n"), no blank-line runs, trimmed lines; never HTML. */
  text: string;
  title: string | null;
  /** Byline. */
  author: string | null;
  /** Site name. */
  publisher: string | null;
  /** YYYY-MM-DD when a reliable date is found (article:published_time, JSON-LD, <time>…). */
  publishedAt: string | null;
  /** Declared <html lang> when fr/en, else detected from the text. */
  language: ImportLanguage | null;
  /** Canonical/og:url when http(s), else the url option. */
  sourceUrl: string | null;
}

export type ImportErrorCode = 'empty' | 'unsupported_type' | 'too_large' | 'unreadable';

/**
 * Why a source cannot be imported: a code, and the message's key in the catalogue
 * (`errors.import.*`), so that the API says it in the caller's language; `message` is French.
 */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly text: ImportText,
  ) {
    super(errorText('fr', importText(text)));
    this.name = 'ImportError';
  }
}

/**
 * Longest input accepted, in UTF-16 code units. Matches the API's 5-million-character limit
 * on `text`/`html` and the fetcher's 5 MB default: a body of N bytes never decodes to more than
 * N characters, so a page the fetcher accepts is not refused here.
 */
export const MAX_IMPORT_CHARS = 5_000_000;

// Metadata limits of lib/validations/article.ts: a longer value would fail the create schema.
const TITLE_MAX_LENGTH = 300;
const NAME_MAX_LENGTH = 200;
const URL_MAX_LENGTH = 2048;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export function extractFromHtml(html: string, options: { url?: string } = {}): ExtractedArticle {
  checkInput(html);
  const document = parseDocument(html);
  const baseUrl = httpUrl(options.url);
  const metadata = readMetadata(document, baseUrl);
  const content = readMainContent(document);

  const title =
    metadata.title ?? cleanField(content.readability?.title, TITLE_MAX_LENGTH) ?? metadata.docTitle;
  const { text, byline } = finishText(content.lines, title);
  const pageByline = bylineFromField(content.readability?.byline);
  return {
    text,
    title,
    author: metadata.author ?? cleanName(pageByline.author) ?? byline.author,
    publisher: metadata.publisher ?? cleanName(content.readability?.siteName),
    publishedAt:
      metadata.publishedAt ??
      toIsoDate(content.readability?.publishedTime) ??
      pageByline.publishedAt ??
      byline.publishedAt,
    language: metadata.language ?? detectLanguage(text),
    sourceUrl: metadata.sourceUrl ?? baseUrl,
  };
}

export function extractFromMarkdown(markdown: string): ExtractedArticle {
  checkInput(markdown);
  const { body, fields } = splitFrontMatter(normalizeLineBreaks(markdown));
  const html = renderMarkdown(body);
  let finished: FinishedText;
  let heading: string | null = null;
  if (html === null) {
    finished = finishText(normalizeLines(body), null);
  } else {
    const document = parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
    const h1 = document.querySelector('h1');
    heading = h1 ? cleanField(domToLines(h1, true).join(' '), TITLE_MAX_LENGTH) : null;
    finished = finishText(
      domToLines(document.body, true),
      cleanField(fields.title, TITLE_MAX_LENGTH) ?? heading,
    );
  }
  const { text, byline } = finished;
  return {
    text,
    title: cleanField(fields.title, TITLE_MAX_LENGTH) ?? heading,
    author: cleanName(fields.author) ?? byline.author,
    publisher: null,
    publishedAt: toIsoDate(fields.date) ?? byline.publishedAt,
    language: declaredLanguage(fields.lang ?? fields.language) ?? detectLanguage(text),
    sourceUrl: httpUrl(fields.url ?? fields.canonical),
  };
}

export function extractFromText(text: string): ExtractedArticle {
  checkInput(text);
  const { text: result, byline } = finishText(normalizeLines(text), null);
  return {
    text: result,
    title: null,
    author: byline.author,
    publisher: null,
    publishedAt: byline.publishedAt,
    language: detectLanguage(result),
    sourceUrl: null,
  };
}

/**
 * The one dispatch of every import (pasted, uploaded or fetched): the media type — a bare type
 * or a whole Content-Type header, read by ./media-type.ts — picks the HTML, Markdown or
 * plain-text reader; any other type (PDF, JSON, an image…) is ImportError('unsupported_type').
 * `url` is where the source came from: the base of the page's links, and the source URL when
 * the document declares none.
 */
export function extractFromSource(
  body: string,
  contentType: string,
  options: { url?: string } = {},
): ExtractedArticle {
  const format = sourceFormatOf(contentType);
  if (format === null) {
    throw new ImportError('unsupported_type', unsupportedTypeText(contentType));
  }
  if (format === 'html') return extractFromHtml(body, options);
  const article = format === 'markdown' ? extractFromMarkdown(body) : extractFromText(body);
  return { ...article, sourceUrl: article.sourceUrl ?? httpUrl(options.url) };
}

/** Fewest letters franc is trusted with: below this, short titles and names mislead it. */
const MIN_LETTERS_FOR_DETECTION = 20;
/** franc looks at 2048 characters at most; give it the most paragraph-like ones. */
const DETECTION_SAMPLE = 2000;
/**
 * franc-min's scores are relative (the best is 1) and close for related languages: French text
 * scores ~0.96 for Spanish and English. When French or English comes first, the other one above
 * this is a toss-up.
 */
const DETECTION_MARGIN = 0.99;

const FRANC_TO_IMPORT: Record<string, ImportLanguage> = { fra: 'fr', eng: 'en' };

/** French or English when franc is clear about it; null when unsure or another language. */
export function detectLanguage(text: string): ImportLanguage | null {
  const sample = detectionSample(text);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS_FOR_DETECTION) return null;
  const ranked = francAll(sample, { minLength: 1 });
  const best = ranked[0];
  if (!best || !(best[0] in FRANC_TO_IMPORT)) return null; // another language, or unsure
  // Related languages score close to each other; only French against English matters here.
  const other = ranked.find(([code]) => code === (best[0] === 'fra' ? 'eng' : 'fra'));
  if (other && other[1] > DETECTION_MARGIN) return null;
  return FRANC_TO_IMPORT[best[0]] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Input checks and plain-text normalisation
// ---------------------------------------------------------------------------------------------

/** C0/C1 controls, DEL and stray BOMs, except tab and the breaks normalizeLineBreaks handles. */
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff]/g;
const LINE_BREAKS = /\r\n|[\r\v\f\u0085\u2028\u2029]/g;

function checkInput(input: string): void {
  if (input.length > MAX_IMPORT_CHARS) {
    throw new ImportError('too_large', {
      key: 'documentTooLarge',
      values: { millions: MAX_IMPORT_CHARS / 1_000_000 },
    });
  }
  if (looksBinary(input)) {
    throw new ImportError('unreadable', { key: 'unreadableText' });
  }
}

/**
 * A binary file read as text (a PDF or an image renamed .txt) is full of control characters
 * and U+FFFD; a text with a few stray NULs is not, and is simply cleaned.
 */
function looksBinary(input: string): boolean {
  const sample = input.slice(0, 65_536);
  const junk = sample.match(/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g)?.length ?? 0;
  return junk >= 8 && junk > sample.length * 0.1;
}

function normalizeLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, '\n');
}

/** Trimmed, non-empty lines with control characters removed. */
function normalizeLines(text: string): string[] {
  return normalizeLineBreaks(text)
    .replace(CONTROL_CHARS, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

interface FinishedText {
  text: string;
  /** Read from byline and dateline lines at the top (now gone from the text). */
  byline: Byline;
}

/**
 * The stored text: clean lines, without a first line that repeats the title (the reader shows
 * the title on its own) unless it is all there is, without the byline and dateline lines at the
 * top (their author and date are returned) and without promotional blocks.
 */
function finishText(rawLines: string[], title: string | null): FinishedText {
  const lifted = liftByline(normalizeLines(rawLines.join('\n')));
  let lines = lifted.lines;
  if (title && lines.length > 1 && sameWording(lines[0], title)) lines.shift();
  lines = dropPromotions(lines);
  if (lines.length === 0) throw new ImportError('empty', { key: 'emptyDocument' });
  return {
    text: lines.join('\n'),
    byline: { author: cleanName(lifted.author), publishedAt: lifted.publishedAt },
  };
}

function sameWording(a: string, b: string): boolean {
  const key = (value: string) =>
    value
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return key(a) === key(b);
}

function detectionSample(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .sort((a, b) => b.length - a.length);
  let sample = '';
  for (const line of lines) {
    if (sample.length >= DETECTION_SAMPLE) break;
    sample += `${line} `;
  }
  return sample.slice(0, DETECTION_SAMPLE);
}

// ---------------------------------------------------------------------------------------------
// HTML documents
// ---------------------------------------------------------------------------------------------

type ParsedDocument = ReturnType<typeof parseHTML>['document'];

/**
 * linkedom builds a broken tree from a fragment (no <html>: the first element becomes the
 * root), so fragments are wrapped in a document first.
 */
function parseDocument(html: string): ParsedDocument {
  if (countTags(html) > MAX_HTML_ELEMENTS) {
    throw new ImportError('too_large', { key: 'tooComplex', values: { max: MAX_HTML_ELEMENTS } });
  }
  const source = /<html[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  let document: ParsedDocument;
  try {
    document = parseHTML(source).document;
    if (document.documentElement?.localName !== 'html' || !document.body) {
      document = parseHTML(
        `<!DOCTYPE html><html><head></head><body>${html}</body></html>`,
      ).document;
    }
  } catch {
    throw new ImportError('unreadable', { key: 'unreadableHtml' });
  }
  if (!document.body) throw new ImportError('unreadable', { key: 'unreadableHtml' });
  return document;
}

/**
 * linkedom's parse time grows faster than the number of nodes past a few hundred thousand (half
 * a minute for a million): far beyond any article page, so such a document is refused.
 */
const MAX_HTML_ELEMENTS = 200_000;

/** Start tags, roughly ("<" followed by a letter): an upper bound of the elements parsed. */
function countTags(html: string): number {
  let count = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20; // lowercase ASCII letters
    if (next >= 0x61 && next <= 0x7a) count++;
  }
  return count;
}

interface ReadabilityResult {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

interface MainContent {
  lines: string[];
  readability: ReadabilityResult | null;
}

/**
 * Readability picks the article body out of the page chrome; it mutates the document, hence
 * the clone. When it finds nothing, the first <article>, <main> or the whole <body> is used.
 */
function readMainContent(document: ParsedDocument): MainContent {
  let readability: ReadabilityResult | null = null;
  try {
    const parsed = runReadability(document);
    if (parsed) {
      readability = parsed;
      const lines = parsed.content ? domToLines(parsed.content, true) : [];
      if (lines.length > 0) return { lines, readability };
    }
  } catch {
    // A page Readability chokes on is still worth its visible text.
  }
  const article = document.querySelector('article') ?? document.querySelector('main');
  const lines = article
    ? domToLines(article as unknown as Node, true)
    : domToLines(document.body as unknown as Node, false);
  return { lines, readability };
}

/**
 * Readability costs about a second per 10 000 elements on linkedom, and grows with the square
 * of the nesting depth (it measures the text of every ancestor): the elements dropped anyway
 * are removed from a copy first, and a page still too big or too deep is read without it.
 */
function runReadability(document: ParsedDocument) {
  if (document.body.querySelectorAll('*').length > READABILITY_MAX_RAW_ELEMENTS) return null;
  const clone = document.cloneNode(true) as unknown as ParsedDocument;
  for (const element of clone.body.querySelectorAll(PRUNED_BEFORE_READABILITY)) element.remove();
  const { count, depth } = measureTree(clone.body as unknown as Node);
  if (count > READABILITY_MAX_ELEMENTS || depth > READABILITY_MAX_DEPTH) return null;
  return new Readability<Node>(clone as unknown as Document, {
    serializer: (node) => node,
  }).parse();
}

/** Number of elements under `root` and how deep they nest, without recursion. */
function measureTree(root: Node): { count: number; depth: number } {
  let count = 0;
  let maxDepth = 0;
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    count++;
    if (depth > maxDepth) maxDepth = depth;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      if (children[i].nodeType === ELEMENT_NODE) stack.push([children[i], depth + 1]);
    }
  }
  return { count, depth: maxDepth };
}

// ---------------------------------------------------------------------------------------------
// DOM → lines
// ---------------------------------------------------------------------------------------------

/** Never read: code, styles, embedded documents, media, forms and page chrome. */
const DROPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'noembed',
  'noframes',
  'canvas',
  'audio',
  'video',
  'picture',
  'source',
  'track',
  'img',
  'map',
  'area',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'dialog',
  'menu',
  'nav',
  'aside',
  'footer',
  'head',
  'title',
  'meta',
  'link',
  'base',
]);

/** ARIA landmarks and widgets that are page chrome, whatever element carries them. */
const DROPPED_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'button',
]);

/** Dropped elements removed from the page before Readability runs (<head> is kept for it). */
const PRUNED_BEFORE_READABILITY = [...DROPPED_TAGS]
  .filter((tag) => !['head', 'title', 'meta', 'link', 'base'].includes(tag))
  .join(',');

/** Beyond this many elements after pruning (about 2 s of Readability), it is not run. */
const READABILITY_MAX_ELEMENTS = 15_000;
/** Beyond this many elements before pruning, the page is not even copied for Readability. */
const READABILITY_MAX_RAW_ELEMENTS = 60_000;
/** Real pages nest a few dozen levels deep; hundreds means a generated or hostile page. */
const READABILITY_MAX_DEPTH = 120;

/** Elements that stand on their own line(s). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/** A <header> inside one of these is the article's (title, lead); elsewhere it is the page's. */
const SECTIONING_TAGS = new Set(['article', 'main', 'section']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Collects lines: HTML whitespace collapsed to single spaces, lines trimmed, empties skipped. */
class LineBuilder {
  private readonly lines: string[] = [];
  private current = '';

  text(value: string, preformatted: boolean): void {
    if (!preformatted) {
      this.append(value.replace(/[ \t\n\f\r]+/g, ' '));
      return;
    }
    const pieces = normalizeLineBreaks(value).split('\n');
    for (const [i, piece] of pieces.entries()) {
      if (i > 0) this.lineBreak();
      this.append(piece);
    }
  }

  /** Between table cells of one row. */
  cellBoundary(): void {
    if (this.current.trim()) this.current = `${this.current.trimEnd()} | `;
  }

  lineBreak(): void {
    const line = this.current.trim();
    if (line) this.lines.push(line);
    this.current = '';
  }

  finish(): string[] {
    this.lineBreak();
    return this.lines;
  }

  private append(value: string): void {
    const text =
      value.startsWith(' ') && (this.current === '' || this.current.endsWith(' '))
        ? value.slice(1)
        : value;
    this.current += text;
  }
}

/**
 * Walks the tree without recursion (a hostile page can nest thousands of elements) and keeps
 * text nodes only. `insideArticle` says the root already is the article, so its <header> holds
 * the title and lead rather than the site's banner.
 */
function domToLines(root: Node, insideArticle: boolean): string[] {
  const out = new LineBuilder();
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }];
  let sectioningDepth = insideArticle ? 1 : 0;
  let preDepth = 0;

  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      out.text(node.nodeValue ?? '', preDepth > 0);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue; // comments, CDATA, processing instructions
    const element = node as Element;
    const tag = element.localName.toLowerCase();

    if (leaving) {
      if (SECTIONING_TAGS.has(tag)) sectioningDepth--;
      if (tag === 'pre') preDepth--;
      if (BLOCK_TAGS.has(tag)) out.lineBreak();
      continue;
    }
    if (isDropped(element, tag, sectioningDepth)) continue;
    if (tag === 'br') {
      out.lineBreak();
      continue;
    }
    if (BLOCK_TAGS.has(tag)) out.lineBreak();
    if (tag === 'td' || tag === 'th') out.cellBoundary();
    if (SECTIONING_TAGS.has(tag)) sectioningDepth++;
    if (tag === 'pre') preDepth++;

    stack.push({ node, leaving: true });
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i], leaving: false });
  }
  return out.finish();
}

function isDropped(element: Element, tag: string, sectioningDepth: number): boolean {
  if (DROPPED_TAGS.has(tag)) return true;
  if (tag === 'header' && sectioningDepth === 0) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const role = element.getAttribute('role')?.trim().toLowerCase();
  if (role && DROPPED_ROLES.has(role)) return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

interface PageMetadata {
  /** og:title or the JSON-LD headline. */
  title: string | null;
  /** <title>, the last resort (it often carries the site name). */
  docTitle: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  language: ImportLanguage | null;
  sourceUrl: string | null;
}

function readMetadata(document: ParsedDocument, baseUrl: string | null): PageMetadata {
  const meta = metaTags(document);
  const jsonLd = jsonLdArticle(document);

  const authors = jsonLd ? personNames(jsonLd.author) : [];
  const metaAuthor = [meta.get('author'), meta.get('article:author'), meta.get('dc.creator')]
    .map(cleanName)
    .find((name) => name !== null);

  return {
    title:
      cleanField(meta.get('og:title'), TITLE_MAX_LENGTH) ??
      cleanField(decodeEntities(stringValue(jsonLd?.headline)), TITLE_MAX_LENGTH) ??
      cleanField(meta.get('twitter:title'), TITLE_MAX_LENGTH),
    docTitle: cleanField(document.querySelector('title')?.textContent, TITLE_MAX_LENGTH),
    author: cleanName(authors.length > 0 ? authors.join(', ') : metaAuthor),
    publisher:
      cleanName(meta.get('og:site_name')) ??
      cleanName(personNames(jsonLd?.publisher)[0]) ??
      cleanName(meta.get('application-name')),
    publishedAt: publishedDate(document, meta, jsonLd),
    language: declaredLanguage(
      document.documentElement.getAttribute('lang') ??
        document.documentElement.getAttribute('xml:lang'),
    ),
    sourceUrl: canonicalUrl(document, meta, baseUrl),
  };
}

/** meta content by lowercased property / name / itemprop; the first occurrence wins. */
function metaTags(document: ParsedDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const content = element.getAttribute('content');
    if (content === null) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

/** The first JSON-LD object typed as an article (NewsArticle, BlogPosting…), in @graph too. */
function jsonLdArticle(document: ParsedDocument): JsonObject | null {
  for (const script of document.querySelectorAll('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = findArticleObject(data, 0);
    if (found) return found;
  }
  return null;
}

function findArticleObject(value: unknown, depth: number): JsonObject | null {
  if (depth > 4 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findArticleObject(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const object = value as JsonObject;
  const types = ([] as unknown[]).concat(object['@type'] ?? []);
  if (types.some((type) => typeof type === 'string' && ARTICLE_TYPE.test(type))) return object;
  return findArticleObject(object['@graph'], depth + 1);
}

function stringValue(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** JSON-LD persons or organisations: "Name", { name }, or a list of either. */
function personNames(value: unknown): string[] {
  const names: string[] = [];
  for (const item of ([] as unknown[]).concat(value ?? [])) {
    const name =
      typeof item === 'string'
        ? item
        : item && typeof item === 'object'
          ? stringValue((item as JsonObject).name)
          : null;
    const clean = cleanName(decodeEntities(name));
    if (clean && !names.includes(clean)) names.push(clean);
  }
  return names;
}

/**
 * The publication date, most explicit source first. A bare <time datetime> only counts inside
 * the article (or when the page has just one): elsewhere it may be today's date in the banner.
 */
function publishedDate(
  document: ParsedDocument,
  meta: Map<string, string>,
  jsonLd: JsonObject | null,
): string | null {
  const candidates: (string | null | undefined)[] = [
    meta.get('article:published_time'),
    stringValue(jsonLd?.datePublished),
    meta.get('datepublished'),
    meta.get('og:published_time'),
    meta.get('dc.date.issued'),
    meta.get('dc.date'),
    meta.get('dcterms.created'),
    meta.get('date'),
    meta.get('pubdate'),
    meta.get('parsely-pub-date'),
    document.querySelector('time[itemprop="datePublished"]')?.getAttribute('datetime'),
    document.querySelector('time[pubdate]')?.getAttribute('datetime'),
    document.querySelector('article time[datetime]')?.getAttribute('datetime'),
    document.querySelector('main time[datetime]')?.getAttribute('datetime'),
  ];
  const times = document.querySelectorAll('time[datetime]');
  if (times.length === 1) candidates.push(times[0].getAttribute('datetime'));
  for (const candidate of candidates) {
    const date = toIsoDate(candidate);
    if (date) return date;
  }
  return null;
}

/**
 * "2024-03-15", "2024-03-15T08:30:00+01:00" → "2024-03-15": the calendar date as written (the
 * publisher's local day), not shifted to UTC. Dates written out (« 15 mars 2024 », "March 15,
 * 2024") are read by ./dates.ts; other formats go through Date.parse.
 */
function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const written = parseWrittenDate(text);
  if (written) return written;
  if (!/\b\d{4}\b/.test(text)) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  return calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** fr or en from a BCP 47 tag ("fr-FR", "EN", "fr_CA" as some CMSs write it), else null. */
function declaredLanguage(value: string | null | undefined): ImportLanguage | null {
  if (!value?.trim()) return null;
  let primary: string;
  try {
    primary = new Intl.Locale(value.trim().replaceAll('_', '-')).language;
  } catch {
    return null; // not a language tag
  }
  return primary === 'fr' || primary === 'en' ? primary : null;
}

function canonicalUrl(
  document: ParsedDocument,
  meta: Map<string, string>,
  baseUrl: string | null,
): string | null {
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('canonical')) continue;
    const url = httpUrl(link.getAttribute('href'), baseUrl);
    if (url) return url;
  }
  return httpUrl(meta.get('og:url'), baseUrl);
}

/** An absolute http(s) URL (resolved against `base`), or null: never javascript:, data:… */
function httpUrl(value: string | null | undefined, base?: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base ?? undefined);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname || url.href.length > URL_MAX_LENGTH) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** One line of plain text: controls removed, whitespace collapsed, cut to `max` characters. */
function cleanField(value: string | null | undefined, max: number): string | null {
  if (!value) return null;
  const text = value.replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** A person or site name; a profile URL (article:author often holds one) is not a name. */
function cleanName(value: string | null | undefined): string | null {
  const name = cleanField(value, NAME_MAX_LENGTH);
  return name && !/^(?:https?:\/\/|www\.)/i.test(name) ? name : null;
}

/**
 * JSON-LD strings are meant to be plain, but CMSs often leave "L&#039;État" in them: escaped
 * by an HTML escaper, which always writes the semicolon. So only complete references are
 * decoded (HTML's strict mode: "AT&T", "&copy 2024" stay as written), with the whole HTML
 * entity table and the browsers' rules for numeric ones (&#128; is "€", &#0; and code points
 * past U+10FFFF are U+FFFD).
 */
function decodeEntities(value: string | null): string | null {
  return value ? decodeHTMLStrict(value) : value;
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/** A private instance, so that options set on the global `marked` elsewhere do not leak in. */
const markdownRenderer = new Marked({ gfm: true, breaks: false });

/**
 * Input marked handles badly: dozens of nested quotes or lists overflow its recursion or take
 * it quadratic time, and so do long runs of delimiters ("****…"). No article looks like this;
 * such a file is read as plain text instead.
 */
const PATHOLOGICAL_MARKDOWN = [
  /^(?:[ \t]*>){33}/m,
  /^[ \t]{64}[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/m,
  /([*_~`[\]<>])\1{255}/,
];

/** marked matches "*"/"_" runs in quadratic time within a paragraph ("**a* **a* …"). */
const MAX_EMPHASIS_RUNS_PER_BLOCK = 2000;

function hasEmphasisStorm(markdown: string): boolean {
  for (const block of markdown.split(/\n[ \t]*\n/)) {
    let runs = 0;
    for (const pattern = /[*_]+/g; pattern.exec(block) !== null;) {
      if (++runs > MAX_EMPHASIS_RUNS_PER_BLOCK) return true;
    }
  }
  return false;
}

/** HTML from Markdown, or null when the Markdown is better read as plain text. */
function renderMarkdown(markdown: string): string | null {
  if (PATHOLOGICAL_MARKDOWN.some((pattern) => pattern.test(markdown))) return null;
  if (hasEmphasisStorm(markdown)) return null;
  try {
    return markdownRenderer.parse(markdown, { async: false });
  } catch {
    return null; // a stack overflow on input the patterns above missed
  }
}

const FRONT_MATTER_KEYS = new Set([
  'title',
  'author',
  'date',
  'lang',
  'language',
  'url',
  'canonical',
]);

/**
 * YAML front matter of static-site Markdown ("---\ntitle: …\n---"): a few flat keys are read
 * as metadata and the block is removed, so it does not turn into a heading and a rule.
 */
function splitFrontMatter(markdown: string): { body: string; fields: Record<string, string> } {
  const source = markdown.replace(/^\ufeff/, '');
  const match = /^---[ \t]*\n([\s\S]{0,8000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (!match) return { body: source, fields: {} };
  const lines = match[1].split('\n');
  // "---" is also a thematic break: a block that is not all "key: value" lines is text.
  if (!lines.every((line) => !line.trim() || /^(?:[A-Za-z_][\w-]*\s*:|\s|- )/.test(line))) {
    return { body: source, fields: {} };
  }
  const fields: Record<string, string> = {};
  for (const line of lines) {
    const field = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    if (!field) continue;
    const key = field[1].toLowerCase();
    const value = field[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    if (FRONT_MATTER_KEYS.has(key) && value && !(key in fields)) fields[key] = value;
  }
  return { body: source.slice(match[0].length), fields };
}
