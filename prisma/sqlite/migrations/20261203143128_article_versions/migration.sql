-- CreateTable
CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT,
    "publishedOn" TEXT,
    "dateline" TEXT NOT NULL DEFAULT '[]',
    "outlet" TEXT,
    "byline" TEXT,
    "url" TEXT,
    "parserVersion" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Article" ("byline", "contentHash", "createdAt", "dateline", "fileName", "id", "outlet", "parserVersion", "publishedOn", "text", "title", "updatedAt", "url") SELECT "byline", "contentHash", "createdAt", "dateline", "fileName", "id", "outlet", "parserVersion", "publishedOn", "text", "title", "updatedAt", "url" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");
CREATE INDEX "Article_createdAt_id_idx" ON "Article"("createdAt", "id");
CREATE INDEX "Article_publishedOn_idx" ON "Article"("publishedOn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_contentHash_key" ON "ArticleVersion"("contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_articleId_version_key" ON "ArticleVersion"("articleId", "version");
