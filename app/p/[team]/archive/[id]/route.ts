// The archived copy of a source a published page of the team cites, for anyone.
import { archiveResponse } from '@/lib/api/archive-response';
import { publicStatus } from '@/lib/api/public-response';
import { AppError } from '@/lib/server/errors';
import { getPublicSnapshotCopy } from '@/lib/server/sources/snapshots';
import { idSchema } from '@/lib/validations/common';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ team: string; id: string }> },
) {
  const { team, id } = await params;
  if (!idSchema.safeParse(id).success) return publicStatus(404);
  try {
    return archiveResponse(
      await getPublicSnapshotCopy({ teamSlug: team, snapshotId: id }),
      'public',
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return publicStatus(404);
    throw error;
  }
}
