import { apiHandler } from '@/lib/api/respond';
import { parseId } from '@/lib/server/access';
import { getJobFile } from '@/lib/server/jobs/get-job-file';
import { getRequiredUser } from '@/lib/server/session';

/** A succeeded job's result: the PDF file, or the JSON summary of an import. */
export const GET = apiHandler<{ id: string }>(async (_request, { params }) => {
  const user = await getRequiredUser();
  const jobId = parseId((await params).id, 'job');
  const job = await getJobFile({ userId: user.id, jobId });
  if (job.file) {
    const filename = (job.result as { filename?: string } | null)?.filename ?? 'factdesk.pdf';
    return new Response(new Uint8Array(job.file), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Length': String(job.file.byteLength),
        'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  }
  return Response.json({ result: job.result ?? null });
});
