-- CreateTable
CREATE TABLE "ClaimCorrection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "before" TEXT NOT NULL DEFAULT '{}',
    "after" TEXT NOT NULL DEFAULT '{}',
    "note" TEXT NOT NULL DEFAULT '',
    "groupId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimCorrection_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimCorrection_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Statement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "sourceText" TEXT,
    "sourceStart" INTEGER,
    "sourceEnd" INTEGER,
    "sourceCanonical" TEXT,
    "side" TEXT NOT NULL,
    "cueText" TEXT,
    "cueStart" INTEGER,
    "cueEnd" INTEGER,
    "contentText" TEXT NOT NULL,
    "contentStart" INTEGER NOT NULL,
    "contentEnd" INTEGER NOT NULL,
    "direct" BOOLEAN NOT NULL,
    "asOf" TEXT,
    "isCorrected" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Statement_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Statement" ("articleId", "asOf", "contentEnd", "contentStart", "contentText", "cueEnd", "cueStart", "cueText", "direct", "id", "key", "ordinal", "side", "sourceCanonical", "sourceEnd", "sourceStart", "sourceText") SELECT "articleId", "asOf", "contentEnd", "contentStart", "contentText", "cueEnd", "cueStart", "cueText", "direct", "id", "key", "ordinal", "side", "sourceCanonical", "sourceEnd", "sourceStart", "sourceText" FROM "Statement";
DROP TABLE "Statement";
ALTER TABLE "new_Statement" RENAME TO "Statement";
CREATE INDEX "Statement_articleId_idx" ON "Statement"("articleId");
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
INSERT INTO "new_Claim" ("articleId", "asOf", "category", "createdAt", "end", "figureKind", "id", "isFound", "kind", "ordinal", "publishedOn", "qualifier", "side", "since", "sourceCanonical", "start", "statementId", "status", "subject", "text", "unit", "updatedAt", "value", "version") SELECT "articleId", "asOf", "category", "createdAt", "end", "figureKind", "id", "isFound", "kind", "ordinal", "publishedOn", "qualifier", "side", "since", "sourceCanonical", "start", "statementId", "status", "subject", "text", "unit", "updatedAt", "value", "version" FROM "Claim";
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
CREATE INDEX "Claim_updatedAt_id_idx" ON "Claim"("updatedAt", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ClaimCorrection_claimId_createdAt_idx" ON "ClaimCorrection"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimCorrection_authorId_idx" ON "ClaimCorrection"("authorId");
