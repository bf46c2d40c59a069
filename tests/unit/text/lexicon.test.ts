// The one lexicon seen through its readers: every tens word is a figure for triage, every month
// abbreviation keeps a date in one sentence, and the lists hold no duplicates.
import { describe, expect, it } from 'vitest';
import { segment, triageUnit } from '@/lib/text';
import { MONTHS, NUMBER_WORDS, quantityWords, type LexiconLanguage } from '@/lib/text/lexicon';

const LANGUAGES: LexiconLanguage[] = ['fr', 'en'];

describe('lexicon', () => {
  it.each(LANGUAGES)('%s: no word listed twice', (language) => {
    const words = quantityWords(language);
    expect(new Set(words).size).toBe(words.length);
    const months = [...MONTHS[language].names, ...MONTHS[language].abbreviations];
    expect(new Set(months).size).toBe(months.length);
  });

  it.each([
    ...NUMBER_WORDS.fr.tens.map((word) => ({
      language: 'fr',
      text: `Il y avait ${word} manifestants.`,
    })),
    ...NUMBER_WORDS.en.tens.map((word) => ({
      language: 'en',
      text: `There were ${word} protesters.`,
    })),
  ])('triage reads « $text » as a figure', ({ language, text }) => {
    expect(triageUnit({ kind: 'sentence', text }, language).reasons).toContain('figure');
  });

  it.each([
    ...MONTHS.fr.abbreviations.map((abbr) => ({
      language: 'fr',
      text: `La réunion du 3 ${abbr}. 2024 a été reportée.`,
    })),
    ...MONTHS.en.abbreviations.map((abbr) => ({
      language: 'en',
      text: `The meeting of ${abbr}. 3 was postponed.`,
    })),
  ])('« $text » stays one sentence and is a date', ({ language, text }) => {
    const units = segment(text, { language });
    expect(units.map((unit) => unit.text)).toEqual([text]);
    expect(triageUnit(units[0], language).reasons).toContain('date');
  });
});
