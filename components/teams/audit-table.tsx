// The team's audit trail as a table (server component): when, what happened told as a sentence
// naming the member (« Ben a approuvé le verdict d’Ana sur la phrase 4 »), where (the article,
// linked to the sentence in the reader), and what changed as before → after pairs — never raw
// JSON. The sentences and the changes come from the listing (lib/workflow/audit-sentence.ts).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import type { listTeamAudit } from '@/lib/server/teams/list-team-audit';
import { Cell, ColumnHeader, Table, TableBody, TableHead } from '@/components/ui/table';

export type AuditEventRow = Awaited<ReturnType<typeof listTeamAudit>>['events'][number];

/** Long texts (a rationale, a comment) are clamped until opened. */
const LONG = 160;

function Value({ value }: { value: string }) {
  if (value.length <= LONG) return <span className="break-words">{value}</span>;
  return (
    <details className="inline">
      <summary className="inline cursor-pointer break-words">{value.slice(0, LONG)}…</summary>
      <span className="mt-1 block whitespace-pre-wrap break-words">{value}</span>
    </details>
  );
}

function Changes({ event }: { event: AuditEventRow }) {
  const t = useTranslations('teams.auditTable');
  if (event.changes.length === 0 && !event.hidden) {
    return <span className="text-stone-400">—</span>;
  }
  return (
    <>
      {event.changes.length > 0 ? (
        <dl className="space-y-1 text-xs">
          {event.changes.map((change) => (
            <div key={change.label}>
              <dt className="inline font-semibold text-stone-600">
                {t('changeLabel', { label: change.label })}{' '}
              </dt>
              <dd className="inline text-stone-800">
                {change.before !== null && change.after !== null ? (
                  <>
                    <del className="text-stone-500">
                      <Value value={change.before} />
                    </del>
                    <span aria-hidden="true"> → </span>
                    <span className="sr-only"> {t('becomes')} </span>
                    <ins className="no-underline">
                      <Value value={change.after} />
                    </ins>
                  </>
                ) : change.after !== null ? (
                  <Value value={change.after} />
                ) : (
                  <>
                    <Value value={change.before!} />{' '}
                    <span className="text-stone-500">{t('before')}</span>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {event.hidden ? <p className="mt-1 text-xs italic text-stone-500">{event.hidden}</p> : null}
    </>
  );
}

/** The article named in an event, linked to the sentence in the reader when it can be. */
function articleLink(href: string | null, chunks: ReactNode) {
  if (!href) return chunks;
  return (
    <Link href={href} className="text-blue-700 hover:underline">
      {chunks}
    </Link>
  );
}

export function AuditTable({ events }: { events: AuditEventRow[] }) {
  const t = useTranslations('teams.auditTable');
  const format = useFormatter();
  return (
    <Table caption={t('caption')}>
      <TableHead>
        <ColumnHeader>{t('date')}</ColumnHeader>
        <ColumnHeader>{t('event')}</ColumnHeader>
        <ColumnHeader>{t('changes')}</ColumnHeader>
      </TableHead>
      <TableBody alignTop>
        {events.map((event) => (
          <tr key={event.id}>
            <Cell className="whitespace-nowrap tabular-nums text-stone-600">
              <time dateTime={event.at}>{format.dateTime(new Date(event.at), 'journal')}</time>
            </Cell>
            <Cell>
              <p className="font-medium text-stone-900">{event.summary}</p>
              {event.article ? (
                <p className="mt-0.5 text-xs text-stone-600">
                  {event.href && event.sentenceNumber !== null
                    ? t.rich('inArticleAtSentence', {
                        title: event.article.title,
                        // A sentence's number names it: never grouped like a quantity.
                        number: String(event.sentenceNumber),
                        link: (chunks) => articleLink(event.href, chunks),
                      })
                    : t.rich('inArticle', {
                        title: event.article.title,
                        link: (chunks) => articleLink(event.href, chunks),
                      })}
                </p>
              ) : null}
            </Cell>
            <Cell className="max-w-md">
              <Changes event={event} />
            </Cell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
