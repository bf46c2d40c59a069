// « Reprendre ce verdict » (POST /api/v1/sentences/{id}/reuse): my draft verdict on a sentence,
// pre-filled from a match — the team's earlier verdict (its rating, rationale, sources and claim
// fields) or a trusted organisation's fact-check (its rating when it maps onto FactDesk's scale,
// else « invérifiable » for me to decide) — plus a source pointing at that earlier fact-check.
// Only a draft: never submitted by itself. A sentence I already rated is left alone (409).
import 'server-only';
import { prisma } from '@/lib/db';
import { AppError, notFound } from '@/lib/server/errors';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { claimFields } from '@/lib/reports/claim-fields';
import { reuseMatchSchema } from '@/lib/validations/matching';
import type { SetVerdictInput, SourceInput } from '@/lib/validations/verdict';

const MAX_SOURCES = 30;

type SourceJson = {
  url?: unknown;
  title?: unknown;
  publisher?: unknown;
  publishedAt?: unknown;
  excerpt?: unknown;
};

const textOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

async function fromVerdict(
  teamId: string,
  sentenceId: string,
  baseUrl: string,
): Promise<SetVerdictInput> {
  const earlier = await prisma.publishedVerdict.findFirst({
    where: { sentenceId, sentence: { article: { teamId } } },
    select: {
      rating: true,
      rationale: true,
      sources: true,
      claim: true,
      sentence: { select: { index: true, article: { select: { id: true, title: true } } } },
    },
  });
  if (!earlier) throw notFound('verdict');
  const sources: SourceInput[] = (Array.isArray(earlier.sources) ? earlier.sources : [])
    .map((value) => value as SourceJson)
    .filter((source) => typeof source.url === 'string')
    .map((source) => ({
      url: source.url as string,
      title: textOrNull(source.title),
      publisher: textOrNull(source.publisher),
      publishedAt: textOrNull(source.publishedAt),
      excerpt: textOrNull(source.excerpt),
    }));
  const { article, index } = earlier.sentence;
  const claim = claimFields(earlier.claim);
  return {
    rating: earlier.rating,
    rationale: earlier.rationale,
    sources: [
      ...sources.slice(0, MAX_SOURCES - 1),
      {
        url: new URL(`/articles/${article.id}#sentence-${index + 1}`, baseUrl).toString(),
        title: article.title,
        publisher: null,
        publishedAt: null,
        excerpt: null,
      },
    ],
    claim: {
      summary: claim.summary,
      claimant: claim.claimant,
      claimantKind: claim.claimantKind ?? 'person',
      date: claim.date,
      // Where the claim appeared is this article now, not the earlier one.
      appearanceUrl: null,
    },
  };
}

async function fromExternal(teamId: string, factCheckId: string): Promise<SetVerdictInput> {
  const earlier = await prisma.externalFactCheck.findFirst({
    where: { id: factCheckId, teamId, publisher: { trusted: true } },
    select: {
      url: true,
      claimText: true,
      claimant: true,
      claimantKind: true,
      claimDate: true,
      reviewDate: true,
      ratingName: true,
      rating: true,
      publisher: { select: { name: true } },
    },
  });
  if (!earlier) throw notFound('factCheck');
  return {
    rating: earlier.rating ?? 'unverifiable',
    rationale: '',
    sources: [
      {
        url: earlier.url,
        title: earlier.ratingName
          ? `${earlier.claimText.slice(0, 400)} — ${earlier.ratingName}`
          : earlier.claimText.slice(0, 500),
        publisher: earlier.publisher.name.slice(0, 200),
        publishedAt: earlier.reviewDate?.toISOString().slice(0, 10) ?? null,
        excerpt: null,
      },
    ],
    claim: {
      summary: null,
      claimant: earlier.claimant,
      claimantKind: earlier.claimantKind === 'organization' ? 'organization' : 'person',
      date: earlier.claimDate?.toISOString().slice(0, 10) ?? null,
      appearanceUrl: null,
    },
  };
}

export async function reuseMatch(options: {
  userId: string;
  sentenceId: string;
  input: unknown;
  baseUrl: string;
}) {
  const { from } = reuseMatchSchema.parse(options.input);
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const sentence = await prisma.sentence.findFirst({
    where: {
      id: options.sentenceId,
      article: { team: { memberships: { some: { userId: options.userId } } } },
    },
    select: {
      id: true,
      article: { select: { teamId: true } },
      verdicts: { where: { authorId: options.userId }, select: { id: true } },
    },
  });
  if (!sentence) throw notFound('sentence');
  if (sentence.verdicts.length > 0) throw new AppError('conflict', 'reuseHasVerdict');
  const teamId = sentence.article.teamId;
  const input =
    from.kind === 'verdict'
      ? await fromVerdict(teamId, from.sentenceId, options.baseUrl)
      : await fromExternal(teamId, from.factCheckId);
  // The role, the sentence's state and the audit event: setVerdict's own rules, unchanged.
  return setVerdict({ userId: options.userId, sentenceId: sentence.id, input });
}
