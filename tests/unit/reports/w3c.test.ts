// W3C Web Annotation export/import: the exported JSON-LD follows the annotation model, survives a
// JSON round trip, and the importer accepts the shapes other tools produce while skipping (with
// a French message, never an exception) anything FactDesk cannot anchor.
import { describe, expect, it } from 'vitest';
import type { Selector } from '@/lib/anchoring/types';
import {
  ANNOTATION_CONTEXT,
  MAX_IMPORTED_ANNOTATIONS,
  parseAnnotationCollection,
  toAnnotationCollection,
  type W3CAnnotationInput,
} from '@/lib/reports';

const SOURCE = 'https://news.example.fr/monde/pacte';
const BASE = 'https://factdesk.example.org/api/annotations/';

function selectors(
  exact: string,
  start: number,
  extra: Partial<Record<'prefix' | 'suffix', string>> = {},
): Selector[] {
  return [
    { type: 'TextQuoteSelector', exact, ...extra },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

const INPUTS: W3CAnnotationInput[] = [
  {
    id: 'ann_1',
    note: 'Chiffre à vérifier auprès de l’Insee.\nDeuxième ligne « citée ».',
    authorId: '0192d0c4-0000-7000-8000-000000000001',
    authorName: 'Marie Curie',
    createdAt: '2025-03-02T16:00:00.000Z',
    selectors: selectors('baissé de 3 %', 24, { prefix: 'Le chômage a ', suffix: ' en un an' }),
  },
  {
    id: 'ann_2',
    note: null,
    authorId: '0192d0c4-0000-7000-8000-000000000002',
    authorName: 'Jean <Dupont>',
    createdAt: '2025-03-03T08:00:00.000Z',
    selectors: selectors('OTAN', 0),
  },
  {
    id: 'ann 3/é',
    note: '<script>alert(1)</script>',
    authorId: '0192d0c4-0000-7000-8000-000000000003',
    authorName: 'Léa',
    createdAt: '2025-03-04T08:00:00.000Z',
    selectors: selectors('pacte', 120, { prefix: '', suffix: '.' }),
  },
];

function collection(annotations = INPUTS) {
  return toAnnotationCollection({
    collectionId: 'https://factdesk.example.org/api/articles/art_1/annotations.jsonld',
    sourceUrl: SOURCE,
    annotationBaseUrl: BASE,
    label: 'Annotations : Le « pacte »',
    language: 'fr',
    noteLanguage: 'en',
    annotations,
  });
}

const MARIE = {
  id: 'urn:uuid:0192d0c4-0000-7000-8000-000000000001',
  type: 'Person',
  name: 'Marie Curie',
};

describe('toAnnotationCollection', () => {
  const doc = collection();

  it('produces a JSON-LD AnnotationCollection with one embedded page', () => {
    expect(doc).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://factdesk.example.org/api/articles/art_1/annotations.jsonld',
      type: 'AnnotationCollection',
      label: 'Annotations : Le « pacte »',
      total: 3,
      last: 'https://factdesk.example.org/api/articles/art_1/annotations.jsonld#page-1',
      first: {
        id: 'https://factdesk.example.org/api/articles/art_1/annotations.jsonld#page-1',
        type: 'AnnotationPage',
        partOf: 'https://factdesk.example.org/api/articles/art_1/annotations.jsonld',
        startIndex: 0,
      },
    });
    expect(ANNOTATION_CONTEXT).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.first.items).toHaveLength(3);
  });

  it('follows the annotation model for a commented and a highlighted passage', () => {
    const [commented, highlighted] = doc.first.items;
    expect(commented).toEqual({
      id: `${BASE}ann_1`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2025-03-02T16:00:00.000Z',
      creator: MARIE,
      body: [
        {
          type: 'TextualBody',
          value: INPUTS[0].note,
          format: 'text/plain',
          language: 'en',
          purpose: 'commenting',
          creator: MARIE,
          created: '2025-03-02T16:00:00.000Z',
        },
      ],
      target: {
        source: { id: SOURCE, type: 'Text', format: 'text/html', language: 'fr' },
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'baissé de 3 %',
            prefix: 'Le chômage a ',
            suffix: ' en un an',
          },
          { type: 'TextPositionSelector', start: 24, end: 37 },
        ],
      },
    });
    expect(highlighted.motivation).toBe('highlighting');
    expect(highlighted).not.toHaveProperty('body');
    // The context is carried by the collection, not repeated on each item.
    for (const item of doc.first.items) expect(item).not.toHaveProperty('@context');
  });

  it('encodes ids into the base URL', () => {
    expect(doc.first.items[2].id).toBe(`${BASE}ann%203%2F%C3%A9`);
  });

  it.each<[string, Selector[], Selector[]]>([
    [
      'position first',
      [
        { type: 'TextPositionSelector', start: 1, end: 3 },
        { type: 'TextQuoteSelector', exact: 'ab' },
      ],
      [
        { type: 'TextQuoteSelector', exact: 'ab' },
        { type: 'TextPositionSelector', start: 1, end: 3 },
      ],
    ],
    [
      'extra properties',
      [{ type: 'TextQuoteSelector', exact: 'ab', extra: 1 } as unknown as Selector],
      [{ type: 'TextQuoteSelector', exact: 'ab' }],
    ],
  ])('publishes the selectors in the standard order (%s)', (_name, input, expected) => {
    const [item] = collection([{ ...INPUTS[1], selectors: input }]).first.items;
    expect(item.target.selector).toEqual(expected);
  });

  it.each(['', '  \n '])('treats the blank note %j as a highlight', (note) => {
    const [item] = collection([{ ...INPUTS[0], note }]).first.items;
    expect(item.motivation).toBe('highlighting');
    expect(item).not.toHaveProperty('body');
  });

  it('is an empty collection without annotations', () => {
    expect(collection([])).toMatchObject({ total: 0, first: { items: [] } });
  });
});

