-- DropIndex
DROP INDEX "ClaimChange_claimId_idx";

-- AlterTable
ALTER TABLE "ClaimChange" ADD COLUMN "feedNumber" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "ClaimChange_feedNumber_key" ON "ClaimChange"("feedNumber");

-- CreateIndex
CREATE INDEX "ClaimChange_claimId_feedNumber_idx" ON "ClaimChange"("claimId", "feedNumber");

-- Changes so far were numbered in commit order already (one writer at a time).
UPDATE "ClaimChange" SET "feedNumber" = "seq";

-- SQLite runs one writer at a time, so insertion order is commit order: the feed number of a
-- change is its row number, given at insert whoever writes it.
CREATE TRIGGER "ClaimChange_feedNumber" AFTER INSERT ON "ClaimChange" FOR EACH ROW WHEN NEW."feedNumber" IS NULL
BEGIN
  UPDATE "ClaimChange" SET "feedNumber" = NEW."seq" WHERE "seq" = NEW."seq";
END;
