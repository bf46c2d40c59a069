// The HTML report's parts as React components, rendered to static markup on the server
// (render.ts): the document frame (head, header, methodology, summary, corrections, footer), the
// claims section and one claim. Plain functions of their props, without hooks or context, so
// they render in any process (render.ts says why that matters).
//
// React escapes every text and attribute value, so user text (titles, names, sentences,
// rationales, source metadata, notes) is always text. A URL becomes a link only when it is an
// absolute http(s) URL (React would neutralise a `javascript:` href, but nothing else such as
// `data:` or a relative path): anything else is printed as inert text.
import { Fragment, type ReactNode } from 'react';
import { agreementFigures, formatCount, formatDate, isHttpUrl } from '../format';
import type {
  PublicationCorrection,
  PublicationInfo,
  ReportClaim,
  ReportHead,
  ReportRevision,
  ReportSource,
} from '../types';
import {
  RATINGS,
  RATING_COLORS,
  ratingLabel,
  type Rating,
  type ReportLanguage,
} from '../verdict-scale';
import { Slot } from './render';
import type { Strings } from './strings';
import { CSS } from './style';

export interface Context {
  t: Strings;
  language: ReportLanguage;
  locale: string;
  timeZone: string;
  /** `lang` of the article's own text (sentences), or null when the tag is not valid BCP 47. */
  textLang: string | null;
  recheck: ReadonlySet<string>;
  /** The published page's ClaimReviews as safe JSON-LD text (lib/reports/publication.ts). */
  jsonLd?: string;
}

// ---------------------------------------------------------------------------------------------
// User text
// ---------------------------------------------------------------------------------------------

const LINE_BREAK = /\r\n|\r|\n/;

/** The link target for a user URL: its normalised form when it is http(s), else null. */
export function safeHref(url: string | null | undefined): string | null {
  const trimmed = (url ?? '').trim();
  if (!isHttpUrl(trimmed)) return null;
  // The WHATWG serialisation percent-encodes spaces, quotes and angle brackets.
  return new URL(trimmed).href;
}

