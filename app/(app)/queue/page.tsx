import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Formatter } from '@/lib/i18n/format';
import { can } from '@/lib/permissions';
import { getQueue } from '@/lib/server/queue/get-queue';
import { getPageUser } from '@/lib/server/session';
import { listTeams } from '@/lib/server/teams/list-teams';
import { QueueSection } from './queue-section';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('queue');
  return { title: t('metaTitle') };
}

/** « · attribuée le 3 mars 2025 »: `say` words the date, given its label and its <time>. */
function onDate(
  format: Formatter,
  iso: string | null,
  say: (values: { date: string; time: (chunks: ReactNode) => ReactNode }) => ReactNode,
) {
  return iso ? (
    <>
      {' '}
      ·{' '}
      {say({
        date: format.dateTime(new Date(iso), 'mediumDate'),
        time: (chunks) => <time dateTime={iso}>{chunks}</time>,
      })}
    </>
  ) : null;
}

export default async function QueuePage() {
  const user = await getPageUser('/queue');
  const [queue, teams] = await Promise.all([
    getQueue({ userId: user.id }),
    listTeams({ userId: user.id }),
  ]);
  const mayResolve = teams.some((team) => can(team.role, 'dispute.resolve'));
  const t = await getTranslations('queue');
  const format = await getFormatter();
  const labels = await getTranslations('labels');

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t('title')}</h1>
      <p className="mb-6 text-sm text-stone-600">{t('intro')}</p>
      <QueueSection
        id="queue-assigned"
        title={t('assigned.title')}
        empty={t('assigned.empty')}
        entries={queue.assigned.map((item) => ({
          key: item.sentence.id,
          sentence: item.sentence,
          article: item.article,
          details: (
            <>
              {labels(`sentenceState.${item.state}`)} ·{' '}
              {item.myStatus
                ? t('assigned.myVerdict', {
                    status: labels(`verdictStatus.${item.myStatus}`).toLowerCase(),
                  })
                : t('assigned.noVerdict')}
              {onDate(format, item.assignedAt, (values) => t.rich('assigned.assignedOn', values))}
            </>
          ),
        }))}
      />
      <QueueSection
        id="queue-review"
        title={t('review.title')}
        empty={t('review.empty')}
        entries={queue.toReview.map((item) => ({
          key: item.verdict.id,
          sentence: item.sentence,
          article: item.article,
          details: (
            <>
              {t.rich('review.authorRating', {
                author: item.verdict.author.name,
                rating: labels(`rating.${item.verdict.rating}`),
                verdict: (chunks) => (
                  <span className="fd-rating font-semibold" data-rating={item.verdict.rating}>
                    {chunks}
                  </span>
                ),
              })}
              {onDate(format, item.verdict.submittedAt, (values) =>
                t.rich('review.submittedOn', values),
              )}
            </>
          ),
        }))}
      />
      {queue.sourceAlerts.length > 0 ? (
        <QueueSection
          id="queue-sources"
          title={t('sources.title')}
          empty=""
          entries={queue.sourceAlerts.map((item) => ({
            key: `${item.sentence.id} ${item.url}`,
            sentence: item.sentence,
            article: item.article,
            details: (
              <>
                <strong className="font-semibold text-red-700">
                  {item.checkState === 'dead' ? t('sources.dead') : t('sources.changed')}
                </strong>{' '}
                <span className="[overflow-wrap:anywhere]">{item.url}</span>
                {onDate(format, item.checkedAt, (values) => t.rich('sources.checkedOn', values))}
              </>
            ),
          }))}
        />
      ) : null}
      {mayResolve || queue.toResolve.length > 0 ? (
        <QueueSection
          id="queue-resolve"
          title={t('resolve.title')}
          empty={t('resolve.empty')}
          entries={queue.toResolve.map((item) => ({
            key: item.sentence.id,
            sentence: item.sentence,
            article: item.article,
            details: labels(`sentenceState.${item.state}`),
          }))}
        />
      ) : null}
    </>
  );
}
