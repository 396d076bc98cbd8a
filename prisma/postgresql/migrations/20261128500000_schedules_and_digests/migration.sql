-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "publishAt" TIMESTAMP(3),
ADD COLUMN     "unpublishAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DigestEdition" (
    "day" TEXT NOT NULL,
    "note" TEXT,
    "snapshot" JSONB,
    "frozenAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "editedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestEdition_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "DigestPick" (
    "day" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestPick_pkey" PRIMARY KEY ("day","articleId")
);

-- CreateIndex
CREATE INDEX "Article_publishAt_idx" ON "Article"("publishAt");

-- CreateIndex
CREATE INDEX "Article_unpublishAt_idx" ON "Article"("unpublishAt");

-- AddForeignKey
ALTER TABLE "DigestPick" ADD CONSTRAINT "DigestPick_day_fkey" FOREIGN KEY ("day") REFERENCES "DigestEdition"("day") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestPick" ADD CONSTRAINT "DigestPick_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


