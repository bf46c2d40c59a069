'use client';
// « Langue des rapports publiés »: the language of the team's reports (PATCH /api/v1/teams/{id}
// `publicationLanguage`, owners only, checked again on the server), independent of each
// member's interface language; the other members read the choice in force.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { useAction } from '@/components/ui/use-action';
import { apiFetch } from '@/lib/api/client';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@/lib/i18n/locales';

export function PublicationLanguageSetting({
  teamId,
  publicationLanguage,
  canChange,
}: {
  teamId: string;
  publicationLanguage: Locale;
  canChange: boolean;
}) {
  const router = useRouter();
  const t = useTranslations('teams.publicationLanguage');
  const selectId = useId();
  const [language, setLanguage] = useState<Locale>(publicationLanguage);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, pending, error } = useAction(async (next: Locale) => {
    const team = await apiFetch<{ publicationLanguage: Locale }>(`/api/v1/teams/${teamId}`, {
      method: 'PATCH',
      body: JSON.stringify({ publicationLanguage: next }),
    });
    setLanguage(team.publicationLanguage);
    setSaved(t('saved', { language: team.publicationLanguage }));
    router.refresh();
  });

  if (!canChange) {
    return (
      <p className="text-sm text-stone-700" data-testid="publication-language-rule">
        {t('rule', { language })}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-600">{t('rule', { language })}</p>
      <div>
        <label htmlFor={selectId} className="block text-sm font-medium text-stone-800">
          {t('label')}
        </label>
        <select
          id={selectId}
          className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-600"
          value={language}
          disabled={pending}
          aria-describedby={`${selectId}-hint`}
          onChange={(event) => {
            const next = event.target.value;
            if (!isLocale(next)) return;
            setSaved(null);
            void run(next);
          }}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
        <p id={`${selectId}-hint`} className="mt-1 text-xs text-stone-500">
          {t('hint')}
        </p>
      </div>
      <p role="status" className="text-xs text-stone-600">
        {saved}
      </p>
      <FormError message={error} />
    </div>
  );
}
