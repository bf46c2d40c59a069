// The team review workflow on a real PostgreSQL: two-person approval, sending back, disputes
// and their resolution, agreement, lost-update protection under 50 concurrent writers,
// comments, assignment and the queue, and the audit trail behind all of it.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { prisma } from '@/lib/db';
import { getAgreement } from '@/lib/server/articles/get-agreement';
import { AppError } from '@/lib/server/errors';
import { createComment } from '@/lib/server/comments/create-comment';
import { deleteComment } from '@/lib/server/comments/delete-comment';
import { updateComment } from '@/lib/server/comments/update-comment';
import { getQueue } from '@/lib/server/queue/get-queue';
import { getReportData } from '@/lib/server/reports/get-report';
import { assignSentence } from '@/lib/server/sentences/assign-sentence';
import { getSentence } from '@/lib/server/sentences/get-sentence';
import { getSentenceHistory } from '@/lib/server/sentences/get-sentence-history';
import { LIVE_CHANNEL } from '@/lib/server/audit/record-audit';
import { resolveDispute } from '@/lib/server/verdicts/resolve-dispute';
import { approveVerdict, rejectVerdict } from '@/lib/server/verdicts/review-verdict';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { submitVerdict } from '@/lib/server/verdicts/submit-verdict';
import { approved, makeNewsroom, submitted } from './fixtures';

const SOURCE = { url: 'https://www.example.org/rapport-onu', title: 'Rapport de l’ONU' };

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function newsroomWithClaim() {
  const room = await makeNewsroom();
  const claim = room.sentences.find((s) => s.text.includes('cinq millions'))!;
  return { ...room, claim };
}

