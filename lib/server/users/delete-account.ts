// Deletes one's own account, confirmed by the current password (a browser session only: the
// route asks getRequiredSessionUser). What happens, in one transaction:
//
// 1. Refused (409 `last_owner`) while the user is the only owner of a team that has other
//    members: they hand ownership over or delete the team first. Nothing is changed.
// 2. Teams where the user is the only member are deleted, as an owner deleting them would
//    (lib/server/teams/delete-team.ts: recorded outside the team).
// 3. What is the user's alone goes: sessions (a signed-in browser is signed out at once),
//    access tokens, memberships, known sign-in addresses, idempotency keys, presence rows
//    (PERSONAL_TABLES), their draft verdicts (private to them, nobody can finish them) and
//    their sentence assignments.
// 4. What they contributed to teams that continue stays, so each team's record stays coherent
//    (foreign keys hold, approvals keep their approver): the user row is anonymised in place —
//    name « Compte supprimé », a unique undeliverable e-mail under the reserved `.invalid`
//    domain, a password hash no password matches, no language or time zone. Verdicts,
//    comments, highlights, revisions and journal entries (CONTRIBUTION_COLUMNS) then read
//    « Compte supprimé ».
// 5. Each remaining team's journal records `member.account_deleted`; an event without a team
//    (`account.deleted`, kept for the operator) records the deletion itself.
//
// A foreign key to users that is neither personal nor a contribution fails the integration test
// tests/integration/deletions.test.ts: a new table must be classified here.
import 'server-only';
import bcrypt from 'bcryptjs';
import { prisma, type Tx } from '@/lib/db';
import { Prisma } from '@/generated/prisma/client';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { AppError, errorText } from '@/lib/server/errors';
import type { Locale } from '@/lib/i18n/locales';
import { notifyMemberRemoved } from '@/lib/server/live/notices';
import { hit, LIMITS, requireUnder } from '@/lib/server/rate-limit';
import { removeTeam } from '@/lib/server/teams/delete-team';
import { deleteAccountSchema } from '@/lib/validations/account';

export const DELETED_ACCOUNT_NAME = 'Compte supprimé';

/** Rows that are the user's alone (`user_id`), deleted with the account. */
export const PERSONAL_TABLES = [
  'idempotency_keys',
  'sessions',
  'api_tokens',
  'memberships',
  'known_sign_ins',
  'article_viewers',
] as const;

/** Columns naming the user as the author of something a team keeps (they stay, anonymised). */
export const CONTRIBUTION_COLUMNS = [
  'articles.created_by_id',
  'article_revisions.created_by_id',
  'annotations.author_id',
  'verdicts.author_id',
  'verdicts.reviewed_by_id',
  'published_verdicts.author_id',
  'published_verdicts.approved_by_id',
  'publications.published_by_id',
  'comments.author_id',
  'invitations.created_by_id',
  'invitations.accepted_by_id',
  'audit_events.actor_id',
  'jobs.created_by_id',
  'external_fact_checks.imported_by_id',
  'fact_check_feeds.added_by_id',
  /** Cleared, not kept: the sentence goes back to the pool (as when a member leaves). */
  'sentences.assignee_id',
] as const;

function lastOwnerOf(teams: string[]): AppError {
  return new AppError('last_owner', {
    key: 'lastOwnerOfTeams',
    values: (locale: Locale) => ({
      names: new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format(
        teams.map((name) => errorText(locale, { key: 'quotedName', values: { name } })),
      ),
    }),
  });
}

