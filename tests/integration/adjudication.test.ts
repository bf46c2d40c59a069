// Independent adjudication on a real PostgreSQL (issue 12, point 7, and the CSV's dates):
// - a dispute is settled only by an editor or owner who did not rate the sentence (403
//   `adjudicator_is_party`, nothing changed), unless the team's owners allow parties to settle;
//   then the reports say « tranché par une partie au désaccord »;
// - the agreement figures count the ratings as they were submitted, before the settlement;
// - a report's `reviewedAt` (the CSV's `reviewed_at`) is when the verdict was submitted, not
//   when it was approved.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);
import { signedIn as session } from '../support/signed-in';

import { POST as resolveRoute } from '@/app/api/v1/sentences/[id]/resolve/route';
import { PATCH as updateTeamRoute } from '@/app/api/v1/teams/[id]/route';
import { prisma } from '@/lib/db';
import { csvRecord, toHtmlReport, toMarkdown } from '@/lib/reports';
import { getAgreement } from '@/lib/server/articles/get-agreement';
import { AppError, errorText } from '@/lib/server/errors';
import { getReportData } from '@/lib/server/reports/get-report';
import { getTeamReport } from '@/lib/server/reports/get-team-report';
import { getSentence } from '@/lib/server/sentences/get-sentence';
import { getTeamSettings } from '@/lib/server/teams/get-team-settings';
import { updateTeam } from '@/lib/server/teams/update-team';
import { ADJUDICATOR_IS_PARTY_MESSAGE } from '@/lib/server/verdicts/adjudication';
import { resolveDispute } from '@/lib/server/verdicts/resolve-dispute';
import { approveVerdict } from '@/lib/server/verdicts/review-verdict';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { submitVerdict } from '@/lib/server/verdicts/submit-verdict';
import { approved, makeNewsroom, submitted } from './fixtures';

const BASE = 'https://x.test';
const PARTY_MENTION = 'tranché par une partie au désaccord';
const MIGRATION = path.join(
  process.cwd(),
  'prisma',
  'migrations',
  '20261203010000_independent_adjudication',
  'migration.sql',
);

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

async function allowParties(ownerId: string, teamId: string) {
  await updateTeam({ userId: ownerId, teamId, input: { allowPartyAdjudication: true } });
}

/** What a refused settlement must leave untouched. */
async function snapshot(sentenceId: string) {
  const [verdicts, published, events] = await Promise.all([
    prisma.verdict.findMany({
      where: { sentenceId },
      orderBy: { id: 'asc' },
      select: { id: true, status: true, version: true, rating: true },
    }),
    prisma.publishedVerdict.findUnique({ where: { sentenceId } }),
    prisma.auditEvent.count({ where: { sentenceId } }),
  ]);
  return { verdicts, published, events };
}

function report(userId: string, articleId: string) {
  return getReportData({ userId, articleId, baseUrl: BASE });
}

