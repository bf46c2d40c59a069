// The other organisations whose fact-checks a team imported, and which of them it trusts
// (GET /api/v1/teams/{id}/fact-check-publishers, PATCH …/{publisherId}). Only trusted
// publishers' fact-checks show in « Déjà vérifié ? »; a trigger invalidates cached matches when
// trust changes (migration 20261211010000_external_fact_checks).
import 'server-only';
import { prisma } from '@/lib/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, notFound } from '@/lib/server/errors';
import { factCheckPublisherSchema } from '@/lib/validations/matching';
import { requireFactCheckEditor } from './import-fact-checks';

export interface FactCheckPublisherView {
  id: string;
  name: string;
  url: string | null;
  trusted: boolean;
  factChecks: number;
}

export async function listFactCheckPublishers(options: {
  userId: string;
  teamId: string;
}): Promise<FactCheckPublisherView[]> {
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const team = await prisma.team.findFirst({
    where: { id: options.teamId, memberships: { some: { userId: options.userId } } },
    select: {
      factCheckPublishers: {
        orderBy: { key: 'asc' },
        select: {
          id: true,
          name: true,
          url: true,
          trusted: true,
          _count: { select: { factChecks: true } },
        },
      },
    },
  });
  if (!team) throw notFound('team');
  return team.factCheckPublishers.map(({ _count, ...publisher }) => ({
    ...publisher,
    factChecks: _count.factChecks,
  }));
}

export async function setPublisherTrust(options: {
  userId: string;
  teamId: string;
  publisherId: string;
  input: unknown;
}): Promise<FactCheckPublisherView> {
  const { trusted } = factCheckPublisherSchema.parse(options.input);
  return prisma.$transaction(async (tx) => {
    await requireFactCheckEditor(tx, options.userId, options.teamId);
    const before = await tx.factCheckPublisher.findFirst({
      where: { id: options.publisherId, teamId: options.teamId },
      select: { id: true, name: true, trusted: true },
    });
    if (!before) throw notFound('publisher');
    const row = await tx.factCheckPublisher.update({
      where: { id: before.id },
      data: { trusted },
      select: {
        id: true,
        name: true,
        url: true,
        trusted: true,
        _count: { select: { factChecks: true } },
      },
    });
    if (before.trusted !== trusted) {
      await recordAudit(tx, {
        teamId: options.teamId,
        actorId: options.userId,
        action: 'factcheck.trust',
        entityType: 'team',
        entityId: options.teamId,
        before: { publisher: before.name, trusted: before.trusted },
        after: { publisher: before.name, trusted },
      });
    }
    const { _count, ...publisher } = row;
    return { ...publisher, factChecks: _count.factChecks };
  });
}
