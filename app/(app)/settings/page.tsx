import type { Metadata } from 'next';
import { SettingsIndex } from '@/components/settings/settings-index';
import { getPageUser } from '@/lib/server/session';

export const metadata: Metadata = { title: 'Réglages' };

export default async function SettingsPage() {
  await getPageUser('/settings');
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Réglages</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">
        Ce qui concerne votre compte : choisissez une page.
      </p>
      <SettingsIndex />
    </>
  );
}