async function teamReport(userId: string, teamId: string, format: string) {
  const rendered = await getTeamReport({ userId, teamId, baseUrl: BASE, query: { format } });
  return rendered.body as string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('who settles a dispute', () => {
  it('refuses a party to the dispute, by either way of settling, and changes nothing', async () => {
    const { owner, reviewer, claim } = await newsroomWithClaim();
    await submitted(owner.id, claim.id, { rating: 'false' });
    const theirs = await submitted(reviewer.id, claim.id, { rating: 'true' });
    const before = await snapshot(claim.id);

    for (const attempt of [
      () =>
        resolveDispute({
          userId: owner.id,
          sentenceId: claim.id,
          input: { rating: 'misleading', rationale: 'Les deux ont une part de vrai.' },
        }),
      () =>
        resolveDispute({
          userId: owner.id,
          sentenceId: claim.id,
          input: { verdictId: theirs.id, version: theirs.version },
        }),
      // Approving the other side's verdict settles the dispute too.
      () =>
        approveVerdict({
          userId: owner.id,
          verdictId: theirs.id,
          input: { version: theirs.version },
        }),
    ]) {
      const error = await errorOf(attempt());
      expect(error.code).toBe('adjudicator_is_party');
      expect(error.status).toBe(403);
      expect(error.message).toBe(errorText('fr', ADJUDICATOR_IS_PARTY_MESSAGE));
    }
    expect(await snapshot(claim.id)).toEqual(before);

    // Over HTTP: the code's one status, and the French message.
    session.userId = owner.id;
    const response = await resolveRoute(
      new Request(`${BASE}/api/v1/sentences/${claim.id}/resolve`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rating: 'misleading', rationale: 'Arbitrage.' }),
      }),
      { params: Promise.resolve({ id: claim.id }) },
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: 'adjudicator_is_party',
        message: errorText('fr', ADJUDICATOR_IS_PARTY_MESSAGE),
      },
    });
    expect(await snapshot(claim.id)).toEqual(before);
  });

  it('still counts as a party a member whose submitted verdict went back to a draft', async () => {
    const { owner, editor, reviewer, reviewer2, claim } = await newsroomWithClaim();
    await submitted(reviewer.id, claim.id, { rating: 'true' });
    await submitted(reviewer2.id, claim.id, { rating: 'false' });
    const editors = await submitted(editor.id, claim.id, { rating: 'misleading' });
    // The editor reopens hers (a draft again): the sentence stays disputed, and she rated it.
    await setVerdict({
      userId: editor.id,
      sentenceId: claim.id,
      input: { rating: 'misleading', version: editors.version },
    });
    const input = { rating: 'false', rationale: 'Démenti par le rapport.' };
    expect(
      (await errorOf(resolveDispute({ userId: editor.id, sentenceId: claim.id, input }))).code,
    ).toBe('adjudicator_is_party');

    // The owner, who rated nothing, settles it: recorded as not by a party, and not mentioned.
    await resolveDispute({ userId: owner.id, sentenceId: claim.id, input });
    const resolve = await prisma.auditEvent.findFirstOrThrow({
      where: { sentenceId: claim.id, action: 'sentence.resolve' },
    });
    expect(resolve.after).toMatchObject({ byParty: false });
    const data = await report(owner.id, claim.articleId);
    expect(data.claims[0]).toMatchObject({ resolution: true, settledByParty: false });
    expect(toMarkdown(data)).not.toContain(PARTY_MENTION);
  });

  it('tells the panel ahead of time who may settle, and why not', async () => {
    const { owner, editor, reviewer, reviewer2, team, claim, sentences } =
      await newsroomWithClaim();
    await submitted(owner.id, claim.id, { rating: 'false' });
    await submitted(reviewer.id, claim.id, { rating: 'true' });

    expect(await getSentence({ userId: owner.id, sentenceId: claim.id })).toMatchObject({
      state: 'disputed',
      canResolve: false,
      resolveRefusal: errorText('fr', ADJUDICATOR_IS_PARTY_MESSAGE),
    });
    expect(await getSentence({ userId: editor.id, sentenceId: claim.id })).toMatchObject({
      canResolve: true,
      resolveRefusal: null,
    });
    const asReviewer = await getSentence({ userId: reviewer2.id, sentenceId: claim.id });
    expect(asReviewer.canResolve).toBe(false);
    expect(asReviewer.resolveRefusal).toMatch(/éditeur·rice ou propriétaire/);
    // Nothing disputed, nothing to explain.
    const calm = sentences.find((s) => s.kind === 'sentence' && s.id !== claim.id)!;
    expect(await getSentence({ userId: owner.id, sentenceId: calm.id })).toMatchObject({
      canResolve: false,
      resolveRefusal: null,
    });

    await allowParties(owner.id, team.id);
    expect(await getSentence({ userId: owner.id, sentenceId: claim.id })).toMatchObject({
      canResolve: true,
      resolveRefusal: null,
    });
  });
});

