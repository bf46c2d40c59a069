import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultTitle, isPartial, segment } from '@/lib/text';

const seedPath = fileURLToPath(new URL('../../../prisma/seed/seed-fr.txt', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');

const fr = (text: string) => segment(text, { language: 'fr' });

describe('defaultTitle', () => {
  it('shortens the seed’s first sentence on a word boundary', () => {
    const title = defaultTitle(fr(seed));
    expect(title).toBe(
      'Née des circonstances pressantes de la guerre ukrainienne, une alliance étonnante s’est…',
    );
    expect(title.length).toBeLessThanOrEqual(90);
  });

  it('keeps a short first sentence whole', () => {
    expect(defaultTitle(fr('Le pacte est signé. Il entre en vigueur.'))).toBe(
      'Le pacte est signé.',
    );
  });

  it('uses a heading at the very top whole, as the headline', () => {
    expect(defaultTitle(fr('Besoin urgent de munitions\nVladimir Poutine a signé.'))).toBe(
      'Besoin urgent de munitions',
    );
  });

  it('prefers the first sentence over a heading further down', () => {
    const units = fr('Une phrase d’abord.\nUn intertitre\nUne autre phrase.');
    expect(defaultTitle(units)).toBe('Une phrase d’abord.');
  });

  it('falls back to a paywall notice when nothing else exists, and to "" for no units', () => {
    expect(defaultTitle(fr('Article réservé aux abonnés.'))).toBe('Article réservé aux abonnés.');
    expect(defaultTitle([])).toBe('');
  });

  it.each([
    // [sentence, maxLength, expected]
    ['Un deux trois quatre cinq.', 26, 'Un deux trois quatre cinq.'],
    ['Un deux trois quatre cinq.', 25, 'Un deux trois quatre…'],
    ['Un deux trois quatre cinq.', 21, 'Un deux trois quatre…'],
    ['Un deux trois quatre cinq.', 20, 'Un deux trois…'],
    ['Un, deux : trois quatre.', 12, 'Un, deux…'],
    ['Un, deux : trois quatre.', 11, 'Un, deux…'],
    ['Il dit « non » puis part.', 16, 'Il dit « non »…'],
    ['Anticonstitutionnellement dit.', 10, 'Anticonst…'],
  ])('shortens %j to %i characters → %j', (sentence, maxLength, expected) => {
    const title = defaultTitle(fr(sentence), maxLength);
    expect(title).toBe(expected);
    expect(title.length).toBeLessThanOrEqual(maxLength);
  });

  it('never leaves punctuation or a space before the ellipsis', () => {
    const title = defaultTitle(fr('Alors, selon lui — et il insiste — tout va bien.'), 21);
    expect(title).toBe('Alors, selon lui…');
  });

  it('does not split an emoji when it must cut inside a word', () => {
    expect(defaultTitle(fr('😀😀😀😀😀😀 fin.'), 6)).toBe('😀😀…');
  });
});

describe('isPartial', () => {
  it('is true for the seed, which ends with a paywall notice', () => {
    expect(isPartial(fr(seed))).toBe(true);
  });

  it('is true for an English notice', () => {
    expect(
      isPartial(segment('It starts.\nSubscribe to continue reading', { language: 'en' })),
    ).toBe(true);
  });

  it('is false for a complete article and for no units', () => {
    expect(isPartial(fr('Une phrase.\nUn titre\nUne autre phrase.'))).toBe(false);
    expect(isPartial([])).toBe(false);
  });
});
