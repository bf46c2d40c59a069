import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { segment, type TextUnit, type UnitKind } from '@/lib/text';
import { segmentCases, type ExpectedUnit } from './cases';

const seedPath = fileURLToPath(new URL('../../../prisma/seed/seed-fr.txt', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');

/** Every unit is an exact, trimmed slice of the source, indexed 0…n-1 in order. */
function expectExactOffsets(text: string, units: TextUnit[]) {
  units.forEach((unit, i) => {
    expect(unit.index).toBe(i);
    expect(text.slice(unit.start, unit.end)).toBe(unit.text);
    expect(unit.text).toBe(unit.text.trim());
    expect(unit.text).not.toBe('');
    if (i > 0) expect(unit.start).toBeGreaterThanOrEqual(units[i - 1].end);
  });
}

describe('segment: the seed article', () => {
  const expected: [UnitKind, string, string][] = [
    ['sentence', 'Née des circonstances pressantes', 'comme un adversaire partagé.'],
    ['sentence', 'C’est le message qu’a véhiculé', 'reçu avec un accueil extraordinaire.'],
    ['sentence', 'La preuve la plus flagrante', '« pacte de partenariat stratégique global ».'],
    ['sentence', 'Bien que le contenu de ce document', 'datant de 1961, 2000 et 2001.'],
    ['sentence', 'De plus, Poutine a révélé', 'du pacte », a précisé le président russe.'],
    ['sentence', 'Ce qui est différent par exemple', '« consultations » en cas d’agression.'],
    [
      'heading',
      'Besoin urgent de munitions du côté russe',
      'Besoin urgent de munitions du côté russe',
    ],
    ['sentence', 'Vladimir Poutine a explicitement relié', 'situation de guerre en Ukraine.'],
    ['sentence', 'En évoquant l’augmentation', 'République populaire démocratique de Corée. »/'],
    ['sentence', 'La transparence sur cette collaboration', 'les promesses de défense réciproque.'],
    ['sentence', 'Jusqu’alors, Moscou', 'perçue comme une confession d’incapacité.'],
    ['sentence', 'C’est justement l’urgence des armes', 'émerger de son isolement profond.'],
    [
      'sentence',
      'Les envois de projectiles (de calibres',
      'sont maintenant de notoriété publique.',
    ],
    ['sentence', 'Les informations des agences', 'lors des attaques sur des villes ukrainiennes.'],
    ['paywall', 'Il reste encore 73.13% de cet article', '73.13% de cet article à consulter.'],
    ['paywall', 'La suite est privée pour les abonnés.', 'La suite est privée pour les abonnés.'],
  ];
  const units = segment(seed, { language: 'fr' });

  it('splits into exactly 16 units with exact offsets', () => {
    expect(units).toHaveLength(16);
    expectExactOffsets(seed, units);
  });

  it.each(expected.map((row, index) => [index, ...row] as const))(
    'unit %i is a %s: "%s … %s"',
    (index, kind, head, tail) => {
      const unit = units[index];
      expect(unit.kind).toBe(kind);
      expect(unit.text.startsWith(head)).toBe(true);
      expect(unit.text.endsWith(tail)).toBe(true);
      expect(seed.slice(unit.start, unit.end)).toBe(unit.text);
    },
  );

  it('keeps the quoted (…) elision and the « pacte » quotation inside their sentences', () => {
    expect(units[4].text).toContain('« Le pacte (…) stipule, entre autres,');
    expect(units[8].text).toContain('a averti : « Dans ce contexte,');
  });

  it('gives the same units for fr-FR and with the generic rules (no language)', () => {
    expect(segment(seed, { language: 'fr-FR' })).toEqual(units);
    expect(segment(seed)).toEqual(units);
  });
});

function normalise(expected: ExpectedUnit[]): [UnitKind, string][] {
  return expected.map((unit) => (typeof unit === 'string' ? ['sentence', unit] : unit));
}

describe('segment: tricky cases', () => {
  it.each(segmentCases)('$name ($language)', ({ input, language, expected }) => {
    const units = segment(input, { language });
    expect(units.map((unit) => [unit.kind, unit.text])).toEqual(normalise(expected));
    expectExactOffsets(input, units);
  });
});

describe('segment: offsets', () => {
  it('counts UTF-16 code units past leading spaces, CRLF and emoji', () => {
    const text = '  Un 😀 ici.\r\n  Cafe\u0301 noir.  ';
    expect(segment(text, { language: 'fr' })).toEqual([
      { index: 0, start: 2, end: 12, kind: 'sentence', text: 'Un 😀 ici.' },
      { index: 1, start: 16, end: 27, kind: 'sentence', text: 'Cafe\u0301 noir.' },
    ]);
  });

  it('survives a malformed language tag', () => {
    expect(segment('Une phrase. Une autre.', { language: 'pas une langue!' })).toHaveLength(2);
  });
});

// Intl.Segmenter slows down with the length of what it is given, so long lines are fed to it in
// chunks: the result must not depend on where the chunks are cut.
describe('segment: long lines', () => {
  it('handles a very long line with many abbreviations quickly', () => {
    const text = 'M. Dupont et Mme Durand parlent. '.repeat(20_000);
    const started = performance.now();
    const units = segment(text, { language: 'fr' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(units).toHaveLength(20_000);
    expect(units.every((unit) => unit.text === 'M. Dupont et Mme Durand parlent.')).toBe(true);
    expectExactOffsets(text, units);
  });

  it('gives the same units for the seed paragraphs joined into one long line', () => {
    const paragraphs = seed.split('\n').filter((line) => /[.»/]$/.test(line));
    const perBlock = paragraphs.flatMap((line) => segment(line, { language: 'fr' }));
    const text = Array.from({ length: 12 }, () => paragraphs.join(' ')).join(' ');
    const units = segment(text, { language: 'fr' });
    expect(units.map((unit) => unit.text)).toEqual(
      Array.from({ length: 12 }, () => perBlock.map((unit) => unit.text)).flat(),
    );
    expectExactOffsets(text, units);
  });

  it.each([
    ['words without any period', 'mot '.repeat(3_000).trim()],
    ['one huge word', 'x'.repeat(7_001)],
    ['emoji without spaces', '😀'.repeat(3_001)],
  ])('keeps %s as one unit', (_name, text) => {
    const units = segment(text, { language: 'fr' });
    expect(units).toHaveLength(1);
    expect(units[0].text).toBe(text);
    expect(units[0].kind).toBe('sentence');
  });
});
