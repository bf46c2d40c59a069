import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { AcceptInvitationButton } from '@/components/teams/accept-invitation-button';
import { localeOf } from '@/lib/i18n/translator';
import { AppError } from '@/lib/server/errors';
import { getPageUser } from '@/lib/server/session';
import { getInvitation } from '@/lib/server/teams/get-invitation';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teams.invitation');
  return { title: t('metaTitle') };
}

const CARD = 'max-w-xl rounded-xl border border-stone-200 bg-white p-6 shadow-sm';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Anonymous visitors sign in (or sign up) first and come back to this very link.
  const user = await getPageUser(`/invitations/${encodeURIComponent(token)}`);
  const t = await getTranslations('teams.invitation');
  const format = await getFormatter();
  const labels = await getTranslations('labels');
  let invitation: Awaited<ReturnType<typeof getInvitation>>;
  try {
    invitation = await getInvitation({ userId: user.id, token });
  } catch (error) {
    if (error instanceof AppError && error.code === 'invitation_invalid') {
      return (
        <div className={CARD}>
          <h1 className="mb-2 text-xl font-semibold">{t('title')}</h1>
          <p className="text-stone-700">{error.messageIn(localeOf(await getLocale()))}</p>
          <p className="mt-2 text-sm text-stone-600">{t('askAgain')}</p>
          <Link href="/" className="mt-4 inline-block text-sm text-blue-700 underline">
            {t('backToArticles')}
          </Link>
        </div>
      );
    }
    throw error;
  }
  const { team, role, invitedBy, expiresAt, alreadyMember } = invitation;
  const strong = (chunks: ReactNode) => <strong className="font-semibold">{chunks}</strong>;

  return (
    <div className={CARD}>
      <h1 className="mb-2 text-xl font-semibold">{t('joinTitle')}</h1>
      <p className="text-stone-800">
        {invitedBy
          ? t.rich('invitedBy', {
              inviter: invitedBy,
              team: team.name,
              role: labels(`role.${role}`),
              strong,
            })
          : t.rich('invited', { team: team.name, role: labels(`role.${role}`), strong })}
      </p>
      {alreadyMember ? (
        <>
          <p className="mt-4 text-stone-700">{t('alreadyMember')}</p>
          <Link
            href={`/teams/${team.id}`}
            className="mt-4 inline-block text-sm text-blue-700 underline"
          >
            {t('openTeam', { team: team.name })}
          </Link>
        </>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-600">
            {t.rich('validUntil', {
              date: format.dateTime(new Date(expiresAt), 'dateTime'),
              time: (chunks) => <time dateTime={expiresAt}>{chunks}</time>,
            })}
          </p>
          <div className="mt-5">
            <AcceptInvitationButton token={token} />
          </div>
        </>
      )}
    </div>
  );
}
