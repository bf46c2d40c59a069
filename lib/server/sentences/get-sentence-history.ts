// The history of one sentence: every audited change to its verdicts, its published verdict,
// its comments, its assignment and the highlights touching it, oldest first, as the caller may
// read it (teammates' drafts and deleted comments' texts left out: lib/server/audit/redact.ts).
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { articleOfMember } from '@/lib/server/access';
import { redactAuditEvents } from '@/lib/server/audit/redact';
import { notFound } from '@/lib/server/errors';
import type { historyEventDto } from '@/lib/validations/dto/sentence';

export async function getSentenceHistory(options: {
  userId: string;
  sentenceId: string;
}): Promise<z.output<typeof historyEventDto>[]> {
  const sentence = await prisma.sentence.findFirst({
    where: { id: options.sentenceId, article: articleOfMember(options.userId) },
    select: { id: true, annotations: { select: { annotationId: true } } },
  });
  if (!sentence) throw notFound('sentence');
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [
        { sentenceId: sentence.id },
        {
          entityType: 'annotation',
          entityId: { in: sentence.annotations.map((a) => a.annotationId) },
        },
      ],
    },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      at: true,
      before: true,
      after: true,
      actor: { select: { id: true, name: true } },
    },
  });
  const readable = await redactAuditEvents(events, options.userId);
  return readable.map((event) => ({
    id: event.id.toString(),
    actor: event.actor,
    action: event.action,
    entity: event.entityType,
    entityId: event.entityId,
    at: event.at.toISOString(),
    before: event.before,
    after: event.after,
  }));
}
