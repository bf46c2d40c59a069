// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) export and import of an
// article's annotations, so a team can move its highlights and notes to and from other tools
// (Hypothesis, Recogito, Annotorious, …) that speak the standard.
//
// Export: an AnnotationCollection in JSON-LD with one embedded AnnotationPage. Each annotation
// targets the article's URL with both selectors FactDesk stores: a TextQuoteSelector (robust to
// edits) and a TextPositionSelector (fast), in that order. annotationCollectionWriter prints the
// same document (compact JSON) one annotation at a time, for streamed exports, escaped so that it
// can be embedded in `<script type="application/ld+json">` as is (lib/text/json-ld.ts).
//
// Import: tolerant of the shapes other tools produce (a collection, a page, a bare array, a
// single annotation; `body` as an object, an array or a string; `selector` as an object or an
// array) but strict on what FactDesk stores: each selector is validated with zod, and an item
// without a usable selector is skipped with a French error naming it. It never throws on user
// input.
import { currentLocale } from '@/lib/i18n/current-locale';
import { errorText, type ErrorText } from '@/lib/i18n/error-text';
import { z } from 'zod';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '@/lib/anchoring/types';
import { stringifyJsonLd } from '@/lib/text/json-ld';
import type { ChunkWriter } from './writer';
import { quoteExactSchema } from '@/lib/validations/annotation';
import { IMPORT_MAX_ANNOTATIONS } from '@/lib/validations/limits';

/** A diagnostic in the language of whoever imports (the request's, or the job's requester's). */
function say(text: ErrorText): string {
  return errorText(currentLocale(), text);
}

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Most annotations parseAnnotationCollection imports from one document. */
/** The parser reads at most this many items (the server refuses larger imports: 413). */
export const MAX_IMPORTED_ANNOTATIONS = IMPORT_MAX_ANNOTATIONS;

export interface W3CAnnotationInput {
  id: string;
  note: string | null;
  /** The author's FactDesk id: the creator's IRI is `urn:uuid:<id>`. */
  authorId: string;
  authorName: string;
  /** ISO date-time. */
  createdAt: string;
  /** [TextQuoteSelector, TextPositionSelector] */
  selectors: Selector[];
}

/** A person as the model's Agent: an IRI, the class and the name shown in FactDesk. */
export interface W3CCreator {
  id: string;
  type: 'Person';
  name: string;
}

export interface W3CTextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  /** The note's language: the team's working (publication) language, BCP 47. */
  language: string;
  purpose: 'commenting';
  creator: W3CCreator;
  created: string;
}

/** The annotated page: FactDesk's reader of the article, in the article's language. */
export interface W3CSource {
  id: string;
  type: 'Text';
  format: 'text/html';
  language: string;
}

export interface W3CAnnotation {
  /** Only on a standalone annotation; omitted inside a collection, which carries it. */
  '@context'?: typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  creator: W3CCreator;
  /** Present only when the annotation has a note. */
  body?: W3CTextualBody[];
  target: { source: W3CSource; selector: Selector[] };
}

export interface AnnotationPageDocument {
  /** The page's IRI: the collection's, with the fragment `#page-1`. */
  id: string;
  type: 'AnnotationPage';
  /** The collection the page belongs to. */
  partOf: string;
  startIndex: 0;
  items: W3CAnnotation[];
}

export interface AnnotationCollectionDocument {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  /** The last page's IRI: the only page is the first and the last. */
  last: string;
  first: AnnotationPageDocument;
}

export interface ImportedAnnotation {
  note: string | null;
  selectors: Selector[];
}

export interface AnnotationImport {
  annotations: ImportedAnnotation[];
  /** French, one per skipped item or structural problem. */
  errors: string[];
  /** How many items the document holds (anchorable or not). */
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/** The selectors in the order FactDesk publishes them, with only their standard properties. */
function exportSelectors(selectors: Selector[]): Selector[] {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector',
  );
  const out: Selector[] = [];
  if (quote) {
    out.push({
      type: 'TextQuoteSelector',
      exact: quote.exact,
      ...(quote.prefix !== undefined ? { prefix: quote.prefix } : {}),
      ...(quote.suffix !== undefined ? { suffix: quote.suffix } : {}),
    });
  }
  if (position) {
    out.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  }
  return out;
}

