-- Issue 11: revocable sessions, expiring tokens, sign-in throttling per (account, address) with
-- growing delays and known devices/addresses, idempotency keys bound to their request body.

-- AlterTable
ALTER TABLE "rate_limits" ADD COLUMN     "last_hit_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "idempotency_keys" ADD COLUMN     "request_hash" TEXT;

-- AlterTable: tokens made before expiry existed last a year from their creation.
ALTER TABLE "api_tokens" ADD COLUMN     "expires_at" TIMESTAMPTZ(3);
UPDATE "api_tokens" SET "expires_at" = "created_at" + interval '365 days';
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "user_agent" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "known_sign_ins" (
    "user_id" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "last_success_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "known_sign_ins_pkey" PRIMARY KEY ("user_id","address")
);

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "known_sign_ins" ADD CONSTRAINT "known_sign_ins_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma cannot express.
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_expiry_after_creation" CHECK ("expires_at" > "created_at");
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_expiry_after_creation" CHECK ("expires_at" > "created_at");
