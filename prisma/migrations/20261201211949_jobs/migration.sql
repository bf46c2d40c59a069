-- CreateEnum
CREATE TYPE "JobKind" AS ENUM ('article_import', 'article_revise', 'annotations_import', 'report_pdf');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "kind" "JobKind" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'queued',
    "progress" REAL NOT NULL DEFAULT 0,
    "team_id" UUID NOT NULL,
    "article_id" UUID,
    "created_by_id" UUID NOT NULL,
    "input" JSONB NOT NULL,
    "result" JSONB,
    "file" BYTEA,
    "error" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "worker_id" TEXT,
    "process_key" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "jobs_team_id_created_at_idx" ON "jobs"("team_id", "created_at");

-- CreateIndex
CREATE INDEX "jobs_kind_status_idx" ON "jobs"("kind", "status");

-- CreateIndex
CREATE INDEX "jobs_created_by_id_created_at_idx" ON "jobs"("created_by_id", "created_at");

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Progress is a fraction; a job row never claims more than done.
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_progress_range" CHECK ("progress" >= 0 AND "progress" <= 1);