export async function deleteAccount(options: { userId: string; input: unknown }) {
  if (!options.userId) throw new AppError('unauthenticated', 'signInRequired');
  const { password } = deleteAccountSchema.parse(options.input);
  const user = await prisma.user.findUnique({
    where: { id: options.userId },
    select: { id: true, passwordHash: true },
  });
  if (!user) throw new AppError('unauthenticated', 'signInRequired');
  await requireUnder(LIMITS.passwordCheck, user.id);
  if (!(await bcrypt.compare(password, user.passwordHash))) {
    await hit(LIMITS.passwordCheck, user.id);
    throw new AppError('invalid_credentials', 'wrongPasswordNothingDeleted');
  }

  return prisma.$transaction(async (tx) => {
    const teams = await lockMyTeams(tx, user.id);
    const blocking = teams.filter(
      (team) => team.role === 'owner' && team.others > 0 && team.otherOwners === 0,
    );
    if (blocking.length > 0) throw lastOwnerOf(blocking.map((team) => team.name));

    // Before any audit event: recordAudit claims this request's Idempotency-Key for the user,
    // and that key must outlive the transaction (its answer is stored after the commit).
    await deletePersonalRows(tx, user.id, ['idempotency_keys']);
    const alone = teams.filter((team) => team.others === 0);
    const remaining = teams.filter((team) => team.others > 0);
    for (const team of alone) {
      await removeTeam(tx, { teamId: team.id, name: team.name, actorId: user.id });
    }
    for (const team of remaining) {
      // On commit, every instance closes the user's live streams on the team's articles.
      await notifyMemberRemoved(tx, { teamId: team.id, userId: user.id });
    }
    await deletePersonalRows(
      tx,
      user.id,
      PERSONAL_TABLES.filter((table) => table !== 'idempotency_keys'),
    );
    // A draft is private to its author; one a published verdict still points to (reopened
    // after approval) stays, so the published verdict keeps its source.
    await tx.verdict.deleteMany({
      where: { authorId: user.id, status: 'draft', published: { none: {} } },
    });
    await tx.sentence.updateMany({
      where: { assigneeId: user.id },
      data: { assigneeId: null, assignedAt: null },
    });
    await tx.user.update({
      where: { id: user.id },
      data: {
        name: DELETED_ACCOUNT_NAME,
        email: `deleted-${user.id}@account.invalid`,
        // Not a bcrypt hash: bcrypt.compare is false for every password.
        passwordHash: '!',
        // A time zone says where someone lives: it goes with the rest.
        locale: null,
        timeZone: null,
      },
    });
    for (const team of remaining) {
      await recordAudit(tx, {
        teamId: team.id,
        actorId: user.id,
        action: 'member.account_deleted',
        entityType: 'user',
        entityId: user.id,
        before: { role: team.role },
      });
    }
    await recordAudit(tx, {
      teamId: null,
      actorId: user.id,
      action: 'account.deleted',
      entityType: 'user',
      entityId: user.id,
      after: { teamsLeft: remaining.length, teamsDeleted: alone.length },
    });
    return {
      deleted: true as const,
      teamsLeft: remaining.map((team) => team.id),
      teamsDeleted: alone.map((team) => team.id),
    };
  });
}

interface MyTeam {
  id: string;
  name: string;
  role: string;
  others: number;
  otherOwners: number;
}

/**
 * The user's teams, each locked (in id order, as membership changes lock them one at a time)
 * and counted after the lock: a concurrent promotion or departure is seen.
 */
async function lockMyTeams(tx: Tx, userId: string): Promise<MyTeam[]> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT t.id
      FROM teams t
      JOIN memberships m ON m.team_id = t.id AND m.user_id = ${userId}::uuid
     ORDER BY t.id
       FOR UPDATE OF t`;
  if (locked.length === 0) return [];
  return tx.$queryRaw<MyTeam[]>`
    SELECT t.id, t.name, mine.role::text AS role,
           count(other.user_id)::int AS others,
           count(other.user_id) FILTER (WHERE other.role = 'owner')::int AS "otherOwners"
      FROM teams t
      JOIN memberships mine ON mine.team_id = t.id AND mine.user_id = ${userId}::uuid
      LEFT JOIN memberships other ON other.team_id = t.id AND other.user_id <> ${userId}::uuid
     WHERE t.id IN (${Prisma.join(locked.map((row) => Prisma.sql`${row.id}::uuid`))})
     GROUP BY t.id, t.name, mine.role
     ORDER BY t.id`;
}

async function deletePersonalRows(
  tx: Tx,
  userId: string,
  tables: readonly (typeof PERSONAL_TABLES)[number][],
): Promise<void> {
  for (const table of tables) {
    // Table names from PERSONAL_TABLES, never from input.
    await tx.$executeRaw`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE user_id = ${userId}::uuid`;
  }
}
