// The search page's URL: which query parameters it reads, and how to write them back into a
// link (pagination, sign-in return) with empty fields left out so shared links stay short.

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
