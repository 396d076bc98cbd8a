-- AlterTable
ALTER TABLE "Article" ADD COLUMN "publishAt" DATETIME;
ALTER TABLE "Article" ADD COLUMN "unpublishAt" DATETIME;

-- CreateTable
CREATE TABLE "DigestEdition" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "note" TEXT,
    "snapshot" JSONB,
    "frozenAt" DATETIME,
    "sentAt" DATETIME,
    "editedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DigestPick" (
    "day" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("day", "articleId"),
    CONSTRAINT "DigestPick_day_fkey" FOREIGN KEY ("day") REFERENCES "DigestEdition" ("day") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DigestPick_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Article_publishAt_idx" ON "Article"("publishAt");

-- CreateIndex
CREATE INDEX "Article_unpublishAt_idx" ON "Article"("unpublishAt");


