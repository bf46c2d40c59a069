'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

export default function AppErrorBoundary({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('ui.errorPage');
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 p-6" role="alert">
      <h1 className="text-lg font-semibold text-red-900">{t('title')}</h1>
      <p className="mt-2 text-red-800">{t('text')}</p>
      <Button className="mt-4" onClick={reset}>
        {t('retry')}
      </Button>
    </div>
  );
}
