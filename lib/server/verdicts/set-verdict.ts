// Sets the caller's verdict on a sentence (one per member and sentence), replacing its sources,
// in one transaction with its audit event. Writing always leaves a draft: editing a submitted
// or approved verdict reopens it (the published verdict stays until a new version is
// approved). Optimistic concurrency: an existing verdict changes only when the client sends
// the version it read, and that version is still current — otherwise 409 with the current one.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { Prisma } from '@/generated/prisma/client';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { queueSourceArchives } from '@/lib/server/sources/queue-archives';
import { AppError } from '@/lib/server/errors';
import { setVerdictSchema, type SourceInput } from '@/lib/validations/verdict';
import { auditView, serializeVerdict, verdictSelect } from './serialize';
import { checkVersion, lockSentenceForMember, requireCheckable, staleVerdict } from './workflow';

export async function setVerdict(options: { userId: string; sentenceId: string; input: unknown }) {
  const data = setVerdictSchema.parse(options.input);
  try {
    return await prisma.$transaction(async (tx) => {
      const sentence = await lockSentenceForMember(tx, {
        userId: options.userId,
        sentenceId: options.sentenceId,
        permission: 'verdict.write',
      });
      requireCheckable(sentence);

      const existing = await tx.verdict.findUnique({
        where: { sentenceId_authorId: { sentenceId: sentence.id, authorId: options.userId } },
        select: verdictSelect,
      });
      let verdictId: string;
      if (existing) {
        if (data.version === undefined) {
          throw staleVerdict(existing, 'verdictExists');
        }
        checkVersion(existing, data.version);
        await tx.verdict.update({
          where: { id: existing.id },
          data: {
            rating: data.rating,
            rationale: data.rationale,
            // Absent: as they were (a client that does not know the claim's fields).
            ...(data.claim ? { claim: data.claim } : {}),
            status: 'draft',
            needsRecheck: false,
            submittedAt: null,
            reviewedById: null,
            reviewedAt: null,
            reviewNote: null,
            version: { increment: 1 },
          },
        });
        await tx.source.deleteMany({ where: { verdictId: existing.id } });
        verdictId = existing.id;
      } else {
        const created = await tx.verdict.create({
          data: {
            sentenceId: sentence.id,
            authorId: options.userId,
            rating: data.rating,
            rationale: data.rationale,
            ...(data.claim ? { claim: data.claim } : {}),
          },
          select: { id: true },
        });
        verdictId = created.id;
      }
      await writeSources(tx, verdictId, data.sources);
      // Each cited address is archived by a worker (lib/server/sources/archive.ts).
      await queueSourceArchives(
        tx,
        sentence.teamId,
        data.sources.map((source) => source.url),
      );
      const result = serializeVerdict(
        await tx.verdict.findUniqueOrThrow({ where: { id: verdictId }, select: verdictSelect }),
      );
      await recordAudit(tx, {
        teamId: sentence.teamId,
        articleId: sentence.articleId,
        sentenceId: sentence.id,
        actorId: options.userId,
        action: existing ? 'verdict.update' : 'verdict.create',
        entityType: 'verdict',
        entityId: verdictId,
        before: existing ? auditView(serializeVerdict(existing)) : null,
        after: auditView(result),
      });
      return result;
    });
  } catch (error) {
    // Two first verdicts by the same member at once: the unique key lets one in.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('conflict', 'verdictCreatedMeanwhile');
    }
    throw error;
  }
}

async function writeSources(
  tx: Tx,
  verdictId: string,
  sources: readonly SourceInput[],
): Promise<void> {
  if (sources.length === 0) return;
  await tx.source.createMany({
    data: sources.map((source, position) => ({
      verdictId,
      position,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      publishedAt: source.publishedAt ? new Date(source.publishedAt) : null,
      excerpt: source.excerpt,
    })),
  });
}
