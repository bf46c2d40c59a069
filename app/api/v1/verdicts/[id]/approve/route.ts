import { apiHandler, readOptionalJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { approveVerdict } from '@/lib/server/verdicts/review-verdict';

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const verdictId = parseId((await params).id, 'verdict');
  const input = await readOptionalJson(request);
  return Response.json(await approveVerdict({ userId: user.id, verdictId, input }));
});
