import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SettingsIndex } from '@/components/settings/settings-index';
import { getPageUser } from '@/lib/server/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings.index');
  return { title: t('metaTitle') };
}

export default async function SettingsPage() {
  await getPageUser('/settings');
  const t = await getTranslations('settings.index');
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t('title')}</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">{t('intro')}</p>
      <SettingsIndex />
    </>
  );
}
