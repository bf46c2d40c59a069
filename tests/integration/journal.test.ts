// The team journal (issue 12, point 10): each event is a French sentence naming the member
// (« Seconde relectrice a approuvé le verdict de Relecteur sur la phrase 4 »), with what
// changed in words, never the stored JSON; filterable by member and by action in the query
// (the API and the page alike); the redaction rules hold for the new fields too.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/session', async (importOriginal) =>
  (await import('../support/signed-in')).sessionAs(await importOriginal()),
);

import { ZodError } from 'zod';
import { describeRange } from '@/lib/anchoring';
import { createAnnotation } from '@/lib/server/annotations/create-annotation';
import { createComment } from '@/lib/server/comments/create-comment';
import { deleteComment } from '@/lib/server/comments/delete-comment';
import { updateMember } from '@/lib/server/teams/update-member';
import { listTeamAudit } from '@/lib/server/teams/list-team-audit';
import { setVerdict } from '@/lib/server/verdicts/set-verdict';
import { approveVerdict } from '@/lib/server/verdicts/review-verdict';
import { signedIn as session } from '../support/signed-in';
import { makeNewsroom, SEED_TEXT, submitted } from './fixtures';
import { pageStrings } from './page-text';

type Journal = Awaited<ReturnType<typeof listTeamAudit>>;

/** Everything the journal shows of an event: its sentence and its changes. */
function shown(journal: Journal): string {
  return journal.events
    .flatMap((e) => [
      e.summary,
      e.hidden ?? '',
      ...e.changes.flatMap((c) => [c.label, c.before ?? '', c.after ?? '']),
    ])
    .join('\n');
}

async function roomWithActivity() {
  const room = await makeNewsroom();
  const { reviewer, reviewer2, article, sentences } = room;
  const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
  const verdict = await submitted(reviewer.id, claim.id, {
    rating: 'false',
    rationale: 'Démenti par les données de l’ONU.',
    sources: [{ url: 'https://example.org/onu' }],
  });
  await approveVerdict({
    userId: reviewer2.id,
    verdictId: verdict.id,
    input: { version: verdict.version },
  });
  const quote = 'isolement profond';
  const start = SEED_TEXT.indexOf(quote);
  await createAnnotation({
    userId: reviewer2.id,
    articleId: article.id,
    input: { selector: describeRange(SEED_TEXT, { start, end: start + quote.length }) },
  });
  const highlighted = sentences.find((s) => s.text.includes(quote))!;
  return { ...room, claim, highlighted };
}

