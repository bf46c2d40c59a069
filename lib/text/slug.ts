// URL segments from titles and names: lowercase ASCII words joined by single hyphens (accents
// dropped through Unicode decomposition, « œ »/« æ »/« ß » spelled out), at most `maxLength`
// characters cut at a hyphen when one is near. Pure: file names of reports and the public
// addresses of published fact-checks (the database CHECKs the same shape).

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };

/** The shape every public slug has (publications_slug_format, teams_slug_format). */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function slugify(text: string, options: { maxLength?: number; fallback: string }): string {
  const maxLength = options.maxLength ?? 60;
  const words = text
    .toLowerCase()
    .replace(/[œæßøđł]/g, (letter) => LIGATURES[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (words.length <= maxLength) return words || options.fallback;
  const cut = words.slice(0, maxLength);
  // Cut right at the end of a word: keep it whole.
  if (words[maxLength] === '-') return cut;
  const hyphen = cut.lastIndexOf('-');
  const kept = hyphen >= maxLength / 2 ? cut.slice(0, hyphen) : cut.replace(/-$/, '');
  return kept || options.fallback;
}

/** `base`, else `base-2`, `base-3`…: the first that `taken` does not hold, within `maxLength`. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>, maxLength = 80): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, maxLength - suffix.length).replace(/-$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
