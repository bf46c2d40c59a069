// Realistic French article text for the benchmark, from the seed article (prisma/seed/seed-fr.txt):
// its sentences kept verbatim or recombined by a word-bigram chain trained on them, in paragraphs
// of 3–6 sentences with a heading every few paragraphs. Counts are exact: every line is checked
// with the app's own segmenter (lib/text/segment.ts, which cuts each line on its own), so the
// article the API creates has exactly the asked number of sentence units — or, for the largest
// allowed article (filledArticleText), exactly the asked number of characters.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { segment } from '../../lib/text/segment';
import { ROOT } from '../lib/schema-engine';
import type { Rng } from './rng';

const LANGUAGE = 'fr';
export const SEED_TEXT = readFileSync(path.join(ROOT, 'prisma', 'seed', 'seed-fr.txt'), 'utf8');

interface Corpus {
  sentences: string[];
  starts: string[];
  next: Map<string, string[]>;
}

const END = /[.!?…]$/u;

function buildCorpus(): Corpus {
  const sentences = segment(SEED_TEXT, { language: LANGUAGE })
    .filter((unit) => unit.kind === 'sentence' && END.test(unit.text))
    .map((unit) => unit.text);
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const sentence of sentences) {
    const words = sentence.split(/\s+/u);
    starts.push(words[0]);
    for (let i = 0; i + 1 < words.length; i++) {
      const list = next.get(words[i]) ?? [];
      list.push(words[i + 1]);
      next.set(words[i], list);
    }
  }
  return { sentences, starts, next };
}

let corpus: Corpus | undefined;
const getCorpus = () => (corpus ??= buildCorpus());

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('fr') + word.slice(1);
}

