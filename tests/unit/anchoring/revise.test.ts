import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FUZZY_QUOTE_THRESHOLD,
  SENTENCE_MATCH_THRESHOLD,
  SENTENCE_NEARLY_THRESHOLD,
  describeRange,
  figuresOf,
  mapSentences,
  reanchorHighlight,
  similarity,
  type AnchorStatus,
  type NewUnitLike,
  type OldSentence,
  type SentenceMatch,
  type TextRange,
} from '@/lib/anchoring';
import { segment } from '@/lib/text/segment';

const ARTICLE = readFileSync(
  fileURLToPath(new URL('../../../prisma/seed/seed-fr.txt', import.meta.url)),
  'utf8',
);
const OLD_UNITS = segment(ARTICLE, { language: 'fr' });
const OLD_SENTENCES: OldSentence[] = OLD_UNITS.map((u) => ({
  id: `s${u.index}`,
  index: u.index,
  text: u.text,
}));

/** Range of the `occurrence`-th (0-based) match of `needle`. */
function find(text: string, needle: string, occurrence = 0): TextRange {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    start = text.indexOf(needle, start + 1);
    if (start === -1) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  return { start, end: start + needle.length };
}

/** From the start of `from` to the end of the first `to` after it. */
function span(text: string, from: string, to: string): TextRange {
  const start = find(text, from).start;
  const end = text.indexOf(to, start) + to.length;
  return { start, end };
}

/** `text` with `needle` (which must be present) replaced. */
function replace(text: string, needle: string, replacement: string): string {
  if (!text.includes(needle)) throw new Error(`"${needle}" not in text`);
  return text.replace(needle, replacement);
}

/** Text of old unit `index`, checked against the seed so the fixtures stay honest. */
function sentence(index: number, startsWith: string): string {
  const { text } = OLD_UNITS[index];
  if (!text.startsWith(startsWith))
    throw new Error(`s${index} does not start with "${startsWith}"`);
  return text;
}

const S1 = sentence(1, 'C’est le message');
const S3 = sentence(3, 'Bien que le contenu');
const S9 = sentence(9, 'La transparence');
const S10 = sentence(10, 'Jusqu’alors');

interface HighlightCase {
  /** Highlighted range in the old text. */
  range: TextRange;
  status: AnchorStatus;
  /** Passage the highlight covers in the new text (default: its old quote), and which occurrence. */
  at?: string;
  occurrence?: number;
}

interface Scenario {
  name: string;
  edit: (text: string) => string;
  highlights: HighlightCase[];
  /** Old sentences matched with an edit: outcome, and a phrase of the new unit they map to. */
  edited?: { id: string; outcome: 'nearly' | 'changed'; to: string }[];
  removed?: string[];
  /** Phrases identifying the new units expected in `added`, in text order. */
  added?: string[];
}

