// Realistic French article text for the benchmark, from the seed article (prisma/seed/seed-fr.txt):
// its sentences kept verbatim or recombined by a word-bigram chain trained on them, in paragraphs
// of 3–6 sentences with a heading every few paragraphs. Counts are exact: every line is checked
// with the app's own segmenter (lib/text/segment.ts, which cuts each line on its own), so the
// article the API creates has exactly the asked number of sentence units.
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
