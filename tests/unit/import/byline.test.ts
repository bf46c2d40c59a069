import { describe, expect, it } from 'vitest';
import { liftByline, parseByline, parseDateline } from '@/lib/import/byline';
import { calendarDate, monthNumber, parseWrittenDate } from '@/lib/import/dates';

describe('parseWrittenDate: French and English dates', () => {
  const cases: [string, string | null][] = [
    ['14 mars 2025', '2025-03-14'],
    ['1er janvier 2024', '2024-01-01'],
    ['vendredi 14 mars 2025', '2025-03-14'],
    ['14 Mars 2025', '2025-03-14'],
    ['3 sept. 2024', '2024-09-03'],
    ['3 févr. 2024', '2024-02-03'],
    ['3 fevrier 2024', '2024-02-03'],
    ['15 août 2024 à 10 h 30', '2024-08-15'],
    ['15 aout 2024 à 10h30', '2024-08-15'],
    ['14\u00a0mars\u00a02025 à 10\u202fh\u202f30', '2025-03-14'],
    ['March 14, 2025', '2025-03-14'],
    ['Friday, March 14, 2025', '2025-03-14'],
    ['Sept. 3, 2024', '2024-09-03'],
    ['14 March 2025', '2025-03-14'],
    ['March 14th, 2025', '2025-03-14'],
    ['March 14, 2025 at 10:30 a.m. ET', '2025-03-14'],
    ['March 14, 2025 10:30 AM EDT', '2025-03-14'],
    ['2025-03-14', '2025-03-14'],
    ['2025-03-14T23:30:00-05:00', '2025-03-14'],
    ['14/03/2025', '2025-03-14'],
    ['14.03.25', '2025-03-14'],
    // Day first in French; a day above 12 settles it either way.
    ['03/04/2025', '2025-04-03'],
    ['03/14/2025', '2025-03-14'],
    // Not dates, or not real days.
    ['mars 2025', null],
    ['14 mars', null],
    ['31 avril 2025', null],
    ['31/04/2025', null],
    ['29 février 2023', null],
    ['14 mars 1850', null],
    ['14 mars 2025 et la suite', null],
    ['ju 14 2025', null],
    ['14 lundi 2025', null],
    ['', null],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(parseWrittenDate(text)).toBe(expected);
  });

  it('reads « 03/04/2025 » month first in English', () => {
    expect(parseWrittenDate('03/04/2025', 'en')).toBe('2025-03-04');
  });

  it('takes month names from Intl, abbreviations only when unambiguous', () => {
    expect(monthNumber('juillet')).toBe(7);
    expect(monthNumber('juil.')).toBe(7);
    expect(monthNumber('Jun')).toBe(6);
    expect(monthNumber('jui')).toBeNull(); // juin or juillet
    expect(monthNumber('ma')).toBeNull();
    expect(calendarDate(2024, 2, 29)).toBe('2024-02-29');
    expect(calendarDate(2025, 2, 29)).toBeNull();
  });
});

describe('parseDateline', () => {
  const cases: [string, ReturnType<typeof parseDateline>][] = [
    ['Publié le 14 mars 2025 à 10 h 30', { publishedAt: '2025-03-14', updatedAt: null }],
    ['Publié le 14 mars 2025', { publishedAt: '2025-03-14', updatedAt: null }],
    ['Mis en ligne le 1er mars 2025 à 8h', { publishedAt: '2025-03-01', updatedAt: null }],
    [
      'Publié le 14/03/2025 à 10h30, mis à jour le 15/03/2025 à 08h00',
      { publishedAt: '2025-03-14', updatedAt: '2025-03-15' },
    ],
    [
      'Publié le 14 mars 2025 à 10 h 30 - Mis à jour le 15 mars 2025 à 8 h 02',
      { publishedAt: '2025-03-14', updatedAt: '2025-03-15' },
    ],
    ['Mis à jour le 15 mars 2025', { publishedAt: null, updatedAt: '2025-03-15' }],
    ['Le 14 mars 2025', { publishedAt: '2025-03-14', updatedAt: null }],
    ['vendredi 14 mars 2025', { publishedAt: '2025-03-14', updatedAt: null }],
    ['Published March 14, 2025', { publishedAt: '2025-03-14', updatedAt: null }],
    [
      'Published: March 14, 2025 at 10:30 a.m. ET | Updated: March 15, 2025',
      { publishedAt: '2025-03-14', updatedAt: '2025-03-15' },
    ],
    ['Updated 03/04/2025', { publishedAt: null, updatedAt: '2025-03-04' }],
    ['March 14, 2025', { publishedAt: '2025-03-14', updatedAt: null }],
    // Anything else on the line: not a dateline.
    ['Publié le 14 mars 2025 dans Le Monde', null],
    ['Le 14 mars 2025, le gouvernement a annoncé une réforme.', null],
    ['Paris, le 14 mars 2025', null],
    ['Publié', null],
    ['Mis à jour', null],
  ];
  it.each(cases)('%s', (line, expected) => {
    expect(parseDateline(line)).toEqual(expected);
  });
});

