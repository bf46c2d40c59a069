// What "verified" means, in one place: a checkable sentence whose verdict was approved by a
// second member (or settled by an editor), i.e. that has a published verdict. The progress
// line, the article list and the report all use this definition.
import 'server-only';

export const verifiedSentenceWhere = {
  kind: 'sentence' as const,
  published: { isNot: null },
};
