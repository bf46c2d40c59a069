'use client';
// Threaded comments on a sentence or on one of its highlights. Everyone in the team comments;
// authors edit and delete their own, editors and owners delete any.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { Field, TextArea } from '@/components/ui/field';
import { useAction } from '@/components/ui/use-action';
import { ApiError, apiFetch, apiMessageOr, QueuedOffline } from '@/lib/api/client';
import type { AnnotationDto } from '@/lib/server/annotations/serialize';
import type { CommentDto } from '@/lib/server/comments/serialize';
import { useFormatDate } from './verdict-status';

interface ThreadProps {
  sentenceId: string;
  language: string;
  comments: CommentDto[];
  highlights: AnnotationDto[];
  currentUserId: string;
  canModerate: boolean;
  onChanged: () => Promise<void>;
}

function quoteOf(highlight: AnnotationDto): string {
  const quote = highlight.target.selector.find((s) => s.type === 'TextQuoteSelector');
  return quote && 'exact' in quote ? quote.exact : '';
}

export function CommentsThread(props: ThreadProps) {
  const t = useTranslations('reader');
  const { comments } = props;
  const roots = comments.filter((c) => c.parentId === null);
  const repliesOf = (id: string) => comments.filter((c) => c.parentId === id);
  return (
    <section aria-labelledby={`comments-${props.sentenceId}`}>
      <h3
        id={`comments-${props.sentenceId}`}
        className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-500"
      >
        {t('comments.title', { count: comments.filter((c) => !c.deleted).length })}
      </h3>
      {roots.length === 0 ? (
        <p className="text-sm text-stone-500">{t('comments.empty')}</p>
      ) : (
        <ul className="space-y-2" aria-label={t('comments.thread')}>
          {roots.map((comment) => (
            <CommentItem key={comment.id} comment={comment} repliesOf={repliesOf} {...props} />
          ))}
        </ul>
      )}
      <NewComment {...props} />
    </section>
  );
}

function CommentItem({
  comment,
  repliesOf,
  ...props
}: ThreadProps & { comment: CommentDto; repliesOf: (id: string) => CommentDto[] }) {
  const t = useTranslations('reader');
  const formatDate = useFormatDate();
  const [mode, setMode] = useState<'view' | 'edit' | 'reply'>('view');
  const [text, setText] = useState('');
  const replies = repliesOf(comment.id);
  const highlight = comment.annotationId
    ? props.highlights.find((h) => h.id === comment.annotationId)
    : undefined;
  const isMine = comment.author.id === props.currentUserId;
  const [confirm, confirmDialog] = useConfirm();

  const {
    run,
    pending: busy,
    error,
  } = useAction(
    async (url: string, method: string, body: object) => {
      await apiFetch(url, { method, body: JSON.stringify(body) });
      setMode('view');
      setText('');
      await props.onChanged();
    },
    { message: apiMessageOr(t('shared.actionFailed')) },
  );

  return (
    <li className="rounded-md border border-stone-200 p-2 text-sm">
      {confirmDialog}
      {highlight && comment.parentId === null ? (
        <p className="mb-1 text-xs text-stone-500">
          {t.rich('comments.onHighlight', {
            quote: quoteOf(highlight),
            q: (chunks) => (
              <q lang={props.language} className="font-serif">
                {chunks}
              </q>
            ),
          })}
        </p>
      ) : null}
      <p className="text-xs text-stone-500">
        <span className="font-medium text-stone-800">{comment.author.name}</span> ·{' '}
        {formatDate(comment.createdAt)}
        {comment.edited ? ` · ${t('comments.edited')}` : ''}
      </p>
      {comment.deleted ? (
        <p className="italic text-stone-500">{t('comments.deleted')}</p>
      ) : mode === 'edit' ? (
        <form
          className="mt-1 space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            void run(`/api/v1/comments/${comment.id}`, 'PATCH', {
              body: text,
              version: comment.version,
            });
          }}
        >
          <Field label={t('comments.editLabel')}>
            <TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={busy}>
              {t('comments.save')}
            </Button>
            <Button variant="secondary" onClick={() => setMode('view')}>
              {t('shared.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <p className="mt-0.5 whitespace-pre-line text-stone-800">{comment.body}</p>
      )}
      {!comment.deleted && mode === 'view' ? (
        <div className="mt-1 flex flex-wrap gap-1">
          <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={() => setMode('reply')}>
            {t('comments.replyTo', { name: comment.author.name })}
          </Button>
          {isMine ? (
            <Button
              variant="ghost"
              className="px-2 py-0.5 text-xs"
              onClick={() => {
                setText(comment.body ?? '');
                setMode('edit');
              }}
            >
              {t('comments.edit')}
            </Button>
          ) : null}
          {isMine || props.canModerate ? (
            <Button
              variant="danger"
              className="px-2 py-0.5 text-xs"
              disabled={busy}
              onClick={() => {
                void confirm({
                  title: t('comments.confirmTitle'),
                  body: t('comments.confirmBody'),
                  confirmLabel: t('shared.delete'),
                }).then((yes) => {
                  if (yes) {
                    void run(`/api/v1/comments/${comment.id}`, 'DELETE', {
                      version: comment.version,
                    });
                  }
                });
              }}
            >
              {t('shared.delete')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {mode === 'reply' ? (
        <form
          className="mt-2 space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            void run(`/api/v1/sentences/${props.sentenceId}/comments`, 'POST', {
              body: text,
              parentId: comment.id,
            });
          }}
        >
          <Field label={t('comments.replyLabel', { name: comment.author.name })}>
            <TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" disabled={busy || text.trim() === ''}>
              {t('comments.reply')}
            </Button>
            <Button variant="secondary" onClick={() => setMode('view')}>
              {t('shared.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {replies.length > 0 ? (
        <ul className="mt-2 space-y-2 border-l-2 border-stone-200 pl-3">
          {replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} repliesOf={repliesOf} {...props} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function NewComment(props: ThreadProps) {
  const t = useTranslations('reader');
  const [body, setBody] = useState('');
  const [target, setTarget] = useState('');
  const {
    run,
    pending: busy,
    error,
  } = useAction(
    async () => {
      try {
        await apiFetch(`/api/v1/sentences/${props.sentenceId}/comments`, {
          method: 'POST',
          body: JSON.stringify({ body, ...(target ? { annotationId: target } : {}) }),
          offline: { label: t('comments.offlineLabel') },
        });
      } catch (e) {
        // Kept on this device: the text leaves the box, and the message says where it went.
        if (e instanceof QueuedOffline) setBody('');
        throw e;
      }
      setBody('');
      await props.onChanged();
    },
    {
      message: (e) =>
        e instanceof QueuedOffline
          ? e.message
          : e instanceof ApiError
            ? e.message
            : t('comments.notSent'),
    },
  );

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    void run();
  }

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-2" aria-label={t('comments.newLabel')}>
      <Field label={t('comments.add')}>
        <TextArea rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      {props.highlights.length > 0 ? (
        <Field label={t('comments.about')}>
          <select
            className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{t('comments.aboutSentence')}</option>
            {props.highlights.map((h) => (
              <option key={h.id} value={h.id}>
                {t('comments.aboutHighlight', { quote: quoteOf(h).slice(0, 60) })}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={busy || body.trim() === ''}>
        {t('comments.submit')}
      </Button>
    </form>
  );
}