describe('parseByline', () => {
  const cases: [string, ReturnType<typeof parseByline>][] = [
    ['Par Jean Dupont', { author: 'Jean Dupont', publishedAt: null }],
    ['Par Jean Dupont — 14 mars 2025', { author: 'Jean Dupont', publishedAt: '2025-03-14' }],
    ['By Jane Doe — March 14, 2025', { author: 'Jane Doe', publishedAt: '2025-03-14' }],
    ['By Jane Doe, March 14, 2025', { author: 'Jane Doe', publishedAt: '2025-03-14' }],
    [
      'Par Jean Dupont | Publié le 14 mars 2025 à 10 h 30',
      { author: 'Jean Dupont', publishedAt: '2025-03-14' },
    ],
    [
      'By Jane Doe, Reuters | Published March 14, 2025 at 10:30 a.m. ET',
      { author: 'Jane Doe, Reuters', publishedAt: '2025-03-14' },
    ],
    [
      'Par Claire Martin et Julien Roussel',
      { author: 'Claire Martin et Julien Roussel', publishedAt: null },
    ],
    [
      'Par Jean Dupont, envoyé spécial à Kiev',
      { author: 'Jean Dupont, envoyé spécial à Kiev', publishedAt: null },
    ],
    [
      'Par Jean Dupont, envoyé spécial, le 14 mars 2025',
      { author: 'Jean Dupont, envoyé spécial', publishedAt: '2025-03-14' },
    ],
    ['Par Ursula von der Leyen', { author: 'Ursula von der Leyen', publishedAt: null }],
    ['Par Jean-Marie d’Artagnan', { author: 'Jean-Marie d’Artagnan', publishedAt: null }],
    ['Par J.-M. Dupont (AFP)', { author: 'J.-M. Dupont (AFP)', publishedAt: null }],
    ['Par AFP', { author: 'AFP', publishedAt: null }],
    ['PAR JEAN DUPONT', { author: 'JEAN DUPONT', publishedAt: null }],
    ['By Jane Doe.', { author: 'Jane Doe', publishedAt: null }],
    ['Propos recueillis par Marie Curie', { author: 'Marie Curie', publishedAt: null }],
    [
      'Publié le 14 mars 2025 par Jean Dupont',
      { author: 'Jean Dupont', publishedAt: '2025-03-14' },
    ],
    // Sentences and headlines that start like a byline stay text.
    ['Par ailleurs, le gouvernement a annoncé une réforme', null],
    ['Par Emmanuel Macron a été élu.', null],
    ['Par 120 voix contre 80, les députés ont adopté le texte', null],
    ['By Monday, the council will vote', null],
    ['By 2030, Europe will need more engineers', null],
    ['By the numbers', null],
    ['Par-delà les frontières', null],
    ['Jean Dupont — 14 mars 2025', null],
    ['Par Jean Dupont — 31 février 2025', null],
  ];
  it.each(cases)('%s', (line, expected) => {
    expect(parseByline(line)).toEqual(expected);
  });
});

describe('liftByline: the top of an article', () => {
  const cases: [string, string[], ReturnType<typeof liftByline>][] = [
    [
      'a byline with a date, after the headline',
      ['Le pacte', 'Par Jean Dupont — 14 mars 2025', 'Le traité a été signé.'],
      {
        author: 'Jean Dupont',
        publishedAt: '2025-03-14',
        lines: ['Le pacte', 'Le traité a été signé.'],
      },
    ],
    [
      'a byline then a dateline, on two lines',
      ['Par Jean Dupont', 'Publié le 14 mars 2025 à 10 h 30', 'Le traité a été signé.'],
      { author: 'Jean Dupont', publishedAt: '2025-03-14', lines: ['Le traité a été signé.'] },
    ],
    [
      'an update line goes, its date is not the publication date',
      ['Mis à jour le 15 mars 2025', 'The treaty was signed.'],
      { author: null, publishedAt: null, lines: ['The treaty was signed.'] },
    ],
    [
      'the first date wins',
      ['By Jane Doe', 'March 14, 2025', 'March 20, 2025', 'The treaty was signed.'],
      { author: 'Jane Doe', publishedAt: '2025-03-14', lines: ['The treaty was signed.'] },
    ],
    [
      'nothing after the first paragraph is touched',
      ['Le traité a été signé. '.repeat(12).trim(), 'Par Jean Dupont', '14 mars 2025'],
      {
        author: null,
        publishedAt: null,
        lines: ['Le traité a été signé. '.repeat(12).trim(), 'Par Jean Dupont', '14 mars 2025'],
      },
    ],
    [
      'only the first lines are looked at',
      ['Un', 'Deux', 'Trois', 'Quatre', 'Cinq', 'Six', 'Par Jean Dupont'],
      {
        author: null,
        publishedAt: null,
        lines: ['Un', 'Deux', 'Trois', 'Quatre', 'Cinq', 'Six', 'Par Jean Dupont'],
      },
    ],
    [
      'a text that is only a byline is left whole',
      ['Par Jean Dupont'],
      { author: null, publishedAt: null, lines: ['Par Jean Dupont'] },
    ],
    [
      'no byline: unchanged',
      ['Le pacte', 'Le traité a été signé le 14 mars 2025.'],
      {
        author: null,
        publishedAt: null,
        lines: ['Le pacte', 'Le traité a été signé le 14 mars 2025.'],
      },
    ],
  ];
  it.each(cases)('%s', (_, lines, expected) => {
    expect(liftByline(lines)).toEqual(expected);
  });
});
