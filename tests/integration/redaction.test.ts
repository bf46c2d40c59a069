// What the audit trail, the live streams and the exports let out (issue 11, findings 3 and 10):
// a teammate's draft verdict reaches nobody but its author — not through the sentence history,
// the team journal, a live notice, a report or an export — and a deleted comment's text is
// gone from the history, the journal and the stored audit payloads. The facts stay: who did
// what, when.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db';
import {
  exportAnnotationCollection,
  streamAnnotationCollection,
} from '@/lib/server/annotations/export-annotation-collection';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { LIVE_CHANNEL } from '@/lib/server/audit/record-audit';
import { createComment } from '@/lib/server/comments/create-comment';
import { deleteComment } from '@/lib/server/comments/delete-comment';
import { updateComment } from '@/lib/server/comments/update-comment';
import { AppError } from '@/lib/server/errors';
import { openArticleStream } from '@/lib/server/live/open-article-stream';
import { getReport, getReportData, type RenderedReport } from '@/lib/server/reports/get-report';
import { getTeamReport } from '@/lib/server/reports/get-team-report';
import { getSentence } from '@/lib/server/sentences/get-sentence';
import { getSentenceHistory } from '@/lib/server/sentences/get-sentence-history';
import { listTeamAudit } from '@/lib/server/teams/list-team-audit';
import { resolveDispute } from '@/lib/server/verdicts/resolve-dispute';
import { approveVerdict, rejectVerdict } from '@/lib/server/verdicts/review-verdict';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { submitVerdict } from '@/lib/server/verdicts/submit-verdict';
import { approved, makeNewsroom, submitted } from './fixtures';

const BASE_URL = 'http://localhost:3000';

/** A draft whose every content field carries `marker`, so any leak of it can be searched for. */
function draftInput(marker: string, rating = 'misleading') {
  return {
    rating,
    rationale: `Justification ${marker} : le chiffre est gonflé.`,
    sources: [{ url: `https://brouillon.example.org/${marker}`, title: `Piste ${marker}` }],
  };
}

const CONTENT_KEYS = ['rating', 'rationale', 'sources'];

interface Event {
  action: string;
  entity: string;
  actor: { id: string } | null;
  before: unknown;
  after: unknown;
}

/** Every verdict event side of `events` holds no content: only its facts, marked redacted. */
function expectNoVerdictContent(events: Event[]) {
  for (const event of events.filter((e) => e.entity === 'verdict')) {
    for (const side of [event.before, event.after]) {
      if (side === null) continue;
      expect(Object.keys(side as object).filter((k) => CONTENT_KEYS.includes(k))).toEqual([]);
      expect(side).toMatchObject({ redacted: true });
    }
  }
}

