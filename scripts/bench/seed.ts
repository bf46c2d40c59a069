// The benchmark's data, deterministic (seeded generator). Through the real API: sign-up and
// sign-in of the owner and a reviewer (CSRF + credentials callback → session cookie), the team,
// the invitation, and every article (POST /api/v1/articles with `text`, segmented by the app).
// Through SQL, where the API would be too slow to seed or would distort what is measured:
//  - 50 extra reviewers for the concurrent writes (bcrypt cost 12 twice per account would keep
//    the server busy for ~30 s): users + memberships rows, their session cookies minted with
//    next-auth's own JWT encoder and the server's NEXTAUTH_SECRET (what a sign-in returns);
//  - 20,000 highlights on the big article, with their annotation_sentences links;
//  - an approved, published verdict (with sources) on each of the report article's 2,000
//    sentences, plus a second, submitted verdict on 30 % of them (agreement figures).
import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import type pg from 'pg';
import { planHighlight, type Unit } from './highlights';
import { acceptedJob, followJob } from './follow-job';
import { SESSION_COOKIE, signIn, type Http } from './http';
import { mulberry32, type Rng } from './rng';
import { articleText, sentence, SEED_TEXT } from './text';

const PASSWORD = 'banc-de-mesure-2026';
export const BIG_SENTENCES = 2000;
export const BIG_HIGHLIGHTS = 20_000;
export const WRITES_SENTENCES = 240;
export const CONCURRENT_USERS = 50;
export const PUBLICATION_SENTENCES = 200;

export interface BenchUser {
  id: string;
  email: string;
  name: string;
  cookie: string;
}

export interface BenchArticle {
  id: string;
  title: string;
  text: string;
  units: Unit[];
  /** Units of kind `sentence`. */
  sentences: Unit[];
}

export interface BenchData {
  teamId: string;
  owner: BenchUser;
  reviewer: BenchUser;
  writers: BenchUser[];
  /** The seed article as is (a normal-sized article). */
  small: BenchArticle;
  /** A long article (240 sentences) that takes the measured writes. */
  writes: BenchArticle;
  /** 2,000 sentences, 20,000 highlights. */
  big: BenchArticle;
  /** 2,000 sentences, each with a published verdict. */
  report: BenchArticle;
  /** 200 sentences, each with a published verdict: the published page measured. */
  publication: BenchArticle;
  highlightCount: number;
}

interface ArticleResponse {
  id: string;
  title: string;
  text: string;
  sentences: Unit[];
}

export async function signUp(http: Http, name: string, email: string): Promise<BenchUser> {
  const { id } = await http.json<{ id: string }>('POST', '/api/v1/signup', {
    json: { email, name, password: PASSWORD },
    expected: 201,
  });
  return { id, email, name, cookie: await signIn(http, email, PASSWORD) };
}

async function createArticle(
  http: Http,
  owner: BenchUser,
  teamId: string,
  title: string,
  text: string,
): Promise<BenchArticle> {
  const response = await http.request('POST', '/api/v1/articles', {
    cookie: owner.cookie,
    json: { teamId, title, text, language: 'fr' },
  });
  let article: ArticleResponse;
  if (response.status === 201) {
    article = JSON.parse(response.body.toString('utf8')) as ArticleResponse;
  } else {
    // Above the synchronous budget: the worker imports it; the job's result is the article.
    const job = acceptedJob(response, `POST /api/v1/articles (${title})`);
    const { job: done } = await followJob(http, owner.cookie, job.id);
    if (!done.articleId) throw new Error(`import job ${job.id} succeeded without an article`);
    article = await http.json<ArticleResponse>('GET', `/api/v1/articles/${done.articleId}`, {
      cookie: owner.cookie,
    });
  }
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    units: article.sentences,
    sentences: article.sentences.filter((unit) => unit.kind === 'sentence'),
  };
}

/**
 * The `Cookie` header a sign-in would have given `user` (same encoder, same secret), carrying
 * the id of a session row as a sign-in does (`sid`: sessions are revocable, lib/auth/options.ts).
 */
export async function mintSession(
  user: { id: string; email: string; name: string },
  secret: string,
  sessionId: string,
): Promise<string> {
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email, sid: sessionId },
    secret,
    maxAge: 12 * 60 * 60,
  });
  return `${SESSION_COOKIE}=${token}`;
}

