// The settings pages, one card each, for /settings: where to change what about one's account.
// Titles and descriptions are the catalogue's (settings.index.pages.<key>).
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export const SETTINGS_PAGES = [
  { href: '/settings/account', key: 'account' },
  { href: '/settings/security', key: 'security' },
  { href: '/settings/tokens', key: 'tokens' },
  { href: '/api-docs', key: 'apiDocs' },
] as const;

export function SettingsIndex() {
  const t = useTranslations('settings.index');
  return (
    <ul className="grid max-w-3xl gap-3 sm:grid-cols-2" aria-label={t('pagesLabel')}>
      {SETTINGS_PAGES.map((page) => (
        <li key={page.href}>
          <Link
            href={page.href}
            className="block h-full rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-blue-300 hover:bg-blue-50/40 focus-visible:outline-2 focus-visible:outline-blue-700"
          >
            <span className="block font-semibold text-blue-800">
              {t(`pages.${page.key}.title`)}
            </span>
            <span className="mt-1 block text-sm text-stone-600">
              {t(`pages.${page.key}.description`)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
