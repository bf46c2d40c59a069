-- Issue 11, finding 12: deleting articles, teams and accounts.
-- Articles and teams are deleted for good (ON DELETE CASCADE, as the foreign keys already say);
-- the record of a team's or an account's deletion outlives the team, so an audit event may
-- have no team, for those two actions only (kept for the operator, shown by no route).

-- AlterTable
ALTER TABLE "audit_events" ALTER COLUMN "team_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "comments_article_id_idx" ON "comments"("article_id");

-- CreateIndex
CREATE INDEX "jobs_article_id_idx" ON "jobs"("article_id");

-- Rules Prisma cannot express.
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_team_or_deletion" CHECK ("team_id" IS NOT NULL OR "action" IN ('team.deleted', 'account.deleted'));
