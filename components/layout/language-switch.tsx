'use client';
// The header's language switch. Signed in, the choice is the account's (PATCH /api/v1/me) and
// follows it to every browser; the cookie is set too, so the sign-in page keeps the language
// after signing out. Signed out, the cookie alone carries it (lib/i18n/negotiate.ts).
// router.refresh() renders the page again in the new language without losing its state.
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { rememberLocale } from '@/lib/i18n/remember-locale';

export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations('common.languageSwitch');
  const locale = useLocale();
  const router = useRouter();
  // The language asked for, shown while the page renders again in it (ignored once the page's
  // language has changed, whoever changed it).
  const [asked, setAsked] = useState<{ from: Locale; to: Locale } | null>(null);
  const change = useAction(
    async (next: Locale) => {
      setAsked({ from: locale, to: next });
      try {
        if (signedIn) {
          await apiFetch('/api/v1/me', { method: 'PATCH', body: JSON.stringify({ locale: next }) });
        }
      } catch (error) {
        setAsked(null);
        throw error;
      }
      rememberLocale(next);
      router.refresh();
    },
    { message: () => t('failed') },
  );
  const shown = asked && asked.from === locale ? asked.to : locale;

  return (
    <div className="flex items-center gap-2">
      <label className="flex items-center gap-1.5 text-sm text-stone-700">
        <span className="sr-only">{t('label')}</span>
        <select
          value={shown}
          // Not disabled while saving: a disabled control drops the keyboard focus.
          aria-busy={change.pending}
          onChange={(event) => {
            const next = event.target.value;
            if (!change.pending && isLocale(next) && next !== shown) void change.run(next);
          }}
          className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      <FormError message={change.error} />
    </div>
  );
}
