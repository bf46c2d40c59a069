// Claim triage: how check-worthy a unit is, so reviewers see which sentences to check first.
// Pure: plain regular expressions, no React, Next or Prisma, no dependency. Number words, months
// and scale words come from the one lexicon (./lexicon.ts), shared with the revision comparison.
//
// Method. Each sentence gets an additive score of weighted features, capped at 1 and rounded to
// 2 decimals: a figure or quantity (0.45), a date (0.40), a named person, organisation or place
// (0.08), an attribution to a source (0.12), a quotation of at least three words (0.08), a
// comparison, superlative or change word (0.10). Headings and paywall notices score 0. Questions
// are not claims: their score is multiplied by 0.3. Because each of figure and date weighs more
// than all other features together (0.40 > 0.38), every non-question sentence with a figure or a
// date ranks strictly above every non-question sentence with neither. The rules are French and
// English; a year alone is a date, not a figure, and ordinals (« le premier ministre ») are not.

import type { UnitKind } from '@/generated/prisma/enums';
import {
  alternation,
  cardinalWords,
  MONTHS,
  NUMBER_WORDS,
  PERCENT_WORDS,
  SCALE_WORDS,
  wholeWords,
} from './lexicon';

import { TRIAGE_REASONS, type TriageReason } from './triage-reasons';

export { TRIAGE_REASONS, type TriageReason };

/** French labels. */
export const TRIAGE_REASON_LABELS: Record<TriageReason, string> = {
  figure: 'Chiffre ou quantité',
  date: 'Date',
  entity: 'Personne, organisation ou lieu nommés',
  attribution: 'Attribution (source citée)',
  quote: 'Citation',
  comparison: 'Comparaison ou superlatif',
};

/**
 * Feature weights. Invariant (checked by the tests): min(figure, date) is greater than the sum
 * of all the other weights, so a figure or a date always outranks everything else.
 */
export const TRIAGE_WEIGHTS: Readonly<Record<TriageReason, number>> = Object.freeze({
  figure: 0.45,
  date: 0.4,
  entity: 0.08,
  attribution: 0.12,
  quote: 0.08,
  comparison: 0.1,
});

/** A question asks rather than claims: its score is multiplied by this factor. */
export const TRIAGE_QUESTION_FACTOR = 0.3;

export interface Triage {
  /** In [0, 1], rounded to 2 decimals. */
  score: number;
  /** Detected features, in the order of TRIAGE_REASONS. */
  reasons: TriageReason[];
}

/** Fewest words between quotation marks for a quotation (« consultations » alone is not one). */
const MIN_QUOTE_WORDS = 3;

/**
 * Scores one unit. `language` (a BCP-47 tag, as for segment()) selects the French or English
 * word lists; a missing or other language gets both. Digits, symbols, ISO dates, years,
 * capitalised names, acronyms and quotation marks are language-independent.
 */
export function triageUnit(unit: { kind: UnitKind; text: string }, language?: string): Triage {
  if (unit.kind !== 'sentence') return { score: 0, reasons: [] };
  const text = unit.text.normalize('NFC');
  const rules = rulesFor(language);
  const dates = findDates(text, rules);

  const found: Record<TriageReason, boolean> = {
    figure: hasFigure(dates.rest, rules),
    date: dates.found,
    entity: hasEntity(dates.rest),
    attribution: rules.patterns.attribution.some((pattern) => pattern.test(text)),
    quote: hasQuote(text),
    comparison: hasComparison(text, rules),
  };
  const reasons = TRIAGE_REASONS.filter((reason) => found[reason]);
  const total = reasons.reduce((sum, reason) => sum + TRIAGE_WEIGHTS[reason], 0);
  const score = Math.min(1, total) * (isQuestion(text) ? TRIAGE_QUESTION_FACTOR : 1);
  return { score: Math.round(score * 100) / 100, reasons };
}

// ---------------------------------------------------------------------------------------------
// Regex helpers
// ---------------------------------------------------------------------------------------------

