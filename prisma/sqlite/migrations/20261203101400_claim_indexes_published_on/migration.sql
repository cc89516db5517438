-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "publishedOn" TEXT;

-- Backfill: each claim carries its article's date (the default queue sort reads it from an index).
UPDATE "Claim" SET "publishedOn" = (SELECT "publishedOn" FROM "Article" WHERE "Article"."id" = "Claim"."articleId");

-- CreateIndex
CREATE INDEX "Claim_statementId_idx" ON "Claim"("statementId");

-- CreateIndex
CREATE INDEX "Claim_publishedOn_articleId_ordinal_idx" ON "Claim"("publishedOn", "articleId", "ordinal");

-- CreateIndex
CREATE INDEX "Claim_status_publishedOn_articleId_ordinal_idx" ON "Claim"("status", "publishedOn", "articleId", "ordinal");

-- CreateIndex
CREATE INDEX "Claim_kind_status_idx" ON "Claim"("kind", "status");

-- CreateIndex
CREATE INDEX "Verdict_authorId_idx" ON "Verdict"("authorId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");