// Old sentences used below: s1 "C’est le message…", s2 "La preuve…", s3 "Bien que le contenu…",
// s4 "De plus, Poutine…", s5 "Ce qui est différent…", s6 heading "Besoin urgent…",
// s7 "Vladimir Poutine a explicitement…", s9 "La transparence…", s10 "Jusqu’alors…",
// s13 "Les informations…cinq millions…".
const SCENARIOS: Scenario[] = [
  {
    name: 'no change',
    edit: (t) => t,
    highlights: [
      { range: find(ARTICLE, 'une alliance étonnante'), status: 'anchored' },
      {
        range: span(ARTICLE, 'a précisé le président', 'Ce qui est différent'),
        status: 'anchored',
      },
      { range: span(ARTICLE, 'un accueil extraordinaire.', 'La preuve'), status: 'anchored' },
      { range: find(ARTICLE, 'Besoin urgent de munitions'), status: 'anchored' },
    ],
  },
  {
    name: 'a new paragraph inserted before the highlight',
    edit: (t) =>
      replace(
        t,
        'Besoin urgent de munitions',
        'Le Kremlin a confirmé la visite dans un communiqué.\nBesoin urgent de munitions',
      ),
    highlights: [
      { range: find(ARTICLE, 'cinq millions de projectiles'), status: 'anchored' },
      // Before the insertion: same offsets.
      { range: find(ARTICLE, 'pacte de partenariat stratégique global'), status: 'anchored' },
    ],
    added: ['Le Kremlin a confirmé la visite'],
  },
  {
    name: 'a word changed in the highlighted sentence, outside the quote',
    edit: (t) => replace(t, 'La preuve la plus flagrante', 'La preuve la plus évidente'),
    highlights: [
      { range: find(ARTICLE, 'pacte de partenariat stratégique global'), status: 'anchored' },
    ],
    edited: [{ id: 's2', outcome: 'nearly', to: 'La preuve la plus évidente' }], // similarity 0.95
  },
  {
    name: 'a clause rewritten in the highlighted sentence, outside the quote',
    edit: (t) =>
      replace(
        t,
        'De plus, Poutine a révélé le principal objectif de ce pacte lors d’une brève déclaration à la presse suite aux célébrations officielles',
        'Poutine en a dit davantage devant la presse',
      ),
    highlights: [
      { range: find(ARTICLE, 'une aide mutuelle en cas d’agression'), status: 'anchored' },
    ],
    edited: [{ id: 's4', outcome: 'changed', to: 'Poutine en a dit davantage' }], // similarity 0.63
  },
  {
    name: 'one word of the quote changed',
    edit: (t) => replace(t, 'cinq millions', 'quatre millions'),
    highlights: [
      {
        range: find(ARTICLE, 'cinq millions de projectiles'),
        status: 'fuzzy',
        at: 'quatre millions de projectiles',
      },
    ],
    // Similarity 0.98, but a figure changed: the claim is not the same, its verdict is rechecked.
    edited: [{ id: 's13', outcome: 'changed', to: 'quatre millions' }],
  },
  {
    name: 'the highlighted sentence deleted',
    edit: (t) => replace(t, ` ${S1}`, ''),
    highlights: [
      { range: find(ARTICLE, 'un accueil extraordinaire'), status: 'orphaned' },
      { range: find(ARTICLE, 'une alliance étonnante'), status: 'anchored' },
    ],
    removed: ['s1'],
  },
  {
    name: 'a highlight across two sentences, the second edited outside the quote',
    edit: (t) => replace(t, 'différent par exemple de', 'différent notamment de'),
    highlights: [
      // The edit comes after the highlight, so even the stored offsets still hold.
      {
        range: span(ARTICLE, 'a précisé le président', 'Ce qui est différent'),
        status: 'anchored',
      },
    ],
    edited: [{ id: 's5', outcome: 'nearly', to: 'différent notamment de' }], // similarity 0.94
  },
  {
    name: 'a highlight across two sentences, the quoted part of the first edited',
    edit: (t) => replace(t, 'a précisé le président', 'a indiqué le président'),
    highlights: [
      {
        range: span(ARTICLE, 'a précisé le président', 'Ce qui est différent'),
        status: 'fuzzy',
        at: 'a indiqué le président russe. Ce qui est différent',
      },
    ],
    edited: [{ id: 's4', outcome: 'nearly', to: 'a indiqué le président' }], // similarity 0.98
  },
  {
    name: 'repeated quote: the highlighted occurrence is found again after a copy is inserted before it',
    edit: (t) => 'Vladimir Poutine en Corée du Nord : analyse. ' + t,
    highlights: [
      // The second occurrence in the old text (sentence s7) is the third one in the new text.
      {
        range: find(ARTICLE, 'Vladimir Poutine', 1),
        status: 'anchored',
        at: 'Vladimir Poutine',
        occurrence: 2,
      },
      {
        range: find(ARTICLE, 'Vladimir Poutine', 0),
        status: 'anchored',
        at: 'Vladimir Poutine',
        occurrence: 1,
      },
    ],
    added: ['Vladimir Poutine en Corée du Nord : analyse.'],
  },
  {
    name: 'repeated quote edited everywhere: context picks each occurrence',
    edit: (t) => t.replaceAll('Corée du Nord', 'Corée-du-Nord'),
    highlights: [
      {
        range: find(ARTICLE, 'Corée du Nord', 0),
        status: 'fuzzy',
        at: 'Corée-du-Nord',
        occurrence: 0,
      },
      {
        range: find(ARTICLE, 'Corée du Nord', 1),
        status: 'fuzzy',
        at: 'Corée-du-Nord',
        occurrence: 1,
      },
    ],
    edited: [
      { id: 's0', outcome: 'nearly', to: 'la Russie et la Corée-du-Nord' },
      { id: 's11', outcome: 'nearly', to: 'avec la Corée-du-Nord' },
    ],
  },
  {
    // The verdict follows the longer half (similarity 0.62, to be reviewed); the shorter is new.
    name: 'a sentence split into two',
    edit: (t) =>
      replace(
        t,
        S3,
        'Le contenu de ce document reste confidentiel. Son statut éclipse les précédents accords entre les deux pays datant de 1961, 2000 et 2001.',
      ),
    highlights: [{ range: find(ARTICLE, 'reste confidentiel'), status: 'anchored' }],
    edited: [{ id: 's3', outcome: 'changed', to: 'Son statut éclipse' }],
    added: ['Le contenu de ce document reste confidentiel.'],
  },
  {
    // The merged sentence keeps the longer part's verdict (similarity 0.60); the shorter one is removed.
    name: 'two sentences merged into one',
    edit: (t) =>
      replace(
        t,
        `${S9} ${S10}`,
        `${S9.slice(0, -1)}, car jusqu’alors${S10.slice('Jusqu’alors'.length)}`,
      ),
    highlights: [
      { range: find(ARTICLE, 'plus cruciale que les promesses'), status: 'anchored' },
      { range: find(ARTICLE, 'une confession d’incapacité'), status: 'anchored' },
    ],
    edited: [{ id: 's10', outcome: 'changed', to: 'réciproque, car jusqu’alors, Moscou' }],
    removed: ['s9'],
  },
  {
    name: 'a sentence moved after the next one',
    edit: (t) => replace(t, `${S9} ${S10}`, `${S10} ${S9}`),
    highlights: [{ range: find(ARTICLE, 'plus cruciale que les promesses'), status: 'anchored' }],
  },
  {
    name: 'a heading turned into a sentence (kind change)',
    edit: (t) => replace(t, 'du côté russe\n', 'du côté russe.\n'),
    highlights: [{ range: find(ARTICLE, 'Besoin urgent de munitions'), status: 'anchored' }],
    edited: [{ id: 's6', outcome: 'nearly', to: 'Besoin urgent de munitions du côté russe.' }],
  },
];

