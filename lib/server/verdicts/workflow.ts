// Building blocks of the verdict workflow shared by set/submit/approve/reject/resolve: the
// sentence lock that serialises every verdict change on one sentence, the member's view of the
// sentence, the dispute check and the published snapshot.
import 'server-only';
import type { Tx } from '@/lib/db';
import type { Role } from '@/lib/permissions';
import { articleOfMember, myMembership, requirePermission } from '@/lib/server/access';
import type { Permission } from '@/lib/permissions';
import { AppError, notFound, type ErrorMessage } from '@/lib/server/errors';
import { claimFields } from '@/lib/reports/claim-fields';
import { indexPublishedClaim } from '@/lib/server/matching/index-claims';
import { isDisputed } from '@/lib/workflow/sentence-state';
import { serializeSource, serializeVerdict, verdictSelect, type VerdictRow } from './serialize';

export interface SentenceContext {
  id: string;
  articleId: string;
  teamId: string;
  kind: string;
  role: Role;
}

/**
 * The sentence as seen by a member holding `permission`, locked FOR UPDATE until the
 * transaction ends: two changes to one sentence's verdicts never interleave, so a dispute or a
 * stale version is always seen by whoever comes second.
 */
export async function lockSentenceForMember(
  tx: Tx,
  options: { userId: string; sentenceId: string; permission: Permission },
): Promise<SentenceContext> {
  const sentence = await tx.sentence.findFirst({
    where: { id: options.sentenceId, article: articleOfMember(options.userId) },
    select: {
      id: true,
      kind: true,
      articleId: true,
      article: { select: { teamId: true, ...myMembership(options.userId) } },
    },
  });
  if (!sentence) throw notFound('sentence');
  const role = requirePermission(
    sentence.article.team.memberships[0],
    options.permission,
    'sentence',
  );
  await tx.$executeRaw`SELECT 1 FROM sentences WHERE id = ${sentence.id}::uuid FOR UPDATE`;
  return {
    id: sentence.id,
    articleId: sentence.articleId,
    teamId: sentence.article.teamId,
    kind: sentence.kind,
    role,
  };
}

export function requireCheckable(sentence: SentenceContext): void {
  if (sentence.kind !== 'sentence') {
    throw new AppError('not_checkable', 'notCheckable');
  }
}

export async function verdictsOf(tx: Tx, sentenceId: string): Promise<VerdictRow[]> {
  return tx.verdict.findMany({
    where: { sentenceId },
    orderBy: { createdAt: 'asc' },
    select: verdictSelect,
  });
}

export function disputed(verdicts: VerdictRow[]): boolean {
  return isDisputed(verdicts);
}

/** 409 with the verdict as it is now, for the client to compare and retry. */
export function staleVerdict(current: VerdictRow, message?: ErrorMessage): AppError {
  return new AppError('conflict', message ?? 'verdictChanged', {
    current: serializeVerdict(current),
  });
}

/** When the client sent the version it read, it must still be the current one. */
export function checkVersion(current: VerdictRow, version: number | undefined): void {
  if (version !== undefined && version !== current.version) throw staleVerdict(current);
}

/** The sentence's published verdict becomes a snapshot of `verdict`, approved by `approverId`. */
export async function publishVerdict(
  tx: Tx,
  verdict: VerdictRow,
  approverId: string,
): Promise<void> {
  const data = {
    verdictId: verdict.id,
    rating: verdict.rating,
    rationale: verdict.rationale,
    sources: verdict.sources.map(serializeSource),
    claim: { ...claimFields(verdict.claim) },
    authorId: verdict.author.id,
    approvedById: approverId,
    approvedAt: new Date(),
    isResolution: false,
    needsRecheck: false,
  };
  await tx.publishedVerdict.upsert({
    where: { sentenceId: verdict.sentenceId },
    create: { sentenceId: verdict.sentenceId, ...data },
    update: data,
  });
  // What claim matching finds (lib/server/matching).
  await indexPublishedClaim(tx, verdict.sentenceId);
}
