// A verdict's place in the review workflow, in words: draft, submitted, approved by whom, sent
// back by whom and why.
import { useFormatter, useTranslations } from 'next-intl';
import { type VerdictStatus } from '@/lib/workflow/sentence-state';
import type { VerdictDto } from '@/lib/server/verdicts/serialize';

const STATUS_STYLES: Record<VerdictStatus, string> = {
  draft: 'bg-stone-100 text-stone-700',
  submitted: 'bg-blue-50 text-blue-800',
  approved: 'bg-green-50 text-green-800',
  rejected: 'bg-amber-50 text-amber-900',
};

export function StatusBadge({ status }: { status: VerdictStatus }) {
  const labels = useTranslations('labels');
  return (
    <span
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[status]}`}
      data-status={status}
    >
      {labels(`verdictStatus.${status}`)}
    </span>
  );
}

/** A moment of the review in the reader's language and the account's zone (lib/i18n/format.ts). */
export function useFormatDate(): (iso: string | null) => string {
  const format = useFormatter();
  return (iso) => (iso ? format.dateTime(new Date(iso), 'mediumDateTime') : '');
}

export function VerdictStatusLine({ verdict, own }: { verdict: VerdictDto; own?: boolean }) {
  const t = useTranslations('reader');
  const formatDate = useFormatDate();
  const labels = useTranslations('labels');
  let detail: string;
  switch (verdict.status) {
    case 'draft':
      detail = own ? t('verdictStatus.draftOwn') : '';
      break;
    case 'submitted':
      detail = t('verdictStatus.submitted', { date: formatDate(verdict.submittedAt) });
      break;
    case 'approved':
      detail = t('verdictStatus.approved', {
        name: verdict.approvedBy?.name ?? '—',
        date: formatDate(verdict.reviewedAt),
      });
      break;
    case 'rejected':
      detail = t('verdictStatus.rejected', {
        name: verdict.rejectedBy?.name ?? '—',
        note: verdict.reviewNote ?? '',
      });
      break;
  }
  return (
    <p className="text-xs text-stone-600" data-testid={own ? 'my-verdict-status' : undefined}>
      <StatusBadge status={verdict.status} /> {detail}
      {verdict.needsRecheck ? (
        <span className="ml-1 rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-900">
          {labels('look.recheck').toLowerCase()}
        </span>
      ) : null}
    </p>
  );
}
