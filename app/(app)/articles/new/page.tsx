import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ImportForm } from '@/components/import/import-form';
import { can } from '@/lib/permissions';
import { getPageUser } from '@/lib/server/session';
import { listTeams } from '@/lib/server/teams/list-teams';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('articles');
  return { title: t('new.title') };
}

export default async function NewArticlePage() {
  const user = await getPageUser('/articles/new');
  const t = await getTranslations('articles');
  const teams = (await listTeams({ userId: user.id })).filter((team) =>
    can(team.role, 'article.create'),
  );

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t('new.title')}</h1>
      {teams.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {t.rich('new.noTeams', {
            link: (chunks) => (
              <Link href="/teams" className="text-blue-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <>
          <p className="mb-6 text-sm text-stone-600">{t('new.intro')}</p>
          <div className="max-w-3xl">
            <ImportForm teams={teams.map((team) => ({ id: team.id, name: team.name }))} />
          </div>
        </>
      )}
    </>
  );
}