describe('parseAnnotationCollection', () => {
  const expected = INPUTS.map((input) => ({ note: input.note, selectors: input.selectors }));

  it('round-trips what toAnnotationCollection exports', () => {
    const json: unknown = JSON.parse(JSON.stringify(collection()));
    expect(parseAnnotationCollection(json)).toEqual({
      annotations: expected,
      errors: [],
      total: expected.length,
    });
  });

  const items = () => JSON.parse(JSON.stringify(collection().first.items)) as unknown[];

  it.each<[string, () => unknown]>([
    ['a bare array', () => items()],
    ['an AnnotationPage', () => ({ type: 'AnnotationPage', items: items() })],
    [
      'a collection with items directly',
      () => ({ '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', items: items() }),
    ],
    [
      'types as lists and prefixed',
      () => ({
        type: ['AnnotationCollection'],
        first: { type: 'as:OrderedCollectionPage', items: items() },
      }),
    ],
  ])('accepts %s', (_name, input) => {
    const result = parseAnnotationCollection(input());
    expect(result.errors).toEqual([]);
    expect(result.annotations).toEqual(expected);
  });

  it('accepts a single Annotation object', () => {
    const [first] = items();
    expect(
      parseAnnotationCollection({ '@context': ANNOTATION_CONTEXT, ...(first as object) }),
    ).toEqual({
      annotations: [expected[0]],
      errors: [],
      total: 1,
    });
  });

  const quote = { type: 'TextQuoteSelector', exact: 'OTAN' };
  const position = { type: 'TextPositionSelector', start: 0, end: 4 };
  const annotation = (patch: Record<string, unknown>) => ({
    type: 'Annotation',
    target: { source: SOURCE, selector: [quote, position] },
    ...patch,
  });

  it.each<[string, Record<string, unknown>, string | null, Selector[]]>([
    ['no body', {}, null, [quote, position] as Selector[]],
    // A string body is an IRI (a resource elsewhere), not the note's text.
    ['a string body', { body: 'https://example.org/note' }, null, [quote, position] as Selector[]],
    [
      'a body object',
      { body: { type: 'TextualBody', value: 'Objet' } },
      'Objet',
      [quote, position] as Selector[],
    ],
    [
      'a body without type',
      { body: { value: 'Implicite' } },
      'Implicite',
      [quote, position] as Selector[],
    ],
    [
      'the bodyValue shorthand',
      { bodyValue: 'Raccourci' },
      'Raccourci',
      [quote, position] as Selector[],
    ],
    [
      'a tag before the comment',
      {
        body: [
          { type: 'TextualBody', value: 'économie', purpose: 'tagging' },
          { type: 'TextualBody', value: 'Le commentaire', purpose: 'commenting' },
        ],
      },
      'Le commentaire',
      [quote, position] as Selector[],
    ],
    [
      'a non-textual body first',
      {
        body: [
          { id: 'https://example.org/x', type: 'SpecificResource' },
          { type: 'TextualBody', value: 'Texte' },
        ],
      },
      'Texte',
      [quote, position] as Selector[],
    ],
    ['a blank note', { bodyValue: '   ' }, null, [quote, position] as Selector[]],
    [
      'a single selector object',
      { target: { source: SOURCE, selector: quote } },
      null,
      [quote] as Selector[],
    ],
    [
      'only a position',
      { target: { source: SOURCE, selector: [position] } },
      null,
      [position] as Selector[],
    ],
    [
      'null prefix and suffix',
      {
        target: {
          source: SOURCE,
          selector: [{ ...quote, prefix: null, suffix: 'x', foo: 'bar' }],
        },
      },
      null,
      [{ ...quote, suffix: 'x' }] as Selector[],
    ],
    [
      'an invalid position next to a valid quote',
      {
        target: {
          source: SOURCE,
          selector: [quote, { type: 'TextPositionSelector', start: 5, end: 5 }],
        },
      },
      null,
      [quote] as Selector[],
    ],
    [
      'unknown selectors among known ones',
      {
        target: [
          'https://other.example/',
          {
            source: SOURCE,
            selector: [
              { type: 'CssSelector', value: '#p1' },
              { type: 'RangeSelector' },
              position,
              quote,
            ],
          },
        ],
      },
      null,
      [quote, position] as Selector[],
    ],
  ])('reads an annotation with %s', (_name, patch, note, selectorsOut) => {
    expect(parseAnnotationCollection([annotation(patch)])).toEqual({
      annotations: [{ note, selectors: selectorsOut }],
      errors: [],
      total: 1,
    });
  });

  it.each<[string, unknown]>([
    ['no target', { type: 'Annotation', bodyValue: 'x' }],
    ['a target URL only', { type: 'Annotation', target: SOURCE }],
    ['no selector', annotation({ target: { source: SOURCE } })],
    [
      'an empty exact',
      annotation({ target: { source: SOURCE, selector: [{ ...quote, exact: '' }] } }),
    ],
    [
      'exact not a string',
      annotation({ target: { source: SOURCE, selector: [{ ...quote, exact: 42 }] } }),
    ],
    [
      'start = end',
      annotation({ target: { source: SOURCE, selector: [{ ...position, end: 0 }] } }),
    ],
    [
      'start > end',
      annotation({ target: { source: SOURCE, selector: [{ ...position, start: 9 }] } }),
    ],
    [
      'a negative start',
      annotation({ target: { source: SOURCE, selector: [{ ...position, start: -1 }] } }),
    ],
    [
      'fractional offsets',
      annotation({ target: { source: SOURCE, selector: [{ ...position, end: 2.5 }] } }),
    ],
    [
      'offsets as strings',
      annotation({ target: { source: SOURCE, selector: [{ ...position, start: '0' }] } }),
    ],
    [
      'a wrong selector type',
      annotation({ target: { source: SOURCE, selector: [{ ...quote, type: 'TextQuote' }] } }),
    ],
    ['a string', 'annotation'],
    ['null', null],
    ['a number', 42],
    ['an array', [quote]],
  ])('skips an item with %s and says which one', (_name, bad) => {
    const good = annotation({ bodyValue: 'Bonne' });
    const result = parseAnnotationCollection([good, bad, good]);
    expect(result.annotations).toEqual([
      { note: 'Bonne', selectors: [quote, position] },
      { note: 'Bonne', selectors: [quote, position] },
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^Élément n° 2 ignoré : /);
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /Format non reconnu/],
    ['a string', 'texte', /Format non reconnu/],
    ['a number', 12, /Format non reconnu/],
    ['an unknown object', { hello: 'world' }, /Format non reconnu/],
    [
      'a collection without embedded page',
      { type: 'AnnotationCollection', first: 'https://x/p1', total: 3 },
      /Collection sans page incluse/,
    ],
    ['a page without items', { type: 'AnnotationPage' }, /Page d’annotations sans liste items/],
  ])('reports a document that is %s', (_name, input, message) => {
    const result = parseAnnotationCollection(input);
    expect(result.annotations).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(message);
  });

  it('accepts an empty collection', () => {
    expect(parseAnnotationCollection({ type: 'AnnotationCollection', total: 0 })).toEqual({
      annotations: [],
      errors: [],
      total: 0,
    });
    expect(parseAnnotationCollection(JSON.parse(JSON.stringify(collection([]))))).toEqual({
      annotations: [],
      errors: [],
      total: 0,
    });
  });

  it(`imports at most ${MAX_IMPORTED_ANNOTATIONS} annotations`, () => {
    expect(MAX_IMPORTED_ANNOTATIONS).toBe(5000);
    const many = Array.from({ length: MAX_IMPORTED_ANNOTATIONS + 2 }, () => annotation({}));
    const result = parseAnnotationCollection(many);
    expect(result.annotations).toHaveLength(MAX_IMPORTED_ANNOTATIONS);
    expect(result.errors).toEqual([
      'Trop d’annotations : 5002 éléments, seuls les 5000 premiers sont importés.',
    ]);
    const exact = parseAnnotationCollection(many.slice(0, MAX_IMPORTED_ANNOTATIONS));
    expect(exact.errors).toEqual([]);
  });

  it('never throws on hostile shapes', () => {
    const cyclic: Record<string, unknown> = { type: 'Annotation' };
    cyclic.target = cyclic;
    const inputs: unknown[] = [
      undefined,
      true,
      [],
      [[]],
      [undefined, null, 0, '', {}],
      { type: 'AnnotationCollection', first: { items: 'nope' } },
      { type: 'AnnotationCollection', first: { items: [null] } },
      { type: 42, target: 42 },
      { target: { selector: { type: 'TextQuoteSelector', exact: { toString: 'x' } } } },
      { target: [{ selector: [null, 1, 'x', []] }] },
      { target: { selector: quote }, body: [null, 1, { value: 2 }, { type: 'TextualBody' }] },
      Object.create(null) as unknown,
      cyclic,
      { __proto__: { type: 'Annotation' }, target: { selector: quote } },
    ];
    for (const input of inputs) {
      expect(() => parseAnnotationCollection(input)).not.toThrow();
      const result = parseAnnotationCollection(input);
      expect(Array.isArray(result.annotations)).toBe(true);
      expect(Array.isArray(result.errors)).toBe(true);
    }
  });
});

