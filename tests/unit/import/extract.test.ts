import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  extractFromHtml,
  extractFromMarkdown,
  extractFromSource,
  extractFromText,
  ImportError,
  MAX_IMPORT_CHARS,
  type ExtractedArticle,
  type ImportErrorCode,
} from '@/lib/import/extract';
import { segment } from '@/lib/text/segment';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** The properties every extracted text has, whatever its source. */
function expectCleanText(text: string) {
  expect(text).not.toBe('');
  expect(text).not.toMatch(/\n\n/);
  expect(text).not.toMatch(/\r/);
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  for (const line of text.split('\n')) expect(line).toBe(line.trim());
}

describe('extractFromHtml: a French news page', () => {
  const html = fixture('article-fr.html');
  const article = extractFromHtml(html, { url: 'https://quotidien.example/a?utm=1' });
  const lines = article.text.split('\n');

  it('keeps the article paragraphs, in order, one per line', () => {
    expectCleanText(article.text);
    const expectedStarts = [
      'La Commission de régulation de l’énergie propose une baisse du tarif réglementé, qui',
      'Un compteur électrique dans un immeuble parisien, le 10 janvier 2025.',
      'La Commission de régulation de l’énergie (CRE) a proposé, mardi 14 janvier',
      'Selon le régulateur, cette baisse s’explique',
      'Une facture moyenne allégée',
      'Pour un ménage chauffé à l’électricité',
      'Le gouvernement doit encore valider cette proposition.',
      'Il reste 80 % de cet article à lire.',
    ];
    const positions = expectedStarts.map((start) =>
      lines.findIndex((line) => line.startsWith(start)),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(lines.at(-1)).toBe(
      'Il reste 80 % de cet article à lire. La suite est réservée aux abonnés.',
    );
  });

  it('joins inline markup and entities into plain sentences', () => {
    expect(lines).toContain(
      'Le gouvernement doit encore valider cette proposition. Bercy a indiqué qu’il rendrait sa décision «\u00a0dans les prochains jours\u00a0».',
    );
    expect(article.text).toContain('à compter du 1er février.');
  });

  it('drops the title line it duplicates, and all page chrome, code and attributes', () => {
    expect(lines).not.toContain('Le prix de l’électricité baissera de 15 % en février');
    const absent = [
      // chrome
      'Politique',
      'Culture',
      'S’abonner pour 1 €',
      'Rechercher',
      'cookies',
      'Tout accepter',
      'Partager sur',
      'Copier le lien',
      'Envoyer par e-mail',
      'Mots-clés',
      'Sur le même sujet',
      'Le prix du gaz repart',
      'Mentions légales',
      'Tous droits réservés',
      // code and attributes
      'LEAK',
      'dataLayer',
      'javascript:',
      'alert',
      'onclick',
      'onerror',
      'share(',
      'https://',
      '.jpg',
      '<',
      '>',
      '{',
    ];
    for (const text of absent) expect(article.text, text).not.toContain(text);
  });

  it('reads the metadata', () => {
    expect(article).toMatchObject({
      title: 'Le prix de l’électricité baissera de 15 % en février',
      author: 'Claire Martin, Julien Roussel',
      publisher: 'Le Quotidien du Matin',
      publishedAt: '2025-01-14',
      language: 'fr',
      sourceUrl:
        'https://www.quotidien-du-matin.example/economie/article/2025/01/14/prix-electricite-baisse.html',
    } satisfies Partial<ExtractedArticle>);
  });

  it('segments into sentences, a heading, and a paywall notice at the end', () => {
    const units = segment(article.text, { language: article.language ?? undefined });
    const paywall = units.filter((unit) => unit.kind === 'paywall');
    expect(paywall.map((unit) => unit.text)).toEqual([
      'Il reste 80 % de cet article à lire.',
      'La suite est réservée aux abonnés.',
    ]);
    expect(units.at(-1)?.kind).toBe('paywall');
    expect(units.find((unit) => unit.text === 'Une facture moyenne allégée')?.kind).toBe('heading');
    expect(units.filter((unit) => unit.kind === 'sentence').length).toBeGreaterThanOrEqual(7);
  });
});

describe('extractFromHtml: a hostile page', () => {
  const html = fixture('hostile.html');
  const payloads = [
    'HEAD-SCRIPT',
    'META-REFRESH',
    'BASE',
    'STYLE-IMPORT',
    'STYLE-TEXT',
    'BODY-ONLOAD',
    'H1-HANDLER',
    'HREF-JS',
    'ONCLICK',
    'IMG-ONERROR',
    'ALT-PAYLOAD',
    'SVG-ONLOAD',
    'SVG-SCRIPT',
    'SVG-TEXT',
    'SVG-FOREIGN',
    'SRCDOC',
    'IFRAME-SRC',
    'IFRAME-FALLBACK',
    'TEMPLATE-CONTENT',
    'TEMPLATE-SCRIPT',
    'NOSCRIPT-CONTENT',
    'NOSCRIPT-IMG',
    'OBJECT',
    'EMBED',
    'MATH',
    'FORM',
    'FOCUS',
    'INPUT-VALUE',
    'TEXTAREA-',
    'BUTTON',
    'TOGGLE',
    'HIDDEN-STYLE',
    'HIDDEN-ATTRIBUTE',
    'COMMENT',
    'CDATA',
    'VIDEO',
    'TAIL-SCRIPT',
    'innerHTML',
  ];

  // The same markup through Readability (HTML import) and straight through the DOM-to-text
  // conversion (Markdown passes raw HTML on): both must be inert.
  const outputs: [string, string][] = [
    ['html', extractFromHtml(html).text],
    ['markdown raw html', extractFromMarkdown(html.replace(/^<!DOCTYPE html>\s*/i, '')).text],
  ];

  it.each(outputs)('%s: keeps the visible text, none of the payloads', (_, text) => {
    expectCleanText(text);
    for (const payload of payloads) expect(text, payload).not.toContain(payload);
    expect(text).not.toMatch(/javascript:\s*alert/);
    expect(text).toContain(
      'Ce paragraphe contient un lien inoffensif et une image au milieu du texte.',
    );
    expect(text).toContain('Détails techniques du dossier');
  });

  it.each(outputs)('%s: escaped markup in text stays literal text', (_, text) => {
    expect(text).toContain(
      'Les développeurs web écrivent souvent <script> dans leurs articles pour désigner la balise des programmes.',
    );
    expect(text).toContain('la chaîne <img onerror=alert(1)> affichée telle quelle.');
    // The only "<…>" sequences are the two that were written as text.
    expect(text.match(/<[^>]*>/g)).toEqual(['<script>', '<img onerror=alert(1)>']);
  });
});

describe('extractFromHtml: language, metadata and fragments', () => {
  it('detects English on a page without lang, and resolves a relative canonical URL', () => {
    const article = extractFromHtml(fixture('article-en.html'), {
      url: 'https://ledger.example/local/2024/06/03/cycling-lanes?ref=home',
    });
    expect(article).toMatchObject({
      title: 'City council approves new cycling lanes',
      publisher: 'The Morning Ledger',
      publishedAt: '2024-06-03',
      language: 'en',
      sourceUrl: 'https://ledger.example/local/2024/06/03/cycling-lanes',
    });
    // A profile URL is not a name: the visible byline is read instead, and leaves the text.
    expect(article.author).toBe('Sarah Okafor');
    expect(article.text).not.toMatch(/By Sarah Okafor|June 3, 2024/);
    expect(article.text.split('\n')[0]).not.toBe('City council approves new cycling lanes');
    expect(article.text).toContain('The city council voted on Monday evening');
    expect(article.text).not.toMatch(/Home|Sport|Copyright/);
  });

  const englishBody =
    '<p>The prime minister announced on Tuesday that the government would raise the minimum wage by four percent next year.</p>';
  const frenchBody =
    '<p>Le Premier ministre a annoncé mardi que le gouvernement augmenterait le salaire minimum de quatre pour cent l’an prochain.</p>';
  const languageCases: [string, string, 'fr' | 'en' | null][] = [
    [
      'declared fr wins over English text',
      `<html lang="fr"><body>${englishBody}</body></html>`,
      'fr',
    ],
    [
      'declared en-GB wins over French text',
      `<html lang="en-GB"><body>${frenchBody}</body></html>`,
      'en',
    ],
    ['declared de: detected instead', `<html lang="de"><body>${frenchBody}</body></html>`, 'fr'],
    ['no lang: detected', `<html><body>${englishBody}</body></html>`, 'en'],
    // BCP 47 through Intl.Locale: ISO 639-2 codes and underscores as some CMSs write them.
    ['declared fra (ISO 639-2)', `<html lang="fra"><body>${englishBody}</body></html>`, 'fr'],
    ['declared eng (ISO 639-2)', `<html lang="eng"><body>${frenchBody}</body></html>`, 'en'],
    ['declared en_US', `<html lang="en_US"><body>${frenchBody}</body></html>`, 'en'],
    [
      'declared "french": not a tag, detected',
      `<html lang="french"><body>${englishBody}</body></html>`,
      'en',
    ],
    ['fragment: detected', frenchBody, 'fr'],
    ['too short to tell', '<p>Bonjour</p>', null],
  ];

  it.each(languageCases)('language: %s', (_, html, language) => {
    expect(extractFromHtml(html).language).toBe(language);
  });

  const metadataCases: [string, string, Partial<ExtractedArticle>][] = [
    [
      'JSON-LD in @graph, with entities',
      `<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["ReportageNewsArticle"],"headline":"L&#039;État paie","datePublished":"2023-11-05T23:30:00-05:00","author":{"name":"Ana Lopes"},"publisher":{"name":"Le Journal"}}]}</script></head><body><p>Corps du texte.</p></body></html>`,
      {
        title: 'L’État paie'.replace('’', "'"),
        author: 'Ana Lopes',
        publisher: 'Le Journal',
        publishedAt: '2023-11-05',
      },
    ],
    [
      'malformed JSON-LD is ignored; <time> inside the article',
      `<html><head><script type="application/ld+json">{not json</script><title>Titre de la page</title></head><body><header><time datetime="2030-01-01">aujourd'hui</time></header><article><time datetime="2022-02-28T10:00">28 février</time><p>Corps.</p></article></body></html>`,
      { title: 'Titre de la page', publishedAt: '2022-02-28' },
    ],
    [
      'impossible dates are not dates',
      `<html><head><meta property="article:published_time" content="2023-02-30"></head><body><p>Corps.</p></body></html>`,
      { publishedAt: null },
    ],
    [
      'javascript: canonical is ignored, the url option is used',
      `<html><head><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x"></head><body><p>Corps.</p></body></html>`,
      { sourceUrl: 'https://example.org/page' },
    ],
    [
      'nothing declared',
      '<p>Corps.</p>',
      {
        title: null,
        author: null,
        publisher: null,
        publishedAt: null,
        sourceUrl: 'https://example.org/page',
      },
    ],
  ];

  it.each(metadataCases)('metadata: %s', (_, html, expected) => {
    expect(extractFromHtml(html, { url: 'https://example.org/page' })).toMatchObject(expected);
  });

  /** A page whose JSON-LD headline and author are the given raw JSON strings' contents. */
  function jsonLdPage(field: 'headline' | 'author', value: string): string {
    const data = { '@type': 'NewsArticle', [field]: field === 'author' ? { name: value } : value };
    return `<html><head><script type="application/ld+json">${JSON.stringify(data)}</script></head><body><p>Corps du texte.</p></body></html>`;
  }

  // JSON-LD strings escaped by a CMS's HTML escaper: the whole entity table, complete references
  // only, and the browsers' rules for numeric references.
  const jsonLdEntityCases: [string, string, string][] = [
    [
      'named entity beyond &amp; &lt; &gt;',
      'L&#039;&Eacute;tat &laquo;&nbsp;paie&nbsp;&raquo;',
      "L'État « paie »",
    ],
    ['uppercase &AMP;', 'Faits &AMP; chiffres', 'Faits & chiffres'],
    ['decoded once, not twice', 'Q&amp;amp;R', 'Q&amp;R'],
    ['astral code point, hex', 'Bravo &#x1F600;', 'Bravo 😀'],
    ['astral code point, decimal', 'Bravo &#128512;', 'Bravo 😀'],
    ['windows-1252 remap of &#128;', 'Prix en &#128;', 'Prix en €'],
    ['past U+10FFFF', 'a &#x110000; b', 'a \ufffd b'],
    ['lone surrogate', 'a &#xD800; b', 'a \ufffd b'],
    ['NUL', 'a &#0; b', 'a \ufffd b'],
    ['no semicolon: left as written', 'Marks &copy 2024 AT&T', 'Marks &copy 2024 AT&T'],
    ['unknown name: left as written', 'a &notanentity; b', 'a &notanentity; b'],
  ];

  it.each(jsonLdEntityCases)('JSON-LD entities: %s', (_, raw, decoded) => {
    expect(extractFromHtml(jsonLdPage('headline', raw)).title).toBe(decoded);
    expect(extractFromHtml(jsonLdPage('author', raw)).author).toBe(decoded);
  });

  it('decodes HTML text and attributes as browsers do (no semicolon: text yes, before = no)', () => {
    const html =
      '<html><head><meta property="og:title" content="&copy 2024 &notit; a=1&copy=2 &amp;amp;">' +
      '<meta property="og:url" content="https://example.org/a?x=1&copy=2&amp;y=3"></head>' +
      '<body><p>Texte &copy 2024, &notit; fin &#x1F600; &#128;.</p></body></html>';
    const article = extractFromHtml(html);
    // In text a legacy name ends where it may: "&not" of "&notit;" is "¬".
    expect(article.text).toBe('Texte © 2024, ¬it; fin 😀 €.');
    // In an attribute a legacy name followed by a letter or "=" is text (query strings survive).
    expect(article.title).toBe('© 2024 &notit; a=1&copy=2 &amp;');
    expect(article.sourceUrl).toBe('https://example.org/a?x=1&copy=2&y=3');
  });

  it('gives every block element its own line and <br> a line break', () => {
    const html =
      '<div>Un<span>e</span> <em>phrase</em>   sur\n  une ligne.<br>Après le saut.<ul><li>Point un</li><li>Point <b>deux</b></li></ul>' +
      '<table><tr><th>Nom</th><th>Voix</th></tr><tr><td>A</td><td>12</td></tr></table>' +
      '<pre>ligne 1\n  ligne 2</pre><blockquote>Citation.</blockquote></div>';
    expect(extractFromHtml(html).text).toBe(
      [
        'Une phrase sur une ligne.',
        'Après le saut.',
        'Point un',
        'Point deux',
        'Nom | Voix',
        'A | 12',
        'ligne 1',
        'ligne 2',
        'Citation.',
      ].join('\n'),
    );
  });
});

describe('extractFromMarkdown', () => {
  it('turns Markdown into lines: headings, list items, link text, code', () => {
    const markdown = [
      '# Le budget 2025 en cinq chiffres',
      '',
      'Le projet de loi de finances a été présenté [jeudi](https://example.org/plf "PLF") en',
      'Conseil des ministres, avec un **déficit** visé de 5 %.',
      '',
      '## Les dépenses',
      '',
      '- Défense : 50,5 milliards',
      '* Éducation : 63 milliards',
      '  1. dont enseignement scolaire',
      '',
      '```js',
      "const deficit = '5 %';",
      '```',
      '',
      '> « Un budget de responsabilité », selon `Bercy`.',
      '',
      '![graphique](chart.png)',
      '',
      '---',
      '',
      'Fin.',
    ].join('\n');
    const article = extractFromMarkdown(markdown);
    expect(article.title).toBe('Le budget 2025 en cinq chiffres');
    expect(article.text).toBe(
      [
        'Le projet de loi de finances a été présenté jeudi en Conseil des ministres, avec un déficit visé de 5 %.',
        'Les dépenses',
        'Défense : 50,5 milliards',
        'Éducation : 63 milliards',
        'dont enseignement scolaire',
        "const deficit = '5 %';",
        '« Un budget de responsabilité », selon Bercy.',
        'Fin.',
      ].join('\n'),
    );
    expect(article.language).toBe('fr');
  });

  it('reads YAML front matter and leaves a leading thematic break alone', () => {
    const article = extractFromMarkdown(
      '---\ntitle: "Front matter title"\nauthor: Jo Bloggs\ndate: 2024-05-02\nlang: en\n---\n\nA short body.',
    );
    expect(article).toMatchObject({
      title: 'Front matter title',
      author: 'Jo Bloggs',
      publishedAt: '2024-05-02',
      language: 'en',
      text: 'A short body.',
    });
    expect(extractFromMarkdown('---\nUne introduction.\n---\n\nSuite.').text).toBe(
      'Une introduction.\nSuite.',
    );
  });

  it('keeps a lone heading rather than returning nothing', () => {
    expect(extractFromMarkdown('# Seul titre')).toMatchObject({
      title: 'Seul titre',
      text: 'Seul titre',
    });
  });
});

describe('extractFromText', () => {
  const cases: [string, string, string][] = [
    ['CRLF and CR line endings', 'Un.\r\nDeux.\rTrois.', 'Un.\nDeux.\nTrois.'],
    ['blank-line runs', 'Un.\n\n\n\nDeux.\n \t \nTrois.', 'Un.\nDeux.\nTrois.'],
    ['NUL and other controls', 'Un\u0000 mot.\u0007\nDeux\u001b.\u007f', 'Un mot.\nDeux.'],
    ['trimmed lines, inner tabs kept', '   Un\tdeux.   \n\t Trois. ', 'Un\tdeux.\nTrois.'],
    [
      'Unicode line separators and BOM',
      '\ufeffUn.\u2028Deux.\u2029Trois.\u0085Quatre.',
      'Un.\nDeux.\nTrois.\nQuatre.',
    ],
  ];

  it.each(cases)('%s', (_, input, expected) => {
    const article = extractFromText(input);
    expect(article.text).toBe(expected);
    expectCleanText(article.text);
  });

  it('detects the language and leaves the metadata empty', () => {
    expect(
      extractFromText(
        'Les députés ont adopté mardi soir le projet de loi sur la fin de vie, après deux semaines de débats.',
      ),
    ).toEqual({
      text: 'Les députés ont adopté mardi soir le projet de loi sur la fin de vie, après deux semaines de débats.',
      title: null,
      author: null,
      publisher: null,
      publishedAt: null,
      language: 'fr',
      sourceUrl: null,
    });
  });
});

describe('bylines, datelines and promotional blocks, whatever the source', () => {
  const body = 'Le traité a été signé le 19 juin 2024 à Pyongyang par les deux dirigeants.';
  const after = 'Il entre en vigueur dès sa ratification par les deux parlements.';
  const cases: [string, () => ExtractedArticle, Partial<ExtractedArticle>][] = [
    [
      'pasted text: byline and date read, lines gone',
      () => extractFromText(`Le pacte\nPar Jean Dupont — 14 mars 2025\n${body}\n${after}`),
      { text: `Le pacte\n${body}\n${after}`, author: 'Jean Dupont', publishedAt: '2025-03-14' },
    ],
    [
      'pasted text: an English byline and a separate dateline',
      () =>
        extractFromText(
          'By Jane Doe\nPublished March 14, 2025 at 10:30 a.m. ET\nThe treaty was signed in June.',
        ),
      { text: 'The treaty was signed in June.', author: 'Jane Doe', publishedAt: '2025-03-14' },
    ],
    [
      'pasted text: a dateline alone',
      () => extractFromText(`Publié le 14 mars 2025 à 10 h 30\n${body}`),
      { text: body, author: null, publishedAt: '2025-03-14' },
    ],
    [
      'pasted text: an in-article ad and a newsletter box',
      () =>
        extractFromText(
          `${body}\nSponsored: Try FooVPN today. Click here!\n${after}\nInscrivez-vous à notre newsletter\nLa suite.`,
        ),
      { text: `${body}\n${after}\nLa suite.` },
    ],
    [
      'Markdown: an italic byline; front matter wins over it',
      () =>
        extractFromMarkdown(
          `---\nauthor: Marie Curie\n---\n# Le pacte\n\n*Par Jean Dupont — 14 mars 2025*\n\n${body}`,
        ),
      { text: body, author: 'Marie Curie', publishedAt: '2025-03-14', title: 'Le pacte' },
    ],
    [
      'HTML: a byline in the content, an ad box and a newsletter box',
      () =>
        extractFromHtml(
          `<html lang="fr"><head><title>Le pacte</title></head><body><article><h1>Le pacte</h1>
           <p class="byline">Par <a href="/jean">Jean Dupont</a> — 14 mars 2025</p>
           <p>${body}</p>
           <aside><p>Publicité</p><p>La nouvelle R5 en essai gratuit. <a href="/x">Cliquez ici</a> !</p></aside>
           <p>${after}</p>
           <div><h3>Newsletter</h3><p>Recevez chaque matin l’essentiel.</p><button>S’inscrire</button><p>Inscrivez-vous à notre newsletter</p></div>
           </article></body></html>`,
        ),
      { text: `${body}\n${after}`, author: 'Jean Dupont', publishedAt: '2025-03-14' },
    ],
    [
      'HTML: the page’s metadata wins over the visible byline',
      () =>
        extractFromHtml(
          `<html><head><meta name="author" content="Claire Martin"><meta property="article:published_time" content="2025-03-13"></head>
           <body><article><p>By Jane Doe — March 14, 2025</p><p>${body}</p></article></body></html>`,
        ),
      { text: body, author: 'Claire Martin', publishedAt: '2025-03-13' },
    ],
    [
      'a sentence that mentions advertising or a date stays',
      () =>
        extractFromText(
          'Par ailleurs, la publicité en ligne a rapporté 9 milliards d’euros le 14 mars 2025.',
        ),
      {
        text: 'Par ailleurs, la publicité en ligne a rapporté 9 milliards d’euros le 14 mars 2025.',
        author: null,
        publishedAt: null,
      },
    ],
  ];
  it.each(cases)('%s', (_, run, expected) => {
    const article = run();
    expect(article).toMatchObject(expected);
    expectCleanText(article.text);
  });

  it('leaves no byline or ad unit for segmentation to number', () => {
    const article = extractFromText(
      `Par Jean Dupont — 14 mars 2025\n${body}\nPublicité\nSponsored: Click here!\n${after}`,
    );
    expect(segment(article.text, { language: 'fr' }).map((unit) => unit.text)).toEqual([
      body,
      after,
    ]);
  });
});

describe('import errors', () => {
  const cases: [string, () => unknown, ImportErrorCode][] = [
    ['empty text', () => extractFromText(''), 'empty'],
    ['whitespace-only text', () => extractFromText(' \n\t\r\n  \u0000 '), 'empty'],
    ['empty HTML', () => extractFromHtml(''), 'empty'],
    ['whitespace-only HTML', () => extractFromHtml('  \n '), 'empty'],
    [
      'script-only HTML',
      () =>
        extractFromHtml(
          '<html><head><script>alert(1)</script></head><body><script>x()</script><style>p{}</style><noscript>n</noscript></body></html>',
        ),
      'empty',
    ],
    ['chrome-only HTML', () => extractFromHtml('<nav>Menu</nav><footer>Pied</footer>'), 'empty'],
    ['empty Markdown', () => extractFromMarkdown('\n\n'), 'empty'],
    ['image-only Markdown', () => extractFromMarkdown('![x](y.png)'), 'empty'],
    ['too large', () => extractFromText('a'.repeat(MAX_IMPORT_CHARS + 1)), 'too_large'],
    ['too large HTML', () => extractFromHtml(' '.repeat(MAX_IMPORT_CHARS + 1)), 'too_large'],
    [
      'binary content',
      () => extractFromText(String.fromCharCode(...Array.from({ length: 400 }, (_, i) => i % 32))),
      'unreadable',
    ],
    [
      'unsupported type',
      () => extractFromSource('%PDF-1.7', 'application/pdf'),
      'unsupported_type',
    ],
  ];

  it.each(cases)('%s', (_, run, code) => {
    const error = importError(run);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[a-zé]/); // a sentence for people, in French
  });

  it('says so in French', () => {
    expect(importError(() => extractFromText('   ')).message).toBe(
      'Aucun texte exploitable dans ce document.',
    );
  });
});

