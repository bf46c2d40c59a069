import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { createComment } from '@/lib/server/comments/create-comment';
import { listComments } from '@/lib/server/comments/list-comments';
import { getRequiredUser } from '@/lib/server/session';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  return Response.json({ comments: await listComments({ userId: user.id, sentenceId }) });
});

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  const input = await readJson(request);
  const comment = await createComment({ userId: user.id, sentenceId, input });
  return Response.json(comment, { status: 201 });
});
