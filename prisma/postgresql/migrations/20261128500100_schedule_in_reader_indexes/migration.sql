-- DropIndex
DROP INDEX "Article_published_publishedAt_id_idx";

-- DropIndex
DROP INDEX "Article_published_qualityRank_publishedAt_id_idx";

-- DropIndex
DROP INDEX "Article_published_trendingRank_id_idx";

-- DropIndex
DROP INDEX "Article_sourceId_published_publishedAt_idx";

-- CreateIndex
CREATE INDEX "Article_published_publishedAt_id_publishAt_unpublishAt_idx" ON "Article"("published", "publishedAt", "id", "publishAt", "unpublishAt");

-- CreateIndex
CREATE INDEX "Article_published_qualityRank_publishedAt_id_publishAt_unpu_idx" ON "Article"("published", "qualityRank", "publishedAt", "id", "publishAt", "unpublishAt");

-- CreateIndex
CREATE INDEX "Article_published_trendingRank_id_publishAt_unpublishAt_idx" ON "Article"("published", "trendingRank", "id", "publishAt", "unpublishAt");

-- CreateIndex
CREATE INDEX "Article_sourceId_published_publishedAt_publishAt_unpublishA_idx" ON "Article"("sourceId", "published", "publishedAt", "publishAt", "unpublishAt");


