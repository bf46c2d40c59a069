// HTML report: a complete, standalone, printable HTML5 document for readers outside FactDesk
// (editors, partners, archives). It must open from a file or an e-mail attachment years later,
// so it carries everything itself: embedded CSS only, an inline SVG chart, system fonts, no
// script, no image, no external resource.
//
// Every piece of user text (titles, names, sentences, rationales, source metadata, notes) goes
// through escapeHtml, and every attribute value through escapeAttribute. URLs become links only
// when they are absolute http(s) URLs; anything else (`javascript:`, `data:`, relative paths) is
// printed as inert text.
import {
  agreementFigures,
  canonicalLanguageTag,
  formatCount,
  formatDate,
  isHttpUrl,
  localeFor,
} from './format';
import type { ReportClaim, ReportData, ReportHead, ReportRevision, ReportSource } from './types';
import {
  RATINGS,
  ratingLabel,
  resolveLanguage,
  type Rating,
  type ReportLanguage,
} from './verdict-scale';
import { reportHead, writeAll, type ReportWriter } from './writer';

export interface HtmlOptions {
  /** Language of the labels; defaults to the article's language (fr unless it starts with en). */
  lang?: string;
  /** IANA time zone used to print date-times; defaults to UTC. Bare dates are never shifted. */
  timeZone?: string;
}

/** Verdict colours, the same as the app's (app/globals.css, --color-verdict-*). */
export const RATING_COLORS: Readonly<Record<Rating, string>> = {
  true: '#15803d',
  mostly_true: '#65a30d',
  misleading: '#d97706',
  false: '#dc2626',
  unverifiable: '#6b7280',
  not_a_claim: '#94a3b8',
};

// ---------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  // The HTML parser turns NUL into U+FFFD anyway; doing it here keeps the output well-formed.
  '\0': '\uFFFD',
};

/**
 * Escapes user text for an HTML text node: `<`, `>` and `&` can no longer open a tag, a comment
 * or a character reference. Quotes are escaped too, so the result is also safe in a quoted
 * attribute, but attributes should go through escapeAttribute, which says so.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`\0]/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Escapes a value for a double-quoted attribute (`href="…"`, `lang="…"`): the quote cannot close
 * the attribute, so no new attribute (`onerror=…`) or tag can be injected. Line breaks are
 * encoded so the value stays on one line.
 */
