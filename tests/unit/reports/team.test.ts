// The team report is the single-article builders applied to every article: these tests check the
// wrapping (header, filters, totals, columns) and that each article comes out exactly as its own
// report would, so the two can never drift apart.
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  TEAM_CSV_COLUMNS,
  checkClaimReview,
  csvRecord,
  escapeMarkdownText,
  teamToClaimReview,
  teamToCsv,
  teamToJson,
  teamToMarkdown,
  toClaimReview,
  toJson,
  toMarkdown,
  toMarkdownSection,
  validateClaimReview,
  type Rating,
  type ReportClaim,
  type ReportData,
  type TeamReportData,
} from '@/lib/reports';

function claim(index: number, rating: Rating, patch: Partial<ReportClaim> = {}): ReportClaim {
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
    ...patch,
  };
}

function article(id: string, language: string, claims: ReportClaim[]): ReportData {
  return {
    article: {
      id,
      title: `Article ${id} [#]`,
      language,
      sourceUrl: `https://news.example.fr/${id}`,
      publisher: 'Le Quotidien',
      partial: false,
      sentenceCount: 10,
      publishedAt: '2025-02-01',
    },
    organization: 'Cellule vérif',
    organizationUrl: 'https://verif.example.org/',
    factCheckUrl: `https://factdesk.example.org/articles/${id}`,
    generatedAt: '2025-03-05T10:00:00.000Z',
    claims,
  };
}

function fixture(): TeamReportData {
  return {
    team: 'Cellule *vérif*',
    generatedAt: '2025-03-05T10:00:00.000Z',
    filters: { from: '2025-01-01', to: '2025-03-31', rating: null, reviewer: null },
    articles: [
      article('art_1', 'fr', [
        claim(0, 'false'),
        claim(3, 'not_a_claim'),
        claim(5, 'true', { text: '=1+1', reviewer: { name: '@Paul' } }),
      ]),
      article('=art_2', 'fr', []),
      article('art_3', 'fr', [claim(1, 'false'), claim(2, 'unverifiable')]),
    ],
  };
}

// Minimal RFC 4180 reader (the same shape as in builders.test.ts): quoted fields, CRLF records.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('teamToCsv', () => {
  const data = fixture();
  const csv = teamToCsv(data);
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));

  it('has one header row, article id and title first, then the single-article columns', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\uFEFF')).toHaveLength(2);
    expect(header).toEqual([...TEAM_CSV_COLUMNS]);
    expect(header.slice(0, 2)).toEqual(['article_id', 'article_title']);
    expect(header.filter((column) => column === 'article_title')).toHaveLength(1);
    expect(new Set(header)).toEqual(new Set(['article_id', ...CSV_COLUMNS]));
  });

  it('writes every claim of every article, in order, exactly as the single-article CSV', () => {
    const expected = data.articles.flatMap((report) =>
      report.claims.map((c) => ({ article: report, claim: c })),
    );
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const { article: report, claim: c } = expected[i];
      const record = csvRecord(c, report);
      for (const column of CSV_COLUMNS) {
        expect(row[header.indexOf(column)]).toBe(String(record[column]));
      }
    });
    expect(rows.map((row) => row[0])).toEqual(['art_1', 'art_1', 'art_1', 'art_3', 'art_3']);
  });

  it('neutralises formula-looking cells, the article id included', () => {
    const withFormulaId = fixture();
    withFormulaId.articles[1].claims = [claim(0, 'true')];
    const [, ...formulaRows] = parseCsv(teamToCsv(withFormulaId).slice(1));
    expect(formulaRows.map((row) => row[0])).toContain("'=art_2");
    const third = rows[2];
    expect(third[header.indexOf('sentence')]).toBe("'=1+1");
    expect(third[header.indexOf('reviewer')]).toBe("'@Paul");
  });

  it('writes only the header when no article matches', () => {
    expect(parseCsv(teamToCsv({ ...fixture(), articles: [] }).slice(1))).toEqual([
      [...TEAM_CSV_COLUMNS],
    ]);
  });
});

