-- Issue 15, point 5: the source archive. Each address a verdict of the team cites gets one
-- snapshot row, queued in the same transaction as the verdict's write (a graphile-worker job
-- `source_archive`), filled by the worker through the SSRF-safe fetcher, and re-checked by the
-- periodic `link_check` job, which flags dead and changed sources.

-- CreateTable
CREATE TABLE "source_snapshots" (
    "id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "final_url" TEXT,
    "http_status" INTEGER,
    "content_type" TEXT,
    "title" TEXT,
    "text" TEXT,
    "sha256" TEXT,
    "size" INTEGER,
    "body" BYTEA,
    "fetched_at" TIMESTAMPTZ(3),
    "checked_at" TIMESTAMPTZ(3),
    "check_state" TEXT,
    "check_status" INTEGER,
    "check_similarity" REAL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "source_snapshots_checked_at_idx" ON "source_snapshots"("checked_at");

-- CreateIndex
CREATE UNIQUE INDEX "source_snapshots_team_id_url_key" ON "source_snapshots"("team_id", "url");

-- AddForeignKey
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_url_http"
  CHECK ("url" ~* '^https?://' AND length("url") <= 2048);
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_status"
  CHECK ("status" IN ('pending', 'archived', 'unavailable'));
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_reason"
  CHECK (("status" = 'unavailable') = ("reason" IS NOT NULL));
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_archived"
  CHECK ("status" <> 'archived' OR ("sha256" IS NOT NULL AND "fetched_at" IS NOT NULL));
ALTER TABLE "source_snapshots" ADD CONSTRAINT "source_snapshots_check_state"
  CHECK ("check_state" IS NULL OR "check_state" IN ('ok', 'dead', 'changed'));
