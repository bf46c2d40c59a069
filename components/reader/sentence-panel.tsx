'use client';
// Side panel for one sentence: its state and assignee, the published verdict, its highlights,
// my verdict (form and submission), teammates' verdicts with review actions, the editor's
// settlement of a dispute, comments and history. Reloaded (not remounted) when a teammate
// changes something, so what I am typing survives live updates.
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError, apiFetch } from '@/lib/api/client';
import { can, type Role } from '@/lib/permissions';
import type { SentenceDetail } from '@/lib/server/sentences/get-sentence';
import type { SentenceSummary } from '@/lib/server/verdicts/list-sentence-states';
import type { VerdictDto } from '@/lib/server/verdicts/serialize';
import { sentenceAnchor } from '@/lib/workflow/sentence-link';
import { AssigneePicker } from './assignee-picker';
import { CommentsThread } from './comments-thread';
import { CopyLinkButton } from './copy-link-button';
import { HighlightItem } from './highlight-item';
import { ResolveForm } from './resolve-form';
import { ReviewActions } from './review-actions';
import { SentenceHistory } from './sentence-history';
import { ClaimMatches } from './claim-matches';
import { SourceArchiveNote, SourceArchivesContext } from './source-archive-note';
import { VerdictForm } from './verdict-form';
import { useFormatDate, VerdictStatusLine } from './verdict-status';

/** Every sentence this page loaded, for working on when the server cannot be reached. */
const loaded = new Map<string, SentenceDetail>();

function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 503);
}

export interface TeamMember {
  id: string;
  name: string;
  role: Role;
}

