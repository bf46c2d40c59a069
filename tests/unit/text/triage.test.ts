import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  segment,
  triageUnit,
  TRIAGE_REASON_LABELS,
  TRIAGE_WEIGHTS,
  type Triage,
  type TriageReason,
  type UnitKind,
} from '@/lib/text';

const seedPath = fileURLToPath(new URL('../../../prisma/seed/seed-fr.txt', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');

const REASON_ORDER = Object.keys(TRIAGE_REASON_LABELS) as TriageReason[];
const NNBSP = '\u202F';

const sentence = (text: string) => ({ kind: 'sentence' as const, text });
const hasFigureOrDate = ({ reasons }: Triage) =>
  reasons.includes('figure') || reasons.includes('date');

/** Score in [0, 1] with at most 2 decimals, reasons unique and in the fixed order. */
function expectWellFormed({ score, reasons }: Triage) {
  expect(score).toBeGreaterThanOrEqual(0);
  expect(score).toBeLessThanOrEqual(1);
  expect(Math.round(score * 100) / 100).toBe(score);
  const positions = reasons.map((reason) => REASON_ORDER.indexOf(reason));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(new Set(reasons).size).toBe(reasons.length);
}

describe('triage: weights and labels', () => {
  it('has French labels for every reason, in the fixed order', () => {
    expect(TRIAGE_REASON_LABELS).toEqual({
      figure: 'Chiffre ou quantité',
      date: 'Date',
      entity: 'Personne, organisation ou lieu nommés',
      attribution: 'Attribution (source citée)',
      quote: 'Citation',
      comparison: 'Comparaison ou superlatif',
    });
    expect(Object.keys(TRIAGE_WEIGHTS).sort()).toEqual([...REASON_ORDER].sort());
  });

  it('weighs figure and date each above all the other features together', () => {
    const others = REASON_ORDER.filter((reason) => reason !== 'figure' && reason !== 'date')
      .map((reason) => TRIAGE_WEIGHTS[reason])
      .reduce((sum, weight) => sum + weight, 0);
    expect(Math.round(others * 100) / 100).toBeLessThan(TRIAGE_WEIGHTS.date);
    expect(Math.round(others * 100) / 100).toBeLessThan(TRIAGE_WEIGHTS.figure);
    expect(Object.isFrozen(TRIAGE_WEIGHTS)).toBe(true);
  });
});

describe('triage: the seed article', () => {
  const units = segment(seed, { language: 'fr' });
  const triaged = units.map((unit) => triageUnit(unit, 'fr'));

  // 1-based unit number, kind, reasons. Read from the text:
  //  2 « le 19 juin » · 4 « 1961, 2000 et 2001 » (« les deux pays » means both, not a count) ·
  //  5 « a révélé », « a précisé » and the « Le pacte (…) » quotation · 6 « en 2019 », and
  //  « consultations » is a single quoted word, not a quotation · 9 « l’augmentation »,
  //  « a averti » · 10 « plus cruciale que » · 11 « jamais », l’ONU · 14 « cinq millions ».
  const golden: [number, UnitKind, TriageReason[]][] = [
    [1, 'sentence', ['entity']],
    [2, 'sentence', ['date', 'entity']],
    [3, 'sentence', ['quote', 'comparison']],
    [4, 'sentence', ['date']],
    [5, 'sentence', ['entity', 'attribution', 'quote']],
    [6, 'sentence', ['date', 'entity']],
    [7, 'heading', []],
    [8, 'sentence', ['entity']],
    [9, 'sentence', ['entity', 'attribution', 'quote', 'comparison']],
    [10, 'sentence', ['comparison']],
    [11, 'sentence', ['entity', 'comparison']],
    [12, 'sentence', ['entity']],
    [13, 'sentence', ['entity']],
    [14, 'sentence', ['figure']],
    [15, 'paywall', []],
    [16, 'paywall', []],
  ];

  it('has the 16 units of the golden table', () => {
    expect(units).toHaveLength(golden.length);
  });

  it.each(golden)('unit %i (%s): %j', (number, kind, reasons) => {
    const unit = units[number - 1];
    expect(unit.kind).toBe(kind);
    expect(triaged[number - 1].reasons).toEqual(reasons);
    expectWellFormed(triaged[number - 1]);
  });

  it('finds a figure or a date in exactly the units 2, 4, 6 and 14', () => {
    const numbers = triaged.flatMap((triage, i) => (hasFigureOrDate(triage) ? [i + 1] : []));
    expect(numbers).toEqual([2, 4, 6, 14]);
  });

  it('ranks every sentence with a figure or a date above every sentence without', () => {
    const sentences = triaged.filter((_, i) => units[i].kind === 'sentence');
    const lowestWith = Math.min(...sentences.filter(hasFigureOrDate).map((t) => t.score));
    const highestWithout = Math.max(
      ...sentences.filter((t) => !hasFigureOrDate(t)).map((t) => t.score),
    );
    expect(lowestWith).toBeGreaterThan(highestWithout);
  });

  it('scores the heading and the paywall notices 0, although the notice holds « 73.13% »', () => {
    for (const number of [7, 15, 16]) {
      expect(triaged[number - 1]).toEqual({ score: 0, reasons: [] });
    }
  });

  it('scores each unit as the capped sum of its weights', () => {
    for (const triage of triaged) {
      const sum = triage.reasons.reduce((total, reason) => total + TRIAGE_WEIGHTS[reason], 0);
      expect(triage.score).toBe(Math.round(Math.min(1, sum) * 100) / 100);
    }
  });

  it('is deterministic and gives the same result without a language', () => {
    expect(units.map((unit) => triageUnit(unit, 'fr'))).toEqual(triaged);
    expect(units.map((unit) => triageUnit(unit, 'fr-FR'))).toEqual(triaged);
    expect(units.map((unit) => triageUnit(unit))).toEqual(triaged);
  });
});

interface TriageCase {
  name: string;
  language: string;
  text: string;
  reasons: TriageReason[];
  /** Expected to be a question (score multiplied by the low factor). */
  question?: boolean;
}

const cases: TriageCase[] = [
  // Figures
  {
    name: 'percentage with a decimal comma; « premier » is an ordinal',
    language: 'fr',
    text: 'Le chômage a atteint 7,3 % au premier trimestre.',
    reasons: ['figure'],
  },
  {
    name: '« le premier ministre » alone is no figure',
    language: 'fr',
    text: 'Le premier ministre a démissionné hier soir.',
    reasons: [],
  },
  {
    name: 'number words: « trois »',
    language: 'fr',
    text: 'Le premier ministre a présenté trois mesures.',
    reasons: ['figure'],
  },
  {
    name: 'number words: « cinq millions »',
    language: 'fr',
    text: 'Cinq millions de foyers vivent sous le seuil de pauvreté.',
    reasons: ['figure'],
  },
  {
    name: 'fraction in words: « les deux tiers »',
    language: 'fr',
    text: 'Les deux tiers des électeurs ont voté pour le texte.',
    reasons: ['figure'],
  },
  {
    name: 'approximate quantity: « des dizaines de milliers »',
    language: 'fr',
    text: 'Des dizaines de milliers de manifestants ont défilé à Paris.',
    reasons: ['figure', 'entity'],
  },
  {
    name: 'monetary amount: « 3,5 milliards d’euros »',
    language: 'fr',
    text: 'Le plan coûtera 3,5 milliards d’euros aux contribuables.',
    reasons: ['figure'],
  },
  {
    name: 'thousands separated by narrow no-break spaces',
    language: 'fr',
    text: `Les travaux ont coûté 1${NNBSP}200${NNBSP}000 euros à la commune.`,
    reasons: ['figure'],
  },
  {
    name: 'a year-like number before a count noun is a quantity, not a date',
    language: 'fr',
    text: 'Il y avait 2000 personnes sur la place.',
    reasons: ['figure'],
  },
  {
    name: '« les deux pays » means both: no figure',
    language: 'fr',
    text: 'Les deux pays ont signé un accord commercial.',
    reasons: [],
  },
  {
    name: '« flambant neuf » is new, not nine',
    language: 'fr',
    text: 'Un véhicule flambant neuf a été livré à la mairie.',
    reasons: [],
  },
  {
    name: '« au moins » is no comparison',
    language: 'fr',
    text: 'Au moins 12 personnes ont été tuées dans l’explosion.',
    reasons: ['figure'],
  },
  {
    name: 'a digit inside a name (5G, COVID-19) is no figure',
    language: 'fr',
    text: 'Le déploiement de la 5G a ravivé les craintes liées au COVID-19.',
    reasons: ['entity'],
  },
  // Dates
  {
    name: 'a lone year is a date, not a figure',
    language: 'fr',
    text: 'Le mur de Berlin est tombé en 1989.',
    reasons: ['date', 'entity'],
  },
  {
    name: 'year inside a date with an abbreviated month',
    language: 'fr',
    text: 'Le sommet s’est tenu le 3 janv. 2024 à Genève.',
    reasons: ['date', 'entity'],
  },
  {
    name: '« 1er mars 1990 » is one date',
    language: 'fr',
    text: 'Elle est née le 1er mars 1990 dans une petite ville.',
    reasons: ['date'],
  },
  {
    name: 'weekday with a date',
    language: 'fr',
    text: 'Le mardi 4 juin, les députés voteront le texte.',
    reasons: ['date'],
  },
  {
    name: 'figure and year together; « hausse »',
    language: 'fr',
    text: 'L’inflation a atteint 5,2 % en 2023, une hausse inattendue.',
    reasons: ['figure', 'date', 'comparison'],
  },
  {
    name: '« doublé depuis 2001 »',
    language: 'fr',
    text: 'La dette a doublé depuis 2001.',
    reasons: ['date', 'comparison'],
  },
  {
    name: 'century in Roman numerals',
    language: 'fr',
    text: 'Le XIXe siècle a vu naître l’industrie moderne.',
    reasons: ['date'],
  },
  {
    name: 'English date "June 19, 2024"',
    language: 'en',
    text: 'On June 19, 2024, the Senate voted on the bill.',
    reasons: ['date', 'entity'],
  },
  {
    name: 'English decade',
    language: 'en',
    text: 'The 1990s were a decade of growth.',
    reasons: ['date'],
  },
  // Entities and attribution
  {
    name: 'acronyms after an elided article',
    language: 'fr',
    text: 'L’OTAN et l’ONU ont réagi dans la soirée.',
    reasons: ['entity'],
  },
  {
    name: 'a sentence starting with a full name',
    language: 'fr',
    text: 'Emmanuel Macron a déclaré que la France resterait neutre.',
    reasons: ['entity', 'attribution'],
  },
  {
    name: 'a single capitalised first word is an ordinary sentence start',
    language: 'fr',
    text: 'Pyongyang dément toute livraison.',
    reasons: ['attribution'],
  },
  {
    name: '« selon » with a change word',
    language: 'fr',
    text: 'Selon l’Insee, le chômage est en baisse.',
    reasons: ['entity', 'attribution', 'comparison'],
  },
  {
    name: 'inverted reporting verb after a quotation',
    language: 'fr',
    text: '« Nous ne laisserons pas faire cela », martèle-t-il.',
    reasons: ['attribution', 'quote'],
  },
  {
    name: 'a month outside a date is a name; a weekday alone is neither',
    language: 'en',
    text: 'Theresa May resigned on Monday.',
    reasons: ['entity'],
  },
  {
    name: 'English "I" is not a name',
    language: 'en',
    text: 'I think the report is wrong.',
    reasons: [],
  },
  // Quotes
  {
    name: 'a quotation without attribution',
    language: 'fr',
    text: '« Nous ne reculerons pas devant les menaces ».',
    reasons: ['quote'],
  },
  {
    name: 'a single quoted word is not a quotation',
    language: 'fr',
    text: 'Il a évoqué de simples « consultations » entre voisins.',
    reasons: [],
  },
  {
    name: 'English curly quotes with "told"',
    language: 'en',
    text: '“We will never give up on this fight,” she told reporters.',
    reasons: ['attribution', 'quote'],
  },
  // Comparisons
  {
    name: 'superlative « la plus grande … jamais »',
    language: 'fr',
    text: 'C’est la plus grande manifestation jamais organisée dans le pays.',
    reasons: ['comparison'],
  },
  {
    name: '« plus … que »',
    language: 'fr',
    text: 'Les prix ont augmenté plus vite que les salaires.',
    reasons: ['comparison'],
  },
  {
    name: '« ne … plus que » means only',
    language: 'fr',
    text: 'Il ne reste plus que quelques jours avant le vote.',
    reasons: [],
  },
  {
    name: '« De plus, » means moreover',
    language: 'fr',
    text: 'De plus, la mesure reste impopulaire.',
    reasons: [],
  },
  {
    name: 'English superlative and acronym at the start',
    language: 'en',
    text: 'NATO is the largest military alliance in the world.',
    reasons: ['entity', 'comparison'],
  },
  {
    name: 'English "more than" with a thousands comma and "said"',
    language: 'en',
    text: 'The UN said more than 1,000 people had fled the town.',
    reasons: ['figure', 'entity', 'attribution', 'comparison'],
  },
  {
    name: 'English "doubled" without any figure ("a year")',
    language: 'en',
    text: 'Prices doubled within a year.',
    reasons: ['comparison'],
  },
  // English figures
  {
    name: 'English "$5bn"',
    language: 'en',
    text: 'The company lost $5bn last year.',
    reasons: ['figure'],
  },
  {
    name: 'English "two thirds" with "according to"',
    language: 'en',
    text: 'Two thirds of voters backed the plan, according to a poll.',
    reasons: ['figure', 'attribution'],
  },
  {
    name: 'English "dozens"',
    language: 'en',
    text: 'Dozens of protesters gathered outside the embassy.',
    reasons: ['figure'],
  },
  {
    name: 'English "the two countries" means both',
    language: 'en',
    text: 'The two countries signed a trade deal.',
    reasons: [],
  },
  {
    name: 'English percentage, month and year, "rose by"',
    language: 'en',
    text: 'Unemployment rose by 2.5% in March 2020.',
    reasons: ['figure', 'date', 'comparison'],
  },
  // Questions
  {
    name: 'a question with a figure',
    language: 'fr',
    text: 'Combien coûteront les 5 000 nouveaux logements ?',
    reasons: ['figure'],
    question: true,
  },
  {
    name: 'a question ending inside guillemets',
    language: 'fr',
    text: 'Faut-il vraiment dépenser 3 milliards « pour rien ? »',
    reasons: ['figure'],
    question: true,
  },
  {
    name: 'an English question with a figure, a year and a comparison',
    language: 'en',
    text: 'Is the economy really 10% bigger than in 2019?',
    reasons: ['figure', 'date', 'comparison'],
    question: true,
  },
];

describe('triage: tricky cases', () => {
  it.each(cases)('$name ($language)', ({ text, language, reasons, question }) => {
    const triage = triageUnit(sentence(text), language);
    expect(triage.reasons).toEqual(reasons);
    expectWellFormed(triage);
    const sum = reasons.reduce((total, reason) => total + TRIAGE_WEIGHTS[reason], 0);
    const expected = Math.min(1, sum) * (question ? 0.3 : 1);
    expect(triage.score).toBe(Math.round(expected * 100) / 100);
    expect(triageUnit(sentence(text), language)).toEqual(triage);
  });

  it('ranks every non-question case with a figure or a date above every case without', () => {
    const triaged = cases
      .filter((c) => !c.question)
      .map((c) => triageUnit(sentence(c.text), c.language));
    const lowestWith = Math.min(...triaged.filter(hasFigureOrDate).map((t) => t.score));
    const highestWithout = Math.max(
      ...triaged.filter((t) => !hasFigureOrDate(t)).map((t) => t.score),
    );
    expect(lowestWith).toBeGreaterThan(highestWithout);
  });

  it('keeps a question with a figure low, below a plain statement with a figure', () => {
    const question = triageUnit(sentence('Combien coûteront les 5 000 logements ?'), 'fr');
    const statement = triageUnit(sentence('Les 5 000 logements coûteront cher.'), 'fr');
    expect(question.reasons).toEqual(statement.reasons);
    expect(question.score).toBeLessThan(0.2);
    expect(statement.score).toBeGreaterThan(question.score);
  });

  it('gives headings and paywall notices 0, whatever they contain', () => {
    for (const kind of ['heading', 'paywall'] as const) {
      expect(triageUnit({ kind, text: 'Vladimir Poutine : 5 millions d’obus le 19 juin' })).toEqual(
        { score: 0, reasons: [] },
      );
    }
  });

  it('caps the score at 1', () => {
    const triage = triageUnit(
      sentence(
        '« Le budget a doublé depuis 2019 pour atteindre 5 milliards », a déclaré le ministre à l’ONU.',
      ),
      'fr',
    );
    expect(triage.reasons).toEqual(REASON_ORDER);
    expect(triage.score).toBe(1);
  });

  it('handles a very long unit quickly', () => {
    const text = seed.replace(/\n/g, ' ').repeat(20);
    const started = performance.now();
    expect(triageUnit(sentence(text), 'fr').score).toBe(1);
    expect(triageUnit(sentence('plus '.repeat(10_000)), 'fr')).toEqual({ score: 0, reasons: [] });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('scores an empty or punctuation-only sentence 0', () => {
    expect(triageUnit(sentence(''))).toEqual({ score: 0, reasons: [] });
    expect(triageUnit(sentence('… !'))).toEqual({ score: 0, reasons: [] });
  });
});