describe('two-person approval', () => {
  it('keeps a verdict a draft until submitted, and refuses self-approval', async () => {
    const { reviewer, reviewer2, claim } = await newsroomWithClaim();
    const draft = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { rating: 'unverifiable', sources: [SOURCE] },
    });
    expect(draft.status).toBe('draft');
    // Nobody can approve a draft, not even someone else.
    expect(
      (await errorOf(approveVerdict({ userId: reviewer2.id, verdictId: draft.id, input: {} })))
        .code,
    ).toBe('invalid_state');

    const sent = await submitVerdict({ userId: reviewer.id, sentenceId: claim.id, input: {} });
    expect(sent).toMatchObject({ status: 'submitted', version: 2 });
    const self = await errorOf(
      approveVerdict({ userId: reviewer.id, verdictId: sent.id, input: {} }),
    );
    expect(self.code).toBe('forbidden');
    expect((await getSentence({ userId: reviewer.id, sentenceId: claim.id })).state).toBe(
      'in_review',
    );

    // The rule holds in the database too, whatever code path tries it.
    await expect(
      prisma.verdict.update({
        where: { id: sent.id },
        data: { status: 'approved', reviewedById: reviewer.id, reviewedAt: new Date() },
      }),
    ).rejects.toThrow(/verdicts_not_self_reviewed/);
  });

  it('publishes an approved verdict, names author and approver, and keeps it while a new version is drafted', async () => {
    const { editor, reviewer, reviewer2, article, claim } = await newsroomWithClaim();
    const first = await approved(reviewer.id, reviewer2.id, claim.id, {
      rating: 'unverifiable',
      rationale: 'Chiffre non public.',
      sources: [SOURCE],
    });
    expect(first).toMatchObject({ status: 'approved', approvedBy: { id: reviewer2.id } });
    const detail = await getSentence({ userId: editor.id, sentenceId: claim.id });
    expect(detail.state).toBe('approved');
    expect(detail.finalVerdict).toMatchObject({
      rating: 'unverifiable',
      author: { id: reviewer.id },
      approvedBy: { id: reviewer2.id },
      sources: [{ url: SOURCE.url }],
    });

    // Editing the approved verdict reopens it as a draft; the published one stays.
    const reopened = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { rating: 'false', rationale: 'Démenti.', sources: [SOURCE], version: first.version },
    });
    expect(reopened.status).toBe('draft');
    let report = await getReportData({
      userId: editor.id,
      articleId: article.id,
      baseUrl: 'https://x.test',
    });
    expect(report.claims).toHaveLength(1);
    expect(report.claims[0]).toMatchObject({
      rating: 'unverifiable',
      reviewer: { name: 'Relecteur' },
      approver: { name: 'Seconde relectrice' },
    });

    // Submitted and approved again: the new version replaces the published one.
    const resent = await submitVerdict({ userId: reviewer.id, sentenceId: claim.id, input: {} });
    await approveVerdict({
      userId: editor.id,
      verdictId: resent.id,
      input: { version: resent.version },
    });
    report = await getReportData({
      userId: editor.id,
      articleId: article.id,
      baseUrl: 'https://x.test',
    });
    expect(report.claims[0]).toMatchObject({ rating: 'false', approver: { name: 'Éditrice' } });
  });

  it('sends a verdict back with a reason; the author reworks and resubmits it', async () => {
    const { reviewer, reviewer2, claim } = await newsroomWithClaim();
    const sent = await submitted(reviewer.id, claim.id, { rating: 'true' });
    await expect(
      rejectVerdict({ userId: reviewer2.id, verdictId: sent.id, input: { reason: '  ' } }),
    ).rejects.toBeInstanceOf(ZodError);
    const back = await rejectVerdict({
      userId: reviewer2.id,
      verdictId: sent.id,
      input: { reason: 'Aucune source citée.', version: sent.version },
    });
    expect(back).toMatchObject({
      status: 'rejected',
      reviewNote: 'Aucune source citée.',
      rejectedBy: { id: reviewer2.id },
    });
    expect((await getSentence({ userId: reviewer.id, sentenceId: claim.id })).state).toBe(
      'unchecked',
    );
    const fixed = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { rating: 'true', sources: [SOURCE], version: back.version },
    });
    expect(fixed).toMatchObject({ status: 'draft', reviewNote: null });
    const again = await submitVerdict({ userId: reviewer.id, sentenceId: claim.id, input: {} });
    expect(again.status).toBe('submitted');
  });

  it('lets a viewer read, comment and export but not write', async () => {
    const { viewer, reviewer, article, claim } = await newsroomWithClaim();
    const sent = await submitted(reviewer.id, claim.id, { rating: 'true' });
    for (const attempt of [
      () => setVerdict({ userId: viewer.id, sentenceId: claim.id, input: { rating: 'true' } }),
      () => submitVerdict({ userId: viewer.id, sentenceId: claim.id, input: {} }),
      () => approveVerdict({ userId: viewer.id, verdictId: sent.id, input: {} }),
      () => rejectVerdict({ userId: viewer.id, verdictId: sent.id, input: { reason: 'Non.' } }),
      () =>
        assignSentence({ userId: viewer.id, sentenceId: claim.id, input: { userId: viewer.id } }),
    ]) {
      expect((await errorOf(attempt())).code).toBe('forbidden');
    }
    const comment = await createComment({
      userId: viewer.id,
      sentenceId: claim.id,
      input: { body: 'Quelle est la source ?' },
    });
    expect(comment.author.id).toBe(viewer.id);
    const report = await getReportData({
      userId: viewer.id,
      articleId: article.id,
      baseUrl: 'https://x.test',
    });
    expect(report.claims).toEqual([]);
  });
});

