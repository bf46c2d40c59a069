// The writer of each streamable report format, by name: what the server pairs with its batched
// reads of an article's claims. (The PDF is not here: Chromium needs the whole HTML page.)
import { claimReviewWriter } from './claim-review';
import { reportCsvWriter } from './csv';
import { htmlWriter } from './html';
import { jsonWriter } from './json';
import { markdownWriter } from './markdown';
import type { ReportHead } from './types';
import type { ReportWriter } from './writer';

export const STREAMED_REPORT_FORMATS = ['markdown', 'csv', 'json', 'claimreview', 'html'] as const;
export type StreamedReportFormat = (typeof STREAMED_REPORT_FORMATS)[number];

/** A fresh writer of `format` for the report whose header is `head` (labels in its language). */
export function reportWriter(format: StreamedReportFormat, head: ReportHead): ReportWriter {
  switch (format) {
    case 'markdown':
      return markdownWriter(head);
    case 'csv':
      return reportCsvWriter(head);
    case 'json':
      return jsonWriter(head);
    case 'claimreview':
      return claimReviewWriter(head);
    case 'html':
      return htmlWriter(head);
  }
}
