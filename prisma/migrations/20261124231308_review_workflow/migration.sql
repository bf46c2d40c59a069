-- CreateEnum
CREATE TYPE "VerdictStatus" AS ENUM ('draft', 'submitted', 'approved', 'rejected');

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "article_id" UUID,
ADD COLUMN     "sentence_id" UUID;

-- AlterTable
ALTER TABLE "sentences" ADD COLUMN     "assigned_at" TIMESTAMPTZ(3),
ADD COLUMN     "assignee_id" UUID;

-- AlterTable
ALTER TABLE "verdicts" ADD COLUMN     "review_note" TEXT,
ADD COLUMN     "reviewed_at" TIMESTAMPTZ(3),
ADD COLUMN     "reviewed_by_id" UUID,
ADD COLUMN     "status" "VerdictStatus" NOT NULL DEFAULT 'draft',
ADD COLUMN     "submitted_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "published_verdicts" (
    "sentence_id" UUID NOT NULL,
    "verdict_id" UUID,
    "rating" "Rating" NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "sources" JSONB NOT NULL DEFAULT '[]',
    "author_id" UUID,
    "approved_by_id" UUID,
    "approved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "is_resolution" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "published_verdicts_pkey" PRIMARY KEY ("sentence_id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "sentence_id" UUID NOT NULL,
    "annotation_id" UUID,
    "parent_id" UUID,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_by_id" UUID,
    "accepted_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_viewers" (
    "connection_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_viewers_pkey" PRIMARY KEY ("connection_id")
);

-- CreateIndex
CREATE INDEX "published_verdicts_verdict_id_idx" ON "published_verdicts"("verdict_id");

-- CreateIndex
CREATE INDEX "comments_sentence_id_created_at_idx" ON "comments"("sentence_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_annotation_id_idx" ON "comments"("annotation_id");

-- CreateIndex
CREATE INDEX "comments_parent_id_idx" ON "comments"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_team_id_created_at_idx" ON "invitations"("team_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- CreateIndex
CREATE INDEX "article_viewers_article_id_last_seen_idx" ON "article_viewers"("article_id", "last_seen");

-- CreateIndex
CREATE INDEX "audit_events_article_id_id_idx" ON "audit_events"("article_id", "id");

-- CreateIndex
CREATE INDEX "audit_events_sentence_id_id_idx" ON "audit_events"("sentence_id", "id");

-- CreateIndex
CREATE INDEX "sentences_assignee_id_idx" ON "sentences"("assignee_id");

-- CreateIndex
CREATE INDEX "verdicts_status_idx" ON "verdicts"("status");

-- AddForeignKey
ALTER TABLE "sentences" ADD CONSTRAINT "sentences_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_verdicts" ADD CONSTRAINT "published_verdicts_sentence_id_fkey" FOREIGN KEY ("sentence_id") REFERENCES "sentences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_verdicts" ADD CONSTRAINT "published_verdicts_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_verdicts" ADD CONSTRAINT "published_verdicts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "published_verdicts" ADD CONSTRAINT "published_verdicts_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_sentence_id_fkey" FOREIGN KEY ("sentence_id") REFERENCES "sentences"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_id_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_viewers" ADD CONSTRAINT "article_viewers_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_viewers" ADD CONSTRAINT "article_viewers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma cannot express. Verdicts written before this migration stay drafts: their
-- authors submit them for a second pair of eyes like any other.
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_submitted_at" CHECK ("status" = 'draft' OR "submitted_at" IS NOT NULL);
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_reviewed_at" CHECK (("status" IN ('approved', 'rejected')) = ("reviewed_at" IS NOT NULL));
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_rejected_reason" CHECK ("status" <> 'rejected' OR length(btrim(coalesce("review_note", ''))) > 0);
-- The two-person rule, in the database too: nobody reviews their own verdict.
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_not_self_reviewed" CHECK ("reviewed_by_id" IS NULL OR "reviewed_by_id" <> "author_id");
ALTER TABLE "published_verdicts" ADD CONSTRAINT "published_verdicts_not_self_approved" CHECK ("is_resolution" OR "approved_by_id" IS NULL OR "author_id" IS NULL OR "approved_by_id" <> "author_id");
ALTER TABLE "published_verdicts" ADD CONSTRAINT "published_verdicts_sources_array" CHECK (jsonb_typeof("sources") = 'array');
ALTER TABLE "comments" ADD CONSTRAINT "comments_body_not_blank" CHECK ("deleted_at" IS NOT NULL OR length(btrim("body")) > 0);
ALTER TABLE "comments" ADD CONSTRAINT "comments_version_positive" CHECK ("version" >= 1);
ALTER TABLE "comments" ADD CONSTRAINT "comments_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_expiry" CHECK ("expires_at" > "created_at");
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted" CHECK ("accepted_by_id" IS NULL OR "accepted_at" IS NOT NULL);
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_name_not_blank" CHECK (length(btrim("name")) > 0);
