-- Issue 15: publishing a fact-check. An editor publishes an article's approved verdicts at
-- /p/{teams.slug}/{publications.slug}, readable without a session; the page reads the published
-- verdicts live, so a new approved version corrects it. Triggers below keep what the page's
-- caching needs (modified_at, revision: Last-Modified and ETag) and the dated correction notes
-- (IFCN's open and honest corrections) in the same transaction as the verdict's change.
-- teams.name_reviewers: whether the page names fact-checkers and approvers, or the team only.

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "name_reviewers" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "slug" TEXT;

-- CreateTable
CREATE TABLE "publications" (
    "article_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "published_by_id" UUID,
    "first_published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "unpublished_at" TIMESTAMPTZ(3),
    "modified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "publications_pkey" PRIMARY KEY ("article_id")
);

-- CreateTable
CREATE TABLE "publication_corrections" (
    "id" BIGSERIAL NOT NULL,
    "article_id" UUID NOT NULL,
    "sentence_id" UUID,
    "sentence_index" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "previous_rating" "Rating",
    "rating" "Rating" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "publication_corrections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "publications_team_id_modified_at_idx" ON "publications"("team_id", "modified_at");

-- CreateIndex
CREATE UNIQUE INDEX "publications_team_id_slug_key" ON "publications"("team_id", "slug");

-- CreateIndex
CREATE INDEX "publication_corrections_article_id_at_idx" ON "publication_corrections"("article_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "teams_slug_key" ON "teams"("slug");

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_corrections" ADD CONSTRAINT "publication_corrections_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "publications"("article_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication_corrections" ADD CONSTRAINT "publication_corrections_sentence_id_fkey" FOREIGN KEY ("sentence_id") REFERENCES "sentences"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Public addresses: lowercase ASCII words joined by single hyphens.
ALTER TABLE "teams" ADD CONSTRAINT "teams_slug_format"
  CHECK ("slug" IS NULL OR ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80));
ALTER TABLE "publications" ADD CONSTRAINT "publications_slug_format"
  CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 80);
ALTER TABLE "publication_corrections" ADD CONSTRAINT "publication_corrections_kind"
  CHECK ("kind" IN ('added', 'changed'));
ALTER TABLE "publication_corrections" ADD CONSTRAINT "publication_corrections_previous"
  CHECK (("kind" = 'changed') = ("previous_rating" IS NOT NULL));

-- A published verdict added to or replaced on a published article is a correction of its page;
-- any other change to it (the recheck flag) or its removal still changes the page.
CREATE FUNCTION "publication_verdict_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  row_sentence uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.sentence_id ELSE NEW.sentence_id END;
  page_article uuid;
  unit_index integer;
BEGIN
  SELECT p.article_id, s.index INTO page_article, unit_index
    FROM sentences s
    JOIN publications p ON p.article_id = s.article_id AND p.unpublished_at IS NULL
   WHERE s.id = row_sentence;
  IF page_article IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO publication_corrections (article_id, sentence_id, sentence_index, kind, rating)
    VALUES (page_article, NEW.sentence_id, unit_index, 'added', NEW.rating);
  ELSIF TG_OP = 'UPDATE' AND (NEW.rating, NEW.rationale, NEW.sources)
                             IS DISTINCT FROM (OLD.rating, OLD.rationale, OLD.sources) THEN
    INSERT INTO publication_corrections
      (article_id, sentence_id, sentence_index, kind, previous_rating, rating)
    VALUES (page_article, NEW.sentence_id, unit_index, 'changed', OLD.rating, NEW.rating);
  END IF;
  UPDATE publications
     SET modified_at = clock_timestamp(), revision = revision + 1
   WHERE article_id = page_article;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "published_verdicts_publication"
AFTER INSERT OR UPDATE OR DELETE ON "published_verdicts"
FOR EACH ROW EXECUTE FUNCTION "publication_verdict_changed"();
