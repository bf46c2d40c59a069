// What a correction of the text could not place: highlights whose passage is gone (kept with
// their old quote) and removed sentences that still carry verdicts or comments.
import type { AnnotationDto } from '@/lib/server/annotations/serialize';
import type { ArticleDetail } from '@/lib/server/articles/get-article';

export function Orphans({
  orphans,
  retired,
  language,
}: {
  orphans: AnnotationDto[];
  retired: ArticleDetail['retiredSentences'];
  language: string;
}) {
  if (orphans.length === 0 && retired.length === 0) return null;
  return (
    <section
      aria-labelledby="orphans-title"
      className="mt-6 rounded-lg border border-amber-200 bg-amber-50/60 p-4 text-sm"
    >
      <h2 id="orphans-title" className="font-medium text-amber-950">
        Après correction du texte
      </h2>
      {orphans.length > 0 ? (
        <>
          <p className="mt-1 text-amber-900">
            Surlignages orphelins ({orphans.length}) : leur passage n’existe plus dans le texte.
          </p>
          <ul className="mt-1 space-y-1" aria-label="Surlignages orphelins">
            {orphans.map((o) => {
              const quote = o.target.selector.find((s) => s.type === 'TextQuoteSelector');
              return (
                <li key={o.id} data-anchor-status="orphaned">
                  <q lang={language} className="font-serif">
                    {quote && 'exact' in quote ? quote.exact : ''}
                  </q>{' '}
                  <span className="text-xs text-stone-600">
                    — {o.author.name}
                    {o.note ? ` : ${o.note}` : ''}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {retired.length > 0 ? (
        <>
          <p className="mt-2 text-amber-900">
            Phrases retirées du texte, avec leurs verdicts et commentaires conservés :
          </p>
          <ul className="mt-1 space-y-1" aria-label="Phrases retirées">
            {retired.map((s) => (
              <li key={s.id}>
                <q lang={language} className="font-serif">
                  {s.text}
                </q>{' '}
                <span className="text-xs text-stone-600">
                  — {s.verdictCount} verdict{s.verdictCount > 1 ? 's' : ''}, {s.commentCount}{' '}
                  commentaire{s.commentCount > 1 ? 's' : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
