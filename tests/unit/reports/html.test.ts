// The standalone HTML report, parsed with linkedom so the assertions are about the document a
// browser would build (elements, attributes, text), not about how the string happens to look.
// The fixture is hostile on purpose: every user field carries markup, quotes or a javascript: URL.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  RATINGS,
  RATING_COLORS,
  ratingLabel,
  toHtmlReport,
  type HtmlOptions,
  type Rating,
  type ReportClaim,
  type ReportData,
} from '@/lib/reports';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
// U+2028 ends a line in older JavaScript parsers: harmless in HTML, fatal in an inline script.
const HOSTILE = `${SCRIPT} ${BREAKOUT} \u2028 '\``;

function fixture(): ReportData {
  return {
    article: {
      id: 'art_1',
      title: 'Le « pacte » de l’OTAN',
      language: 'fr',
      sourceUrl: 'https://news.example.fr/monde/pacte',
      publisher: 'Le Quotidien',
      partial: true,
      sentenceCount: 12,
      author: 'Camille Martin',
      publishedAt: '2025-02-28',
      version: 2,
    },
    organization: 'Cellule vérif’',
    factCheckUrl: 'https://factdesk.example.org/articles/art_1',
    generatedAt: '2025-03-04T09:30:00.000Z',
    agreement: { alpha: 0.7412, percentAgreement: 0.78, ratedSentences: 11, disputed: ['sen_1'] },
    recheck: ['sen_5'],
    revisions: [
      { version: 1, at: '2025-03-01T10:00:00.000Z', by: 'Léa', note: null },
      {
        version: 2,
        at: '2025-03-03T15:45:00.000Z',
        by: null,
        note: 'Chiffre corrigé.\nSource ajoutée.',
      },
    ],
    claims: [
      {
        sentenceId: 'sen_1',
        index: 0,
        text: 'Le chômage a baissé de 3 % en un an.',
        rating: 'mostly_true',
        rationale: 'Baisse de 2,8 % selon l’Insee.\nPas 3 %.\n\nDeuxième paragraphe.',
        reviewer: { name: 'Marie Curie' },
        reviewedAt: '2025-03-02T16:00:00.000Z',
        approver: { name: 'Jean Dupont' },
        approvedAt: '2025-03-03T10:30:00.000Z',
        resolution: false,
        sources: [
          {
            url: 'https://archives.example.org/rapports/chômage (final).pdf',
            title: 'Taux de chômage T4 2024',
            publisher: 'Insee',
            publishedAt: '2025-02-14',
            excerpt: 'Le taux de chômage est de 7,3 %.',
          },
          {
            url: 'https://example.org/sans-titre',
            title: null,
            publisher: null,
            publishedAt: null,
            excerpt: null,
          },
        ],
      },
      {
        sentenceId: 'sen_5',
        index: 4,
        text: 'Les importations ont doublé.',
        rating: 'false',
        rationale: 'Elles ont augmenté de 12 %.',
        reviewer: { name: 'Paul' },
        reviewedAt: '2025-03-04T08:00:00.000Z',
        approver: null,
        approvedAt: '2025-03-04T08:30:00.000Z',
        resolution: false,
        sources: [
          {
            url: 'javascript:alert(document.cookie)',
            title: 'Lien piégé',
            publisher: null,
            publishedAt: null,
            excerpt: null,
          },
        ],
      },
      {
        sentenceId: 'sen_8',
        index: 7,
        text: 'Le déficit a triplé.',
        rating: 'false',
        rationale: 'Faux.',
        reviewer: { name: 'Léa' },
        reviewedAt: '2025-03-04T08:05:00.000Z',
        approver: { name: 'Léa' },
        approvedAt: '2025-03-04T08:05:00.000Z',
        resolution: true,
        sources: [],
      },
    ],
  };
}

function parse(data: ReportData, options?: HtmlOptions) {
  const html = toHtmlReport(data, options);
  return { html, document: parseHTML(html).document };
}

