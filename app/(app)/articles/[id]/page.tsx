import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleReader } from '@/components/reader/article-reader';
import { listAnnotations } from '@/lib/server/annotations/list-annotations';
import { getArticle } from '@/lib/server/articles/get-article';
import { AppError } from '@/lib/server/errors';
import { getPageUser } from '@/lib/server/session';
import { listSentenceStates } from '@/lib/server/verdicts/list-sentence-states';
import { idSchema } from '@/lib/validations/common';

export const metadata: Metadata = { title: 'Article' };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const user = await getPageUser();
  const [article, annotations, states] = await Promise.all([
    getArticle({ userId: user.id, articleId: id }),
    listAnnotations({ userId: user.id, articleId: id }),
    listSentenceStates({ userId: user.id, articleId: id }),
  ]).catch((error: unknown) => {
    // Outside the user's teams looks exactly like a missing article.
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return (
    <ArticleReader
      article={article}
      initialAnnotations={annotations}
      initialStates={states}
      currentUser={{ id: user.id, name: user.name }}
    />
  );
}
