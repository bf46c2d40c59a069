import type { Metadata } from 'next';
import Link from 'next/link';
import { AcceptInvitationButton } from '@/components/teams/accept-invitation-button';
import { ROLE_LABELS } from '@/lib/permissions';
import { AppError } from '@/lib/server/errors';
import { getPageUser } from '@/lib/server/session';
import { getInvitation } from '@/lib/server/teams/get-invitation';

export const metadata: Metadata = { title: 'Invitation' };

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

const CARD = 'max-w-xl rounded-xl border border-stone-200 bg-white p-6 shadow-sm';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Anonymous visitors sign in (or sign up) first and come back to this very link.
  const user = await getPageUser(`/invitations/${encodeURIComponent(token)}`);
  let invitation: Awaited<ReturnType<typeof getInvitation>>;
  try {
    invitation = await getInvitation({ userId: user.id, token });
  } catch (error) {
    if (error instanceof AppError && error.code === 'invitation_invalid') {
      return (
        <div className={CARD}>
          <h1 className="mb-2 text-xl font-semibold">Invitation</h1>
          <p className="text-stone-700">{error.message}</p>
          <p className="mt-2 text-sm text-stone-600">
            Demandez un nouveau lien à la personne qui vous a invité·e.
          </p>
          <Link href="/" className="mt-4 inline-block text-sm text-blue-700 underline">
            Retour aux articles
          </Link>
        </div>
      );
    }
    throw error;
  }
  const { team, role, invitedBy, expiresAt, alreadyMember } = invitation;

  return (
    <div className={CARD}>
      <h1 className="mb-2 text-xl font-semibold">Rejoindre une rédaction</h1>
      <p className="text-stone-800">
        {invitedBy ? `${invitedBy} vous invite` : 'Vous êtes invité·e'} à rejoindre{' '}
        <strong className="font-semibold">{team.name}</strong> en tant que{' '}
        <strong className="font-semibold">{ROLE_LABELS[role]}</strong>.
      </p>
      {alreadyMember ? (
        <>
          <p className="mt-4 text-stone-700">Vous êtes déjà membre de cette rédaction.</p>
          <Link
            href={`/teams/${team.id}`}
            className="mt-4 inline-block text-sm text-blue-700 underline"
          >
            Ouvrir la rédaction {team.name}
          </Link>
        </>
      ) : (
        <>
          <p className="mt-1 text-sm text-stone-600">
            Lien valable jusqu’au{' '}
            <time dateTime={expiresAt}>{DATE_TIME.format(new Date(expiresAt))}</time>, une seule
            fois.
          </p>
          <div className="mt-5">
            <AcceptInvitationButton token={token} />
          </div>
        </>
      )}
    </div>
  );
}