describe('the team setting', () => {
  it('is off by default, changed by owners only (PATCH /api/v1/teams/{id}), and journaled', async () => {
    const { owner, editor, team } = await newsroomWithClaim();
    expect(await getTeamSettings({ userId: editor.id, teamId: team.id })).toEqual({
      id: team.id,
      name: team.name,
      allowPartyAdjudication: false,
      publicationLanguage: 'fr',
      publicName: null,
      publicUrl: null,
      logoUrl: null,
      nameReviewers: true,
      publicSlug: null,
    });
    const refused = await errorOf(
      updateTeam({ userId: editor.id, teamId: team.id, input: { allowPartyAdjudication: true } }),
    );
    expect(refused.code).toBe('forbidden');

    const patch = (userId: string, body: unknown) => {
      session.userId = userId;
      return updateTeamRoute(
        new Request(`${BASE}/api/v1/teams/${team.id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id: team.id }) },
      );
    };
    expect((await patch(owner.id, { allowPartyAdjudication: 'oui' })).status).toBe(422);
    const response = await patch(owner.id, { allowPartyAdjudication: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: team.id,
      name: team.name,
      allowPartyAdjudication: true,
      publicationLanguage: 'fr',
      publicName: null,
      publicUrl: null,
      logoUrl: null,
      nameReviewers: true,
      publicSlug: null,
    });
    const events = await prisma.auditEvent.findMany({
      where: { teamId: team.id, action: 'team.update' },
      select: { actorId: true, before: true, after: true },
    });
    expect(events).toEqual([
      {
        actorId: owner.id,
        before: { allowPartyAdjudication: false },
        after: { allowPartyAdjudication: true },
      },
    ]);
  });

  it('lets a party settle when allowed, records it, and every report says so', async () => {
    const { owner, reviewer, reviewer2, editor, team, claim, sentences } =
      await newsroomWithClaim();
    await allowParties(owner.id, team.id);

    // Written by a party: the owner rated the sentence and writes the final verdict.
    await submitted(owner.id, claim.id, { rating: 'false' });
    await submitted(reviewer.id, claim.id, { rating: 'true' });
    await resolveDispute({
      userId: owner.id,
      sentenceId: claim.id,
      input: { rating: 'misleading', rationale: 'Chiffre réel, contexte trompeur.' },
    });
    // Kept by a party: the editor rated the other sentence and approves the other side's verdict.
    const other = sentences.find((s) => s.kind === 'sentence' && s.id !== claim.id)!;
    await submitted(editor.id, other.id, { rating: 'false' });
    const kept = await submitted(reviewer2.id, other.id, { rating: 'true' });
    await approveVerdict({
      userId: editor.id,
      verdictId: kept.id,
      input: { version: kept.version },
    });
    // An ordinary approval, no dispute: nothing to say.
    const third = sentences.find(
      (s) => s.kind === 'sentence' && s.id !== claim.id && s.id !== other.id,
    )!;
    await approved(reviewer.id, reviewer2.id, third.id, { rating: 'true' });

    const settlements = await prisma.auditEvent.findMany({
      where: { teamId: team.id, action: 'sentence.resolve' },
      orderBy: { id: 'asc' },
      select: { sentenceId: true, actorId: true, after: true },
    });
    expect(settlements).toMatchObject([
      { sentenceId: claim.id, actorId: owner.id, after: { byParty: true, rating: 'misleading' } },
      { sentenceId: other.id, actorId: editor.id, after: { byParty: true, verdictId: kept.id } },
    ]);

    const data = await report(reviewer.id, claim.articleId);
    const byId = new Map(data.claims.map((c) => [c.sentenceId, c]));
    expect(byId.get(claim.id)).toMatchObject({ resolution: true, settledByParty: true });
    expect(byId.get(other.id)).toMatchObject({ resolution: false, settledByParty: true });
    expect(byId.get(third.id)).toMatchObject({ settledByParty: false });

    const markdown = toMarkdown(data);
    expect(markdown).toContain(`*Tranché par Propriétaire le `);
    expect(markdown.split(PARTY_MENTION)).toHaveLength(3);
    expect(toHtmlReport(data).split(PARTY_MENTION)).toHaveLength(3);
    expect(csvRecord(byId.get(claim.id)!, data).settled_by_party).toBe('yes');
    expect(csvRecord(byId.get(third.id)!, data).settled_by_party).toBe('');
    const json = JSON.parse(await teamReport(reviewer.id, team.id, 'json')) as {
      articles: { claims: { sentenceId: string; settledByParty: boolean }[] }[];
    };
    expect(
      Object.fromEntries(json.articles[0]!.claims.map((c) => [c.sentenceId, c.settledByParty])),
    ).toEqual({ [claim.id]: true, [other.id]: true, [third.id]: false });
    expect((await teamReport(reviewer.id, team.id, 'markdown')).split(PARTY_MENTION)).toHaveLength(
      3,
    );
    expect(await teamReport(reviewer.id, team.id, 'csv')).toContain('"settled_by_party"');

    // A later approval of a new version publishes it without any settlement: no mention then.
    const rewritten = await setVerdict({
      userId: reviewer2.id,
      sentenceId: other.id,
      input: { rating: 'true', version: await versionOf(reviewer2.id, other.id) },
    });
    const again = await submitVerdict({
      userId: reviewer2.id,
      sentenceId: other.id,
      input: { version: rewritten.version },
    });
    await approveVerdict({ userId: owner.id, verdictId: again.id, input: {} });
    const later = new Map(
      (await report(reviewer.id, claim.articleId)).claims.map((c) => [c.sentenceId, c]),
    );
    expect(later.get(other.id)).toMatchObject({ settledByParty: false });
    expect(later.get(claim.id)).toMatchObject({ settledByParty: true });
  });
});

async function versionOf(userId: string, sentenceId: string): Promise<number> {
  const verdict = await prisma.verdict.findUniqueOrThrow({
    where: { sentenceId_authorId: { sentenceId, authorId: userId } },
    select: { version: true },
  });
  return verdict.version;
}

describe('agreement figures', () => {
  it('keep the independent ratings after a third member settles and the sent-back author reworks hers', async () => {
    const { owner, editor, reviewer, reviewer2, team, claim } = await newsroomWithClaim();
    const a = await submitted(reviewer.id, claim.id, { rating: 'true' });
    const b = await submitted(reviewer2.id, claim.id, { rating: 'false' });
    const disagreement = { ratedSentences: 1, percentAgreement: 0 };
    expect(await getAgreement({ userId: editor.id, articleId: claim.articleId })).toMatchObject({
      ...disagreement,
      disputed: [claim.id],
    });

    // The editor rated nothing: she keeps A's verdict, B's is sent back.
    await resolveDispute({
      userId: editor.id,
      sentenceId: claim.id,
      input: { verdictId: a.id, version: a.version },
    });
    expect(await getAgreement({ userId: editor.id, articleId: claim.articleId })).toMatchObject({
      ...disagreement,
      disputed: [],
    });

    // B reworks hers to the outcome (a draft), then submits it again: still their disagreement.
    const sentBack = await prisma.verdict.findUniqueOrThrow({ where: { id: b.id } });
    const reworked = await setVerdict({
      userId: reviewer2.id,
      sentenceId: claim.id,
      input: { rating: 'true', version: sentBack.version },
    });
    expect(await getAgreement({ userId: editor.id, articleId: claim.articleId })).toMatchObject(
      disagreement,
    );
    await submitVerdict({
      userId: reviewer2.id,
      sentenceId: claim.id,
      input: { version: reworked.version },
    });
    const agreement = await getAgreement({ userId: editor.id, articleId: claim.articleId });
    expect(agreement).toMatchObject(disagreement);
    // One unit, (true, false): n = 2, Do = 2, Σ nc·nk = 2 → α = 1 − 1·2/2 = 0.
    expect(agreement.alpha).toBe(0);

    // The reports say the same.
    expect((await report(owner.id, claim.articleId)).agreement).toEqual(agreement);
    const json = JSON.parse(await teamReport(owner.id, team.id, 'json')) as {
      articles: { agreement: unknown }[];
    };
    expect(json.articles[0]!.agreement).toEqual(agreement);
  });

  it('keep the rating of a party whose verdict the settlement withdrew to a draft', async () => {
    const { owner, reviewer, team, claim } = await newsroomWithClaim();
    await allowParties(owner.id, team.id);
    await submitted(owner.id, claim.id, { rating: 'false' });
    const theirs = await submitted(reviewer.id, claim.id, { rating: 'true' });
    await resolveDispute({
      userId: owner.id,
      sentenceId: claim.id,
      input: { verdictId: theirs.id, version: theirs.version },
    });
    const mine = await prisma.verdict.findUniqueOrThrow({
      where: { sentenceId_authorId: { sentenceId: claim.id, authorId: owner.id } },
    });
    expect(mine.status).toBe('draft');
    const agreement = await getAgreement({ userId: owner.id, articleId: claim.articleId });
    expect(agreement).toMatchObject({ ratedSentences: 1, percentAgreement: 0, disputed: [] });
    expect((await report(owner.id, claim.articleId)).agreement).toEqual(agreement);
  });
});

describe('report dates', () => {
  it('gives the submission time as reviewedAt (the CSV’s reviewed_at), kept when the verdict is reopened', async () => {
    const { editor, reviewer, reviewer2, team, claim } = await newsroomWithClaim();
    const sent = await submitted(reviewer.id, claim.id, { rating: 'unverifiable' });
    await sleep(150);
    await approveVerdict({
      userId: reviewer2.id,
      verdictId: sent.id,
      input: { version: sent.version },
    });
    const data = await report(editor.id, claim.articleId);
    const [verified] = data.claims;
    const submittedAt = new Date(sent.submittedAt!).getTime();
    const reviewedAt = new Date(verified!.reviewedAt).getTime();
    // The database's clock (audit trail) and the app's are one machine's here: a few ms apart.
    expect(Math.abs(reviewedAt - submittedAt)).toBeLessThan(100);
    expect(new Date(verified!.approvedAt).getTime() - reviewedAt).toBeGreaterThanOrEqual(100);
    const record = csvRecord(verified!, data);
    // The same instant, written in the requester's zone (Paris by default) with its offset.
    expect(String(record.reviewed_at)).toMatch(/[+-]0[12]:00$/);
    expect(new Date(String(record.reviewed_at)).toISOString()).toBe(verified!.reviewedAt);
    expect(new Date(String(record.approved_at)).toISOString()).toBe(verified!.approvedAt);
    expect(await teamReport(editor.id, team.id, 'csv')).toContain(`"${record.reviewed_at}"`);

    // Reopened (a new draft) and resubmitted: the published verdict's dates do not move.
    const draft = await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { rating: 'false', version: await versionOf(reviewer.id, claim.id) },
    });
    expect((await report(editor.id, claim.articleId)).claims[0]).toMatchObject({
      reviewedAt: verified!.reviewedAt,
      approvedAt: verified!.approvedAt,
    });
    await submitVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { version: draft.version },
    });
    expect((await report(editor.id, claim.articleId)).claims[0]).toMatchObject({
      rating: 'unverifiable',
      reviewedAt: verified!.reviewedAt,
    });
  });

  it('dates an editor’s written resolution by its approval', async () => {
    const { editor, reviewer, reviewer2, claim } = await newsroomWithClaim();
    await submitted(reviewer.id, claim.id, { rating: 'true' });
    await submitted(reviewer2.id, claim.id, { rating: 'false' });
    await resolveDispute({
      userId: editor.id,
      sentenceId: claim.id,
      input: { rating: 'misleading', rationale: 'Contexte manquant.' },
    });
    const [resolution] = (await report(editor.id, claim.articleId)).claims;
    expect(resolution!.reviewedAt).toBe(resolution!.approvedAt);
  });
});

describe('the migration’s back-fill', () => {
  it('marks the settlements made before the setting by whether their adjudicator had rated the sentence', async () => {
    const { owner, editor, reviewer, team, claim, sentences } = await newsroomWithClaim();
    await submitted(owner.id, claim.id, { rating: 'false' });
    await submitted(reviewer.id, claim.id, { rating: 'true' });
    const other = sentences.find((s) => s.kind === 'sentence' && s.id !== claim.id)!;
    // Settlements as the app recorded them before issue 12: no `byParty`.
    const legacy = async (sentenceId: string, actorId: string, after: object) =>
      (
        await prisma.auditEvent.create({
          data: {
            teamId: team.id,
            articleId: claim.articleId,
            sentenceId,
            actorId,
            action: 'sentence.resolve',
            entityType: 'sentence',
            entityId: sentenceId,
            after,
          },
          select: { id: true },
        })
      ).id;
    const byParty = await legacy(claim.id, owner.id, { rating: 'misleading' });
    const byOther = await legacy(claim.id, editor.id, { rating: 'true' });
    // The owner submitted on `claim`, not on `other`.
    const elsewhere = await legacy(other.id, owner.id, { rating: 'true' });
    const redacted = await legacy(other.id, owner.id, { redacted: true });

    const sql = readFileSync(MIGRATION, 'utf8');
    const backFill = sql.slice(sql.indexOf('UPDATE "audit_events"'));
    expect(backFill).toMatch(/^UPDATE "audit_events"[\s\S]+;\s*$/);
    await prisma.$executeRawUnsafe(backFill);

    const after = new Map(
      (
        await prisma.auditEvent.findMany({
          where: { id: { in: [byParty, byOther, elsewhere, redacted] } },
          select: { id: true, after: true },
        })
      ).map((e) => [e.id, e.after]),
    );
    expect(after.get(byParty)).toEqual({ rating: 'misleading', byParty: true });
    expect(after.get(byOther)).toEqual({ rating: 'true', byParty: false });
    expect(after.get(elsewhere)).toEqual({ rating: 'true', byParty: false });
    expect(after.get(redacted)).toEqual({ redacted: true });
  });
});
