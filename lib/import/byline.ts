// Bylines and datelines at the top of an article — « Par Jean Dupont — 14 mars 2025 », "By Jane
// Doe | March 14, 2025", « Publié le 14 mars 2025 à 10 h 30, mis à jour le 15 mars » — are the
// article's metadata, not text to check: they are read into an author and a publication date
// and taken out of the lines. Conservative: a line is taken only when all of it reads as a
// byline or a dateline, and only among the first few short lines (never in the body). Pure.
import { isCalendarWord, plainSpaces, readDateAt, type DateLanguage } from './dates';

export interface Byline {
  author: string | null;
  /** "YYYY-MM-DD". */
  publishedAt: string | null;
}

export interface Dateline {
  /** The publication date, or a date given without saying what it is. */
  publishedAt: string | null;
  /** « mis à jour le … », "Updated …": read, not stored (the article has no field for it). */
  updatedAt: string | null;
}

/** Lines looked at from the top of the text. */
const TOP_LINES = 6;
/** A line longer than this is a paragraph: the body has begun, and no byline follows it. */
const MAX_META_LINE = 200;
/** Longest author text kept (the Article field's limit). */
const AUTHOR_MAX_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Datelines
// ---------------------------------------------------------------------------------------------

const PUBLISHED_PREFIX =
  /(?:publiée?|mise? en ligne|parue?|date de publication|first published|published|posted)(?:\s+(?:le|on))?\s*:?\s*/iuy;
const UPDATED_PREFIX =
  /(?:mise? à jour|màj|actualisée?|modifiée?|last updated|updated|modified)(?:\s+(?:le|on))?\s*:?\s*/iuy;
/** « le 14 mars », "on March 14": a date, said as such. */
const BARE_PREFIX = /(?:le|on)\s+/iuy;
/** Between a byline's parts or two dates: dashes, bars, bullets, commas, brackets. */
const SEPARATOR = /[\s,;|·•—–\-/()[\].]*/uy;

/** Words that say a line is English: numeric dates are then month first. */
const ENGLISH_CUE = /\b(?:by|published|posted|updated|modified|on|at)\b/iu;

function sticky(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match.index + match[0].length : at;
}

/**
 * A line made only of dates, each maybe announced (« Publié le », "Updated"), with times:
 * « Publié le 14 mars 2025 à 10 h 30, mis à jour le 15 mars 2025 à 8 h », "March 14, 2025".
 * Null when anything else is on it.
 */
export function parseDateline(line: string): Dateline | null {
  const text = plainSpaces(line).trim();
  const language: DateLanguage = ENGLISH_CUE.test(text) ? 'en' : 'fr';
  const result: Dateline = { publishedAt: null, updatedAt: null };
  let at = 0;
  let dates = 0;
  while (at < text.length) {
    at = sticky(SEPARATOR, text, at);
    if (at >= text.length) break;
    let updated = false;
    let next = sticky(UPDATED_PREFIX, text, at);
    if (next !== at) updated = true;
    else {
      next = sticky(PUBLISHED_PREFIX, text, at);
      if (next === at) next = sticky(BARE_PREFIX, text, at);
    }
    const date = readDateAt(text, next, language);
    if (!date) return null;
    if (updated) result.updatedAt ??= date.date;
    else result.publishedAt ??= date.date;
    dates++;
    at = date.end;
  }
  return dates > 0 ? result : null;
}

// ---------------------------------------------------------------------------------------------
// Bylines
// ---------------------------------------------------------------------------------------------

/** « Par », "By" and their longer forms, at the start of a byline. */
const BYLINE_PREFIX =
  /^(?:propos recueillis par|un article de|textes? de|texte par|written by|reporting by|words by|story by|par|by)\s+/iu;

