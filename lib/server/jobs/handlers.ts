// Which function does each kind of job (imported by the worker process only).
import 'server-only';
import type { JobKind } from '@/generated/prisma/client';
import { runArticleImportJob } from '@/lib/server/articles/create-article';
import { runArticleReviseJob } from '@/lib/server/articles/revise-article';
import { runAnnotationImportJob } from '@/lib/server/annotations/run-annotation-import-job';
import { runPdfReportJob } from '@/lib/server/reports/pdf-report';
import type { JobHandler } from './run-job';

export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  article_import: runArticleImportJob,
  article_revise: runArticleReviseJob,
  annotations_import: runAnnotationImportJob,
  report_pdf: runPdfReportJob,
};
