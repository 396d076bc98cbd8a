-- The desk sorts all articles by last update ("recently changed first").
CREATE INDEX "Article_updatedAt_idx" ON "Article"("updatedAt");
