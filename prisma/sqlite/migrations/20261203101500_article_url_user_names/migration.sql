-- AlterTable
ALTER TABLE "Article" ADD COLUMN "url" TEXT;

-- Every user has a display name (history, notices, CSV and webhooks show it, never the e-mail):
-- accounts without one are named after their address's local part, and verdicts show the name.
UPDATE "User" SET "name" = substr("email", 1, instr("email", '@') - 1) WHERE "name" = '';
UPDATE "Verdict" SET "authorName" = (SELECT "name" FROM "User" WHERE "User"."id" = "Verdict"."authorId") WHERE "authorId" IS NOT NULL;
