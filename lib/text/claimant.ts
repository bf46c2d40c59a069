// Who made the claim a sentence reports, as a suggestion for the verdict's claimant (the
// fact-checker confirms or corrects it): the proper name next to the attribution the triage
// already detects — after « selon » / « d'après » / "according to" / "quoted by", before a
// reporting verb (« Vladimir Poutine a déclaré », "Putin said"), or after it when the subject
// is inverted (« …, a affirmé le porte-parole Dmitri Peskov », "…, said Dmitry Peskov").
// A pronoun (« déclare-t-il », "he said") names nobody: no suggestion. Pure.
import { wholeWords } from './lexicon';
import {
  FR_ADVERB,
  FR_AUXILIARY,
  FR_REPORTING_PARTICIPLE,
  FR_REPORTING_PRESENT,
  FR_REPORTING_THAT,
} from './triage';

const APOSTROPHE = "['’]";
// A capitalised word (Jean-Luc, O’Neill, McCain, l’OTAN's OTAN), or an all-caps acronym.
const CAPITALISED = `\\p{Lu}[\\p{L}\\p{M}]*(?:[-${APOSTROPHE.slice(1, -1)}]\\p{Lu}?[\\p{L}\\p{M}]+)*\\.?`;
// Between the words of a name: spaces, with particles (Charles de Gaulle, Ursula von der Leyen,
// Mohammed ben Salmane, Valéry Giscard d’Estaing, Abu al-Hassan).
const PARTICLES = 'de|du|des|la|le|von|van|der|den|ben|bin';
const NAME_GAP = `(?:\\s+(?:(?:${PARTICLES})\\s+){0,3}|\\s+d${APOSTROPHE}|\\s+(?:al|el)-)`;
const NAME = new RegExp(`${CAPITALISED}(?:${NAME_GAP}${CAPITALISED}){0,4}`, 'gu');

/** Capitalised words that begin sentences or clauses, never names on their own. */
const NOT_NAMES = new Set(
  (
    "selon d’après d'après le la les l’ l' un une des de du au aux ce cette ces il elle ils elles on " +
    'mais et or donc car pourtant ainsi alors enfin puis en dans pour par sur avec sans ' +
    'the a an according he she they it we i in on at for by with but and so yet this that these ' +
    'those as after before when while lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

interface Cue {
  index: number;
  end: number;
  /** `after`: the source follows the cue; `verb`: before it, or after it when inverted. */
  kind: 'after' | 'verb';
}

const FRENCH_CUES: { pattern: RegExp; kind: Cue['kind'] }[] = [
  {
    pattern: wholeWords(`selon|d${APOSTROPHE}après|cit(?:é|ée|és|ées)\\s+par`, 'giu'),
    kind: 'after',
  },
  {
    pattern: wholeWords(
      `${FR_AUXILIARY}\\s+(?:(?:${FR_ADVERB})\\s+)?(?:${FR_REPORTING_PARTICIPLE}|${FR_REPORTING_THAT})(?:e|s|es)?`,
      'giu',
    ),
    kind: 'verb',
  },
  { pattern: wholeWords(`(?:${FR_REPORTING_PRESENT})(?:nt)?`, 'giu'), kind: 'verb' },
];

const ENGLISH_CUES: { pattern: RegExp; kind: Cue['kind'] }[] = [
  { pattern: wholeWords('according\\s+to|(?:quoted|cited)\\s+by', 'giu'), kind: 'after' },
  {
    pattern: wholeWords(
      'said|says|told|tells|stated|claimed|claims|announced|warned|insisted|wrote|added|' +
        'alleged|argued|asserted|declared|maintained',
      'giu',
    ),
    kind: 'verb',
  },
];

/** How far from the cue a name may start (after) or end (before), in characters. */
const REACH_AFTER = 64;
const REACH_BEFORE = 4;

export interface Span {
  index: number;
  end: number;
  text: string;
}

/** Proper-name spans, without the capitalised function words that start sentences (also the named entities claim matching compares, lib/matching). */
export function properNames(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(NAME)) {
    let words = match[0].split(/\s+/);
    let index = match.index;
    // « Selon Vladimir Poutine », "The Kremlin": drop the leading function words.
    while (words.length > 0 && NOT_NAMES.has(words[0]!.toLowerCase())) {
      index +=
        words[0]!.length + (text.slice(index + words[0]!.length).match(/^\s+/)?.[0].length ?? 0);
      words = words.slice(1);
    }
    const name = words.join(' ').replace(/\.$/, '');
    if (name.length < 2 || NOT_NAMES.has(name.toLowerCase())) continue;
    spans.push({ index, end: index + name.length, text: name });
  }
  return spans;
}

function cues(text: string, language: string): Cue[] {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  const lists =
    primary === 'fr'
      ? [FRENCH_CUES]
      : primary === 'en'
        ? [ENGLISH_CUES]
        : [FRENCH_CUES, ENGLISH_CUES];
  const found: Cue[] = [];
  for (const list of lists) {
    for (const { pattern, kind } of list) {
      for (const match of text.matchAll(pattern)) {
        found.push({ index: match.index, end: match.index + match[0].length, kind });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Only a title between the cue and the name (« le ministre russe des Affaires étrangères »,
 * "Kremlin spokesman"): words, no clause punctuation.
 */
function onlyTitle(between: string): boolean {
  return /^[\s,:«»"“”]*[^,.;:!?«»"“”()]*$/u.test(between);
}

/** The claimant a sentence names, or null when it names none. */
export function suggestClaimant(text: string, language: string): string | null {
  const spans = properNames(text);
  if (spans.length === 0) return null;
  for (const cue of cues(text, language)) {
    const following = spans.filter(
      (span) =>
        span.index >= cue.end &&
        span.index - cue.end <= REACH_AFTER &&
        onlyTitle(text.slice(cue.end, span.index)),
    );
    // A full name over a capitalised word of the title (« des Affaires étrangères Sergueï Lavrov »).
    const after = following.find((span) => /\s/u.test(span.text)) ?? following[0];
    if (cue.kind === 'after') {
      if (after) return after.text;
      continue;
    }
    const before = [...spans]
      .reverse()
      .find(
        (span) =>
          span.end <= cue.index &&
          cue.index - span.end <= REACH_BEFORE &&
          /^\s*$/.test(text.slice(span.end, cue.index)),
      );
    if (before) return before.text;
    // Inverted subject: « …, a déclaré Vladimir Poutine » — only after a comma or a quote.
    if (after && /[,»"”]\s*$/u.test(text.slice(0, cue.index))) return after.text;
  }
  return null;
}