export function escapeAttribute(value: string): string {
  return escapeHtml(value)
    .replace(/\r\n|\r|\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** The link target for a user URL: its normalised form when it is http(s), else null. */
function safeHref(url: string | null | undefined): string | null {
  const trimmed = (url ?? '').trim();
  if (!isHttpUrl(trimmed)) return null;
  // The WHATWG serialisation percent-encodes spaces, quotes and angle brackets.
  return new URL(trimmed).href;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Multi-line user text as paragraphs: a blank line separates paragraphs, a single line break
 * becomes `<br>`, so the author's layout survives.
 */
function paragraphs(text: string, className?: string): string {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split(LINE_BREAK)) {
    const line = raw.trim();
    if (line) {
      current.push(escapeHtml(line));
    } else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  const open = className ? `<p class="${escapeAttribute(className)}">` : '<p>';
  return blocks.map((lines) => `${open}${lines.join('<br>')}</p>`).join('\n');
}

/** User text on one line (titles, names): line breaks become spaces. */
function inline(text: string): string {
  return escapeHtml(
    text
      .split(LINE_BREAK)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' '),
  );
}

function link(text: string, url: string, className?: string): string {
  const href = safeHref(url);
  const label = inline(text) || inline(url);
  if (href === null) return `<span class="inert-url">${label}</span>`;
  const cls = className ? ` class="${escapeAttribute(className)}"` : '';
  return `<a${cls} href="${escapeAttribute(href)}" rel="noopener noreferrer">${label}</a>`;
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

interface Strings {
  documentTitle: (title: string) => string;
  kicker: string;
  untitled: string;
  metadata: string;
  publisher: string;
  author: string;
  publishedAt: string;
  original: string;
  version: string;
  team: string;
  generated: string;
  partial: string;
  methodology: string;
  methodologyIntro: string[];
  scaleIntro: string;
  scale: Record<Rating, string>;
  partialMeaning: string;
  summary: string;
  counts: (verified: string, verifiedOne: boolean, total: string, totalOne: boolean) => string;
  chartTitle: (parts: string[]) => string;
  noClaims: string;
  agreementTitle: string;
  agreement: (alpha: string | null, raw: string | null, rated: string, ratedOne: boolean) => string;
  agreementHelp: string;
  disputed: (count: string) => string;
  claims: string;
  sentence: (n: number) => string;
  verdict: string;
  rationale: string;
  sources: string;
  noSources: string;
  archive: string;
  recheck: string;
  approvedBy: (author: string, approver: string, date: string) => string;
  approved: (author: string, date: string) => string;
  settledBy: (author: string, date: string) => string;
  /** Added to the signature when a party to the dispute settled it (the team allowed it). */
  byParty: string;
  corrections: string;
  correctionsIntro: string;
  revisionVersion: string;
  revisionDate: string;
  revisionBy: string;
  revisionNote: string;
  unknown: string;
  online: string;
  footer: string;
  quote: (text: string) => string;
  /** The label separator: French puts a no-break space before the colon. */
  colon: string;
}

const STRINGS: Record<ReportLanguage, Strings> = {
  fr: {
    documentTitle: (title) => `Rapport de vérification : ${title}`,
    kicker: 'Rapport de vérification',
    untitled: 'Article sans titre',
    metadata: 'Informations sur l’article',
    publisher: 'Éditeur',
    author: 'Auteur',
    publishedAt: 'Date de publication',
    original: 'Article original',
    version: 'Version',
    team: 'Équipe',
    generated: 'Rapport généré le',
    partial: 'Article partiel (paywall) : seule la partie accessible du texte a été analysée.',
    methodology: 'Méthodologie',
    methodologyIntro: [
      'Chaque phrase de l’article est examinée séparément. Un vérificateur ou une vérificatrice rédige le verdict, avec sa justification et ses sources ; un second membre de l’équipe le relit et l’approuve avant publication. Seuls les verdicts approuvés figurent dans ce rapport.',
      'Lorsque les vérificateurs ne sont pas d’accord, un ou une responsable d’édition tranche et rédige le verdict final ; sauf mention contraire sous le verdict, cette personne n’avait pas noté la phrase.',
    ],
    scaleIntro: 'Les verdicts suivent une échelle en six points :',
    scale: {
      true: 'l’affirmation est exacte et étayée par les sources.',
      mostly_true: 'l’affirmation est globalement exacte mais imprécise ou incomplète.',
      misleading:
        'l’affirmation contient des éléments exacts mais induit en erreur (contexte manquant, chiffres détournés).',
      false: 'l’affirmation est contredite par les sources.',
      unverifiable: 'les sources disponibles ne permettent ni de la confirmer ni de l’infirmer.',
      not_a_claim: 'la phrase n’est pas une affirmation factuelle (opinion, question, formule).',
    },
    partialMeaning:
      'Un article est dit « partiel » lorsque seule une partie de son texte a pu être importée (paywall, par exemple) : les passages inaccessibles n’ont pas été vérifiés.',
    summary: 'Synthèse',
    counts: (verified, verifiedOne, total, totalOne) =>
      `${verified} ${verifiedOne ? 'affirmation vérifiée' : 'affirmations vérifiées'} sur ` +
      `${total} ${totalOne ? 'phrase' : 'phrases'}.`,
    chartTitle: (parts) => `Répartition des verdicts : ${parts.join(', ')}`,
    noClaims: 'Aucune affirmation vérifiée pour l’instant.',
    agreementTitle: 'Accord entre vérificateurs',
    agreement: (alpha, raw, rated, ratedOne) =>
      `${alpha === null ? 'α non calculable' : `α = ${alpha}`}` +
      `${raw === null ? '' : ` (accord brut ${raw})`} sur ${rated} ${ratedOne ? 'phrase' : 'phrases'}.`,
    agreementHelp:
      'α de Krippendorff : 1 signifie un accord parfait entre vérificateurs, 0 un accord qui ne dépasse pas le hasard.',
    disputed: (count) => `Phrases en litige : ${count}.`,
    claims: 'Affirmations vérifiées',
    sentence: (n) => `Phrase ${n}`,
    verdict: 'Verdict',
    rationale: 'Justification',
    sources: 'Sources',
    noSources: 'Aucune source.',
    archive: 'archive',
    recheck: 'À revérifier : le texte a changé',
    approvedBy: (author, approver, date) =>
      `Vérifié par ${author}, approuvé par ${approver} le ${date}`,
    approved: (author, date) => `Vérifié par ${author}, approuvé le ${date}`,
    settledBy: (author, date) => `Tranché par ${author} le ${date}`,
    byParty: 'tranché par une partie au désaccord',
    corrections: 'Corrections',
    correctionsIntro:
      'Historique des versions de cette vérification, de la plus ancienne à la plus récente.',
    revisionVersion: 'Version',
    revisionDate: 'Date',
    revisionBy: 'Par',
    revisionNote: 'Note',
    unknown: '—',
    online: 'Version en ligne',
    footer: 'Rapport produit avec FactDesk.',
    quote: (text) => `« ${text} »`,
    colon: '\u00a0: ',
  },
  en: {
    documentTitle: (title) => `Fact-check report: ${title}`,
    kicker: 'Fact-check report',
    untitled: 'Untitled article',
    metadata: 'About the article',
    publisher: 'Publisher',
    author: 'Author',
    publishedAt: 'Publication date',
    original: 'Original article',
    version: 'Version',
    team: 'Team',
    generated: 'Report generated on',
    partial: 'Partial article (paywall): only the accessible part of the text was analysed.',
    methodology: 'Methodology',
    methodologyIntro: [
      'Each sentence of the article is examined on its own. A fact-checker writes the verdict, with a rationale and sources; a second team member reviews and approves it before it is published. Only approved verdicts appear in this report.',
      'When fact-checkers disagree, an editor settles the matter and writes the final verdict; unless noted under the verdict, that editor had not rated the sentence.',
    ],
    scaleIntro: 'Verdicts use a six-point scale:',
    scale: {
      true: 'the claim is accurate and supported by the sources.',
      mostly_true: 'the claim is broadly accurate but imprecise or incomplete.',
      misleading:
        'the claim contains accurate elements but gives a false impression (missing context, distorted figures).',
      false: 'the claim is contradicted by the sources.',
      unverifiable: 'the available sources can neither confirm nor refute it.',
      not_a_claim: 'the sentence is not a factual claim (opinion, question, formula).',
    },
    partialMeaning:
      'An article is “partial” when only part of its text could be imported (a paywall, for instance): the inaccessible passages were not checked.',
    summary: 'Summary',
    counts: (verified, verifiedOne, total, totalOne) =>
      `${verified} ${verifiedOne ? 'verified claim' : 'verified claims'} out of ` +
      `${total} ${totalOne ? 'sentence' : 'sentences'}.`,
    chartTitle: (parts) => `Verdict distribution: ${parts.join(', ')}`,
    noClaims: 'No verified claim yet.',
    agreementTitle: 'Inter-rater agreement',
    agreement: (alpha, raw, rated, ratedOne) =>
      `${alpha === null ? 'α not computable' : `α = ${alpha}`}` +
      `${raw === null ? '' : ` (raw agreement ${raw})`} over ${rated} ` +
      `${ratedOne ? 'sentence' : 'sentences'}.`,
    agreementHelp:
      'Krippendorff’s α: 1 means perfect agreement between fact-checkers, 0 agreement no better than chance.',
    disputed: (count) => `Disputed sentences: ${count}.`,
    claims: 'Verified claims',
    sentence: (n) => `Sentence ${n}`,
    verdict: 'Verdict',
    rationale: 'Rationale',
    sources: 'Sources',
    noSources: 'No source.',
    archive: 'archive',
    recheck: 'To re-check: the text has changed',
    approvedBy: (author, approver, date) =>
      `Checked by ${author}, approved by ${approver} on ${date}`,
    approved: (author, date) => `Checked by ${author}, approved on ${date}`,
    settledBy: (author, date) => `Settled by ${author} on ${date}`,
    byParty: 'settled by a party to the dispute',
    corrections: 'Corrections',
    correctionsIntro: 'Version history of this fact-check, oldest first.',
    revisionVersion: 'Version',
    revisionDate: 'Date',
    revisionBy: 'By',
    revisionNote: 'Note',
    unknown: '—',
    online: 'Online version',
    footer: 'Report produced with FactDesk.',
    quote: (text) => `“${text}”`,
    colon: ': ',
  },
};

// ---------------------------------------------------------------------------------------------
// Style
// ---------------------------------------------------------------------------------------------

const RATING_CLASSES = RATINGS.map(
  (rating) => `.r-${rating} { --verdict: ${RATING_COLORS[rating]}; }`,
).join('\n');

// System serif fonts only: the document must not fetch anything.
const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: Georgia, Cambria, "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.55; color: #1c1917; background: #fff; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.9rem; margin: 0.25rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid #d6d3d1; }
h3 { font-size: 1.1rem; margin: 0; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p { margin: 0.5rem 0; orphans: 3; widows: 3; }
a { color: #1d4ed8; overflow-wrap: anywhere; }
.kicker, .verdict-badge, .recheck, dl.meta dt, th { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: #57534e; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 1rem 0; }
dl.meta dt { font-size: 0.85rem; font-weight: 600; color: #44403c; padding-top: 0.15rem; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.notice { border-left: 4px solid #d97706; background: #fffbeb; padding: 0.5rem 0.75rem; }
.scale { margin: 0.5rem 0; padding: 0; list-style: none; }
.scale li { margin: 0.3rem 0; break-inside: avoid; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border-radius: 2px; background: var(--verdict); vertical-align: baseline; }
.chart { display: block; max-width: 100%; height: auto; margin: 0.75rem 0; }
.claim { margin-top: 1.75rem; padding-top: 1rem; border-top: 1px solid #e7e5e4; break-inside: avoid; page-break-inside: avoid; }
.claim-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 1rem; }
.claim blockquote { margin: 0.75rem 0; padding: 0.5rem 1rem; border-left: 4px solid var(--verdict, #a8a29e); background: #fafaf9; font-style: italic; }
.verdict-badge { display: inline-block; padding: 0.05rem 0.6rem; border: 2px solid var(--verdict); border-radius: 999px; font-size: 0.85rem; font-weight: 600; }
.recheck { display: inline-block; margin: 0; padding: 0.05rem 0.6rem; border: 1px dashed #b45309; border-radius: 4px; background: #fffbeb; color: #7c2d12; font-size: 0.85rem; }
.sources { margin: 0.25rem 0; padding-left: 1.5rem; }
.sources li { margin: 0.35rem 0; }
.excerpt { margin: 0.15rem 0 0; color: #44403c; }
.signature { font-style: italic; color: #57534e; }
.inert-url { overflow-wrap: anywhere; }
table.revisions { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
table.revisions th, table.revisions td { padding: 0.3rem 0.5rem; border-bottom: 1px solid #e7e5e4; text-align: left; vertical-align: top; }
table.revisions tr { break-inside: avoid; }
footer { margin-top: 3rem; padding-top: 0.5rem; border-top: 1px solid #e7e5e4; font-size: 0.85rem; color: #57534e; }
.swatch, .chart, .verdict-badge, .claim blockquote, .notice, .recheck { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; }
  a.source-link::after { content: " <" attr(href) ">"; font-size: 0.8em; overflow-wrap: anywhere; }
}
${RATING_CLASSES}
`.trim();

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

interface Context {
  t: Strings;
  language: ReportLanguage;
  locale: string;
  timeZone: string;
  /** `lang` of the article's own text (sentences), or null when the tag is not valid BCP 47. */
  textLang: string | null;
  recheck: ReadonlySet<string>;
}

function date(value: string, ctx: Context, withTime = false): string {
  return escapeHtml(formatDate(value, ctx.locale, ctx.timeZone, withTime) ?? value);
}

function langAttribute(ctx: Context): string {
  return ctx.textLang ? ` lang="${escapeAttribute(ctx.textLang)}"` : '';
}

function header(data: ReportHead, ctx: Context): string {
  const { t } = ctx;
  const { article } = data;
  const rows: [string, string][] = [];
  const publisher = article.publisher?.trim();
  if (publisher) rows.push([t.publisher, inline(publisher)]);
  const author = article.author?.trim();
  if (author) rows.push([t.author, inline(author)]);
  if (article.publishedAt?.trim())
    rows.push([t.publishedAt, date(article.publishedAt.trim(), ctx)]);
  if (article.sourceUrl?.trim()) {
    rows.push([t.original, link(article.sourceUrl, article.sourceUrl, 'source-link')]);
  }
  if (typeof article.version === 'number' && Number.isFinite(article.version)) {
    rows.push([t.version, escapeHtml(formatCount(article.version, ctx.locale).text)]);
  }
  if (data.organization.trim()) rows.push([t.team, inline(data.organization)]);
  rows.push([t.generated, date(data.generatedAt, ctx)]);
  const meta = rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`);
  const title = inline(article.title) || escapeHtml(t.untitled);
  return [
    '<header>',
    `<p class="kicker">${escapeHtml(t.kicker)}</p>`,
    `<h1${article.title.trim() ? langAttribute(ctx) : ''}>${title}</h1>`,
    `<dl class="meta" aria-label="${escapeAttribute(t.metadata)}">`,
    ...meta,
    '</dl>',
    ...(article.partial ? [`<p class="notice">${escapeHtml(t.partial)}</p>`] : []),
    '</header>',
  ].join('\n');
}

function methodology(ctx: Context): string {
  const { t, language } = ctx;
  const scale = RATINGS.map(
    (rating) =>
      `<li class="r-${rating}"><span class="swatch" aria-hidden="true"></span>` +
      `<strong>${escapeHtml(ratingLabel(rating, language))}</strong>${t.colon}` +
      `${escapeHtml(t.scale[rating])}</li>`,
  );
  return [
    '<section id="methodology" aria-labelledby="methodology-title">',
    `<h2 id="methodology-title">${escapeHtml(t.methodology)}</h2>`,
    ...t.methodologyIntro.map((text) => `<p>${escapeHtml(text)}</p>`),
    `<p>${escapeHtml(t.scaleIntro)}</p>`,
    '<ul class="scale">',
    ...scale,
    '</ul>',
    `<p>${escapeHtml(t.partialMeaning)}</p>`,
    '</section>',
  ].join('\n');
}

const CHART = { barMax: 340, row: 28, bar: 20, top: 6, charWidth: 8.2, margin: 6, countWidth: 56 };

/** One horizontal bar per rating present, in scale order. Returns '' without claims. */
function chart(counts: Record<Rating, number>, ctx: Context): string {
  const present = RATINGS.filter((rating) => counts[rating] > 0);
  if (present.length === 0) return '';
  const labels = present.map((rating) => ratingLabel(rating, ctx.language));
  const figures = present.map((rating) => formatCount(counts[rating], ctx.locale).text);
  const max = Math.max(...present.map((rating) => counts[rating]));
  // Room for the longest label at 14px (an estimate: the document has no font metrics).
  const labelWidth =
    CHART.margin + Math.ceil(Math.max(...labels.map((label) => label.length)) * CHART.charWidth);
  const x = labelWidth + 10;
  const width = x + CHART.barMax + CHART.countWidth;
  const height = CHART.top * 2 + present.length * CHART.row;
  const summaryText = ctx.t.chartTitle(labels.map((label, i) => `${label} ${figures[i]}`));
  const bars = present.map((rating, i) => {
    const y = CHART.top + i * CHART.row;
    const barWidth = Math.max(2, Math.round((counts[rating] / max) * CHART.barMax * 10) / 10);
    return [
      `<g class="r-${rating}">`,
      `<text x="${labelWidth}" y="${y + 15}" text-anchor="end">${escapeHtml(labels[i])}</text>`,
      `<rect x="${x}" y="${y}" width="${barWidth}" height="${CHART.bar}" rx="2" fill="${RATING_COLORS[rating]}"></rect>`,
      `<text x="${x + barWidth + 8}" y="${y + 15}">${escapeHtml(figures[i])}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" ` +
      `width="${width}" height="${height}" role="img" aria-label="${escapeAttribute(summaryText)}" ` +
      `font-family="Georgia, serif" font-size="14" fill="#1c1917">`,
    `<title>${escapeHtml(summaryText)}</title>`,
    ...bars,
    '</svg>',
  ].join('\n');
}

function summary(data: ReportHead, ctx: Context): string {
  const { t } = ctx;
  const verified = formatCount(data.totals.verifiedCount, ctx.locale);
  const total = formatCount(data.article.sentenceCount, ctx.locale);
  const out = [
    '<section id="summary" aria-labelledby="summary-title">',
    `<h2 id="summary-title">${escapeHtml(t.summary)}</h2>`,
    `<p>${escapeHtml(t.counts(verified.text, verified.one, total.text, total.one))}</p>`,
  ];
  if (data.totals.verifiedCount === 0) {
    out.push(`<p>${escapeHtml(t.noClaims)}</p>`);
  } else {
    out.push(chart(data.totals.byRating, ctx));
  }
  if (data.agreement) {
    const figures = agreementFigures(data.agreement, ctx.locale);
    out.push(
      `<h3>${escapeHtml(t.agreementTitle)}</h3>`,
      `<p>${escapeHtml(t.agreement(figures.alpha, figures.raw, figures.rated, figures.ratedOne))}</p>`,
    );
    if (figures.disputed > 0) out.push(`<p>${escapeHtml(t.disputed(figures.disputedText))}</p>`);
    out.push(`<p>${escapeHtml(t.agreementHelp)}</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function source(item: ReportSource, ctx: Context): string {
  const details = [
    item.publisher?.trim() ? inline(item.publisher) : '',
    item.publishedAt?.trim() ? date(item.publishedAt.trim(), ctx) : '',
  ].filter(Boolean);
  const parts = [link(item.title ?? '', item.url, 'source-link')];
  if (details.length > 0) parts.push(` — ${details.join(', ')}`);
  const href = safeHref(item.url);
  if (href !== null) {
    const archive = `https://web.archive.org/web/*/${href}`;
    parts.push(
      ` (<a class="archive-link" href="${escapeAttribute(archive)}" rel="noopener noreferrer">` +
        `${escapeHtml(ctx.t.archive)}</a>)`,
    );
  }
  const excerpt = item.excerpt?.trim();
  if (excerpt) parts.push(paragraphs(ctx.t.quote(excerpt), 'excerpt'));
  return `<li>${parts.join('')}</li>`;
}

/**
 * Who wrote and who approved the verdict, dated by its approval (when it was published), and
 * whether a party to the dispute settled it.
 */
function signature(claim: ReportClaim, ctx: Context): string {
  const base = signedBy(claim, ctx);
  return claim.settledByParty ? `${base} — ${escapeHtml(ctx.t.byParty)}` : base;
}

function signedBy(claim: ReportClaim, ctx: Context): string {
  const { t } = ctx;
  const author = inline(claim.reviewer.name);
  const when = date(claim.approvedAt, ctx);
  if (claim.resolution) return t.settledBy(author, when);
  // A blank name is as good as an unknown approver.
  const approver = claim.approver ? inline(claim.approver.name) : '';
  return approver ? t.approvedBy(author, approver, when) : t.approved(author, when);
}

function claimSection(claim: ReportClaim, ctx: Context): string {
  const { t } = ctx;
  const n = claim.index + 1;
  const id = `sentence-${n}`;
  const label = escapeHtml(ratingLabel(claim.rating, ctx.language));
  const rationale = paragraphs(claim.rationale);
  const sources =
    claim.sources.length === 0
      ? `<p>${escapeHtml(t.noSources)}</p>`
      : ['<ul class="sources">', ...claim.sources.map((item) => source(item, ctx)), '</ul>'].join(
          '\n',
        );
  const sentence = paragraphs(claim.text);
  return [
    `<article class="claim r-${escapeAttribute(claim.rating)}" id="${id}" aria-labelledby="${id}-title">`,
    '<div class="claim-head">',
    `<h3 id="${id}-title">${escapeHtml(t.sentence(n))}</h3>`,
    `<span class="verdict-badge"><span class="swatch" aria-hidden="true"></span>${label}</span>`,
    ...(ctx.recheck.has(claim.sentenceId)
      ? [`<p class="recheck" role="note">${escapeHtml(t.recheck)}</p>`]
      : []),
    '</div>',
    ...(sentence ? [`<blockquote${langAttribute(ctx)}>`, sentence, '</blockquote>'] : []),
    `<p class="verdict">${escapeHtml(t.verdict)}${t.colon}<strong>${label}</strong></p>`,
    ...(rationale
      ? [`<h4>${escapeHtml(t.rationale)}</h4>`, `<div class="rationale">${rationale}</div>`]
      : []),
    `<h4>${escapeHtml(t.sources)}</h4>`,
    sources,
    `<p class="signature">${signature(claim, ctx)}</p>`,
    '</article>',
  ].join('\n');
}

function revisionRow(revision: ReportRevision, ctx: Context): string {
  const who = revision.by?.trim() ? inline(revision.by) : escapeHtml(ctx.t.unknown);
  const note = revision.note?.trim() ? paragraphs(revision.note) : escapeHtml(ctx.t.unknown);
  return (
    `<tr><td>${escapeHtml(formatCount(revision.version, ctx.locale).text)}</td>` +
    `<td>${date(revision.at, ctx, true)}</td><td>${who}</td><td>${note}</td></tr>`
  );
}

function corrections(revisions: ReportRevision[], ctx: Context): string {
  const { t } = ctx;
  const head = [t.revisionVersion, t.revisionDate, t.revisionBy, t.revisionNote]
    .map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`)
    .join('');
  return [
    '<section id="corrections" aria-labelledby="corrections-title">',
    `<h2 id="corrections-title">${escapeHtml(t.corrections)}</h2>`,
    `<p>${escapeHtml(t.correctionsIntro)}</p>`,
    '<table class="revisions">',
    `<thead><tr>${head}</tr></thead>`,
    '<tbody>',
    ...revisions.map((revision) => revisionRow(revision, ctx)),
    '</tbody>',
    '</table>',
    '</section>',
  ].join('\n');
}

/**
 * The HTML report written claim by claim. The header runs from the doctype to the summary; the
 * first claim opens the claims section (there is none without claims), every piece after the
 * header starts with the line break that separates it from the previous one, and the footer
 * closes the section, adds the corrections table and ends the document. The concatenation is
 * toHtmlReport's output.
 */
export function htmlWriter(head: ReportHead, options: HtmlOptions = {}): ReportWriter {
  const lang = options.lang ?? head.article.language;
  const language = resolveLanguage(lang);
  const ctx: Context = {
    t: STRINGS[language],
    language,
    locale: localeFor(lang, language),
    timeZone: options.timeZone ?? 'UTC',
    textLang: canonicalLanguageTag(head.article.language),
    recheck: new Set(head.recheck ?? []),
  };
  const { t } = ctx;
  let written = 0;
  return {
    start() {
      const title = inline(head.article.title) || escapeHtml(t.untitled);
      return [
        '<!DOCTYPE html>',
        `<html lang="${escapeAttribute(ctx.locale)}">`,
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="FactDesk">',
        `<title>${t.documentTitle(title)}</title>`,
        `<style>\n${CSS}\n</style>`,
        '</head>',
        '<body>',
        header(head, ctx),
        '<main>',
        methodology(ctx),
        summary(head, ctx),
      ].join('\n');
    },
    item(claim) {
      const open =
        written++ === 0
          ? [
              '<section id="claims" aria-labelledby="claims-title">',
              `<h2 id="claims-title">${escapeHtml(t.claims)}</h2>`,
            ]
          : [];
      return ['', ...open, claimSection(claim, ctx)].join('\n');
    },
    end() {
      const revisions = head.revisions ?? [];
      const online = safeHref(head.factCheckUrl);
      return [
        '',
        ...(written > 0 ? ['</section>'] : []),
        ...(revisions.length > 1 ? [corrections(revisions, ctx)] : []),
        '</main>',
        '<footer>',
        `<p>${escapeHtml(t.footer)}${
          online === null
            ? ''
            : ` ${escapeHtml(t.online)}${t.colon}` +
              `<a href="${escapeAttribute(online)}" rel="noopener noreferrer">${escapeHtml(online)}</a>`
        }</p>`,
        '</footer>',
        '</body>',
        '</html>',
        '',
      ].join('\n');
    },
  };
}

/**
 * Renders the report as a standalone HTML5 document (labels in `lang`, default: the article's
 * language; date-times in `timeZone`, default UTC).
 */
export function toHtmlReport(data: ReportData, options: HtmlOptions = {}): string {
  return writeAll(htmlWriter(reportHead(data), options), data.claims);
}