const LETTER = '\\p{L}\\p{M}';
const WORD_CHAR = '\\p{L}\\p{M}\\p{N}';
const APOSTROPHE = "['’]";

/** `source` as whole words: JS's \b ignores accented letters ("doublé\b" never matches). */
const words = wholeWords;

/** "in|since" → "in|In|since|Since": for case-sensitive patterns that may open a sentence. */
function withCapitals(alternatives: string): string {
  return alternatives
    .split('|')
    .flatMap((word) => [word, word[0].toUpperCase() + word.slice(1)])
    .join('|');
}

// ---------------------------------------------------------------------------------------------
// Language-specific word lists
// ---------------------------------------------------------------------------------------------

// Month names and abbreviations from the lexicon; French abbreviations need their period here.
const FR_MONTH = [
  alternation(MONTHS.fr.names),
  ...MONTHS.fr.abbreviations.map((abbreviation) => `${alternation([abbreviation])}\\.`),
].join('|');
const FR_DAY = '1er|[12]\\d|3[01]|0?[1-9]';
const FR_WEEKDAY = 'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';

// Case-sensitive: "May", "March" and "Sept" are dates only when capitalised.
const EN_MONTH = [
  alternation(MONTHS.en.names),
  ...MONTHS.en.abbreviations.map((abbreviation) => `${alternation([abbreviation])}\\.?`),
].join('|');
const EN_DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const EN_WEEKDAY = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

const FR_NUMBER = alternation(cardinalWords('fr'));
// "dozens" stands alone in English; French collectives count only before « de » (FRENCH_FRACTIONS:
// « une quarantaine de » is a quantity, « en quarantaine » is not).
const EN_NUMBER = alternation([...cardinalWords('en'), ...NUMBER_WORDS.en.collectives]);
const SCALE = alternation(SCALE_WORDS);

/**
 * Words that, right after a number, make it a quantity rather than a year ("2000 personnes",
 * "2000 euros"). Not exhaustive: "2000 exemplaires" is still read as a year.
 */
const QUANTITY_NOUN =
  'euros?|dollars?|livres?|francs?|pounds?|yuans?|yens?|roubles?|' +
  `${alternation(PERCENT_WORDS)}|` +
  'km|kilomètres?|kilometres?|kilometers?|miles?|mètres?|metres?|meters?|kg|kilos?|' +
  'tonnes?|tons?|hectares?|ha|habitants?|personnes?|people|morts?|blessés?|victimes?|' +
  'soldats?|salariés?|employés?|emplois?|élèves?|voix|votes?|sièges?|seats?|deaths?|dead|' +
  'troops|soldiers?|jobs|residents?|inhabitants?|fois|times|' +
  SCALE;

interface LanguageRules {
  french: boolean;
  english: boolean;
  patterns: {
    dates: RegExp[];
    numberWords: RegExp;
    fractions: RegExp[];
    attribution: RegExp[];
    comparison: RegExp[];
  };
}

