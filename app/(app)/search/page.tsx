import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Recherche' };

const FIELD_LABELS: Record<SearchField, string> = {
  q: 'Rechercher dans les articles',
  teamId: 'Rédaction',
  rating: 'Verdict publié',
  state: 'État',
  reviewer: 'Vérificateur·rice',
  from: 'Du',
  to: 'Au',
  page: 'Page',
};

function invalidMessage(labels: string[]): string {
  if (labels.length === 0)
    return 'Recherche impossible : un critère est invalide. Corrigez-le puis relancez la recherche.';
  const names = labels.map((label) => `« ${label} »`).join(', ');
  return labels.length === 1
    ? `Recherche impossible : le critère ${names} est invalide. Corrigez-le puis relancez la recherche.`
    : `Recherche impossible : les critères ${names} sont invalides. Corrigez-les puis relancez la recherche.`;
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const values = readSearchValues(params);
  const user = await getPageUser(searchHref(values, Number(values.page) || undefined));

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
  let invalidFields: string[] = [];
  try {
    result = await searchSentences({ userId: user.id, query: searchQueryOf(params) });
  } catch (error) {
    // A hand-edited or stale URL (a NUL, a parameter given twice…): say which filter is wrong
    // instead of failing the page.
    if (!(error instanceof ZodError)) throw error;
    // An issue on no known field (the whole query) names none: the message stays general.
    invalidFields = [
      ...new Set(
        error.issues.flatMap(({ path: [field] }) =>
          isSearchField(field) ? [FIELD_LABELS[field]] : [],
        ),
      ),
    ];
  }

  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">Recherche</h1>
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
          {invalidMessage(invalidFields)}
        </p>
      )}
    </>
  );
}
