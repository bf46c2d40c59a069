/**
 * Preparing highlights for rendering.
 *
 * Owns the flattening of overlapping/nested highlights into consecutive,
 * non-overlapping segments (HTML cannot express overlapping <mark>s, so each
 * segment becomes one <mark> listing every highlight covering it) and the
 * bucketing of an article's highlights by unit. Both are sort-and-sweep
 * algorithms because an article can carry thousands of highlights.
 */
import type { TextRange } from './types';

export interface Segment {
  start: number;
  end: number;
  /** Ids of the highlights covering the whole segment, in the order the highlights were given. */
  ids: string[];
}

export interface Highlight {
  id: string;
  start: number;
  end: number;
}

/**
 * Cut `span` into consecutive segments at every highlight boundary inside it.
 *
 * Highlights are clipped to the span (one reaching outside simply covers the
 * edge segment) and empty ones are ignored. The segments cover `span` exactly,
 * in order, without empty pieces; uncovered stretches get `ids: []`.
 * Ids are assumed unique; a duplicated id would be listed twice.
 *
 * Cost: O(n log n) to sort the 2n boundary events, plus O(k log n) to emit the
 * k (segment, id) pairs in input order.
 */
export function splitIntoSegments(span: TextRange, highlights: readonly Highlight[]): Segment[] {
  if (!(span.start < span.end)) return [];

  // +1 opens highlight `index` at `pos`, -1 closes it.
  const events: { pos: number; index: number; delta: 1 | -1 }[] = [];
  highlights.forEach((h, index) => {
    const start = Math.max(h.start, span.start);
    const end = Math.min(h.end, span.end);
    if (start < end) {
      events.push({ pos: start, index, delta: 1 }, { pos: end, index, delta: -1 });
    }
  });
  events.sort((a, b) => a.pos - b.pos);

  const segments: Segment[] = [];
  const active = new Set<number>();
  let cursor = span.start;
  const emit = (end: number) => {
    const ids = [...active].sort((a, b) => a - b).map((index) => highlights[index].id);
    segments.push({ start: cursor, end, ids });
    cursor = end;
  };
  // All events at one position are applied before the next segment is emitted,
  // so the order of opens/closes sharing a position does not matter.
  for (const event of events) {
    if (event.pos > cursor) emit(event.pos);
    if (event.delta === 1) active.add(event.index);
    else active.delete(event.index);
  }
  if (cursor < span.end) emit(span.end);
  return segments;
}

/**
 * Map each unit index to the highlights sharing at least one character with it
 * (units without highlights are absent). Highlights are listed in input order,
 * keys are inserted in increasing unit index.
 *
 * One sweep over units and highlights merged by start offset: when an interval
 * starts, it overlaps exactly the still-open intervals of the other kind. Open
 * lists are pruned as the sweep passes their ends, so the cost is
 * O((u + h) log(u + h) + k) for k matches, instead of u × h. Units may overlap
 * or be unsorted; empty units/highlights match nothing.
 */
export function groupByUnit<H extends { start: number; end: number }>(
  units: readonly TextRange[],
  highlights: readonly H[],
): Map<number, H[]> {
  type Item = { kind: 'unit' | 'highlight'; index: number; start: number; end: number };
  const items: Item[] = [];
  units.forEach((u, index) => {
    if (u.start < u.end) items.push({ kind: 'unit', index, start: u.start, end: u.end });
  });
  highlights.forEach((h, index) => {
    if (h.start < h.end) items.push({ kind: 'highlight', index, start: h.start, end: h.end });
  });
  items.sort((a, b) => a.start - b.start);

  const matches = new Map<number, number[]>();
  const addMatch = (unit: number, highlight: number) => {
    const list = matches.get(unit);
    if (list) list.push(highlight);
    else matches.set(unit, [highlight]);
  };

  let openUnits: Item[] = [];
  let openHighlights: Item[] = [];
  for (const item of items) {
    // Anything of the other kind that is still open after pruning ends past
    // item.start and began at or before it, hence overlaps it.
    if (item.kind === 'unit') {
      openHighlights = openHighlights.filter((h) => h.end > item.start);
      for (const h of openHighlights) addMatch(item.index, h.index);
      openUnits.push(item);
    } else {
      openUnits = openUnits.filter((u) => u.end > item.start);
      for (const u of openUnits) addMatch(u.index, item.index);
      openHighlights.push(item);
    }
  }

  const result = new Map<number, H[]>();
  for (const unit of [...matches.keys()].sort((a, b) => a - b)) {
    const indices = matches.get(unit) ?? [];
    result.set(
      unit,
      indices.sort((a, b) => a - b).map((index) => highlights[index]),
    );
  }
  return result;
}

/**
 * `groupByUnit(units, next)` computed from `grouping = groupByUnit(units, previous)` by
 * applying only what changed: highlights of `previous` missing from `next` are removed from
 * their units, highlights of `next` not in `previous` (compared by identity) are added. Units
 * nothing touched keep their very list, so a view memoised on it does not re-render; touched
 * units get a new list, in `next`'s order. `units` must be sorted by start and not overlap
 * (an article's units). Returns `null` when so much changed that a full grouping is cheaper.
 */
export function regroupByUnit<H extends { start: number; end: number }>(
  units: readonly TextRange[],
  grouping: ReadonlyMap<number, H[]>,
  previous: readonly H[],
  next: readonly H[],
  maxChanges = 64,
): Map<number, H[]> | null {
  const before = new Set(previous);
  const after = new Set(next);
  const changed: H[] = [];
  for (const h of previous) if (!after.has(h)) changed.push(h);
  for (const h of next) if (!before.has(h)) changed.push(h);
  if (changed.length > maxChanges) return null;

  const touched = new Set<number>();
  for (const h of changed) {
    if (!(h.start < h.end)) continue;
    // First unit ending after h.start, then every unit starting before h.end.
    let low = 0;
    let high = units.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (units[mid].end <= h.start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < units.length && units[i].start < h.end; i++) {
      if (units[i].start < units[i].end) touched.add(i);
    }
  }
  if (touched.size === 0) return new Map(grouping);

  const order = new Map<H, number>();
  next.forEach((h, index) => order.set(h, index));
  const result = new Map(grouping);
  for (const unit of touched) {
    const { start, end } = units[unit];
    const kept = (grouping.get(unit) ?? []).filter((h) => after.has(h));
    const added = changed.filter(
      (h) => !before.has(h) && h.start < h.end && h.start < end && start < h.end,
    );
    const list = [...kept, ...added].sort((a, b) => order.get(a)! - order.get(b)!);
    if (list.length > 0) result.set(unit, list);
    else result.delete(unit);
  }
  return result;
}
