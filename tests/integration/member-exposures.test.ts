// What a member learns about people, and what an editor may undo, on a real PostgreSQL:
// - the team report's `reviewer` filter takes members' ids only: any other id (a user of another
//   team, or nobody) gets the same 422, and nothing about that user is in it;
// - members' e-mails are seen by the team's owners and by each member for themselves only;
//   others get names and roles (API, team page);
// - an invitation is revoked by those who may create it: editors cannot revoke an owner's (or an
//   editor's) invitation.
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
import { signedIn as session } from '../support/signed-in';

import { randomUUID } from 'node:crypto';
import { GET as getMembersRoute } from '@/app/api/v1/teams/[id]/members/route';
import { GET as getTeamReportRoute } from '@/app/api/v1/teams/[id]/report/route';
import { DELETE as revokeRoute } from '@/app/api/v1/teams/[id]/invitations/[invitationId]/route';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/server/errors';
import { getTeamReport } from '@/lib/server/reports/get-team-report';
import { createInvitation } from '@/lib/server/teams/create-invitation';
import { listInvitations } from '@/lib/server/teams/list-invitations';
import { revokeInvitation } from '@/lib/server/teams/revoke-invitation';
import { listMembers } from '@/lib/server/teams/list-members';
import { approved, makeNewsroom } from './fixtures';
import { pageStrings } from './page-text';

const BASE = 'https://factdesk.example';
let room: Awaited<ReturnType<typeof makeNewsroom>>;