describe('revising the French seed article', () => {
  it.each(SCENARIOS)('$name', ({ edit, highlights, edited = [], removed = [], added = [] }) => {
    const newText = edit(ARTICLE);
    const newUnits = segment(newText, { language: 'fr' });

    for (const { range, status, at, occurrence = 0 } of highlights) {
      const oldSelectors = describeRange(ARTICLE, range);
      const result = reanchorHighlight(oldSelectors, newText);
      expect(result.status).toBe(status);
      if (status === 'orphaned') {
        expect(result).toEqual({ status, range: null, score: null, selectors: null });
        continue;
      }
      const expected = find(newText, at ?? oldSelectors[0].exact, occurrence);
      expect(result.range).toEqual(expected);
      expect(result.selectors).toEqual(describeRange(newText, expected));
      if (status === 'anchored') {
        expect(result.score).toBe(1);
        expect(newText.slice(expected.start, expected.end)).toBe(oldSelectors[0].exact);
      } else {
        expect(result.score).toBeGreaterThanOrEqual(FUZZY_QUOTE_THRESHOLD);
        expect(result.score).toBeLessThan(1);
      }
    }

    const mapping = mapSentences(OLD_SENTENCES, newUnits);
    const byOldId = new Map(mapping.matches.map((m) => [m.oldId, m]));
    const newTextOf = (m: SentenceMatch) => newUnits.find((u) => u.index === m.newIndex)!.text;
    for (const old of OLD_SENTENCES) {
      const match = byOldId.get(old.id);
      const change = edited.find((e) => e.id === old.id);
      if (removed.includes(old.id)) {
        expect(match, old.id).toBeUndefined();
      } else if (change) {
        expect(match, old.id).toMatchObject({ outcome: change.outcome });
        expect(newTextOf(match!)).toContain(change.to);
      } else {
        expect(match, old.id).toMatchObject({ similarity: 1, outcome: 'same' });
        expect(newTextOf(match!)).toBe(old.text);
      }
    }
    expect(mapping.removed).toEqual(removed);
    expect(mapping.added).toEqual(
      added.map((phrase) => newUnits.find((u) => u.text.includes(phrase))!.index),
    );
  });

  it('without changes, gives back the very same ranges and selectors', () => {
    for (const range of [
      find(ARTICLE, 'une alliance étonnante'),
      find(ARTICLE, 'Moscou', 1),
      { start: 0, end: ARTICLE.length },
    ]) {
      const selectors = describeRange(ARTICLE, range);
      expect(reanchorHighlight(selectors, ARTICLE)).toEqual({
        status: 'anchored',
        range,
        score: 1,
        selectors,
      });
    }
    const mapping = mapSentences(OLD_SENTENCES, OLD_UNITS);
    expect(mapping.matches.map((m) => [m.oldId, m.newIndex, m.outcome])).toEqual(
      OLD_UNITS.map((u) => [`s${u.index}`, u.index, 'same']),
    );
  });
});

