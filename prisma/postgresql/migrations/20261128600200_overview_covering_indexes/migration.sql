-- DropIndex
DROP INDEX "Article_publishedAt_idx";

-- DropIndex
DROP INDEX "Article_published_createdAt_idx";

-- CreateIndex
CREATE INDEX "Article_publishedAt_published_sourceId_qualityRank_id_idx" ON "Article"("publishedAt", "published", "sourceId", "qualityRank", "id");

-- CreateIndex
CREATE INDEX "Article_published_createdAt_id_idx" ON "Article"("published", "createdAt", "id");


