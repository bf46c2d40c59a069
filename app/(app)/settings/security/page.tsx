import type { Metadata } from 'next';
import { PasswordForm } from '@/components/settings/password-form';
import { SessionsManager } from '@/components/settings/sessions-manager';
import { listSessions } from '@/lib/server/auth/list-sessions';
import { getPageUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Sécurité du compte' };

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

export default async function SecurityPage() {
  const user = await getPageUser('/settings/security');
  const sessions = await listSessions({ userId: user.id, currentSessionId: user.sessionId });
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Sécurité du compte</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">
        Votre mot de passe et les navigateurs où votre compte est ouvert. Les jetons d’accès des
        scripts se gèrent à part, dans « Jetons d’accès ».
      </p>
      <div className="space-y-8">
        <section
          aria-labelledby="password-heading"
          className="max-w-xl rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
        >
          <h2 id="password-heading" className="mb-1 text-base font-semibold">
            Mot de passe
          </h2>
          <p className="mb-3 text-sm text-stone-600">
            Le changer ferme toutes vos autres sessions ; celle-ci reste ouverte.
          </p>
          <PasswordForm />
        </section>
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="mb-3 text-base font-semibold">
            Sessions ouvertes
          </h2>
          <SessionsManager
            sessions={sessions.map((session) => ({
              id: session.id,
              userAgent: session.userAgent,
              current: session.current,
              createdAt: session.createdAt,
              createdLabel: DATE_TIME.format(new Date(session.createdAt)),
              lastSeenAt: session.lastSeenAt,
              lastSeenLabel: DATE_TIME.format(new Date(session.lastSeenAt)),
            }))}
          />
        </section>
      </div>
    </>
  );
}
