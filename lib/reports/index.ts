/**
 * Public entry point of the report builders: pure functions from a ReportData snapshot to
 * Markdown, CSV, JSON, standalone HTML and schema.org ClaimReview, the team report across
 * articles, W3C Web Annotation export/import, plus the verdict scale they share with the UI.
 * No Prisma and no Next imports here, so every format is unit-testable in isolation.
 */
export type {
  ReportAgreement,
  ReportArticle,
  ReportClaim,
  ReportData,
  ReportRevision,
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
  toMarkdownSection,
  type MarkdownOptions,
} from './markdown';
export {
  CSV_COLUMNS,
  CSV_LIST_SEPARATOR,
  CSV_YES,
  csvRecord,
  neutralizeCsvCell,
  stringifyCsv,
  toCsv,
  type CsvColumn,
} from './csv';
export { toJson, type JsonReport, type JsonReportSummary } from './json';
export {
  checkClaimReview,
  toClaimReview,
  validateClaimReview,
  type ClaimReview,
  type ClaimReviewCheck,
  type SchemaClaim,
  type SchemaCreativeWork,
  type SchemaOrganization,
  type SchemaPerson,
  type SchemaRating,
} from './claim-review';
export { RATING_COLORS, escapeAttribute, escapeHtml, toHtmlReport, type HtmlOptions } from './html';
export {
  TEAM_CSV_COLUMNS,
  teamToClaimReview,
  teamToCsv,
  teamToJson,
  teamToMarkdown,
  type TeamCsvColumn,
  type TeamJsonReport,
  type TeamReportData,
  type TeamReportFilters,
} from './team';
export {
  ANNOTATION_CONTEXT,
  MAX_IMPORTED_ANNOTATIONS,
  parseAnnotationCollection,
  toAnnotationCollection,
  type AnnotationCollectionDocument,
  type AnnotationImport,
  type AnnotationPageDocument,
  type ImportedAnnotation,
  type W3CAnnotation,
  type W3CAnnotationInput,
  type W3CTextualBody,
} from './w3c';
