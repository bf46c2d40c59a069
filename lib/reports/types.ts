// Input of every report builder: a plain, already-gathered snapshot of an article's verified
// claims (a sentence's verified claim is its approved verdict, see the two-person review). Keeping it free of Prisma types lets the builders stay pure and unit-testable; the
// server layer (lib/server/reports) is the only place that knows how to fill it.
import type { Rating } from './verdict-scale';

/** What FactDesk's source archive holds for a source (lib/server/sources). */
export interface SourceArchive {
  status: 'pending' | 'archived' | 'unavailable';
  /** Why there is no copy (`unavailable`): paywall, blocked, not_found, timeout… */
  reason: string | null;
  /** The archived copy, served by FactDesk; null without one. */
  copyUrl: string | null;
  /** ISO date-time of the copy. */
  archivedAt: string | null;
  sha256: string | null;
  /** What the last link check found wrong, if anything. */
  checkState: 'dead' | 'changed' | null;
  checkedAt: string | null;
}

export interface ReportSource {
  url: string;
  title: string | null;
  publisher: string | null;
  /** ISO date (YYYY-MM-DD). */
  publishedAt: string | null;
  excerpt: string | null;
  /** The archived copy or why there is none; absent when the archive was not consulted. */
  archive?: SourceArchive;
}

/** The claim as the fact-checker wrote it (verdicts.claim); null fields are not known. */
export interface ClaimFields {
  /** ClaimReview `claimReviewed`; null: the sentence, shortened. */
  summary: string | null;
  /** Who made the claim (not the article's author); null: unknown. */
  claimant: string | null;
  claimantKind: 'person' | 'organization';
  /** YYYY-MM-DD the claim was made; null: the article's date. */
  date: string | null;
  /** Where it appeared (http(s)); null: the article. */
  appearanceUrl: string | null;
}

export interface ReportClaim {
  sentenceId: string;
  /** 0-based unit index in the article; shown to readers as index + 1. */
  index: number;
  text: string;
  rating: Rating;
  rationale: string;
  /** The verdict's author: the fact-checker who wrote it (the editor, for a resolution). */
  reviewer: { name: string };
  /**
   * ISO date-time the published verdict was submitted by its author (handed over for review),
   * not its approval (`approvedAt`). For an editor's resolution, written and published at once,
   * the same as `approvedAt`.
   */
  reviewedAt: string;
  /**
   * The member who approved the verdict; null when unknown (e.g. the account was deleted). For a
   * resolution, the same editor as `reviewer`.
   */
  approver: { name: string } | null;
  /** ISO date-time of the approval (the day the verdict was published). */
  approvedAt: string;
  /**
   * True when an editor wrote this verdict to settle a disagreement between fact-checkers; then
   * reviewer and approver are the same editor.
   */
  resolution: boolean;
  /**
   * True when the dispute on this sentence was settled by a member who had rated it (a party to
   * the dispute), which the team allowed: the reports say so. Absent means false.
   */
  settledByParty?: boolean;
  sources: ReportSource[];
  /** The claim's own fields; absent or all null: the sentence, by the article's publisher. */
  claim?: ClaimFields;
}

export interface ReportArticle {
  id: string;
  title: string;
  /** BCP 47 tag of the article's language ('fr', 'en-GB', …). */
  language: string;
  sourceUrl: string | null;
  publisher: string | null;
  /** True when only part of the article could be imported (paywall). */
  partial: boolean;
  sentenceCount: number;
  /** The article's byline, when known. */
  author?: string | null;
  /** Publication day of the article (YYYY-MM-DD), when known. */
  publishedAt?: string | null;
  /** Current version of the fact-check (1 for the first publication), when tracked. */
  version?: number;
}

/** One entry of a fact-check's corrections history. */
export interface ReportRevision {
  version: number;
  /** ISO date-time of the revision. */
  at: string;
  /** Who made it; null when unknown (e.g. the account was deleted). */
  by: string | null;
  /** What changed and why; null when no note was left. */
  note: string | null;
}

/** Inter-rater agreement of the article's fact-checkers (nominal ratings). */
export interface ReportAgreement {
  /** Krippendorff's alpha; null when it cannot be computed (no pairs, or no variation). */
  alpha: number | null;
  /** Share of agreeing rating pairs, 0..1; null when there are no pairs. */
  percentAgreement: number | null;
  /** Sentences rated by at least two fact-checkers. */
  ratedSentences: number;
  /** Ids of the sentences whose ratings disagree. */
  disputed: string[];
}

/** A dated change to a published fact-check (publication_corrections). */
export interface PublicationCorrection {
  /** ISO date-time. */
  at: string;
  /** 0-based unit index of the sentence. */
  sentenceIndex: number;
  kind: 'added' | 'changed';
  previousRating: Rating | null;
  rating: Rating;
}

/** What makes a report the team's published page (app/p/**) rather than a file. */
export interface PublicationInfo {
  /** The page's canonical address: ClaimReview `url`s are it plus `#sentence-N`. */
  url: string;
  /** The team's public index, and its feeds. */
  indexUrl: string;
  claimReviewFeedUrl: string;
  atomFeedUrl: string;
  /** ISO date-times: the first publication and the last change to what the page shows. */
  firstPublishedAt: string;
  modifiedAt: string;
  /** False: the team signs alone, no fact-checker or approver is named. */
  namedReviewers: boolean;
  /** Oldest first. */
  corrections: PublicationCorrection[];
}

export interface ReportData {
  article: ReportArticle;
  /** Set for the published page: canonical address, corrections, whether reviewers are named. */
  publication?: PublicationInfo;
  /** The name the team signs with (its public name, else its name): the ClaimReview author. */
  organization: string;
  /** The organisation's site (ClaimReview `author.url`), when the team gave one. */
  organizationUrl?: string | null;
  /** The organisation's logo (ClaimReview `author.logo`), when the team gave one. */
  organizationLogo?: string | null;
  /** Absolute URL of the fact-check page in FactDesk. */
  factCheckUrl: string;
  /** ISO date-time. */
  generatedAt: string;
  /** Verified claims only, in text order. */
  claims: ReportClaim[];
  /** Inter-rater agreement, when the caller computed it. */
  agreement?: ReportAgreement;
  /** Corrections history, oldest first (the first entry is the original publication). */
  revisions?: ReportRevision[];
  /**
   * The team's publication language (teams.publication_language, BCP 47): the labels,
   * methodology and verdict names of every format are in it, whatever the article's language.
   * Absent: the article's language.
   */
  publicationLanguage?: string;
  /**
   * The IANA zone dates and times are shown in: the requester's account zone. Absent: UTC
   * (the CSV then keeps the stored ISO instants).
   */
  timeZone?: string;
  /**
   * Ids of the sentences whose published verdict must be checked again because the article text
   * changed since it was approved.
   */
  recheck?: string[];
}

/**
 * Figures over every claim of a report. A streamed report prints them in its header, before any
 * claim is read, so the server gets them from a light aggregate query; for a whole ReportData
 * they are counted from its claims (reportHead).
 */
export interface ReportTotals {
  /** Claims in the report (verified sentences). */
  verifiedCount: number;
  /** Every rating, in scale order, with 0 when unused. */
  byRating: Record<Rating, number>;
}

/** Everything a report shows but its claims, plus their totals: a streamed report's header. */
export interface ReportHead extends Omit<ReportData, 'claims'> {
  totals: ReportTotals;
}