async function newsroomWithClaim() {
  const room = await makeNewsroom();
  const claim = room.sentences.find((s) => s.text.includes('cinq millions'))!;
  const other = room.sentences.find((s) => s.kind === 'sentence' && s.id !== claim.id)!;
  return { ...room, claim, other };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const textOf = async (body: RenderedReport['body']) =>
  typeof body === 'string' ? body : new Response(body).text();

describe('a teammate’s draft (finding 3)', () => {
  it('stays out of the sentence history for everyone but its author, who reads it', async () => {
    const { owner, editor, reviewer, reviewer2, viewer, claim } = await newsroomWithClaim();
    const first = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: draftInput('d1a9-premier'),
    });
    await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { ...draftInput('d1a9-second', 'false'), version: first.version },
    });

    for (const reader of [viewer, reviewer2, editor, owner]) {
      const events = await getSentenceHistory({ userId: reader.id, sentenceId: claim.id });
      expect(JSON.stringify(events)).not.toContain('d1a9');
      // The facts stay: who saved a draft, when, which version.
      expect(events.map((e) => [e.action, e.actor?.id])).toEqual([
        ['verdict.create', reviewer.id],
        ['verdict.update', reviewer.id],
      ]);
      expect(events[1]!.after).toEqual({ status: 'draft', version: 2, redacted: true });
      expectNoVerdictContent(events);
    }

    const mine = await getSentenceHistory({ userId: reviewer.id, sentenceId: claim.id });
    expect(mine[0]!.after).toMatchObject({
      rating: 'misleading',
      rationale: expect.stringContaining('d1a9-premier'),
      sources: ['https://brouillon.example.org/d1a9-premier'],
    });
    expect(mine[1]).toMatchObject({
      before: { rating: 'misleading', status: 'draft' },
      after: { rating: 'false', status: 'draft', version: 2 },
    });
  });

  it('stays out of the team journal, owners included; an owner reads their own', async () => {
    const { owner, reviewer, claim, other, team } = await newsroomWithClaim();
    await setVerdict({ userId: reviewer.id, sentenceId: claim.id, input: draftInput('7be2') });
    await setVerdict({ userId: owner.id, sentenceId: other.id, input: draftInput('c0de', 'true') });

    const { events } = await listTeamAudit({ userId: owner.id, teamId: team.id, query: {} });
    expect(JSON.stringify(events)).not.toContain('7be2');
    const theirs = events.find((e) => e.entity === 'verdict' && e.actor?.id === reviewer.id)!;
    expect(theirs).toMatchObject({
      action: 'verdict.create',
      sentenceId: claim.id,
      after: { status: 'draft', version: 1, redacted: true },
    });
    expectNoVerdictContent([theirs]);
    const own = events.find((e) => e.entity === 'verdict' && e.actor?.id === owner.id)!;
    expect(own.after).toMatchObject({ rating: 'true', rationale: expect.stringContaining('c0de') });
  });

  it('shows the submitted content once submitted, and keeps the draft states before it private', async () => {
    const { editor, reviewer, reviewer2, viewer, claim, team, owner } = await newsroomWithClaim();
    const draft = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: draftInput('ab12-abandon', 'false'),
    });
    const final = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { ...draftInput('ab12-retenu'), version: draft.version },
    });
    await submitVerdict({ userId: reviewer.id, sentenceId: claim.id, input: {} });
    expect(final.version).toBe(2);

    for (const reader of [viewer, reviewer2]) {
      const events = await getSentenceHistory({ userId: reader.id, sentenceId: claim.id });
      expect(events.map((e) => e.action)).toEqual([
        'verdict.create',
        'verdict.update',
        'verdict.submit',
      ]);
      const submit = events[2]!;
      // What was submitted is the team's to read…
      expect(submit.after).toMatchObject({
        rating: 'misleading',
        status: 'submitted',
        rationale: expect.stringContaining('ab12-retenu'),
      });
      // …what was drafted on the way there is not, ever.
      expect(submit.before).toEqual({ status: 'draft', version: 2, redacted: true });
      expectNoVerdictContent(events.slice(0, 2));
      expect(JSON.stringify(events)).not.toContain('ab12-abandon');
      expect((await getSentence({ userId: reader.id, sentenceId: claim.id })).verdicts).toEqual([
        expect.objectContaining({ status: 'submitted', rating: 'misleading' }),
      ]);
    }

    // Reopened: the submitted state it leaves is visible, the new draft is not.
    const reopened = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { ...draftInput('ab12-reprise', 'false'), version: 3 },
    });
    expect(reopened.status).toBe('draft');
    const events = await getSentenceHistory({ userId: reviewer2.id, sentenceId: claim.id });
    const update = events.at(-1)!;
    expect(update.before).toMatchObject({ status: 'submitted', rating: 'misleading' });
    expect(update.after).toEqual({ status: 'draft', version: 4, redacted: true });
    expect(JSON.stringify(events)).not.toContain('ab12-reprise');
    const journal = await listTeamAudit({ userId: owner.id, teamId: team.id, query: {} });
    expect(JSON.stringify(journal.events)).not.toContain('ab12-reprise');
    expect(JSON.stringify(journal.events)).not.toContain('ab12-abandon');
    // And the editor settling nothing sees nothing more than the others.
    expect(
      JSON.stringify(await getSentenceHistory({ userId: editor.id, sentenceId: claim.id })),
    ).not.toContain('ab12-reprise');
  });

  it('keeps a withdrawn verdict’s new draft state out of the history', async () => {
    const { editor, reviewer, claim, team } = await newsroomWithClaim();
    // A party settles (the team allows it), and her own submission is withdrawn to a draft.
    await prisma.team.update({ where: { id: team.id }, data: { allowPartyAdjudication: true } });
    await submitted(editor.id, claim.id, { rating: 'false', rationale: 'Éditrice 5e5e.' });
    const theirs = await submitted(reviewer.id, claim.id, { rating: 'true' });
    await resolveDispute({
      userId: editor.id,
      sentenceId: claim.id,
      input: { verdictId: theirs.id, version: theirs.version },
    });
    const events = await getSentenceHistory({ userId: reviewer.id, sentenceId: claim.id });
    const withdraw = events.find((e) => e.action === 'verdict.withdraw')!;
    expect(withdraw.before).toMatchObject({ status: 'submitted', rating: 'false' });
    expect(withdraw.after).toEqual({ status: 'draft', version: 3, redacted: true });
  });

  it('is refused by the review actions without its content', async () => {
    const { owner, editor, reviewer, reviewer2, claim } = await newsroomWithClaim();
    const draft = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: draftInput('f00d'),
    });
    for (const attempt of [
      () => approveVerdict({ userId: reviewer2.id, verdictId: draft.id, input: {} }),
      () => approveVerdict({ userId: reviewer2.id, verdictId: draft.id, input: { version: 99 } }),
      () =>
        rejectVerdict({
          userId: reviewer2.id,
          verdictId: draft.id,
          input: { reason: 'Non.', version: 99 },
        }),
    ]) {
      const error = await errorOf(attempt());
      expect(error.code).toBe('invalid_state');
      expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
        'f00d',
      );
    }

    // A disputed sentence: the editor names a teammate's draft as the one to keep.
    await submitted(reviewer2.id, claim.id, { rating: 'true' });
    await submitted(owner.id, claim.id, { rating: 'false' });
    const error = await errorOf(
      resolveDispute({
        userId: editor.id,
        sentenceId: claim.id,
        input: { verdictId: draft.id, version: 99 },
      }),
    );
    expect(error.code).toBe('invalid_state');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(
      'f00d',
    );
  });

  it('reaches no live notice, replayed or announced', async () => {
    const { reviewer, viewer, claim, article } = await newsroomWithClaim();
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (message) => payloads.push(message.payload ?? ''));
    await listener.query(`LISTEN ${LIVE_CHANNEL}`);
    try {
      await createComment({ userId: viewer.id, sentenceId: claim.id, input: { body: 'Avant.' } });
      await setVerdict({ userId: reviewer.id, sentenceId: claim.id, input: draftInput('5a5a') });
      await expect
        .poll(() => payloads.some((p) => p.includes('verdict.create')), { timeout: 2000 })
        .toBe(true);
      expect(payloads.join('\n')).not.toContain('5a5a');
      expect(payloads.join('\n')).not.toContain('misleading');
    } finally {
      await listener.end();
    }

    // A viewer's stream reconnecting from before the draft gets it replayed: the fact only.
    const before = await prisma.auditEvent.findFirstOrThrow({
      where: { articleId: article.id, action: 'comment.create' },
      select: { id: true },
    });
    const controller = new AbortController();
    const stream = await openArticleStream({
      userId: viewer.id,
      articleId: article.id,
      lastEventId: before.id.toString(),
      signal: controller.signal,
    });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      while (!text.includes('verdict.create')) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } finally {
      controller.abort();
      await reader.cancel().catch(() => {});
    }
    const replayed = text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>)
      .find((data) => data.type === 'verdict.create');
    expect(replayed).toEqual({
      type: 'verdict.create',
      entity: 'verdict',
      id: expect.any(String),
      sentenceId: claim.id,
      actor: { id: reviewer.id, name: reviewer.name },
    });
    expect(text).not.toContain('5a5a');
  });

  it('reaches no report or export, in any format, while the published verdict stays', async () => {
    const { editor, reviewer, reviewer2, viewer, claim, other, article, team } =
      await newsroomWithClaim();
    // A verified claim the reports list, then reopened by its author as a new draft.
    const published = await approved(reviewer.id, reviewer2.id, other.id, {
      rating: 'true',
      rationale: 'Publié 0k0k.',
      sources: [{ url: 'https://www.example.org/publie' }],
    });
    await setVerdict({
      userId: reviewer.id,
      sentenceId: other.id,
      input: { ...draftInput('e9e9-reprise'), version: published.version },
    });
    // And a draft on a sentence nobody verified yet.
    await setVerdict({ userId: reviewer2.id, sentenceId: claim.id, input: draftInput('e9e9') });
    await createAnnotation({
      userId: editor.id,
      articleId: article.id,
      input: {
        selector: [{ type: 'TextQuoteSelector', exact: claim.text.slice(0, 20) }],
        note: 'Note publique.',
      },
    });

    for (const reader of [viewer, editor]) {
      const outputs: string[] = [];
      for (const format of ['markdown', 'csv', 'json', 'claimreview', 'html']) {
        const report = await getReport({
          userId: reader.id,
          articleId: article.id,
          baseUrl: BASE_URL,
          query: { format },
        });
        outputs.push(await textOf(report.body));
      }
      // The PDF's data (rendered by a worker from this snapshot).
      outputs.push(
        JSON.stringify(
          await getReportData({ userId: reader.id, articleId: article.id, baseUrl: BASE_URL }),
        ),
      );
      for (const format of ['markdown', 'csv', 'json', 'claimreview']) {
        const report = await getTeamReport({
          userId: reader.id,
          teamId: team.id,
          baseUrl: BASE_URL,
          query: { format },
        });
        outputs.push(await textOf(report.body));
      }
      outputs.push(
        JSON.stringify(
          await exportAnnotationCollection({
            userId: reader.id,
            articleId: article.id,
            baseUrl: BASE_URL,
          }),
        ),
        await textOf(
          await streamAnnotationCollection({
            userId: reader.id,
            articleId: article.id,
            baseUrl: BASE_URL,
          }),
        ),
      );
      for (const output of outputs) {
        expect(output).not.toContain('e9e9');
      }
      // The published verdict is still what the reports say.
      expect(outputs[0]).toContain('Publié 0k0k.');
      expect(outputs.at(-1)).toContain('Note publique.');
    }
  });
});

