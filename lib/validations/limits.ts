// Plain constants shared with client components, kept apart from the schemas so that
// importing one does not bring zod into the browser bundle.
export const TITLE_MAX_LENGTH = 300;

// Budgets of the request path (README "Limits"). Every one is checked before the work it
// bounds; what is bigger than a synchronous budget but within the limit goes to a worker.

/** Largest article text, in characters (UTF-16 code units): 413 `payload_too_large` above. */
export const ARTICLE_MAX_CHARACTERS = 3_000_000;
/** Largest article in units (sentences, headings, notices), counted after segmentation. */
export const ARTICLE_MAX_UNITS = 30_000;
/**
 * Up to this many characters of text, Markdown or HTML, an import or a correction of this size
 * is done in the request (≈ 15 ms of segmentation and scoring); above it, by a worker (202).
 */
export const SYNC_IMPORT_MAX_CHARACTERS = 20_000;
/** Highlights per W3C import: 413 above, nothing imported. */
export const IMPORT_MAX_ANNOTATIONS = 5_000;
/** Up to this many items, a W3C import is done in the request; above it, by a worker (202). */
export const SYNC_ANNOTATION_IMPORT_MAX = 100;
/** Request bodies of the import routes (article text or a W3C collection), in bytes. */
export const IMPORT_MAX_BODY_BYTES = 12 * 1024 * 1024;
/** Request bodies of every other route, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
