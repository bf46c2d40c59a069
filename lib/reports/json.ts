// JSON report: the report data plus a summary, for other newsroom tools. It returns a plain
// object (no Dates, no class instances) so the caller decides how to serialise it, and copies the
// input so that later changes to the returned object cannot leak back into the caller's data.
import type { ReportAgreement, ReportArticle, ReportClaim, ReportData } from './types';
import { RATINGS, type Rating } from './verdict-scale';

export interface JsonReportSummary {
  /** Sentences of the article (checkable or not). */
  sentenceCount: number;
  /** Claims in this report, i.e. verified sentences. */
  verifiedCount: number;
  /** Every rating is present, with 0 when unused, so consumers need no default handling. */
  byRating: Record<Rating, number>;
}

export interface JsonReport {
  article: ReportArticle;
  organization: string;
  generatedAt: string;
  summary: JsonReportSummary;
  /** Inter-rater agreement; null when the caller did not compute it. */
  agreement: ReportAgreement | null;
  claims: ReportClaim[];
}

function emptyCounts(): Record<Rating, number> {
  return Object.fromEntries(RATINGS.map((rating) => [rating, 0])) as Record<Rating, number>;
}

/** The report as a serialisable object: `JSON.stringify(toJson(data))`. */
export function toJson(data: ReportData): JsonReport {
  const byRating = emptyCounts();
  for (const claim of data.claims) byRating[claim.rating] += 1;
  return {
    article: { ...data.article },
    organization: data.organization,
    generatedAt: data.generatedAt,
    summary: {
      sentenceCount: data.article.sentenceCount,
      verifiedCount: data.claims.length,
      byRating,
    },
    agreement: data.agreement
      ? { ...data.agreement, disputed: [...data.agreement.disputed] }
      : null,
    claims: data.claims.map((claim) => ({
      ...claim,
      reviewer: { ...claim.reviewer },
      approver: claim.approver ? { ...claim.approver } : null,
      sources: claim.sources.map((source) => ({ ...source })),
    })),
  };
}
