/**
 * Public entry point of the report builders: pure functions from a ReportData snapshot to
 * Markdown, CSV, JSON, standalone HTML and schema.org ClaimReview, the team report across
 * articles, W3C Web Annotation export/import, plus the verdict scale they share with the UI.
 * Each single-article format (and the W3C export) also comes as a writer (header, one chunk per
 * claim, footer) for streamed downloads; the whole-string builders are those writers applied to
 * an in-memory list. No Prisma and no Next imports here, so every format is unit-testable in
 * isolation.
 */
export type {
  ReportAgreement,
  ReportArticle,
  ReportClaim,
  ReportData,
  ReportHead,
  ReportRevision,
  ReportSource,
  ReportTotals,
} from './types';
export {
  countByRating,
  indentedJson,
  reportHead,
  totalsOf,
  writeAll,
  writePieces,
  type ChunkWriter,
  type ReportWriter,
} from './writer';
export { STREAMED_REPORT_FORMATS, reportWriter, type StreamedReportFormat } from './stream';
export {
  CLAIM_REVIEW_BEST_RATING,
  CLAIM_REVIEW_RATING_VALUES,
  CLAIM_REVIEW_WORST_RATING,
  DEFAULT_LANGUAGE,
  RATINGS,
  RATING_COLORS,
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
  markdownWriter,
  toMarkdown,
  toMarkdownSection,
  type MarkdownOptions,
} from './markdown';
export {
  CSV_COLUMNS,
  CSV_LIST_SEPARATOR,
  CSV_YES,
  csvRecord,
  csvWriter,
  neutralizeCsvCell,
  reportCsvWriter,
  stringifyCsv,
  toCsv,
  type CsvColumn,
} from './csv';
export { jsonWriter, toJson, type JsonReport, type JsonReportSummary } from './json';
export {
  checkClaimReview,
  claimReviewWriter,
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
export { htmlWriter, toHtmlReport, type HtmlOptions } from './html';
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
  annotationCollectionWriter,
  countAnnotationItems,
  parseAnnotationCollection,
  toAnnotationCollection,
  type AnnotationCollectionDocument,
  type AnnotationCollectionHead,
  type AnnotationImport,
  type AnnotationPageDocument,
  type ImportedAnnotation,
  type W3CAnnotation,
  type W3CAnnotationInput,
  type W3CTextualBody,
} from './w3c';
