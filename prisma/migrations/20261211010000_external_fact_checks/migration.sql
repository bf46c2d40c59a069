-- Issue 16: other fact-checkers' ClaimReviews (imported from files and feeds, by publisher, each
-- publisher trusted or not by the team), claim_index generalised to hold them beside the team's
-- approved verdicts, and the cache of each sentence's matches with the per-team version that
-- invalidates it (bumped by triggers, so no writer can forget to).

-- AlterTable
ALTER TABLE "claim_index" ADD COLUMN     "external_id" UUID,
ALTER COLUMN "sentence_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "fact_check_publishers" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "trusted" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fact_check_publishers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fact_check_feeds" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "trusted" BOOLEAN NOT NULL DEFAULT false,
    "added_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fetched_at" TIMESTAMPTZ(3),
    "status" TEXT,
    "error" TEXT,
    "item_count" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "fact_check_feeds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "external_fact_checks" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "publisher_id" UUID NOT NULL,
    "feed_id" UUID,
    "url" TEXT NOT NULL,
    "claim_text" TEXT NOT NULL,
    "claimant" TEXT,
    "claimant_kind" TEXT,
    "claim_date" DATE,
    "appearance_url" TEXT,
    "review_date" DATE,
    "rating_name" TEXT,
    "rating_value" DOUBLE PRECISION,
    "best_rating" DOUBLE PRECISION,
    "worst_rating" DOUBLE PRECISION,
    "rating" "Rating",
    "language" TEXT NOT NULL,
    "imported_by_id" UUID,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "external_fact_checks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_match_cache" (
    "sentence_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "index_version" BIGINT NOT NULL,
    "text_hash" TEXT NOT NULL,
    "matches" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_match_cache_pkey" PRIMARY KEY ("sentence_id")
);

-- CreateTable
CREATE TABLE "claim_index_versions" (
    "team_id" UUID NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "claim_index_versions_pkey" PRIMARY KEY ("team_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "fact_check_publishers_team_id_key_key" ON "fact_check_publishers"("team_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "fact_check_feeds_team_id_url_key" ON "fact_check_feeds"("team_id", "url");

-- CreateIndex
CREATE INDEX "external_fact_checks_publisher_id_idx" ON "external_fact_checks"("publisher_id");

-- CreateIndex
CREATE INDEX "external_fact_checks_feed_id_idx" ON "external_fact_checks"("feed_id");

-- CreateIndex
CREATE UNIQUE INDEX "external_fact_checks_team_id_url_key" ON "external_fact_checks"("team_id", "url");

-- CreateIndex
CREATE INDEX "claim_match_cache_team_id_idx" ON "claim_match_cache"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_index_external_id_key" ON "claim_index"("external_id");

-- AddForeignKey
ALTER TABLE "claim_index" ADD CONSTRAINT "claim_index_external_id_fkey" FOREIGN KEY ("external_id") REFERENCES "external_fact_checks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_check_publishers" ADD CONSTRAINT "fact_check_publishers_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_check_feeds" ADD CONSTRAINT "fact_check_feeds_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_check_feeds" ADD CONSTRAINT "fact_check_feeds_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_fact_checks" ADD CONSTRAINT "external_fact_checks_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_fact_checks" ADD CONSTRAINT "external_fact_checks_publisher_id_fkey" FOREIGN KEY ("publisher_id") REFERENCES "fact_check_publishers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_fact_checks" ADD CONSTRAINT "external_fact_checks_feed_id_fkey" FOREIGN KEY ("feed_id") REFERENCES "fact_check_feeds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "external_fact_checks" ADD CONSTRAINT "external_fact_checks_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_match_cache" ADD CONSTRAINT "claim_match_cache_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_match_cache" ADD CONSTRAINT "claim_match_cache_sentence_id_fkey" FOREIGN KEY ("sentence_id") REFERENCES "sentences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_index_versions" ADD CONSTRAINT "claim_index_versions_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One source per row: a team's published verdict or an external fact-check.
ALTER TABLE "claim_index" ADD CONSTRAINT "claim_index_one_source"
  CHECK (num_nonnulls("sentence_id", "external_id") = 1);

-- Only http(s) addresses, never markup-bearing schemes (javascript:, data:).
ALTER TABLE "external_fact_checks" ADD CONSTRAINT "external_fact_checks_url_http"
  CHECK ("url" ~* '^https?://' AND length("url") <= 2048);
ALTER TABLE "external_fact_checks" ADD CONSTRAINT "external_fact_checks_appearance_http"
  CHECK ("appearance_url" IS NULL OR "appearance_url" ~* '^https?://');
ALTER TABLE "external_fact_checks" ADD CONSTRAINT "external_fact_checks_claimant_kind"
  CHECK ("claimant_kind" IS NULL OR "claimant_kind" IN ('person', 'organization'));
ALTER TABLE "external_fact_checks" ADD CONSTRAINT "external_fact_checks_claim_text"
  CHECK (length("claim_text") BETWEEN 1 AND 2000);
ALTER TABLE "fact_check_publishers" ADD CONSTRAINT "fact_check_publishers_url_http"
  CHECK ("url" IS NULL OR "url" ~* '^https?://');
ALTER TABLE "fact_check_feeds" ADD CONSTRAINT "fact_check_feeds_url_http"
  CHECK ("url" ~* '^https?://' AND length("url") <= 2048);
ALTER TABLE "fact_check_feeds" ADD CONSTRAINT "fact_check_feeds_status"
  CHECK ("status" IS NULL OR "status" IN ('ok', 'error'));

-- What a team's matches can return changed: its cached matches are stale.
-- Not for a team being deleted (its rows go with it by cascade).
CREATE FUNCTION factdesk_bump_claim_index_version(team UUID) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "claim_index_versions" ("team_id", "version")
  SELECT team, 1 WHERE EXISTS (SELECT 1 FROM "teams" WHERE "id" = team)
  ON CONFLICT ("team_id") DO UPDATE SET "version" = "claim_index_versions"."version" + 1;
$$;

CREATE FUNCTION factdesk_claim_index_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM factdesk_bump_claim_index_version(OLD."team_id");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."team_id" <> OLD."team_id") THEN
    PERFORM factdesk_bump_claim_index_version(NEW."team_id");
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "claim_index_changed" AFTER INSERT OR UPDATE OR DELETE ON "claim_index"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_index_changed();
CREATE TRIGGER "fact_check_publishers_trust_changed"
  AFTER UPDATE OF "trusted" OR DELETE ON "fact_check_publishers"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_index_changed();
-- A publisher's trust also changes what external rows the claim index returns (above).
