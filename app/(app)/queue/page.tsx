import type { Metadata } from 'next';
import { can } from '@/lib/permissions';
import { ratingLabel } from '@/lib/reports/verdict-scale';
import { getQueue } from '@/lib/server/queue/get-queue';
import { getPageUser } from '@/lib/server/session';
import { listTeams } from '@/lib/server/teams/list-teams';
import { SENTENCE_STATE_LABELS, VERDICT_STATUS_LABELS } from '@/lib/workflow/sentence-state';
import { QueueSection } from './queue-section';

export const metadata: Metadata = { title: 'Ma file' };

const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'Europe/Paris' });

function onDate(prefix: string, iso: string | null) {
  return iso ? (
    <>
      {' '}
      · {prefix} <time dateTime={iso}>{DATE.format(new Date(iso))}</time>
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

  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Ma file</h1>
      <p className="mb-6 text-sm text-stone-600">
        Ce qui vous attend dans vos rédactions. Chaque phrase s’ouvre dans l’article.
      </p>
      <QueueSection
        id="queue-assigned"
        title="Phrases qui me sont attribuées"
        empty="Aucune phrase ne vous est attribuée pour l’instant."
        entries={queue.assigned.map((item) => ({
          key: item.sentence.id,
          sentence: item.sentence,
          article: item.article,
          details: (
            <>
              {SENTENCE_STATE_LABELS[item.state]} ·{' '}
              {item.myStatus
                ? `mon verdict : ${VERDICT_STATUS_LABELS[item.myStatus].toLowerCase()}`
                : 'pas encore de verdict de ma part'}
              {onDate('attribuée le', item.assignedAt)}
            </>
          ),
        }))}
      />
      <QueueSection
        id="queue-review"
        title="Verdicts à relire"
        empty="Rien à relire pour l’instant."
        entries={queue.toReview.map((item) => ({
          key: item.verdict.id,
          sentence: item.sentence,
          article: item.article,
          details: (
            <>
              {item.verdict.author.name} :{' '}
              <span className="fd-rating font-semibold" data-rating={item.verdict.rating}>
                {ratingLabel(item.verdict.rating)}
              </span>
              {onDate('soumis le', item.verdict.submittedAt)}
            </>
          ),
        }))}
      />
      {mayResolve || queue.toResolve.length > 0 ? (
        <QueueSection
          id="queue-resolve"
          title="Litiges à trancher"
          empty="Aucun litige à trancher pour l’instant."
          entries={queue.toResolve.map((item) => ({
            key: item.sentence.id,
            sentence: item.sentence,
            article: item.article,
            details: SENTENCE_STATE_LABELS[item.state],
          }))}
        />
      ) : null}
    </>
  );
}
