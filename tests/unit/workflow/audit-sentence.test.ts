// The team journal's sentences (issue 12, point 10): each audit action FactDesk records told in
// French, naming the member, with what changed as before → after values people read — never
// the stored JSON — and nothing of a redacted side.
import { describe, expect, it } from 'vitest';
import { de } from '@/lib/text/french';
import {
  AUDIT_ACTIONS,
  TEAM_AUDIT_ACTION_GROUPS,
  TEAM_AUDIT_ACTIONS,
} from '@/lib/workflow/audit-labels';
import { describeAuditEvent, type AuditEventInput } from '@/lib/workflow/audit-sentence';

const ana = { id: 'a', name: 'Ana' };
const ben = { id: 'b', name: 'Ben' };
const elie = { id: 'e', name: 'Élie' };

function event(action: string, fields: Partial<AuditEventInput> = {}): AuditEventInput {
  return {
    action,
    actor: ana,
    subject: null,
    sentence: null,
    article: null,
    before: null,
    after: null,
    ...fields,
  };
}

const onSentence4 = { sentence: { number: 4 }, article: { title: 'Le pacte' } };

describe('describeAuditEvent: the sentence', () => {
  const cases: [string, AuditEventInput, string][] = [
    [
      'an approval names the approver and the author',
      event('verdict.approve', { actor: ben, subject: ana, ...onSentence4 }),
      'Ben a approuvé le verdict d’Ana sur la phrase 4',
    ],
    [
      'de elides before a vowel, accented or not',
      event('verdict.reject', { actor: ana, subject: elie, ...onSentence4 }),
      'Ana a renvoyé le verdict d’Élie sur la phrase 4',
    ],
    [
      'not before a consonant',
      event('verdict.reject', { actor: ana, subject: ben, ...onSentence4 }),
      'Ana a renvoyé le verdict de Ben sur la phrase 4',
    ],
    [
      'a highlight',
      event('annotation.create', { sentence: { number: 2 }, article: { title: 'T' } }),
      'Ana a surligné un passage de la phrase 2',
    ],
    [
      'a highlight on a sentence a revision removed',
      event('annotation.delete', { sentence: { number: null }, article: { title: 'T' } }),
      'Ana a supprimé un surlignage d’une phrase retirée du texte',
    ],
    [
      'one’s own verdict',
      event('verdict.submit', { subject: ana, ...onSentence4 }),
      'Ana a soumis son verdict sur la phrase 4',
    ],
    [
      'a first draft',
      event('verdict.create', { subject: ana, ...onSentence4 }),
      'Ana a rédigé un verdict sur la phrase 4',
    ],
    [
      'an editor withdrawing someone else’s verdict',
      event('verdict.withdraw', { actor: ben, subject: ana, ...onSentence4 }),
      'Ben a retiré le verdict d’Ana sur la phrase 4',
    ],
    [
      'a verdict whose author is gone',
      event('verdict.approve', { actor: ben, subject: null, ...onSentence4 }),
      'Ben a approuvé le verdict d’un·e membre sur la phrase 4',
    ],
    [
      'an actor whose account is gone',
      event('comment.create', { actor: null, ...onSentence4, after: { parentId: null } }),
      'Un compte supprimé a commenté la phrase 4',
    ],
    [
      'a reply',
      event('comment.create', { ...onSentence4, after: { parentId: 'p', body: 'Oui.' } }),
      'Ana a répondu à un commentaire sur la phrase 4',
    ],
    [
      'a comment deleted',
      event('comment.delete', onSentence4),
      'Ana a supprimé un commentaire sur la phrase 4',
    ],
    [
      'a dispute settled',
      event('sentence.resolve', { actor: ben, ...onSentence4 }),
      'Ben a tranché le litige sur la phrase 4',
    ],
    [
      'a dispute settled by a party, where the team allows it',
      event('sentence.resolve', { actor: ben, ...onSentence4, after: { byParty: true } }),
      'Ben a tranché le litige sur la phrase 4 après l’avoir notée',
    ],
    [
      'the team’s settings',
      event('team.update', {
        before: { allowPartyAdjudication: false },
        after: { allowPartyAdjudication: true },
      }),
      'Ana a modifié les réglages de la rédaction',
    ],
    [
      'an assignment',
      event('sentence.assign', { ...onSentence4, after: { assignee: { id: 'b', name: 'Ben' } } }),
      'Ana a attribué la phrase 4 à Ben',
    ],
    [
      'an assignment removed',
      event('sentence.assign', {
        ...onSentence4,
        before: { assignee: { id: 'b', name: 'Ben' } },
        after: { assignee: null },
      }),
      'Ana a retiré l’attribution de la phrase 4',
    ],
    [
      'an article',
      event('article.create', { article: { title: 'Le pacte' }, after: { title: 'Le pacte' } }),
      'Ana a ajouté l’article « Le pacte »',
    ],
    [
      'a revision',
      event('article.revise', {
        article: { title: 'Le pacte' },
        before: { version: 1 },
        after: { version: 2 },
      }),
      'Ana a révisé le texte de l’article « Le pacte » (version 2)',
    ],
    [
      'a deleted article keeps the title its deletion recorded',
      event('article.deleted', { article: { title: null }, before: { title: 'Le pacte' } }),
      'Ana a supprimé l’article « Le pacte »',
    ],
    [
      'a deleted article whose events were redacted',
      event('article.update', { article: { title: null }, before: { redacted: true } }),
      'Ana a modifié un article supprimé',
    ],
    [
      'the team',
      event('team.create', { after: { name: 'Cellule vérif' } }),
      'Ana a créé la rédaction « Cellule vérif »',
    ],
    [
      'joining through an invitation',
      event('membership.create', { subject: ana, after: { role: 'reviewer' } }),
      'Ana a rejoint la rédaction en tant que vérificateur·rice',
    ],
    [
      'a role changed',
      event('membership.update', {
        subject: ben,
        before: { role: 'reviewer' },
        after: { role: 'editor' },
      }),
      'Ana a changé le rôle de Ben',
    ],
    [
      'someone removed',
      event('membership.delete', { subject: elie, before: { role: 'viewer' } }),
      'Ana a retiré Élie de la rédaction',
    ],
    ['leaving', event('membership.leave', { subject: ana }), 'Ana a quitté la rédaction'],
    [
      'an account deleted',
      event('member.account_deleted', { subject: ana }),
      'Ana a supprimé son compte et quitté la rédaction',
    ],
    [
      'an invitation',
      event('invitation.create', { after: { role: 'editor', expiresAt: '2026-12-10T00:00:00Z' } }),
      'Ana a créé un lien d’invitation (éditeur·rice)',
    ],
    ['an unknown action', event('robot.dance'), 'Ana : robot.dance'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(describeAuditEvent(input).sentence).toBe(expected);
  });

  it('has a sentence of its own for every action FactDesk records', () => {
    for (const action of AUDIT_ACTIONS) {
      const { sentence } = describeAuditEvent(event(action, onSentence4));
      expect(sentence, action).toMatch(/^Ana /);
      expect(sentence, action).not.toContain(action);
      expect(sentence, action).not.toContain('undefined');
    }
  });

  it('groups every action a team journal can hold in the action filter, once', () => {
    const grouped = TEAM_AUDIT_ACTION_GROUPS.flatMap((group) => group.actions);
    expect([...grouped].sort()).toEqual([...TEAM_AUDIT_ACTIONS].sort());
    expect(TEAM_AUDIT_ACTIONS).not.toContain('team.deleted');
  });
});

