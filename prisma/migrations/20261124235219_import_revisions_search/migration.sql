-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('anchored', 'fuzzy', 'orphaned');

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "anchor_status" "AnchorStatus" NOT NULL DEFAULT 'anchored';

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "author" TEXT;

-- AlterTable
ALTER TABLE "published_verdicts" ADD COLUMN     "needs_recheck" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "sentences" ADD COLUMN     "checkworthiness" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "checkworthiness_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "retired_at" TIMESTAMPTZ(3),
ADD COLUMN     "search" tsvector;

-- AlterTable
ALTER TABLE "verdicts" ADD COLUMN     "needs_recheck" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "article_revisions" (
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "article_revisions_article_id_version_key" ON "article_revisions"("article_id", "version");

-- CreateIndex
CREATE INDEX "sentences_search_idx" ON "sentences" USING GIN ("search");

-- AddForeignKey
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules Prisma cannot express.
ALTER TABLE "sentences" ADD CONSTRAINT "sentences_checkworthiness_range" CHECK ("checkworthiness" >= 0 AND "checkworthiness" <= 1);
-- A unit removed by a revision keeps its row (verdicts, comments) with a negative index.
ALTER TABLE "sentences" ADD CONSTRAINT "sentences_retired_index" CHECK (("retired_at" IS NULL) = ("index" >= 0));
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_version_positive" CHECK ("version" >= 1);
ALTER TABLE "articles" ADD CONSTRAINT "articles_author_not_blank" CHECK ("author" IS NULL OR length(btrim("author")) > 0);

-- Full-text search: each sentence's vector uses its article's language (French, English, else
-- the language-neutral 'simple' configuration), kept current by triggers.
CREATE FUNCTION factdesk_text_search_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lower(split_part(coalesce(language, ''), '-', 1))
      WHEN 'fr' THEN 'french'::regconfig
      WHEN 'en' THEN 'english'::regconfig
      ELSE 'simple'::regconfig
    END
  $$;

CREATE FUNCTION factdesk_sentence_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := to_tsvector(
    factdesk_text_search_config((SELECT "language" FROM "articles" WHERE "id" = NEW."article_id")),
    NEW."text");
  RETURN NEW;
END
$$;

CREATE TRIGGER "sentences_search" BEFORE INSERT OR UPDATE OF "text" ON "sentences"
  FOR EACH ROW EXECUTE FUNCTION factdesk_sentence_search();

CREATE FUNCTION factdesk_article_language_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "sentences"
     SET "search" = to_tsvector(factdesk_text_search_config(NEW."language"), "text")
   WHERE "article_id" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "articles_language" AFTER UPDATE OF "language" ON "articles"
  FOR EACH ROW WHEN (OLD."language" IS DISTINCT FROM NEW."language")
  EXECUTE FUNCTION factdesk_article_language_changed();

UPDATE "sentences" s
   SET "search" = to_tsvector(factdesk_text_search_config(a."language"), s."text")
  FROM "articles" a
 WHERE a."id" = s."article_id";

-- Existing articles get their first revision; existing sentences are scored on next start
-- (NULL reasons mean "not scored yet": scripts/seed.ts fills them in).
INSERT INTO "article_revisions" ("id", "article_id", "version", "text", "source", "created_by_id", "created_at")
SELECT gen_random_uuid(), "id", "version", "text", 'import', "created_by_id", "created_at" FROM "articles";
UPDATE "sentences" SET "checkworthiness_reasons" = NULL;
