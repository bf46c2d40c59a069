// Reading the big article (2,000 sentences, 20,000 highlights) through the API — GET
// /api/v1/articles/{id} then GET /api/v1/articles/{id}/annotations — against raw SELECTs of the
// same rows with `pg` (the article with the caller's membership, its units, its highlights with
// author and sentence links). Median of 10 after 2 warm-ups, interleaved.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BenchContext } from './context';
import { record } from './results';
import { summarize } from './stats';

const WARM_UP = 2;
const SAMPLES = 10;

async function rawRead(client: pg.Client, articleId: string, userId: string): Promise<number> {
  const article = await client.query(
    `SELECT a.id, a.team_id, a.title, a.language, a.text, a.partial, a.version, a.source_url,
       a.publisher, a.author, a.published_at, a.created_at, a.updated_at, t.name, m.role
     FROM articles a JOIN teams t ON t.id = a.team_id
     JOIN memberships m ON m.team_id = a.team_id AND m.user_id = $2
     WHERE a.id = $1`,
    [articleId, userId],
  );
  if (article.rowCount !== 1) throw new Error('raw read: article not found');
  const units = await client.query(
    `SELECT id, index, start, "end", kind, text, checkworthiness, checkworthiness_reasons,
       retired_at
     FROM sentences WHERE article_id = $1 ORDER BY index`,
    [articleId],
  );
  const annotations = await client.query(
    `SELECT a.id, a.note, a.quote_exact, a.quote_prefix, a.quote_suffix, a.position_start,
       a.position_end, a.anchor_status, a.version, a.created_at, u.id AS author_id,
       u.name AS author_name, array_agg(l.sentence_id) AS sentence_ids
     FROM annotations a JOIN users u ON u.id = a.author_id
     LEFT JOIN annotation_sentences l ON l.annotation_id = a.id
     WHERE a.article_id = $1
     GROUP BY a.id, u.id ORDER BY a.position_start`,
    [articleId],
  );
  return units.rowCount! + annotations.rowCount!;
}

export async function measureBigArticleRead(ctx: BenchContext): Promise<void> {
  const { http, data } = ctx;
  const article = data.big;
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    const app: number[] = [];
    const appParts: { article: number; annotations: number }[] = [];
    const raw: number[] = [];
    let bytes = { article: 0, annotations: 0 };
    let rows = 0;
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const one = await http.request('GET', `/api/v1/articles/${article.id}`, {
        cookie: data.owner.cookie,
      });
      const two = await http.request('GET', `/api/v1/articles/${article.id}/annotations`, {
        cookie: data.owner.cookie,
      });
      if (one.status !== 200 || two.status !== 200) {
        throw new Error(`big article read answered ${one.status} / ${two.status}`);
      }
      const start = performance.now();
      rows = await rawRead(client, article.id, data.owner.id);
      const rawMs = performance.now() - start;
      if (i >= WARM_UP) {
        app.push(one.ms + two.ms);
        appParts.push({ article: one.ms, annotations: two.ms });
        raw.push(rawMs);
      }
      bytes = { article: one.body.length, annotations: two.body.length };
    }
    record({
      name: 'read.big_article.ratio',
      unit: 'ms',
      value: summarize(app).median,
      baseline: summarize(raw).median,
      target: 5,
      details: {
        app: summarize(app),
        article: summarize(appParts.map((p) => p.article)),
        annotations: summarize(appParts.map((p) => p.annotations)),
        raw: summarize(raw),
        responseBytes: bytes,
        rawRows: rows,
      },
    });
  } finally {
    await client.end();
  }
}
