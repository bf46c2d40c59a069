// Input of every report builder: a plain, already-gathered snapshot of an article's verified
// claims. Keeping it free of Prisma types lets the builders stay pure and unit-testable; the
// server layer (lib/server/reports) is the only place that knows how to fill it.
import type { Rating } from './verdict-scale';

export interface ReportSource {
  url: string;
  title: string | null;
  publisher: string | null;
  /** ISO date (YYYY-MM-DD). */
  publishedAt: string | null;
  excerpt: string | null;
}

export interface ReportClaim {
  sentenceId: string;
  /** 0-based unit index in the article; shown to readers as index + 1. */
  index: number;
  text: string;
  rating: Rating;
  rationale: string;
  reviewer: { name: string };
  /** ISO date-time. */
  reviewedAt: string;
  sources: ReportSource[];
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
}

export interface ReportData {
  article: ReportArticle;
  /** The team's name, the ClaimReview author. */
  organization: string;
  /** Absolute URL of the fact-check page in FactDesk. */
  factCheckUrl: string;
  /** ISO date-time. */
  generatedAt: string;
  /** Verified claims only, in text order. */
  claims: ReportClaim[];
}
