-- CreateIndex
CREATE INDEX "ArticleChange_createdAt_userId_idx" ON "ArticleChange"("createdAt", "userId");


