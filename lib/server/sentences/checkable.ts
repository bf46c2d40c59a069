// Which sentences count, in one place: a unit is checkable when it is a sentence (not a heading,
// not a paywall notice) still in the current text (not retired by a correction); it is verified
// when it also has a published verdict — approved by a second member, or settled by an editor.
// The article list, the reader's progress, the agreement figures, the reports, search, the queue
// and the sentence states all count and list through these, as a Prisma filter or, for raw
// queries, its SQL twin. Retired sentences are still shown (the reader's "removed passages"):
// that is display, not counting.
import 'server-only';
import { Prisma } from '@/generated/prisma/client';

/** Checkable sentences: a Prisma `where` on Sentence. */
export const checkableSentences = {
  kind: 'sentence',
  retiredAt: null,
} as const satisfies Prisma.SentenceWhereInput;

/** Verified sentences: checkable ones with a published verdict. */
export const verifiedSentences = {
  ...checkableSentences,
  published: { isNot: null },
} as const satisfies Prisma.SentenceWhereInput;

/** A table alias as written in our own SQL; never user input, checked so it cannot become so. */
const SQL_ALIAS = /^[a-z_][a-z0-9_]*$/u;

/**
 * `checkableSentences` for raw SQL over the `sentences` table aliased `alias`:
 * `WHERE … AND ${checkableSentenceSql('s')}`.
 */
export function checkableSentenceSql(alias: string): Prisma.Sql {
  if (!SQL_ALIAS.test(alias)) throw new Error(`Not a table alias: ${alias}`);
  const table = Prisma.raw(alias);
  return Prisma.sql`(${table}.kind = 'sentence' AND ${table}.retired_at IS NULL)`;
}
