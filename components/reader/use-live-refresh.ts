'use client';
// What the reader does with teammates' changes as they arrive (use-live-article.ts): refetch
// what an event touches (highlights, a sentence's state, the agreement), reload the page for a
// new title or text, refresh the open panel, and say who did what; after a dropped stream,
// refetch everything.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, type Dispatch, type SetStateAction } from 'react';
import { apiFetch } from '@/lib/api/client';
import type { ReportAgreement } from '@/lib/reports';
import type { SentenceDetail } from '@/lib/server/sentences/get-sentence';
import type { SentenceSummary } from '@/lib/server/verdicts/list-sentence-states';
import { auditActionLabel } from '@/lib/workflow/audit-labels';
import { useLiveArticle, type LiveEvent } from './use-live-article';

export interface LiveRefreshOptions {
  articleId: string;
  currentUserId: string;
  /** The sentence whose panel is open. */
  selectedId: string | null;
  indexOf: ReadonlyMap<string, number>;
  refreshAnnotations: () => Promise<void>;
  setStates: Dispatch<SetStateAction<Record<string, SentenceSummary>>>;
  setAgreement: (agreement: ReportAgreement) => void;
  /** Bumped to make the open panel refetch. */
  setPanelVersion: Dispatch<SetStateAction<number>>;
  setMessage: (message: string) => void;
}

export function useLiveRefresh({
  articleId,
  currentUserId,
  selectedId,
  indexOf,
  refreshAnnotations,
  setStates,
  setAgreement,
  setPanelVersion,
  setMessage,
}: LiveRefreshOptions) {
  const router = useRouter();
  const t = useTranslations('reader');
  const audit = useTranslations('audit');

  const refreshSentence = useCallback(
    async (sentenceId: string) => {
      const detail = await apiFetch<SentenceDetail>(`/api/v1/sentences/${sentenceId}`);
      if (detail.sentence.kind === 'sentence') {
        setStates((all) => ({ ...all, [sentenceId]: detail.summary }));
      }
    },
    [setStates],
  );

  const refreshAgreement = useCallback(async () => {
    setAgreement(await apiFetch<ReportAgreement>(`/api/v1/articles/${articleId}/agreement`));
  }, [articleId, setAgreement]);

  const onLiveEvent = useCallback(
    (event: LiveEvent) => {
      const quiet = () => {};
      if (event.entity === 'annotation') void refreshAnnotations().catch(quiet);
      // A rename or a new version of the text: the page reloads its data (a new text version
      // remounts the reader, see app/(app)/articles/[id]/page.tsx).
      if (event.entity === 'article') router.refresh();
      if (event.sentenceId && event.entity !== 'annotation') {
        void refreshSentence(event.sentenceId).catch(quiet);
        if (event.entity === 'verdict' || event.entity === 'sentence') {
          void refreshAgreement().catch(quiet);
        }
      }
      if (event.sentenceId && event.sentenceId === selectedId) setPanelVersion((v) => v + 1);
      if (event.actor && event.actor.id !== currentUserId) {
        const actor = event.actor.name;
        const action = auditActionLabel(audit, event.type);
        setMessage(
          event.sentenceId && indexOf.has(event.sentenceId)
            ? t('live.eventInSentence', {
                actor,
                action,
                number: String(indexOf.get(event.sentenceId)! + 1),
              })
            : t('live.event', { actor, action }),
        );
      }
    },
    [
      refreshAnnotations,
      refreshSentence,
      refreshAgreement,
      router,
      selectedId,
      currentUserId,
      indexOf,
      setPanelVersion,
      setMessage,
      t,
      audit,
    ],
  );

  const onResync = useCallback(() => {
    const quiet = () => {};
    void refreshAnnotations().catch(quiet);
    void refreshAgreement().catch(quiet);
    void apiFetch<{ states: Record<string, SentenceSummary> }>(
      `/api/v1/articles/${articleId}/sentence-states`,
    )
      .then((body) => setStates(body.states))
      .catch(quiet);
    setPanelVersion((v) => v + 1);
  }, [refreshAnnotations, refreshAgreement, articleId, setStates, setPanelVersion]);

  const { viewers, suspended, reconnect } = useLiveArticle(articleId, {
    onEvent: onLiveEvent,
    onResync,
  });
  return { viewers, suspended, reconnect };
}
