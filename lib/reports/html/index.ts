// HTML report: a complete, standalone, printable HTML5 document for readers outside FactDesk
// (editors, partners, archives). It must open from a file or an e-mail attachment years later,
// so it carries everything itself: embedded CSS only, an inline SVG chart, system fonts, no
// script, no image, no external resource.
//
// Rendered from React components (components.tsx) to static markup, piece by piece so it can
// stream: the document frame is rendered once and cut where the claims go, then each claim is
// rendered on its own as it is read.
import { createElement } from 'react';
import { canonicalLanguageTag, localeFor } from '../format';
import type { ReportData, ReportHead } from '../types';
import { resolveLanguage } from '../verdict-scale';
import { reportHead, writeAll, type ReportWriter } from '../writer';
import { ClaimArticle, ClaimsSection, ReportFrame, type Context } from './components';
import { renderAround, renderMarkup } from './render';
import { STRINGS } from './strings';

export interface HtmlOptions {
  /** Language of the labels; defaults to the article's language (fr unless it starts with en). */
  lang?: string;
  /** IANA time zone used to print date-times; defaults to UTC. Bare dates are never shifted. */
  timeZone?: string;
  /** The published page's ClaimReviews as safe JSON-LD text, put in its head. */
  jsonLd?: string;
}

/**
 * The HTML report written claim by claim. The first piece runs from the doctype to the summary;
 * the first claim opens the claims section (there is none without claims), and the last piece
 * closes it, adds the corrections table and the footer and ends the document. The concatenation
 * is toHtmlReport's output.
 */
export function htmlWriter(head: ReportHead, options: HtmlOptions = {}): ReportWriter {
  const lang = options.lang ?? head.publicationLanguage ?? head.article.language;
  const language = resolveLanguage(lang);
  const ctx: Context = {
    t: STRINGS[language],
    language,
    locale: localeFor(lang, language),
    timeZone: options.timeZone ?? head.timeZone ?? 'UTC',
    textLang: canonicalLanguageTag(head.article.language),
    recheck: new Set(head.recheck ?? []),
    jsonLd: options.jsonLd,
  };
  const anonymousAs =
    head.publication && !head.publication.namedReviewers ? head.organization : null;
  let frame: [string, string] | undefined;
  let section: [string, string] | undefined;
  return {
    start() {
      frame = renderAround(createElement(ReportFrame, { head, ctx }));
      return `<!DOCTYPE html>\n${frame[0]}`;
    },
    item(claim) {
      const claimMarkup = renderMarkup(createElement(ClaimArticle, { claim, ctx, anonymousAs }));
      if (section) return claimMarkup;
      section = renderAround(createElement(ClaimsSection, { ctx }));
      return section[0] + claimMarkup;
    },
    end() {
      frame ??= renderAround(createElement(ReportFrame, { head, ctx }));
      return `${section ? section[1] : ''}${frame[1]}\n`;
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
