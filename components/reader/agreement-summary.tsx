// How much the team's fact-checkers agree on this article: Krippendorff's alpha, raw agreement,
// how many sentences were rated by two or more members, and the disputed ones (as buttons that
// open their panel).
import { useFormatter, useTranslations } from 'next-intl';
import type { ReportAgreement } from '@/lib/reports';

export function AgreementSummary({
  agreement,
  indexOf,
  onOpen,
}: {
  agreement: ReportAgreement;
  indexOf: Map<string, number>;
  onOpen: (sentenceId: string) => void;
}) {
  const t = useTranslations('reader');
  const format = useFormatter();
  const labels = useTranslations('labels');
  return (
    <section aria-label={t('agreement.label')} className="mt-3 text-sm text-stone-700">
      <p data-testid="agreement">
        {t('agreement.lead')}{' '}
        {agreement.ratedSentences === 0 ? (
          <span className="text-stone-500">{t('agreement.none')}</span>
        ) : (
          <>
            <abbr title={t('agreement.alphaTitle')}>{t('agreement.alpha')}</abbr> ={' '}
            {agreement.alpha === null
              ? t('agreement.notComputable')
              : format.number(agreement.alpha, 'decimal2')}
            {agreement.percentAgreement === null
              ? ''
              : ` · ${t('agreement.raw', { percent: format.number(agreement.percentAgreement, 'percent') })}`}
            {` · ${t('agreement.rated', { count: agreement.ratedSentences })}`}
          </>
        )}
      </p>
      {agreement.disputed.length > 0 ? (
        <p className="mt-1 flex flex-wrap items-center gap-1">
          <span className="font-medium text-red-800">
            {t('agreement.disputed', {
              label: labels('sentenceState.disputed'),
              count: agreement.disputed.length,
            })}
          </span>
          {agreement.disputed.map((id) => (
            <button
              key={id}
              type="button"
              className="rounded border border-red-200 bg-red-50 px-1.5 py-0.5 text-xs text-red-900 hover:bg-red-100"
              onClick={() => onOpen(id)}
            >
              {t('shared.sentenceNumber', { number: String((indexOf.get(id) ?? 0) + 1) })}
            </button>
          ))}
        </p>
      ) : null}
    </section>
  );
}
