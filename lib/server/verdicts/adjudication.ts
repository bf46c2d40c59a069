// Who may settle a dispute, and how a settlement is recorded. The rule (issue 12): a dispute is
// settled by an editor or owner who is not a party to it — who did not rate the sentence —
// unless the team's owners allow parties to settle (`teams.allow_party_adjudication`). A member
// rated the sentence when a verdict of theirs on it was ever submitted: it is submitted,
// approved or sent back now, or its audit trail has a submission (a verdict withdrawn or
// reopened to a draft still rated). Checked inside the settling transaction, after the sentence
// lock, by resolveDispute and by approveVerdict on a disputed sentence; shown ahead of time by
// getSentence (`canResolve`, `resolveRefusal`).
//
// Every settlement ends with one `sentence.resolve` audit event whose `after.byParty` says
// whether a party settled it (allowed by the team): the reports read it from there.
import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { Tx } from '@/lib/db';
import { can, type Role } from '@/lib/permissions';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { currentLocale } from '@/lib/i18n/current-locale';
import { AppError, errorText, type ErrorKey } from '@/lib/server/errors';
import type { SentenceContext } from './workflow';

/** Why a party may not settle: the 403's message and the panel's explanation (its key). */
export const ADJUDICATOR_IS_PARTY_MESSAGE = 'adjudicatorIsParty' satisfies ErrorKey;

/** Why a reviewer or a viewer may not settle (the panel's explanation, its key). */
export const ADJUDICATOR_ROLE_MESSAGE = 'adjudicatorRole' satisfies ErrorKey;

type RawDb = Pick<Tx, '$queryRaw'>;

/** Whether `userId` rated the sentence: a verdict of theirs on it was ever submitted. */
export async function isPartyTo(
  db: RawDb,
  options: { sentenceId: string; userId: string },
): Promise<boolean> {
  const [row] = await db.$queryRaw<{ party: boolean }[]>`
    SELECT EXISTS (
      SELECT 1
        FROM verdicts v
       WHERE v.sentence_id = ${options.sentenceId}::uuid
         AND v.author_id = ${options.userId}::uuid
         AND (v.status <> 'draft'
              OR EXISTS (SELECT 1
                           FROM audit_events e
                          WHERE e.entity_type = 'verdict'
                            AND e.entity_id = v.id
                            AND e.action = 'verdict.submit'))
    ) AS party`;
  return row?.party ?? false;
}

/**
 * In the settling transaction (the sentence locked): refuses a party to the dispute unless the
 * team allows it (403 `adjudicator_is_party`). Returns whether the adjudicator is a party, for
 * the settlement's record.
 */
export async function requireIndependentAdjudicator(
  tx: Tx,
  sentence: SentenceContext,
  userId: string,
): Promise<{ byParty: boolean }> {
  const team = await tx.team.findUniqueOrThrow({
    where: { id: sentence.teamId },
    select: { allowPartyAdjudication: true },
  });
  const byParty = await isPartyTo(tx, { sentenceId: sentence.id, userId });
  if (byParty && !team.allowPartyAdjudication) {
    throw new AppError('adjudicator_is_party', ADJUDICATOR_IS_PARTY_MESSAGE);
  }
  return { byParty };
}

export interface AdjudicationRight {
  /** The caller may settle the sentence's dispute now. */
  canResolve: boolean;
  /**
   * Why not, in the request's language, when the sentence is disputed and the caller may not
   * settle it; null otherwise.
   */
  resolveRefusal: string | null;
}

/** What the panel shows about settling (the same rule the server enforces when settling). */
export function adjudicationRight(options: {
  disputed: boolean;
  role: Role | null;
  isParty: boolean;
  allowPartyAdjudication: boolean;
}): AdjudicationRight {
  if (!options.disputed) return { canResolve: false, resolveRefusal: null };
  if (!can(options.role, 'dispute.resolve')) {
    return {
      canResolve: false,
      resolveRefusal: errorText(currentLocale(), ADJUDICATOR_ROLE_MESSAGE),
    };
  }
  if (options.isParty && !options.allowPartyAdjudication) {
    return {
      canResolve: false,
      resolveRefusal: errorText(currentLocale(), ADJUDICATOR_IS_PARTY_MESSAGE),
    };
  }
  return { canResolve: true, resolveRefusal: null };
}

/**
 * The settlement's audit event, written last in its transaction (after the approvals and the
 * sendings back it caused): `byParty` is what the reports mention.
 */
export async function recordSettlement(
  tx: Tx,
  sentence: SentenceContext,
  actorId: string,
  after: { byParty: boolean } & Record<string, Prisma.InputJsonValue>,
): Promise<void> {
  await recordAudit(tx, {
    teamId: sentence.teamId,
    articleId: sentence.articleId,
    sentenceId: sentence.id,
    actorId,
    action: 'sentence.resolve',
    entityType: 'sentence',
    entityId: sentence.id,
    after,
  });
}