describe('describeAuditEvent: what changed', () => {
  it('shows a verdict’s rating, rationale and sources before → after, in words', () => {
    const { changes, hidden } = describeAuditEvent(
      event('verdict.update', {
        subject: ana,
        ...onSentence4,
        before: {
          rating: 'true',
          rationale: 'Vrai selon le Kremlin.',
          status: 'submitted',
          version: 3,
          sources: ['https://a.example'],
        },
        after: {
          rating: 'false',
          rationale: 'Démenti par l’AIEA.',
          status: 'submitted',
          version: 4,
          sources: ['https://a.example'],
        },
      }),
    );
    expect(changes).toEqual([
      { label: 'Verdict', before: 'Vrai', after: 'Faux' },
      { label: 'Justification', before: 'Vrai selon le Kremlin.', after: 'Démenti par l’AIEA.' },
    ]);
    expect(hidden).toBeNull();
  });

  it('shows the state a submission or an approval moves the verdict to', () => {
    const { changes } = describeAuditEvent(
      event('verdict.approve', {
        actor: ben,
        subject: ana,
        ...onSentence4,
        before: { rating: 'false', status: 'submitted', version: 2 },
        after: { rating: 'false', status: 'approved', version: 3 },
      }),
    );
    expect(changes).toEqual([{ label: 'État', before: 'Soumis', after: 'Approuvé' }]);
  });

  it('shows a role, a title, a reason and an assignee', () => {
    expect(
      describeAuditEvent(
        event('membership.update', {
          subject: ben,
          before: { role: 'reviewer' },
          after: { role: 'editor' },
        }),
      ).changes,
    ).toEqual([{ label: 'Rôle', before: 'vérificateur·rice', after: 'éditeur·rice' }]);
    expect(
      describeAuditEvent(
        event('article.update', {
          article: { title: 'Nouveau' },
          before: { title: 'Ancien', version: 1 },
          after: { title: 'Nouveau', version: 2 },
        }),
      ).changes,
    ).toEqual([{ label: 'Titre', before: 'Ancien', after: 'Nouveau' }]);
    expect(
      describeAuditEvent(
        event('verdict.reject', {
          actor: ben,
          subject: ana,
          ...onSentence4,
          before: { status: 'submitted', rating: 'true' },
          after: { status: 'rejected', rating: 'true', reason: 'Source manquante.' },
        }),
      ).changes,
    ).toEqual([
      { label: 'État', before: 'Soumis', after: 'Renvoyé' },
      { label: 'Motif du renvoi', before: null, after: 'Source manquante.' },
    ]);
    expect(
      describeAuditEvent(
        event('sentence.assign', {
          ...onSentence4,
          before: { assignee: null },
          after: { assignee: { id: 'b', name: 'Ben' } },
        }),
      ).changes,
    ).toEqual([{ label: 'Attribuée à', before: 'personne', after: 'Ben' }]);
  });

  it('shows a team setting as oui / non', () => {
    expect(
      describeAuditEvent(
        event('team.update', {
          before: { allowPartyAdjudication: false },
          after: { allowPartyAdjudication: true },
        }),
      ).changes,
    ).toEqual([
      { label: 'Les parties à un litige peuvent le trancher', before: 'non', after: 'oui' },
    ]);
  });

  it('shows what a creation set and what a deletion removed', () => {
    expect(
      describeAuditEvent(
        event('comment.create', { ...onSentence4, after: { body: 'À vérifier.', parentId: null } }),
      ).changes,
    ).toEqual([{ label: 'Texte', before: null, after: 'À vérifier.' }]);
    expect(
      describeAuditEvent(
        event('annotation.delete', {
          ...onSentence4,
          before: { note: 'Chiffre ?', sentenceIds: ['s'], selector: [{ type: 'x' }] },
        }),
      ).changes,
    ).toEqual([{ label: 'Note', before: 'Chiffre ?', after: null }]);
  });

  it('shows nothing of a redacted side, and says why', () => {
    const draft = describeAuditEvent(
      event('verdict.create', {
        subject: ben,
        actor: ben,
        ...onSentence4,
        after: { status: 'draft', version: 1, redacted: true },
      }),
    );
    expect(draft.sentence).toBe('Ben a rédigé un verdict sur la phrase 4');
    expect(draft.changes).toEqual([{ label: 'État', before: null, after: 'Brouillon' }]);
    expect(draft.hidden).toMatch(/brouillon reste privé/);

    const submit = describeAuditEvent(
      event('verdict.submit', {
        subject: ben,
        actor: ben,
        ...onSentence4,
        before: { status: 'draft', version: 2, redacted: true },
        after: { rating: 'misleading', rationale: 'Exagéré.', status: 'submitted', version: 3 },
      }),
    );
    expect(submit.changes).toEqual([
      { label: 'Verdict', before: null, after: 'Trompeur' },
      { label: 'État', before: 'Brouillon', after: 'Soumis' },
      { label: 'Justification', before: null, after: 'Exagéré.' },
    ]);

    const comment = describeAuditEvent(
      event('comment.create', {
        ...onSentence4,
        after: { parentId: null, annotationId: null, redacted: true },
      }),
    );
    expect(comment.changes).toEqual([]);
    expect(comment.hidden).toBe('Le texte de ce commentaire a été supprimé.');
  });

  it('never prints the stored JSON', () => {
    for (const action of AUDIT_ACTIONS) {
      const { sentence, changes } = describeAuditEvent(
        event(action, {
          ...onSentence4,
          before: { selector: [{ type: 'TextQuoteSelector', exact: 'x' }], sentenceIds: ['s'] },
          after: { highlights: { anchored: 1 }, teamsLeft: 2, expiresAt: '2026-01-01' },
        }),
      );
      const shown = [sentence, ...changes.flatMap((c) => [c.label, c.before, c.after])];
      expect(shown.join('\n'), action).not.toMatch(/[{}[\]]|Selector|anchored|teamsLeft/);
    }
  });
});

