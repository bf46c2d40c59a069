// The published page of a 200-claim fact-check (issue 15: ≤ 50 ms median), fetched as an
// anonymous reader would (no cookie) once the owner has published it: rendered afresh (before
// each sample the page's revision is bumped through SQL, outside the timed request, so its ETag
// is new and no process holds it rendered), then again for the same ETag (the server's rendered
// copy), and a conditional request (If-None-Match) answered 304 from the validators alone; for
// comparison side by side, the same claims as the signed-in HTML report of that article.
import type { BenchContext } from './context';
import { record } from './results';
import { median, summarize } from './stats';

const SAMPLES = 21;
const WARM_UP = 3;

export async function measurePublication(ctx: BenchContext): Promise<void> {
  const article = ctx.data.publication;
  const published = await ctx.http.request('POST', `/api/v1/articles/${article.id}/publication`, {
    cookie: ctx.data.owner.cookie,
  });
  if (published.status !== 200) {
    throw new Error(`publishing answered ${published.status}: ${published.body.toString()}`);
  }
  const { url, claimCount } = JSON.parse(published.body.toString()) as {
    url: string;
    claimCount: number;
  };
  const path = new URL(url).pathname;
  const page: number[] = [];
  const again: number[] = [];
  const cached: number[] = [];
  const report: number[] = [];
  let etag = '';
  let bytes = 0;
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    await ctx.db.query('UPDATE publications SET revision = revision + 1 WHERE article_id = $1', [
      article.id,
    ]);
    const response = await ctx.http.request('GET', path, {
      headers: { 'accept-encoding': 'identity' },
    });
    if (response.status !== 200) throw new Error(`the public page answered ${response.status}`);
    const second = await ctx.http.request('GET', path, {
      headers: { 'accept-encoding': 'identity' },
    });
    etag = String(response.headers.etag ?? '');
    bytes = response.body.byteLength;
    const conditional = await ctx.http.request('GET', path, {
      headers: { 'if-none-match': etag },
    });
    if (conditional.status !== 304) throw new Error(`a current copy got ${conditional.status}`);
    const signedIn = await ctx.http.request(
      'GET',
      `/api/v1/articles/${article.id}/report?format=html&download=0`,
      { cookie: ctx.data.owner.cookie, headers: { 'accept-encoding': 'identity' } },
    );
    if (i < WARM_UP) continue;
    page.push(response.ms);
    again.push(second.ms);
    cached.push(conditional.ms);
    report.push(signedIn.ms);
  }
  record({
    name: 'publication.page_200_claims_median_ms',
    unit: 'ms',
    value: median(page),
    target: 50,
    details: { claims: claimCount, bytes, page: summarize(page), htmlReport: summarize(report) },
  });
  record({
    name: 'publication.page_200_claims_held_median_ms',
    unit: 'ms',
    value: median(again),
    target: null,
    details: summarize(again),
  });
  record({
    name: 'publication.page_304_median_ms',
    unit: 'ms',
    value: median(cached),
    target: null,
    details: summarize(cached),
  });
}
