-- Stories (docs/clustering.md, "Persistence").
-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "pinnedStoryId" INTEGER,
ADD COLUMN     "storyId" INTEGER,
ADD COLUMN     "storyKey" TEXT;

-- CreateTable
CREATE TABLE "Story" (
    "id" SERIAL NOT NULL,
    "key" TEXT,
    "mergedIntoId" INTEGER,
    "leadArticleId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleIdentityUrl" (
    "url" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,

    CONSTRAINT "ArticleIdentityUrl_pkey" PRIMARY KEY ("url","articleId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Story_key_key" ON "Story"("key");

-- CreateIndex
CREATE INDEX "Story_mergedIntoId_idx" ON "Story"("mergedIntoId");

-- CreateIndex
CREATE INDEX "ArticleIdentityUrl_articleId_idx" ON "ArticleIdentityUrl"("articleId");

-- CreateIndex
CREATE INDEX "Article_storyId_published_idx" ON "Article"("storyId", "published");

-- CreateIndex
CREATE INDEX "Article_storyKey_idx" ON "Article"("storyKey");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Story"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleIdentityUrl" ADD CONSTRAINT "ArticleIdentityUrl_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Every existing article starts as a story of its own (same id), so every
-- article has a story; `npm run stories:rebuild` then clusters them.
INSERT INTO "Story" ("id", "key", "createdAt", "updatedAt")
SELECT "id", COALESCE("filePath", '#' || "id"), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "Article";
UPDATE "Article" SET "storyId" = "id", "storyKey" = COALESCE("filePath", '#' || "id");
SELECT setval(pg_get_serial_sequence('"Story"', 'id'), COALESCE((SELECT MAX("id") FROM "Story"), 0) + 1, false);
