-- Full-text search over article titles, excerpts and related-coverage titles.
--
-- An external-content FTS5 index over "Article": the text lives once, in the
-- article row, and the index is keyed by the article id (its rowid). Triggers
-- keep it in step with every write, whoever makes it (seeder, desk, SQL).
-- These tables are declared external in prisma.config.ts.
--
-- If a later migration redefines "Article" (SQLite drops and recreates the
-- table), it must recreate these triggers; lib/search tests check they exist.

CREATE VIRTUAL TABLE "article_search" USING fts5(
  "title",
  "excerpt",
  "relatedTitles",
  content = 'Article',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO "article_search"("article_search") VALUES ('rebuild');

CREATE TRIGGER "article_search_after_insert" AFTER INSERT ON "Article" BEGIN
  INSERT INTO "article_search"("rowid", "title", "excerpt", "relatedTitles")
  VALUES (new."id", new."title", new."excerpt", new."relatedTitles");
END;

CREATE TRIGGER "article_search_after_delete" AFTER DELETE ON "Article" BEGIN
  INSERT INTO "article_search"("article_search", "rowid", "title", "excerpt", "relatedTitles")
  VALUES ('delete', old."id", old."title", old."excerpt", old."relatedTitles");
END;

CREATE TRIGGER "article_search_after_update" AFTER UPDATE OF "title", "excerpt", "relatedTitles" ON "Article" BEGIN
  INSERT INTO "article_search"("article_search", "rowid", "title", "excerpt", "relatedTitles")
  VALUES ('delete', old."id", old."title", old."excerpt", old."relatedTitles");
  INSERT INTO "article_search"("rowid", "title", "excerpt", "relatedTitles")
  VALUES (new."id", new."title", new."excerpt", new."relatedTitles");
END;
