-- AlterTable
ALTER TABLE "Verdict" ADD COLUMN "publishedAt" DATETIME;
ALTER TABLE "Verdict" ADD COLUMN "publishedByName" TEXT;
ALTER TABLE "Verdict" ADD COLUMN "retractedAt" DATETIME;
ALTER TABLE "Verdict" ADD COLUMN "retractedByName" TEXT;
ALTER TABLE "Verdict" ADD COLUMN "retractionNote" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "sourceCanonical" TEXT,
    "side" TEXT NOT NULL,
    "asOf" TEXT,
    "value" REAL,
    "qualifier" TEXT,
    "category" TEXT,
    "unit" TEXT,
    "subject" TEXT,
    "since" TEXT,
    "figureKind" TEXT,
    "publishedOn" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "publishedStatus" TEXT NOT NULL DEFAULT 'pending',
    "changedById" TEXT,
    "changedByName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "isFound" BOOLEAN NOT NULL DEFAULT true,
    "origin" TEXT NOT NULL DEFAULT 'parser',
    "isCorrected" BOOLEAN NOT NULL DEFAULT false,
    "isRejected" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("articleId", "asOf", "category", "createdAt", "end", "figureKind", "id", "isCorrected", "isFound", "isRejected", "kind", "ordinal", "origin", "publishedOn", "qualifier", "side", "since", "sourceCanonical", "start", "statementId", "status", "subject", "text", "unit", "updatedAt", "value", "version") SELECT "articleId", "asOf", "category", "createdAt", "end", "figureKind", "id", "isCorrected", "isFound", "isRejected", "kind", "ordinal", "origin", "publishedOn", "qualifier", "side", "since", "sourceCanonical", "start", "statementId", "status", "subject", "text", "unit", "updatedAt", "value", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_articleId_ordinal_idx" ON "Claim"("articleId", "ordinal");
CREATE INDEX "Claim_statementId_idx" ON "Claim"("statementId");
CREATE INDEX "Claim_publishedOn_articleId_ordinal_idx" ON "Claim"("publishedOn", "articleId", "ordinal");
CREATE INDEX "Claim_status_publishedOn_articleId_ordinal_idx" ON "Claim"("status", "publishedOn", "articleId", "ordinal");
CREATE INDEX "Claim_kind_status_idx" ON "Claim"("kind", "status");
CREATE INDEX "Claim_status_idx" ON "Claim"("status");
CREATE INDEX "Claim_side_idx" ON "Claim"("side");
CREATE INDEX "Claim_category_idx" ON "Claim"("category");
CREATE INDEX "Claim_status_updatedAt_id_idx" ON "Claim"("status", "updatedAt", "id");
CREATE INDEX "Claim_status_asOf_idx" ON "Claim"("status", "asOf");
CREATE INDEX "Claim_side_category_status_idx" ON "Claim"("side", "category", "status");
CREATE INDEX "Claim_category_status_value_idx" ON "Claim"("category", "status", "value");
CREATE INDEX "Claim_category_asOf_value_idx" ON "Claim"("category", "asOf", "value");
CREATE INDEX "Claim_updatedAt_id_idx" ON "Claim"("updatedAt", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Before drafts existed every verdict was public at once: an upgraded database keeps showing
-- consumers exactly what they saw.
UPDATE "Verdict" SET "publishedAt" = "createdAt", "publishedByName" = "authorName";
UPDATE "Claim" SET "publishedStatus" = "status";
