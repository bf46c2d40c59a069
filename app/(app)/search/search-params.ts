// The search page's URL: which query parameters it reads, and how to write them back into a
// link (pagination, sign-in return) with empty fields left out so shared links stay short. The
// values are validated by the API's schema (lib/validations/search.ts), given as they came.

export const SEARCH_FIELDS = [
  'q',
  'teamId',
  'rating',
  'state',
  'reviewer',
  'from',
  'to',
  'page',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export function isSearchField(value: unknown): value is SearchField {
  return SEARCH_FIELDS.some((field) => field === value);
}

/** Raw values as typed in the URL (not validated: the form shows them back as they were). */
export type SearchValues = Record<SearchField, string>;

export function readSearchValues(
  params: Record<string, string | string[] | undefined>,
): SearchValues {
  const values = {} as SearchValues;
  for (const field of SEARCH_FIELDS) {
    const value = params[field];
    values[field] = (Array.isArray(value) ? value[0] : value) ?? '';
  }
  return values;
}

/**
 * The search's parameters as the URL gave them, for searchSentences: a repeated parameter stays
 * an array, which the schema refuses (as GET /api/v1/search does) instead of reading one of them.
 */
export function searchQueryOf(
  params: Record<string, string | string[] | undefined>,
): Partial<Record<SearchField, string | string[]>> {
  const query: Partial<Record<SearchField, string | string[]>> = {};
  for (const field of SEARCH_FIELDS) {
    const value = params[field];
    if (value !== undefined) query[field] = value;
  }
  return query;
}

/** `/search?…` for these values at `page` (the first page when left out). */
export function searchHref(values: SearchValues, page?: number): string {
  const params = new URLSearchParams();
  for (const field of SEARCH_FIELDS) {
    const value = field === 'page' ? (page && page > 1 ? String(page) : '') : values[field];
    if (value !== '') params.set(field, value);
  }
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