beforeAll(async () => {
  room = await makeNewsroom();
  const sentence = room.sentences.find((s) => s.kind === 'sentence')!;
  await approved(room.reviewer.id, room.editor.id, sentence.id, { rating: 'true' });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('the team report’s reviewer filter', () => {
  const reportOf = async (userId: string, reviewer: string) => {
    session.userId = userId;
    const url = `${BASE}/api/v1/teams/${room.team.id}/report?format=json&reviewer=${reviewer}`;
    const response = await getTeamReportRoute(new Request(url), {
      params: Promise.resolve({ id: room.team.id }),
    });
    return { status: response.status, text: await response.text() };
  };

  it('does not name a user of another team', async () => {
    const answer = await reportOf(room.viewer.id, room.outsider.id);
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.text)).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'reviewer' }] },
    });
    expect(answer.text).not.toContain(room.outsider.name);
    expect(answer.text).not.toContain(room.outsider.email);
  });

  it('answers an outsider’s id exactly as an id nobody has', async () => {
    const outsider = await reportOf(room.viewer.id, room.outsider.id);
    const nobody = await reportOf(room.viewer.id, randomUUID());
    expect(outsider).toEqual(nobody);
  });

  it('still filters by a member, named in the report', async () => {
    const answer = await reportOf(room.viewer.id, room.reviewer.id);
    expect(answer.status).toBe(200);
    const report = JSON.parse(answer.text) as {
      filters: { reviewer: string };
      articles: unknown[];
    };
    expect(report.filters.reviewer).toBe(room.reviewer.name);
    expect(report.articles).toHaveLength(1);
    await expect(
      getTeamReport({
        userId: room.viewer.id,
        teamId: room.team.id,
        baseUrl: BASE,
        query: { format: 'markdown', reviewer: room.outsider.id },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('members’ e-mails', () => {
  const emailsSeenBy = async (userId: string) => {
    const { members } = await listMembers({ userId, teamId: room.team.id });
    return Object.fromEntries(members.map((m) => [m.user.id, m.user.email]));
  };
  const everyone = () => [room.owner, room.editor, room.reviewer, room.reviewer2, room.viewer];

  it('are all seen by owners', async () => {
    const seen = await emailsSeenBy(room.owner.id);
    for (const member of everyone()) expect(seen[member.id]).toBe(member.email);
  });

  it.each(['editor', 'reviewer', 'viewer'] as const)(
    'are hidden from a %s, but for their own',
    async (role) => {
      const me = room[role];
      const seen = await emailsSeenBy(me.id);
      for (const member of everyone()) {
        expect(seen[member.id], member.name).toBe(member.id === me.id ? me.email : null);
      }
    },
  );

  it('leave the API’s answer to a viewer (names and roles stay)', async () => {
    session.userId = room.viewer.id;
    const response = await getMembersRoute(
      new Request(`${BASE}/api/v1/teams/${room.team.id}/members`),
      { params: Promise.resolve({ id: room.team.id }) },
    );
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const member of everyone()) {
      expect(text).toContain(member.name);
      if (member.id !== room.viewer.id) expect(text).not.toContain(member.email);
    }
  });

  it('leave the team page of a viewer', async () => {
    session.userId = room.viewer.id;
    const { default: TeamPage } = await import('@/app/(app)/teams/[id]/page');
    const page = await TeamPage({ params: Promise.resolve({ id: room.team.id }) });
    const text = pageStrings(page);
    expect(text).toContain(room.owner.name);
    for (const member of everyone()) {
      if (member.id !== room.viewer.id) expect(text).not.toContain(member.email);
    }
    session.userId = room.owner.id;
    const ownerPage = pageStrings(
      await TeamPage({ params: Promise.resolve({ id: room.team.id }) }),
    );
    for (const member of everyone()) expect(ownerPage).toContain(member.email);
  });
});

describe('revoking invitations', () => {
  const invite = (role: 'owner' | 'editor' | 'reviewer' | 'viewer') =>
    createInvitation({
      userId: room.owner.id,
      teamId: room.team.id,
      baseUrl: BASE,
      input: { role },
    });
  const pending = async (id: string) =>
    (await listInvitations({ userId: room.owner.id, teamId: room.team.id })).some(
      (invitation) => invitation.id === id,
    );

  it('an editor cannot revoke an owner’s invitation (nor an editor’s): 403, still pending', async () => {
    for (const role of ['owner', 'editor'] as const) {
      const invitation = await invite(role);
      expect(
        await codeOf(
          revokeInvitation({
            userId: room.editor.id,
            teamId: room.team.id,
            invitationId: invitation.id,
          }),
        ),
        role,
      ).toBe('forbidden');
      expect(await pending(invitation.id), role).toBe(true);
      expect(
        await prisma.auditEvent.count({
          where: { action: 'invitation.revoke', entityId: invitation.id },
        }),
      ).toBe(0);
    }
  });

  it('says so through the route, in the API’s error shape', async () => {
    const invitation = await invite('owner');
    session.userId = room.editor.id;
    const response = await revokeRoute(new Request(BASE, { method: 'DELETE' }), {
      params: Promise.resolve({ id: room.team.id, invitationId: invitation.id }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await pending(invitation.id)).toBe(true);
  });

  it('an editor still revokes the invitations they may create; an owner any', async () => {
    for (const role of ['reviewer', 'viewer'] as const) {
      const invitation = await invite(role);
      await revokeInvitation({
        userId: room.editor.id,
        teamId: room.team.id,
        invitationId: invitation.id,
      });
      expect(await pending(invitation.id), role).toBe(false);
    }
    const owners = await invite('owner');
    await revokeInvitation({
      userId: room.owner.id,
      teamId: room.team.id,
      invitationId: owners.id,
    });
    expect(await pending(owners.id)).toBe(false);
  });

  it('a reviewer or an outsider still cannot revoke anything', async () => {
    const invitation = await invite('viewer');
    const revoke = (userId: string) =>
      codeOf(revokeInvitation({ userId, teamId: room.team.id, invitationId: invitation.id }));
    expect(await revoke(room.reviewer.id)).toBe('forbidden');
    expect(await revoke(room.outsider.id)).toBe('not_found');
    expect(await pending(invitation.id)).toBe(true);
  });
});
