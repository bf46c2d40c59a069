// The search form: a plain GET form to /search, so it works without JavaScript and the URL of
// a search can be shared. Fields show the URL's values back as they were typed.
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { RATINGS } from '@/lib/reports/verdict-scale';
import { SENTENCE_STATES } from '@/lib/workflow/sentence-state';
import type { SearchValues } from './search-params';

const SELECT =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-blue-600';

export function SearchForm({
  values,
  teams,
  reviewers,
}: {
  values: SearchValues;
  teams: { id: string; name: string }[];
  reviewers: { id: string; name: string }[];
}) {
  const t = useTranslations('search');
  const labels = useTranslations('labels');
  return (
    <form action="/search" method="get" role="search" className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field label={t('fields.q')} hint={t('form.qHint')}>
            <TextInput
              type="search"
              name="q"
              defaultValue={values.q}
              maxLength={500}
              placeholder={t('form.qPlaceholder')}
            />
          </Field>
        </div>
        <Button type="submit">{t('form.submit')}</Button>
      </div>
      <fieldset className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
        <legend className="px-1 text-sm font-semibold">{t('form.filters')}</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {teams.length > 1 ? (
            <Field label={t('fields.teamId')}>
              <select name="teamId" defaultValue={values.teamId} className={SELECT}>
                <option value="">{t('form.allTeams')}</option>
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field label={t('fields.rating')}>
            <select name="rating" defaultValue={values.rating} className={SELECT}>
              <option value="">{t('form.all')}</option>
              {RATINGS.map((rating) => (
                <option key={rating} value={rating}>
                  {labels(`rating.${rating}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('fields.state')}>
            <select name="state" defaultValue={values.state} className={SELECT}>
              <option value="">{t('form.all')}</option>
              {SENTENCE_STATES.map((state) => (
                <option key={state} value={state}>
                  {labels(`sentenceState.${state}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('fields.reviewer')}>
            <select name="reviewer" defaultValue={values.reviewer} className={SELECT}>
              <option value="">{t('form.everyone')}</option>
              {reviewers.map((reviewer) => (
                <option key={reviewer.id} value={reviewer.id}>
                  {reviewer.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('fields.from')} hint={t('form.fromHint')}>
            <TextInput type="date" name="from" defaultValue={values.from} />
          </Field>
          <Field label={t('fields.to')}>
            <TextInput type="date" name="to" defaultValue={values.to} />
          </Field>
        </div>
      </fieldset>
    </form>
  );
}