describe('reanchorHighlight', () => {
  it('trusts a lone position selector (nothing to check it against)', () => {
    const result = reanchorHighlight(
      [{ type: 'TextPositionSelector', start: 3, end: 8 }],
      'le chien dort.',
    );
    expect(result).toMatchObject({ status: 'anchored', range: { start: 3, end: 8 }, score: 1 });
    expect(result.selectors).toEqual(describeRange('le chien dort.', { start: 3, end: 8 }));
  });

  it('orphans a highlight without usable selectors', () => {
    expect(reanchorHighlight([], 'le chien dort.')).toEqual({
      status: 'orphaned',
      range: null,
      score: null,
      selectors: null,
    });
  });
});

describe('similarity', () => {
  it.each([
    { a: 'Le chat dort.', b: 'Le chat dort.', expected: 1 },
    { a: 'Le  chat\n dort. ', b: ' Le chat dort.', expected: 1 }, // whitespace is normalised
    { a: '', b: '   ', expected: 1 },
    { a: 'Le chat dort.', b: '', expected: 0 },
    { a: 'chat', b: 'chats', expected: 0.8 },
    { a: 'chat', b: 'chien', expected: 1 - 3 / 5 },
    { a: 'abcd', b: 'wxyz', expected: 0 },
    { a: 'aaaaaaaaaa', b: 'aaaaaaaaab', expected: 0.9 },
  ])('similarity("$a", "$b") = $expected', ({ a, b, expected }) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 10);
    expect(similarity(b, a)).toBeCloseTo(expected, 10);
  });
});

