import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditTable } from '@/components/teams/audit-table';
import { AppError } from '@/lib/server/errors';
import { getPageUser } from '@/lib/server/session';
import { listTeamAudit } from '@/lib/server/teams/team-audit';
import { idSchema } from '@/lib/validations/common';
import { auditQuerySchema } from '@/lib/validations/team';

export const metadata: Metadata = { title: 'Journal de la rédaction' };

export default async function TeamAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const user = await getPageUser(`/teams/${id}/audit`);
  // The API's schema; a malformed cursor (hand-edited, beyond PostgreSQL's bigint, given twice)
  // shows the first page rather than an error page.
  const query = auditQuerySchema.safeParse(await searchParams);
  const cursor = query.success && query.data.before ? query.data.before.toString() : null;

  let audit: Awaited<ReturnType<typeof listTeamAudit>>;
  try {
    audit = await listTeamAudit({
      userId: user.id,
      teamId: id,
      query: cursor ? { before: cursor } : {},
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (error instanceof AppError && error.code === 'forbidden') {
      return (
        <>
          <h1 className="mb-4 text-xl font-semibold">Journal de la rédaction</h1>
          <p
            role="status"
            className="rounded-lg border border-stone-200 bg-white p-6 text-stone-700"
          >
            Réservé aux propriétaires de la rédaction.
          </p>
          <Link href={`/teams/${id}`} className="mt-4 inline-block text-sm text-blue-700 underline">
            Retour à la rédaction
          </Link>
        </>
      );
    }
    throw error;
  }
  const { team, events, nextBefore } = audit;

  return (
    <>
      <p className="mb-1 text-sm">
        <Link href={`/teams/${team.id}`} className="text-blue-700 hover:underline">
          ← {team.name}
        </Link>
      </p>
      <h1 className="mb-1 text-xl font-semibold">Journal de la rédaction</h1>
      <p className="mb-4 text-sm text-stone-600">
        Toutes les modifications faites dans « {team.name} », les plus récentes d’abord.
      </p>
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {cursor ? 'Aucun événement plus ancien.' : 'Aucun événement pour l’instant.'}
        </p>
      ) : (
        <AuditTable events={events} />
      )}
      <nav aria-label="Pages du journal" className="mt-4 flex gap-4 text-sm">
        {cursor ? (
          <Link href={`/teams/${team.id}/audit`} className="text-blue-700 underline">
            Plus récents
          </Link>
        ) : null}
        {nextBefore ? (
          <Link
            href={`/teams/${team.id}/audit?before=${nextBefore}`}
            className="text-blue-700 underline"
          >
            Plus ancien
          </Link>
        ) : null}
      </nav>
    </>
  );
}
