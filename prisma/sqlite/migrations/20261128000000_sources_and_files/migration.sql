-- One word per concept: an outlet is a "source", the imported file is the
-- "file", and how an editor's change was made is its "via". Renamed in place
-- (ALTER TABLE … RENAME keeps the rows, the foreign keys and the full-text
-- search triggers); SQLite cannot rename an index, so those are recreated.

ALTER TABLE "Provider" RENAME TO "Source";
DROP INDEX "Provider_domain_key";
CREATE UNIQUE INDEX "Source_domain_key" ON "Source"("domain");

ALTER TABLE "Article" RENAME COLUMN "sourcePath" TO "filePath";
ALTER TABLE "Article" RENAME COLUMN "sourceHash" TO "fileHash";
ALTER TABLE "Article" RENAME COLUMN "sourcePublished" TO "filePublished";
ALTER TABLE "Article" RENAME COLUMN "sourceQuality" TO "fileQuality";
ALTER TABLE "Article" RENAME COLUMN "providerId" TO "sourceId";
ALTER TABLE "Article" RENAME COLUMN "providerName" TO "sourceName";
ALTER TABLE "Article" RENAME COLUMN "providerExtra" TO "sourceExtra";
DROP INDEX "Article_sourcePath_key";
CREATE UNIQUE INDEX "Article_filePath_key" ON "Article"("filePath");
DROP INDEX "Article_providerId_published_publishedAt_idx";
CREATE INDEX "Article_sourceId_published_publishedAt_idx" ON "Article"("sourceId", "published", "publishedAt");

ALTER TABLE "RelatedLink" RENAME COLUMN "providerId" TO "sourceId";
ALTER TABLE "RelatedLink" RENAME COLUMN "providerName" TO "sourceName";
ALTER TABLE "RelatedLink" RENAME COLUMN "providerExtra" TO "sourceExtra";

ALTER TABLE "ArticleChange" RENAME COLUMN "source" TO "via";
