// Claim matching (issue 16), over HTTP as a fact-checker would use it:
//  - quality on the labelled FR+EN set (tests/fixtures/claim-matching/eval-set.json): a fresh
//    account and team import every candidate as a trusted ClaimReview
//    (POST /api/v1/teams/{id}/fact-checks/import), then search each query
//    (GET /api/v1/claims/search) — precision@1, recall@5 and the changed-figure rate (target 0);
//  - speed against 100,000 indexed claims (a generated corpus written through SQL into another
//    team of that account, with the features the app computes): p95 of one search ≤ 50 ms.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { claimFeatures } from '@/lib/matching/features';
import { evaluateMatching, type EvalPair } from '@/lib/matching/evaluate';
import type { BenchContext } from './context';
import { record } from './results';
import { mulberry32 } from './rng';
import { signUp } from './seed';
import { percentile, summarize } from './stats';

export const MATCHING_CORPUS = 100_000;
const SPEED_SAMPLES = 200;

const FR = {
  who: [
    'Le gouvernement',
    'La Commission européenne',
    'Le ministre de la Santé',
    'La mairie de Lyon',
    'Le Kremlin',
    'L’OMS',
    'La Banque de France',
    'Le syndicat des enseignants',
    'Un rapport de l’Insee',
    'La préfecture',
  ],
  verb: ['affirme que', 'assure que', 'a annoncé que', 'estime que', 'déclare que'],
  what: [
    'le chômage a baissé de',
    'les prix de l’énergie ont augmenté de',
    'le nombre de migrants a progressé de',
    'la dette publique a atteint',
    'les émissions de CO2 ont reculé de',
    'le budget de la défense a crû de',
    'les naissances ont chuté de',
    'les loyers ont grimpé de',
  ],
  unit: ['%', 'millions d’euros', 'milliards d’euros', 'points', 'mille personnes'],
  when: [
    'en 2019',
    'en 2020',
    'en 2021',
    'en 2022',
    'en 2023',
    'en 2024',
    'depuis 2015',
    'cette année',
  ],
};
const EN = {
  who: [
    'The government',
    'The European Commission',
    'The health minister',
    'The city council',
    'The White House',
    'The WHO',
    'The central bank',
    'The teachers’ union',
    'A census report',
    'The police',
  ],
  verb: ['says', 'claims', 'announced that', 'estimates that', 'stated that'],
  what: [
    'unemployment fell by',
    'energy prices rose by',
    'the number of migrants grew by',
    'public debt reached',
    'CO2 emissions dropped by',
    'the defence budget grew by',
    'births fell by',
    'rents climbed by',
  ],
  unit: ['percent', 'million dollars', 'billion dollars', 'points', 'thousand people'],
  when: [
    'in 2019',
    'in 2020',
    'in 2021',
    'in 2022',
    'in 2023',
    'in 2024',
    'since 2015',
    'this year',
  ],
};

function generated(i: number, random: () => number): { text: string; language: string } {
  const words = i % 2 === 0 ? FR : EN;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const figure = Math.floor(random() * 990) + 10;
  return {
    text: `${pick(words.who)} ${pick(words.verb)} ${pick(words.what)} ${figure} ${pick(words.unit)} ${pick(words.when)} (${i}).`,
    language: i % 2 === 0 ? 'fr' : 'en',
  };
}

async function insertCorpus(ctx: BenchContext, teamId: string): Promise<void> {
  const rng = mulberry32(16);
  const random = () => rng.next();
  const [{ id: publisherId }] = (
    await ctx.db.query<{ id: string }>(
      `INSERT INTO fact_check_publishers (id, team_id, key, name, trusted)
       VALUES (gen_random_uuid(), $1, 'corpus', 'Corpus', true) RETURNING id`,
      [teamId],
    )
  ).rows as [{ id: string }];
  const BATCH = 5_000;
  for (let start = 0; start < MATCHING_CORPUS; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(MATCHING_CORPUS, start + BATCH); i++) {
      const { text, language } = generated(i, random);
      const features = claimFeatures(text);
      rows.push({
        id: randomUUID(),
        url: `https://corpus.example/${i}`,
        text,
        language,
        ...features,
      });
    }
    await ctx.db.query(
      `WITH r AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS r(id uuid, url text, text text,
                  language text, figures jsonb, years jsonb, entities jsonb, negated boolean)),
            e AS (INSERT INTO external_fact_checks (id, team_id, publisher_id, url, claim_text, language)
                  SELECT r.id, $1, $2, r.url, r.text, r.language FROM r)
       INSERT INTO claim_index (id, team_id, external_id, text, language, figures, years, entities, negated)
       SELECT gen_random_uuid(), $1, r.id, r.text, r.language,
              ARRAY(SELECT jsonb_array_elements_text(r.figures)),
              ARRAY(SELECT jsonb_array_elements_text(r.years)),
              ARRAY(SELECT jsonb_array_elements_text(r.entities)), r.negated
         FROM r`,
      [teamId, publisherId, JSON.stringify(rows)],
    );
  }
  await ctx.db.query('ANALYZE claim_index');
}