describe('mapSentences', () => {
  const olds = (...texts: string[]): OldSentence[] =>
    texts.map((text, index) => ({ id: `o${index}`, index, text }));
  const news = (...texts: string[]): NewUnitLike[] =>
    texts.map((text, index) => ({ index, text, kind: 'sentence' }));
  /** Matches as `oldId→newIndex:outcome`, compact enough to read in a table. */
  const summary = (old: OldSentence[], next: NewUnitLike[]) => {
    const { matches, removed, added } = mapSentences(old, next);
    return {
      matches: matches.map((m) => `${m.oldId}→${m.newIndex}:${m.outcome}`),
      removed,
      added,
    };
  };

  const CAT = 'Le chat dort sur le canapé du salon depuis ce matin.';
  const CAT2 = 'Le chat dort sur le canapé du salon depuis ce midi.'; // similarity 0.92
  const RAIN = 'Il pleut sur Paris depuis trois jours sans interruption.';
  const RAIN2 = 'Il pleut sur Lyon depuis deux jours sans interruption.'; // similarity 0.84
  const SUN = 'Le soleil reviendra dimanche selon Météo-France.';
  const ALSO = 'Lire aussi.';

  it.each([
    {
      name: 'repeated identical sentences with an insertion between them',
      old: olds(ALSO, CAT, ALSO, SUN),
      next: news(ALSO, CAT, RAIN, ALSO, SUN),
      expected: {
        matches: ['o0→0:same', 'o1→1:same', 'o2→3:same', 'o3→4:same'],
        removed: [],
        added: [2],
      },
    },
    {
      name: 'repeated identical sentences, one of them deleted',
      old: olds(ALSO, CAT, ALSO, SUN, ALSO),
      next: news(ALSO, CAT, SUN, ALSO),
      expected: {
        matches: ['o0→0:same', 'o1→1:same', 'o3→2:same', 'o4→3:same'],
        removed: ['o2'],
        added: [],
      },
    },
    {
      name: 'edited sentences between unchanged ones',
      old: olds(SUN, CAT, RAIN, ALSO),
      next: news(SUN, CAT2, RAIN2, ALSO),
      expected: {
        matches: ['o0→0:same', 'o1→1:nearly', 'o2→2:changed', 'o3→3:same'],
        removed: [],
        added: [],
      },
    },
    {
      name: 'edited sentences that swapped places: the most similar pair wins, no crossing',
      old: olds(CAT, RAIN),
      next: news(RAIN2, CAT2),
      expected: { matches: ['o0→1:nearly'], removed: ['o1'], added: [0] },
    },
    {
      name: 'an identical sentence bounds the stretches: no match across it',
      old: olds(CAT, ALSO, RAIN),
      next: news(RAIN2, ALSO, CAT2),
      expected: { matches: ['o1→1:same'], removed: ['o0', 'o2'], added: [0, 2] },
    },
    {
      name: 'an identical sentence moved past others still matches',
      old: olds(SUN, CAT, RAIN),
      next: news(CAT, RAIN, SUN),
      expected: { matches: ['o0→2:same', 'o1→0:same', 'o2→1:same'], removed: [], added: [] },
    },
    {
      name: 'unrelated replacement',
      old: olds(CAT),
      next: news(SUN),
      expected: { matches: [], removed: ['o0'], added: [0] },
    },
    {
      name: 'whitespace-only change is the same sentence',
      old: olds('Le chat  dort.'),
      next: news(' Le chat dort. '),
      expected: { matches: ['o0→0:same'], removed: [], added: [] },
    },
    {
      name: 'nothing before',
      old: [],
      next: news(CAT, SUN),
      expected: { matches: [], removed: [], added: [0, 1] },
    },
    {
      name: 'nothing after',
      old: olds(CAT, SUN),
      next: [],
      expected: { matches: [], removed: ['o0', 'o1'], added: [] },
    },
  ])('$name', ({ old, next, expected }) => {
    expect(summary(old, next)).toEqual(expected);
  });

  it.each([
    { b: 'aaaaaaaaab', outcome: 'nearly', similarity: 0.9 }, // exactly SENTENCE_NEARLY_THRESHOLD
    { b: 'aaaaaaaabb', outcome: 'changed', similarity: 0.8 },
    { b: 'aaaaabbbbb', outcome: 'changed', similarity: 0.5 }, // exactly SENTENCE_MATCH_THRESHOLD
    { b: 'aaaabbbbbb', outcome: null, similarity: 0.4 },
  ])('thresholds: "aaaaaaaaaa" → "$b" is $outcome', ({ b, outcome, similarity: expected }) => {
    expect(SENTENCE_NEARLY_THRESHOLD).toBe(0.9);
    expect(SENTENCE_MATCH_THRESHOLD).toBe(0.5);
    const { matches } = mapSentences(olds('aaaaaaaaaa'), news(b));
    if (outcome === null) {
      expect(matches).toEqual([]);
    } else {
      expect(matches).toEqual([{ oldId: 'o0', newIndex: 0, similarity: expected, outcome }]);
    }
  });

  it('matches by text whatever the unit kind', () => {
    const { matches } = mapSentences(olds('Besoin urgent de munitions'), [
      { index: 0, text: 'Besoin urgent de munitions', kind: 'heading' },
    ]);
    expect(matches).toEqual([{ oldId: 'o0', newIndex: 0, similarity: 1, outcome: 'same' }]);
  });

  it('sorts inputs by index and reports unit indexes, not array positions', () => {
    const old: OldSentence[] = [
      { id: 'b', index: 7, text: RAIN },
      { id: 'a', index: 3, text: CAT },
    ];
    const next: NewUnitLike[] = [
      { index: 12, text: SUN, kind: 'sentence' },
      { index: 11, text: RAIN2, kind: 'sentence' },
      { index: 10, text: CAT, kind: 'sentence' },
    ];
    expect(summary(old, next)).toEqual({
      matches: ['a→10:same', 'b→11:changed'],
      removed: [],
      added: [12],
    });
  });

  describe('long articles (sanity runs, no timing assertions)', () => {
    const sentenceNo = (i: number) =>
      `Phrase numéro ${i} : le ministère a publié ${i * 7} pages de rapport sur la question ${i % 13}.`;

    it('maps 2,000 sentences with edits, deletions and insertions', () => {
      const old = olds(...Array.from({ length: 2000 }, (_, i) => sentenceNo(i)));
      const nextTexts: string[] = [];
      for (let i = 0; i < 2000; i += 1) {
        if (i % 50 === 7) continue; // deleted
        if (i % 100 === 20) nextTexts.push(`Paragraphe inséré avant la phrase ${i}, sans rapport.`);
        nextTexts.push(i % 10 === 3 ? sentenceNo(i).replace('publié', 'diffusé') : sentenceNo(i));
      }
      const { matches, removed, added } = mapSentences(old, news(...nextTexts));
      expect(removed).toHaveLength(40);
      expect(added).toHaveLength(20);
      expect(matches.filter((m) => m.outcome === 'nearly')).toHaveLength(200);
      expect(matches.filter((m) => m.outcome === 'same')).toHaveLength(1760);
      for (const m of matches)
        expect(nextTexts[m.newIndex]).toContain(`numéro ${m.oldId.slice(1)} `);
    });

    it('aligns 2,500 sentences that all repeat (no unique anchor) in one diff', () => {
      // Every sentence appears twice, so none anchors the alignment on its own, and changed
      // first and last sentences keep the common head/tail from shrinking the problem.
      const texts = Array.from({ length: 2500 }, (_, i) => sentenceNo(i % 1250));
      const next = [...texts];
      next[0] = 'Nouvelle introduction.';
      next[2499] = 'Nouvelle conclusion.';
      next.splice(1200, 0, 'Un intertitre ajouté');
      const { matches, removed, added } = mapSentences(olds(...texts), news(...next));
      expect(removed).toEqual(['o0', 'o2499']);
      expect(added).toEqual([0, 1200, 2500]);
      expect(matches).toHaveLength(2498);
      expect(matches.every((m) => m.outcome === 'same')).toBe(true);
    });

    it('beyond the edit budget of one stretch, still pairs identical sentences in order', () => {
      // 2,200 sentences removed and 2,200 added around 200 kept ones, none unique: more edits
      // than alignStretch looks for, so the kept ones are paired by the in-order fallback.
      const removedTexts = Array.from({ length: 2200 }, (_, i) => sentenceNo(i % 1100));
      const kept = Array.from({ length: 200 }, (_, i) => `Phrase gardée ${i % 100}, telle quelle.`);
      const addedTexts = Array.from({ length: 2200 }, (_, i) => `Intertitre ${i}`);
      const { matches, removed, added } = mapSentences(
        olds(...removedTexts, ...kept),
        news(...kept, ...addedTexts),
      );
      expect(matches.map((m) => [m.oldId, m.newIndex, m.outcome])).toEqual(
        kept.map((_, k) => [`o${2200 + k}`, k, 'same']),
      );
      expect(removed).toHaveLength(2200);
      expect(added).toEqual(addedTexts.map((_, k) => 200 + k));
    });
  });
});

