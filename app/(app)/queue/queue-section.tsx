// One section of "Ma file": a heading, then sentences linking to the reader with their panel
// open (`?sentence=`), or an empty state in words.
import Link from 'next/link';
import type { ReactNode } from 'react';

export interface QueueEntry {
  key: string;
  sentence: { id: string; text: string };
  article: { id: string; title: string; language: string; teamName: string };
  /** What waits on this sentence (state, verdict to review…), already in words. */
  details: ReactNode;
}

export function QueueSection({
  id,
  title,
  empty,
  entries,
}: {
  id: string;
  title: string;
  empty: string;
  entries: QueueEntry[];
}) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-base font-semibold">
        {title} <span className="font-normal text-stone-500">({entries.length})</span>
      </h2>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600">
          {empty}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm">
          {entries.map((entry) => (
            <li key={entry.key} className="p-4">
              <Link
                href={`/articles/${entry.article.id}?sentence=${entry.sentence.id}`}
                lang={entry.article.language}
                className="font-serif text-stone-900 hover:text-blue-800 hover:underline"
              >
                {entry.sentence.text}
              </Link>
              <p className="mt-1 text-xs text-stone-500">
                <span lang={entry.article.language} className="font-medium text-stone-700">
                  {entry.article.title}
                </span>{' '}
                · {entry.article.teamName}
              </p>
              <p className="mt-1 text-sm text-stone-700">{entry.details}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