describe('pathological input: bounded time, no stack overflow', () => {
  const cases: [string, () => ExtractedArticle, string][] = [
    [
      'HTML nested 5 000 levels deep',
      () => extractFromHtml(`<div>${'<div><p>a</p>'.repeat(5000)}Fond.${'</div>'.repeat(5001)}`),
      'Fond.',
    ],
    [
      'Markdown quotes nested 5 000 levels deep (read as text)',
      () => extractFromMarkdown(`${'> '.repeat(5000)}Fond.`),
      'Fond.',
    ],
    [
      'Markdown emphasis storm (read as text)',
      () => extractFromMarkdown(`${'**a* '.repeat(20_000)}Fond.`),
      'Fond.',
    ],
  ];

  it.each(cases)('%s', (_, run, ending) => {
    const start = performance.now();
    expect(run().text.endsWith(ending)).toBe(true);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('refuses a document with too many elements before parsing it', () => {
    const start = performance.now();
    expect(importError(() => extractFromHtml('<p>x</p>'.repeat(250_000))).code).toBe('too_large');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('extractFromSource', () => {
  it.each([
    ['text/html; charset=utf-8', '<p>Un <b>texte</b>.</p>', 'Un texte.'],
    ['application/xhtml+xml', '<p>Un texte.</p>', 'Un texte.'],
    ['text/markdown', '**Un** texte.', 'Un texte.'],
    ['text/plain', '<p>Un texte.</p>', '<p>Un texte.</p>'],
    // Headers as servers send them: the one dispatch reads them like the fetcher does.
    ['TEXT/HTML; charset=UTF-8; ', '<p>Un <i>texte</i>.</p>', 'Un texte.'],
    ['text/x-markdown; charset="utf-8"', 'Un *texte*.\n\n- point', 'Un texte.\npoint'],
  ])('%s', (type, body, text) => {
    expect(extractFromSource(body, type).text).toBe(text);
  });

  it.each(['application/pdf', 'application/json', 'image/png', 'text/csv', ''])(
    'refuses %j, naming the type',
    (type) => {
      const error = importError(() => extractFromSource('{"text": "Un texte."}', type));
      expect(error.code).toBe('unsupported_type');
      expect(error.message).toContain(`(${type || 'inconnu'})`);
    },
  );

  it('reads a fetched page against its URL: relative canonical links resolve', () => {
    const html =
      '<html><head><link rel="canonical" href="/article/42"></head><body><p>Corps.</p></body></html>';
    expect(
      extractFromSource(html, 'text/html', { url: 'https://example.org/page?id=42' }).sourceUrl,
    ).toBe('https://example.org/article/42');
  });
});

describe('extractFromSource: the URL it came from', () => {
  it.each(['text/plain', 'text/markdown'])('%s keeps the url option as source', (type) => {
    expect(
      extractFromSource('Un texte.', type, { url: 'https://example.org/a.txt' }).sourceUrl,
    ).toBe('https://example.org/a.txt');
  });
});

describe('detectLanguage', () => {
  const cases: [string, 'fr' | 'en' | null][] = [
    [
      'La ministre de la Santé a confirmé mardi que le nombre de cas avait doublé en une semaine.',
      'fr',
    ],
    ['The minister confirmed on Tuesday that the number of cases had doubled in a week.', 'en'],
    [
      'El ministro confirmó el martes que el número de casos se había duplicado en una semana.',
      null,
    ],
    ['Der Minister bestätigte am Dienstag, dass sich die Zahl der Fälle verdoppelt habe.', null],
    ['Bonjour à tous', null],
    ['12 345 678 — 2024', null],
    ['', null],
  ];

  it.each(cases)('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('detectLanguage on whole articles', () => {
  it('recognises the French seed article (French scores close to Spanish and English)', () => {
    const seed = readFileSync('prisma/seed/seed-fr.txt', 'utf8');
    expect(detectLanguage(seed)).toBe('fr');
    expect(extractFromText(seed).language).toBe('fr');
  });
});
