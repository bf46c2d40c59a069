/**
 * Public entry point of the report builders: pure functions from a ReportData snapshot to
 * Markdown, CSV, JSON and schema.org ClaimReview, plus the verdict scale they share with the UI.
 * No Prisma and no Next imports here, so every format is unit-testable in isolation.
 */
export type {
  ReportAgreement,
  ReportArticle,
  ReportClaim,
  ReportData,
  ReportSource,
} from './types';
export {
  CLAIM_REVIEW_BEST_RATING,
  CLAIM_REVIEW_RATING_VALUES,
  CLAIM_REVIEW_WORST_RATING,
  DEFAULT_LANGUAGE,
  RATINGS,
  RATING_LABELS,
  REPORT_LANGUAGES,
  claimReviewRating,
  isRating,
  ratingLabel,
  resolveLanguage,
  type ClaimReviewRatingValues,
  type Rating,
  type ReportLanguage,
} from './verdict-scale';
export {
  encodeLinkDestination,
  escapeMarkdownText,
  toMarkdown,
  type MarkdownOptions,
} from './markdown';
export {
  CSV_COLUMNS,
  CSV_LIST_SEPARATOR,
  CSV_YES,
  neutralizeCsvCell,
  toCsv,
  type CsvColumn,
} from './csv';
export { toJson, type JsonReport, type JsonReportSummary } from './json';
export {
  toClaimReview,
  validateClaimReview,
  type ClaimReview,
  type SchemaClaim,
  type SchemaCreativeWork,
  type SchemaOrganization,
  type SchemaRating,
} from './claim-review';
