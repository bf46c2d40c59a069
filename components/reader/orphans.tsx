// What a correction of the text could not place: highlights whose passage is gone (kept with
// their old quote) and removed sentences that still carry verdicts or comments.
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('reader');
  if (orphans.length === 0 && retired.length === 0) return null;
  return (
    <section
      aria-labelledby="orphans-title"
      className="mt-6 rounded-lg border border-amber-200 bg-amber-50/60 p-4 text-sm"
    >
      <h2 id="orphans-title" className="font-medium text-amber-950">
        {t('orphans.title')}
      </h2>
      {orphans.length > 0 ? (
        <>
          <p className="mt-1 text-amber-900">{t('orphans.orphaned', { count: orphans.length })}</p>
          <ul className="mt-1 space-y-1" aria-label={t('orphans.orphanedList')}>
            {orphans.map((o) => {
              const quote = o.target.selector.find((s) => s.type === 'TextQuoteSelector');
              return (
                <li key={o.id} data-anchor-status="orphaned">
                  <q lang={language} className="font-serif">
                    {quote && 'exact' in quote ? quote.exact : ''}
                  </q>{' '}
                  <span className="text-xs text-stone-600">
                    {o.note
                      ? t('orphans.byWithNote', { author: o.author.name, note: o.note })
                      : t('orphans.by', { author: o.author.name })}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {retired.length > 0 ? (
        <>
          <p className="mt-2 text-amber-900">{t('orphans.retired')}</p>
          <ul className="mt-1 space-y-1" aria-label={t('orphans.retiredList')}>
            {retired.map((s) => (
              <li key={s.id}>
                <q lang={language} className="font-serif">
                  {s.text}
                </q>{' '}
                <span className="text-xs text-stone-600">
                  {t('orphans.retiredCounts', {
                    verdicts: s.verdictCount,
                    comments: s.commentCount,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