// The Web Annotation Working Group's JSON schemas are not published on the package registry
// this project installs from: the model's requirements that apply to what FactDesk emits are
// checked here, property by property (https://www.w3.org/TR/annotation-model/).
describe('the export against the annotation model', () => {
  const doc = collection();
  const isIri = (value: unknown) =>
    typeof value === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value) && !/\s/.test(value);

  it('has every MUST and SHOULD of a collection and its page', () => {
    expect(doc['@context']).toBe(ANNOTATION_CONTEXT);
    expect(isIri(doc.id)).toBe(true); // MUST
    expect(doc.type).toBe('AnnotationCollection'); // MUST
    expect(doc.total).toBe(doc.first.items.length); // SHOULD
    expect(doc.last).toBe(doc.first.id); // SHOULD: the only page is the last
    expect(isIri(doc.first.id)).toBe(true); // page MUST have an IRI
    expect(doc.first.type).toBe('AnnotationPage'); // MUST
    expect(doc.first.partOf).toBe(doc.id); // SHOULD
    expect(doc.first.startIndex).toBe(0); // SHOULD
  });

  it('has every MUST and SHOULD of an annotation, its creator, body and target', () => {
    for (const item of doc.first.items) {
      expect(isIri(item.id), item.id).toBe(true); // MUST
      expect(item.type).toBe('Annotation'); // MUST
      expect(item.target.selector.length).toBeGreaterThan(0); // MUST have a target
      expect(Number.isNaN(Date.parse(item.created))).toBe(false); // SHOULD, xsd:dateTime
      expect(isIri(item.creator.id)).toBe(true); // Agent SHOULD have an IRI
      expect(item.creator).toMatchObject({ type: 'Person', name: expect.any(String) });
      expect(isIri(item.target.source.id)).toBe(true);
      expect(item.target.source).toMatchObject({ format: 'text/html', language: 'fr' });
      for (const body of item.body ?? []) {
        expect(body).toMatchObject({
          type: 'TextualBody', // SHOULD
          format: 'text/plain', // SHOULD
          language: 'en', // SHOULD
          purpose: 'commenting',
          creator: item.creator,
          created: item.created,
        });
      }
    }
    // A highlight without a note has no body (the model allows 0 bodies).
    expect(doc.first.items.filter((item) => item.body === undefined)).toHaveLength(1);
  });

  it('survives its own import: the notes and selectors come back', () => {
    const back = parseAnnotationCollection(JSON.parse(JSON.stringify(doc)));
    expect(back.errors).toEqual([]);
    expect(back.annotations.map((a) => a.note)).toEqual(INPUTS.map((i) => i.note));
  });
});
