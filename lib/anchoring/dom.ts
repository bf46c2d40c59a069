/**
 * Bridge between the rendered article (DOM) and article-text offsets.
 *
 * Owns the conversions DOM Range ⇄ TextRange, relying only on the rendering
 * contract below (no framework, no layout). The article view must follow it:
 *
 * - Every piece of article text is a Text node whose nearest `[data-start]`
 *   ancestor (within the root, possibly its parent) has `data-start="<n>"`,
 *   n being the article offset of the first character of that element's
 *   textContent, and that textContent equals `text.slice(n, n + length)`.
 *   Nested `<mark>` segments may each carry their own `data-start` or inherit
 *   it from an enclosing sentence element; both work.
 * - Non-article content (buttons, badges, counters) sits in a subtree marked
 *   `data-fd-ignore`; it is skipped entirely, even under a `data-start`
 *   element (whose text is then counted without it), and a `data-start`
 *   inside an ignored subtree does not make its text article text.
 * - Paragraph breaks are layout, not text nodes, so offsets may jump between
 *   consecutive text nodes; positions falling in such gaps snap inwards.
 *
 * Only DOM types are used and every DOM global is touched inside functions,
 * so importing this module on the server (or in node tests) is harmless.
 */
import type { TextRange } from './types';

// Numeric DOM constants, spelled out so the module never touches `Node` or
// `NodeFilter` globals at import time.
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;

const IGNORE_ATTR = 'data-fd-ignore';
const START_ATTR = 'data-start';

/** A Text node carrying article text, with the article offset of its first character. */
interface PlacedText {
  node: Text;
  start: number;
}

function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

/**
 * Walker over the Text nodes under `scope`, in document order, never entering
 * `data-fd-ignore` subtrees (FILTER_REJECT prunes a whole subtree, which is why
 * elements are shown to the filter at all).
 */
function textWalker(scope: Node): TreeWalker {
  const doc = scope.ownerDocument ?? (scope as Document);
  return doc.createTreeWalker(scope, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (isText(node)) return node.length > 0 ? FILTER_ACCEPT : FILTER_SKIP;
      return (node as Element).hasAttribute(IGNORE_ATTR) ? FILTER_REJECT : FILTER_SKIP;
    },
  });
}

/**
 * Nearest `[data-start]` element holding `node`, searching up to and including
 * `root`; `null` if the node is outside `root`, inside an ignored subtree, or
 * not covered by any `data-start`.
 */
function offsetElementOf(root: Element, node: Text): Element | null {
  let owner: Element | null = null;
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (el.hasAttribute(IGNORE_ATTR)) return null;
    if (!owner && el.hasAttribute(START_ATTR)) owner = el;
    if (el === root) return owner;
  }
  return null; // never reached root: not ours
}

/**
 * Lazily enumerates article Text nodes under `scope` with their offsets.
 * The first node met inside a given `[data-start]` element is placed by
 * summing the text preceding it in that element; later ones just continue
 * from the previous node, keeping a full walk linear.
 */
function* placedTexts(root: Element, scope: Node): Generator<PlacedText> {
  const next = new Map<Element, number>(); // owner element → offset after its last seen node
  const walker = textWalker(scope);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!isText(node)) continue;
    const owner = offsetElementOf(root, node);
    if (!owner) continue;
    let start = next.get(owner);
    if (start === undefined) {
      const base = Number(owner.getAttribute(START_ATTR));
      if (!Number.isInteger(base) || base < 0) continue; // malformed markup: not article text
      start = base + textBefore(owner, node);
    }
    next.set(owner, start + node.length);
    yield { node, start };
  }
}

/** Number of article characters inside `owner` that precede `target`. */
function textBefore(owner: Element, target: Text): number {
  let count = 0;
  const walker = textWalker(owner);
  for (let node = walker.nextNode(); node && node !== target; node = walker.nextNode()) {
    if (isText(node)) count += node.length;
  }
  return count;
}

/**
 * Convert a DOM Range (typically `window.getSelection().getRangeAt(0)`) into
 * article offsets, or `null` if it is collapsed or selects no article text.
 *
 * Each article Text node contributes the characters the range covers in it:
 * a node holding a boundary contributes from/to the boundary offset, any other
 * node lies wholly inside or wholly outside the range (checked with
 * `comparePoint`). This makes element boundaries behave as expected:
 * a selection ending at offset 0 of the next paragraph, or a triple-click that
 * ends at the start of the following block, covers no character of that
 * block, so the result ends at the last selected character before it.
 * Likewise a boundary inside an ignored badge snaps to the nearest article
 * text within the range.
 */
export function rangeToTextRange(root: Element, range: Range): TextRange | null {
  if (range.collapsed) return null;

  // Only walk the part of the tree the range can touch.
  const common = range.commonAncestorContainer;
  let scope: Node = root;
  if (common !== root && root.contains(common)) {
    scope = isText(common) ? (common.parentNode ?? root) : common;
  }

  let start = Infinity;
  let end = -Infinity;
  for (const { node, start: offset } of placedTexts(root, scope)) {
    let from = 0;
    let to = node.length;
    if (node === range.startContainer) from = range.startOffset;
    else if (range.comparePoint(node, 0) < 0) continue; // wholly before the range
    if (node === range.endContainer) to = range.endOffset;
    else if (range.comparePoint(node, 0) > 0) break; // wholly after: so is everything next
    if (from < to) {
      start = Math.min(start, offset + from);
      end = Math.max(end, offset + to);
    }
  }
  return start < end ? { start, end } : null;
}

/**
 * Build a DOM Range covering article offsets `range` under `root` (to position
 * a toolbar or scroll a highlight into view), or `null` if no rendered article
 * text falls inside it. Ends falling in unrendered gaps (paragraph breaks) or
 * outside the rendered part snap inwards to the nearest rendered character.
 */
export function textRangeToDomRange(root: Element, range: TextRange): Range | null {
  if (!(range.start < range.end)) return null;

  let startPoint: { node: Text; offset: number } | null = null;
  let endPoint: { node: Text; offset: number } | null = null;
  for (const { node, start } of placedTexts(root, root)) {
    const end = start + node.length;
    if (start >= range.end) break; // document order follows article order
    if (end <= range.start) continue;
    // First node reaching past range.start holds the start; last one beginning before range.end holds the end.
    startPoint ??= { node, offset: Math.max(0, range.start - start) };
    endPoint = { node, offset: Math.min(node.length, range.end - start) };
  }
  if (!startPoint || !endPoint) return null;

  const domRange = root.ownerDocument.createRange();
  domRange.setStart(startPoint.node, startPoint.offset);
  domRange.setEnd(endPoint.node, endPoint.offset);
  return domRange;
}
