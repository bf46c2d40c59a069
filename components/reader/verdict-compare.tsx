'use client';
// Two versions of my verdict side by side — what I wrote here, and what the server has now
// (written in another tab or on another device) — and the three ways out of the conflict:
// keep mine (sent again on top of theirs), take theirs, or merge both into the form and edit.
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { type Rating } from '@/lib/reports/verdict-scale';
import type { VerdictDto } from '@/lib/server/verdicts/serialize';
import type { SourceDraft } from './sources-editor';

interface Side {
  rating: Rating | null;
  rationale: string;
  sources: { url: string; title: string | null }[];
}

function Version({ title, side, testId }: { title: string; side: Side; testId: string }) {
  const t = useTranslations('reader');
  const labels = useTranslations('labels');
  return (
    <section
      className="min-w-0 rounded-md border border-stone-200 bg-white p-2"
      data-testid={testId}
    >
      <h4 className="text-xs font-semibold uppercase tracking-wide text-stone-500">{title}</h4>
      <p className="mt-1 font-semibold">{side.rating ? labels(`rating.${side.rating}`) : '—'}</p>
      <p className="mt-1 whitespace-pre-line break-words text-stone-700">
        {side.rationale || (
          <span className="text-stone-400">{t('verdictCompare.noRationale')}</span>
        )}
      </p>
      {side.sources.length > 0 ? (
        <ul className="mt-1 list-disc pl-4 text-xs text-stone-700">
          {side.sources.map((source, i) => (
            <li key={i} className="[overflow-wrap:anywhere]">
              {source.title || source.url}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-stone-400">{t('verdictCompare.noSources')}</p>
      )}
    </section>
  );
}

export function VerdictCompare({
  mine,
  current,
  busy,
  onKeepMine,
  onTakeTheirs,
  onMerge,
}: {
  mine: { rating: Rating | null; rationale: string; sources: SourceDraft[] };
  current: VerdictDto;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: () => void;
}) {
  const t = useTranslations('reader');
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm"
      role="group"
      aria-label={t('verdictCompare.label')}
      data-testid="verdict-compare"
    >
      <p className="mb-2 text-amber-950">
        {t('verdictCompare.intro', { version: String(current.version) })}
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        <Version
          title={t('verdictCompare.mine')}
          testId="compare-mine"
          side={{
            rating: mine.rating,
            rationale: mine.rationale,
            sources: mine.sources.filter((s) => s.url.trim()),
          }}
        />
        <Version
          title={t('verdictCompare.current', { version: String(current.version) })}
          testId="compare-current"
          side={current}
        />
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button onClick={onKeepMine} disabled={busy || mine.rating === null}>
          {t('verdictCompare.keepMine')}
        </Button>
        <Button variant="secondary" onClick={onTakeTheirs} disabled={busy}>
          {t('verdictCompare.takeTheirs')}
        </Button>
        <Button variant="secondary" onClick={onMerge} disabled={busy}>
          {t('verdictCompare.merge')}
        </Button>
      </div>
    </div>
  );
}
