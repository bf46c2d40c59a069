// What "verified" means, in one place: a checkable sentence with a verdict backed by at least
// one source. The progress line, the article list and the report all use this definition.
import 'server-only';

export const verifiedSentenceWhere = {
  kind: 'sentence' as const,
  verdicts: { some: { sources: { some: {} } } },
};