async function insertWriters(
  db: pg.Client,
  teamId: string,
  owner: BenchUser,
  secret: string,
): Promise<BenchUser[]> {
  const users = Array.from({ length: CONCURRENT_USERS }, (_, i) => ({
    id: randomUUID(),
    email: `banc-${String(i + 1).padStart(2, '0')}@bench.factdesk.test`,
    name: `Vérificateur·rice ${i + 1}`,
  }));
  await db.query(
    `INSERT INTO users (id, email, name, password_hash)
     SELECT id, email, name, (SELECT password_hash FROM users WHERE id = $4)
     FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, email, name)`,
    [users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.name), owner.id],
  );
  await db.query(
    `INSERT INTO memberships (team_id, user_id, role)
     SELECT $1, id, 'reviewer' FROM unnest($2::uuid[]) AS t(id)`,
    [teamId, users.map((u) => u.id)],
  );
  const sessions = await db.query<{ id: string; user_id: string }>(
    `INSERT INTO sessions (id, user_id, expires_at, user_agent)
     SELECT gen_random_uuid(), id, now() + interval '12 hours', 'bench'
     FROM unnest($1::uuid[]) AS t(id)
     RETURNING id, user_id`,
    [users.map((u) => u.id)],
  );
  const sessionOf = new Map(sessions.rows.map((row) => [row.user_id, row.id]));
  return Promise.all(
    users.map(async (u) => ({ ...u, cookie: await mintSession(u, secret, sessionOf.get(u.id)!) })),
  );
}

