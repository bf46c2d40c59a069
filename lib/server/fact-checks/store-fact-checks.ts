// Stores other fact-checkers' ClaimReviews (already parsed and checked by
// lib/matching/claimreview-import.ts) for a team, in the caller's transaction: publishers found
// or added by name, fact-checks inserted or replaced by URL (the dedup key), each one's claim
// written to claim_index with the features matching compares. Three statements whatever the
// number of items (jsonb_to_recordset), so a 1,000-item file stays within a request's budget.
import 'server-only';
import type { Tx } from '@/lib/db';
import type { ParsedFactCheck } from '@/lib/matching/claimreview-import';
import { claimFeatures } from '@/lib/matching/features';

export interface StoreOptions {
  teamId: string;
  /** Who imported (null: the feed's refresh). */
  userId: string | null;
  feedId: string | null;
  /** Publishers this import brings are marked trusted (new and existing ones). */
  trust: boolean;
}

export interface StoreOutcome {
  /** New fact-checks. */
  imported: number;
  /** Fact-checks already known by their URL, replaced by this import's version. */
  updated: number;
  /** Publishers seen for the first time. */
  newPublishers: number;
}

/** One publisher per team and name, compared lowercased and trimmed. */
export function publisherKey(name: string): string {
  return name.trim().toLocaleLowerCase('und').replace(/\s+/gu, ' ');
}

export async function storeFactChecks(
  tx: Tx,
  items: readonly ParsedFactCheck[],
  options: StoreOptions,
): Promise<StoreOutcome> {
  if (items.length === 0) return { imported: 0, updated: 0, newPublishers: 0 };
  const publishers = new Map<string, { key: string; name: string; url: string | null }>();
  for (const item of items) {
    const key = publisherKey(item.publisher.name);
    const known = publishers.get(key);
    if (!known) publishers.set(key, { key, name: item.publisher.name, url: item.publisher.url });
    else if (!known.url && item.publisher.url) known.url = item.publisher.url;
  }
  const publisherRows = await tx.$queryRaw<{ id: string; key: string; inserted: boolean }[]>`
    INSERT INTO fact_check_publishers (id, team_id, key, name, url, trusted)
    SELECT gen_random_uuid(), ${options.teamId}::uuid, p.key, p.name, p.url, ${options.trust}
      FROM jsonb_to_recordset(${JSON.stringify([...publishers.values()])}::jsonb)
           AS p(key text, name text, url text)
    ON CONFLICT (team_id, key) DO UPDATE
       SET url = COALESCE(fact_check_publishers.url, EXCLUDED.url),
           trusted = fact_check_publishers.trusted OR EXCLUDED.trusted
    RETURNING id, key, (xmax = 0) AS inserted`;
  const publisherIds = new Map(publisherRows.map((row) => [row.key, row.id]));

  const rows = items.map((item) => ({
    publisher_id: publisherIds.get(publisherKey(item.publisher.name)),
    url: item.url,
    claim_text: item.claimText,
    claimant: item.claimant,
    claimant_kind: item.claimantKind,
    claim_date: item.claimDate,
    appearance_url: item.appearanceUrl,
    review_date: item.reviewDate,
    rating_name: item.ratingName,
    rating_value: item.ratingValue,
    best_rating: item.bestRating,
    worst_rating: item.worstRating,
    rating: item.rating,
    language: item.language,
  }));
  const stored = await tx.$queryRaw<{ id: string; url: string; inserted: boolean }[]>`
    INSERT INTO external_fact_checks (id, team_id, publisher_id, feed_id, url, claim_text,
           claimant, claimant_kind, claim_date, appearance_url, review_date, rating_name,
           rating_value, best_rating, worst_rating, rating, language, imported_by_id)
    SELECT gen_random_uuid(), ${options.teamId}::uuid, r.publisher_id, ${options.feedId}::uuid, r.url,
           r.claim_text, r.claimant, r.claimant_kind, r.claim_date, r.appearance_url,
           r.review_date, r.rating_name, r.rating_value, r.best_rating, r.worst_rating,
           r.rating::"Rating", r.language, ${options.userId}::uuid
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(publisher_id uuid, url text,
           claim_text text, claimant text, claimant_kind text, claim_date date,
           appearance_url text, review_date date, rating_name text, rating_value float8,
           best_rating float8, worst_rating float8, rating text, language text)
    ON CONFLICT (team_id, url) DO UPDATE
       SET publisher_id = EXCLUDED.publisher_id,
           feed_id = COALESCE(EXCLUDED.feed_id, external_fact_checks.feed_id),
           claim_text = EXCLUDED.claim_text, claimant = EXCLUDED.claimant,
           claimant_kind = EXCLUDED.claimant_kind, claim_date = EXCLUDED.claim_date,
           appearance_url = EXCLUDED.appearance_url, review_date = EXCLUDED.review_date,
           rating_name = EXCLUDED.rating_name, rating_value = EXCLUDED.rating_value,
           best_rating = EXCLUDED.best_rating, worst_rating = EXCLUDED.worst_rating,
           rating = EXCLUDED.rating, language = EXCLUDED.language,
           imported_by_id = COALESCE(EXCLUDED.imported_by_id, external_fact_checks.imported_by_id),
           imported_at = now()
    RETURNING id, url, (xmax = 0) AS inserted`;

  const byUrl = new Map(items.map((item) => [item.url, item]));
  const index = stored.map((row) => {
    const item = byUrl.get(row.url)!;
    const features = claimFeatures(item.claimText);
    return {
      external_id: row.id,
      text: item.claimText,
      language: item.language,
      figures: features.figures,
      years: features.years,
      entities: features.entities,
      negated: features.negated,
    };
  });
  await tx.$executeRaw`
    INSERT INTO claim_index (id, team_id, external_id, text, language, figures, years, entities,
           negated)
    SELECT gen_random_uuid(), ${options.teamId}::uuid, r.external_id, r.text, r.language,
           ARRAY(SELECT jsonb_array_elements_text(r.figures)),
           ARRAY(SELECT jsonb_array_elements_text(r.years)),
           ARRAY(SELECT jsonb_array_elements_text(r.entities)), r.negated
      FROM jsonb_to_recordset(${JSON.stringify(index)}::jsonb) AS r(external_id uuid, text text,
           language text, figures jsonb, years jsonb, entities jsonb, negated boolean)
    ON CONFLICT (external_id) DO UPDATE
       SET text = EXCLUDED.text, language = EXCLUDED.language, figures = EXCLUDED.figures,
           years = EXCLUDED.years, entities = EXCLUDED.entities, negated = EXCLUDED.negated,
           indexed_at = now()`;

  const imported = stored.filter((row) => row.inserted).length;
  return {
    imported,
    updated: stored.length - imported,
    newPublishers: publisherRows.filter((row) => row.inserted).length,
  };
}
