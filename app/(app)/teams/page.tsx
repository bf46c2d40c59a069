import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CreateTeamForm } from '@/components/teams/create-team-form';
import { getPageUser } from '@/lib/server/session';
import { listTeams } from '@/lib/server/teams/list-teams';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teams.list');
  return { title: t('metaTitle') };
}

export default async function TeamsPage() {
  const user = await getPageUser('/teams');
  const teams = await listTeams({ userId: user.id });
  const t = await getTranslations('teams.list');
  const labels = await getTranslations('labels');
  return (
    <>
      <h1 className="mb-4 text-xl font-semibold">{t('title')}</h1>
      {teams.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {t('empty')}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white">
          {teams.map((team) => (
            <li key={team.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <Link
                href={`/teams/${team.id}`}
                className="font-medium text-blue-800 hover:underline"
              >
                {team.name}
              </Link>
              <p className="text-sm text-stone-600">
                {t('roleAndMembers', {
                  role: labels(`role.${team.role}`),
                  count: team.memberCount,
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section
        aria-labelledby="create-team"
        className="mt-8 max-w-md rounded-xl border border-stone-200 bg-white p-5 shadow-sm"
      >
        <h2 id="create-team" className="mb-3 text-base font-semibold">
          {t('createHeading')}
        </h2>
        <CreateTeamForm />
      </section>
    </>
  );
}
