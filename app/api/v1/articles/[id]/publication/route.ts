import { publicBaseUrl } from '@/lib/api/base-url';
import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import {
  getPublicationStatus,
  publishArticle,
  unpublishArticle,
} from '@/lib/server/publications/publish-article';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const baseUrl = publicBaseUrl(request);
  return Response.json(await getPublicationStatus({ userId: user.id, articleId, baseUrl }));
});

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const baseUrl = publicBaseUrl(request);
  return Response.json(await publishArticle({ userId: user.id, articleId, baseUrl }));
});

export const DELETE = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const articleId = parseId((await params).id, 'article');
  const baseUrl = publicBaseUrl(request);
  return Response.json(await unpublishArticle({ userId: user.id, articleId, baseUrl }));
});
