import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuditTable } from '@/components/teams/audit-table';
import { AppError } from '@/lib/server/errors';
import { getPageUser } from '@/lib/server/session';
import { listTeamAudit } from '@/lib/server/teams/list-team-audit';
import { idSchema } from '@/lib/validations/common';
import { AuditFilters } from './audit-filters';
import { auditHref, readAuditQuery } from './audit-params';

export const metadata: Metadata = { title: 'Journal de la rédaction' };

const FILTER_LABELS = { member: 'Membre', action: 'Action' } as const;

export default async function TeamAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  // The API's schema, field by field: a malformed cursor (hand-edited, beyond PostgreSQL's
  // bigint, given twice) shows the first page, a malformed filter is said and left out.
  const { query, invalid } = readAuditQuery(await searchParams);
  const user = await getPageUser(auditHref(id, query));

  let audit: Awaited<ReturnType<typeof listTeamAudit>>;
  try {
    audit = await listTeamAudit({ userId: user.id, teamId: id, query });
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
  const { team, events, nextBefore, members, filters } = audit;
  const filterQuery = { member: filters.member ?? undefined, action: filters.action ?? undefined };
  const isFiltered = filters.member !== null || filters.action !== null;

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
      <AuditFilters
        key={auditHref(team.id, filterQuery)}
        teamId={team.id}
        members={members}
        member={filters.member}
        action={filters.action}
      />
      {invalid.length > 0 ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {invalid.length === 1
            ? `Le filtre « ${FILTER_LABELS[invalid[0]!]} » est invalide : il n’est pas appliqué.`
            : 'Les filtres « Membre » et « Action » sont invalides : ils ne sont pas appliqués.'}
        </p>
      ) : null}
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {query.before
            ? 'Aucun événement plus ancien.'
            : isFiltered
              ? 'Aucun événement ne correspond à ces filtres.'
              : 'Aucun événement pour l’instant.'}
        </p>
      ) : (
        <AuditTable events={events} />
      )}
      <nav aria-label="Pages du journal" className="mt-4 flex gap-4 text-sm">
        {query.before ? (
          <Link href={auditHref(team.id, filterQuery)} className="text-blue-700 underline">
            Plus récents
          </Link>
        ) : null}
        {nextBefore ? (
          <Link
            href={auditHref(team.id, { ...filterQuery, before: nextBefore })}
            className="text-blue-700 underline"
          >
            Plus ancien
          </Link>
        ) : null}
      </nav>
    </>
  );
}
