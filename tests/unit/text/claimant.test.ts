// The claimant suggested for a verdict (issue 15, point 3): the person or organisation a
// sentence attributes its claim to, from the same attribution cues as the triage.
import { describe, expect, it } from 'vitest';
import { suggestClaimant } from '@/lib/text/claimant';

const FRENCH: [string, string | null][] = [
  ['Selon Vladimir Poutine, l’alliance durera.', 'Vladimir Poutine'],
  ['Vladimir Poutine a déclaré que l’alliance durerait.', 'Vladimir Poutine'],
  ['« Nous gagnerons », a affirmé le porte-parole Dmitri Peskov.', 'Dmitri Peskov'],
  ['D’après Ursula von der Leyen, les sanctions fonctionnent.', 'Ursula von der Leyen'],
  ['Le Kremlin a démenti toute livraison d’armes.', 'Kremlin'],
  ['Kim Jong-un affirme que le pacte est historique.', 'Kim Jong-un'],
  [
    'Selon le ministre russe des Affaires étrangères Sergueï Lavrov, rien ne change.',
    'Sergueï Lavrov',
  ],
  ['Emmanuel Macron a notamment souligné l’importance du traité.', 'Emmanuel Macron'],
  ['« C’est faux », déclare-t-il.', null],
  ['L’alliance entre la Russie et la Corée du Nord inquiète.', null],
  ['Cité par l’agence TASS, le diplomate a démenti.', 'TASS'],
  ['La production a atteint 5 millions d’obus en 2024.', null],
];

const ENGLISH: [string, string | null][] = [
  ['According to Vladimir Putin, the alliance will last.', 'Vladimir Putin'],
  ['Joe Biden said the sanctions were working.', 'Joe Biden'],
  ['“We will win,” said Kremlin spokesman Dmitry Peskov.', 'Dmitry Peskov'],
  ['The Pentagon claimed the shipments had stopped.', 'Pentagon'],
  ['He said the figures were wrong.', null],
  ['Unemployment fell to 5 percent in 2023.', null],
  ['The figures, quoted by Reuters, are disputed.', 'Reuters'],
  ['Kim Jong Un told state media the pact was historic.', 'Kim Jong Un'],
  ['In a statement, the ministry declared victory.', null],
  ['Ursula von der Leyen warned that the deal was fragile.', 'Ursula von der Leyen'],
];

describe('suggestClaimant', () => {
  it.each(FRENCH)('fr: %s → %s', (text, expected) => {
    expect(suggestClaimant(text, 'fr')).toBe(expected);
  });
  it.each(ENGLISH)('en: %s → %s', (text, expected) => {
    expect(suggestClaimant(text, 'en')).toBe(expected);
  });
});