export async function measureMatching(ctx: BenchContext): Promise<void> {
  const { pairs } = JSON.parse(
    readFileSync(path.join(process.cwd(), 'tests/fixtures/claim-matching/eval-set.json'), 'utf8'),
  ) as { pairs: EvalPair[] };
  const user = await signUp(ctx.http, 'Banc matching', `matching-${randomUUID()}@bench.factdesk`);
  const team = await ctx.http.json<{ id: string }>('POST', '/api/v1/teams', {
    cookie: user.cookie,
    json: { name: 'Banc matching' },
    expected: 201,
  });
  const document = JSON.stringify(
    pairs.map((pair) => ({
      '@type': 'ClaimReview',
      url: `https://eval.factdesk.example/${pair.id}`,
      claimReviewed: pair.candidate,
      inLanguage: pair.candidateLang ?? pair.lang,
      author: { '@type': 'Organization', name: 'Évaluation' },
    })),
  );
  await ctx.http.json('POST', `/api/v1/teams/${team.id}/fact-checks/import`, {
    cookie: user.cookie,
    json: { document, trust: true },
    expected: 201,
  });
  const search = async (q: string, lang: string) => {
    const query = new URLSearchParams({ q: q.slice(0, 500), lang });
    const response = await ctx.http.request('GET', `/api/v1/claims/search?${query}`, {
      cookie: user.cookie,
    });
    if (response.status !== 200) throw new Error(`search answered ${response.status}`);
    const body = JSON.parse(response.body.toString()) as { matches: { claim: string }[] };
    return { ms: response.ms, claims: body.matches.map((m) => m.claim) };
  };
  const returned = new Map<string, string[]>();
  for (const pair of pairs) returned.set(pair.id, (await search(pair.query, pair.lang)).claims);
  const metrics = evaluateMatching(pairs, returned);
  record({
    name: 'matching.precision_at_1',
    unit: 'ratio',
    value: metrics.precisionAt1,
    target: null,
    details: metrics,
  });
  record({ name: 'matching.recall_at_5', unit: 'ratio', value: metrics.recallAt5, target: null });
  record({
    name: 'matching.changed_figure_rate',
    unit: 'ratio',
    value: metrics.changedFigureRate,
    target: 0,
    details: { pairs: metrics.changedFigurePairs },
  });

  // The same account gets a second team holding the generated corpus: its searches now run
  // against 100,000 more claims.
  const corpus = await ctx.http.json<{ id: string }>('POST', '/api/v1/teams', {
    cookie: user.cookie,
    json: { name: 'Banc matching 100k' },
    expected: 201,
  });
  const began = performance.now();
  await insertCorpus(ctx, corpus.id);
  ctx.log(
    `matching corpus of ${MATCHING_CORPUS} claims written in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  const rng = mulberry32(7);
  const random = () => rng.next();
  const times: number[] = [];
  for (let i = 0; i < SPEED_SAMPLES + 10; i++) {
    // Half from the corpus's own phrasing (many candidates), half the evaluation's queries.
    const q =
      i % 2 === 0
        ? generated(Math.floor(random() * MATCHING_CORPUS), random).text.replace(/ \(\d+\)\.$/, '.')
        : pairs[i % pairs.length]!.query;
    const { ms } = await search(q, i % 4 < 2 ? 'fr' : 'en');
    if (i >= 10) times.push(ms);
  }
  record({
    name: 'matching.search_100k_p95_ms',
    unit: 'ms',
    value: Math.round(percentile(times, 95) * 10) / 10,
    target: 50,
    details: { claims: MATCHING_CORPUS, ...summarize(times) },
  });
}
