// "Ma file": what waits for me — the sentences an editor assigned to me that are not settled
// yet, the submitted verdicts of others I may approve or send back, and, for editors and
// owners, the disputed sentences to settle.
import 'server-only';
import type { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { prisma } from '@/lib/db';
import { PERMISSIONS, type Role } from '@/lib/permissions';
import { checkableSentences, checkableSentenceSql } from '@/lib/server/sentences/checkable';
import type { queueDto } from '@/lib/validations/dto/queue';
import { sentenceState } from '@/lib/workflow/sentence-state';

type QueueDto = z.output<typeof queueDto>;

const sentenceSelect = {
  id: true,
  index: true,
  text: true,
  article: { select: { id: true, title: true, language: true, team: { select: { name: true } } } },
  published: { select: { rating: true } },
  verdicts: { select: { rating: true, status: true, authorId: true } },
} as const satisfies Prisma.SentenceSelect;

type SentenceRow = Prisma.SentenceGetPayload<{ select: typeof sentenceSelect }>;

export async function getQueue(options: { userId: string }): Promise<QueueDto> {
  const userId = options.userId;
  // Checkable sentences of my teams: nothing waits on a sentence a correction removed.
  const inMyTeams = (roles: readonly Role[]) => ({
    ...checkableSentences,
    article: { team: { memberships: { some: { userId, role: { in: [...roles] } } } } },
  });

  const [assignedRows, submittedRows] = await Promise.all([
    prisma.sentence.findMany({
      where: { assigneeId: userId, ...inMyTeams(PERMISSIONS['article.read']) },
      orderBy: [{ assignedAt: 'asc' }, { index: 'asc' }],
      select: { ...sentenceSelect, assignedAt: true },
    }),
    prisma.verdict.findMany({
      where: {
        status: 'submitted',
        authorId: { not: userId },
        sentence: inMyTeams(PERMISSIONS['verdict.review']),
      },
      orderBy: { submittedAt: 'asc' },
      select: {
        id: true,
        rating: true,
        version: true,
        submittedAt: true,
        author: { select: { id: true, name: true } },
        sentence: {
          select: {
            ...sentenceSelect,
            article: {
              select: {
                ...sentenceSelect.article.select,
                team: {
                  select: {
                    name: true,
                    memberships: { where: { userId }, select: { role: true } },
                  },
                },
              },
            },
          },
        },
      },
    }),
  ]);

  const place = (s: SentenceRow) => ({
    sentence: { id: s.id, index: s.index, text: s.text },
    article: {
      id: s.article.id,
      title: s.article.title,
      language: s.article.language,
      teamName: s.article.team.name,
    },
  });
  const stateOf = (s: SentenceRow) => sentenceState(s.verdicts, s.published !== null);

  const assigned: QueueDto['assigned'] = assignedRows
    .map((row) => ({
      ...place(row),
      state: stateOf(row),
      myStatus: row.verdicts.find((v) => v.authorId === userId)?.status ?? null,
      assignedAt: row.assignedAt?.toISOString() ?? null,
    }))
    .filter((item) => item.state !== 'approved');

  const toReview: QueueDto['toReview'] = [];
  const toResolve = new Map<string, QueueDto['toResolve'][number]>();
  for (const row of submittedRows) {
    const state = stateOf(row.sentence);
    const role = row.sentence.article.team.memberships[0]?.role;
    const mayResolve = role !== undefined && PERMISSIONS['dispute.resolve'].includes(role);
    if (state === 'disputed') {
      if (mayResolve) toResolve.set(row.sentence.id, { ...place(row.sentence), state });
      continue;
    }
    toReview.push({
      ...place(row.sentence),
      verdict: {
        id: row.id,
        rating: row.rating,
        version: row.version,
        author: row.author,
        submittedAt: row.submittedAt?.toISOString() ?? null,
      },
    });
  }
  return {
    assigned,
    toReview,
    toResolve: [...toResolve.values()],
    sourceAlerts: await listSourceAlerts(userId),
  };
}

/**
 * The sources my verdicts cite that the link check flagged (lib/server/sources/link-check.ts),
 * on checkable sentences of my teams, 100 at most, the latest checks first.
 */
async function listSourceAlerts(userId: string): Promise<QueueDto['sourceAlerts']> {
  const rows = await prisma.$queryRaw<
    {
      sentence_id: string;
      index: number;
      text: string;
      article_id: string;
      title: string;
      language: string;
      team_name: string;
      url: string;
      check_state: 'dead' | 'changed';
      checked_at: Date | null;
    }[]
  >`
    SELECT DISTINCT ON (s.id, snap.url)
           s.id AS sentence_id, s.index, s.text, a.id AS article_id, a.title, a.language,
           t.name AS team_name, snap.url, snap.check_state, snap.checked_at
      FROM verdicts v
      JOIN sources src ON src.verdict_id = v.id
      JOIN sentences s ON s.id = v.sentence_id
      JOIN articles a ON a.id = s.article_id
      JOIN teams t ON t.id = a.team_id
      JOIN memberships m ON m.team_id = a.team_id AND m.user_id = ${userId}::uuid
      JOIN source_snapshots snap ON snap.team_id = a.team_id AND snap.url = src.url
     WHERE v.author_id = ${userId}::uuid
       AND ${checkableSentenceSql('s')}
       AND snap.check_state IN ('dead', 'changed')
     ORDER BY s.id, snap.url
     LIMIT 100`;
  return rows
    .map((row) => ({
      sentence: { id: row.sentence_id, index: row.index, text: row.text },
      article: {
        id: row.article_id,
        title: row.title,
        language: row.language,
        teamName: row.team_name,
      },
      url: row.url,
      checkState: row.check_state,
      checkedAt: row.checked_at?.toISOString() ?? null,
    }))
    .sort((a, b) => (b.checkedAt ?? '').localeCompare(a.checkedAt ?? ''));
}
