// Text segmentation: owns how an article's plain text is cut into units (sentences, headings,
// paywall notices) with UTF-16 offsets into the ORIGINAL text. Pure: no React, Next or Prisma.
//
// Pipeline, per line (a line break always ends a unit):
//   1. candidate breaks from Intl.Segmenter (sentence granularity), plus a few it misses;
//   2. each candidate is checked by small named rules that reject false breaks
//      (abbreviations, initials, URLs, lowercase continuations…) or move it (closing quotes);
//   3. the surviving pieces are trimmed and classified (paywall > heading > sentence).

import type { UnitKind } from '@/generated/prisma/enums';
import { MONTHS } from './lexicon';

/** A unit's kind: the schema's enum (prisma/schema.prisma), the one declaration. */
export type { UnitKind };

export interface TextUnit {
  index: number;
  start: number;
  end: number;
  kind: UnitKind;
  text: string;
}

export interface SegmentOptions {
  /** BCP-47 tag ('fr', 'en-GB'…). Missing or unknown languages get the generic rules. */
  language?: string;
}

// ---------------------------------------------------------------------------------------------
// Rule data
// ---------------------------------------------------------------------------------------------

/**
 * Subscription / truncation notices. Anchored at the start of the unit: a notice opens its own
 * sentence, and anchoring keeps an article that merely quotes such a phrase from being greyed.
 */
