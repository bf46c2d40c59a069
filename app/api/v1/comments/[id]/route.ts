import { apiHandler, readJson, readOptionalJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { deleteComment } from '@/lib/server/comments/delete-comment';
import { updateComment } from '@/lib/server/comments/update-comment';
import { getRequiredUser } from '@/lib/server/session';

export const PATCH = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const commentId = parseId((await params).id, 'comment');
  const input = await readJson(request);
  return Response.json(await updateComment({ userId: user.id, commentId, input }));
});

export const DELETE = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const commentId = parseId((await params).id, 'comment');
  const input = await readOptionalJson(request);
  return Response.json(await deleteComment({ userId: user.id, commentId, input }));
});
