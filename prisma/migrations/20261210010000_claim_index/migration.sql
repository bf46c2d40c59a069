-- Issue 16: claim matching's index. Each approved verdict's claim (its summary, else the
-- sentence) with its figures, years, named entities and negation (computed by the app,
-- lib/matching/features.ts), a trigram index (pg_trgm, shipped with PostgreSQL) and a full-text
-- vector in the claim's language with unaccent (kept by a trigger, like the other search columns).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "claim_index" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "sentence_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "figures" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "years" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "entities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "negated" BOOLEAN NOT NULL DEFAULT false,
    "search" tsvector,
    "indexed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_index_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "claim_index_sentence_id_key" ON "claim_index"("sentence_id");

-- CreateIndex
CREATE INDEX "claim_index_team_id_idx" ON "claim_index"("team_id");

-- CreateIndex
CREATE INDEX "claim_index_text_idx" ON "claim_index" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "claim_index_search_idx" ON "claim_index" USING GIN ("search");

-- AddForeignKey
ALTER TABLE "claim_index" ADD CONSTRAINT "claim_index_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_index" ADD CONSTRAINT "claim_index_sentence_id_fkey" FOREIGN KEY ("sentence_id") REFERENCES "sentences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION factdesk_claim_index_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := to_tsvector(factdesk_text_search_config(NEW."language"), NEW."text");
  RETURN NEW;
END
$$;

CREATE TRIGGER "claim_index_search" BEFORE INSERT OR UPDATE OF "text", "language" ON "claim_index"
  FOR EACH ROW EXECUTE FUNCTION factdesk_claim_index_search();
