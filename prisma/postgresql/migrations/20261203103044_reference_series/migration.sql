-- CreateTable
CREATE TABLE "ReferenceDataset" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "cumulativeFrom" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferenceDataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferencePoint" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "qualifier" TEXT NOT NULL DEFAULT 'exact',

    CONSTRAINT "ReferencePoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerdictReference" (
    "id" TEXT NOT NULL,
    "verdictId" TEXT NOT NULL,
    "pointId" TEXT,
    "ordinal" INTEGER NOT NULL,
    "dataset" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "qualifier" TEXT NOT NULL,

    CONSTRAINT "VerdictReference_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferenceDataset_slug_key" ON "ReferenceDataset"("slug");

-- CreateIndex
CREATE INDEX "ReferencePoint_category_subject_date_idx" ON "ReferencePoint"("category", "subject", "date");

-- CreateIndex
CREATE UNIQUE INDEX "ReferencePoint_datasetId_category_subject_date_key" ON "ReferencePoint"("datasetId", "category", "subject", "date");

-- CreateIndex
CREATE INDEX "VerdictReference_verdictId_ordinal_idx" ON "VerdictReference"("verdictId", "ordinal");

-- AddForeignKey
ALTER TABLE "ReferencePoint" ADD CONSTRAINT "ReferencePoint_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "ReferenceDataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerdictReference" ADD CONSTRAINT "VerdictReference_verdictId_fkey" FOREIGN KEY ("verdictId") REFERENCES "Verdict"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerdictReference" ADD CONSTRAINT "VerdictReference_pointId_fkey" FOREIGN KEY ("pointId") REFERENCES "ReferencePoint"("id") ON DELETE SET NULL ON UPDATE CASCADE;
