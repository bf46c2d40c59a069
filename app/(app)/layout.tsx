import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { OfflineStatus } from '@/components/offline-status';
import { getCurrentUser } from '@/lib/server/session';
import { SignOutButton } from '@/components/sign-out-button';

/** The header's links; their labels are `common.nav.<key>`. */
const NAV_LINKS = [
  { href: '/', key: 'articles' },
  { href: '/articles/new', key: 'import' },
  { href: '/search', key: 'search' },
  { href: '/queue', key: 'queue' },
  { href: '/teams', key: 'teams' },
  { href: '/settings/tokens', key: 'tokens' },
  { href: '/settings/security', key: 'security' },
  { href: '/settings/account', key: 'account' },
] as const;

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations('common')]);
  if (!user) {
    // Signed out: every page calls getPageUser(next) itself and redirects to the sign-in page
    // with its own callbackUrl (an invitation link must survive sign-in); a layout cannot know
    // the path, and its redirect would win over the page's and drop the way back.
    return <main id="main">{children}</main>;
  }
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('skipToContent')}
      </a>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Fact<span className="text-blue-700">Desk</span>
            </Link>
            <nav aria-label={t('nav.label')}>
              <ul className="flex flex-wrap items-center gap-1 text-sm">
                {NAV_LINKS.map((link) => (
                  <li key={link.href}>
                    <Link
                      href={link.href}
                      className="rounded-md px-2 py-1.5 text-stone-700 hover:bg-stone-100 hover:text-stone-900"
                    >
                      {t(`nav.${link.key}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <LanguageSwitch signedIn />
            <span className="text-stone-600" data-testid="current-user">
              {user.name}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <OfflineStatus />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
