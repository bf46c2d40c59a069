// « Mot de passe »: the password form in its card, on « Mon compte » and on « Sécurité » alike
// (the current password required; the other sessions signed out once it is changed).
import { getTranslations } from 'next-intl/server';
import { PasswordForm } from '@/components/settings/password-form';

export async function PasswordSection() {
  const t = await getTranslations('settings.security');
  return (
    <section
      aria-labelledby="password-heading"
      className="max-w-xl rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
    >
      <h2 id="password-heading" className="mb-1 text-base font-semibold">
        {t('passwordHeading')}
      </h2>
      <p className="mb-3 text-sm text-stone-600">{t('passwordIntro')}</p>
      <PasswordForm />
    </section>
  );
}
