import { z } from 'zod';
import { RATINGS } from '@/lib/reports/verdict-scale';
import { httpUrlSchema, isoDateSchema, optionalText, versionSchema } from './common';
import { maxChars, msg } from './messages';

/** The verdict scale, from its one definition (shared with the UI and the reports). */
export const RATING_VALUES = RATINGS;

export const sourceSchema = z.object({
  url: httpUrlSchema,
  title: optionalText(500),
  publisher: optionalText(200),
  publishedAt: isoDateSchema.nullish().transform((value) => value ?? null),
  excerpt: optionalText(5000),
});
export type SourceInput = z.infer<typeof sourceSchema>;

/** Who made a claim: a person (« Vladimir Poutine ») or an organisation (« le Kremlin »). */
export const CLAIMANT_KINDS = ['person', 'organization'] as const;

/** The longest claim summary stored; Google advises under 75 characters (claim-review.ts). */
export const CLAIM_SUMMARY_MAX = 200;

/**
 * The claim as fact-checkers write it (ClaimReview `claimReviewed` and `itemReviewed`): a short
 * summary (else the sentence, shortened), who made it (not the article's author), when, and
 * where it appeared (else the article). Every field optional; blank is none.
 */
export const claimSchema = z.object({
  summary: optionalText(CLAIM_SUMMARY_MAX),
  claimant: optionalText(200),
  claimantKind: z.enum(CLAIMANT_KINDS, { error: msg('unknown.claimantKind') }).default('person'),
  date: isoDateSchema.nullish().transform((value) => value ?? null),
  appearanceUrl: httpUrlSchema.nullish().transform((value) => value ?? null),
});
export type ClaimInput = z.output<typeof claimSchema>;

export const setVerdictSchema = z.object({
  rating: z.enum(RATING_VALUES, { error: msg('unknown.rating') }),
  rationale: z
    .string()
    .trim()
    .max(20_000, { error: maxChars(20_000) })
    .default(''),
  sources: z
    .array(sourceSchema)
    .max(30, { error: msg('maxSources') })
    .default([]),
  /** The claim's fields; absent leaves them as they are (a client that does not know them). */
  claim: claimSchema.optional(),
  /**
   * The version the client last read: required once the verdict exists (a missing or stale one
   * is refused with 409 and the current verdict), absent for a first verdict.
   */
  version: versionSchema.optional(),
});
export type SetVerdictInput = z.infer<typeof setVerdictSchema>;

/** Optional body of submit / approve: the version the client read, checked when given. */
export const verdictVersionSchema = z.object({ version: versionSchema.optional() });

export const rejectVerdictSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, { error: msg('required.rejectReason') })
    .max(5000, { error: maxChars(5000) }),
  version: versionSchema.optional(),
});

/** An editor settles a dispute: approve one verdict in play, or write the final verdict. */
export const resolveDisputeSchema = z.union([
  z.object({ verdictId: z.uuid(), version: versionSchema.optional() }).strict(),
  z
    .object({
      rating: z.enum(RATING_VALUES, { error: msg('unknown.rating') }),
      rationale: z
        .string()
        .trim()
        .min(1, { error: msg('required.resolveReason') })
        .max(20_000, { error: maxChars(20_000) }),
      sources: z
        .array(sourceSchema)
        .max(30, { error: msg('maxSources') })
        .default([]),
      claim: claimSchema.optional(),
    })
    .strict(),
]);
export type ResolveDisputeInput = z.infer<typeof resolveDisputeSchema>;
