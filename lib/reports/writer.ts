// Streaming support shared by the report formats: a format is written as a header, one chunk per
// item (claim or annotation) and a footer, so a server can send a report of any length while
// holding one batch of items at a time. The whole-string builders (toMarkdown, toCsv, …) are the
// same writers applied to an in-memory list, so a streamed report is byte for byte the whole one.
import type { ReportClaim, ReportData, ReportHead, ReportTotals } from './types';
import { RATINGS, type Rating } from './verdict-scale';

/**
 * Writes one document as pieces: `start()` once, `item()` per item in order, `end()` once. A
 * writer keeps the little state a format needs between pieces (how many items were written, for
 * JSON commas and for sections that only exist when there are items), so use a fresh one per
 * document.
 */
export interface ChunkWriter<T> {
  start(): string;
  item(item: T): string;
  end(): string;
}

export type ReportWriter = ChunkWriter<ReportClaim>;

/** The whole document a writer produces for `items`: what a stream of it concatenates to. */
export function writeAll<T>(writer: ChunkWriter<T>, items: Iterable<T>): string {
  let out = writer.start();
  for (const item of items) out += writer.item(item);
  return out + writer.end();
}

/** The same document as pieces, items arriving in batches (a streamed export reads them so). */
export async function* writePieces<T>(
  writer: ChunkWriter<T>,
  batches: AsyncIterable<readonly T[]>,
): AsyncGenerator<string> {
  yield writer.start();
  for await (const batch of batches) {
    for (const item of batch) yield writer.item(item);
  }
  yield writer.end();
}

/** Claims per rating, every rating present (0 when unused), in scale order. */
export function countByRating(ratings: Iterable<Rating>): Record<Rating, number> {
  // Every key comes from RATINGS, the one list of the scale: the record is complete (the one
  // place it is built; fromEntries cannot say so itself).
  const counts = Object.fromEntries(RATINGS.map((rating) => [rating, 0])) as Record<Rating, number>;
  for (const rating of ratings) counts[rating] += 1;
  return counts;
}

/** The totals of a list of claims. */
export function totalsOf(claims: readonly ReportClaim[]): ReportTotals {
  return {
    verifiedCount: claims.length,
    byRating: countByRating(claims.map((claim) => claim.rating)),
  };
}

/** The header part of an in-memory report, its totals counted from its claims. */
export function reportHead(data: ReportData): ReportHead {
  const { claims, ...head } = data;
  return { ...head, totals: totalsOf(claims) };
}

/**
 * A JSON value as `JSON.stringify(value, null, 2)` prints it `depth` levels deep in an indented
 * document: every line after the first is indented by the enclosing levels. Safe because JSON
 * strings never contain a raw line break.
 */
export function indentedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}
