import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PublicIdentitySetting } from '@/components/teams/public-identity-setting';
import { PublicationLanguageSetting } from '@/components/teams/publication-language-setting';
import { AdjudicationSetting } from '@/components/teams/adjudication-setting';
import { DeleteTeamForm } from '@/components/teams/delete-team-form';
import { InviteForm } from '@/components/teams/invite-form';
import { MembersTable } from '@/components/teams/members-table';
import { PendingInvitations } from '@/components/teams/pending-invitations';
import { TeamReportForm } from '@/components/teams/team-report-form';
import { can, invitableRoles } from '@/lib/permissions';
import { AppError } from '@/lib/server/errors';
import { getPageUser } from '@/lib/server/session';
import { listInvitations } from '@/lib/server/teams/list-invitations';
import { listMembers } from '@/lib/server/teams/list-members';
import { getTeamSettings } from '@/lib/server/teams/get-team-settings';
import { idSchema } from '@/lib/validations/common';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teams.team');
  return { title: t('metaTitle') };
}

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const user = await getPageUser(`/teams/${id}`);
  const { team, members } = await listMembers({ userId: user.id, teamId: id }).catch(
    (error: unknown) => {
      // Outside the user's teams looks exactly like a missing team.
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    },
  );
  const mayInvite = can(team.myRole, 'invitation.create');
  const [invitations, settings] = await Promise.all([
    mayInvite ? listInvitations({ userId: user.id, teamId: id }) : [],
    getTeamSettings({ userId: user.id, teamId: id }),
  ]);
  const t = await getTranslations('teams.team');
  const format = await getFormatter();
  const labels = await getTranslations('labels');

  return (
    <>
      <p className="mb-1 text-sm">
        <Link href="/teams" className="text-blue-700 hover:underline">
          {t('back')}
        </Link>
      </p>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{team.name}</h1>
          <p className="mt-0.5 text-sm text-stone-600">
            {t('yourRole', { role: labels(`role.${team.myRole}`), count: members.length })}
          </p>
        </div>
        {can(team.myRole, 'audit.read') ? (
          <Link href={`/teams/${team.id}/audit`} className="text-sm text-blue-700 underline">
            {t('auditLink')}
          </Link>
        ) : null}
      </div>

      <section aria-labelledby="members-heading" className="mb-8">
        <h2 id="members-heading" className="mb-3 text-base font-semibold">
          {t('membersHeading')}
        </h2>
        <MembersTable
          teamId={team.id}
          teamName={team.name}
          currentUserId={user.id}
          canManage={can(team.myRole, 'member.manage')}
          showEmails={can(team.myRole, 'member.email')}
          members={members.map((member) => ({
            id: member.user.id,
            name: member.user.name,
            email: member.user.email,
            role: member.role,
            joinedAt: member.joinedAt,
            joinedLabel: format.dateTime(new Date(member.joinedAt), 'date'),
          }))}
        />
      </section>

      <section
        aria-labelledby="adjudication-heading"
        className="mb-8 rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
      >
        <h2 id="adjudication-heading" className="mb-1 text-base font-semibold">
          {t('adjudicationHeading')}
        </h2>
        <AdjudicationSetting
          teamId={team.id}
          allowPartyAdjudication={settings.allowPartyAdjudication}
          canChange={can(team.myRole, 'team.settings')}
        />
      </section>

      <section
        aria-labelledby="publication-language-heading"
        className="mb-8 rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
      >
        <h2 id="publication-language-heading" className="mb-1 text-base font-semibold">
          {t('publicationLanguageHeading')}
        </h2>
        <PublicationLanguageSetting
          teamId={team.id}
          publicationLanguage={settings.publicationLanguage}
          canChange={can(team.myRole, 'team.settings')}
        />
      </section>

      <section
        aria-labelledby="public-identity-heading"
        className="mb-8 rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
      >
        <h2 id="public-identity-heading" className="mb-1 text-base font-semibold">
          {t('publicIdentityHeading')}
        </h2>
        <PublicIdentitySetting
          teamId={team.id}
          teamName={team.name}
          identity={{
            publicName: settings.publicName,
            publicUrl: settings.publicUrl,
            logoUrl: settings.logoUrl,
            nameReviewers: settings.nameReviewers,
            publicSlug: settings.publicSlug,
          }}
          canChange={can(team.myRole, 'team.settings')}
        />
      </section>

      {can(team.myRole, 'report.export') ? (
        <section
          aria-labelledby="report-heading"
          className="mb-8 rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
        >
          <h2 id="report-heading" className="mb-1 text-base font-semibold">
            {t('reportHeading')}
          </h2>
          <p className="mb-3 text-sm text-stone-600">{t('reportIntro')}</p>
          <TeamReportForm
            teamId={team.id}
            members={members.map((member) => ({ id: member.user.id, name: member.user.name }))}
          />
        </section>
      ) : null}

      {mayInvite ? (
        <>
          <section
            aria-labelledby="invite-heading"
            className="mb-8 rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
          >
            <h2 id="invite-heading" className="mb-1 text-base font-semibold">
              {t('inviteHeading')}
            </h2>
            <p className="mb-3 text-sm text-stone-600">{t('inviteIntro')}</p>
            <InviteForm teamId={team.id} roles={invitableRoles(team.myRole)} />
          </section>
          <section aria-labelledby="pending-heading">
            <h2 id="pending-heading" className="mb-3 text-base font-semibold">
              {t('pendingHeading')}
            </h2>
            <PendingInvitations
              teamId={team.id}
              invitations={invitations.map((invitation) => ({
                id: invitation.id,
                role: invitation.role,
                createdByName: invitation.createdBy?.name ?? null,
                createdAt: invitation.createdAt,
                createdLabel: format.dateTime(new Date(invitation.createdAt), 'date'),
                expiresAt: invitation.expiresAt,
                expiresLabel: format.dateTime(new Date(invitation.expiresAt), 'dateTime'),
                // Revoked by those who may create it (the server checks again).
                revocable: invitableRoles(team.myRole).includes(invitation.role),
              }))}
            />
          </section>
        </>
      ) : null}

      {can(team.myRole, 'team.delete') ? (
        <section
          aria-labelledby="delete-team-heading"
          className="mt-8 rounded-xl border border-red-200 bg-white p-5 shadow-sm"
        >
          <h2 id="delete-team-heading" className="mb-1 text-base font-semibold text-red-800">
            {t('deleteHeading')}
          </h2>
          <p className="mb-3 max-w-3xl text-sm text-stone-600">
            {t('deleteIntro', { team: team.name })}
          </p>
          <DeleteTeamForm teamId={team.id} teamName={team.name} />
        </section>
      ) : null}
    </>
  );
}
