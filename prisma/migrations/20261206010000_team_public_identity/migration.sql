-- Issue 15: how a team signs what it publishes — the organisation's public name, its site and
-- its logo (schema.org ClaimReview `author`: an Organization with `name`, `url` and `logo`).
-- Unset, the team's own name signs, with no URL. Only http(s) addresses are stored.

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "public_name" TEXT,
ADD COLUMN     "public_url" TEXT,
ADD COLUMN     "logo_url" TEXT;

ALTER TABLE "teams" ADD CONSTRAINT "teams_public_name_length"
  CHECK ("public_name" IS NULL OR (length(btrim("public_name")) BETWEEN 1 AND 200));
ALTER TABLE "teams" ADD CONSTRAINT "teams_public_url_http"
  CHECK ("public_url" IS NULL OR ("public_url" ~* '^https?://' AND length("public_url") <= 2048));
ALTER TABLE "teams" ADD CONSTRAINT "teams_logo_url_http"
  CHECK ("logo_url" IS NULL OR ("logo_url" ~* '^https?://' AND length("logo_url") <= 2048));
