import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ArticleReader } from '@/components/reader/article-reader';
import { listPaintedAnnotations } from '@/lib/server/annotations/list-painted';
import { getAgreement } from '@/lib/server/articles/get-agreement';
import { getArticle } from '@/lib/server/articles/get-article';
import { AppError } from '@/lib/server/errors';
import { getPageUser } from '@/lib/server/session';
import { countArticleSourceAlerts } from '@/lib/server/sources/snapshots';
import { listMembers } from '@/lib/server/teams/list-members';
import { listSentenceStates } from '@/lib/server/verdicts/list-sentence-states';
import { idSchema } from '@/lib/validations/common';
import { articlePageQuerySchema } from '@/lib/validations/query';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('articles');
  return { title: t('article.title') };
}

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { sentence } = articlePageQuerySchema.parse(await searchParams);
  if (!idSchema.safeParse(id).success) notFound();
  const user = await getPageUser(`/articles/${id}`);
  const [article, annotations, states, agreement, sourceAlerts] = await Promise.all([
    getArticle({ userId: user.id, articleId: id }),
    listPaintedAnnotations({ userId: user.id, articleId: id }),
    listSentenceStates({ userId: user.id, articleId: id }),
    getAgreement({ userId: user.id, articleId: id }),
    countArticleSourceAlerts({ userId: user.id, articleId: id }),
  ]).catch((error: unknown) => {
    // Outside the user's teams looks exactly like a missing article.
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const { members } = await listMembers({ userId: user.id, teamId: article.teamId });
  return (
    <ArticleReader
      // A new version of the text remounts the reader with the re-anchored highlights.
      key={article.version}
      article={article}
      initialAnnotations={annotations.placed}
      initialOrphans={annotations.orphans}
      initialStates={states}
      initialAgreement={agreement}
      sourceAlerts={sourceAlerts}
      initialSentenceId={sentence ?? null}
      members={members.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role }))}
      currentUser={{ id: user.id, name: user.name }}
    />
  );
}
