import { apiHandler, readJson } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { importFactChecks } from '@/lib/server/fact-checks/import-fact-checks';
import { getRequiredUser } from '@/lib/server/session';
import { IMPORT_MAX_BODY_BYTES } from '@/lib/validations/limits';

export const POST = apiHandler<{ id: string }>(async (request, { params }) => {
  const user = await getRequiredUser();
  const teamId = parseId((await params).id, 'team');
  const input = await readJson(request, { maxBytes: IMPORT_MAX_BODY_BYTES });
  return Response.json(await importFactChecks({ userId: user.id, teamId, input }), {
    status: 201,
  });
});
