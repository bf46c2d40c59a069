'use client';
// « Profil et préférences » on /settings/account: name, interface language and time zone, saved
// with PATCH /api/v1/me (only the fields changed, so a name change does not pin a language the
// account never chose). « Détecter » fills in this browser's zone. A new language is also put in
// the language cookie, like the header's switch, and the page renders again in it.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Field, SelectInput, TextInput } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';
import { rememberLocale } from '@/lib/i18n/remember-locale';
import type { UpdateAccountInput } from '@/lib/validations/account';
import type { accountDto } from '@/lib/validations/dto/account';

export interface AccountFormProps {
  name: string;
  /** The language the page is shown in (the account's, or the negotiated one). */
  locale: Locale;
  /** The zone dates are shown in (the account's, or Europe/Paris). */
  timeZone: string;
  /** The zones the server knows (Intl.supportedValuesOf on the server: no hydration mismatch). */
  timeZones: readonly string[];
}

/** `America/Argentina/Buenos_Aires` → `America/Argentina/Buenos Aires`. */
function zoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ');
}

export function AccountForm(props: AccountFormProps) {
  const t = useTranslations('common.account.preferences');
  const router = useRouter();
  const [saved, setSaved] = useState(props);
  const [name, setName] = useState(props.name);
  const [locale, setLocale] = useState<Locale>(props.locale);
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const [done, setDone] = useState(false);
  // The saved zone and a detected one may be spelled differently from the server's list
  // (`UTC`, `Asia/Kolkata`): they are offered too.
  const zones = [...new Set([...props.timeZones, props.timeZone, timeZone])].sort();

  const save = useAction(async () => {
    const changes: UpdateAccountInput = {};
    if (name !== saved.name) changes.name = name;
    if (locale !== saved.locale) changes.locale = locale;
    if (timeZone !== saved.timeZone) changes.timeZone = timeZone;
    const account = await apiFetch<z.output<typeof accountDto>>('/api/v1/me', {
      method: 'PATCH',
      body: JSON.stringify(changes),
    });
    setName(account.name);
    if (account.timeZone) setTimeZone(account.timeZone);
    setSaved({
      ...saved,
      name: account.name,
      locale,
      timeZone: account.timeZone ?? timeZone,
    });
    if (changes.locale) rememberLocale(changes.locale);
    setDone(true);
    // The header shows the name; the page's language and dates may have changed.
    router.refresh();
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    void save.run();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Field label={t('name')}>
        <TextInput
          name="name"
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={120}
          required
        />
      </Field>
      <Field label={t('language')}>
        <SelectInput
          name="locale"
          value={locale}
          onChange={(event) => {
            if (isLocale(event.target.value)) setLocale(event.target.value);
          }}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </SelectInput>
      </Field>
      <div className="flex items-end gap-2">
        <div className="grow">
          <Field label={t('timeZone')} hint={t('timeZoneHint')}>
            <SelectInput
              name="timeZone"
              value={timeZone}
              onChange={(event) => setTimeZone(event.target.value)}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zoneLabel(zone)}
                </option>
              ))}
            </SelectInput>
          </Field>
        </div>
        <Button
          variant="secondary"
          className="mb-5"
          aria-label={t('detectLabel')}
          onClick={() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone)}
        >
          {t('detect')}
        </Button>
      </div>
      <FormError message={save.error} />
      {/* Always in the page, so screen readers announce the message when it appears. */}
      <div role="status">
        {done && !save.pending ? (
          <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t('saved')}</p>
        ) : null}
      </div>
      <Button type="submit" disabled={save.pending}>
        {save.pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
