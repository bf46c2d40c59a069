// Teams, roles, invitations, personal access tokens and highlight changes on a real PostgreSQL.
import { describe, expect, it } from 'vitest';
import { describeRange } from '@/lib/anchoring';
import { prisma } from '@/lib/db';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { deleteAnnotation, updateAnnotation } from '@/lib/server/annotations/change-annotation';
import { AppError } from '@/lib/server/errors';
import { acceptInvitation } from '@/lib/server/teams/accept-invitation';
import { createInvitation } from '@/lib/server/teams/create-invitation';
import { getInvitation } from '@/lib/server/teams/get-invitation';
import { listInvitations } from '@/lib/server/teams/list-invitations';
import { revokeInvitation } from '@/lib/server/teams/revoke-invitation';
import { listMembers } from '@/lib/server/teams/list-members';
import { removeMember } from '@/lib/server/teams/remove-member';
import { updateMember } from '@/lib/server/teams/update-member';
import { listTeamAudit } from '@/lib/server/teams/list-team-audit';
import { createTeam } from '@/lib/server/teams/create-team';
import { listTeams } from '@/lib/server/teams/list-teams';
import { createToken } from '@/lib/server/tokens/create-token';
import { getUserByToken } from '@/lib/server/tokens/get-user-by-token';
import { listTokens } from '@/lib/server/tokens/list-tokens';
import { revokeToken } from '@/lib/server/tokens/revoke-token';
import { makeNewsroom, makeUser, SEED_TEXT } from './fixtures';