function toAnnotation(input: W3CAnnotationInput, head: AnnotationCollectionHead): W3CAnnotation {
  // A blank note is no note: the annotation is a plain highlight.
  const note = input.note !== null && input.note.trim() !== '' ? input.note : null;
  const creator: W3CCreator = {
    id: `urn:uuid:${input.authorId}`,
    type: 'Person',
    name: input.authorName,
  };
  return {
    id: `${head.annotationBaseUrl}${encodeURIComponent(input.id)}`,
    type: 'Annotation',
    motivation: note === null ? 'highlighting' : 'commenting',
    created: input.createdAt,
    creator,
    ...(note === null
      ? {}
      : {
          body: [
            {
              type: 'TextualBody',
              value: note,
              format: 'text/plain',
              language: head.noteLanguage,
              purpose: 'commenting',
              creator,
              created: input.createdAt,
            },
          ],
        }),
    target: {
      source: { id: head.sourceUrl, type: 'Text', format: 'text/html', language: head.language },
      selector: exportSelectors(input.selectors),
    },
  };
}

/**
 * An article's annotations as a W3C AnnotationCollection (JSON-LD, one embedded page). Ids are
 * `annotationBaseUrl` + the (URI-encoded) FactDesk id; every target's source is `sourceUrl`.
 */
export function toAnnotationCollection(
  options: Omit<AnnotationCollectionHead, 'total'> & { annotations: W3CAnnotationInput[] },
): AnnotationCollectionDocument {
  const head = { ...options, total: options.annotations.length };
  const items = options.annotations.map((annotation) => toAnnotation(annotation, head));
  return { ...collectionHead(head), first: firstPage(head, items) };
}

export interface AnnotationCollectionHead {
  collectionId: string;
  sourceUrl: string;
  annotationBaseUrl: string;
  label: string;
  /** The article's language (BCP 47): the annotated page's. */
  language: string;
  /** The notes' language (BCP 47): the team's publication language. */
  noteLanguage: string;
  /** Number of annotations the collection will hold (counted before they are written). */
  total: number;
}

function collectionHead(
  head: AnnotationCollectionHead,
): Omit<AnnotationCollectionDocument, 'first'> {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: head.collectionId,
    type: 'AnnotationCollection',
    label: head.label,
    total: head.total,
    last: pageId(head),
  };
}

/** The one page's IRI (a fragment of the collection's: the export is never split). */
function pageId(head: Pick<AnnotationCollectionHead, 'collectionId'>): string {
  return `${head.collectionId}#page-1`;
}

function firstPage(head: AnnotationCollectionHead, items: W3CAnnotation[]): AnnotationPageDocument {
  return {
    id: pageId(head),
    type: 'AnnotationPage',
    partOf: head.collectionId,
    startIndex: 0,
    items,
  };
}

/**
 * The collection as `stringifyJsonLd(toAnnotationCollection(…))` prints it, written annotation by
 * annotation: the header ends inside the page's `items` array, each annotation brings its comma,
 * the footer closes the array, the page and the collection. `total` is printed as given.
 */
export function annotationCollectionWriter(
  head: AnnotationCollectionHead,
): ChunkWriter<W3CAnnotationInput> {
  let written = 0;
  return {
    start() {
      // The document with an empty page, cut just after the items' `[`.
      const text = stringifyJsonLd({ ...collectionHead(head), first: firstPage(head, []) });
      return text.slice(0, -']}}'.length);
    },
    item(input) {
      const annotation = toAnnotation(input, head);
      return `${written++ === 0 ? '' : ','}${stringifyJsonLd(annotation)}`;
    },
    end: () => ']}}',
  };
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/** Bounds on imported text, far above real passages and notes, so one item cannot hog memory. */
const MAX_QUOTE = 100_000;
const MAX_CONTEXT = 10_000;
const MAX_NOTE = 100_000;

const quoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: quoteExactSchema(MAX_QUOTE),
  // Some tools write null or omit the context; both mean "no context".
  prefix: z.string().max(MAX_CONTEXT).nullish(),
  suffix: z.string().max(MAX_CONTEXT).nullish(),
});

const positionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((selector) => selector.start < selector.end, { message: 'start must be < end' });

