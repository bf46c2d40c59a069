// JSON report: the report data plus a summary, for other newsroom tools. toJson returns a plain
// object (no Dates, no class instances) so the caller decides how to serialise it, and copies the
// input so that later changes to the returned object cannot leak back into the caller's data.
// jsonWriter prints the same document as `JSON.stringify(toJson(data), null, 2)`, one claim at a
// time, for streamed downloads.
import type {
  ReportAgreement,
  ReportArticle,
  ReportClaim,
  ReportData,
  ReportHead,
  ReportTotals,
} from './types';
import type { Rating } from './verdict-scale';
import { indentedJson, totalsOf, type ReportWriter } from './writer';

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

/** Everything but the claims, in the document's key order (claims come last). */
function jsonHead(head: Omit<ReportData, 'claims'>, totals: ReportTotals): JsonReport {
  return {
    article: { ...head.article },
    organization: head.organization,
    generatedAt: head.generatedAt,
    summary: {
      sentenceCount: head.article.sentenceCount,
      verifiedCount: totals.verifiedCount,
      byRating: { ...totals.byRating },
    },
    agreement: head.agreement
      ? { ...head.agreement, disputed: [...head.agreement.disputed] }
      : null,
    claims: [],
  };
}

function jsonClaim(claim: ReportClaim): ReportClaim {
  return {
    ...claim,
    reviewer: { ...claim.reviewer },
    approver: claim.approver ? { ...claim.approver } : null,
    sources: claim.sources.map((source) => ({ ...source })),
  };
}

/** The report as a serialisable object: `JSON.stringify(toJson(data))`. */
export function toJson(data: ReportData): JsonReport {
  return { ...jsonHead(data, totalsOf(data.claims)), claims: data.claims.map(jsonClaim) };
}

/**
 * The JSON report (`JSON.stringify(toJson(data), null, 2)`) written claim by claim: the header
 * ends inside the `claims` array, each claim brings its own comma, the footer closes the array
 * and the document. Summary figures come from `head.totals`.
 */
export function jsonWriter(head: ReportHead): ReportWriter {
  let written = 0;
  return {
    start() {
      // The document with an empty claims array, cut just after its `[`.
      const text = JSON.stringify(jsonHead(head, head.totals), null, 2);
      return text.slice(0, -']\n}'.length);
    },
    item(claim) {
      return `${written++ === 0 ? '' : ','}\n    ${indentedJson(jsonClaim(claim), 2)}`;
    },
    end() {
      return written === 0 ? ']\n}' : '\n  ]\n}';
    },
  };
}