describe('a changed number word changes the claim, however small the edit', () => {
  // Long enough sentences that the edit alone keeps them above SENTENCE_NEARLY_THRESHOLD: only
  // the figures say they changed. sixty → seventy and septante → nonante were once 'nearly'.
  it.each([
    {
      before:
        'Selon le ministère, cinq millions de projectiles ont été livrés à la Russie depuis le début de la guerre.',
      after:
        'Selon le ministère, quatre millions de projectiles ont été livrés à la Russie depuis le début de la guerre.',
    },
    {
      before:
        'According to the regional health authority, sixty people died in the floods that hit the valley last week.',
      after:
        'According to the regional health authority, seventy people died in the floods that hit the valley last week.',
    },
    {
      before:
        'Selon la préfecture, septante personnes ont été évacuées de la vallée après les inondations de la semaine dernière.',
      after:
        'Selon la préfecture, nonante personnes ont été évacuées de la vallée après les inondations de la semaine dernière.',
    },
  ])('$before → $after', ({ before, after }) => {
    const [match] = mapSentences(
      [{ id: 'o0', index: 0, text: before }],
      [{ index: 0, text: after, kind: 'sentence' }],
    ).matches;
    expect(match.similarity).toBeGreaterThanOrEqual(SENTENCE_NEARLY_THRESHOLD);
    expect(match.outcome).toBe('changed');
  });

  it('keeps a light edit that leaves the figures alone nearly the same', () => {
    const [match] = mapSentences(
      [
        {
          id: 'o0',
          index: 0,
          text: 'According to the regional health authority, sixty people died in the floods last week.',
        },
      ],
      [
        {
          index: 0,
          text: 'According to the regional health agency, sixty people died in the floods last week.',
          kind: 'sentence',
        },
      ],
    ).matches;
    expect(match.outcome).toBe('nearly');
  });
});

describe('figuresOf', () => {
  it.each([
    ['cinq millions de projectiles', 'quatre millions de projectiles', false],
    ['en 2019, 73,13 %', 'en 2019, 73,13 %', true],
    ['en 2019', 'en 2020', false],
    ['une alliance étonnante', 'une alliance surprenante', true],
    ['five million shells', 'four million shells', false],
    ['sixty people died', 'seventy people died', false],
    ['septante personnes', 'nonante personnes', false],
    ['huitante ans', 'octante ans', false],
    ['la moitié des électeurs', 'le tiers des électeurs', false],
    // « moitié » ends in an accented letter, which \b once missed.
    ['la moitié des voix', 'la majorité des voix', false],
    ['sixty-five people', 'sixty-five people', true],
  ])('%s / %s → same figures: %s', (a, b, same) => {
    expect(figuresOf(a) === figuresOf(b)).toBe(same);
  });
});
