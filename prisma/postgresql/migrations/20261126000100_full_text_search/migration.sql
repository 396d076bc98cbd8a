-- Full-text search over article titles, excerpts and related-coverage titles.
--
-- One tsvector per article (title weighted A, related titles B, excerpt C)
-- in its own table with a GIN index, kept in step by triggers on "Article"
-- so that every write, whoever makes it, is searchable at once. The table is
-- declared external in prisma.config.ts, so Prisma Migrate leaves it alone.

CREATE TABLE "article_search" (
  "articleId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Article"("id") ON DELETE CASCADE,
  "document" TSVECTOR NOT NULL
);

CREATE INDEX "article_search_document_idx" ON "article_search" USING GIN ("document");

CREATE FUNCTION "article_search_document"("title" TEXT, "excerpt" TEXT, "relatedTitles" TEXT)
RETURNS TSVECTOR LANGUAGE SQL IMMUTABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce("title", '')), 'A')
      || setweight(to_tsvector('english', coalesce("relatedTitles", '')), 'B')
      || setweight(to_tsvector('english', coalesce("excerpt", '')), 'C')
$$;

CREATE FUNCTION "article_search_sync"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "article_search" ("articleId", "document")
  VALUES (NEW."id", "article_search_document"(NEW."title", NEW."excerpt", NEW."relatedTitles"))
  ON CONFLICT ("articleId") DO UPDATE SET "document" = EXCLUDED."document";
  RETURN NULL;
END
$$;

CREATE TRIGGER "article_search_after_insert" AFTER INSERT ON "Article"
FOR EACH ROW EXECUTE FUNCTION "article_search_sync"();

CREATE TRIGGER "article_search_after_update" AFTER UPDATE OF "title", "excerpt", "relatedTitles" ON "Article"
FOR EACH ROW EXECUTE FUNCTION "article_search_sync"();

INSERT INTO "article_search" ("articleId", "document")
SELECT "id", "article_search_document"("title", "excerpt", "relatedTitles") FROM "Article";
