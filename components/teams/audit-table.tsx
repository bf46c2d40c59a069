// The team's audit trail as a table (server component): when, who, what, on what, and the
// change as raw JSON (rendered as text). Action labels come from lib/workflow/audit-labels
// (shared with the sentence history); unknown codes are shown as they are.
import Link from 'next/link';
import { auditActionLabel } from '@/lib/workflow/audit-labels';

export interface AuditEventRow {
  id: string;
  actor: { id: string; name: string } | null;
  action: string;
  entity: string;
  articleId: string | null;
  sentenceId: string | null;
  at: string;
  before: unknown;
  after: unknown;
}

const ENTITY_LABELS: Record<string, string> = {
  team: 'Rédaction',
  membership: 'Membre',
  user: 'Compte',
  invitation: 'Invitation',
  article: 'Article',
  annotation: 'Surlignage',
  comment: 'Commentaire',
  verdict: 'Verdict',
  sentence: 'Phrase',
};

function auditEntityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'medium',
  timeZone: 'Europe/Paris',
});

function toJson(value: unknown, indent?: number): string {
  return value === null || value === undefined ? '∅' : JSON.stringify(value, null, indent);
}

function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  if ((before === null || before === undefined) && (after === null || after === undefined)) {
    return <span className="text-stone-400">—</span>;
  }
  return (
    <details>
      <summary className="cursor-pointer">
        <code className="line-clamp-2 inline break-all text-xs text-stone-700">
          {toJson(before)} → {toJson(after)}
        </code>
      </summary>
      <div className="mt-2 grid gap-2 text-xs">
        <div>
          <p className="font-semibold text-stone-500">Avant</p>
          <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2">
            <code>{toJson(before, 2)}</code>
          </pre>
        </div>
        <div>
          <p className="font-semibold text-stone-500">Après</p>
          <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded bg-stone-50 p-2">
            <code>{toJson(after, 2)}</code>
          </pre>
        </div>
      </div>
    </details>
  );
}

export function AuditTable({ events }: { events: AuditEventRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Événements du journal, du plus récent au plus ancien</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              Date
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Auteur·rice
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Action
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Objet
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              Avant → après
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 align-top">
          {events.map((event) => (
            <tr key={event.id}>
              <td className="whitespace-nowrap px-4 py-2 tabular-nums text-stone-600">
                <time dateTime={event.at}>{DATE_TIME.format(new Date(event.at))}</time>
              </td>
              <td className="px-4 py-2">{event.actor?.name ?? 'Compte supprimé'}</td>
              <td className="px-4 py-2 font-medium">{auditActionLabel(event.action)}</td>
              <td className="px-4 py-2">
                {event.articleId ? (
                  <Link
                    href={
                      event.sentenceId
                        ? `/articles/${event.articleId}?sentence=${event.sentenceId}`
                        : `/articles/${event.articleId}`
                    }
                    className="text-blue-700 hover:underline"
                  >
                    {auditEntityLabel(event.entity)}
                  </Link>
                ) : (
                  auditEntityLabel(event.entity)
                )}
              </td>
              <td className="max-w-md px-4 py-2">
                <AuditChange before={event.before} after={event.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
