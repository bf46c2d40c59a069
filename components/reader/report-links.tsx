// The article's report in every format: the printable page (opens in a new tab, ready to
// print), the PDF (rendered by a worker: a button that follows the job, pdf-export-button.tsx)
// and the data formats as downloads. The data formats and the W3C export are streamed as the
// server writes them (no length up front), so the browser counts the bytes received.
import { useTranslations } from 'next-intl';
import { REPORT_FORMAT_FILES } from '@/lib/reports/formats';
import { REPORT_FORMATS } from '@/lib/validations/report';
import { PdfExportButton } from './pdf-export-button';

/** Every format but the two shown apart (the printable page and the PDF job): downloads. */
const DOWNLOADS = REPORT_FORMATS.filter((format) => format !== 'html' && format !== 'pdf');

const LINK =
  'rounded-md border border-stone-300 bg-white px-2 py-1 text-stone-800 hover:bg-stone-100';

export function ReportLinks({ articleId }: { articleId: string }) {
  const t = useTranslations('reader');
  const base = `/api/v1/articles/${articleId}`;
  return (
    <nav aria-label={t('reportLinks.label')} className="flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-stone-500">{t('reportLinks.report')}</span>
      <a
        href={`${base}/report?format=html&download=0`}
        target="_blank"
        rel="noopener"
        className={LINK}
      >
        {t.rich('reportLinks.printable', {
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
        })}
      </a>
      <PdfExportButton articleId={articleId} className={LINK} />
      {DOWNLOADS.map((format) => (
        <a key={format} href={`${base}/report?format=${format}`} download className={LINK}>
          {REPORT_FORMAT_FILES[format].label}
        </a>
      ))}
      <a
        href={`${base}/annotations?format=w3c`}
        download={`factdesk-${articleId}.annotations.jsonld`}
        className={LINK}
        title={t('reportLinks.w3cTitle')}
      >
        {t('reportLinks.w3c')}
      </a>
    </nav>
  );
}
