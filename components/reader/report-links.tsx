// Download buttons for the verified-claim report in every format.
const FORMATS = [
  { format: 'markdown', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'claimreview', label: 'ClaimReview' },
] as const;

export function ReportLinks({ articleId }: { articleId: string }) {
  return (
    <nav aria-label="Exporter le rapport" className="flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-stone-500">Rapport :</span>
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          href={`/api/v1/articles/${articleId}/report?format=${format}`}
          download
          className="rounded-md border border-stone-300 bg-white px-2 py-1 text-stone-800 hover:bg-stone-100"
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
