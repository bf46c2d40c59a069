-- Issue 12, point 9: search that ignores accents and case, over highlight notes, verdict
-- rationales and comments as well as the sentences.
--
-- Accents: three text search configurations copy PostgreSQL's french, english and simple ones
-- with the `unaccent` dictionary in front of the stemmer for the tokens that can carry accents
-- (word, hword, hword_part; the ascii* tokens have none), so « Corée », « COREE » and « coree »
-- give the same lexeme in a stored vector and in a query. factdesk_text_search_config, which
-- every vector and every query goes through (triggers, create-article's bulk insert, the
-- search), now names them; the stored vectors are rebuilt below.
--
-- There is no trigram index to unaccent (no pg_trgm index exists in FactDesk).

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION factdesk_french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION factdesk_french
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TEXT SEARCH CONFIGURATION factdesk_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION factdesk_english
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TEXT SEARCH CONFIGURATION factdesk_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION factdesk_simple
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

CREATE OR REPLACE FUNCTION factdesk_text_search_config(language text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE lower(split_part(coalesce(language, ''), '-', 1))
      WHEN 'fr' THEN 'factdesk_french'::regconfig
      WHEN 'en' THEN 'factdesk_english'::regconfig
      ELSE 'factdesk_simple'::regconfig
    END
  $$;

-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "search" tsvector;

-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "search" tsvector;

-- AlterTable
ALTER TABLE "verdicts" ADD COLUMN     "search" tsvector;

-- Notes, comments and rationales get a vector in their article's language, kept by triggers
-- like the sentences' (an empty text has none: most highlights carry no note).
CREATE FUNCTION factdesk_annotation_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := CASE WHEN coalesce(NEW."note", '') = '' THEN NULL ELSE to_tsvector(
    factdesk_text_search_config((SELECT "language" FROM "articles" WHERE "id" = NEW."article_id")),
    NEW."note") END;
  RETURN NEW;
END
$$;

CREATE TRIGGER "annotations_search_insert" BEFORE INSERT ON "annotations"
  FOR EACH ROW WHEN (coalesce(NEW."note", '') <> '') EXECUTE FUNCTION factdesk_annotation_search();

CREATE TRIGGER "annotations_search_update" BEFORE UPDATE OF "note" ON "annotations"
  FOR EACH ROW EXECUTE FUNCTION factdesk_annotation_search();

CREATE FUNCTION factdesk_comment_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A deleted comment's body is cleared, and so is its vector.
  NEW."search" := CASE WHEN NEW."body" = '' OR NEW."deleted_at" IS NOT NULL THEN NULL
    ELSE to_tsvector(
      factdesk_text_search_config((SELECT "language" FROM "articles" WHERE "id" = NEW."article_id")),
      NEW."body") END;
  RETURN NEW;
END
$$;

CREATE TRIGGER "comments_search" BEFORE INSERT OR UPDATE OF "body", "deleted_at" ON "comments"
  FOR EACH ROW EXECUTE FUNCTION factdesk_comment_search();

CREATE FUNCTION factdesk_verdict_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" := CASE WHEN NEW."rationale" = '' THEN NULL ELSE to_tsvector(
    factdesk_text_search_config((
      SELECT a."language" FROM "sentences" s JOIN "articles" a ON a."id" = s."article_id"
       WHERE s."id" = NEW."sentence_id")),
    NEW."rationale") END;
  RETURN NEW;
END
$$;

CREATE TRIGGER "verdicts_search_insert" BEFORE INSERT ON "verdicts"
  FOR EACH ROW WHEN (NEW."rationale" <> '') EXECUTE FUNCTION factdesk_verdict_search();

CREATE TRIGGER "verdicts_search_update" BEFORE UPDATE OF "rationale" ON "verdicts"
  FOR EACH ROW EXECUTE FUNCTION factdesk_verdict_search();

-- An article's language change re-vectorises everything written on it.
CREATE OR REPLACE FUNCTION factdesk_article_language_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  config regconfig := factdesk_text_search_config(NEW."language");
BEGIN
  UPDATE "sentences"
     SET "search" = to_tsvector(config, "text")
   WHERE "article_id" = NEW."id";
  UPDATE "annotations"
     SET "search" = to_tsvector(config, "note")
   WHERE "article_id" = NEW."id" AND coalesce("note", '') <> '';
  UPDATE "comments"
     SET "search" = to_tsvector(config, "body")
   WHERE "article_id" = NEW."id" AND "body" <> '' AND "deleted_at" IS NULL;
  UPDATE "verdicts" v
     SET "search" = to_tsvector(config, v."rationale")
    FROM "sentences" s
   WHERE s."id" = v."sentence_id" AND s."article_id" = NEW."id" AND v."rationale" <> '';
  RETURN NULL;
END
$$;

-- Every stored vector again, with the unaccented configurations.
UPDATE "sentences" s
   SET "search" = to_tsvector(factdesk_text_search_config(a."language"), s."text")
  FROM "articles" a
 WHERE a."id" = s."article_id";

UPDATE "annotations" n
   SET "search" = to_tsvector(factdesk_text_search_config(a."language"), n."note")
  FROM "articles" a
 WHERE a."id" = n."article_id" AND coalesce(n."note", '') <> '';

UPDATE "comments" c
   SET "search" = to_tsvector(factdesk_text_search_config(a."language"), c."body")
  FROM "articles" a
 WHERE a."id" = c."article_id" AND c."body" <> '' AND c."deleted_at" IS NULL;

UPDATE "verdicts" v
   SET "search" = to_tsvector(factdesk_text_search_config(a."language"), v."rationale")
  FROM "sentences" s
  JOIN "articles" a ON a."id" = s."article_id"
 WHERE s."id" = v."sentence_id" AND v."rationale" <> '';

-- CreateIndex
CREATE INDEX "annotations_search_idx" ON "annotations" USING GIN ("search");

-- CreateIndex
CREATE INDEX "comments_search_idx" ON "comments" USING GIN ("search");

-- CreateIndex
CREATE INDEX "verdicts_search_idx" ON "verdicts" USING GIN ("search");
