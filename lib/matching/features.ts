// What claim matching compares beyond the words (issue 16): the claim's figures (« 5 millions
// de projectiles » → 5,000,000; « 40 % » → 40 %), its years, its named entities (people,
// organisations, places: the proper names the claimant suggestion finds) and whether it is
// negated (« n'a pas », « jamais », "did not", "never"). A different figure or year is a
// different claim, whatever the wording (score.ts). Pure, French and English.
import { properNames } from '@/lib/text/claimant';

export interface ClaimFeatures {
  /** Quantities, normalised: `5000000`, `40%`, `1.5`. Sorted, unique. */
  figures: string[];
  /** Four-digit years 1800–2099. Sorted, unique. */
  years: string[];
  /** Proper names, lowercased and without accents. Sorted, unique. */
  entities: string[];
  negated: boolean;
}

const MULTIPLIERS: [RegExp, number][] = [
  [/^(?:milliards?|billions?|bn|md|mds)$/iu, 1e9],
  [/^(?:millions?|m|mn|mio)$/iu, 1e6],
  [/^(?:mille|milliers?|thousands?|k)$/iu, 1e3],
];

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  cinquante: 50,
  cent: 100,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};

// A number (1 234,5 · 1,234.5 · 1.234 · 12.5 · 40), or a number word, then an optional
// multiplier word, then an optional percent sign or word.
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|` +
    `${Object.keys(NUMBER_WORDS).join('|')})` +
    String.raw`(?:\s+(milliards?|billions?|millions?|milliers?|mille|thousands?)|\s?(bn|md|mds|mn|mio|k|m)(?![\p{L}]))?` +
    String.raw`(?:\s?(%|pour\s?cent|percent|per\s?cent))?(?![\p{L}\p{N}])`,
  'giu',
);

// Shares written as words (« un quart des jeunes », "two thirds of voters"): a figure like 25 %,
// so « un quart » and « un tiers » are different claims. Only before « de/des/d’ » or "of":
// « pays tiers », "the third time" are no shares.
const SHARES: [RegExp, string][] = [
  [
    /(?<![\p{L}])(?:la\s+)?moitié\s+(?:de|des|du|d['’])|(?<![\p{L}])half\s+(?:of|the)(?![\p{L}])/giu,
    '50%',
  ],
  [
    /(?<![\p{L}])trois\s+quarts\s+(?:de|des|du|d['’])|(?<![\p{L}])three\s+quarters\s+of(?![\p{L}])/giu,
    '75%',
  ],
  [
    /(?<![\p{L}])(?:un|le)\s+quart\s+(?:de|des|du|d['’])|(?<![\p{L}])(?:a|one)\s+quarter\s+of(?![\p{L}])/giu,
    '25%',
  ],
  [
    /(?<![\p{L}])deux\s+tiers\s+(?:de|des|du|d['’])|(?<![\p{L}])two[\s-]+thirds\s+of(?![\p{L}])/giu,
    '67%',
  ],
  [
    /(?<![\p{L}])(?:un|le)\s+tiers\s+(?:de|des|du|d['’])|(?<![\p{L}])(?:a|one)[\s-]+third\s+of(?![\p{L}])/giu,
    '33%',
  ],
];

const YEAR = /(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?![\p{L}\p{N}])/gu;

const NEGATIONS = [
  /(?<![\p{L}])(?:ne|n['’])(?=\s*\p{L})[^.!?]{0,40}?(?<![\p{L}])(?:pas|jamais|plus|aucun|aucune|rien|nullement|guère)(?![\p{L}])/iu,
  /(?<![\p{L}])(?:not|never|no longer|none|nobody|nothing)(?![\p{L}])|n['’]t(?![\p{L}])/iu,
];

function unaccented(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** `1 234,5` / `1,234.5` / `1.234` (thousands) / `12,5` (decimal) as a number. */
function parseNumber(raw: string): number | null {
  const word = NUMBER_WORDS[raw.toLowerCase()];
  if (word !== undefined) return word;
  const compact = raw.replace(/[ \u00a0\u202f]/g, '');
  // A separator followed by exactly three digits, more than once or before another separator,
  // groups thousands; a last separator followed by other than three digits is decimal.
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(compact) && !/^\d{1,3}[.,]\d{3}$/.test(compact);
  if (grouped) return Number(compact.replace(/[.,]/g, ''));
  const lastSeparator = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  if (lastSeparator === -1) return Number(compact);
  const decimals = compact.slice(lastSeparator + 1);
  const whole = compact.slice(0, lastSeparator).replace(/[.,]/g, '');
  // « 1.234 » or « 1,234 »: thousands in English, a decimal in French; read as thousands only
  // when exactly three digits follow and the whole part has no other separator.
  if (decimals.length === 3 && /^\d{1,3}$/.test(whole)) return Number(`${whole}${decimals}`);
  return Number(`${whole}.${decimals}`);
}

function multiplierOf(word: string | undefined): number {
  if (!word) return 1;
  return MULTIPLIERS.find(([pattern]) => pattern.test(word))?.[1] ?? 1;
}

function figuresOf(text: string, years: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(FIGURE)) {
    const [, raw, bigWord, shortWord, percent] = match;
    const value = parseNumber(raw!);
    if (value === null || !Number.isFinite(value)) continue;
    const multiplier = multiplierOf(bigWord ?? shortWord);
    // A bare year is a date, not a quantity.
    if (multiplier === 1 && !percent && years.has(raw!)) continue;
    const number = Math.round(value * multiplier * 1000) / 1000;
    found.add(percent ? `${number}%` : String(number));
  }
  for (const [pattern, share] of SHARES) if (pattern.test(text)) found.add(share);
  return [...found].sort();
}

export function claimFeatures(text: string): ClaimFeatures {
  const clean = text.normalize('NFC');
  const years = [...new Set([...clean.matchAll(YEAR)].map((m) => m[1]!))].sort();
  const entities = [...new Set(properNames(clean).map((span) => unaccented(span.text)))].sort();
  return {
    figures: figuresOf(clean, new Set(years)),
    years,
    entities,
    negated: NEGATIONS.some((pattern) => pattern.test(clean)),
  };
}
