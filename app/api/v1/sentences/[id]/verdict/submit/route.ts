import { apiHandler, readOptionalJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { submitVerdict } from '@/lib/server/verdicts/submit-verdict';

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  const input = await readOptionalJson(request);
  return Response.json(await submitVerdict({ userId: user.id, sentenceId, input }));
});
