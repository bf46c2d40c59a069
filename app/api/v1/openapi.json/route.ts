import { apiHandler } from '@/lib/api/respond';
import { publicBaseUrl } from '@/lib/api/base-url';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { getRequiredUser } from '@/lib/server/session';

// Behind a session like every other /api/v1 route; `npm run --silent cli -- openapi` prints
// the same document without a server.
export const GET = apiHandler(async (request) => {
  await getRequiredUser();
  return Response.json(buildOpenApiDocument(publicBaseUrl(request)));
});