describe('team journal', () => {
  it('tells each event as a sentence naming the member, with what changed in words', async () => {
    const { owner, reviewer, reviewer2, team, article, claim, highlighted } =
      await roomWithActivity();
    const journal = await listTeamAudit({ userId: owner.id, teamId: team.id, query: {} });
    const approve = journal.events.find((e) => e.action === 'verdict.approve')!;
    expect(approve).toMatchObject({
      summary: `Seconde relectrice a approuvé le verdict de Relecteur sur la phrase ${claim.index + 1}`,
      subject: { id: reviewer.id, name: reviewer.name },
      actor: { id: reviewer2.id },
      sentenceNumber: claim.index + 1,
      article: { id: article.id },
      href: `/articles/${article.id}?sentence=${claim.id}#sentence-${claim.index + 1}`,
      changes: [{ label: 'État', before: 'Soumis', after: 'Approuvé' }],
      hidden: null,
    });
    const submit = journal.events.find((e) => e.action === 'verdict.submit')!;
    expect(submit.summary).toBe(`Relecteur a soumis son verdict sur la phrase ${claim.index + 1}`);
    // The draft it was is the author's: only its state shows, the submitted content in full.
    expect(submit.changes).toEqual([
      { label: 'Verdict', before: null, after: 'Faux' },
      { label: 'État', before: 'Brouillon', after: 'Soumis' },
      { label: 'Justification', before: null, after: 'Démenti par les données de l’ONU.' },
      { label: 'Sources', before: null, after: 'https://example.org/onu' },
    ]);
    expect(journal.events.find((e) => e.action === 'annotation.create')!.summary).toBe(
      `Seconde relectrice a surligné un passage de la phrase ${highlighted.index + 1}`,
    );
    expect(journal.events.find((e) => e.action === 'article.create')!.summary).toBe(
      `Éditrice a ajouté l’article « ${article.title} »`,
    );
    // No raw JSON anywhere people read.
    expect(shown(journal)).not.toMatch(/[{}]|"status"|TextQuoteSelector/);
  });

  it('tells the same events in English to a reader of the English interface', async () => {
    const { owner, team, article, claim } = await roomWithActivity();
    const journal = await listTeamAudit({
      userId: owner.id,
      teamId: team.id,
      query: {},
      locale: 'en',
    });
    expect(journal.events.find((e) => e.action === 'verdict.approve')).toMatchObject({
      summary: `Seconde relectrice approved Relecteur’s verdict on sentence ${claim.index + 1}`,
      changes: [{ label: 'Status', before: 'Submitted', after: 'Approved' }],
    });
    expect(journal.events.find((e) => e.action === 'verdict.submit')!.changes).toContainEqual({
      label: 'Verdict',
      before: null,
      after: 'False',
    });
    expect(journal.events.find((e) => e.action === 'article.create')!.summary).toBe(
      `Éditrice added the article “${article.title}”`,
    );
  });

  it('names the member a role change is about, and shows the role before → after', async () => {
    const { owner, reviewer, team } = await makeNewsroom();
    await updateMember({
      userId: owner.id,
      teamId: team.id,
      memberId: reviewer.id,
      input: { role: 'editor' },
    });
    const [event] = (
      await listTeamAudit({
        userId: owner.id,
        teamId: team.id,
        query: { action: 'membership.update' },
      })
    ).events;
    expect(event).toMatchObject({
      summary: 'Propriétaire a changé le rôle de Relecteur',
      changes: [{ label: 'Rôle', before: 'vérificateur·rice', after: 'éditeur·rice' }],
    });
  });

  it('filters by member and by action in the query, pages included', async () => {
    const { owner, reviewer, reviewer2, editor, team } = await roomWithActivity();
    const list = (query: object) => listTeamAudit({ userId: owner.id, teamId: team.id, query });

    const all = await list({});
    expect(new Set(all.events.map((e) => e.actor?.id)).size).toBeGreaterThan(2);

    const byBen = await list({ member: reviewer2.id });
    expect(byBen.events.map((e) => e.action).sort()).toEqual([
      'annotation.create',
      'verdict.approve',
    ]);
    expect(byBen.filters).toEqual({ member: reviewer2.id, action: null });

    const approvals = await list({ action: 'verdict.approve' });
    expect(approvals.events.map((e) => e.actor?.id)).toEqual([reviewer2.id]);

    expect((await list({ member: reviewer.id, action: 'verdict.approve' })).events).toEqual([]);
    expect((await list({ member: editor.id })).events.map((e) => e.action)).toEqual([
      'article.create',
    ]);

    // Filters and the cursor together: older events of that member only.
    const newest = byBen.events[0]!;
    const older = await list({ member: reviewer2.id, before: newest.id });
    expect(older.events.map((e) => e.id)).toEqual(byBen.events.slice(1).map((e) => e.id));

    // The filter's choices: the team's members, by name.
    expect(all.members.map((m) => m.name)).toEqual(
      [...all.members.map((m) => m.name)].sort((a, b) => a.localeCompare(b, 'fr')),
    );
    expect(all.members.map((m) => m.id)).toContain(reviewer2.id);

    for (const query of [
      { action: 'verdict.explode' },
      { action: 'team.deleted' },
      { member: 'ben' },
      { member: [reviewer.id, reviewer2.id] },
    ]) {
      await expect(list(query), JSON.stringify(query)).rejects.toThrow(ZodError);
    }
  });

  it('the API and the page read the same filters', async () => {
    const { owner, reviewer2, team } = await roomWithActivity();
    session.userId = owner.id;
    const { GET } = await import('@/app/api/v1/teams/[id]/audit/route');
    const url = `http://localhost:3000/api/v1/teams/${team.id}/audit`;
    const context = { params: Promise.resolve({ id: team.id }) };
    const ok = await GET(
      new Request(`${url}?member=${reviewer2.id}&action=verdict.approve`),
      context,
    );
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Journal;
    expect(body.events.map((e) => e.summary)).toEqual([
      expect.stringMatching(/^Seconde relectrice a approuvé le verdict de Relecteur/),
    ]);
    expect((await GET(new Request(`${url}?action=nope`), context)).status).toBe(422);

    const { default: AuditPage } = await import('@/app/(app)/teams/[id]/audit/page');
    const page = await AuditPage({
      params: Promise.resolve({ id: team.id }),
      searchParams: Promise.resolve({ member: reviewer2.id }),
    });
    const text = pageStrings(page);
    expect(text).toContain('Seconde relectrice a approuvé le verdict de Relecteur');
    expect(text).not.toContain('Éditrice a ajouté l’article');
    // A malformed filter is said, and left out.
    const invalid = pageStrings(
      await AuditPage({
        params: Promise.resolve({ id: team.id }),
        searchParams: Promise.resolve({ action: 'nope' }),
      }),
    );
    expect(invalid).toContain('Le filtre « Action » est invalide');
    expect(invalid).toContain('Éditrice a ajouté l’article');
  });

  it('keeps the redaction rules: a teammate’s draft and a deleted comment show no content', async () => {
    const { owner, reviewer, reviewer2, team, sentences } = await makeNewsroom();
    const claim = sentences.find((s) => s.text.includes('cinq millions'))!;
    await setVerdict({
      userId: reviewer.id,
      sentenceId: claim.id,
      input: { rating: 'true', rationale: 'Brouillon 9f9f privé.' },
    });
    const comment = await createComment({
      userId: reviewer2.id,
      sentenceId: claim.id,
      input: { body: 'Commentaire 8e8e effacé.' },
    });
    await deleteComment({ userId: reviewer2.id, commentId: comment.id, input: {} });

    // The owner reads the journal: neither the draft's content nor the deleted text.
    const journal = await listTeamAudit({ userId: owner.id, teamId: team.id, query: {} });
    expect(JSON.stringify(journal.events)).not.toMatch(/9f9f|8e8e/);
    const draft = journal.events.find((e) => e.action === 'verdict.create')!;
    expect(draft.summary).toBe(`Relecteur a rédigé un verdict sur la phrase ${claim.index + 1}`);
    expect(draft.changes).toEqual([{ label: 'État', before: null, after: 'Brouillon' }]);
    expect(draft.hidden).toMatch(/brouillon reste privé/);
    const created = journal.events.find((e) => e.action === 'comment.create')!;
    expect(created.summary).toBe(`Seconde relectrice a commenté la phrase ${claim.index + 1}`);
    expect(created.changes).toEqual([]);
    expect(created.hidden).toBe('Le texte de ce commentaire a été supprimé.');
  });
});
