-- Issue 14: the account's interface language and time zone. Both optional: a null locale means
-- "the browser's Accept-Language, else French", a null time zone "Europe/Paris"
-- (lib/i18n/request.ts). The API checks the zone against the IANA list; the database only
-- keeps the values bounded.

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "locale" TEXT,
ADD COLUMN     "time_zone" TEXT;

ALTER TABLE "users" ADD CONSTRAINT "users_locale_known" CHECK ("locale" IN ('fr', 'en'));
ALTER TABLE "users" ADD CONSTRAINT "users_time_zone_length" CHECK (length("time_zone") BETWEEN 1 AND 64);