const BASE = 'https://factdesk.example';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('teams and members', () => {
  it('creates a team owned by its creator and lists my role in each team', async () => {
    const me = await makeUser('Fondatrice');
    const team = await createTeam({ userId: me.id, input: { name: '  Cellule vérif  ' } });
    expect(team).toMatchObject({ name: 'Cellule vérif', role: 'owner', memberCount: 1 });
    expect(await listTeams({ userId: me.id })).toEqual([
      { id: team.id, name: 'Cellule vérif', role: 'owner', memberCount: 1 },
    ]);
  });

  it('lets owners change roles and remove members, never leaving the team without an owner', async () => {
    const { owner, editor, reviewer, team, outsider } = await makeNewsroom();
    expect(
      await codeOf(
        updateMember({
          userId: editor.id,
          teamId: team.id,
          memberId: reviewer.id,
          input: { role: 'editor' },
        }),
      ),
    ).toBe('forbidden');
    expect(await codeOf(listMembers({ userId: outsider.id, teamId: team.id }))).toBe('not_found');
    await updateMember({
      userId: owner.id,
      teamId: team.id,
      memberId: reviewer.id,
      input: { role: 'editor' },
    });
    expect(
      await codeOf(
        updateMember({
          userId: owner.id,
          teamId: team.id,
          memberId: owner.id,
          input: { role: 'editor' },
        }),
      ),
    ).toBe('last_owner');
    expect(
      await codeOf(removeMember({ userId: owner.id, teamId: team.id, memberId: owner.id })),
    ).toBe('last_owner');
    // A second owner first, then the first may step down.
    await updateMember({
      userId: owner.id,
      teamId: team.id,
      memberId: editor.id,
      input: { role: 'owner' },
    });
    await updateMember({
      userId: owner.id,
      teamId: team.id,
      memberId: owner.id,
      input: { role: 'editor' },
    });
    await removeMember({ userId: editor.id, teamId: team.id, memberId: reviewer.id });
    const { members } = await listMembers({ userId: editor.id, teamId: team.id });
    expect(Object.fromEntries(members.map((m) => [m.user.id, m.role]))).toMatchObject({
      [owner.id]: 'editor',
      [editor.id]: 'owner',
    });
    expect(members.some((m) => m.user.id === reviewer.id)).toBe(false);

    const audit = await listTeamAudit({ userId: editor.id, teamId: team.id, query: {} });
    expect(audit.events.map((e) => e.action).slice(0, 4)).toEqual([
      'membership.delete',
      'membership.update',
      'membership.update',
      'membership.update',
    ]);
    expect(await codeOf(listTeamAudit({ userId: owner.id, teamId: team.id, query: {} }))).toBe(
      'forbidden',
    );
  });

  it('serialises concurrent demotions: two owners cannot both step down', async () => {
    const a = await makeUser('A');
    const b = await makeUser('B');
    const team = await createTeam({ userId: a.id, input: { name: 'Deux têtes' } });
    await prisma.membership.create({ data: { teamId: team.id, userId: b.id, role: 'owner' } });
    const results = await Promise.allSettled([
      updateMember({ userId: a.id, teamId: team.id, memberId: a.id, input: { role: 'editor' } }),
      updateMember({ userId: b.id, teamId: team.id, memberId: b.id, input: { role: 'editor' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await prisma.membership.count({ where: { teamId: team.id, role: 'owner' } })).toBe(1);
  });
});

describe('invitations', () => {
  it('invites by single-use link with a role; editors invite reviewers and viewers only', async () => {
    const { owner, editor, reviewer, team } = await makeNewsroom();
    expect(
      await codeOf(
        createInvitation({
          userId: editor.id,
          teamId: team.id,
          baseUrl: BASE,
          input: { role: 'editor' },
        }),
      ),
    ).toBe('forbidden');
    expect(
      await codeOf(
        createInvitation({
          userId: reviewer.id,
          teamId: team.id,
          baseUrl: BASE,
          input: { role: 'viewer' },
        }),
      ),
    ).toBe('forbidden');
    const invitation = await createInvitation({
      userId: editor.id,
      teamId: team.id,
      baseUrl: BASE,
      input: { role: 'reviewer' },
    });
    expect(invitation.url).toBe(`${BASE}/invitations/${invitation.token}`);
    expect(new Date(invitation.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    // Only the hash is stored.
    expect(await prisma.invitation.count({ where: { tokenHash: invitation.token } })).toBe(0);

    const newcomer = await makeUser('Nouvelle');
    expect(await getInvitation({ userId: newcomer.id, token: invitation.token })).toMatchObject({
      team: { id: team.id },
      role: 'reviewer',
      alreadyMember: false,
    });
    await acceptInvitation({ userId: newcomer.id, token: invitation.token });
    const { members } = await listMembers({ userId: owner.id, teamId: team.id });
    expect(members.find((m) => m.user.id === newcomer.id)?.role).toBe('reviewer');

    const late = await makeUser('Trop tard');
    expect(await codeOf(acceptInvitation({ userId: late.id, token: invitation.token }))).toBe(
      'invitation_invalid',
    );
    expect(await codeOf(acceptInvitation({ userId: late.id, token: 'fdi_nimportequoi' }))).toBe(
      'invitation_invalid',
    );
  });

  it('refuses revoked and expired links, and lets only one of two simultaneous acceptances in', async () => {
    const { owner, team } = await makeNewsroom();
    const revoked = await createInvitation({
      userId: owner.id,
      teamId: team.id,
      baseUrl: BASE,
      input: { role: 'viewer' },
    });
    await revokeInvitation({ userId: owner.id, teamId: team.id, invitationId: revoked.id });
    const someone = await makeUser('Quelqu’un');
    expect(await codeOf(acceptInvitation({ userId: someone.id, token: revoked.token }))).toBe(
      'invitation_invalid',
    );

    const expired = await createInvitation({
      userId: owner.id,
      teamId: team.id,
      baseUrl: BASE,
      input: { role: 'viewer' },
    });
    await prisma.invitation.update({
      where: { id: expired.id },
      data: {
        createdAt: new Date(Date.now() - 3 * 86_400_000),
        expiresAt: new Date(Date.now() - 1000),
      },
    });
    expect(await codeOf(acceptInvitation({ userId: someone.id, token: expired.token }))).toBe(
      'invitation_invalid',
    );
    expect(
      (await listInvitations({ userId: owner.id, teamId: team.id })).map((i) => i.id),
    ).not.toContain(expired.id);

    const shared = await createInvitation({
      userId: owner.id,
      teamId: team.id,
      baseUrl: BASE,
      input: { role: 'viewer' },
    });
    const [x, y] = [await makeUser('X'), await makeUser('Y')];
    const results = await Promise.allSettled([
      acceptInvitation({ userId: x.id, token: shared.token }),
      acceptInvitation({ userId: y.id, token: shared.token }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('personal access tokens', () => {
  it('are shown once, stored hashed, resolve to their owner until revoked', async () => {
    const me = await makeUser('Scripteuse');
    const created = await createToken({ userId: me.id, input: { name: 'export nocturne' } });
    expect(created.token).toMatch(/^fdp_/);
    expect(await prisma.apiToken.count({ where: { tokenHash: created.token } })).toBe(0);
    expect(await listTokens({ userId: me.id })).toEqual([
      expect.not.objectContaining({ token: expect.anything() }),
    ]);
    expect(await getUserByToken(created.token)).toMatchObject({ id: me.id });
    expect(await getUserByToken(`${created.token.slice(0, -1)}x`)).toBeNull();
    const other = await makeUser('Autre');
    expect(await codeOf(revokeToken({ userId: other.id, tokenId: created.id }))).toBe('not_found');
    await revokeToken({ userId: me.id, tokenId: created.id });
    expect(await getUserByToken(created.token)).toBeNull();
    expect(await listTokens({ userId: me.id })).toEqual([]);
  });
});

describe('highlight changes', () => {
  it('versions note changes, and lets authors and editors (not other reviewers) change or delete', async () => {
    const { editor, reviewer, reviewer2, article } = await makeNewsroom();
    const start = SEED_TEXT.indexOf('cinq millions');
    const created = await createAnnotation({
      userId: reviewer.id,
      articleId: article.id,
      input: { selector: describeRange(SEED_TEXT, { start, end: start + 13 }) },
    });
    expect(
      await codeOf(
        updateAnnotation({
          userId: reviewer2.id,
          annotationId: created.id,
          input: { note: 'x', version: 1 },
        }),
      ),
    ).toBe('forbidden');
    const updated = await updateAnnotation({
      userId: reviewer.id,
      annotationId: created.id,
      input: { note: 'Chiffre à recouper', version: 1 },
    });
    expect(updated).toMatchObject({ note: 'Chiffre à recouper', version: 2 });
    expect(
      await codeOf(
        updateAnnotation({
          userId: reviewer.id,
          annotationId: created.id,
          input: { note: 'y', version: 1 },
        }),
      ),
    ).toBe('conflict');
    expect(
      await codeOf(
        deleteAnnotation({ userId: editor.id, annotationId: created.id, input: { version: 1 } }),
      ),
    ).toBe('conflict');
    await deleteAnnotation({ userId: editor.id, annotationId: created.id, input: { version: 2 } });
    expect(await prisma.annotation.count({ where: { id: created.id } })).toBe(0);
    const audit = await prisma.auditEvent.findMany({
      where: { entityId: created.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((e) => e.action)).toEqual([
      'annotation.create',
      'annotation.update',
      'annotation.delete',
    ]);
  });
});