const SHARED_DATES: RegExp[] = [
  // ISO 8601, with an optional time.
  /(?<![\p{N}])\d{4}-[01]\d-[0-3]\d(?:T[\d:.]+Z?)?/gu,
  // 19/06/2024, 06/19/24, 19.06.2024.
  /(?<![\p{N}.,/])\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})(?![\p{N}])/gu,
  /(?<![\p{N}.,])\d{1,2}\.\d{1,2}\.\d{4}(?![\p{N}])/gu,
  // the 1990s, the ’90s.
  /(?<![\p{L}\p{N}])(?:(?:1[89]|20)\d0s|['’]\d0s)(?![\p{L}\p{N}])/gu,
];

const FRENCH_DATES: RegExp[] = [
  // le 19 juin, 1er mars 1990, du 3 au 5 juin, 3 janv. 2024.
  words(
    `(?:${FR_DAY})(?:\\s*(?:-|–|au|et|ou)\\s*(?:${FR_DAY}))?\\s+(?:${FR_MONTH})(?:\\s+\\d{3,4})?`,
    'giu',
  ),
  // juin 2024, en mars 2020.
  words(`(?:${FR_MONTH})\\s+\\d{4}`, 'giu'),
  // en juin, début mars, mi-juin, mois d’août.
  words(
    `(?:(?:en|depuis|dès|début|fin|courant|jusqu${APOSTROPHE}en|d${APOSTROPHE}ici|avant|après|mois de)\\s+|mois d${APOSTROPHE}|mi-)(?:${FR_MONTH})`,
    'giu',
  ),
  // mardi 4 (a weekday with its day).
  words(`(?:${FR_WEEKDAY})\\s+(?:${FR_DAY})`, 'giu'),
  // XIXe siècle, 21e siècle.
  words(`(?:[12]?\\d|[IVXLC]+)(?:e|ème|eme|er|ᵉ)\\s+siècles?`, 'gu'),
  // les années 1990, les années 90.
  words(`années\\s+(?:\\d{4}|\\d{2})`, 'giu'),
];

const ENGLISH_DATES: RegExp[] = [
  // June 19, June 19th, June 19, 2024, June 3-5.
  words(
    `(?:${EN_MONTH})\\s+${EN_DAY}(?:\\s*[-–]\\s*${EN_DAY})?(?![\\p{N}])(?:,?\\s+\\d{4})?`,
    'gu',
  ),
  // 19 June, the 19th of June 2024.
  words(`${EN_DAY}(?:\\s+of)?\\s+(?:${EN_MONTH})(?:,?\\s+\\d{4})?`, 'gu'),
  // June 2024.
  words(`(?:${EN_MONTH}),?\\s+\\d{4}`, 'gu'),
  // in June, since March, mid-May.
  words(
    `(?:(?:${withCapitals('in|since|by|until|early|late|last|next|from|during|before|after')})\\s+|mid-)(?:${EN_MONTH})`,
    'gu',
  ),
  // Monday the 3rd.
  words(`(?:${EN_WEEKDAY}),?\\s+(?:the\\s+)?${EN_DAY}`, 'gu'),
  // the 19th century, 21st-century.
  words(`(?:[12]?\\d)(?:st|nd|rd|th)[\\s-]+century`, 'giu'),
];

/**
 * A year 1800–2099 standing alone: not part of a larger number or identifier, not an amount
 * ("2000 €", "2000 personnes", "$2000").
 */
const BARE_YEAR = new RegExp(
  `(?<![${WORD_CHAR}$€£¥.,])(?:1[89]\\d{2}|20\\d{2})` +
    `(?![${WORD_CHAR}]|[.,]\\d|\\s?[%‰€$£¥]|\\s+(?:${QUANTITY_NOUN})(?![${LETTER}]))`,
  'giu',
);

const FRENCH_FRACTIONS: RegExp[] = [
  // une dizaine de, des milliers de, une centaine d’élèves.
  new RegExp(
    `(?<![${WORD_CHAR}])(?:${alternation(NUMBER_WORDS.fr.collectives)})\\s+d(?:e\\s|${APOSTROPHE})`,
    'iu',
  ),
  // un tiers, les deux tiers, trois quarts, la moitié (not « le tiers-monde », « quarts de
  // finale »).
  words(`(?:un|une|le|la|les|${FR_NUMBER})\\s+(?:tiers|quarts?|moitié)(?!-|\\s+de\\s+finale)`),
];

const ENGLISH_FRACTIONS: RegExp[] = [
  // a third, two thirds, two-thirds, one quarter.
  words(`(?:a|an|one|${EN_NUMBER})[\\s-]+(?:half|halves|thirds?|quarters?|fifths?|tenths?)`),
  // half of, half the.
  words(`half\\s+(?:of|the|a|an)`),
];

// "a déclaré", "ont affirmé", "a-t-il précisé", "a également indiqué".
export const FR_REPORTING_PARTICIPLE =
  'déclaré|affirmé|précisé|averti|révélé|indiqué|annoncé|souligné|rapporté|' +
  'confié|ajouté|dit|raconté|confirmé|démenti|martelé|insisté|répondu|prévenu|assené';
// Participles that report speech only before « que » (« a estimé le coût » reports nothing).
export const FR_REPORTING_THAT = 'assuré|estimé|rappelé|reconnu|écrit|jugé|admis|expliqué';
export const FR_ADVERB = `\\p{L}+ment|aussi|encore|déjà|également|notamment|pourtant|toutefois|alors|bien|même`;
export const FR_REPORTING_PRESENT =
  'déclare|affirme|indique|rapporte|explique|souligne|ajoute|avertit|révèle|confie|martèle|' +
  'confirme|dément|assure|estime|précise|rappelle|insiste|poursuit|dit|lance|répond|reconnaît|' +
  'raconte|conclut|tranche|observe|note|écrit|admet';
// Present forms that are also common nouns or adjectives ("une date précise", "l’estime") count
// only when inverted after a quotation ("précise-t-il").
const FR_PRESENT_UNAMBIGUOUS =
  'déclare|affirme|indique|rapporte|souligne|ajoute|avertit|révèle|confie|martèle|confirme|dément';
export const FR_AUXILIARY =
  '(?:a|ont|avait|avaient|aurait|auraient)(?:-t-(?:il|elle|on)|-(?:ils|elles))?';

const FRENCH_ATTRIBUTION: RegExp[] = [
  words(`selon|d${APOSTROPHE}après`),
  words(`${FR_AUXILIARY}\\s+(?:(?:${FR_ADVERB})\\s+)?(?:${FR_REPORTING_PARTICIPLE})(?:e|s|es)?`),
  words(`${FR_AUXILIARY}\\s+(?:(?:${FR_ADVERB})\\s+)?(?:${FR_REPORTING_THAT})(?:e|s|es)?\\s+que?`),
  words(`(?:${FR_PRESENT_UNAMBIGUOUS})(?:nt)?`),
  words(`(?:${FR_REPORTING_PRESENT})(?:nt)?-(?:t-)?(?:il|elle|on|ils|elles)`),
  words(`cit(?:é|ée|és|ées)\\s+par|dans\\s+un\\s+communiqué|de\\s+sources?|fait\\s+état\\s+de`),
];

const ENGLISH_ATTRIBUTION: RegExp[] = [
  words(`according\\s+to`),
  words(
    'said|says|told|tells|stated|reported|claimed|claims\\s+that|announced|confirmed|warned|' +
      'revealed|explained|added|insisted|wrote|admitted|acknowledged|testified|alleged',
  ),
  words(`(?:quoted|cited)\\s+by|in\\s+a\\s+statement|spokes(?:man|woman|person)`),
];

const FRENCH_COMPARISON: RegExp[] = [
  // le plus, la plus, des plus, le moins (but not "au moins", "du moins": at least).
  words(`(?:le|la|les|des)\\s+(?:plus|moins)|du\\s+plus`),
  // plus de 5 000, moins de la moitié, de plus en plus.
  new RegExp(
    `(?<![${WORD_CHAR}])(?:plus|moins)\\s+(?:de\\s+|d${APOSTROPHE})` +
      `(?:\\d|(?:${FR_NUMBER}|la moitié|un tiers)(?![${LETTER}]))`,
    'iu',
  ),
  words(`de\\s+plus\\s+en\\s+plus|de\\s+moins\\s+en\\s+moins|fois\\s+(?:plus|moins)`),
  words(`(?:le|la|les|du|des)\\s+(?:meilleur|pire)e?s?|(?:meilleur|pire)e?s?\\s+que?`),
  words(
    'records?|jamais|sans\\s+précédent|inédite?s?|davantage|supérieure?s?\\s+à|inférieure?s?\\s+à|' +
      'augmentations?|hausses?|baisses?|diminutions?|progression|en\\s+recul|en\\s+chute',
  ),
  words(
    '(?:doublé|triplé|quadruplé|augmenté|diminué|baissé|grimpé|chuté|bondi|progressé|reculé|' +
      'dépassé|décuplé)(?:e|s|es)?',
  ),
];

// Words ending in "-est" that are not superlatives.
const NOT_SUPERLATIVE =
  'interest|protest|request|forest|harvest|contest|conquest|arrest|inquest|manifest|digest|' +
  'honest|modest|earnest|unrest|behest|bequest|tempest|latest|priest|everest|southwest|' +
  'northwest|midwest|budapest|bucharest';

const ENGLISH_COMPARISON: RegExp[] = [
  words(`(?:more|less|fewer)\\s+than|as\\s+(?:many|much)\\s+as|more\\s+(?:\\p{L}+\\s+){1,3}than`),
  // bigger than, higher than (not "rather than", "other than").
  words(`(?!rather|other|whether)\\p{L}{2,}er\\s+than`),
  // the most, the least, the best, the worst.
  words(`the\\s+(?:most|least|best|worst)`),
  // the largest, Europe’s highest, the second-biggest (2+ syllables: at least 6 letters).
  new RegExp(
    `(?:(?<![${WORD_CHAR}])(?:the|its|his|her|their|our)|${APOSTROPHE}s)\\s+` +
      `(?:(?:second|third)-)?(?!(?:${NOT_SUPERLATIVE})(?![${LETTER}]))\\p{L}{3,}est(?![${LETTER}])`,
    'iu',
  ),
  words(
    'records?|unprecedented|all-time|never\\s+before|doubled|tripled|quadrupled|halved|' +
      'increase[ds]?|decrease[ds]?|surged|soared|plunged|skyrocketed|' +
      '(?:rose|risen|fell|fallen|dropped|grew|jumped|climbed|declined)\\s+(?:by|to)|' +
      'times\\s+(?:more|less|as|higher|bigger|larger|greater)',
  ),
];

function buildRules(french: boolean, english: boolean): LanguageRules {
  const numbers = [french ? FR_NUMBER : '', english ? EN_NUMBER : ''].filter(Boolean).join('|');
  return {
    french,
    english,
    patterns: {
      dates: [...SHARED_DATES, ...(french ? FRENCH_DATES : []), ...(english ? ENGLISH_DATES : [])],
      numberWords: words(numbers, 'giu'),
      fractions: [...(french ? FRENCH_FRACTIONS : []), ...(english ? ENGLISH_FRACTIONS : [])],
      attribution: [...(french ? FRENCH_ATTRIBUTION : []), ...(english ? ENGLISH_ATTRIBUTION : [])],
      comparison: [...(french ? FRENCH_COMPARISON : []), ...(english ? ENGLISH_COMPARISON : [])],
    },
  };
}

const RULES = {
  fr: buildRules(true, false),
  en: buildRules(false, true),
  both: buildRules(true, true),
};

function rulesFor(language: string | undefined): LanguageRules {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' ? RULES.fr : primary === 'en' ? RULES.en : RULES.both;
}

// ---------------------------------------------------------------------------------------------
// Dates and figures
// ---------------------------------------------------------------------------------------------

/**
 * Finds dates and blanks them out, so that the day in "le 19 juin" or the year in "en 2019" is
 * not also counted as a figure, nor "June" or "XIXe siècle" as a name.
 */
function findDates(text: string, rules: LanguageRules): { found: boolean; rest: string } {
  let rest = text;
  let found = false;
  const blank = (match: string) => {
    found = true;
    return ' '.repeat(match.length);
  };
  for (const pattern of rules.patterns.dates) rest = rest.replace(pattern, blank);
  rest = rest.replace(BARE_YEAR, blank);
  return { found, rest };
}

/** Numbers written with digits: 73,13 · 73.13 % · 1 200 000 · $5bn · 3,5 milliards. */
const DIGITS = new RegExp(
  `(?<![${WORD_CHAR}_]|\\p{L}-)\\d+(?:[.,]\\d+|[\\u00A0\\u202F ]\\d{3}(?!\\d))*`,
  'gu',
);

/** Letters glued to a number that keep it a quantity (units, scales, ordinals, hours). */
const ATTACHED_SUFFIX = new Set([
  'k',
  'K',
  'M',
  'Md',
  'Mds',
  'Mrd',
  'bn',
  'm',
  'km',
  'cm',
  'mm',
  'kg',
  'g',
  't',
  'h',
  'min',
  's',
  'ha',
  'l',
  'L',
  'GW',
  'MW',
  'kW',
  'kWh',
  'GWh',
  'TWh',
  'Mt',
  'Gt',
  'e',
  'er',
  're',
  'ème',
  'eme',
  'è',
  'ᵉ',
  'nd',
  'st',
  'rd',
  'th',
  'x',
]);

function hasFigure(text: string, rules: LanguageRules): boolean {
  for (const match of text.matchAll(DIGITS)) {
    const suffix = /^[\p{L}\p{M}]+/u.exec(text.slice(match.index + match[0].length))?.[0];
    // "5G", "3D" are names, not quantities.
    if (suffix === undefined || ATTACHED_SUFFIX.has(suffix)) return true;
  }
  if (rules.patterns.fractions.some((pattern) => pattern.test(text))) return true;
  for (const match of text.matchAll(rules.patterns.numberWords)) {
    const before = text.slice(Math.max(0, match.index - 30), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30);
    if (!isNonQuantityUse(match[0].toLowerCase(), before, after)) return true;
  }
  return false;
}

const FOLLOWED_BY_SCALE = new RegExp(`^\\s+(?:${SCALE})(?![${LETTER}])`, 'iu');

/** Number words used for something else than a quantity. */
function isNonQuantityUse(word: string, before: string, after: string): boolean {
  // « les deux pays », "the two countries": both, not a count.
  if (
    (word === 'deux' || word === 'two') &&
    /(?:^|[^\p{L}])(?:les|ces|des|nos|vos|leurs|tous|toutes|the|these|those)\s+$/iu.test(before) &&
    !FOLLOWED_BY_SCALE.test(after)
  ) {
    return true;
  }
  // « flambant neuf », « remis à neuf », « quoi de neuf » : new.
  if (
    word === 'neuf' &&
    /(?:^|[^\p{L}])(?:flambant|tout|toute|quoi\s+de|rien\s+de|du|remise?s?\s+à|refaite?s?\s+à)\s+$/iu.test(
      before,
    )
  ) {
    return true;
  }
  // "Sept." is September (blanked out when a day or year follows).
  return word === 'sept' && after.startsWith('.');
}

// ---------------------------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------------------------

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=\p{L})/iu;
/** What opens a (quoted) sentence inside a unit: the next word is capitalised anyway. */
const OPENER = /[«“"‘:]/u;
const ROMAN_NUMERAL = /^[IVX]+(?:e|er|ème|ᵉ)?$/u; // XIV, XIXe

/**
 * Capitalised mid-sentence, yet not a name. Month names need no entry: dates are blanked out
 * before names are looked for, and a month outside a date is a name ("Theresa May").
 */
const NOT_A_NAME = new Set(['i', ...EN_WEEKDAY.toLowerCase().split('|')]);

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const result: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const elision = ELISION.exec(match[0]);
    const start = match.index;
    if (elision) {
      const cut = elision[0].length;
      result.push({ word: match[0].slice(0, cut), start, end: start + cut });
      result.push({ word: match[0].slice(cut), start: start + cut, end: start + match[0].length });
    } else {
      result.push({ word: match[0], start, end: start + match[0].length });
    }
  }
  return result;
}