export const PAYWALL_PATTERNS: readonly RegExp[] = [
  // French
  /^il (?:vous )?reste (?:encore )?[\d\s.,]+%\s*(?:de (?:cet |l['’])article|à lire|à consulter)/iu,
  /^(?:cet |l['’])?article (?:est )?(?:réservé|accessible|disponible) (?:aux|à nos|pour les) (?:abonnés|membres)/iu,
  /^(?:la suite|le reste)(?: de (?:cet |l['’])article)? est (?:réservée?|privée?|accessible|disponible) (?:aux|pour les|à nos) (?:abonnés|membres)/iu,
  /^abonnez-vous pour (?:lire|continuer|accéder|découvrir|poursuivre)/iu,
  /^pour (?:lire|consulter|accéder à) la suite(?: de (?:cet |l['’])article)?,? (?:abonnez-vous|connectez-vous|inscrivez-vous)/iu,
  /^contenu (?:exclusivement )?réservé aux abonnés/iu,
  // English
  /^you have [\d\s.,]+%\s*of this (?:article|story) left to read/iu,
  /^this (?:article|story|content) is (?:only )?(?:for|available to|reserved for|exclusive to) (?:paid |paying )?(?:subscribers|members)/iu,
  /^the rest of (?:this|the) (?:article|story) is (?:only |reserved )?(?:for|available to) (?:paid )?subscribers/iu,
  /^the rest is (?:only |reserved )?for subscribers/iu,
  /^subscribe (?:now |today )?to (?:continue|keep) reading/iu,
  /^(?:to (?:continue|keep) reading|to read the (?:full|rest of the) (?:article|story)),? (?:please )?(?:subscribe|sign in|log in)/iu,
  /^(?:subscribers?|members?)[- ]only (?:content|article|story)/iu,
];

/**
 * Weaker signals: a unit matching one of these is paywall only when it directly follows a
 * paywall unit (e.g. "Déjà abonné ? Connectez-vous." after "Il reste 80 % de cet article…").
 */
export const PAYWALL_CONTINUATION_PATTERNS: readonly RegExp[] = [
  /abonn/iu,
  /subscri/iu,
  /connectez-vous|se connecter|sign in|log in/iu,
  /\bla suite\b|\bthe rest\b/iu,
];

interface AbbreviationRules {
  /** Titles and abbreviations that always introduce something: the sentence goes on. */
  neverEnd: ReadonlySet<string>;
  /** Abbreviations that go on only before a number: "art. 5", "p. 12", "3 janv. 2024". */
  beforeNumber: ReadonlySet<string>;
  /** Real sentence ends when a capitalised word follows ("…, etc. Puis"), otherwise not. */
  endBeforeCapital: ReadonlySet<string>;
}

// Entries are written without their final period. A lowercase entry also matches any
// capitalisation ("Cf.", "ETC."); a capitalised entry matches exactly ("Me" but not "me").
const SHARED_ABBREVIATIONS: AbbreviationRules = {
  neverEnd: new Set(['M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Dr', 'Pr', 'St', 'Ste']),
  beforeNumber: new Set(['p', 'pp', 'fig', 'vol', 'chap', 'No']),
  endBeforeCapital: new Set(['etc']),
};

// Shared by French and English text too: English names and Latin abbreviations turn up in
// French articles and vice versa. Only entries that would clash with a common word of the
// other language stay language-specific (French "Me" vs English "me", English "Col." vs
// French "col").
const SHARED_LATIN_AND_TITLES: AbbreviationRules = {
  neverEnd: new Set(['cf', 'e.g', 'i.e', 'vs', 'Mr', 'Mrs', 'Ms', 'Prof', 'Jr', 'Sr']),
  beforeNumber: new Set(),
  endBeforeCapital: new Set(),
};

const FRENCH_ABBREVIATIONS: AbbreviationRules = {
  neverEnd: new Set(['Me', 'Mgr', 'env', 'Vve']),
  // "sept" is also the number seven and "art" the word art, hence before-number only.
  beforeNumber: new Set(['art', ...MONTHS.fr.abbreviations]),
  endBeforeCapital: new Set(),
};

const ENGLISH_ABBREVIATIONS: AbbreviationRules = {
  neverEnd: new Set(['approx', 'Gen', 'Sen', 'Rep', 'Gov', 'Lt', 'Col', 'Capt', 'Sgt', 'Rev']),
  // Capitalised (from the lexicon), so "mar." or "dec." in running text is not taken for a month.
  beforeNumber: new Set(MONTHS.en.abbreviations),
  // "at 5 p.m. The meeting…" ends there; "at 5 p.m. on Monday" does not.
  endBeforeCapital: new Set(['a.m', 'p.m', 'Inc', 'Ltd', 'Co', 'Corp']),
};

function combineRules(...parts: AbbreviationRules[]): AbbreviationRules {
  return {
    neverEnd: new Set(parts.flatMap((part) => [...part.neverEnd])),
    beforeNumber: new Set(parts.flatMap((part) => [...part.beforeNumber])),
    endBeforeCapital: new Set(parts.flatMap((part) => [...part.endBeforeCapital])),
  };
}

const RULES_BY_LANGUAGE: Record<string, AbbreviationRules> = {
  fr: combineRules(SHARED_ABBREVIATIONS, SHARED_LATIN_AND_TITLES, FRENCH_ABBREVIATIONS),
  en: combineRules(SHARED_ABBREVIATIONS, SHARED_LATIN_AND_TITLES, ENGLISH_ABBREVIATIONS),
};

// Other languages: the union, since a false "no break" is cheaper than a cut mid-sentence.
const GENERIC_RULES = combineRules(
  SHARED_ABBREVIATIONS,
  SHARED_LATIN_AND_TITLES,
  FRENCH_ABBREVIATIONS,
  ENGLISH_ABBREVIATIONS,
);

/** A whole-line unit longer than this is a sentence missing its period, not a heading. */
const HEADING_MAX_LENGTH = 150;

/** Longest text handed to Intl.Segmenter at once (see segmenterBreaks). */
const SEGMENTER_CHUNK = 2000;

/** How far the rules look around a break: enough for any token, bounded for huge lines. */
const CONTEXT_WINDOW = 80;

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

export function segment(text: string, options: SegmentOptions = {}): TextUnit[] {
  const language = options.language ?? 'und';
  const segmenter = sentenceSegmenter(language);
  const rules = abbreviationRulesFor(language);
  const units: TextUnit[] = [];

  for (const line of splitLines(text)) {
    const spans = segmentLine(line.text, segmenter, rules);
    const wholeLine = spans.length === 1;
    for (const span of spans) {
      const unitText = line.text.slice(span.start, span.end);
      units.push({
        index: units.length,
        start: line.start + span.start,
        end: line.start + span.end,
        kind: classifyUnit(unitText, wholeLine),
        text: unitText,
      });
    }
  }
  return markPaywallContinuations(units);
}

// ---------------------------------------------------------------------------------------------
// Lines and segmenter
// ---------------------------------------------------------------------------------------------

interface Line {
  start: number;
  text: string;
}

interface Span {
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    lines.push({ start, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, text: text.slice(start) });
  return lines;
}

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(language: string): Intl.Segmenter {
  const locale = canonicalLocale(language);
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** A malformed tag must not crash segmentation: fall back to the root locale. */
function canonicalLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'und';
  } catch {
    return 'und';
  }
}

function abbreviationRulesFor(language: string): AbbreviationRules {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return RULES_BY_LANGUAGE[primary] ?? GENERIC_RULES;
}

// ---------------------------------------------------------------------------------------------
// One line → trimmed spans
// ---------------------------------------------------------------------------------------------

function segmentLine(line: string, segmenter: Intl.Segmenter, rules: AbbreviationRules): Span[] {
  const protectedSpans = findProtectedSpans(line);
  const breaks: number[] = [];
  let unitStart = 0;

  for (const candidate of candidateBreaks(line, segmenter)) {
    if (candidate <= unitStart || isBreakWithoutSpace(line, candidate)) continue;
    const at = attachClosingPunctuation(line, candidate);
    const contextStart = Math.max(unitStart, at - CONTEXT_WINDOW);
    const context: BreakContext = {
      before: line.slice(contextStart, at).trimEnd(),
      after: line.slice(at, at + CONTEXT_WINDOW).trimStart(),
      beforeIsWholeUnit: contextStart === unitStart,
    };
    const beforeEnd = contextStart + context.before.length;
    if (isFalseBreak(context, rules) || isInsideProtectedSpan(protectedSpans, beforeEnd)) {
      continue;
    }
    breaks.push(at);
    unitStart = at;
  }

  const spans: Span[] = [];
  for (const [i, start] of [0, ...breaks].entries()) {
    const span = trimSpan(line, start, breaks[i] ?? line.length);
    if (span) spans.push(span);
  }
  return spans;
}

/** Intl.Segmenter's boundaries plus the ones it misses, in order, without duplicates. */
function candidateBreaks(line: string, segmenter: Intl.Segmenter): number[] {
  const positions = new Set<number>(segmenterBreaks(line, segmenter));
  for (const position of ellipsisBreaks(line)) positions.add(position);
  for (const position of numberStartBreaks(line)) positions.add(position);
  return [...positions].sort((a, b) => a - b);
}

/**
 * V8's Intl.Segmenter costs time proportional to the whole string at every step, so a long line
 * (a pasted article without line breaks) would take minutes. Feed it bounded chunks, cut where
 * a sentence probably ends; that cut becomes a candidate like any other, checked by the rules.
 */
function segmenterBreaks(line: string, segmenter: Intl.Segmenter): number[] {
  const positions: number[] = [];
  let chunkStart = 0;
  while (chunkStart < line.length) {
    const { end, isCandidate } = chunkEnd(line, chunkStart);
    for (const piece of segmenter.segment(line.slice(chunkStart, end))) {
      if (piece.index > 0) positions.push(chunkStart + piece.index);
    }
    if (isCandidate) positions.push(end);
    chunkStart = end;
  }
  return positions;
}

function chunkEnd(line: string, start: number): { end: number; isCandidate: boolean } {
  if (line.length - start <= SEGMENTER_CHUNK) return { end: line.length, isCandidate: false };
  const windowStart = start + SEGMENTER_CHUNK / 2;
  const window = line.slice(windowStart, start + SEGMENTER_CHUNK);
  const sentenceEnds = [...window.matchAll(/[.!?…][»”’"')\]]*\s+(?=\S)/gu)];
  const lastSentenceEnd = sentenceEnds.at(-1);
  if (lastSentenceEnd) {
    return {
      end: windowStart + lastSentenceEnd.index + lastSentenceEnd[0].length,
      isCandidate: true,
    };
  }
  // No sentence end in sight: cut between words, where Intl.Segmenter would not break anyway.
  const lastSpace = window.search(/\s\S*$/u);
  if (lastSpace > 0) return { end: windowStart + lastSpace + 1, isCandidate: false };
  let end = start + SEGMENTER_CHUNK;
  const last = line.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // keep a surrogate pair whole
  return { end, isCandidate: false };
}

/**
 * Intl.Segmenter never ends a sentence on "…". An ellipsis followed by a capitalised word does
 * end it ("Non…  Oui."); one inside brackets — "(…)", "[…]" — marks a cut quotation and does
 * not, and one followed by a lowercase word is a pause within the sentence.
 */
function ellipsisBreaks(line: string): number[] {
  const pattern = /(?<![([])(?:…|\.\.\.)\s+(?=[«"“‘(]?\s*\p{Lu})/gu;
  return [...line.matchAll(pattern)].map((match) => match.index + match[0].length);
}

/**
 * Intl.Segmenter (UAX #29) does not break "lourd. 20 ans plus tard" because the first letter
 * after the period is lowercase. A new sentence may start with a number; abbreviations such as
 * "p. 12" or "janv. 2024" are rejected later by isAbbreviationBefore.
 */
function numberStartBreaks(line: string): number[] {
  const pattern = /[.!?]\s+(?=\d)/gu;
  return [...line.matchAll(pattern)].map((match) => match.index + match[0].length);
}

function trimSpan(line: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && isWhitespace(line[from])) from++;
  while (to > from && isWhitespace(line[to - 1])) to--;
  return from < to ? { start: from, end: to } : null;
}

function isWhitespace(char: string): boolean {
  return /\s/u.test(char);
}

// ---------------------------------------------------------------------------------------------
// Break rules
// ---------------------------------------------------------------------------------------------

/**
 * A real sentence break is followed by a space. Intl.Segmenter also breaks after "?" inside
 * URLs ("a.b?c=d") or after "1." in "1.Puis"; those are not sentence ends.
 */
function isBreakWithoutSpace(line: string, at: number): boolean {
  return !isWhitespace(line[at - 1]) && !isWhitespace(line[at]);
}

/**
 * French typography puts a space before closing guillemets ("Corée. »"), so Intl.Segmenter
 * breaks before the "»" and hands it to the next sentence. Closing quotes, brackets and stray
 * trailing punctuation ("»/", ".)", "!»") belong to the sentence they close: move the break
 * after them — only when they stand alone, since '"' or '’' followed by a letter opens a quote.
 */
function attachClosingPunctuation(line: string, at: number): number {
  const closing = /^[»”’"')\]}/.!?…]+(?=\s|$)/u.exec(line.slice(at, at + CONTEXT_WINDOW));
  return closing ? at + closing[0].length : at;
}

/** The text around a candidate break, bounded by CONTEXT_WINDOW and trimmed. */
interface BreakContext {
  /** From the start of the current unit (or the window) to the break. */
  before: string;
  after: string;
  /** True when `before` holds the whole unit so far, not just the end of it. */
  beforeIsWholeUnit: boolean;
}

function isFalseBreak(
  { before, after, beforeIsWholeUnit }: BreakContext,
  rules: AbbreviationRules,
): boolean {
  return (
    isAbbreviationBefore(before, after, rules) ||
    isInitialBefore(before) ||
    isElisionMarkBefore(before) ||
    (beforeIsWholeUnit && isListMarker(before)) ||
    startsWithLowercase(after)
  );
}

/** "1. Premier point", "IV. Conclusion", "b. Second cas": a list marker is not a sentence. */
function isListMarker(before: string): boolean {
  return /^(?:\d{1,3}|[IVXLCDM]{1,6}|\p{L})\.$/u.test(before);
}

/** "(…)" / "[...]" marks words cut from a quotation, never the end of a sentence. */
function isElisionMarkBefore(before: string): boolean {
  return /[([](?:…|\.\.\.)[)\]]$/u.test(before);
}

/** "Quoi ? dit-il" or "« Vraiment ? » demanda-t-il": a lowercase word continues the sentence. */
function startsWithLowercase(after: string): boolean {
  return /^\p{Ll}/u.test(after);
}

/** The word right before a final period: "M." → "M", "e.g." → "e.g", "J.-P." → "J.-P". */
function tokenBeforePeriod(before: string): string | null {
  const match = /(?:^|[^\p{L}\p{M}.-])([\p{L}\p{M}][\p{L}\p{M}.-]*)\.$/u.exec(before);
  return match ? match[1] : null;
}

function hasAbbreviation(set: ReadonlySet<string>, token: string): boolean {
  if (set.has(token)) return true;
  const lower = token.toLowerCase();
  return lower !== token && set.has(lower);
}

function isAbbreviationBefore(before: string, after: string, rules: AbbreviationRules): boolean {
  const token = tokenBeforePeriod(before);
  if (!token) return false;
  if (hasAbbreviation(rules.neverEnd, token)) return true;
  if (hasAbbreviation(rules.beforeNumber, token)) return startsWithNumber(after);
  if (hasAbbreviation(rules.endBeforeCapital, token)) return !startsWithCapitalisedWord(after);
  return false;
}

/** "12", or a code-article reference such as "L. 121-1" after "art.". */
function startsWithNumber(after: string): boolean {
  return /^(?:\p{Lu}\.?\s*)?\d/u.test(after);
}

function startsWithCapitalisedWord(after: string): boolean {
  return /^[«"“‘(\[]?\s*\p{Lu}/u.test(after);
}

/** Initials never end a sentence: "J. R. R. Tolkien", "V. Poutine", "J.-P. Sartre", "U.S.". */
function isInitialBefore(before: string): boolean {
  const token = tokenBeforePeriod(before);
  return token !== null && /^(?:\p{Lu}\.-?)*\p{Lu}$/u.test(token);
}

/** URLs and e-mail addresses, which contain periods and "?" that end nothing. */
function findProtectedSpans(line: string): Span[] {
  const spans: Span[] = [];
  for (const match of line.matchAll(/\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>«»"“”]+/giu)) {
    // Sentence punctuation right after a URL belongs to the sentence, not to the URL.
    const url = match[0].replace(/[.,;:!?…'’»)\]]+$/u, '');
    spans.push({ start: match.index, end: match.index + url.length });
  }
  // Bounded parts (RFC 5321 lengths): unbounded ones make this quadratic on a long run of
  // letters without any "@" (a pasted blob of 120,000 characters took seconds).
  if (line.includes('@')) {
    for (const match of line.matchAll(
      /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}\.\p{L}{2,63}/gu,
    )) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

function isInsideProtectedSpan(spans: readonly Span[], position: number): boolean {
  return spans.some((span) => span.start < position && position < span.end);
}

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

function classifyUnit(text: string, wholeLine: boolean): UnitKind {
  if (isPaywallNotice(text)) return 'paywall';
  if (wholeLine && looksLikeHeading(text)) return 'heading';
  return 'sentence';
}

function isPaywallNotice(text: string): boolean {
  const body = text.replace(/^[«"“‘(\[\s]+/u, '');
  return PAYWALL_PATTERNS.some((pattern) => pattern.test(body));
}

/**
 * A heading is a short line on its own that does not end like a sentence. Lines starting in
 * lowercase are fragments of a sentence cut by a hard line break, not headings.
 */
function looksLikeHeading(text: string): boolean {
  return (
    text.length <= HEADING_MAX_LENGTH &&
    !endsWithSentencePunctuation(text) &&
    !/^\p{Ll}/u.test(text)
  );
}

function endsWithSentencePunctuation(text: string): boolean {
  return /[.!?…:;,»”"')\]‽]$/u.test(text);
}

/**
 * The units right after a paywall notice that still talk about subscribing belong to the notice
 * ("Déjà abonné ? Connectez-vous."), on the same line or the next: the article is over there.
 */
function markPaywallContinuations(units: TextUnit[]): TextUnit[] {
  for (const [i, unit] of units.entries()) {
    if (
      i > 0 &&
      unit.kind !== 'paywall' &&
      units[i - 1].kind === 'paywall' &&
      PAYWALL_CONTINUATION_PATTERNS.some((pattern) => pattern.test(unit.text))
    ) {
      unit.kind = 'paywall';
    }
  }
  return units;
}
