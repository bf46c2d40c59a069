// Sets the caller's verdict on a sentence (one per member and sentence), replacing its sources,
// in one transaction with its audit event. Optimistic concurrency: the row's `version` must
// still be the one the update was based on, otherwise 409 with the current state.
import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { Prisma } from '@/generated/prisma/client';
import { articleOfMember, myMembership, requireRole, WRITER_ROLES } from '@/lib/server/access';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { setVerdictSchema } from '@/lib/validations/verdict';
import { serializeVerdict, verdictSelect } from './serialize';

export async function setVerdict(options: { userId: string; sentenceId: string; input: unknown }) {
  const data = setVerdictSchema.parse(options.input);
  try {
    return await prisma.$transaction(async (tx) => {
      const sentence = await tx.sentence.findFirst({
        where: { id: options.sentenceId, article: articleOfMember(options.userId) },
        select: {
          id: true,
          kind: true,
          article: { select: { teamId: true, ...myMembership(options.userId) } },
        },
      });
      if (!sentence) throw notFound('Phrase');
      requireRole(sentence.article.team.memberships[0], WRITER_ROLES, 'donner un verdict');
      if (sentence.kind !== 'sentence') {
        throw new AppError(
          'not_checkable',
          'Ce passage (titre ou mention d’abonnement) ne se vérifie pas.',
        );
      }

      const existing = await tx.verdict.findUnique({
        where: { sentenceId_authorId: { sentenceId: sentence.id, authorId: options.userId } },
        select: verdictSelect,
      });
      if (existing && data.version !== undefined && data.version !== existing.version) {
        throw staleVersion(existing);
      }

      let verdictId: string;
      if (existing) {
        // The version in the WHERE makes a concurrent writer that read the same version lose.
        const updated = await tx.verdict.updateMany({
          where: { id: existing.id, version: existing.version },
          data: { rating: data.rating, rationale: data.rationale, version: { increment: 1 } },
        });
        if (updated.count !== 1) throw await staleFromDb(tx, existing.id);
        await tx.source.deleteMany({ where: { verdictId: existing.id } });
        verdictId = existing.id;
      } else {
        const created = await tx.verdict.create({
          data: {
            sentenceId: sentence.id,
            authorId: options.userId,
            rating: data.rating,
            rationale: data.rationale,
          },
          select: { id: true },
        });
        verdictId = created.id;
      }
      if (data.sources.length > 0) {
        await tx.source.createMany({
          data: data.sources.map((source, position) => ({
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
      const after = await tx.verdict.findUniqueOrThrow({
        where: { id: verdictId },
        select: verdictSelect,
      });
      const result = serializeVerdict(after);
      await recordAudit(tx, {
        teamId: sentence.article.teamId,
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
      throw new AppError(
        'conflict',
        'Votre verdict a été modifié entre-temps. Rechargez et réessayez.',
      );
    }
    throw error;
  }
}

function auditView(verdict: ReturnType<typeof serializeVerdict>) {
  return {
    rating: verdict.rating,
    rationale: verdict.rationale,
    version: verdict.version,
    sources: verdict.sources.map((s) => s.url),
  };
}

function staleVersion(current: Parameters<typeof serializeVerdict>[0]): AppError {
  return new AppError(
    'conflict',
    'Ce verdict a été modifié entre-temps : comparez avec la version actuelle puis réessayez.',
    { current: serializeVerdict(current) },
  );
}

async function staleFromDb(tx: Tx, id: string): Promise<AppError> {
  return staleVersion(await tx.verdict.findUniqueOrThrow({ where: { id }, select: verdictSelect }));
}
