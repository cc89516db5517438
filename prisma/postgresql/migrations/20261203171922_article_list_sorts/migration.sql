-- CreateIndex
CREATE INDEX "Article_outlet_publishedOn_idx" ON "Article"("outlet", "publishedOn");

-- CreateIndex
CREATE INDEX "Article_title_idx" ON "Article"("title");
