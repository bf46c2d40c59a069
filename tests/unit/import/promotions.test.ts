import { describe, expect, it } from 'vitest';
import { dropPromotions, isPromotional, PROMOTION_MAX_LENGTH } from '@/lib/import/promotions';

describe('isPromotional: one paragraph', () => {
  const promotional = [
    'Sponsored: Try FooVPN today. Click here!',
    'Sponsored',
    'SPONSORISÉ',
    'Sponsorisé par Renault',
    '[Sponsored] The best VPNs of 2025',
    'Contenu sponsorisé : les meilleures mutuelles de l’année',
    'Contenu partenaire — Découvrez la nouvelle gamme',
    'Publicité',
    'PUBLICITÉ',
    'Advertisement',
    'Ad',
    'Publicité : -30 % avec le code promo ÉTÉ, cliquez ici',
    'Publicité — Essai gratuit de 30 jours',
    'Click here to claim your prize',
    'Cliquez ici pour en savoir plus',
    'Découvrez notre offre d’été. Cliquez ici !',
    'Inscrivez-vous à notre newsletter',
    '📩 Inscrivez-vous gratuitement à notre newsletter quotidienne',
    'Abonnez-vous à notre newsletter Politique',
    'Recevez notre newsletter chaque matin',
    'Subscribe to our newsletter',
    'Sign up for our daily newsletter',
    'Abonnez-vous',
    'Abonnez-vous !',
    'S’inscrire',
    'Newsletter',
    'Abonnez-vous à notre chaîne YouTube',
    'Suivez-nous sur Instagram',
    'En savoir plus',
  ];
  it.each(promotional)('drops %s', (line) => {
    expect(isPromotional(line)).toBe(true);
  });

  const news = [
    // Mentions, not markers.
    'La publicité en ligne a rapporté 9 milliards d’euros en 2024.',
    'Publicité : le Parlement encadre la publicité en ligne',
    'Publicité mensongère : le tribunal condamne le fabricant',
    'Publicitaires et annonceurs se sont réunis mardi à Cannes.',
    'Sponsoring : le club signe avec un nouveau partenaire',
    'Advertisements are everywhere in the new stadium.',
    'Promoted to captain, Smith led the team to victory.',
    'L’annonce a surpris les marchés.',
    // Quoted or reported calls to action.
    '« Cliquez ici », disait le courriel frauduleux envoyé à 2 000 clients.',
    'Le message disait : cliquez ici !',
    'Des millions d’internautes ont cliqué ici et là sur des liens piégés.',
    // Paywall notices are kept (segmentation marks them, and the article partial).
    'Abonnez-vous pour lire la suite',
    'Il reste 80 % de cet article à lire.',
    // Long paragraphs are never promotions.
    `Sponsored: ${'x '.repeat(PROMOTION_MAX_LENGTH)}`,
  ];
  it.each(news)('keeps %s', (line) => {
    expect(isPromotional(line)).toBe(false);
  });
});

describe('dropPromotions: boxes and notices', () => {
  const cases: [string, string[], string[]][] = [
    [
      'an in-article ad between two paragraphs',
      [
        'Le traité a été signé.',
        'Sponsored: Try FooVPN today. Click here!',
        'Il entre en vigueur.',
      ],
      ['Le traité a été signé.', 'Il entre en vigueur.'],
    ],
    [
      'a newsletter box: label, text, button',
      [
        'Le traité a été signé.',
        'Newsletter',
        'Recevez chaque matin l’essentiel de l’actualité.',
        'S’inscrire',
        'Il entre en vigueur.',
      ],
      ['Le traité a été signé.', 'Il entre en vigueur.'],
    ],
    [
      'an ad under its label, calling to action',
      ['Publicité', 'La nouvelle R5 en essai gratuit, cliquez ici pour réserver', 'Suite.'],
      ['Suite.'],
    ],
    [
      'a label followed by news stays news',
      ['Publicité', 'Le marché publicitaire a reculé de 5 % en 2024.', 'Suite.'],
      ['Le marché publicitaire a reculé de 5 % en 2024.', 'Suite.'],
    ],
    [
      'what continues a paywall notice is kept',
      ['Le traité a été signé.', 'Il reste 80 % de cet article à lire.', 'Abonnez-vous'],
      ['Le traité a été signé.', 'Il reste 80 % de cet article à lire.', 'Abonnez-vous'],
    ],
    [
      'a notice continued over several lines keeps all of them',
      [
        'Il reste 80 % de cet article à lire.',
        'Déjà abonné ? Connectez-vous.',
        'Abonnez-vous',
        'Publicité',
      ],
      ['Il reste 80 % de cet article à lire.', 'Déjà abonné ? Connectez-vous.', 'Abonnez-vous'],
    ],
    ['a text that is only an ad is left whole', ['Publicité'], ['Publicité']],
  ];
  it.each(cases)('%s', (_, lines, expected) => {
    expect(dropPromotions(lines)).toEqual(expected);
  });
});

describe('dropPromotions: long articles', () => {
  it('walks a long run of notice-like lines without recursion, in bounded time', () => {
    const long = `Les abonnés ${'paient leur abonnement '.repeat(20)}`;
    const lines = [...Array.from({ length: 50_000 }, () => long), 'Abonnez-vous'];
    const started = performance.now();
    expect(dropPromotions(lines)).toHaveLength(50_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
