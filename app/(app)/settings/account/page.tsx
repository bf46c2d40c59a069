import type { Metadata } from 'next';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { AccountForm } from '@/components/settings/account-form';
import { DeleteAccountForm } from '@/components/settings/delete-account-form';
import { PasswordSection } from '@/components/settings/password-section';
import { getPageUser } from '@/lib/server/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common.account');
  return { title: t('title') };
}

export default async function AccountPage() {
  const user = await getPageUser('/settings/account');
  // The language and zone the page is shown in: the account's, or what it falls back to.
  const [t, locale, timeZone] = await Promise.all([
    getTranslations('common.account'),
    getLocale(),
    getTimeZone(),
  ]);
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t('title')}</h1>
      <p className="mb-6 max-w-3xl text-sm text-stone-700">
        {t('signedInAs', { name: user.name, email: user.email })}
      </p>
      <div className="space-y-8">
        <section
          aria-labelledby="preferences-heading"
          className="max-w-xl rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
        >
          <h2 id="preferences-heading" className="mb-3 text-base font-semibold">
            {t('preferences.heading')}
          </h2>
          <AccountForm
            name={user.name}
            locale={locale}
            timeZone={timeZone}
            timeZones={Intl.supportedValuesOf('timeZone')}
          />
        </section>
        <PasswordSection />
        <section
          aria-labelledby="delete-account-heading"
          className="max-w-xl rounded-xl border border-red-200 bg-white p-5 shadow-sm"
        >
          <h2 id="delete-account-heading" className="mb-1 text-base font-semibold text-red-800">
            {t('delete.heading')}
          </h2>
          <div className="mb-3 space-y-2 text-sm text-stone-600">
            <p>{t('delete.what')}</p>
            <p>{t('delete.kept')}</p>
          </div>
          <DeleteAccountForm />
        </section>
      </div>
    </>
  );
}
