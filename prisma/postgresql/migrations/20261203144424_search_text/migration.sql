-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- Substring search over the folded text (apps/api/src/search/fold.ts): LIKE '%...%' reads this
-- trigram index. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Claim_searchText_trgm_idx" ON "Claim" USING gin ("searchText" gin_trgm_ops);
