import { z } from 'zod';

export const REPORT_FORMATS = ['markdown', 'csv', 'json', 'claimreview'] as const;
export const reportQuerySchema = z.object({
  format: z.enum(REPORT_FORMATS).default('markdown'),
});
export type ReportFormat = (typeof REPORT_FORMATS)[number];
