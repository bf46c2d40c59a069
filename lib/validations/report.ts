import { z } from 'zod';
import { RATINGS } from '@/lib/reports/verdict-scale';
import { isoDateSchema } from './common';

export const REPORT_FORMATS = ['markdown', 'csv', 'json', 'claimreview', 'html', 'pdf'] as const;
export const reportQuerySchema = z.object({
  format: z.enum(REPORT_FORMATS).default('markdown'),
});
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const TEAM_REPORT_FORMATS = ['markdown', 'csv', 'json', 'claimreview'] as const;
export const teamReportQuerySchema = z.object({
  format: z.enum(TEAM_REPORT_FORMATS).default('markdown'),
  /** Approval date range (inclusive), YYYY-MM-DD. */
  from: optional(isoDateSchema),
  to: optional(isoDateSchema),
  rating: optional(z.enum(RATINGS, { message: 'Verdict inconnu.' })),
  /** A member who wrote or approved the verdict. */
  reviewer: optional(z.uuid()),
});
export type TeamReportQuery = z.infer<typeof teamReportQuerySchema>;
