-- Issue 12, point 7: independent adjudication.
-- A dispute is settled by an editor or owner who did not rate the sentence, unless the team's
-- owners allow a party to settle it. Every existing team gets the stricter rule (false).
--
-- No verdict column is added: the ratings as they were submitted (for the agreement figures)
-- and the submission times (for the reports) are already in the audit trail, written in the
-- same transaction as each submission (`verdict.submit`, whose `after` holds the rating). A
-- settlement is its `sentence.resolve` event, which now says whether the adjudicator was a
-- party to the dispute (`after.byParty`, lib/server/verdicts/adjudication.ts).

-- AlterTable
ALTER TABLE "teams" ADD COLUMN "allow_party_adjudication" BOOLEAN NOT NULL DEFAULT false;

-- Back-fill: settlements made before the rule existed say whether their adjudicator was a
-- party, i.e. had submitted a verdict on the sentence before settling it (only a verdict's
-- author submits it, so the submit event's actor is the author). The events of a deleted
-- article were emptied on purpose ({"redacted": true}) and stay as they are.
UPDATE "audit_events" AS r
   SET "after" = COALESCE(r."after", '{}'::jsonb) || jsonb_build_object(
         'byParty',
         r."actor_id" IS NOT NULL AND EXISTS (
           SELECT 1
             FROM "audit_events" AS s
            WHERE s."sentence_id" = r."sentence_id"
              AND s."action" = 'verdict.submit'
              AND s."actor_id" = r."actor_id"
              AND s."id" < r."id"))
 WHERE r."action" = 'sentence.resolve'
   AND r."sentence_id" IS NOT NULL
   AND (r."after" IS NULL OR (r."after" -> 'byParty' IS NULL AND r."after" -> 'redacted' IS NULL));