describe('de', () => {
  it.each([
    ['Ana', 'd’Ana'],
    ['Élie Éditeur', 'd’Élie Éditeur'],
    ['Ben', 'de Ben'],
    ['la phrase 4', 'de la phrase 4'],
    ['une phrase retirée du texte', 'd’une phrase retirée du texte'],
    ['Œdipe', 'd’Œdipe'],
  ])('%s', (phrase, expected) => {
    expect(de(phrase)).toBe(expected);
  });
});

describe('describeAuditEvent in English', () => {
  const english = (input: AuditEventInput) => describeAuditEvent(input, 'en');

  it.each([
    [
      event('verdict.approve', { actor: ben, subject: ana, ...onSentence4 }),
      'Ben approved Ana’s verdict on sentence 4',
    ],
    [
      event('verdict.submit', { actor: ana, subject: ana, ...onSentence4 }),
      'Ana submitted their verdict on sentence 4',
    ],
    [
      event('annotation.delete', { sentence: { number: null }, article: { title: 'T' } }),
      'Ana deleted a highlight on a sentence removed from the text',
    ],
    [
      event('article.revise', { article: { title: 'Le pacte' }, after: { version: 3 } }),
      'Ana revised the text of the article “Le pacte” (version 3)',
    ],
    [
      event('sentence.resolve', { ...onSentence4, after: { byParty: true } }),
      'Ana settled the dispute on sentence 4 after rating it',
    ],
    [
      event('membership.create', { actor: ben, subject: elie, after: { role: 'reviewer' } }),
      'Ben added Élie to the newsroom as fact-checker',
    ],
    [
      event('verdict.create', { actor: null, subject: ben, ...onSentence4 }),
      'A deleted account wrote Ben’s verdict on sentence 4',
    ],
  ])('%#: %s', (input, expected) => {
    expect(english(input).sentence).toBe(expected);
  });

  it('says what changed with English labels and values', () => {
    const { changes, hidden } = english(
      event('verdict.update', {
        subject: ana,
        ...onSentence4,
        before: { rating: 'true', sources: [] },
        after: { rating: 'unverifiable', sources: ['https://a.example'] },
      }),
    );
    expect(changes).toEqual([
      { label: 'Verdict', before: 'True', after: 'Unverifiable' },
      { label: 'Sources', before: '(none)', after: 'https://a.example' },
    ]);
    expect(hidden).toBeNull();
    expect(
      english(
        event('team.update', {
          before: { publicationLanguage: 'fr' },
          after: { publicationLanguage: 'en' },
        }),
      ).changes,
    ).toEqual([{ label: 'Language of published reports', before: 'French', after: 'English' }]);
    expect(english(event('article.create', { after: { language: 'fr' } })).changes).toEqual([
      { label: 'Language', before: null, after: 'French' },
    ]);
    expect(
      describeAuditEvent(event('article.create', { after: { language: 'es' } })).changes,
    ).toEqual([{ label: 'Langue', before: null, after: 'es' }]);
    expect(
      english(event('verdict.update', { subject: ben, ...onSentence4, after: { redacted: true } }))
        .hidden,
    ).toBe('A draft’s content stays private: only its author sees it.');
  });

  it('has an English sentence for every action, with no French in it', () => {
    for (const action of AUDIT_ACTIONS) {
      const { sentence } = english(
        event(action, { subject: ben, ...onSentence4, after: { role: 'editor' } }),
      );
      expect(sentence, action).toMatch(/^Ana /);
      // No French word: « a ajouté », « la phrase », « sur », « de la », « rédaction »…
      expect(sentence, action).not.toMatch(
        / a [a-zé]+é\b| la | le | sur | du | d’|rédaction|phrase/,
      );
    }
  });
});
