// Key paths of a catalogue namespace as a type (`{ notFound: { article: '…' } }` →
// `'notFound.article'`), so code that names a message by key (AppError, zod messages) fails to
// compile on a typo. Typed from the French files, the reference of the catalogue.

export type MessagePath<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessagePath<T[K]>}`;
}[keyof T & string];

/** The values an ICU message reads (`{max}`, `{count, plural, …}`). */
export type MessageValues = Record<string, string | number>;