const all = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)];
const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Structural safety every document must have, whatever its data. */
function expectInert(document: Document, html: string) {
  expect(all(document, 'script, img, iframe, object, embed, base, link, form')).toEqual([]);
  expect(html).not.toMatch(/<script/i);
  for (const element of all(document, '*')) {
    for (const name of element.getAttributeNames()) expect(name).not.toMatch(/^on/i);
  }
  for (const anchor of all(document, '[href]')) {
    expect(anchor.tagName.toLowerCase()).toBe('a');
    expect(anchor.getAttribute('href')).toMatch(/^https?:\/\//);
  }
  expect(all(document, '[src], [srcdoc], [formaction], [style]')).toEqual([]);
  expect(all(document, 'meta[http-equiv]')).toEqual([]);
}

describe('toHtmlReport', () => {
  const { html, document } = parse(fixture());

  it('is a complete standalone HTML5 document', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(document.documentElement.getAttribute('lang')).toBe('fr');
    // Where a browser's encoding prescan finds it (attribute names are case-insensitive).
    expect(html.slice(0, 1024)).toMatch(/<head><meta charset="utf-8"\/?>/i);
    expect(text(document.querySelector('head > title'))).toBe(
      'Rapport de vérification : Le « pacte » de l’OTAN',
    );
    const styles = all(document, 'style');
    expect(styles).toHaveLength(1);
    const css = styles[0].textContent ?? '';
    expect(css).toContain('@page');
    expect(css).toMatch(/\.claim \{[^}]*break-inside: avoid/);
    expect(css).toMatch(/font-family: Georgia[^;]*serif/);
    // Nothing fetched from elsewhere: no @import, no url(), no web font.
    expect(css).not.toMatch(/@import|url\(|@font-face/);
    expectInert(document, html);
  });

  it('shows the article metadata in the header', () => {
    const terms = all(document, 'header dl.meta dt').map(text);
    const values = all(document, 'header dl.meta dd').map(text);
    expect(Object.fromEntries(terms.map((term, i) => [term, values[i]]))).toEqual({
      Éditeur: 'Le Quotidien',
      Auteur: 'Camille Martin',
      'Date de publication': '28 février 2025',
      'Article original': 'https://news.example.fr/monde/pacte',
      Version: '2',
      Équipe: 'Cellule vérif’',
      'Rapport généré le': '4 mars 2025',
    });
    const original = document.querySelector('header dl.meta a');
    expect(original?.getAttribute('href')).toBe('https://news.example.fr/monde/pacte');
    expect(text(document.querySelector('h1'))).toBe('Le « pacte » de l’OTAN');
    expect(document.querySelector('h1')?.getAttribute('lang')).toBe('fr');
    expect(text(document.querySelector('header .notice'))).toMatch(/^Article partiel \(paywall\)/);
  });

  it('omits unknown metadata and the partial note', () => {
    const data = fixture();
    data.article = {
      ...data.article,
      partial: false,
      author: null,
      publishedAt: null,
      version: undefined,
      publisher: '  ',
      sourceUrl: null,
    };
    const { document: doc } = parse(data);
    expect(all(doc, 'header dl.meta dt').map(text)).toEqual(['Équipe', 'Rapport généré le']);
    expect(doc.querySelector('header .notice')).toBeNull();
  });

  it('explains the methodology and the six-point scale', () => {
    const section = document.querySelector('#methodology');
    expect(text(section?.querySelector('h2'))).toBe('Méthodologie');
    expect(text(section)).toMatch(/second membre de l’équipe le relit et l’approuve/);
    expect(text(section)).toMatch(/responsable d’édition tranche/);
    expect(text(section)).toMatch(
      /sauf mention contraire sous le verdict, cette personne n’avait pas noté la phrase/,
    );
    expect(text(section)).toMatch(/« partiel »/);
    const items = all(section!, 'ul.scale li');
    expect(items.map((item) => text(item.querySelector('strong')))).toEqual(
      RATINGS.map((rating) => ratingLabel(rating, 'fr')),
    );
    expect(items.map((item) => item.getAttribute('class'))).toEqual(
      RATINGS.map((rating) => `r-${rating}`),
    );
    for (const item of items) expect(text(item).length).toBeGreaterThan(30);
  });

  describe('summary chart', () => {
    it.each<[string, Rating[], [Rating, number][]]>([
      [
        'the fixture',
        [],
        [
          ['mostly_true', 1],
          ['false', 2],
        ],
      ],
      ['one rating', ['true'], [['true', 1]]],
      [
        'every rating',
        ['true', 'true', 'mostly_true', 'misleading', 'false', 'unverifiable', 'not_a_claim'],
        [
          ['true', 2],
          ['mostly_true', 1],
          ['misleading', 1],
          ['false', 1],
          ['unverifiable', 1],
          ['not_a_claim', 1],
        ],
      ],
    ])('has one bar per rating present for %s', (_name, ratings, expected) => {
      const data = fixture();
      if (ratings.length > 0) {
        data.claims = ratings.map((rating, i) => ({ ...data.claims[0], rating, index: i }));
      }
      const { document: doc } = parse(data);
      const svg = doc.querySelector('#summary svg');
      expect(svg?.getAttribute('role')).toBe('img');
      const rects = all(svg!, 'rect');
      expect(rects).toHaveLength(expected.length);
      expect(rects.map((rect) => rect.getAttribute('fill'))).toEqual(
        expected.map(([rating]) => RATING_COLORS[rating]),
      );
      // Bars are proportional to the counts.
      const widths = rects.map((rect) => Number(rect.getAttribute('width')));
      const max = Math.max(...expected.map(([, count]) => count));
      expected.forEach(([, count], i) =>
        expect(widths[i] / Math.max(...widths)).toBeCloseTo(count / max, 2),
      );
      const summary = `Répartition des verdicts : ${expected
        .map(([rating, count]) => `${ratingLabel(rating, 'fr')} ${count}`)
        .join(', ')}`;
      expect(text(svg!.querySelector('title'))).toBe(summary);
      expect(svg!.getAttribute('aria-label')).toBe(summary);
      // Each bar is labelled with its rating and count.
      expect(all(svg!, 'g').map((g) => all(g, 'text').map(text))).toEqual(
        expected.map(([rating, count]) => [ratingLabel(rating, 'fr'), String(count)]),
      );
    });

    it('gives each rating the label and the colour of the verdict scale', () => {
      const data = fixture();
      data.claims = RATINGS.map((rating, i) => ({ ...data.claims[0], rating, index: i }));
      const { document: doc } = parse(data);
      const css = doc.querySelector('style')?.textContent ?? '';
      /** The --verdict colour the stylesheet gives an element with these classes. */
      const verdictColour = (element: Element) =>
        [...element.classList].flatMap((name) => {
          const rule = css.match(new RegExp(`\\.${name} \\{ --verdict: (#[0-9a-f]{6}); \\}`));
          return rule ? [rule[1]] : [];
        });
      const claims = all(doc, '#claims article.claim');
      expect(claims).toHaveLength(RATINGS.length);
      RATINGS.forEach((rating, i) => {
        expect(text(claims[i].querySelector('.verdict-badge'))).toBe(ratingLabel(rating, 'fr'));
        expect(verdictColour(claims[i])).toEqual([RATING_COLORS[rating]]);
      });
      const scale = all(doc, '#methodology ul.scale li');
      expect(scale.map(verdictColour)).toEqual(RATINGS.map((rating) => [RATING_COLORS[rating]]));
      expect(scale.map((item) => text(item.querySelector('strong')))).toEqual(
        RATINGS.map((rating) => ratingLabel(rating, 'fr')),
      );
    });

    it('counts claims and sentences and says so when nothing is verified', () => {
      expect(text(document.querySelector('#summary p'))).toBe(
        '3 affirmations vérifiées sur 12 phrases.',
      );
      const { document: empty } = parse({ ...fixture(), claims: [] });
      expect(empty.querySelector('svg')).toBeNull();
      expect(empty.querySelector('#claims')).toBeNull();
      expect(text(empty.querySelector('#summary'))).toContain(
        'Aucune affirmation vérifiée pour l’instant.',
      );
      expect(text(empty.querySelector('#summary p'))).toBe(
        '0 affirmation vérifiée sur 12 phrases.',
      );
    });
  });

  it.each<[string, ReportData['agreement'], string[]]>([
    [
      'fr',
      { alpha: 0.7412, percentAgreement: 0.78, ratedSentences: 11, disputed: ['sen_1'] },
      ['α = 0,74 (accord brut 78 %) sur 11 phrases.', 'Phrases en litige : 1.'],
    ],
    [
      'en',
      { alpha: null, percentAgreement: null, ratedSentences: 0, disputed: [] },
      ['α not computable over 0 sentences.'],
    ],
    ['fr', undefined, []],
  ])('shows the inter-rater agreement (%s, %j)', (lang, agreement, expected) => {
    const { document: doc } = parse({ ...fixture(), agreement }, { lang });
    const paragraphs = all(doc, '#summary p').map((p) => text(p).replace(/[\u00a0\u202f]/g, ' '));
    for (const line of expected) expect(paragraphs).toContain(line);
    expect(all(doc, '#summary h3')).toHaveLength(agreement ? 1 : 0);
  });

  describe('claims', () => {
    const claims = all(document, '#claims article.claim');

    it('renders each verified claim with its number, sentence, verdict and rationale', () => {
      expect(claims.map((claim) => claim.id)).toEqual(['sentence-1', 'sentence-5', 'sentence-8']);
      expect(claims.map((claim) => text(claim.querySelector('h3')))).toEqual([
        'Phrase 1',
        'Phrase 5',
        'Phrase 8',
      ]);
      fixture().claims.forEach((claim, i) => {
        const quote = claims[i].querySelector('blockquote');
        expect(text(quote)).toBe(claim.text);
        expect(quote?.getAttribute('lang')).toBe('fr');
        expect(text(claims[i].querySelector('.verdict strong'))).toBe(ratingLabel(claim.rating));
        expect(text(claims[i].querySelector('.verdict-badge'))).toBe(ratingLabel(claim.rating));
      });
      // Line breaks are kept: paragraphs for blank lines, <br> for single breaks.
      const rationale = claims[0].querySelector('.rationale');
      expect(all(rationale!, 'p').map((p) => p.innerHTML)).toEqual([
        'Baisse de 2,8 % selon l’Insee.<br>Pas 3 %.',
        'Deuxième paragraphe.',
      ]);
    });

    it('lists sources with links, publisher, date, excerpt and an archive link', () => {
      const items = all(claims[0], 'ul.sources li');
      expect(items).toHaveLength(2);
      const [main, archive] = all(items[0], 'a');
      const href = 'https://archives.example.org/rapports/ch%C3%B4mage%20(final).pdf';
      expect(main.getAttribute('href')).toBe(href);
      expect(text(main)).toBe('Taux de chômage T4 2024');
      expect(archive.getAttribute('href')).toBe(`https://web.archive.org/web/*/${href}`);
      expect(text(items[0])).toContain('— Insee, 14 février 2025');
      expect(text(items[0].querySelector('.excerpt'))).toBe('« Le taux de chômage est de 7,3 %. »');
      // Without a title, the URL is the link text.
      expect(text(items[1].querySelector('a'))).toBe('https://example.org/sans-titre');
      expect(text(claims[2])).toContain('Aucune source.');
    });

    it('never links a javascript: URL, nor archives it', () => {
      const [item] = all(claims[1], 'ul.sources li');
      expect(all(item, 'a')).toEqual([]);
      expect(text(item)).toBe('Lien piégé');
    });

    it.each<[string, Partial<ReportClaim>, string]>([
      ['fr', {}, 'Vérifié par Marie Curie, approuvé par Jean Dupont le 3 mars 2025'],
      ['fr', { approver: null }, 'Vérifié par Marie Curie, approuvé le 3 mars 2025'],
      ['fr', { approver: { name: ' ' } }, 'Vérifié par Marie Curie, approuvé le 3 mars 2025'],
      ['fr', { resolution: true }, 'Tranché par Marie Curie le 3 mars 2025'],
      ['en', {}, 'Checked by Marie Curie, approved by Jean Dupont on March 3, 2025'],
      ['en', { approver: null }, 'Checked by Marie Curie, approved on March 3, 2025'],
      ['en', { resolution: true }, 'Settled by Marie Curie on March 3, 2025'],
      [
        'fr',
        { resolution: true, settledByParty: true },
        'Tranché par Marie Curie le 3 mars 2025 — tranché par une partie au désaccord',
      ],
      [
        'fr',
        { settledByParty: true },
        'Vérifié par Marie Curie, approuvé par Jean Dupont le 3 mars 2025 — tranché par une partie au désaccord',
      ],
      [
        'en',
        { resolution: true, settledByParty: true },
        'Settled by Marie Curie on March 3, 2025 — settled by a party to the dispute',
      ],
    ])('signs the verdict (%s, %j)', (lang, patch, expected) => {
      const data = fixture();
      data.claims = [{ ...data.claims[0], ...patch }];
      const { document: doc } = parse(data, { lang });
      expect(all(doc, '.signature').map(text)).toEqual([expected]);
    });

    it.each<[string[] | undefined, string[]]>([
      [['sen_5'], ['sentence-5']],
      [
        ['sen_1', 'sen_8', 'sen_unknown'],
        ['sentence-1', 'sentence-8'],
      ],
      [[], []],
      [undefined, []],
    ])('flags the claims to re-check %j', (recheck, expected) => {
      const { document: doc } = parse({ ...fixture(), recheck });
      const flagged = all(doc, '.recheck').map((badge) => badge.closest('article')?.id);
      expect(flagged).toEqual(expected);
      for (const badge of all(doc, '.recheck')) {
        expect(text(badge)).toBe('À revérifier : le texte a changé');
      }
    });
  });

  describe('corrections', () => {
    it('lists every version when the fact-check was corrected', () => {
      const rows = all(document, '#corrections tbody tr').map((row) => all(row, 'td').map(text));
      expect(rows).toEqual([
        ['1', '1 mars 2025 à 10:00', 'Léa', '—'],
        ['2', '3 mars 2025 à 15:45', '—', 'Chiffre corrigé.Source ajoutée.'],
      ]);
      expect(document.querySelector('#corrections td p')?.innerHTML).toBe(
        'Chiffre corrigé.<br>Source ajoutée.',
      );
    });

    it.each<[string, ReportData['revisions']]>([
      ['absent', undefined],
      ['empty', []],
      ['a single version', [{ version: 1, at: '2025-03-01T10:00:00.000Z', by: 'Léa', note: null }]],
    ])('is left out when revisions are %s', (_name, revisions) => {
      const { document: doc } = parse({ ...fixture(), revisions });
      expect(doc.querySelector('#corrections')).toBeNull();
    });
  });

  it('uses English labels for an English article, or when asked', () => {
    const data = fixture();
    data.article = { ...data.article, language: 'en-GB' };
    for (const [doc, locale] of [
      [parse(data).document, 'en-GB'],
      [parse(fixture(), { lang: 'en' }).document, 'en'],
    ] as const) {
      expect(doc.documentElement.getAttribute('lang')).toBe(locale);
      expect(text(doc.querySelector('#methodology h2'))).toBe('Methodology');
      expect(text(doc.querySelector('#claims h2'))).toBe('Verified claims');
      expect(text(doc.querySelector('#sentence-1 .verdict strong'))).toBe('Mostly true');
      expect(text(doc.querySelector('#summary p'))).toBe('3 verified claims out of 12 sentences.');
      expect(text(doc.querySelector('.recheck'))).toBe('To re-check: the text has changed');
    }
    // British dates follow the article's locale; the sentence keeps the article's language.
    const british = parse(data).document;
    expect(all(british, 'header dl.meta dd').map(text)).toContain('4 March 2025');
    expect(british.querySelector('blockquote')?.getAttribute('lang')).toBe('en-GB');
  });

  it('prints date-times in the asked time zone but never shifts bare dates', () => {
    const { document: doc } = parse(fixture(), { timeZone: 'America/Los_Angeles' });
    expect(text(doc.querySelector('#sentence-1 .signature'))).toContain('le 3 mars 2025');
    expect(all(doc, 'header dl.meta dd').map(text)).toContain('28 février 2025');
    expect(text(doc.querySelector('#sentence-1 ul.sources li'))).toContain('14 février 2025');
    expect(text(doc.querySelector('#corrections tbody tr td:nth-child(2)'))).toBe(
      '1 mars 2025 à 02:00',
    );
  });

  describe('escaping', () => {
    type Patch = (data: ReportData) => void;
    const first = (data: ReportData) => data.claims[0];
    it.each<[string, Patch, string]>([
      ['the article title', (d) => (d.article.title = HOSTILE), 'h1'],
      ['the article title, in the document title', (d) => (d.article.title = HOSTILE), 'title'],
      ['the publisher', (d) => (d.article.publisher = HOSTILE), 'header dl.meta'],
      ['the author', (d) => (d.article.author = HOSTILE), 'header dl.meta'],
      ['the team', (d) => (d.organization = HOSTILE), 'header dl.meta'],
      ['the publication date', (d) => (d.article.publishedAt = HOSTILE), 'header dl.meta'],
      ['the article URL', (d) => (d.article.sourceUrl = HOSTILE), 'header dl.meta'],
      ['the claim text', (d) => (first(d).text = HOSTILE), '#sentence-1 blockquote'],
      ['the rationale', (d) => (first(d).rationale = HOSTILE), '#sentence-1 .rationale'],
      ['the source title', (d) => (first(d).sources[0].title = HOSTILE), '#sentence-1 .sources'],
      [
        'the source publisher',
        (d) => (first(d).sources[0].publisher = HOSTILE),
        '#sentence-1 .sources',
      ],
      [
        'the source date',
        (d) => (first(d).sources[0].publishedAt = HOSTILE),
        '#sentence-1 .sources',
      ],
      ['the source URL', (d) => (first(d).sources[1].url = HOSTILE), '#sentence-1 .sources'],
      [
        'the source excerpt',
        (d) => (first(d).sources[0].excerpt = HOSTILE),
        '#sentence-1 .sources',
      ],
      ['the reviewer', (d) => (first(d).reviewer.name = HOSTILE), '#sentence-1 .signature'],
      ['the approver', (d) => (first(d).approver = { name: HOSTILE }), '#sentence-1 .signature'],
      ['a revision author', (d) => (d.revisions![1].by = HOSTILE), '#corrections'],
      ['a revision note', (d) => (d.revisions![1].note = HOSTILE), '#corrections'],
    ])('keeps %s inert and readable', (_name, patch, selector) => {
      const data = fixture();
      patch(data);
      const { html: out, document: doc } = parse(data);
      expectInert(doc, out);
      // Whole and as text: the markup is shown, the line separator kept as a character.
      expect(doc.querySelector(selector)?.textContent).toContain(HOSTILE);
    });

    it('keeps every user field inert at once, in the claims and in the frame', () => {
      const data = fixture();
      data.article = {
        ...data.article,
        title: HOSTILE,
        language: HOSTILE,
        sourceUrl: `javascript:alert(1)//${HOSTILE}`,
        publisher: HOSTILE,
        author: HOSTILE,
        publishedAt: HOSTILE,
      };
      data.organization = HOSTILE;
      data.factCheckUrl = `javascript:alert(1)//${HOSTILE}`;
      data.revisions = data.revisions!.map((revision) => ({
        ...revision,
        by: HOSTILE,
        note: HOSTILE,
      }));
      data.claims = data.claims.map((claim) => ({
        ...claim,
        text: HOSTILE,
        rationale: HOSTILE,
        reviewer: { name: HOSTILE },
        approver: { name: HOSTILE },
        sources: [
          {
            url: `javascript:alert(1)//${HOSTILE}`,
            title: HOSTILE,
            publisher: HOSTILE,
            publishedAt: HOSTILE,
            excerpt: HOSTILE,
          },
        ],
      }));
      for (const lang of [undefined, 'en']) {
        const { html: out, document: doc } = parse(data, { lang });
        expectInert(doc, out);
        expect(all(doc, 'a')).toEqual([]);
        // Not a valid language tag: no lang attribute rather than a broken one.
        expect(all(doc, '[lang]').map((element) => element.tagName.toLowerCase())).toEqual([
          'html',
        ]);
        expect(doc.documentElement.getAttribute('lang')).toBe(lang ?? 'fr');
        // Every field shows in full, as text: in the header (title, publisher, author, date,
        // article URL, team), the document title, each claim (sentence, rationale, the source's
        // title, publisher, date and excerpt, then the signature's author and approver — one
        // name for a resolution) and each revision (author, note).
        const shown = (doc.documentElement.textContent ?? '').split(HOSTILE).length - 1;
        const names = data.claims.map((claim) => (claim.resolution ? 1 : 2));
        const claims = names.reduce((sum, n) => sum + 6 + n, 0);
        expect(shown).toBe(6 + 1 + claims + data.revisions!.length * 2);
      }
    });

    it.each([
      ['javascript:alert(1)'],
      ['JavaScript:alert(1)'],
      [' javascript:alert(1)'],
      ['java\nscript:alert(1)'],
      ['data:text/html,<script>alert(1)</script>'],
      ['vbscript:msgbox(1)'],
      ['/relative/path'],
      ['//evil.example/x'],
      [`https://evil.example/${BREAKOUT}`],
      ['https://evil.example/" onmouseover="alert(1)'],
    ])('never turns the URL %j into an active link', (url) => {
      const data = fixture();
      data.article.sourceUrl = url;
      data.factCheckUrl = url;
      first(data).sources = [
        { url, title: null, publisher: null, publishedAt: null, excerpt: null },
      ];
      const { html: out, document: doc } = parse(data);
      expectInert(doc, out);
      for (const anchor of all(doc, 'a')) {
        const href = anchor.getAttribute('href') ?? '';
        expect(() => new URL(href)).not.toThrow();
        expect(new URL(href).protocol).toMatch(/^https?:$/);
        expect(href).not.toMatch(/["<>\s]/);
      }
      // The URL is still shown, as text.
      expect(text(doc.querySelector('#sentence-1 .sources'))).toContain(
        url.replace(/\s+/g, ' ').trim(),
      );
    });
  });
});
