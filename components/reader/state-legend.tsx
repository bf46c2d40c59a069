// « Légende »: what each look of a sentence in the text means. Each item shows a sample drawn
// by the very rules that draw the sentences (app/globals.css, `.fd-look`), hidden from screen
// readers, beside its name and the pattern in words, so the legend reads without the colours.
import { useTranslations } from 'next-intl';
import { SENTENCE_LOOKS } from '@/lib/workflow/sentence-look';

export function StateLegend() {
  const t = useTranslations('reader');
  const labels = useTranslations('labels');
  return (
    <section
      aria-labelledby="state-legend-title"
      className="rounded-xl border border-stone-200 bg-white p-4 text-sm shadow-sm"
      data-testid="state-legend"
    >
      <h2 id="state-legend-title" className="font-medium text-stone-800">
        {t('stateLegend.title')}
      </h2>
      <ul aria-labelledby="state-legend-title" className="mt-2 space-y-2">
        {SENTENCE_LOOKS.map((look) => (
          <li key={look} className="flex items-baseline gap-2" data-look-item={look}>
            <span
              aria-hidden="true"
              className="fd-look shrink-0 font-serif"
              data-look={look}
              data-rating={look === 'approved' ? 'true' : undefined}
            >
              {t('stateLegend.sample')}
            </span>
            <span>
              <span className="font-medium text-stone-800">{labels(`look.${look}`)}</span>
              <span className="text-stone-600">
                {t('stateLegend.description', { description: labels(`lookDescription.${look}`) })}
              </span>
            </span>
          </li>
        ))}
        <li className="flex items-baseline gap-2" data-look-item="recheck">
          <span aria-hidden="true" className="fd-look shrink-0 font-serif" data-recheck="true">
            {t('stateLegend.sample')}
          </span>
          <span>
            <span className="font-medium text-stone-800">{labels('look.recheck')}</span>
            <span className="text-stone-600">
              {t('stateLegend.description', { description: labels('lookDescription.recheck') })}
            </span>
          </span>
        </li>
      </ul>
      <p className="mt-2 text-xs text-stone-600">{t('stateLegend.footnote')}</p>
    </section>
  );
}
