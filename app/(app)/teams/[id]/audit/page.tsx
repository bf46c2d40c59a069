import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AuditTable } from '@/components/teams/audit-table';
import { AppError } from '@/lib/server/errors';
import { getPageUser } from '@/lib/server/session';
import { localeOf } from '@/lib/i18n/translator';
import { listTeamAudit } from '@/lib/server/teams/list-team-audit';
import { idSchema } from '@/lib/validations/common';
import { AuditFilters } from './audit-filters';
import { auditHref, readAuditQuery } from './audit-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('teams.audit');
  return { title: t('metaTitle') };
}

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
  const t = await getTranslations('teams.audit');

  let audit: Awaited<ReturnType<typeof listTeamAudit>>;
  try {
    audit = await listTeamAudit({
      userId: user.id,
      teamId: id,
      query,
      locale: localeOf(await getLocale()),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (error instanceof AppError && error.code === 'forbidden') {
      return (
        <>
          <h1 className="mb-4 text-xl font-semibold">{t('title')}</h1>
          <p
            role="status"
            className="rounded-lg border border-stone-200 bg-white p-6 text-stone-700"
          >
            {t('ownersOnly')}
          </p>
          <Link href={`/teams/${id}`} className="mt-4 inline-block text-sm text-blue-700 underline">
            {t('backToTeam')}
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
          {t('back', { team: team.name })}
        </Link>
      </p>
      <h1 className="mb-1 text-xl font-semibold">{t('title')}</h1>
      <p className="mb-4 text-sm text-stone-600">{t('intro', { team: team.name })}</p>
      <AuditFilters
        key={auditHref(team.id, filterQuery)}
        teamId={team.id}
        members={members}
        member={filters.member}
        action={filters.action}
      />
      {invalid.length > 0 ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {invalid.length === 1 ? t('invalidFilter', { filter: invalid[0]! }) : t('invalidFilters')}
        </p>
      ) : null}
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          {query.before ? t('noOlder') : isFiltered ? t('noMatch') : t('empty')}
        </p>
      ) : (
        <AuditTable events={events} />
      )}
      <nav aria-label={t('pages')} className="mt-4 flex gap-4 text-sm">
        {query.before ? (
          <Link href={auditHref(team.id, filterQuery)} className="text-blue-700 underline">
            {t('newer')}
          </Link>
        ) : null}
        {nextBefore ? (
          <Link
            href={auditHref(team.id, { ...filterQuery, before: nextBefore })}
            className="text-blue-700 underline"
          >
            {t('older')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
