'use client';
// Beside each source in the sentence panel: FactDesk's archived copy (« archivé le … », opened
// in a new tab, served sandboxed), or why there is none, and what the last link check found
// (« lien mort », « page modifiée depuis l’archivage »). The sentence's archives come with its
// detail (GET /api/v1/sentences/{id}: `archives`), through this context.
import { useFormatter, useTranslations } from 'next-intl';
import { createContext, useContext } from 'react';
import { isArchiveReason } from '@/lib/reports/archive-reasons';
import type { SentenceDetail } from '@/lib/server/sentences/get-sentence';

type Archive = SentenceDetail['archives'][number];

export const SourceArchivesContext = createContext<ReadonlyMap<string, Archive>>(new Map());

export function SourceArchiveNote({ url }: { url: string }) {
  const t = useTranslations('reader.sourceArchive');
  const format = useFormatter();
  const archive = useContext(SourceArchivesContext).get(url);
  if (!archive) return null;
  const reason = isArchiveReason(archive.reason)
    ? t(`reason.${archive.reason}`)
    : t('reason.other');
  return (
    <span className="ml-1 text-xs text-stone-600">
      {'· '}
      {archive.status === 'archived' && archive.copyUrl && archive.archivedAt ? (
        <a
          href={archive.copyUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="text-blue-700 underline"
          title={archive.sha256 ? t('sha256', { hash: archive.sha256 }) : undefined}
        >
          {t('archivedOn', {
            date: format.dateTime(new Date(archive.archivedAt), { dateStyle: 'medium' }),
          })}
        </a>
      ) : archive.status === 'unavailable' ? (
        t('notArchived', { reason })
      ) : (
        t('pending')
      )}
      {archive.checkState ? (
        <strong className="ml-1 font-semibold text-red-700" data-testid="source-check">
          {archive.checkState === 'dead' ? t('dead') : t('changed')}
        </strong>
      ) : null}
    </span>
  );
}
