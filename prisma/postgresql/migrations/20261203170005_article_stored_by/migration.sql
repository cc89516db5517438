-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "storedBy" TEXT;

-- AlterTable
ALTER TABLE "ArticleVersion" ADD COLUMN     "storedBy" TEXT;
