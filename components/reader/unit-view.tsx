// One unit of the text (a sentence, a heading, a paywall notice) as the reader draws it: a
// keyboard-reachable button coloured by its state, its highlights painted as <mark>s from their
// offsets, and the gap of text that follows it. Memoised, see UnitView.
import { useTranslations } from 'next-intl';
import { memo } from 'react';
import { splitIntoSegments } from '@/lib/anchoring/paint';
import type { Rating } from '@/lib/reports/verdict-scale';
import type { SentenceLook } from '@/lib/workflow/sentence-look';
import type { SentenceState } from '@/lib/workflow/sentence-state';
import type { Unit } from './reader-dom';

export interface ReaderAnnotation {
  id: string;
  start: number;
  end: number;
  note: string | null;
  pending: boolean;
  /** Waiting in the device's offline queue under this key (lib/offline/queue.ts). */
  queueKey?: string;
  /** Placed by approximate match after a correction of the text. */
  fuzzy: boolean;
}

/** Same highlights, by identity (they keep it until they change, see refreshAnnotations). */
function sameHighlights(a: ReaderAnnotation[], b: ReaderAnnotation[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

// Memoised: selecting text, opening a panel or adding a highlight re-renders only the
// sentences whose own props changed, not the 2,000 others of a long article.
export const UnitView = memo(
  UnitViewImpl,
  (prev, next) =>
    prev.unit === next.unit &&
    prev.gap === next.gap &&
    prev.rating === next.rating &&
    prev.state === next.state &&
    prev.look === next.look &&
    prev.recheck === next.recheck &&
    prev.selected === next.selected &&
    prev.caret === next.caret &&
    prev.canWrite === next.canWrite &&
    prev.onOpen === next.onOpen &&
    sameHighlights(prev.highlights, next.highlights),
);

function UnitViewImpl({
  unit,
  gap,
  highlights,
  rating,
  state,
  look,
  recheck,
  selected,
  caret,
  canWrite,
  onOpen,
}: {
  unit: Unit;
  gap: string;
  highlights: ReaderAnnotation[];
  /** The published verdict's rating, else my own (drawn only once published: `look`). */
  rating: Rating | null;
  state: SentenceState | null;
  look: SentenceLook | null;
  recheck: boolean;
  selected: boolean;
  /** Selection mode started at this sentence. */
  caret: boolean;
  canWrite: boolean;
  onOpen: (unit: Unit) => void;
}) {
  const t = useTranslations('reader');
  const labels = useTranslations('labels');
  const words: TitleWords = {
    note: (note) => t('unitView.note', { note }),
    fuzzy: t('unitView.fuzzy'),
    lookWithRating: (look, rating) => t('unitView.lookWithRating', { look, rating }),
    recheck: t('unitView.recheck'),
    look: (look) => labels(`look.${look}`),
    rating: (rating) => labels(`rating.${rating}`),
  };
  const segments = splitIntoSegments(unit, highlights);
  const pending = new Set(highlights.filter((h) => h.pending).map((h) => h.id));
  const fuzzy = new Set(highlights.filter((h) => h.fuzzy).map((h) => h.id));
  const noted = new Map(highlights.filter((h) => h.note).map((h) => [h.id, h]));
  const checkable = unit.kind !== 'paywall';
  return (
    <>
      <span
        id={`unit-${unit.id}`}
        className="fd-unit"
        data-kind={unit.kind}
        data-rating={rating ?? undefined}
        data-state={state ?? undefined}
        data-look={look ?? undefined}
        data-recheck={recheck || undefined}
        data-selected={selected}
        data-caret={caret || undefined}
        data-index={unit.index}
        role={checkable ? 'button' : undefined}
        tabIndex={checkable ? 0 : undefined}
        aria-pressed={checkable ? selected : undefined}
        aria-keyshortcuts={checkable ? (canWrite ? 'Enter h s' : 'Enter') : undefined}
        title={unitTitle(look, rating, recheck, words)}
        onClick={() => onOpen(unit)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onOpen(unit);
          }
        }}
      >
        {segments.map((segment) => {
          const text = unit.text.slice(segment.start - unit.start, segment.end - unit.start);
          if (segment.ids.length === 0) {
            return (
              <span key={segment.start} data-start={segment.start}>
                {text}
              </span>
            );
          }
          return (
            <mark
              key={segment.start}
              className="fd-highlight"
              data-start={segment.start}
              data-highlight-ids={segment.ids.join(' ')}
              data-depth={Math.min(segment.ids.length, 2)}
              data-pending={segment.ids.some((id) => pending.has(id))}
              data-anchor={segment.ids.some((id) => fuzzy.has(id)) ? 'fuzzy' : undefined}
              // A highlight's note shows on the text: a mark after its last segment (CSS, out
              // of the text, so selections and offsets are not affected) and the note on hover.
              data-note-end={
                segment.ids.some((id) => noted.get(id)?.end === segment.end) || undefined
              }
              title={markTitle(segment.ids, noted, fuzzy, words)}
            >
              {text}
            </mark>
          );
        })}
      </span>
      {gap ? <span data-start={unit.end}>{gap}</span> : null}
    </>
  );
}

/** The hover texts' words, from the catalogue. */
interface TitleWords {
  note: (note: string) => string;
  fuzzy: string;
  lookWithRating: (look: string, rating: string) => string;
  look: (look: SentenceLook) => string;
  rating: (rating: Rating) => string;
  recheck: string;
}

/** A highlight's hover text: its notes, and whether it was placed approximately. */
function markTitle(
  ids: string[],
  noted: Map<string, ReaderAnnotation>,
  fuzzy: Set<string>,
  words: TitleWords,
): string | undefined {
  const parts = ids.flatMap((id) => {
    const note = noted.get(id)?.note;
    return note ? [words.note(note)] : [];
  });
  if (ids.some((id) => fuzzy.has(id))) {
    parts.push(words.fuzzy);
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** The look in words (the legend's name), with the rating where it is one's own or published. */
function unitTitle(
  look: SentenceLook | null,
  rating: Rating | null,
  recheck: boolean,
  words: TitleWords,
): string | undefined {
  const withRating = look === 'approved' || look === 'draft';
  const parts = [
    look
      ? withRating && rating
        ? words.lookWithRating(words.look(look), words.rating(rating))
        : words.look(look)
      : null,
    recheck ? words.recheck : null,
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text || undefined;
}
