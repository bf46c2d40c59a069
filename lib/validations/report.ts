import { z } from 'zod';
import { RATINGS } from '@/lib/reports/verdict-scale';
import { isoDateSchema } from './common';
import { downloadSchema, optionalQuery } from './query';
import { msg } from './messages';

export const REPORT_FORMATS = ['markdown', 'csv', 'json', 'claimreview', 'html', 'pdf'] as const;
export const reportQuerySchema = z.object({
  format: z.enum(REPORT_FORMATS).default('markdown'),
  /** Not for the PDF (a job: its result is always a file). */
  download: downloadSchema,
});
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const TEAM_REPORT_FORMATS = ['markdown', 'csv', 'json', 'claimreview'] as const;
export const teamReportQuerySchema = z.object({
  format: z.enum(TEAM_REPORT_FORMATS).default('markdown'),
  /** Approval date range (inclusive), YYYY-MM-DD. */
  from: optionalQuery(isoDateSchema),
  to: optionalQuery(isoDateSchema),
  rating: optionalQuery(z.enum(RATINGS, { error: msg('unknown.rating') })),
  reviewer: optionalQuery(
    z.uuid().describe('a member of the team who wrote or approved the verdict (any other id: 422)'),
  ),
  download: downloadSchema,
});
export type TeamReportQuery = z.infer<typeof teamReportQuerySchema>;