async function insertHighlights(
  db: pg.Client,
  rng: Rng,
  article: BenchArticle,
  authors: BenchUser[],
  count: number,
): Promise<void> {
  const BATCH = 5000;
  const base = Date.now() - 30 * 24 * 3600 * 1000;
  for (let done = 0; done < count; done += BATCH) {
    const ids: string[] = [];
    const authorIds: string[] = [];
    const notes: (string | null)[] = [];
    const exact: string[] = [];
    const prefix: string[] = [];
    const suffix: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const created: string[] = [];
    const linkAnnotation: string[] = [];
    const linkSentence: string[] = [];
    for (let i = done; i < Math.min(count, done + BATCH); i++) {
      const planned = planHighlight(rng, article.text, article.units);
      const id = randomUUID();
      const [quote, position] = planned.selector;
      ids.push(id);
      authorIds.push(rng.pick(authors).id);
      notes.push(rng.chance(0.1) ? sentence(rng) : null);
      exact.push(quote.exact);
      prefix.push(quote.prefix ?? '');
      suffix.push(quote.suffix ?? '');
      starts.push(position.start);
      ends.push(position.end);
      created.push(new Date(base + i * 60_000).toISOString());
      for (const sentenceId of planned.sentenceIds) {
        linkAnnotation.push(id);
        linkSentence.push(sentenceId);
      }
    }
    await db.query(
      `INSERT INTO annotations (id, article_id, author_id, note, quote_exact, quote_prefix,
         quote_suffix, position_start, position_end, created_at, updated_at)
       SELECT id, $1, author, note, exact, prefix, suffix, s, e, at, at
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::int[], $9::int[], $10::timestamptz[])
         AS t(id, author, note, exact, prefix, suffix, s, e, at)`,
      [article.id, ids, authorIds, notes, exact, prefix, suffix, starts, ends, created],
    );
    await db.query(
      `INSERT INTO annotation_sentences (annotation_id, sentence_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [linkAnnotation, linkSentence],
    );
  }
}

const RATINGS = ['true', 'mostly_true', 'misleading', 'false', 'unverifiable', 'not_a_claim'];
const PUBLISHERS = ['AFP Factuel', 'Les Surligneurs', 'Libération CheckNews', 'Le Monde'];

async function insertPublishedVerdicts(
  db: pg.Client,
  rng: Rng,
  article: BenchArticle,
  author: BenchUser,
  approver: BenchUser,
  second: BenchUser,
): Promise<void> {
  const verdict = {
    id: [] as string[],
    sentence: [] as string[],
    author: [] as string[],
    rating: [] as string[],
    rationale: [] as string[],
    status: [] as string[],
    reviewer: [] as (string | null)[],
  };
  const source = {
    verdict: [] as string[],
    position: [] as number[],
    url: [] as string[],
    title: [] as string[],
    publisher: [] as string[],
    publishedAt: [] as string[],
    excerpt: [] as string[],
  };
  const published = {
    sentence: [] as string[],
    verdict: [] as string[],
    rating: [] as string[],
    rationale: [] as string[],
    sources: [] as string[],
  };
  for (const unit of article.sentences) {
    const id = randomUUID();
    const rating = rng.pick(RATINGS);
    const rationale = `${sentence(rng)} ${sentence(rng)}`;
    verdict.id.push(id);
    verdict.sentence.push(unit.id);
    verdict.author.push(author.id);
    verdict.rating.push(rating);
    verdict.rationale.push(rationale);
    verdict.status.push('approved');
    verdict.reviewer.push(approver.id);
    const sources = Array.from({ length: rng.int(1, 2) }, (_, position) => ({
      url: `https://verification.example.org/${unit.index}/${position}`,
      title: sentence(rng).slice(0, 120),
      publisher: rng.pick(PUBLISHERS),
      publishedAt: `2024-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      excerpt: sentence(rng),
    }));
    sources.forEach((s, position) => {
      source.verdict.push(id);
      source.position.push(position);
      source.url.push(s.url);
      source.title.push(s.title);
      source.publisher.push(s.publisher);
      source.publishedAt.push(s.publishedAt);
      source.excerpt.push(s.excerpt);
    });
    published.sentence.push(unit.id);
    published.verdict.push(id);
    published.rating.push(rating);
    published.rationale.push(rationale);
    published.sources.push(JSON.stringify(sources));
    if (rng.chance(0.3)) {
      verdict.id.push(randomUUID());
      verdict.sentence.push(unit.id);
      verdict.author.push(second.id);
      verdict.rating.push(rng.chance(0.8) ? rating : rng.pick(RATINGS));
      verdict.rationale.push(sentence(rng));
      verdict.status.push('submitted');
      verdict.reviewer.push(null);
    }
  }
  await db.query(
    `INSERT INTO verdicts (id, sentence_id, author_id, rating, rationale, status, submitted_at,
       reviewed_by_id, reviewed_at, updated_at)
     SELECT id, s, a, r::"Rating", why, st::"VerdictStatus", now(), rev,
       CASE WHEN st = 'approved' THEN now() END, now()
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[],
       $7::uuid[]) AS t(id, s, a, r, why, st, rev)`,
    [
      verdict.id,
      verdict.sentence,
      verdict.author,
      verdict.rating,
      verdict.rationale,
      verdict.status,
      verdict.reviewer,
    ],
  );
  await db.query(
    `INSERT INTO sources (id, verdict_id, position, url, title, publisher, published_at, excerpt)
     SELECT gen_random_uuid(), v, p, u, t, pub, d::date, x
     FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
       $7::text[]) AS t(v, p, u, t, pub, d, x)`,
    [
      source.verdict,
      source.position,
      source.url,
      source.title,
      source.publisher,
      source.publishedAt,
      source.excerpt,
    ],
  );
  await db.query(
    `INSERT INTO published_verdicts (sentence_id, verdict_id, rating, rationale, sources,
       author_id, approved_by_id, approved_at)
     SELECT s, v, r::"Rating", why, src::jsonb, $6, $7, now()
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[])
       AS t(s, v, r, why, src)`,
    [
      published.sentence,
      published.verdict,
      published.rating,
      published.rationale,
      published.sources,
      author.id,
      approver.id,
    ],
  );
}

export async function seed(options: {
  http: Http;
  db: pg.Client;
  secret: string;
  log: (line: string) => void;
}): Promise<BenchData> {
  const { http, db, log } = options;
  const owner = await signUp(http, 'Olga Banc', 'olga@bench.factdesk.test');
  const reviewer = await signUp(http, 'Rémi Banc', 'remi@bench.factdesk.test');
  const { id: teamId } = await http.json<{ id: string }>('POST', '/api/v1/teams', {
    cookie: owner.cookie,
    json: { name: 'Rédaction du banc' },
    expected: 201,
  });
  const { token } = await http.json<{ token: string }>(
    'POST',
    `/api/v1/teams/${teamId}/invitations`,
    { cookie: owner.cookie, json: { role: 'reviewer' }, expected: 201 },
  );
  await http.json('POST', `/api/v1/invitations/${token}/accept`, { cookie: reviewer.cookie });
  log('accounts and team created through the API');

  const small = await createArticle(http, owner, teamId, 'Article de départ', SEED_TEXT);
  const writes = await createArticle(
    http,
    owner,
    teamId,
    'Article long (écritures)',
    articleText(mulberry32(7), WRITES_SENTENCES),
  );
  const bigText = articleText(mulberry32(2026), BIG_SENTENCES);
  const big = await createArticle(http, owner, teamId, 'Grand article (surlignages)', bigText);
  const report = await createArticle(http, owner, teamId, 'Grand article (rapport)', bigText);
  const publication = await createArticle(
    http,
    owner,
    teamId,
    'Article publié (200 affirmations)',
    articleText(mulberry32(200), PUBLICATION_SENTENCES),
  );
  log(
    `articles created through the API: ${[small, writes, big, report, publication]
      .map((a) => `${a.sentences.length} sentences`)
      .join(', ')}`,
  );

  const writers = await insertWriters(db, teamId, owner, options.secret);
  const rng = mulberry32(20_000);
  await insertHighlights(db, rng, big, [owner, reviewer, ...writers.slice(0, 4)], BIG_HIGHLIGHTS);
  await insertPublishedVerdicts(db, rng, report, reviewer, owner, writers[0]);
  await insertPublishedVerdicts(db, rng, publication, reviewer, owner, writers[0]);
  await db.query('ANALYZE');
  log(
    `SQL: ${writers.length} reviewers, ${BIG_HIGHLIGHTS} highlights, ${report.sentences.length} published verdicts`,
  );
  return {
    teamId,
    owner,
    reviewer,
    writers,
    small,
    writes,
    big,
    report,
    publication,
    highlightCount: BIG_HIGHLIGHTS,
  };
}
