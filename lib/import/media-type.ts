// Which sources an import reads, by media type and by file name: the one table that says HTML
// (text/html, application/xhtml+xml, .html/.htm), Markdown (text/markdown, text/x-markdown,
// .md/.markdown) or plain text (text/plain, .txt), and refuses everything else (PDF, JSON,
// images…). The fetcher's Accept header, its early refusal of a page, the extractor's dispatch
// (./extract.ts extractFromSource) and the API's `format` all read it. Content-Type headers are
// parsed by `content-type` (jshttp, the parser Express uses): lenient with what servers send
// ("text/html; charset=UTF-8; ", quoted or oddly cased parameters) and it never throws.
// Pure: no Next, Prisma, Node or network, so the browser may import it too.

import { parse } from 'content-type';
import type { ImportText } from '@/lib/i18n/error-text';

/** What an import source is read as, in the order the fetcher prefers them. */
export const SOURCE_FORMATS = ['html', 'markdown', 'text'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

interface FormatEntry {
  /** Accepted media types; the first is the canonical one. */
  mediaTypes: readonly string[];
  /** Accepted file extensions, lowercase, without the dot. */
  extensions: readonly string[];
  /** Preference in the fetcher's Accept header. */
  quality: number;
}

const FORMATS: Record<SourceFormat, FormatEntry> = {
  html: {
    mediaTypes: ['text/html', 'application/xhtml+xml'],
    extensions: ['html', 'htm'],
    quality: 1,
  },
  markdown: {
    mediaTypes: ['text/markdown', 'text/x-markdown'],
    extensions: ['md', 'markdown'],
    quality: 0.8,
  },
  text: { mediaTypes: ['text/plain'], extensions: ['txt'], quality: 0.8 },
};

const FORMAT_BY_MEDIA_TYPE = new Map(
  SOURCE_FORMATS.flatMap((format) =>
    FORMATS[format].mediaTypes.map((type): [string, SourceFormat] => [type, format]),
  ),
);
const FORMAT_BY_EXTENSION = new Map(
  SOURCE_FORMATS.flatMap((format) =>
    FORMATS[format].extensions.map((extension): [string, SourceFormat] => [extension, format]),
  ),
);

/** The canonical media type of a format ("markdown" → "text/markdown"). */
export function mediaTypeOf(format: SourceFormat): string {
  return FORMATS[format].mediaTypes[0];
}

export interface MediaType {
  /** Lowercase "type/subtype", without parameters; "" when the header is missing. */
  type: string;
  /** The charset parameter as declared, or null. */
  charset: string | null;
}

/** A Content-Type header (or a bare media type) read into its type and charset. */
export function parseMediaType(header: string | null | undefined): MediaType {
  if (!header) return { type: '', charset: null };
  const { type, parameters } = parse(header);
  return { type, charset: parameters.charset || null };
}

/** HTML, Markdown or text for a media type or a whole Content-Type header; null otherwise. */
export function sourceFormatOf(contentType: string | null | undefined): SourceFormat | null {
  return FORMAT_BY_MEDIA_TYPE.get(parseMediaType(contentType).type) ?? null;
}

/** The format a file's extension says ("Article.HTM" → "html"); null for any other file. */
export function sourceFormatOfFileName(name: string): SourceFormat | null {
  const dot = name.lastIndexOf('.');
  if (dot === -1) return null;
  return FORMAT_BY_EXTENSION.get(name.slice(dot + 1).toLowerCase()) ?? null;
}

/** For an `<input type="file" accept>`: every extension and media type read. */
export const SOURCE_FILE_ACCEPT = [
  ...SOURCE_FORMATS.flatMap((format) => FORMATS[format].extensions.map((ext) => `.${ext}`)),
  ...SOURCE_FORMATS.flatMap((format) => FORMATS[format].mediaTypes),
].join(',');

/** The fetcher's Accept header: the formats read, preferred first, then anything. */
export const SOURCE_ACCEPT_HEADER = [
  ...SOURCE_FORMATS.flatMap((format) =>
    FORMATS[format].mediaTypes.map((type, i) => {
      // The alternative spellings (application/xhtml+xml…) come a notch below the canonical one.
      const quality = Math.round((FORMATS[format].quality - (i > 0 ? 0.1 : 0)) * 10) / 10;
      return quality === 1 ? type : `${type};q=${quality}`;
    }),
  ),
  '*/*;q=0.1',
].join(',');

/** Why a source of this media type is refused: its message key and values (errors.import.*). */
export function unsupportedTypeText(type: string): ImportText {
  const shown = parseMediaType(type).type.slice(0, 80);
  return shown ? { key: 'unsupportedType', values: { type: shown } } : { key: 'unknownType' };
}
