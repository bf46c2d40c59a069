import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { PasswordSection } from '@/components/settings/password-section';
import { SessionsManager } from '@/components/settings/sessions-manager';
import { listSessions } from '@/lib/server/auth/list-sessions';
import { getPageUser } from '@/lib/server/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.security');
  return { title: t('metaTitle') };
}

export default async function SecurityPage() {
  const user = await getPageUser('/settings/security');
  const sessions = await listSessions({ userId: user.id, currentSessionId: user.sessionId });
  const t = await getTranslations('settings.security');
  const format = await getFormatter();
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t('title')}</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">{t('intro')}</p>
      <div className="space-y-8">
        <PasswordSection />
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="mb-3 text-base font-semibold">
            {t('sessionsHeading')}
          </h2>
          <SessionsManager
            sessions={sessions.map((session) => ({
              id: session.id,
              userAgent: session.userAgent,
              current: session.current,
              createdAt: session.createdAt,
              createdLabel: format.dateTime(new Date(session.createdAt), 'dateTime'),
              lastSeenAt: session.lastSeenAt,
              lastSeenLabel: format.dateTime(new Date(session.lastSeenAt), 'dateTime'),
            }))}
          />
        </section>
      </div>
    </>
  );
}