describe('disputes and agreement', () => {
  it('marks a sentence disputed when submitted verdicts differ; only an editor settles it', async () => {
    const { editor, reviewer, reviewer2, article, claim, sentences } = await newsroomWithClaim();
    const a = await submitted(reviewer.id, claim.id, { rating: 'unverifiable', sources: [SOURCE] });
    const b = await submitted(reviewer2.id, claim.id, { rating: 'false', sources: [SOURCE] });
    expect((await getSentence({ userId: editor.id, sentenceId: claim.id })).state).toBe('disputed');

    // A reviewer may not settle it by approving the other's verdict.
    const refused = await errorOf(
      approveVerdict({ userId: reviewer2.id, verdictId: a.id, input: {} }),
    );
    expect(refused.code).toBe('forbidden');
    expect(
      (
        await errorOf(
          resolveDispute({ userId: reviewer.id, sentenceId: claim.id, input: { verdictId: b.id } }),
        )
      ).code,
    ).toBe('forbidden');

    // Agreement: two sentences rated by two members, one agreeing, one not.
    const other = sentences.find((s) => s.index === 0)!;
    await submitted(reviewer.id, other.id, { rating: 'true' });
    await submitted(reviewer2.id, other.id, { rating: 'true' });
    const agreement = await getAgreement({ userId: editor.id, articleId: article.id });
    expect(agreement).toMatchObject({
      ratedSentences: 2,
      percentAgreement: 0.5,
      disputed: [claim.id],
    });
    // Coincidences: (true,true)×2 and (unverifiable,false)×2 → n=4, Do=2, Σnc·nk=10 → α = 1 − 3·2/10.
    expect(agreement.alpha).toBeCloseTo(0.4, 10);

    // The editor settles it by approving one verdict: the other is sent back with the reason.
    const final = await resolveDispute({
      userId: editor.id,
      sentenceId: claim.id,
      input: { verdictId: b.id },
    });
    expect(final).toMatchObject({
      rating: 'false',
      approvedBy: { id: editor.id },
      isResolution: false,
    });
    const detail = await getSentence({ userId: editor.id, sentenceId: claim.id });
    expect(detail.state).toBe('approved');
    expect(detail.verdicts.find((v) => v.id === a.id)).toMatchObject({
      status: 'rejected',
      reviewNote: expect.stringContaining('Faux'),
    });
    expect((await getAgreement({ userId: editor.id, articleId: article.id })).disputed).toEqual([]);
  });

  it('lets an editor write the final verdict with a rationale', async () => {
    const { owner, editor, reviewer, reviewer2, article, claim } = await newsroomWithClaim();
    await submitted(reviewer.id, claim.id, { rating: 'true' });
    await submitted(reviewer2.id, claim.id, { rating: 'misleading' });
    await expect(
      resolveDispute({
        userId: owner.id,
        sentenceId: claim.id,
        input: { rating: 'false', rationale: '' },
      }),
    ).rejects.toBeInstanceOf(ZodError);
    await resolveDispute({
      userId: owner.id,
      sentenceId: claim.id,
      input: {
        rating: 'misleading',
        rationale: 'Chiffre réel, contexte trompeur.',
        sources: [SOURCE],
      },
    });
    const detail = await getSentence({ userId: editor.id, sentenceId: claim.id });
    expect(detail.state).toBe('approved');
    expect(detail.finalVerdict).toMatchObject({
      rating: 'misleading',
      isResolution: true,
      author: { id: owner.id },
      rationale: 'Chiffre réel, contexte trompeur.',
    });
    // The agreeing verdict is approved, the other one sent back.
    const statuses = Object.fromEntries(detail.verdicts.map((v) => [v.author.id, v.status]));
    expect(statuses).toEqual({ [reviewer.id]: 'rejected', [reviewer2.id]: 'approved' });
    const report = await getReportData({
      userId: editor.id,
      articleId: article.id,
      baseUrl: 'https://x.test',
    });
    expect(report.claims[0]).toMatchObject({
      resolution: true,
      reviewer: { name: 'Propriétaire' },
    });

    // Nothing left to settle.
    expect(
      (
        await errorOf(
          resolveDispute({
            userId: owner.id,
            sentenceId: claim.id,
            input: { rating: 'true', rationale: 'x' },
          }),
        )
      ).code,
    ).toBe('invalid_state');
  });
});

