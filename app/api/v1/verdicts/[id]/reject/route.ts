import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { rejectVerdict } from '@/lib/server/verdicts/review-verdict';

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const verdictId = parseId((await params).id, 'verdict');
  const input = await readJson(request);
  return Response.json(await rejectVerdict({ userId: user.id, verdictId, input }));
});
