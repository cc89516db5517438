-- DropIndex
DROP INDEX "ClaimChange_claimId_idx";

-- AlterTable
ALTER TABLE "ClaimChange" ADD COLUMN     "feedNumber" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "ClaimChange_feedNumber_key" ON "ClaimChange"("feedNumber");

-- CreateIndex
CREATE INDEX "ClaimChange_claimId_feedNumber_idx" ON "ClaimChange"("claimId", "feedNumber");

-- Changes so far were numbered in commit order already, under the advisory lock that writers
-- no longer take. Later ones are numbered after they commit, see services/claim-feed.ts.
UPDATE "ClaimChange" SET "feedNumber" = "seq";
