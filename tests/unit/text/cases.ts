// Table of tricky segmentation cases (French and English). Each expected unit is its exact text,
// or [kind, text] when it is not a plain sentence.
import type { UnitKind } from '@/lib/text';

export type ExpectedUnit = string | [UnitKind, string];

export interface SegmentCase {
  name: string;
  language: string;
  input: string;
  expected: ExpectedUnit[];
}

const NBSP = '\u00A0';
const NNBSP = '\u202F';

export const segmentCases: SegmentCase[] = [
  {
    name: 'French titles (M., Mme, MM., Mlle)',
    language: 'fr',
    input: 'M. Dupont, Mme Durand et MM. Martin sont arrivés. Mlle Petit aussi.',
    expected: ['M. Dupont, Mme Durand et MM. Martin sont arrivés.', 'Mlle Petit aussi.'],
  },
  {
    name: 'French titles Dr., Pr., Me, St.',
    language: 'fr',
    input: 'Le Dr. Martin, le Pr. Leroy et Me Bernard vivent à St. Malo. Ils sont repartis.',
    expected: [
      'Le Dr. Martin, le Pr. Leroy et Me Bernard vivent à St. Malo.',
      'Ils sont repartis.',
    ],
  },
  {
    name: 'single capital initials',
    language: 'fr',
    input: 'J. R. R. Tolkien est né en 1892. V. Poutine a répondu. J.-P. Sartre aussi.',
    expected: ['J. R. R. Tolkien est né en 1892.', 'V. Poutine a répondu.', 'J.-P. Sartre aussi.'],
  },
  {
    name: 'English titles (Mr., Mrs., Ms., Prof., Dr., Jr., St.)',
    language: 'en',
    input:
      'Mr. and Mrs. Smith met Ms. Lee and Prof. Brown. Dr. Jones Jr. Was late. St. Louis is far.',
    expected: [
      'Mr. and Mrs. Smith met Ms. Lee and Prof. Brown.',
      'Dr. Jones Jr. Was late.',
      'St. Louis is far.',
    ],
  },
  {
    name: 'English Latin abbreviations (vs., approx., e.g., i.e.)',
    language: 'en',
    input: 'It was Madrid vs. Barcelona. Approx. 80,000 fans, i.e. Half the city, e.g. Ana, came.',
    expected: [
      'It was Madrid vs. Barcelona.',
      'Approx. 80,000 fans, i.e. Half the city, e.g. Ana, came.',
    ],
  },
  {
    name: '"etc." ends a sentence before a capital, not before a lowercase word or a number',
    language: 'fr',
    input:
      'Des pommes, des poires, etc. Puis vient l’hiver. Des pommes, etc. et des poires, etc. 3 fois.',
    expected: [
      'Des pommes, des poires, etc.',
      'Puis vient l’hiver.',
      'Des pommes, etc. et des poires, etc. 3 fois.',
    ],
  },
  {
    name: 'French env., cf., p., art. (and "art" the word)',
    language: 'fr',
    input: 'Il y a env. 300 km, cf. Dupont, p. 12 et art. L. 121-1 du code. C’est de l’art. Voilà.',
    expected: [
      'Il y a env. 300 km, cf. Dupont, p. 12 et art. L. 121-1 du code.',
      'C’est de l’art.',
      'Voilà.',
    ],
  },
  {
    name: 'French month abbreviations go on before a year; "sept" the number ends',
    language: 'fr',
    input:
      'Signé le 3 janv. 2024, puis le 5 févr. Les délais courent. Ils étaient sept. Le 2 sept. 2023, tout change.',
    expected: [
      'Signé le 3 janv. 2024, puis le 5 févr.',
      'Les délais courent.',
      'Ils étaient sept.',
      'Le 2 sept. 2023, tout change.',
    ],
  },
  {
    name: 'English U.S., U.N., a.m., p.m., No.',
    language: 'en',
    input:
      'The U.S. and U.N. teams met at 9 a.m. on Monday at No. 10. They left at 5 p.m. The talks failed. No. Never.',
    expected: [
      'The U.S. and U.N. teams met at 9 a.m. on Monday at No. 10.',
      'They left at 5 p.m.',
      'The talks failed.',
      'No.',
      'Never.',
    ],
  },
  {
    name: 'decimals and large numbers',
    language: 'fr',
    input:
      'Le taux atteint 73.13 % contre 73.13% hier, soit 3,5 millions sur 1.000.000 et 10.5 points. Fin.',
    expected: [
      'Le taux atteint 73.13 % contre 73.13% hier, soit 3,5 millions sur 1.000.000 et 10.5 points.',
      'Fin.',
    ],
  },
  {
    name: 'a sentence may start with a number',
    language: 'fr',
    input: 'Le bilan est lourd. 20 personnes sont mortes. En 2019, rien.',
    expected: ['Le bilan est lourd.', '20 personnes sont mortes.', 'En 2019, rien.'],
  },
  {
    name: 'URLs',
    language: 'fr',
    input: 'Voir https://www.example.com/a.b?c=d. Ensuite, lisez www.example.org/Page.html. Fin.',
    expected: [
      'Voir https://www.example.com/a.b?c=d.',
      'Ensuite, lisez www.example.org/Page.html.',
      'Fin.',
    ],
  },
  {
    name: 'e-mail addresses',
    language: 'fr',
    input: 'Écrivez à jean.dupont@example.fr. Il répondra à Jean.Dupont@Example.com aussi.',
    expected: ['Écrivez à jean.dupont@example.fr.', 'Il répondra à Jean.Dupont@Example.com aussi.'],
  },
  {
    name: 'guillemets with no-break spaces stay with their sentence',
    language: 'fr',
    input: `Il a dit${NBSP}: «${NNBSP}Nous partons.${NNBSP}» Puis il est parti. Elle a crié «${NBSP}Non${NBSP}!${NBSP}» et s’en est allée.`,
    expected: [
      `Il a dit${NBSP}: «${NNBSP}Nous partons.${NNBSP}»`,
      'Puis il est parti.',
      `Elle a crié «${NBSP}Non${NBSP}!${NBSP}» et s’en est allée.`,
    ],
  },
  {
    name: 'closing brackets, quotes and stray punctuation (. », .), .", !», »/)',
    language: 'fr',
    input:
      'Il part (enfin.) Puis revient. Il a dit "oui." Puis non. Tiens !» Non. Corée. »/ Suite.',
    expected: [
      'Il part (enfin.)',
      'Puis revient.',
      'Il a dit "oui."',
      'Puis non.',
      'Tiens !»',
      'Non.',
      'Corée. »/',
      'Suite.',
    ],
  },
  {
    name: 'a quoted question followed by a lowercase incise is one sentence',
    language: 'fr',
    input: '« Vraiment ? » demanda-t-il. « Oui ! » répondit-elle.',
    expected: ['« Vraiment ? » demanda-t-il.', '« Oui ! » répondit-elle.'],
  },
  {
    name: '(…) inside a sentence and ellipses',
    language: 'fr',
    input:
      '« Le pacte (…) stipule une aide. » Il hésite… puis il signe. Le texte (...) Moscou le signe. Non… Oui.',
    expected: [
      '« Le pacte (…) stipule une aide. »',
      'Il hésite… puis il signe.',
      'Le texte (...) Moscou le signe.',
      'Non…',
      'Oui.',
    ],
  },
  {
    name: 'questions and exclamations',
    language: 'fr',
    input: 'Qui a signé ? Poutine ! Vraiment ?! Oui.',
    expected: ['Qui a signé ?', 'Poutine !', 'Vraiment ?!', 'Oui.'],
  },
  {
    name: 'English questions and exclamations',
    language: 'en',
    input: 'What happened? Nobody knows! Really?! Yes.',
    expected: ['What happened?', 'Nobody knows!', 'Really?!', 'Yes.'],
  },
  {
    name: 'a line break always ends a unit',
    language: 'fr',
    input: 'Un titre\nUne phrase. Et une autre\nsuite coupée par un retour',
    expected: [
      ['heading', 'Un titre'],
      'Une phrase.',
      'Et une autre',
      'suite coupée par un retour',
    ],
  },
  {
    name: 'headings: short whole lines without final punctuation',
    language: 'fr',
    input:
      'Besoin urgent de munitions du côté russe\nWhy the war matters\nLe pacte : ce qu’il contient\nUne question ?\nUne citation « choc »',
    expected: [
      ['heading', 'Besoin urgent de munitions du côté russe'],
      ['heading', 'Why the war matters'],
      ['heading', 'Le pacte : ce qu’il contient'],
      'Une question ?',
      'Une citation « choc »',
    ],
  },
  {
    name: 'numbered list markers stay with their item',
    language: 'fr',
    input: '1. Premier point\n2. Second point. Il est 10 h. 3 blessés.\nIV. Conclusion',
    expected: [
      ['heading', '1. Premier point'],
      '2. Second point.',
      'Il est 10 h.',
      '3 blessés.',
      ['heading', 'IV. Conclusion'],
    ],
  },
  {
    name: 'a long line without a period is a sentence, not a heading',
    language: 'fr',
    input: `Le président ${'a longuement parlé de la guerre '.repeat(5)}sans conclure`,
    expected: [`Le président ${'a longuement parlé de la guerre '.repeat(5)}sans conclure`],
  },
  {
    name: 'French paywall notices',
    language: 'fr',
    input:
      'Cet article est réservé aux abonnés.\nAbonnez-vous pour lire la suite\nArticle réservé aux abonnés\nIl vous reste 85 % de cet article à lire.\nPour lire la suite de cet article, abonnez-vous.',
    expected: [
      ['paywall', 'Cet article est réservé aux abonnés.'],
      ['paywall', 'Abonnez-vous pour lire la suite'],
      ['paywall', 'Article réservé aux abonnés'],
      ['paywall', 'Il vous reste 85 % de cet article à lire.'],
      ['paywall', 'Pour lire la suite de cet article, abonnez-vous.'],
    ],
  },
  {
    name: 'English paywall notices',
    language: 'en',
    input:
      'This article is for subscribers only.\nSubscribe to continue reading\nYou have 62% of this article left to read. The rest is for subscribers only.\nThe rest of this article is reserved for subscribers.',
    expected: [
      ['paywall', 'This article is for subscribers only.'],
      ['paywall', 'Subscribe to continue reading'],
      ['paywall', 'You have 62% of this article left to read.'],
      ['paywall', 'The rest is for subscribers only.'],
      ['paywall', 'The rest of this article is reserved for subscribers.'],
    ],
  },
  {
    name: 'units continuing a paywall notice are paywall; a quoted notice is not',
    language: 'fr',
    input:
      'Le site affiche « Article réservé aux abonnés » partout.\nFin de l’extrait. Il reste 80 % de cet article à lire. Déjà abonné ?\nConnectez-vous.\nLire aussi : la guerre en Ukraine',
    expected: [
      'Le site affiche « Article réservé aux abonnés » partout.',
      'Fin de l’extrait.',
      ['paywall', 'Il reste 80 % de cet article à lire.'],
      ['paywall', 'Déjà abonné ?'],
      ['paywall', 'Connectez-vous.'],
      ['heading', 'Lire aussi : la guerre en Ukraine'],
    ],
  },
  { name: 'empty input', language: 'fr', input: '', expected: [] },
  { name: 'whitespace-only input', language: 'en', input: '   \n\t\r\n \u00A0 ', expected: [] },
  {
    name: 'CRLF and CR line endings',
    language: 'fr',
    input: 'Titre\r\nUne phrase. Une autre.\r\n\r\nDernière.\rFin.\r\n',
    expected: [['heading', 'Titre'], 'Une phrase.', 'Une autre.', 'Dernière.', 'Fin.'],
  },
  {
    name: 'leading and trailing spaces',
    language: 'fr',
    input: '   Une phrase.   Une autre.   \n\t  Encore une.  ',
    expected: ['Une phrase.', 'Une autre.', 'Encore une.'],
  },
  {
    name: 'emoji and combining accents',
    language: 'fr',
    input: 'Le 🇫🇷 drapeau 😀 flotte. Cafe\u0301 noir ! Ensuite 👍🏽.',
    expected: ['Le 🇫🇷 drapeau 😀 flotte.', 'Cafe\u0301 noir !', 'Ensuite 👍🏽.'],
  },
  {
    name: 'a period without a following space is not a break',
    language: 'fr',
    input: 'Note 1.Puis la suite. Fin.',
    expected: ['Note 1.Puis la suite.', 'Fin.'],
  },
  {
    name: 'other languages use the generic rules',
    language: 'de',
    input: 'Dr. Müller kommt um 9 Uhr. Er geht bald.',
    expected: ['Dr. Müller kommt um 9 Uhr.', 'Er geht bald.'],
  },
];
