// An editor imports other fact-checkers' ClaimReviews from a file (POST
// /api/v1/teams/{id}/fact-checks/import): the document is read whole first — too large, not
// JSON, nested too deeply, too many items: 413/422 and nothing stored — then every usable
// ClaimReview is stored in one transaction with its audit event, and each one that was not is
// reported with why (skipped). Nothing is half-imported: a refused item stores nothing at all.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import {
  ClaimReviewDocumentError,
  parseClaimReviewDocument,
  type ParsedDocument,
  type SkippedItem,
} from '@/lib/matching/claimreview-import';
import { requirePermission } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import {
  FACT_CHECK_IMPORT_MAX_CHARACTERS,
  FACT_CHECK_IMPORT_MAX_ITEMS,
  factCheckImportSchema,
} from '@/lib/validations/matching';
import { storeFactChecks, type StoreOutcome } from './store-fact-checks';

export interface ImportOutcome extends StoreOutcome {
  skipped: SkippedItem[];
}

/** The team, when the caller may import into it (editors and owners); 404/403 otherwise. */
export async function requireFactCheckEditor(tx: Tx, userId: string, teamId: string) {
  if (!userId) throw new AppError('unauthenticated', 'signInRequired');
  const team = await tx.team.findFirst({
    where: { id: teamId, memberships: { some: { userId } } },
    select: { id: true, memberships: { where: { userId }, select: { role: true } } },
  });
  if (!team) throw notFound('team');
  requirePermission(team.memberships[0], 'factcheck.import', 'team');
  return team;
}

/** A document-level refusal as the API's error (nothing was stored). */
export function documentRefusal(error: unknown): unknown {
  if (!(error instanceof ClaimReviewDocumentError)) return error;
  const max = error.limit ?? 0;
  switch (error.code) {
    case 'too_large':
      return new AppError('payload_too_large', { key: 'factChecks.tooLarge', values: { max } });
    case 'too_many_items':
      return new AppError('payload_too_large', { key: 'factChecks.tooManyItems', values: { max } });
    case 'too_deep':
      return new AppError('validation_failed', { key: 'factChecks.tooDeep', values: { max } });
    case 'not_json':
      return new AppError('validation_failed', 'factChecks.notJson');
    case 'no_claim_reviews':
      return new AppError('validation_failed', 'factChecks.noClaimReviews');
  }
}

export function parseDocument(
  text: string,
  limits: { maxItems: number; maxCharacters: number },
): ParsedDocument {
  try {
    return parseClaimReviewDocument(text, limits);
  } catch (error) {
    throw documentRefusal(error);
  }
}

export async function importFactChecks(options: {
  userId: string;
  teamId: string;
  input: unknown;
}): Promise<ImportOutcome> {
  const { document, trust } = factCheckImportSchema.parse(options.input);
  // Membership first: a non-member learns nothing, not even whether the file was readable.
  await requireFactCheckEditor(prisma, options.userId, options.teamId);
  const parsed = parseDocument(document, {
    maxItems: FACT_CHECK_IMPORT_MAX_ITEMS,
    maxCharacters: FACT_CHECK_IMPORT_MAX_CHARACTERS,
  });
  if (parsed.items.length === 0) {
    throw new AppError(
      'validation_failed',
      { key: 'factChecks.nothingImported', values: { skipped: parsed.skipped.length } },
      { skipped: parsed.skipped },
    );
  }
  const outcome = await prisma.$transaction(async (tx) => {
    await requireFactCheckEditor(tx, options.userId, options.teamId);
    const stored = await storeFactChecks(tx, parsed.items, {
      teamId: options.teamId,
      userId: options.userId,
      feedId: null,
      trust,
    });
    await recordAudit(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      action: 'factcheck.import',
      entityType: 'team',
      entityId: options.teamId,
      after: { ...stored, skipped: parsed.skipped.length, trust },
    });
    return stored;
  });
  return { ...outcome, skipped: parsed.skipped };
}
