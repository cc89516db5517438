-- CreateIndex
CREATE INDEX "Article_url_idx" ON "Article"("url");

-- CreateIndex
CREATE INDEX "Claim_isRejected_status_idx" ON "Claim"("isRejected", "status");

-- CreateIndex
CREATE INDEX "Claim_isRejected_publishedStatus_idx" ON "Claim"("isRejected", "publishedStatus");