// A capitalised word of a name: « Jean-Pierre », « O’Neil », « J.-M. », "AFP".
const CAPITALISED = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
// Lowercase words inside a name: « Charles de Gaulle », « Ursula von der Leyen ».
const PARTICLE = String.raw`(?:de|du|des|la|le|van|von|der|den|ter|da|di|del|della|dos|das|bin|ben|al|el|y)`;
const NAME = String.raw`${CAPITALISED}(?:\s+(?:${PARTICLE}\s+){0,2}${CAPITALISED}|\s+d['’]${CAPITALISED}){0,4}`;
/** Names joined by « et », "and", "&", « avec », commas: « Claire Martin et Julien Roussel (AFP) ». */
const NAMES = new RegExp(
  String.raw`^${NAME}(?:\s*(?:,|&|\s(?:et|and|avec|with))\s*${NAME}){0,5}(?:\s*\((?:${NAME})\))?$`,
  'u',
);
/** After the names, a role or a place: « Par Jean Dupont, envoyé spécial à Kiev ». */
const ROLE = /^[^.!?:;«»"“”]{1,60}$/u;
const ROLE_MAX_WORDS = 6;

/** A person (or agency) named in a byline, with an optional role after a comma. */
function authorText(value: string): string | null {
  const text = value.trim().replace(/[\s,;:.–—-]+$/u, '');
  if (!text || text.length > AUTHOR_MAX_LENGTH) return null;
  const comma = text.indexOf(',');
  const candidates: [string, string | null][] = [[text, null]];
  if (comma > 0) candidates.push([text.slice(0, comma), text.slice(comma + 1).trim()]);
  for (const [names, role] of candidates) {
    if (!NAMES.test(names)) continue;
    // "By Monday, the council…" names a day, not a person.
    if (names.split(/[\s,&()]+/u).some((word) => word && isCalendarWord(word))) continue;
    if (role !== null && (!ROLE.test(role) || role.split(/\s+/u).length > ROLE_MAX_WORDS)) {
      continue;
    }
    return text;
  }
  return null;
}

/** Where a byline's names may end and its dateline begin. */
const BYLINE_SPLIT = /\s*(?:[—–|·•]|\s-\s|,)\s*/gu;
/** A dateline followed by its author: « Publié le 14 mars 2025 par Jean Dupont ». */
const TRAILING_AUTHOR = /[\s,]+(?:par|by)\s+/giu;

/**
 * A whole line that is a byline: « Par Jean Dupont », « Par Jean Dupont — 14 mars 2025 à 10 h »,
 * "By Jane Doe and John Roe, Reuters | March 14, 2025", « Publié le 14 mars 2025 par Jean
 * Dupont ». Null for anything else.
 */
export function parseByline(line: string): Byline | null {
  const text = plainSpaces(line).replace(/\s+/gu, ' ').trim();
  if (!text || text.length > MAX_META_LINE) return null;
  const prefix = BYLINE_PREFIX.exec(text);
  if (prefix) return splitByline(text.slice(prefix[0].length));
  // Without « Par » a name is not taken: « New York — 14 mars 2025 » names a place.
  for (const match of text.matchAll(TRAILING_AUTHOR)) {
    const dateline = parseDateline(text.slice(0, match.index));
    const author = authorText(text.slice(match.index + match[0].length));
    if (dateline && author) return { author, publishedAt: dateline.publishedAt };
  }
  return null;
}

/**
 * A byline as a page states it (Readability's, a meta tag's): « Par Jean Dupont — 14 mars
 * 2025 » gives its author and date; anything else is taken as the author's name as it stands.
 */
export function bylineFromField(value: string | null | undefined): Byline {
  if (!value?.trim()) return { author: null, publishedAt: null };
  return parseByline(value) ?? { author: value, publishedAt: null };
}

/** Names, then maybe a separator and a dateline. */
function splitByline(rest: string): Byline | null {
  for (const match of rest.matchAll(BYLINE_SPLIT)) {
    if (match.index === 0) continue;
    const dateline = parseDateline(rest.slice(match.index + match[0].length));
    if (!dateline) continue;
    const author = authorText(rest.slice(0, match.index));
    if (author) return { author, publishedAt: dateline.publishedAt };
  }
  const author = authorText(rest);
  return author ? { author, publishedAt: null } : null;
}

// ---------------------------------------------------------------------------------------------
// The top of an article
// ---------------------------------------------------------------------------------------------

export interface LiftedByline extends Byline {
  /** The lines without the byline and dateline lines. */
  lines: string[];
}

/**
 * Reads the byline and dateline lines among the first few short lines (a headline, a kicker or
 * a lead may come before them) and removes them: the first author and the first publication
 * date found are kept. Lines after the first paragraph-length one are never touched. When
 * every line would go, nothing is removed: a text is never emptied by this.
 */
export function liftByline(lines: readonly string[]): LiftedByline {
  let author: string | null = null;
  let publishedAt: string | null = null;
  const removed = new Set<number>();
  for (let i = 0; i < Math.min(lines.length, TOP_LINES); i++) {
    const line = lines[i]!;
    if (line.length > MAX_META_LINE) break;
    const byline = parseByline(line);
    if (byline) {
      author ??= byline.author;
      publishedAt ??= byline.publishedAt;
      removed.add(i);
      continue;
    }
    const dateline = parseDateline(line);
    if (dateline) {
      publishedAt ??= dateline.publishedAt;
      removed.add(i);
    }
  }
  if (removed.size === 0 || removed.size === lines.length) {
    return { author: null, publishedAt: null, lines: [...lines] };
  }
  return { author, publishedAt, lines: lines.filter((_, i) => !removed.has(i)) };
}
