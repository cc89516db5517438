-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "changedById" TEXT,
ADD COLUMN     "changedByName" TEXT,
ADD COLUMN     "publishedStatus" TEXT NOT NULL DEFAULT 'pending';

-- AlterTable
ALTER TABLE "Verdict" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "publishedByName" TEXT,
ADD COLUMN     "retractedAt" TIMESTAMP(3),
ADD COLUMN     "retractedByName" TEXT,
ADD COLUMN     "retractionNote" TEXT;

-- Before drafts existed every verdict was public at once: an upgraded database keeps showing
-- consumers exactly what they saw.
UPDATE "Verdict" SET "publishedAt" = "createdAt", "publishedByName" = "authorName";
UPDATE "Claim" SET "publishedStatus" = "status";
