// Each report format's name as people see it, its content type and its file extension: one
// table for the export links and forms (components/) and the report routes (lib/server/reports).
// The formats themselves are declared once, in lib/validations/report.ts. Pure: the browser
// imports it too.
import type { ReportFormat } from '@/lib/validations/report';

export interface ReportFormatFile {
  /** The format's name in links and selects (a proper name: the same in every language). */
  label: string;
  contentType: string;
  /** Without the dot; ClaimReview's is double ("claimreview.jsonld"). */
  extension: string;
}

export const REPORT_FORMAT_FILES: Readonly<Record<ReportFormat, ReportFormatFile>> = {
  markdown: { label: 'Markdown', contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  csv: { label: 'CSV', contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { label: 'JSON', contentType: 'application/json; charset=utf-8', extension: 'json' },
  claimreview: {
    label: 'ClaimReview',
    contentType: 'application/ld+json; charset=utf-8',
    extension: 'claimreview.jsonld',
  },
  html: { label: 'HTML', contentType: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { label: 'PDF', contentType: 'application/pdf', extension: 'pdf' },
};
