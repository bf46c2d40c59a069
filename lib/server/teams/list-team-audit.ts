// The team's audit trail, newest first, for its owners: every audited change in the team, as
// the caller may read it (teammates' drafts and deleted comments' texts left out:
// lib/server/audit/redact.ts — owners included), each told as a French sentence with what it
// changed (lib/workflow/audit-sentence.ts), filtered by member and by action in the query.
import 'server-only';
import type { z } from 'zod';
import { prisma } from '@/lib/db';
import { requirePermission } from '@/lib/server/access';
import { redactAuditEvents } from '@/lib/server/audit/redact';
import { auditQuerySchema } from '@/lib/validations/audit';
import type { teamAuditDto } from '@/lib/validations/dto/team';
import { describeAuditEvent } from '@/lib/workflow/audit-sentence';
import type { Locale } from '@/lib/i18n/locales';
import { sentenceHref } from '@/lib/workflow/sentence-link';

const PAGE_SIZE = 100;

/** Events whose entity id is a member's user id (the member concerned). */
const MEMBER_ENTITIES = new Set(['membership', 'user']);

export type TeamAudit = z.output<typeof teamAuditDto>;

export async function listTeamAudit(options: {
  userId: string;
  teamId: string;
  query: unknown;
  /** The language of the events' sentences: by default the request's (API). */
  locale?: Locale;
}): Promise<TeamAudit> {
  const { before, member, action } = auditQuerySchema.parse(options.query ?? {});
  const membership = await prisma.membership.findUnique({
    where: { teamId_userId: { teamId: options.teamId, userId: options.userId } },
    select: { role: true, team: { select: { id: true, name: true } } },
  });
  requirePermission(membership ?? undefined, 'audit.read', 'team');
  const [events, members] = await Promise.all([
    prisma.auditEvent.findMany({
      where: {
        teamId: options.teamId,
        ...(before ? { id: { lt: before } } : {}),
        ...(member ? { actorId: member } : {}),
        ...(action ? { action } : {}),
      },
      orderBy: { id: 'desc' },
      take: PAGE_SIZE + 1,
      select: {
        id: true,
        action: true,
        entityType: true,
        entityId: true,
        articleId: true,
        sentenceId: true,
        at: true,
        before: true,
        after: true,
        actor: { select: { id: true, name: true } },
      },
    }),
    // The member filter's choices: the team's members today.
    prisma.membership.findMany({
      where: { teamId: options.teamId },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  const page = await redactAuditEvents(events.slice(0, PAGE_SIZE), options.userId);
  const context = await contextOf(options.teamId, page);
  return {
    team: membership!.team,
    members: members
      .map((m) => m.user)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id)),
    filters: { member: member ?? null, action: action ?? null },
    events: page.map((event) => {
      const sentence = event.sentenceId ? context.sentences.get(event.sentenceId) : undefined;
      const article = event.articleId ? context.articles.get(event.articleId) : undefined;
      const subject =
        event.entityType === 'verdict'
          ? (context.verdictAuthors.get(event.entityId) ?? null)
          : MEMBER_ENTITIES.has(event.entityType)
            ? (context.users.get(event.entityId) ?? null)
            : null;
      const number = sentence && sentence.index >= 0 ? sentence.index + 1 : null;
      const described = describeAuditEvent(
        {
          action: event.action,
          actor: event.actor,
          subject,
          sentence: event.sentenceId ? { number } : null,
          article: event.articleId ? { title: article?.title ?? null } : null,
          before: event.before,
          after: event.after,
        },
        options.locale,
      );
      return {
        id: event.id.toString(),
        actor: event.actor,
        action: event.action,
        entity: event.entityType,
        entityId: event.entityId,
        articleId: event.articleId,
        sentenceId: event.sentenceId,
        at: event.at.toISOString(),
        before: event.before,
        after: event.after,
        /** « Ben a approuvé le verdict d’Ana sur la phrase 4 ». */
        summary: described.sentence,
        /** What changed, before → after, as people read it (no raw JSON). */
        changes: described.changes,
        /** Why part of it is not shown (a teammate's draft, a deleted comment), or null. */
        hidden: described.hidden,
        subject,
        article: article && event.articleId ? { id: event.articleId, title: article.title } : null,
        sentenceNumber: number,
        /** The reader where it happened (the sentence when still in the text), or null. */
        href: !article
          ? null
          : event.sentenceId && number !== null
            ? sentenceHref(event.articleId!, { id: event.sentenceId, index: number - 1 })
            : `/articles/${event.articleId}`,
      };
    }),
    nextBefore: events.length > PAGE_SIZE ? page.at(-1)!.id.toString() : null,
  };
}

/**
 * What the sentences need beyond the events: the verdicts' authors, the members concerned, the
 * sentences' numbers and the articles' titles — four lookups for the whole page, the verdicts,
 * sentences and articles looked up in this team only (a row since deleted is not found: the
 * sentence then says so). Members are looked up by id: former members' names included.
 */
async function contextOf(
  teamId: string,
  events: {
    entityType: string;
    entityId: string;
    articleId: string | null;
    sentenceId: string | null;
  }[],
) {
  const unique = (values: (string | null)[]) => [
    ...new Set(values.filter((v): v is string => v !== null)),
  ];
  const verdictIds = unique(
    events.filter((e) => e.entityType === 'verdict').map((e) => e.entityId),
  );
  const userIds = unique(
    events.filter((e) => MEMBER_ENTITIES.has(e.entityType)).map((e) => e.entityId),
  );
  const sentenceIds = unique(events.map((e) => e.sentenceId));
  const articleIds = unique(events.map((e) => e.articleId));
  const [verdicts, users, sentences, articles] = await Promise.all([
    verdictIds.length > 0
      ? prisma.verdict.findMany({
          where: { id: { in: verdictIds }, sentence: { article: { teamId } } },
          select: { id: true, author: { select: { id: true, name: true } } },
        })
      : [],
    userIds.length > 0
      ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })
      : [],
    sentenceIds.length > 0
      ? prisma.sentence.findMany({
          where: { id: { in: sentenceIds }, article: { teamId } },
          select: { id: true, index: true },
        })
      : [],
    articleIds.length > 0
      ? prisma.article.findMany({
          where: { id: { in: articleIds }, teamId },
          select: { id: true, title: true },
        })
      : [],
  ]);
  return {
    verdictAuthors: new Map(verdicts.map((v) => [v.id, v.author])),
    users: new Map(users.map((u) => [u.id, u])),
    sentences: new Map(sentences.map((s) => [s.id, s])),
    articles: new Map(articles.map((a) => [a.id, a])),
  };
}
