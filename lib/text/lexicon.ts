// The one lexicon of the words the text core treats as figures and dates, in French and English:
// number words (units, teens, tens — the Belgian and Swiss septante/huitante/octante/nonante
// included —, hundreds and large scales), approximate quantities and fractions, percent words,
// and month names with their abbreviations. Triage (lib/text/triage.ts), the revision comparison
// (lib/anchoring/revise.ts) and segmentation (lib/text/segment.ts) read these lists; a word added
// here is found by all three. Pure data and two regular-expression helpers, no dependency.
//
// Entries are plain lowercase words (plurals listed as words of their own), except where case is
// meaningful: English month names are capitalised because "may", "march" and "sept" are dates
// only when written so.
//
// Left out on purpose: « un », « une », "one" (articles and pronouns far more often than counts).

export type LexiconLanguage = 'fr' | 'en';

export interface NumberWords {
  /** zero to nine. */
  units: readonly string[];
  /** ten to nineteen (French: dix to seize; dix-sept… are compounds of these). */
  teens: readonly string[];
  /** twenty to ninety. */
  tens: readonly string[];
  /** hundred, thousand, million, milliard, billion… */
  scales: readonly string[];
  /** « une dizaine », "dozens": approximate quantities. */
  collectives: readonly string[];
  /** half, third, quarter. */
  fractions: readonly string[];
}

export const NUMBER_WORDS: Readonly<Record<LexiconLanguage, NumberWords>> = {
  fr: {
    units: ['zéro', 'zero', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
    teens: ['dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'],
    tens: [
      'vingt',
      'vingts',
      'trente',
      'quarante',
      'cinquante',
      'soixante',
      'septante',
      'huitante',
      'octante',
      'nonante',
    ],
    scales: [
      'cent',
      'cents',
      'mille',
      'million',
      'millions',
      'milliard',
      'milliards',
      'billion',
      'billions',
      'trillion',
      'trillions',
    ],
    collectives: [
      'dizaine',
      'dizaines',
      'douzaine',
      'douzaines',
      'quinzaine',
      'quinzaines',
      'vingtaine',
      'vingtaines',
      'trentaine',
      'trentaines',
      'quarantaine',
      'quarantaines',
      'cinquantaine',
      'cinquantaines',
      'soixantaine',
      'soixantaines',
      'centaine',
      'centaines',
      'millier',
      'milliers',
    ],
    fractions: ['moitié', 'moitiés', 'tiers', 'quart', 'quarts'],
  },
  en: {
    units: ['zero', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
    teens: [
      'ten',
      'eleven',
      'twelve',
      'thirteen',
      'fourteen',
      'fifteen',
      'sixteen',
      'seventeen',
      'eighteen',
      'nineteen',
    ],
    tens: ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'],
    scales: [
      'hundred',
      'hundreds',
      'thousand',
      'thousands',
      'million',
      'millions',
      'billion',
      'billions',
      'trillion',
      'trillions',
    ],
    collectives: ['dozen', 'dozens'],
    fractions: ['half', 'halves', 'third', 'thirds', 'quarter', 'quarters'],
  },
};

/** The cardinal number words of `language`: units, teens, tens and scales. */
export function cardinalWords(language: LexiconLanguage): string[] {
  const { units, teens, tens, scales } = NUMBER_WORDS[language];
  return [...units, ...teens, ...tens, ...scales];
}

/** Every word of `language` that states a quantity: cardinals, collectives and fractions. */
export function quantityWords(language: LexiconLanguage): string[] {
  const { collectives, fractions } = NUMBER_WORDS[language];
  return [...cardinalWords(language), ...collectives, ...fractions];
}

/** "Percent" in both languages; a space stands for any run of whitespace. */
export const PERCENT_WORDS: readonly string[] = ['pour cent', 'pourcent', 'per cent', 'percent'];

/**
 * Words that, after a number, say its scale rather than what is counted ("3 millions", "two
 * thirds", « deux tiers »): scales, collectives, and the fractions that take a count.
 */
export const SCALE_WORDS: readonly string[] = [
  ...new Set([
    ...NUMBER_WORDS.fr.scales,
    ...NUMBER_WORDS.en.scales,
    'dizaine',
    'dizaines',
    'centaine',
    'centaines',
    'millier',
    'milliers',
    ...NUMBER_WORDS.en.collectives,
    'tiers',
    'quart',
    'quarts',
    'thirds',
    'quarters',
  ]),
];

export interface Months {
  /** Full names, with the unaccented spellings people type. */
  names: readonly string[];
  /** Abbreviations, written without their period. */
  abbreviations: readonly string[];
}

export const MONTHS: Readonly<Record<LexiconLanguage, Months>> = {
  fr: {
    names: [
      'janvier',
      'février',
      'fevrier',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'aout',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
      'decembre',
    ],
    abbreviations: ['janv', 'févr', 'fevr', 'fév', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc'],
  },
  en: {
    names: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    abbreviations: [
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'Jun',
      'Jul',
      'Aug',
      'Sept',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ],
  },
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** `words` as a regular-expression alternation (escaped; a space matches any whitespace). */
export function alternation(words: readonly string[]): string {
  return words.map((word) => escapeRegExp(word).replace(/ /gu, '\\s+')).join('|');
}

const WORD_CHAR = '\\p{L}\\p{M}\\p{N}';

/**
 * `source` as whole words. JavaScript's \b only knows ASCII letters, so "moitié\b" never
 * matches: the boundaries here are Unicode letters, marks and digits.
 */
export function wholeWords(source: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![${WORD_CHAR}])(?:${source})(?![${WORD_CHAR}])`, flags);
}
