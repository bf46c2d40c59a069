import { publicBaseUrl } from '@/lib/api/base-url';
import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { reuseMatch } from '@/lib/server/matching/reuse-match';
import { getRequiredUser } from '@/lib/server/session';

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const sentenceId = parseId((await params).id, 'sentence');
  const input = await readJson(request);
  const verdict = await reuseMatch({
    userId: user.id,
    sentenceId,
    input,
    baseUrl: publicBaseUrl(request),
  });
  return Response.json(verdict, { status: 201 });
});