describe('teamToJson', () => {
  it('wraps toJson of each article with the team, date and filters', () => {
    const data = fixture();
    const report = teamToJson(data);
    expect(report).toEqual({
      team: data.team,
      generatedAt: data.generatedAt,
      filters: data.filters,
      articles: data.articles.map((a) => toJson(a)),
    });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('does not share objects with the input', () => {
    const data = fixture();
    const report = teamToJson(data);
    report.filters.rating = 'true';
    report.articles[0].claims[0].reviewer.name = 'changé';
    expect(data).toEqual(fixture());
  });
});

describe('teamToClaimReview', () => {
  const data = fixture();
  const reviews = teamToClaimReview(data);

  it('flattens every article’s ClaimReview, in order', () => {
    expect(reviews).toEqual(data.articles.flatMap((a) => toClaimReview(a)));
    // not_a_claim sentences are left out, like in the single-article builder.
    expect(reviews).toHaveLength(4);
  });

  it('produces only valid markup, with every recommended property', () => {
    for (const review of reviews) {
      expect(validateClaimReview(review)).toEqual([]);
      expect(checkClaimReview(review)).toEqual({ errors: [], warnings: [] });
    }
  });
});

describe('teamToMarkdown', () => {
  const md = teamToMarkdown(fixture());
  const lines = md.split('\n');

  it('starts with the team, the date, the filters and the totals', () => {
    expect(lines.slice(0, 7)).toEqual([
      '# Rapport d’équipe : Cellule \\*vérif\\*',
      '',
      '- Rapport généré le 5 mars 2025',
      '- Filtres : du 1 janvier 2025 au 31 mars 2025',
      '- 3 articles, 5 affirmations vérifiées',
      '- Verdicts : Vrai 1, Faux 2, Invérifiable 1, Pas une affirmation vérifiable 1',
      '',
    ]);
  });

  it('nests each article report one heading level deeper, unchanged otherwise', () => {
    for (const report of fixture().articles) {
      const section = toMarkdownSection(report, { lang: 'fr', timeZone: 'UTC' }, 1);
      expect(md).toContain(section);
      expect(section.startsWith(`## ${escapeMarkdownText(report.article.title)}\n`)).toBe(true);
    }
    expect(lines.filter((line) => /^#{1,6} /.test(line))).toEqual([
      '# Rapport d’équipe : Cellule \\*vérif\\*',
      '## Article art\\_1 \\[\\#\\]',
      '### Phrase 1',
      '### Phrase 4',
      '### Phrase 6',
      '## Article =art\\_2 \\[\\#\\]',
      '## Article art\\_3 \\[\\#\\]',
      '### Phrase 2',
      '### Phrase 3',
    ]);
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it.each<[TeamReportData['filters'], string]>([
    [{}, '- Filtres : aucun'],
    [{ from: null, to: null, rating: null, reviewer: null }, '- Filtres : aucun'],
    [{ from: '2025-01-01' }, '- Filtres : à partir du 1 janvier 2025'],
    [{ to: '2025-03-31' }, '- Filtres : jusqu’au 31 mars 2025'],
    [{ rating: 'misleading' }, '- Filtres : verdict Trompeur'],
    [{ rating: '[inconnu]' }, '- Filtres : verdict \\[inconnu\\]'],
    [
      { from: '2025-01-01', to: '2025-01-31', rating: 'false', reviewer: 'Marie *Curie*' },
      '- Filtres : du 1 janvier 2025 au 31 janvier 2025 ; verdict Faux ; vérificateur Marie \\*Curie\\*',
    ],
  ])('describes the filters %j', (filters, expected) => {
    expect(teamToMarkdown({ ...fixture(), filters }).split('\n')[3]).toBe(expected);
  });

  it.each<[string, string[], string | undefined, string]>([
    ['all French', ['fr', 'fr'], undefined, '# Rapport d’équipe'],
    ['all English', ['en', 'en'], undefined, '# Team report'],
    ['mixed', ['fr', 'en'], undefined, '# Rapport d’équipe'],
    ['mixed, asked in English', ['fr', 'en'], 'en', '# Team report'],
  ])('labels a %s team report', (_name, languages, lang, title) => {
    const data = fixture();
    data.articles = languages.map((language, i) => article(`a${i}`, language, [claim(0, 'true')]));
    const out = teamToMarkdown(data, lang === undefined ? {} : { lang });
    expect(out.startsWith(title)).toBe(true);
    // Every article uses the team report's labels, whatever its own language.
    const english = title === '# Team report';
    expect(out.match(/^### (Phrase|Sentence) 1$/gm)).toEqual(
      languages.map(() => (english ? '### Sentence 1' : '### Phrase 1')),
    );
  });

  it('says so when no article matches', () => {
    const out = teamToMarkdown({ ...fixture(), articles: [] }, { lang: 'en' });
    expect(out).toContain('- 0 articles, 0 verified claims');
    expect(out).toContain('No article matches these filters.');
    expect(out).not.toContain('Verdicts');
  });

  it('keeps toMarkdown equal to its section at depth 0', () => {
    for (const report of fixture().articles) {
      expect(toMarkdown(report)).toBe(`${toMarkdownSection(report)}\n`);
    }
  });
});