describe('a deleted comment (finding 10)', () => {
  it('keeps the fact of its events, not its text, in the history, the journal and the table', async () => {
    const { owner, editor, reviewer, viewer, claim, team } = await newsroomWithClaim();
    const root = await createComment({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { body: 'Premier jet 3c3c.' },
    });
    const edited = await updateComment({
      userId: reviewer.id,
      commentId: root.id,
      input: { body: 'Version revue 3c3c.', version: root.version },
    });
    const reply = await createComment({
      userId: viewer.id,
      sentenceId: claim.id,
      input: { body: 'Réponse qui reste.', parentId: root.id },
    });
    await deleteComment({
      userId: editor.id,
      commentId: root.id,
      input: { version: edited.version },
    });

    for (const reader of [viewer, reviewer, editor]) {
      const events = await getSentenceHistory({ userId: reader.id, sentenceId: claim.id });
      expect(JSON.stringify(events)).not.toContain('3c3c');
      expect(
        events.filter((e) => e.entityId === root.id).map((e) => [e.action, e.actor?.id]),
      ).toEqual([
        ['comment.create', reviewer.id],
        ['comment.update', reviewer.id],
        ['comment.delete', editor.id],
      ]);
      const [created, update, deletion] = events.filter((e) => e.entityId === root.id);
      expect(created!.after).toEqual({ parentId: null, annotationId: null, redacted: true });
      expect(update!.before).toEqual({ version: 1, redacted: true });
      expect(deletion!.before).toEqual({ version: 2 });
      expect(deletion!.after).toEqual({ deleted: true, version: 3 });
      // Its reply is not deleted: its text stays.
      expect(events.find((e) => e.entityId === reply.id)!.after).toMatchObject({
        body: 'Réponse qui reste.',
      });
    }

    const journal = await listTeamAudit({ userId: owner.id, teamId: team.id, query: {} });
    expect(JSON.stringify(journal.events)).not.toContain('3c3c');
    expect(journal.events.filter((e) => e.entityId === root.id)).toHaveLength(3);

    // Scrubbed where it was stored, in the deleting transaction: nothing deleted stays.
    const stored = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM audit_events
       WHERE COALESCE(before::text, '') LIKE '%3c3c%' OR COALESCE(after::text, '') LIKE '%3c3c%'`;
    expect(stored[0]!.n).toBe(0);
    const rows = await prisma.auditEvent.findMany({
      where: { entityType: 'comment', entityId: root.id },
      orderBy: { id: 'asc' },
      select: { before: true, after: true },
    });
    expect(rows).toEqual([
      { before: null, after: { parentId: null, annotationId: null, redacted: true } },
      { before: { version: 1, redacted: true }, after: { version: 2, redacted: true } },
      { before: { version: 2 }, after: { deleted: true, version: 3 } },
    ]);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: root.id } })).toMatchObject({
      body: '',
    });
  });

  it('is redacted when read even if a stored payload escaped the scrub', async () => {
    const { reviewer, viewer, claim, team, article } = await newsroomWithClaim();
    const comment = await createComment({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { body: 'Ancien 4d4d.' },
    });
    await deleteComment({ userId: reviewer.id, commentId: comment.id, input: {} });
    // An event written before scrubbing existed (or by a path that forgot it).
    await prisma.auditEvent.create({
      data: {
        teamId: team.id,
        articleId: article.id,
        sentenceId: claim.id,
        actorId: reviewer.id,
        action: 'comment.update',
        entityType: 'comment',
        entityId: comment.id,
        before: { body: 'Ancien 4d4d.', version: 1 },
        after: { body: 'Autre 4d4d.', version: 2 },
      },
    });
    const events = await getSentenceHistory({ userId: viewer.id, sentenceId: claim.id });
    expect(JSON.stringify(events)).not.toContain('4d4d');
    expect(events.at(-1)).toMatchObject({
      action: 'comment.update',
      before: { version: 1, redacted: true },
      after: { version: 2, redacted: true },
    });
  });
});
