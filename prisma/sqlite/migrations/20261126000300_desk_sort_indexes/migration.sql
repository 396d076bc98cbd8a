-- The desk sorts every article, published or not, by any column; without
-- these indexes each such sort reads the whole table (see docs/performance.md).
--
-- Hand-written: Prisma would redefine the Article table to add a column, which
-- drops the full-text search triggers. ALTER TABLE ADD COLUMN keeps them, and
-- Prisma's diff does not care where the column sits.

-- heat as a sort key: -1 when absent, so absent heat sorts last and an index serves it.
ALTER TABLE "Article" ADD COLUMN "heatRank" INTEGER NOT NULL DEFAULT -1;
UPDATE "Article" SET "heatRank" = "heat" WHERE "heat" IS NOT NULL;

CREATE INDEX "Article_title_id_idx" ON "Article"("title", "id");
CREATE INDEX "Article_providerName_id_idx" ON "Article"("providerName", "id");
CREATE INDEX "Article_qualityRank_id_idx" ON "Article"("qualityRank", "id");
CREATE INDEX "Article_heatRank_id_idx" ON "Article"("heatRank", "id");
