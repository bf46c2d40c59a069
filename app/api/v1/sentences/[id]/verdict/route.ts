import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';

export const PUT = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  const input = await readJson(request);
  return Response.json(await setVerdict({ userId: user.id, sentenceId, input }));
});
