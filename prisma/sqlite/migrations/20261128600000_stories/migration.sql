-- Stories (docs/clustering.md, "Persistence"). Written by hand: Prisma would
-- redefine "Article", which drops the full-text triggers; adding columns keeps them.

-- CreateTable
CREATE TABLE "Story" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT,
    "mergedIntoId" INTEGER,
    "leadArticleId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Story_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Story" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleIdentityUrl" (
    "url" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,

    PRIMARY KEY ("url", "articleId"),
    CONSTRAINT "ArticleIdentityUrl_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "storyId" INTEGER REFERENCES "Story" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Article" ADD COLUMN "storyKey" TEXT;
ALTER TABLE "Article" ADD COLUMN "pinnedStoryId" INTEGER;

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

-- Every existing article starts as a story of its own (same id), so every
-- article has a story; `npm run stories:rebuild` then clusters them.
INSERT INTO "Story" ("id", "key", "createdAt", "updatedAt")
SELECT "id", COALESCE("filePath", '#' || "id"), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "Article";
UPDATE "Article" SET "storyId" = "id", "storyKey" = COALESCE("filePath", '#' || "id");