export function SentencePanel({
  sentenceId,
  language,
  role,
  members,
  currentUser,
  refreshKey,
  unit,
  onClose,
  onSummary,
  onHighlightsChanged,
}: {
  sentenceId: string;
  /** What the reader knows of the sentence, shown when it cannot be loaded (offline). */
  unit?: { index: number; text: string; kind: string };
  language: string;
  role: Role;
  members: TeamMember[];
  currentUser: { id: string; name: string };
  /** Bumped by the reader when a live event touches this sentence. */
  refreshKey: number;
  onClose: () => void;
  onSummary: (summary: SentenceSummary) => void;
  /** A highlight's note changed or it was deleted: the reader repaints. */
  onHighlightsChanged: () => Promise<void>;
}) {
  const t = useTranslations('reader');
  const labels = useTranslations('labels');
  const [detail, setDetail] = useState<SentenceDetail | null>(null);
  const archives = useMemo(
    () => new Map((detail?.archives ?? []).map((archive) => [archive.url, archive])),
    [detail],
  );
  const [error, setError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  const url = `/api/v1/sentences/${sentenceId}`;

  const [offline, setOffline] = useState(false);

  const show = useCallback(
    (next: SentenceDetail) => {
      loaded.set(sentenceId, next);
      setDetail(next);
      setError(null);
      setOffline(false);
      onSummary(next.summary);
    },
    [sentenceId, onSummary],
  );
  // The server cannot be reached: the panel keeps working on what this page last loaded (or,
  // for a sentence never opened, on its text alone); writes wait in the device's queue.
  const fail = useCallback(
    (e: unknown) => {
      if (isUnreachable(e)) {
        setOffline(true);
        setError(null);
        setDetail((shown) => shown ?? loaded.get(sentenceId) ?? null);
      } else {
        setError(e instanceof ApiError ? e.message : t('sentencePanel.loadFailed'));
      }
    },
    [sentenceId, t],
  );

  const reload = useCallback(async () => {
    try {
      show(await apiFetch<SentenceDetail>(url));
    } catch (e) {
      fail(e);
    }
  }, [url, show, fail]);

  // Loaded on open, and again whenever the reader says a teammate changed this sentence.
  useEffect(() => {
    let live = true;
    apiFetch<SentenceDetail>(url).then(
      (next) => {
        if (live) show(next);
      },
      (e: unknown) => {
        if (live) fail(e);
      },
    );
    return () => {
      live = false;
    };
  }, [url, show, fail, refreshKey]);

  useEffect(() => {
    if (detail && !focused.current) {
      focused.current = true;
      headingRef.current?.focus({ preventScroll: true });
    }
  }, [detail]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const mine = detail?.verdicts.find((v) => v.author.id === currentUser.id) ?? null;
  const others = detail?.verdicts.filter((v) => v.author.id !== currentUser.id) ?? [];
  const disputed = detail?.state === 'disputed';
  const reviewersAvailable = members.some(
    (m) => m.id !== currentUser.id && can(m.role, 'verdict.review'),
  );

  return (
    <section
      className="rounded-xl border border-stone-200 bg-white shadow-sm"
      aria-labelledby="panel-title"
    >
      {/* Sticky in the bottom sheet (narrow screens), so its close button stays in reach. */}
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-100 bg-white px-4 py-3 max-lg:sticky max-lg:top-0 max-lg:z-10 max-lg:rounded-t-xl">
        <h2 id="panel-title" ref={headingRef} tabIndex={-1} className="text-sm font-semibold">
          {/* The number the reports and #sentence-N links use (lib/workflow/sentence-link.ts). */}
          {detail
            ? t('shared.sentenceNumber', { number: String(detail.sentence.index + 1) })
            : t('sentencePanel.title')}
        </h2>
        {detail && detail.sentence.kind === 'sentence' ? (
          <span
            className="fd-state rounded px-1.5 py-0.5 text-xs font-medium"
            data-state={detail.state}
            data-testid="sentence-state"
          >
            {labels(`sentenceState.${detail.state}`)}
          </span>
        ) : null}
        {detail ? (
          <CopyLinkButton
            fragment={sentenceAnchor(detail.sentence.index)}
            what={t('sentencePanel.copyWhat', { number: String(detail.sentence.index + 1) })}
          />
        ) : null}
        <Button
          variant="ghost"
          className="ml-auto"
          onClick={onClose}
          aria-label={t('sentencePanel.close')}
        >
          ✕
        </Button>
      </div>
      <div className="space-y-5 p-4">
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        {offline ? (
          <p
            role="status"
            className="rounded-md bg-amber-50 px-2 py-1.5 text-sm text-amber-950"
            data-testid="panel-offline"
          >
            {detail ? t('sentencePanel.offlineLoaded') : t('sentencePanel.offlineNotLoaded')}
          </p>
        ) : null}
        {!detail && offline && unit && unit.kind === 'sentence' ? (
          <>
            <blockquote
              lang={language}
              className="border-l-4 border-stone-300 pl-3 font-serif text-stone-800"
            >
              {unit.text}
            </blockquote>
            {can(role, 'verdict.write') ? (
              <VerdictForm
                sentenceId={sentenceId}
                sentenceText={unit.text}
                language={language}
                userId={currentUser.id}
                mine={null}
                reviewersAvailable={reviewersAvailable}
                onChanged={reload}
              />
            ) : null}
            <CommentsThread
              sentenceId={sentenceId}
              language={language}
              comments={[]}
              highlights={[]}
              currentUserId={currentUser.id}
              canModerate={can(role, 'comment.moderate')}
              onChanged={reload}
            />
          </>
        ) : !detail ? (
          <p className="text-sm text-stone-500">{t('shared.loading')}</p>
        ) : (
          <SourceArchivesContext value={archives}>
            <blockquote
              lang={language}
              className="border-l-4 border-stone-300 pl-3 font-serif text-stone-800"
            >
              {detail.sentence.text}
            </blockquote>

            {detail.summary.needsRecheck ? (
              <p
                className="rounded-md bg-amber-50 px-2 py-1.5 text-sm text-amber-900"
                data-testid="needs-recheck"
              >
                {t('sentencePanel.needsRecheck')}
              </p>
            ) : null}
            {detail.sentence.kind === 'sentence' &&
            detail.sentence.checkworthinessReasons.length > 0 ? (
              <p className="text-xs text-stone-600">
                {t('sentencePanel.priority', {
                  score: detail.sentence.checkworthiness.toFixed(2),
                  reasons: detail.sentence.checkworthinessReasons
                    .map((reason) => labels(`triageReason.${reason}`))
                    .join(', '),
                })}
              </p>
            ) : null}
            {detail.sentence.kind === 'sentence' ? (
              <AssigneePicker
                sentenceId={sentenceId}
                assignee={detail.sentence.assignee}
                members={members}
                canAssign={can(role, 'sentence.assign')}
                onChanged={reload}
              />
            ) : null}

            {detail.finalVerdict ? <FinalVerdict detail={detail} /> : null}
            {detail.sentence.kind === 'sentence' ? (
              <ClaimMatches
                sentenceId={sentenceId}
                canReuse={can(role, 'verdict.write') && !mine}
                onReused={() => void reload()}
              />
            ) : null}

            {detail.highlights.length > 0 ? (
              <div>
                <h3
                  id="panel-highlights"
                  className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-500"
                >
                  {t('sentencePanel.highlights', { count: detail.highlights.length })}
                </h3>
                <ul aria-labelledby="panel-highlights" className="space-y-2 text-sm">
                  {detail.highlights.map((h) => (
                    <HighlightItem
                      key={`${h.id}-${h.version}`}
                      highlight={h}
                      language={language}
                      canChange={
                        can(role, 'annotation.moderate') ||
                        (h.author.id === currentUser.id && can(role, 'annotation.update'))
                      }
                      onChanged={onHighlightsChanged}
                    />
                  ))}
                </ul>
              </div>
            ) : null}

            {detail.sentence.kind !== 'sentence' ? (
              <p className="text-sm text-stone-500">{t('sentencePanel.noVerdictForKind')}</p>
            ) : can(role, 'verdict.write') ? (
              <VerdictForm
                sentenceId={sentenceId}
                sentenceText={detail.sentence.text}
                language={language}
                userId={currentUser.id}
                mine={mine}
                reviewersAvailable={reviewersAvailable}
                onChanged={reload}
              />
            ) : (
              <p className="text-sm text-stone-500">{t('sentencePanel.readOnly')}</p>
            )}

            {detail.sentence.kind === 'sentence' ? (
              <div>
                <h3
                  id="panel-team-verdicts"
                  className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-500"
                >
                  {t('sentencePanel.teamVerdicts')}
                </h3>
                {disputed ? (
                  <p className="mb-2 rounded-md bg-red-50 px-2 py-1.5 text-sm text-red-900">
                    {detail.canResolve
                      ? t('sentencePanel.disputedCanResolve')
                      : t('sentencePanel.disputedWait')}
                  </p>
                ) : null}
                {others.length === 0 ? (
                  <p className="text-sm text-stone-500">{t('sentencePanel.noTeamVerdicts')}</p>
                ) : (
                  <ul aria-labelledby="panel-team-verdicts" className="space-y-3">
                    {others.map((verdict) => (
                      <TeammateVerdict
                        key={verdict.id}
                        verdict={verdict}
                        sentenceId={sentenceId}
                        disputed={disputed}
                        role={role}
                        canResolve={detail.canResolve}
                        onChanged={reload}
                      />
                    ))}
                  </ul>
                )}
                {disputed && can(role, 'dispute.resolve') ? (
                  <div className="mt-3">
                    <ResolveForm
                      sentenceId={sentenceId}
                      onChanged={reload}
                      canResolve={detail.canResolve}
                      resolveRefusal={detail.resolveRefusal}
                    />
                  </div>
                ) : null}
              </div>
            ) : null}

            <CommentsThread
              sentenceId={sentenceId}
              language={language}
              comments={detail.comments}
              highlights={detail.highlights}
              currentUserId={currentUser.id}
              canModerate={can(role, 'comment.moderate')}
              onChanged={reload}
            />
            <SentenceHistory sentenceId={sentenceId} refreshKey={refreshKey} />
          </SourceArchivesContext>
        )}
      </div>
    </section>
  );
}

function FinalVerdict({ detail }: { detail: SentenceDetail }) {
  const t = useTranslations('reader');
  const formatDate = useFormatDate();
  const labels = useTranslations('labels');
  const final = detail.finalVerdict!;
  return (
    <div
      className="rounded-md border border-green-200 bg-green-50/60 p-3 text-sm"
      data-testid="final-verdict"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-green-900">
        {t('sentencePanel.published')}
      </p>
      <p className="mt-1">
        <span className="fd-rating font-semibold" data-rating={final.rating}>
          {labels(`rating.${final.rating}`)}
        </span>
      </p>
      {final.claim.summary || final.claim.claimant ? (
        <p className="mt-1 text-xs text-stone-700" data-testid="final-claim">
          {final.claim.summary ? `« ${final.claim.summary} »` : null}
          {final.claim.summary && final.claim.claimant ? ' — ' : null}
          {final.claim.claimant
            ? t('sentencePanel.claimant', { name: final.claim.claimant })
            : null}
        </p>
      ) : null}
      {final.rationale ? <p className="mt-1 whitespace-pre-line">{final.rationale}</p> : null}
      <SourceList sources={final.sources} />
      <p className="mt-1 text-xs text-stone-600">
        {final.isResolution
          ? t('sentencePanel.resolvedBy', {
              author: final.author?.name ?? '—',
              date: formatDate(final.approvedAt),
            })
          : t('sentencePanel.approvedBy', {
              author: final.author?.name ?? '—',
              approver: final.approvedBy?.name ?? '—',
              date: formatDate(final.approvedAt),
            })}
      </p>
    </div>
  );
}

function SourceList({ sources }: { sources: VerdictDto['sources'] }) {
  if (sources.length === 0) return null;
  return (
    <ul className="mt-1 list-disc pl-5 text-stone-700">
      {sources.map((source, i) => (
        <li key={i} className="[overflow-wrap:anywhere]">
          <a
            href={source.url}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-blue-700 underline"
          >
            {source.title ?? source.url}
          </a>
          {source.publisher ? ` — ${source.publisher}` : ''}
          <SourceArchiveNote url={source.url} />
        </li>
      ))}
    </ul>
  );
}

function TeammateVerdict({
  verdict,
  sentenceId,
  disputed,
  role,
  canResolve,
  onChanged,
}: {
  verdict: VerdictDto;
  sentenceId: string;
  disputed: boolean;
  role: Role;
  /** May settle this sentence's dispute (an editor or owner who did not rate it). */
  canResolve: boolean;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations('reader');
  const labels = useTranslations('labels');
  return (
    <li className="rounded-md border border-stone-200 p-2 text-sm">
      <p>
        {t.rich('sentencePanel.teammateVerdict', {
          name: verdict.author.name,
          label: labels(`rating.${verdict.rating}`),
          author: (chunks) => <span className="font-medium">{chunks}</span>,
          rating: (chunks) => (
            <span className="fd-rating font-semibold" data-rating={verdict.rating}>
              {chunks}
            </span>
          ),
        })}
      </p>
      <VerdictStatusLine verdict={verdict} />
      {verdict.rationale ? (
        <p className="mt-1 whitespace-pre-line text-stone-700">{verdict.rationale}</p>
      ) : null}
      <SourceList sources={verdict.sources} />
      {verdict.status === 'submitted' && can(role, 'verdict.review') ? (
        <ReviewActions
          verdict={verdict}
          sentenceId={sentenceId}
          disputed={disputed}
          canResolve={canResolve}
          onChanged={onChanged}
        />
      ) : null}
    </li>
  );
}
