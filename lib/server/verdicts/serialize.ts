// Stored verdict and published (final) verdict → API shapes.
import 'server-only';
import type { z } from 'zod';
import type { publishedVerdictDto, sourceDto, verdictDto } from '@/lib/validations/dto/verdict';
import type { Rating } from '@/lib/reports';
import { claimFields } from '@/lib/reports/claim-fields';
import type { VerdictStatus } from '@/lib/workflow/sentence-state';

const sourceSelect = {
  url: true,
  title: true,
  publisher: true,
  publishedAt: true,
  excerpt: true,
} as const;

export const verdictSelect = {
  id: true,
  sentenceId: true,
  rating: true,
  rationale: true,
  claim: true,
  status: true,
  needsRecheck: true,
  version: true,
  submittedAt: true,
  reviewedAt: true,
  reviewNote: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  reviewedBy: { select: { id: true, name: true } },
  sources: { orderBy: { position: 'asc' }, select: sourceSelect },
} as const;

export interface SourceRow {
  url: string;
  title: string | null;
  publisher: string | null;
  publishedAt: Date | null;
  excerpt: string | null;
}

export interface VerdictRow {
  id: string;
  sentenceId: string;
  rating: Rating;
  rationale: string;
  /** As stored (verdicts.claim): read through claimFields. */
  claim: unknown;
  status: VerdictStatus;
  needsRecheck: boolean;
  version: number;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  updatedAt: Date;
  author: { id: string; name: string };
  reviewedBy: { id: string; name: string } | null;
  sources: SourceRow[];
}

export type SourceDto = z.output<typeof sourceDto>;
export type VerdictDto = z.output<typeof verdictDto>;

export function serializeSource(source: SourceRow): SourceDto {
  return {
    ...source,
    publishedAt: source.publishedAt ? source.publishedAt.toISOString().slice(0, 10) : null,
  };
}

export function serializeVerdict(row: VerdictRow): VerdictDto {
  const status = row.status;
  return {
    id: row.id,
    sentenceId: row.sentenceId,
    author: row.author,
    rating: row.rating,
    rationale: row.rationale,
    sources: row.sources.map(serializeSource),
    claim: claimFields(row.claim),
    status,
    /** The sentence's text changed in a revision since this verdict was written. */
    needsRecheck: row.needsRecheck,
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    /** Who approved it (status approved). */
    approvedBy: status === 'approved' ? row.reviewedBy : null,
    /** Who sent it back, and why (status rejected). */
    rejectedBy: status === 'rejected' ? row.reviewedBy : null,
    reviewNote: status === 'rejected' ? row.reviewNote : null,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a verdict. */
export function auditView(verdict: VerdictDto) {
  return {
    rating: verdict.rating,
    rationale: verdict.rationale,
    status: verdict.status,
    version: verdict.version,
    sources: verdict.sources.map((s) => s.url),
    claimSummary: verdict.claim.summary,
    claimant: verdict.claim.claimant,
  };
}

export const publishedSelect = {
  verdictId: true,
  rating: true,
  rationale: true,
  sources: true,
  claim: true,
  approvedAt: true,
  isResolution: true,
  needsRecheck: true,
  author: { select: { id: true, name: true } },
  approvedBy: { select: { id: true, name: true } },
} as const;

interface PublishedRow {
  verdictId: string | null;
  rating: Rating;
  rationale: string;
  sources: unknown;
  claim: unknown;
  approvedAt: Date;
  isResolution: boolean;
  needsRecheck: boolean;
  author: { id: string; name: string } | null;
  approvedBy: { id: string; name: string } | null;
}

export type PublishedVerdictDto = z.output<typeof publishedVerdictDto>;

export function serializePublished(row: PublishedRow): PublishedVerdictDto {
  return {
    verdictId: row.verdictId,
    rating: row.rating,
    rationale: row.rationale,
    // Written by publishVerdict / resolveDispute from validated sources only.
    sources: (Array.isArray(row.sources) ? row.sources : []) as SourceDto[],
    claim: claimFields(row.claim),
    author: row.author,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt.toISOString(),
    isResolution: row.isResolution,
    needsRecheck: row.needsRecheck,
  };
}
