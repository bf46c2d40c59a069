/**
 * Anchoring vocabulary shared by the whole FactDesk annotation pipeline.
 *
 * Owns the W3C Web Annotation selector shapes we persist
 * (https://www.w3.org/TR/annotation-model/#selectors) and the plain offset
 * ranges the rest of `lib/anchoring` works with. Kept dependency-free so the
 * server (validation, storage) and the browser (painting, selection) can share it.
 */

/** Describes a passage by its text plus a little surrounding context, so it survives edits. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Describes a passage by UTF-16 offsets into the article text: fast, but brittle under edits. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** Half-open `[start, end)` range of UTF-16 code-unit indices into the article text. */
export interface TextRange {
  start: number;
  end: number;
}

/** Which anchoring step located the passage (lets the UI flag highlights that "moved"). */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor extends TextRange {
  method: AnchorMethod;
  /**
   * Similarity (0..1) between the stored quote and the text now at the range:
   * 1 − edit distance / length of the longer of the two. Only the fuzzy step
   * sets it; the exact steps imply 1.
   */
  score?: number;
}
