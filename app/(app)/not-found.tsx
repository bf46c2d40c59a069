import Link from 'next/link';
import { useTranslations } from 'next-intl';

export default function NotFound() {
  const t = useTranslations('ui.notFound');
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-lg font-semibold">{t('title')}</h1>
      <p className="mt-2 text-stone-600">{t('text')}</p>
      <Link href="/" className="mt-4 inline-block text-blue-700 underline">
        {t('back')}
      </Link>
    </div>
  );
}
