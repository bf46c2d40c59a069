// The periodic link check (graphile-worker cron task `link_check`, daily by default: README
// "Source archive"): re-fetches the archived sources that published verdicts cite and flags
// them — `dead` when the address answers 4xx/5xx or no longer resolves, `changed` when less than
// LINK_CHECK_SAME_TEXT of the archived text is still there — on the article and in « Ma file »
// for the verdict's author. A batch per run (LINK_CHECK_BATCH), oldest check first, so one run's
// work is bounded whatever the archive's size.
import 'server-only';
import { prisma } from '@/lib/db';
import { logger } from '@/lib/server/log';
import { wholeNumber } from '@/lib/server/settings';
import { fetchForArchive } from './archive';
import { touchPagesCiting } from './snapshots';

/** Share of the archived words (counted with repeats) still found at the address. */
export const LINK_CHECK_SAME_TEXT = 0.9;

export function linkCheckBatch(): number {
  return wholeNumber('LINK_CHECK_BATCH', 200);
}

/** Hours before a checked source is checked again. */
export function linkCheckEveryHours(): number {
  return wholeNumber('LINK_CHECK_EVERY_HOURS', 24);
}

const WORDS = new Intl.Segmenter('und', { granularity: 'word' });

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { segment, isWordLike } of WORDS.segment(text.toLocaleLowerCase())) {
    if (isWordLike) counts.set(segment, (counts.get(segment) ?? 0) + 1);
  }
  return counts;
}

/**
 * How much of `archived` is still in `current`: the share of its words (with repeats) found
 * there, 0..1; 1 when the archive has no text to compare.
 */
export function sameTextShare(archived: string, current: string): number {
  const before = wordCounts(archived);
  let total = 0;
  for (const count of before.values()) total += count;
  if (total === 0) return 1;
  const after = wordCounts(current);
  let kept = 0;
  for (const [word, count] of before) kept += Math.min(count, after.get(word) ?? 0);
  return kept / total;
}

export interface LinkCheckSummary {
  checked: number;
  dead: number;
  changed: number;
}

/** One run: the due sources cited by published verdicts, `batch` at most. */
export async function runLinkCheck(
  options: { batch?: number; everyHours?: number; now?: Date } = {},
): Promise<LinkCheckSummary> {
  const batch = options.batch ?? linkCheckBatch();
  const hours = options.everyHours ?? linkCheckEveryHours();
  const now = options.now ?? new Date();
  const due = await prisma.$queryRaw<{ id: string; url: string; sha256: string; text: string }[]>`
    SELECT snap.id, snap.url, snap.sha256, coalesce(snap.text, '') AS text
      FROM source_snapshots snap
     WHERE snap.status = 'archived'
       AND (snap.checked_at IS NULL
            OR snap.checked_at < ${now}::timestamptz - make_interval(hours => ${hours}::int))
       AND EXISTS (SELECT 1
                     FROM published_verdicts p
                     JOIN sentences s ON s.id = p.sentence_id
                     JOIN articles a ON a.id = s.article_id
                    WHERE a.team_id = snap.team_id
                      AND p.sources @> jsonb_build_array(jsonb_build_object('url', snap.url)))
     ORDER BY snap.checked_at NULLS FIRST, snap.id
     LIMIT ${batch}::int`;
  const summary: LinkCheckSummary = { checked: 0, dead: 0, changed: 0 };
  for (const snapshot of due) {
    const fetched = await fetchForArchive(snapshot.url);
    summary.checked += 1;
    if (!fetched.ok) {
      // A timeout says nothing about the page: checked again next time, state kept.
      const dead = fetched.reason !== 'timeout';
      if (dead) summary.dead += 1;
      await prisma.sourceSnapshot.update({
        where: { id: snapshot.id },
        data: {
          checkedAt: now,
          checkStatus: fetched.status,
          ...(dead ? { checkState: 'dead', checkSimilarity: null } : {}),
        },
      });
      if (dead) await touchPagesCiting(snapshot.id);
      continue;
    }
    const share =
      fetched.sha256 === snapshot.sha256 ? 1 : sameTextShare(snapshot.text, fetched.text);
    const changed = share < LINK_CHECK_SAME_TEXT;
    if (changed) summary.changed += 1;
    await prisma.sourceSnapshot.update({
      where: { id: snapshot.id },
      data: {
        checkedAt: now,
        checkStatus: fetched.status,
        checkState: changed ? 'changed' : 'ok',
        checkSimilarity: share,
      },
    });
    if (changed) await touchPagesCiting(snapshot.id);
  }
  logger.info(summary, 'link check');
  return summary;
}
