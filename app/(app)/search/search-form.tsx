// The search form: a plain GET form to /search, so it works without JavaScript and the URL of
// a search can be shared. Fields show the URL's values back as they were typed.
import { Button } from '@/components/ui/button';
import { Field, TextInput } from '@/components/ui/field';
import { RATINGS, ratingLabel } from '@/lib/reports/verdict-scale';
import { SENTENCE_STATE_LABELS, SENTENCE_STATES } from '@/lib/workflow/sentence-state';
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
  return (
    <form action="/search" method="get" role="search" className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <Field
            label="Rechercher dans les articles"
            hint="Le texte des phrases, les notes de surlignage, les justifications et les commentaires ; sans tenir compte des accents ni des majuscules."
          >
            <TextInput
              type="search"
              name="q"
              defaultValue={values.q}
              maxLength={500}
              placeholder="Mots, « expression exacte », -exclu…"
            />
          </Field>
        </div>
        <Button type="submit">Rechercher</Button>
      </div>
      <fieldset className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm">
        <legend className="px-1 text-sm font-semibold">Filtres</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {teams.length > 1 ? (
            <Field label="Rédaction">
              <select name="teamId" defaultValue={values.teamId} className={SELECT}>
                <option value="">Toutes mes rédactions</option>
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field label="Verdict publié">
            <select name="rating" defaultValue={values.rating} className={SELECT}>
              <option value="">Tous</option>
              {RATINGS.map((rating) => (
                <option key={rating} value={rating}>
                  {ratingLabel(rating)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="État">
            <select name="state" defaultValue={values.state} className={SELECT}>
              <option value="">Tous</option>
              {SENTENCE_STATES.map((state) => (
                <option key={state} value={state}>
                  {SENTENCE_STATE_LABELS[state]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Vérificateur·rice">
            <select name="reviewer" defaultValue={values.reviewer} className={SELECT}>
              <option value="">Tout le monde</option>
              {reviewers.map((reviewer) => (
                <option key={reviewer.id} value={reviewer.id}>
                  {reviewer.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Du" hint="Date de l’article (publication, sinon import).">
            <TextInput type="date" name="from" defaultValue={values.from} />
          </Field>
          <Field label="Au">
            <TextInput type="date" name="to" defaultValue={values.to} />
          </Field>
        </div>
      </fieldset>
    </form>
  );
}
