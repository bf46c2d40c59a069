// Links into the reader for one sentence, the same everywhere a list points at a sentence
// (search results, the team journal): `?sentence=<id>` opens its panel, `#sentence-N` (N the
// 1-based number readers see, `index + 1`, as in the ClaimReview export) names the unit in
// the page. Pure: shared by server and client code.

/** The fragment naming a unit in the reader: `sentence-4` for index 3. */
export function sentenceAnchor(index: number): string {
  return `sentence-${index + 1}`;
}

/**
 * `/articles/{id}?sentence={sentenceId}#sentence-{index+1}`; without a usable index (a unit
 * removed by a revision has a negative one) the panel is still opened by id.
 */
export function sentenceHref(
  articleId: string,
  sentence: { id: string; index: number | null },
): string {
  const base = `/articles/${articleId}?sentence=${sentence.id}`;
  return sentence.index !== null && sentence.index >= 0
    ? `${base}#${sentenceAnchor(sentence.index)}`
    : base;
}