/** User text on one line (titles, names): line breaks become spaces. */
function inline(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Multi-line user text as paragraphs: a blank line separates paragraphs, a single line break
 * becomes `<br>`, so the author's layout survives. Null for blank text.
 */
function Paragraphs({ text, className }: { text: string; className?: string }): ReactNode {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split(LINE_BREAK)) {
    const line = raw.trim();
    if (line) {
      current.push(line);
    } else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  if (blocks.length === 0) return null;
  return blocks.map((lines, i) => (
    <p key={i} className={className}>
      {lines.map((line, j) => (
        <Fragment key={j}>
          {j > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </p>
  ));
}

function hasParagraphs(text: string): boolean {
  return text.trim() !== '';
}

function Link({ text, url, className }: { text: string; url: string; className?: string }) {
  const href = safeHref(url);
  const label = inline(text) || inline(url);
  if (href === null) return <span className="inert-url">{label}</span>;
  return (
    <a className={className} href={href} rel="noopener noreferrer">
      {label}
    </a>
  );
}

function date(value: string, ctx: Context, withTime = false): string {
  return formatDate(value, ctx.locale, ctx.timeZone, withTime) ?? value;
}

// ---------------------------------------------------------------------------------------------
// Document frame
// ---------------------------------------------------------------------------------------------

function Header({ head, ctx }: { head: ReportHead; ctx: Context }) {
  const { t } = ctx;
  const { article } = head;
  const rows: [string, ReactNode][] = [];
  const publisher = article.publisher?.trim();
  if (publisher) rows.push([t.publisher, inline(publisher)]);
  const author = article.author?.trim();
  if (author) rows.push([t.author, inline(author)]);
  const publishedAt = article.publishedAt?.trim();
  if (publishedAt) rows.push([t.publishedAt, date(publishedAt, ctx)]);
  if (article.sourceUrl?.trim()) {
    rows.push([
      t.original,
      <Link key="link" text={article.sourceUrl} url={article.sourceUrl} className="source-link" />,
    ]);
  }
  if (typeof article.version === 'number' && Number.isFinite(article.version)) {
    rows.push([t.version, formatCount(article.version, ctx.locale).text]);
  }
  if (head.organization.trim()) rows.push([t.team, inline(head.organization)]);
  const { publication } = head;
  if (publication) {
    rows.push([t.firstPublished, date(publication.firstPublishedAt, ctx)]);
    if (date(publication.modifiedAt, ctx) !== date(publication.firstPublishedAt, ctx)) {
      rows.push([t.updated, date(publication.modifiedAt, ctx)]);
    }
  } else {
    rows.push([t.generated, date(head.generatedAt, ctx)]);
  }
  const title = inline(article.title);
  return (
    <header>
      <p className="kicker">{publication ? t.pageKicker : t.kicker}</p>
      <h1 lang={title && ctx.textLang ? ctx.textLang : undefined}>{title || t.untitled}</h1>
      <dl className="meta" aria-label={t.metadata}>
        {rows.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {article.partial && <p className="notice">{t.partial}</p>}
    </header>
  );
}

function Methodology({ ctx }: { ctx: Context }) {
  const { t, language } = ctx;
  return (
    <section id="methodology" aria-labelledby="methodology-title">
      <h2 id="methodology-title">{t.methodology}</h2>
      {t.methodologyIntro.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <p>{t.scaleIntro}</p>
      <ul className="scale">
        {RATINGS.map((rating) => (
          <li key={rating} className={`r-${rating}`}>
            <span className="swatch" aria-hidden="true"></span>
            <strong>{ratingLabel(rating, language)}</strong>
            {t.colon}
            {t.scale[rating]}
          </li>
        ))}
      </ul>
      <p>{t.partialMeaning}</p>
    </section>
  );
}

const CHART = { barMax: 340, row: 28, bar: 20, top: 6, charWidth: 8.2, margin: 6, countWidth: 56 };

/** One horizontal bar per rating present, in scale order; nothing without claims. */
function Chart({ counts, ctx }: { counts: Record<Rating, number>; ctx: Context }) {
  const present = RATINGS.filter((rating) => counts[rating] > 0);
  if (present.length === 0) return null;
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
  return (
    <svg
      className="chart"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={summaryText}
      fontFamily="Georgia, serif"
      fontSize="14"
      fill="#1c1917"
    >
      <title>{summaryText}</title>
      {present.map((rating, i) => {
        const y = CHART.top + i * CHART.row;
        const barWidth = Math.max(2, Math.round((counts[rating] / max) * CHART.barMax * 10) / 10);
        return (
          <g key={rating} className={`r-${rating}`}>
            <text x={labelWidth} y={y + 15} textAnchor="end">
              {labels[i]}
            </text>
            <rect
              x={x}
              y={y}
              width={barWidth}
              height={CHART.bar}
              rx="2"
              fill={RATING_COLORS[rating]}
            ></rect>
            <text x={x + barWidth + 8} y={y + 15}>
              {figures[i]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Summary({ head, ctx }: { head: ReportHead; ctx: Context }) {
  const { t } = ctx;
  const verified = formatCount(head.totals.verifiedCount, ctx.locale);
  const total = formatCount(head.article.sentenceCount, ctx.locale);
  const figures = head.agreement ? agreementFigures(head.agreement, ctx.locale) : null;
  return (
    <section id="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t.summary}</h2>
      <p>{t.counts(verified.text, verified.one, total.text, total.one)}</p>
      {head.totals.verifiedCount === 0 ? (
        <p>{t.noClaims}</p>
      ) : (
        <Chart counts={head.totals.byRating} ctx={ctx} />
      )}
      {figures && (
        <>
          <h3>{t.agreementTitle}</h3>
          <p>{t.agreement(figures.alpha, figures.raw, figures.rated, figures.ratedOne)}</p>
          {figures.disputed > 0 && <p>{t.disputed(figures.disputedText)}</p>}
          <p>{t.agreementHelp}</p>
        </>
      )}
    </section>
  );
}

function Corrections({ revisions, ctx }: { revisions: ReportRevision[]; ctx: Context }) {
  const { t } = ctx;
  return (
    <section id="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t.corrections}</h2>
      <p>{t.correctionsIntro}</p>
      <table className="revisions">
        <thead>
          <tr>
            {[t.revisionVersion, t.revisionDate, t.revisionBy, t.revisionNote].map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision, i) => (
            <tr key={i}>
              <td>{formatCount(revision.version, ctx.locale).text}</td>
              <td>{date(revision.at, ctx, true)}</td>
              <td>{revision.by?.trim() ? inline(revision.by) : t.unknown}</td>
              <td>
                {revision.note && hasParagraphs(revision.note) ? (
                  <Paragraphs text={revision.note} />
                ) : (
                  t.unknown
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The published page's dated correction notes (kept by the database, see the migration). */
function PublicationCorrections({
  corrections,
  ctx,
}: {
  corrections: PublicationCorrection[];
  ctx: Context;
}) {
  const { t, language } = ctx;
  return (
    <section id="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t.corrections}</h2>
      <p>{t.publicCorrectionsIntro}</p>
      <ul className="corrections">
        {corrections.map((correction, i) => {
          const n = correction.sentenceIndex + 1;
          const rating = ratingLabel(correction.rating, language);
          const note =
            correction.kind === 'added' || !correction.previousRating
              ? t.correctionAdded(n, rating)
              : correction.previousRating === correction.rating
                ? t.correctionRevised(n, rating)
                : t.correctionChanged(n, ratingLabel(correction.previousRating, language), rating);
          return (
            <li key={i}>
              <time dateTime={correction.at}>{date(correction.at, ctx, true)}</time>
              {t.colon}
              <a href={`#sentence-${n}`}>{note}</a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The published page's links for sharing and indexing: canonical, OpenGraph, Twitter, feeds. */
function PublicationHead({
  head,
  publication,
  ctx,
}: {
  head: ReportHead;
  publication: PublicationInfo;
  ctx: Context;
}) {
  const title = inline(head.article.title) || ctx.t.untitled;
  const count = formatCount(head.totals.verifiedCount, ctx.locale);
  const description = ctx.t.pageDescription(
    count.text,
    count.one,
    inline(head.organization),
    title,
  );
  const canonical = safeHref(publication.url);
  const logo = safeHref(head.organizationLogo);
  return (
    <>
      <meta name="description" content={description} />
      {canonical !== null && <link rel="canonical" href={canonical} />}
      <link
        rel="alternate"
        type="application/atom+xml"
        title={ctx.t.atomFeed}
        href={publication.atomFeedUrl}
      />
      <link
        rel="alternate"
        type="application/ld+json"
        title={ctx.t.claimReviewFeed}
        href={publication.claimReviewFeedUrl}
      />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      {canonical !== null && <meta property="og:url" content={canonical} />}
      <meta property="og:site_name" content={inline(head.organization)} />
      <meta property="og:locale" content={ctx.locale.replace('-', '_')} />
      {logo !== null && <meta property="og:image" content={logo} />}
      <meta property="article:published_time" content={publication.firstPublishedAt} />
      <meta property="article:modified_time" content={publication.modifiedAt} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      {ctx.jsonLd !== undefined && (
        // Escaped JSON (lib/text/json-ld.ts): no `<`, `>` or `&` can end the element early.
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: ctx.jsonLd }} />
      )}
    </>
  );
}

function Footer({ head, ctx }: { head: ReportHead; ctx: Context }) {
  const { t } = ctx;
  if (head.publication) {
    const index = safeHref(head.publication.indexUrl);
    return (
      <footer>
        <p>
          {t.pageFooter(inline(head.organization))}
          {index !== null && (
            <>
              {' '}
              <a href={index}>{t.allFactChecks}</a>
            </>
          )}
        </p>
      </footer>
    );
  }
  const online = safeHref(head.factCheckUrl);
  return (
    <footer>
      <p>
        {t.footer}
        {online !== null && (
          <>
            {` ${t.online}${t.colon}`}
            <a href={online} rel="noopener noreferrer">
              {online}
            </a>
          </>
        )}
      </p>
    </footer>
  );
}

/**
 * The whole document but its claims, which stream in at the <Slot /> (after the summary, before
 * the corrections): rendered once, cut there into the report's first and last pieces.
 */
export function ReportFrame({ head, ctx }: { head: ReportHead; ctx: Context }) {
  const { t } = ctx;
  const revisions = head.revisions ?? [];
  return (
    <html lang={ctx.locale}>
      {/* A standalone document rendered to a string, not a Next page: next/head has no say. */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="FactDesk" />
        <title>{t.documentTitle(inline(head.article.title) || t.untitled)}</title>
        {/* Our own constant stylesheet, never user data: raw text is what a <style> holds. */}
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
        {head.publication && (
          <PublicationHead head={head} publication={head.publication} ctx={ctx} />
        )}
      </head>
      <body>
        <Header head={head} ctx={ctx} />
        {head.publication ? (
          // A reader of the published page comes for the claims: they come first, the method after.
          <main>
            <Summary head={head} ctx={ctx} />
            <Slot />
            {head.publication.corrections.length > 0 && (
              <PublicationCorrections corrections={head.publication.corrections} ctx={ctx} />
            )}
            <Methodology ctx={ctx} />
          </main>
        ) : (
          <main>
            <Methodology ctx={ctx} />
            <Summary head={head} ctx={ctx} />
            <Slot />
            {revisions.length > 1 && <Corrections revisions={revisions} ctx={ctx} />}
          </main>
        )}
        <Footer head={head} ctx={ctx} />
      </body>
    </html>
  );
}

// ---------------------------------------------------------------------------------------------
// Claims
// ---------------------------------------------------------------------------------------------

/** The claims section, its claims streaming in at the <Slot />; absent without claims. */
export function ClaimsSection({ ctx }: { ctx: Context }) {
  return (
    <section id="claims" aria-labelledby="claims-title">
      <h2 id="claims-title">{ctx.t.claims}</h2>
      <Slot />
    </section>
  );
}

function Source({ item, ctx }: { item: ReportSource; ctx: Context }) {
  const details = [
    item.publisher?.trim() ? inline(item.publisher) : '',
    item.publishedAt?.trim() ? date(item.publishedAt.trim(), ctx) : '',
  ].filter(Boolean);
  const href = safeHref(item.url);
  const excerpt = item.excerpt?.trim();
  return (
    <li>
      <Link text={item.title ?? ''} url={item.url} className="source-link" />
      {details.length > 0 && ` — ${details.join(', ')}`}
      {href !== null && <ArchiveNote item={item} href={href} ctx={ctx} />}
      {excerpt && <Paragraphs text={ctx.t.quote(excerpt)} className="excerpt" />}
    </li>
  );
}

/**
 * FactDesk's archived copy of the source (« archivé le … »), or why there is none; the Wayback
 * Machine's search when the archive was not consulted; what the last link check found.
 */
function ArchiveNote({ item, href, ctx }: { item: ReportSource; href: string; ctx: Context }) {
  const { t } = ctx;
  const archive = item.archive;
  const copy = archive?.copyUrl ? safeHref(archive.copyUrl) : null;
  let note: ReactNode;
  if (copy && archive?.archivedAt) {
    note = (
      <a className="archive-link" href={copy} rel="noopener noreferrer">
        {t.archivedOn(date(archive.archivedAt, ctx))}
      </a>
    );
  } else if (archive?.status === 'unavailable') {
    note = t.notArchived(archive.reason ?? '');
  } else if (archive?.status === 'pending') {
    note = t.archivePending;
  } else {
    note = (
      <a
        className="archive-link"
        href={`https://web.archive.org/web/*/${href}`}
        rel="noopener noreferrer"
      >
        {t.archive}
      </a>
    );
  }
  const check =
    archive?.checkState === 'dead'
      ? t.sourceDead
      : archive?.checkState === 'changed'
        ? t.sourceChanged
        : null;
  return (
    <>
      {' ('}
      {note}
      {check && (
        <>
          {' — '}
          <strong className="source-check">{check}</strong>
        </>
      )}
      {')'}
    </>
  );
}

/**
 * Who wrote and who approved the verdict, dated by its approval (when it was published), and
 * whether a party to the dispute settled it.
 */
function signature(claim: ReportClaim, ctx: Context, team: string | null): string {
  const { t } = ctx;
  const when = date(claim.approvedAt, ctx);
  // The team chose not to name its fact-checkers: it signs alone.
  if (team !== null) return t.publishedByTeam(inline(team), when);
  const author = inline(claim.reviewer.name);
  // A blank name is as good as an unknown approver.
  const approver = claim.approver ? inline(claim.approver.name) : '';
  const base = claim.resolution
    ? t.settledBy(author, when)
    : approver
      ? t.approvedBy(author, approver, when)
      : t.approved(author, when);
  return claim.settledByParty ? `${base} — ${t.byParty}` : base;
}

/** Who made the claim, when, where it appeared and its summary, as the fact-checker wrote them. */
function ClaimContext({ claim, ctx }: { claim: ReportClaim; ctx: Context }) {
  const fields = claim.claim;
  if (!fields) return null;
  const { t } = ctx;
  const claimant = fields.claimant ? inline(fields.claimant) : '';
  const when = fields.date ? date(fields.date, ctx) : null;
  const line = claimant ? t.claimBy(claimant, when) : when ? t.claimDated(when) : null;
  const summary = fields.summary ? inline(fields.summary) : '';
  if (!line && !summary && !fields.appearanceUrl) return null;
  return (
    <div className="claim-context">
      {summary && (
        <p>
          {t.claimSummary}
          {t.colon}
          <strong lang={ctx.textLang ?? undefined}>{summary}</strong>
        </p>
      )}
      {(line || fields.appearanceUrl) && (
        <p>
          {line}
          {line && fields.appearanceUrl && ' — '}
          {fields.appearanceUrl && (
            <Link text={ctx.t.claimAppearance} url={fields.appearanceUrl} className="source-link" />
          )}
        </p>
      )}
    </div>
  );
}

export function ClaimArticle({
  claim,
  ctx,
  anonymousAs = null,
}: {
  claim: ReportClaim;
  ctx: Context;
  /** The team's name when the page names no reviewer (PublicationInfo.namedReviewers). */
  anonymousAs?: string | null;
}) {
  const { t } = ctx;
  const n = claim.index + 1;
  const id = `sentence-${n}`;
  const label = ratingLabel(claim.rating, ctx.language);
  return (
    <article className={`claim r-${claim.rating}`} id={id} aria-labelledby={`${id}-title`}>
      <div className="claim-head">
        <h3 id={`${id}-title`}>{t.sentence(n)}</h3>
        <span className="verdict-badge">
          <span className="swatch" aria-hidden="true"></span>
          {label}
        </span>
        {ctx.recheck.has(claim.sentenceId) && (
          <p className="recheck" role="note">
            {t.recheck}
          </p>
        )}
      </div>
      {hasParagraphs(claim.text) && (
        <blockquote lang={ctx.textLang ?? undefined}>
          <Paragraphs text={claim.text} />
        </blockquote>
      )}
      <ClaimContext claim={claim} ctx={ctx} />
      <p className="verdict">
        {t.verdict}
        {t.colon}
        <strong>{label}</strong>
      </p>
      {hasParagraphs(claim.rationale) && (
        <>
          <h4>{t.rationale}</h4>
          <div className="rationale">
            <Paragraphs text={claim.rationale} />
          </div>
        </>
      )}
      <h4>{t.sources}</h4>
      {claim.sources.length === 0 ? (
        <p>{t.noSources}</p>
      ) : (
        <ul className="sources">
          {claim.sources.map((item, i) => (
            <Source key={i} item={item} ctx={ctx} />
          ))}
        </ul>
      )}
      <p className="signature">{signature(claim, ctx, anonymousAs)}</p>
    </article>
  );
}
