-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "figureKind" TEXT;