describe('no lost updates', () => {
  it('50 concurrent writers on one verdict: exactly one wins per version, nothing silently lost', async () => {
    const { reviewer, claim } = await newsroomWithClaim();
    const base = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { rating: 'true', rationale: 'départ' },
    });
    const writers = Array.from({ length: 50 }, (_, i) => i);
    const firstRound = await Promise.allSettled(
      writers.map((i) =>
        setVerdict({
          userId: reviewer.id,
          sentenceId: claim.id,
          input: { rating: 'false', rationale: `écrivain ${i}`, version: base.version },
        }),
      ),
    );
    const winners = firstRound.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    for (const result of firstRound) {
      if (result.status === 'rejected') {
        expect(result.reason).toBeInstanceOf(AppError);
        expect((result.reason as AppError).code).toBe('conflict');
        expect((result.reason as AppError).details).toMatchObject({ current: { version: 2 } });
      }
    }

    // Every writer that lost retries on the version it is told about, until it gets through:
    // all 50 writes land, one version each.
    const losers = writers.filter((_, i) => firstRound[i]!.status === 'rejected');
    await Promise.all(
      losers.map(async (i) => {
        let version = 2;
        for (;;) {
          try {
            await setVerdict({
              userId: reviewer.id,
              sentenceId: claim.id,
              input: { rating: 'false', rationale: `écrivain ${i}`, version },
            });
            return;
          } catch (error) {
            if (!(error instanceof AppError) || error.code !== 'conflict') throw error;
            version = (error.details as { current: { version: number } }).current.version;
          }
        }
      }),
    );
    const final = await prisma.verdict.findFirstOrThrow({
      where: { sentenceId: claim.id, authorId: reviewer.id },
    });
    expect(final.version).toBe(base.version + 50);
    const updates = await prisma.auditEvent.findMany({
      where: { entityId: base.id, action: 'verdict.update' },
      select: { after: true },
    });
    expect(updates).toHaveLength(50);
    const versions = updates
      .map((u) => (u.after as { version: number }).version)
      .sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    const authors = new Set(updates.map((u) => (u.after as { rationale: string }).rationale));
    expect(authors.size).toBe(50);
  });
});

