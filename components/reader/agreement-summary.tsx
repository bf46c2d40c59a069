// How much the team's fact-checkers agree on this article: Krippendorff's alpha, raw agreement,
// how many sentences were rated by two or more members, and the disputed ones (as buttons that
// open their panel).
import type { ReportAgreement } from '@/lib/reports';
import { SENTENCE_STATE_LABELS } from '@/lib/workflow/sentence-state';

const decimal = new Intl.NumberFormat('fr-FR', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

export function AgreementSummary({
  agreement,
  indexOf,
  onOpen,
}: {
  agreement: ReportAgreement;
  indexOf: Map<string, number>;
  onOpen: (sentenceId: string) => void;
}) {
  return (
    <section aria-label="Accord entre vérificateurs" className="mt-3 text-sm text-stone-700">
      <p data-testid="agreement">
        Accord entre vérificateurs :{' '}
        {agreement.ratedSentences === 0 ? (
          <span className="text-stone-500">
            aucune phrase notée par deux membres pour l’instant.
          </span>
        ) : (
          <>
            <abbr title="alpha de Krippendorff (nominal)">α</abbr> ={' '}
            {agreement.alpha === null ? 'non calculable' : decimal.format(agreement.alpha)}
            {agreement.percentAgreement === null
              ? ''
              : ` · accord brut ${percent.format(agreement.percentAgreement)}`}
            {` · ${agreement.ratedSentences} phrase${agreement.ratedSentences > 1 ? 's' : ''} notée${agreement.ratedSentences > 1 ? 's' : ''} par au moins deux membres`}
          </>
        )}
      </p>
      {agreement.disputed.length > 0 ? (
        <p className="mt-1 flex flex-wrap items-center gap-1">
          <span className="font-medium text-red-800">
            {SENTENCE_STATE_LABELS.disputed} ({agreement.disputed.length}) :
          </span>
          {agreement.disputed.map((id) => (
            <button
              key={id}
              type="button"
              className="rounded border border-red-200 bg-red-50 px-1.5 py-0.5 text-xs text-red-900 hover:bg-red-100"
              onClick={() => onOpen(id)}
            >
              Phrase {(indexOf.get(id) ?? 0) + 1}
            </button>
          ))}
        </p>
      ) : null}
    </section>
  );
}
