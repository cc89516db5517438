-- AlterTable
ALTER TABLE "Statement" ADD COLUMN     "isCorrected" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "isCorrected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "isRejected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'parser';

-- CreateTable
CREATE TABLE "ClaimCorrection" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "before" TEXT NOT NULL DEFAULT '{}',
    "after" TEXT NOT NULL DEFAULT '{}',
    "note" TEXT NOT NULL DEFAULT '',
    "groupId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClaimCorrection_claimId_createdAt_idx" ON "ClaimCorrection"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimCorrection_authorId_idx" ON "ClaimCorrection"("authorId");

-- AddForeignKey
ALTER TABLE "ClaimCorrection" ADD CONSTRAINT "ClaimCorrection_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimCorrection" ADD CONSTRAINT "ClaimCorrection_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
