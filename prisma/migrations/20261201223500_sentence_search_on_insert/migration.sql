-- Bulk inserts compute the search vector themselves (one configuration lookup per statement,
-- not one PL/pgSQL call and sub-select per row: half the cost of inserting the largest
-- article). The trigger still fills it in for any insert that leaves it out, and still keeps
-- it current when a sentence's text changes.
DROP TRIGGER "sentences_search" ON "sentences";

CREATE TRIGGER "sentences_search_insert" BEFORE INSERT ON "sentences"
  FOR EACH ROW WHEN (NEW."search" IS NULL) EXECUTE FUNCTION factdesk_sentence_search();

CREATE TRIGGER "sentences_search_update" BEFORE UPDATE OF "text" ON "sentences"
  FOR EACH ROW EXECUTE FUNCTION factdesk_sentence_search();
