// « Déjà vérifié ? » is computed on demand and kept (claim_match_cache): a sentence's matches
// are valid while its team's claim index is at the version they were computed at — triggers
// bump it on every change of claim_index and of a publisher's trust (migration
// 20261211010000_external_fact_checks) — and while the sentence's text is the same. Shared by
// every member and every app instance: the cache lives in PostgreSQL.
import 'server-only';
import { createHash } from 'node:crypto';
import { Prisma } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import type { ClaimMatch } from './find-matches';

export interface MatchableSentence {
  id: string;
  teamId: string;
  text: string;
  language: string;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** The team's claim-index version now (0 before its first change). */
export async function indexVersion(teamId: string): Promise<bigint> {
  const row = await prisma.claimIndexVersion.findUnique({
    where: { teamId },
    select: { version: true },
  });
  return row?.version ?? 0n;
}

/**
 * The sentence's matches, from the cache when still valid, else computed by `compute` and
 * stored with the version read *before* computing: a change made meanwhile leaves it stale.
 */
export async function cachedMatches(
  sentence: MatchableSentence,
  compute: () => Promise<ClaimMatch[]>,
): Promise<ClaimMatch[]> {
  const version = await indexVersion(sentence.teamId);
  const hash = textHash(sentence.text);
  const cached = await prisma.claimMatchCache.findUnique({
    where: { sentenceId: sentence.id },
    select: { indexVersion: true, textHash: true, matches: true },
  });
  if (cached && cached.indexVersion === version && cached.textHash === hash) {
    return cached.matches as unknown as ClaimMatch[];
  }
  const matches = await compute();
  const data = {
    teamId: sentence.teamId,
    indexVersion: version,
    textHash: hash,
    matches: matches as unknown as Prisma.InputJsonValue,
    computedAt: new Date(),
  };
  await prisma.claimMatchCache.upsert({
    where: { sentenceId: sentence.id },
    create: { sentenceId: sentence.id, ...data },
    update: data,
  });
  return matches;
}
