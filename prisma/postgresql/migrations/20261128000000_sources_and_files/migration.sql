-- One word per concept: an outlet is a "source", the imported file is the
-- "file", and how an editor's change was made is its "via". Renamed in place,
-- with the constraint, index and sequence names Prisma derives from them.

ALTER TABLE "Provider" RENAME TO "Source";
ALTER TABLE "Source" RENAME CONSTRAINT "Provider_pkey" TO "Source_pkey";
ALTER SEQUENCE "Provider_id_seq" RENAME TO "Source_id_seq";
ALTER INDEX "Provider_domain_key" RENAME TO "Source_domain_key";

ALTER TABLE "Article" RENAME COLUMN "sourcePath" TO "filePath";
ALTER TABLE "Article" RENAME COLUMN "sourceHash" TO "fileHash";
ALTER TABLE "Article" RENAME COLUMN "sourcePublished" TO "filePublished";
ALTER TABLE "Article" RENAME COLUMN "sourceQuality" TO "fileQuality";
ALTER TABLE "Article" RENAME COLUMN "providerId" TO "sourceId";
ALTER TABLE "Article" RENAME COLUMN "providerName" TO "sourceName";
ALTER TABLE "Article" RENAME COLUMN "providerExtra" TO "sourceExtra";
ALTER INDEX "Article_sourcePath_key" RENAME TO "Article_filePath_key";
ALTER INDEX "Article_providerId_published_publishedAt_idx" RENAME TO "Article_sourceId_published_publishedAt_idx";
ALTER INDEX "Article_providerName_id_idx" RENAME TO "Article_sourceName_id_idx";
ALTER TABLE "Article" RENAME CONSTRAINT "Article_providerId_fkey" TO "Article_sourceId_fkey";

ALTER TABLE "RelatedLink" RENAME COLUMN "providerId" TO "sourceId";
ALTER TABLE "RelatedLink" RENAME COLUMN "providerName" TO "sourceName";
ALTER TABLE "RelatedLink" RENAME COLUMN "providerExtra" TO "sourceExtra";
ALTER TABLE "RelatedLink" RENAME CONSTRAINT "RelatedLink_providerId_fkey" TO "RelatedLink_sourceId_fkey";

ALTER TABLE "ArticleChange" RENAME COLUMN "source" TO "via";
