// Where the benchmark's highlights go: passages of 2 to 12 words inside one sentence, or (about
// one in ten) running from the end of a sentence into the next one of the same paragraph. The
// quote selectors and the sentence links are computed with the app's own anchoring helpers
// (lib/anchoring), so rows seeded by SQL are exactly what the API would have stored.
import { describeRange } from '../../lib/anchoring/describe';
import type { TextPositionSelector, TextQuoteSelector, TextRange } from '../../lib/anchoring/types';
import { unitsTouched } from '../../lib/anchoring/units';
import type { Rng } from './rng';

export interface Unit {
  id: string;
  index: number;
  start: number;
  end: number;
  kind: string;
  text: string;
}

interface Word {
  start: number;
  end: number;
}

const wordCache = new WeakMap<Unit, Word[]>();

function wordsOf(unit: Unit): Word[] {
  let words = wordCache.get(unit);
  if (!words) {
    words = [...unit.text.matchAll(/\S+/gu)].map((match) => ({
      start: unit.start + match.index,
      end: unit.start + match.index + match[0].length,
    }));
    wordCache.set(unit, words);
  }
  return words;
}

/** A random passage; `units` are the article's units in order. */
export function randomRange(rng: Rng, text: string, units: readonly Unit[]): TextRange {
  for (;;) {
    const i = rng.int(0, units.length - 1);
    const unit = units[i];
    if (unit.kind !== 'sentence') continue;
    const words = wordsOf(unit);
    if (words.length < 2) continue;
    const next = units[i + 1];
    const sameParagraph =
      next !== undefined &&
      next.kind === 'sentence' &&
      !text.slice(unit.end, next.start).includes('\n');
    if (sameParagraph && rng.chance(0.1)) {
      const nextWords = wordsOf(next);
      const tail = rng.int(1, Math.min(6, words.length));
      const head = rng.int(1, Math.min(12 - tail, nextWords.length));
      if (tail + head >= 2) {
        return { start: words[words.length - tail].start, end: nextWords[head - 1].end };
      }
    }
    const length = rng.int(2, Math.min(12, words.length));
    const first = rng.int(0, words.length - length);
    return { start: words[first].start, end: words[first + length - 1].end };
  }
}

export interface PlannedHighlight {
  range: TextRange;
  selector: [TextQuoteSelector, TextPositionSelector];
  sentenceIds: string[];
}

export function planHighlight(rng: Rng, text: string, units: readonly Unit[]): PlannedHighlight {
  const range = randomRange(rng, text, units);
  return {
    range,
    selector: describeRange(text, range),
    sentenceIds: unitsTouched(units, range).map((unit) => unit.id),
  };
}
