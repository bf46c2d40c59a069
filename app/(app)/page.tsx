import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ProgressBar } from '@/components/progress-bar';
import { can } from '@/lib/permissions';
import { listArticles } from '@/lib/server/articles/list-articles';
import { getPageUser } from '@/lib/server/session';
import { listTeams } from '@/lib/server/teams/list-teams';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ui.articleList');
  return { title: t('metaTitle') };
}

export default async function ArticlesPage() {
  const user = await getPageUser();
  const [articles, teams] = await Promise.all([
    listArticles({ userId: user.id }),
    listTeams({ userId: user.id }),
  ]);
  const mayImport = teams.some((team) => can(team.role, 'article.create'));
  const t = await getTranslations('ui.articleList');
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t('title')}</h1>
        {mayImport ? (
          <Link
            href="/articles/new"
            className="inline-flex items-center justify-center gap-1 rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white transition-colors hover:bg-blue-800"
          >
            {t('import')}
          </Link>
        ) : null}
      </div>
      {articles.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {t('empty')}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-lg border border-stone-200 bg-white">
          {articles.map((article) => (
            <li key={article.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div className="min-w-0">
                <Link
                  href={`/articles/${article.id}`}
                  className="font-medium text-blue-800 hover:underline"
                  lang={article.language}
                >
                  {article.title}
                </Link>
                <p className="mt-0.5 text-xs text-stone-500">
                  {t('details', {
                    team: article.teamName,
                    language: article.language.toUpperCase(),
                    partial: article.partial ? 'yes' : 'no',
                  })}
                </p>
              </div>
              <ProgressBar
                done={article.checkedCount}
                total={article.sentenceCount}
                label={t('progressLabel', { title: article.title })}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