describe('comments, assignment and queue', () => {
  it('threads comments; authors edit their own, editors delete any', async () => {
    const { editor, reviewer, reviewer2, claim, outsider } = await newsroomWithClaim();
    const root = await createComment({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { body: 'Source ?' },
    });
    const reply = await createComment({
      userId: reviewer2.id,
      sentenceId: claim.id,
      input: { body: 'Voir le rapport.', parentId: root.id },
    });
    expect(reply.parentId).toBe(root.id);
    expect(
      (
        await errorOf(
          updateComment({
            userId: reviewer2.id,
            commentId: root.id,
            input: { body: 'x', version: 1 },
          }),
        )
      ).code,
    ).toBe('forbidden');
    const edited = await updateComment({
      userId: reviewer.id,
      commentId: root.id,
      input: { body: 'Quelle source ?', version: 1 },
    });
    expect(edited).toMatchObject({ body: 'Quelle source ?', version: 2 });
    expect(
      (
        await errorOf(
          updateComment({
            userId: reviewer.id,
            commentId: root.id,
            input: { body: 'y', version: 1 },
          }),
        )
      ).code,
    ).toBe('conflict');
    expect(
      (await errorOf(deleteComment({ userId: reviewer2.id, commentId: root.id, input: {} }))).code,
    ).toBe('forbidden');
    expect(
      (
        await errorOf(
          createComment({ userId: outsider.id, sentenceId: claim.id, input: { body: 'Hé' } }),
        )
      ).code,
    ).toBe('not_found');
    const removed = await deleteComment({ userId: editor.id, commentId: root.id, input: {} });
    expect(removed).toMatchObject({ deleted: true, body: null });
    const comments = (await getSentence({ userId: reviewer.id, sentenceId: claim.id })).comments;
    expect(comments.map((c) => [c.deleted, c.parentId])).toEqual([
      [true, null],
      [false, root.id],
    ]);
  });

  it("assigns sentences and fills each member's queue", async () => {
    const { editor, reviewer, reviewer2, viewer, claim, sentences } = await newsroomWithClaim();
    expect(
      (
        await errorOf(
          assignSentence({
            userId: reviewer.id,
            sentenceId: claim.id,
            input: { userId: reviewer.id },
          }),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (
        await errorOf(
          assignSentence({ userId: editor.id, sentenceId: claim.id, input: { userId: viewer.id } }),
        )
      ).code,
    ).toBe('validation_failed');
    await assignSentence({
      userId: editor.id,
      sentenceId: claim.id,
      input: { userId: reviewer.id },
    });
    let queue = await getQueue({ userId: reviewer.id });
    expect(queue.assigned.map((item) => item.sentence.id)).toContain(claim.id);

    const sent = await submitted(reviewer.id, claim.id, { rating: 'true', sources: [SOURCE] });
    const theirs = await getQueue({ userId: reviewer2.id });
    expect(theirs.toReview.map((item) => item.verdict.id)).toContain(sent.id);
    queue = await getQueue({ userId: reviewer.id });
    expect(queue.toReview.map((item) => item.verdict.id)).not.toContain(sent.id);

    // Disputed sentences go to editors to settle, not to reviewers to approve.
    const other = sentences.find((s) => s.index === 0)!;
    await submitted(reviewer.id, other.id, { rating: 'true' });
    await submitted(reviewer2.id, other.id, { rating: 'false' });
    expect((await getQueue({ userId: editor.id })).toResolve.map((i) => i.sentence.id)).toContain(
      other.id,
    );
    expect((await getQueue({ userId: viewer.id })).toReview).toEqual([]);
  });
});

describe('audit trail and live notifications', () => {
  it('records every step of a sentence in its history, in order', async () => {
    const { editor, reviewer, reviewer2, claim } = await newsroomWithClaim();
    await assignSentence({
      userId: editor.id,
      sentenceId: claim.id,
      input: { userId: reviewer.id },
    });
    const sent = await submitted(reviewer.id, claim.id, { rating: 'true' });
    await rejectVerdict({
      userId: reviewer2.id,
      verdictId: sent.id,
      input: { reason: 'Sans source.' },
    });
    await createComment({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { body: 'Je cherche.' },
    });
    const events = await getSentenceHistory({ userId: editor.id, sentenceId: claim.id });
    expect(events.map((e) => e.action)).toEqual([
      'sentence.assign',
      'verdict.create',
      'verdict.submit',
      'verdict.reject',
      'comment.create',
    ]);
    expect(events[3]).toMatchObject({
      actor: { id: reviewer2.id },
      after: { reason: 'Sans source.' },
    });
  });

  it('announces committed changes on the live channel, and nothing for a refused one', async () => {
    const { reviewer, claim } = await newsroomWithClaim();
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const received: { type: string; articleId: string; actor: { name: string } | null }[] = [];
    listener.on('notification', (message) => received.push(JSON.parse(message.payload!)));
    await listener.query(`LISTEN ${LIVE_CHANNEL}`);
    try {
      const draft = await setVerdict({
        userId: reviewer.id,
        sentenceId: claim.id,
        input: { rating: 'true' },
      });
      await errorOf(
        setVerdict({
          userId: reviewer.id,
          sentenceId: claim.id,
          input: { rating: 'false', version: 99 },
        }),
      );
      await submitVerdict({
        userId: reviewer.id,
        sentenceId: claim.id,
        input: { version: draft.version },
      });
      await expect
        .poll(() => received.map((n) => n.type), { timeout: 2000 })
        .toEqual(['verdict.create', 'verdict.submit']);
      expect(received[0]).toMatchObject({
        articleId: claim.articleId,
        actor: { name: 'Relecteur' },
      });
    } finally {
      await listener.end();
    }
  });
});
