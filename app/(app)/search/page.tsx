import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ZodError } from 'zod';
import { searchSentences } from '@/lib/server/search/search-sentences';
import { getPageUser } from '@/lib/server/session';
import { listMembers } from '@/lib/server/teams/list-members';
import { listTeams } from '@/lib/server/teams/list-teams';
import { SearchForm } from './search-form';
import {
  isSearchField,
  readSearchValues,
  searchHref,
  searchQueryOf,
  type SearchField,
} from './search-params';
import { SearchResults } from './search-results';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('search');
  return { title: t('metaTitle') };
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const values = readSearchValues(params);
  const user = await getPageUser(searchHref(values, Number(values.page) || undefined));
  const t = await getTranslations('search');

  const teams = await listTeams({ userId: user.id });
  // Reviewers: the chosen team's members, else everyone in my teams, each person once.
  const chosenTeam = teams.find((team) => team.id === values.teamId);
  const memberLists = await Promise.all(
    (chosenTeam ? [chosenTeam] : teams).map((team) =>
      listMembers({ userId: user.id, teamId: team.id }),
    ),
  );
  const reviewers = [
    ...new Map(
      memberLists.flatMap(({ members }) => members.map((m) => [m.user.id, m.user.name] as const)),
    ),
  ]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));

  let result: Awaited<ReturnType<typeof searchSentences>> | null = null;
  let invalidFields: SearchField[] = [];
  try {
    result = await searchSentences({ userId: user.id, query: searchQueryOf(params) });
  } catch (error) {
    // A hand-edited or stale URL (a NUL, a parameter given twice…): say which filter is wrong
    // instead of failing the page.
    if (!(error instanceof ZodError)) throw error;
    // An issue on no known field (the whole query) names none: the message stays general.
    invalidFields = [
      ...new Set(
        error.issues.flatMap(({ path: [field] }) => (isSearchField(field) ? [field] : [])),
      ),
    ];
  }

  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{t('title')}</h1>
      <SearchForm
        // Remount on navigation so the uncontrolled fields show the new URL's values.
        key={searchHref(values)}
        values={values}
        teams={teams.map((team) => ({ id: team.id, name: team.name }))}
        reviewers={reviewers}
      />
      {result ? (
        <SearchResults
          result={result}
          values={values}
          hasCriteria={
            result.query !== '' ||
            values.rating !== '' ||
            values.state !== '' ||
            values.reviewer !== ''
          }
        />
      ) : (
        <p role="alert" className="mt-6 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t('invalid', {
            count: invalidFields.length,
            names: invalidFields
              .map((field) => t('quotedField', { label: t(`fields.${field}`) }))
              .join(', '),
          })}
        </p>
      )}
    </>
  );
}