/**
 * A capitalised word that does not open the sentence (or a quotation inside it), or an acronym
 * anywhere. "Vladimir Poutine a dit" counts through "Poutine"; "Moscou a dit" alone does not:
 * a single capitalised first word is indistinguishable from an ordinary sentence start.
 */
function hasEntity(text: string): boolean {
  if (/(?<![\p{L}])(?:\p{Lu}\.){2,}/u.test(text)) return true; // U.S., É.-U.
  let previousEnd = 0;
  for (const [i, token] of tokens(text).entries()) {
    const opensSentence = i === 0 || OPENER.test(text.slice(previousEnd, token.start));
    previousEnd = token.end;
    const word = token.word.replace(/['’]s$/u, ''); // NATO’s
    if (!/^\p{Lu}/u.test(word) || ROMAN_NUMERAL.test(word)) continue;
    if (word.replace(/[^\p{L}\p{N}]/gu, '').length < 2) continue; // L’, À, single initials
    if (/^\p{Lu}{2,}\d*$|^\p{Lu}\d+$/u.test(word)) return true; // ONU, NATO, G20
    if (opensSentence || NOT_A_NAME.has(word.split(/['’]/u)[0].toLowerCase())) continue;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Quotes, comparisons, questions
// ---------------------------------------------------------------------------------------------

function wordCount(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}

/**
 * Quoted passages of at least MIN_QUOTE_WORDS words. A quotation spanning several sentences is
 * cut by segmentation, so an opening mark without its closing one runs to the end of the unit
 * and a closing mark without its opening one starts at the beginning.
 */
function quotedPassages(text: string): string[] {
  const passages: string[] = [];
  for (const [open, close] of [
    ['«', '»'],
    ['“', '”'],
  ]) {
    const pattern = new RegExp(`${open}([^${open}${close}]*)(?:${close}|$)`, 'gu');
    for (const match of text.matchAll(pattern)) passages.push(match[1]);
    const leading = new RegExp(`^([^${open}]*)${close}`, 'u').exec(text);
    if (leading) passages.push(leading[1]);
  }
  // Straight double quotes pair up in order; an odd one runs to the end.
  const parts = text.split('"');
  for (let i = 1; i < parts.length; i += 2) passages.push(parts[i]);
  // ‘…’: the closing mark must not be an apostrophe inside a word ("don’t").
  for (const match of text.matchAll(/(?<![\p{L}])‘(.+?)’(?![\p{L}])/gu)) passages.push(match[1]);
  return passages;
}

function hasQuote(text: string): boolean {
  return quotedPassages(text).some((passage) => wordCount(passage) >= MIN_QUOTE_WORDS);
}

/** « plus … que » / « moins … que », within a few words. */
const PLUS_QUE = new RegExp(
  `(?<![${LETTER}])(plus|moins)\\s+(?:[${LETTER}'’-]+\\s+){0,4}?qu(?:e(?![${LETTER}])|['’])`,
  'giu',
);

function hasComparison(text: string, rules: LanguageRules): boolean {
  if (rules.patterns.comparison.some((pattern) => pattern.test(text))) return true;
  if (!rules.french) return false;
  for (const match of text.matchAll(PLUS_QUE)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    // « ne … plus que » (only), « à moins que » (unless), « au moins » / « du moins » (at least).
    if (/(?:^|[^\p{L}])(?:ne\s+|n['’])(?:[\p{L}\p{M}'’-]+\s+){0,2}$/iu.test(before)) continue;
    if (match[1].toLowerCase() === 'moins' && /(?:^|[^\p{L}])(?:à|au|du)\s+$/iu.test(before)) {
      continue;
    }
    return true;
  }
  return false;
}

/** Ends with "?" (or "?!", "‽"), possibly followed by closing quotes or brackets. */
function isQuestion(text: string): boolean {
  return /[?？‽][!?\s»”’"')\]}/]*$/u.test(text);
}