/** One sentence: a seed sentence (30 %) or a walk on the bigram chain of 8 to 40 words. */
export function sentence(rng: Rng): string {
  const { sentences, starts, next } = getCorpus();
  if (rng.chance(0.3)) return rng.pick(sentences);
  const words = [rng.pick(starts)];
  while (words.length < 40) {
    const last = words[words.length - 1];
    if (END.test(last) && words.length >= 8) break;
    const options = next.get(last);
    if (!options) break;
    const word = rng.pick(options);
    // Too short to end here: keep walking from a sentence start instead.
    if (END.test(word) && words.length < 7) words.push(word.replace(/[.!?…]+$/u, ','));
    else words.push(word);
  }
  const text = words.join(' ').replace(/[,;:«(]+$/u, '');
  return capitalise(END.test(text) ? text : `${text}.`);
}

/** A short title-like line: 3 to 8 words, capitalised, without final punctuation. */
function heading(rng: Rng): string {
  const { sentences } = getCorpus();
  const words = rng
    .pick(sentences)
    .split(/\s+/u)
    .filter((word) => /^[\p{L}’'-]+$/u.test(word));
  const length = Math.min(words.length, rng.int(3, 8));
  const start = rng.int(0, Math.max(0, words.length - length));
  return capitalise(words.slice(start, start + length).join(' '));
}

function sentenceCount(line: string): number {
  return segment(line, { language: LANGUAGE }).filter((unit) => unit.kind === 'sentence').length;
}

/**
 * An article text of exactly `sentences` sentence units (plus headings), deterministic for a
 * given generator state.
 */
export function articleText(rng: Rng, sentences: number): string {
  const lines: string[] = [];
  let count = 0;
  let sinceHeading = 0;
  while (count < sentences) {
    if (sinceHeading >= rng.int(4, 8)) {
      const title = heading(rng);
      const units = segment(title, { language: LANGUAGE });
      if (units.length === 1 && units[0].kind === 'heading') lines.push(title);
      sinceHeading = 0;
    }
    const parts: string[] = [];
    for (let i = rng.int(3, 6); i > 0; i--) parts.push(sentence(rng));
    let line = parts.join(' ');
    const units = segment(line, { language: LANGUAGE });
    // Never a paywall notice in the middle of an article.
    if (units.some((unit) => unit.kind !== 'sentence')) continue;
    const missing = sentences - count;
    if (units.length > missing) line = line.slice(0, units[missing - 1].end);
    const added = sentenceCount(line);
    lines.push(line);
    count += added;
    sinceHeading += 1;
  }
  return `${lines.join('\n')}\n`;
}

/** Of a few drawn sentences, the one whose length is closest to `length`. */
function sentenceNear(rng: Rng, length: number, draws = 8): string {
  let best = sentence(rng);
  for (let i = 1; i < draws; i++) {
    const candidate = sentence(rng);
    if (Math.abs(candidate.length - length) < Math.abs(best.length - length)) best = candidate;
  }
  return best;
}

/** One sentence of exactly `length` characters: words of the chain, cut, then a period. */
function sentenceOfLength(rng: Rng, length: number): string {
  let body = '';
  while (body.length < length) {
    const words = sentence(rng)
      .split(/\s+/u)
      .map((word) => word.replace(/[^\p{L}\p{N}’'-]+/gu, ''))
      .filter((word) => word.length > 0);
    body = [body, ...words].filter((part) => part.length > 0).join(' ');
  }
  // A cut after a space would end on a blank, which the import trims: end on a letter.
  body = body.slice(0, length - 1).replace(/\s$/u, 'e');
  return capitalise(body) + '.';
}

/** What the last line may take at least (see filledArticleText). */
const TAIL_MIN = 80;

/**
 * An article text of exactly `characters` characters as the app stores it (trimmed lines joined
 * by "\n"), with about `sentences` sentence units and at most `maxUnits` units in all:
 * articleText's paragraphs with rarer headings (so the units fit), each sentence the closest
 * in length, among a few drawn, to the room left per sentence still wanted, and a last line of
 * one sentence cut to the exact length. Deterministic for a given generator state; throws if
 * the result misses its length or its unit budget (it cannot for a given seed once it ran).
 */
export function filledArticleText(
  rng: Rng,
  options: { characters: number; sentences: number; maxUnits: number },
): string {
  const { characters, sentences, maxUnits } = options;
  const lines: string[] = [];
  let used = 0;
  let units = 0;
  let count = 0;
  let sinceHeading = 0;
  /** Characters left for the next line (after the line break before it). */
  const room = () => characters - used - (lines.length > 0 ? 1 : 0);
  const add = (line: string, added: number) => {
    used += line.length + (lines.length > 0 ? 1 : 0);
    lines.push(line);
    units += added;
  };
  const onlySentences = (line: string) => {
    const found = segment(line, { language: LANGUAGE });
    return found.every((unit) => unit.kind === 'sentence') ? found.length : null;
  };
  for (;;) {
    if (sinceHeading >= rng.int(7, 10)) {
      const title = heading(rng);
      const found = segment(title, { language: LANGUAGE });
      const isHeading = found.length === 1 && found[0].kind === 'heading';
      if (isHeading && room() - title.length - 1 >= TAIL_MIN && units + 2 <= maxUnits) {
        add(title, 1);
      }
      sinceHeading = 0;
    }
    const perSentence = room() / Math.max(1, sentences - count);
    const parts: string[] = [];
    for (let i = rng.int(3, 6); i > 0; i--) parts.push(sentenceNear(rng, perSentence));
    // Too long for what is left: fewer sentences; not even one: the last line comes next.
    let line = '';
    let added: number | null = null;
    while (parts.length > 0) {
      line = parts.join(' ');
      added = onlySentences(line);
      if (added === null) break; // a paywall notice or a heading inside: drop the paragraph
      if (room() - line.length - 1 >= TAIL_MIN && units + added + 1 <= maxUnits) break;
      parts.pop();
      added = null;
    }
    if (parts.length === 0) break;
    if (added === null) continue;
    add(line, added);
    count += added;
    sinceHeading += 1;
  }
  const last = sentenceOfLength(rng, room());
  const added = onlySentences(last);
  if (added === null || units + added > maxUnits) {
    throw new Error(`the last line of the filled text is not plain sentences: ${last}`);
  }
  add(last, added);
  const text = lines.join('\n');
  if (text.length !== characters) {
    throw new Error(`filled text of ${text.length} characters, not ${characters}`);
  }
  return text;
}
