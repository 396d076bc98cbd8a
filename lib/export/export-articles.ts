/**
 * Writes every article back as a front-matter file at the path it was
 * imported from (articles without one go to `articles/<id>.md`), carrying the
 * editors' current `published` and `quality`. Files are written to a
 * temporary name and renamed, so an interrupted export never leaves a
 * half-written file behind.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { fromArticleRows } from '../front-matter/article-rows';
import { serialiseArticleFile } from '../front-matter/serialise-article-file';
import { loadStoredArticles } from '../db/bulk/load-stored-articles';
import type { SqlConnection } from '../db/bulk/sql-connection';

export type ExportReport = { written: number; seconds: number };

const PAGE = 1000;

/** Refuses paths that would land outside the export folder. */
export function exportPathFor(root: string, filePath: string | null, id: number): string {
  const relative = normalize(filePath ?? `articles/${id}.md`);
  if (relative.startsWith(`..${sep}`) || relative === '..' || relative.startsWith(sep)) {
    throw new Error(`article ${id} has a source path outside the export folder: ${filePath}`);
  }
  return join(root, relative);
}

export async function exportArticles(sql: SqlConnection, root: string, onProgress?: (written: number) => void): Promise<ExportReport> {
  const started = performance.now();
  const folders = new Map<string, Promise<unknown>>();
  let afterId = 0;
  let written = 0;
  for (;;) {
    const articles = await loadStoredArticles(sql, { afterId, limit: PAGE });
    if (articles.length === 0) break;
    await Promise.all(
      articles.map(async (article) => {
        const path = exportPathFor(root, article.filePath, article.id);
        const folder = dirname(path);
        if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
        await folders.get(folder);
        const temporary = `${path}.tmp-${process.pid}`;
        await writeFile(temporary, serialiseArticleFile(fromArticleRows(article), article.article.body as string | null));
        await rename(temporary, path);
      }),
    );
    written += articles.length;
    afterId = articles[articles.length - 1]!.id;
    onProgress?.(written);
  }
  return { written, seconds: (performance.now() - started) / 1000 };
}
