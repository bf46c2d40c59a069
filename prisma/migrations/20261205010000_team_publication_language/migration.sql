-- Issue 14: the language of a team's published reports (Markdown, HTML, PDF, CSV labels,
-- ClaimReview's alternateName), chosen by its owners, independent of each member's interface
-- language (users.locale) and of each article's language. Existing teams keep French.

-- AlterTable
ALTER TABLE "teams" ADD COLUMN     "publication_language" TEXT NOT NULL DEFAULT 'fr';

ALTER TABLE "teams" ADD CONSTRAINT "teams_publication_language_known" CHECK ("publication_language" IN ('fr', 'en'));
