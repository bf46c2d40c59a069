// The settings pages, one card each, for /settings: where to change what about one's account.
import Link from 'next/link';

export const SETTINGS_PAGES = [
  {
    href: '/settings/account',
    title: 'Mon compte',
    description: 'Le compte connecté, et sa suppression.',
  },
  {
    href: '/settings/security',
    title: 'Sécurité',
    description: 'Votre mot de passe et les navigateurs où votre compte est ouvert.',
  },
  {
    href: '/settings/tokens',
    title: 'Jetons d’accès',
    description: 'Les jetons qui permettent à vos scripts d’utiliser l’API en votre nom.',
  },
  {
    href: '/api-docs',
    title: 'Référence de l’API',
    description: 'Chaque opération de l’API, ses paramètres et ses réponses, pour vos scripts.',
  },
] as const;

export function SettingsIndex() {
  return (
    <ul className="grid max-w-3xl gap-3 sm:grid-cols-2" aria-label="Pages de réglages">
      {SETTINGS_PAGES.map((page) => (
        <li key={page.href}>
          <Link
            href={page.href}
            className="block h-full rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-blue-300 hover:bg-blue-50/40 focus-visible:outline-2 focus-visible:outline-blue-700"
          >
            <span className="block font-semibold text-blue-800">{page.title}</span>
            <span className="mt-1 block text-sm text-stone-600">{page.description}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
