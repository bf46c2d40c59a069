// An article's revisions (the import and every correction), for a member of its team.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { notFound } from '@/lib/server/errors';
import { revisionDto } from '@/lib/validations/dto/article';

/**
 * The article's revisions, newest first (texts on demand, by version). `version` is the
 * article's row version the revision made (renames bump it too: the 409 checks use it);
 * `number` is the text's own revision number — 1 for the import, 2 for the first correction.
 */
export async function listRevisions(options: {
  userId: string;
  articleId: string;
}): Promise<z.output<typeof revisionDto>[]> {
  const article = await prisma.article.findFirst({
    where: { id: options.articleId, ...articleOfMember(options.userId) },
    select: {
      revisions: {
        orderBy: { version: 'desc' },
        select: {
          version: true,
          source: true,
          note: true,
          summary: true,
          createdAt: true,
          createdBy: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!article) throw notFound('article');
  const count = article.revisions.length;
  return article.revisions.map((r, i) => ({
    version: r.version,
    number: count - i,
    // A text column: a value the schema does not list is a server bug, not something to send.
    source: revisionDto.shape.source.parse(r.source),
    note: r.note,
    summary: r.summary,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
  }));
}
