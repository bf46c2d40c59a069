-- Issue 15, point 3: each verdict carries the claim as fact-checkers write it — a short summary
-- (ClaimReview `claimReviewed`), the claimant (who made the claim, not the article's author), the
-- claim's date and where it appeared — as one JSON object validated by the API (claimSchema),
-- copied to the published verdict on approval. A published claim changed by a new approved
-- version is a correction of the public page like a changed rating or rationale.

-- AlterTable
ALTER TABLE "published_verdicts" ADD COLUMN     "claim" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "verdicts" ADD COLUMN     "claim" JSONB NOT NULL DEFAULT '{}';

ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_claim_object" CHECK (jsonb_typeof("claim") = 'object');
ALTER TABLE "published_verdicts" ADD CONSTRAINT "published_verdicts_claim_object"
  CHECK (jsonb_typeof("claim") = 'object');

CREATE OR REPLACE FUNCTION "publication_verdict_changed"() RETURNS trigger
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
  ELSIF TG_OP = 'UPDATE' AND (NEW.rating, NEW.rationale, NEW.sources, NEW.claim)
                             IS DISTINCT FROM (OLD.rating, OLD.rationale, OLD.sources, OLD.claim) THEN
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
