// Writes carry an Idempotency-Key: the same write sent twice (a retry after a lost answer, a
// double click, the offline queue replaying) is applied once and answered the same way.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createNewsroom, sentencesOf } from '../fixtures/newsroom';

test('a write replayed with its key is applied once and answered the same way', async () => {
  const room = await createNewsroom('Idempotence');
  const { reviewer } = room.members;
  const [sentence] = (await sentencesOf(reviewer, room.articleId)).filter(
    (s) => s.kind === 'sentence',
  );
  const key = `cle-${randomUUID()}`;
  const send = () =>
    reviewer.api.post(`/api/v1/sentences/${sentence!.id}/comments`, {
      data: { body: 'Une seule fois' },
      headers: { 'Idempotency-Key': key },
    });
  const [first, second] = await Promise.all([send(), send()]);
  const third = await send();
  expect([first.status(), second.status(), third.status()]).toEqual([201, 201, 201]);
  const bodies = await Promise.all([first.json(), second.json(), third.json()]);
  expect(new Set(bodies.map((b: { id: string }) => b.id)).size).toBe(1);
  expect(
    [first, second, third].filter((r) => r.headers()['idempotent-replayed'] === 'true'),
  ).toHaveLength(2);
  const listed = (await (
    await reviewer.api.get(`/api/v1/sentences/${sentence!.id}/comments`)
  ).json()) as {
    comments: { body: string }[];
  };
  expect(listed.comments.filter((c) => c.body === 'Une seule fois')).toHaveLength(1);

  // The same key for another request is a conflict, not a silent replay.
  const other = await reviewer.api.put(`/api/v1/sentences/${sentence!.id}/verdict`, {
    data: { rating: 'true' },
    headers: { 'Idempotency-Key': key },
  });
  expect(other.status()).toBe(409);
  // A malformed key is refused before anything happens.
  const bad = await reviewer.api.post(`/api/v1/sentences/${sentence!.id}/comments`, {
    data: { body: 'Clé trop courte' },
    headers: { 'Idempotency-Key': 'x' },
  });
  expect(bad.status()).toBe(422);
  await room.dispose();
});