const textualBodySchema = z.object({
  // The type may be implied: a body with a `value` is a TextualBody.
  type: z.literal('TextualBody').optional(),
  value: z.string().max(MAX_NOTE),
  purpose: z.unknown().optional(),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `type` may be a string or a list, and prefixed ("oa:Annotation") in older exports. */
function hasType(value: Record<string, unknown>, type: string): boolean {
  const types = Array.isArray(value.type) ? value.type : [value.type];
  return types.some((t) => typeof t === 'string' && (t === type || t.endsWith(`:${type}`)));
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The items of a collection, a page, a bare array or a single annotation. */
function itemsOf(json: unknown, errors: string[]): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (!isRecord(json)) {
    errors.push(say({ key: 'annotationDocument.notJson' }));
    return null;
  }
  if (hasType(json, 'AnnotationCollection')) {
    if (Array.isArray(json.items)) return json.items;
    if (isRecord(json.first) && Array.isArray(json.first.items)) return json.first.items;
    if (json.total === 0) return [];
    errors.push(say({ key: 'annotationDocument.collectionWithoutPage' }));
    return null;
  }
  if (hasType(json, 'AnnotationPage')) {
    if (Array.isArray(json.items)) return json.items;
    errors.push(say({ key: 'annotationDocument.pageWithoutItems' }));
    return null;
  }
  if (hasType(json, 'Annotation') || 'target' in json) return [json];
  errors.push(say({ key: 'annotationDocument.unknownFormat' }));
  return null;
}

/** The first valid selector of each kind among every target of the annotation. */
function selectorsOf(item: Record<string, unknown>): Selector[] {
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  for (const target of asList(item.target)) {
    if (!isRecord(target)) continue;
    for (const candidate of asList(target.selector)) {
      if (!quote) {
        const parsed = quoteSelectorSchema.safeParse(candidate);
        if (parsed.success) {
          const { exact, prefix, suffix } = parsed.data;
          quote = {
            type: 'TextQuoteSelector',
            exact,
            ...(typeof prefix === 'string' ? { prefix } : {}),
            ...(typeof suffix === 'string' ? { suffix } : {}),
          };
          continue;
        }
      }
      if (!position) {
        const parsed = positionSelectorSchema.safeParse(candidate);
        if (parsed.success) {
          position = {
            type: 'TextPositionSelector',
            start: parsed.data.start,
            end: parsed.data.end,
          };
        }
      }
    }
  }
  return [...(quote ? [quote] : []), ...(position ? [position] : [])];
}

/**
 * The note: the first TextualBody's value (tags skipped: they label, they do not comment), or
 * the `bodyValue` shorthand. A string body is an IRI in the model (a resource elsewhere), not
 * text: it is no note. Blank notes are no note.
 */
function noteOf(item: Record<string, unknown>): string | null {
  const candidates: string[] = [];
  if (typeof item.bodyValue === 'string') candidates.push(item.bodyValue);
  for (const body of asList(item.body)) {
    if (typeof body === 'string') continue;
    const parsed = textualBodySchema.safeParse(body);
    if (parsed.success && parsed.data.purpose !== 'tagging') candidates.push(parsed.data.value);
  }
  const note = candidates.find((value) => value.trim() !== '');
  return note === undefined ? null : note.slice(0, MAX_NOTE);
}

/**
 * How many items a document holds, without reading them (what the request path may afford on a
 * document of 5,000 annotations; the items themselves are read by a worker).
 */
export function countAnnotationItems(json: unknown): number {
  return itemsOf(json, [])?.length ?? 0;
}

/**
 * Reads W3C annotations from parsed JSON: an AnnotationCollection with an embedded first page, an
 * AnnotationPage, a bare array of annotations or a single Annotation. Returns the notes and
 * selectors FactDesk can anchor (TextQuoteSelector first, then TextPositionSelector) and, in
 * the importer's language, why anything was left out (« Élément n° N », "Item N", N counted
 * from 1). Never throws.
 */
export function parseAnnotationCollection(json: unknown): AnnotationImport {
  const errors: string[] = [];
  const annotations: ImportedAnnotation[] = [];
  const items = itemsOf(json, errors);
  if (items === null) return { annotations, errors, total: 0 };
  if (items.length > MAX_IMPORTED_ANNOTATIONS) {
    errors.push(
      say({
        key: 'annotationDocument.tooMany',
        values: { count: String(items.length), max: String(MAX_IMPORTED_ANNOTATIONS) },
      }),
    );
  }
  items.slice(0, MAX_IMPORTED_ANNOTATIONS).forEach((item, index) => {
    const numbered = { item: String(index + 1) };
    if (!isRecord(item)) {
      errors.push(say({ key: 'annotationDocument.notAnObject', values: numbered }));
      return;
    }
    const selectors = selectorsOf(item);
    if (selectors.length === 0) {
      errors.push(say({ key: 'annotationDocument.noSelector', values: numbered }));
      return;
    }
    annotations.push({ note: noteOf(item), selectors });
  });
  return { annotations, errors, total: items.length };
}
