-- heat as a sort key: -1 when absent, so absent heat sorts last in the desk's
-- heat sort (the same rule as qualityRank). PostgreSQL also indexes it; SQLite
-- sorts without (see the comment on the Article model).
--
-- Hand-written: Prisma would redefine the Article table to add a column, which
-- drops the full-text search triggers. ALTER TABLE ADD COLUMN keeps them, and
-- Prisma's diff does not care where the column sits.
ALTER TABLE "Article" ADD COLUMN "heatRank" INTEGER NOT NULL DEFAULT -1;
UPDATE "Article" SET "heatRank" = "heat" WHERE "heat" IS NOT NULL;
