import { archiveResponse } from '@/lib/api/archive-response';
import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getRequiredUser } from '@/lib/server/session';
import { getSnapshotCopy } from '@/lib/server/sources/snapshots';

export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const snapshotId = parseId((await params).id, 'snapshot');
  return archiveResponse(await getSnapshotCopy({ userId: user.id, snapshotId }), 'private');
});
