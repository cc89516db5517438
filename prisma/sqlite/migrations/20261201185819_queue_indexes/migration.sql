-- CreateIndex
CREATE INDEX "Claim_status_updatedAt_id_idx" ON "Claim"("status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_status_asOf_idx" ON "Claim"("status", "asOf");

-- CreateIndex
CREATE INDEX "Claim_side_category_status_idx" ON "Claim"("side", "category", "status");

-- CreateIndex
CREATE INDEX "Claim_category_status_value_idx" ON "Claim"("category", "status", "value");
