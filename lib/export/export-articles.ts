/**
 * Writes every article back as a front-matter file at the path it was
 * imported from (articles without one go to `articles/<id>.md`), carrying the
 * editors' current `published` and `quality`. Files are written to a
 * temporary name and renamed, so an interrupted export never leaves a
 * half-written file behind.
 *
 * Nothing is ever written outside the target folder or through a symbolic
 * link: paths are checked (no absolute paths, no `..`), every folder on the
 * way is created or checked one level at a time and must be a real folder,
 * an existing symbolic link at a file's place is left alone, and files are
 * opened with O_NOFOLLOW | O_EXCL. Such an article is refused, one line
 * each; a target the process cannot write to stops the export with one line.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, unlink } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fromArticleRows } from '../front-matter/article-rows';
import { serialiseArticleFile } from '../front-matter/serialise-article-file';
import { loadStoredArticles } from '../db/bulk/load-stored-articles';
import type { SqlConnection } from '../db/bulk/sql-connection';

export type ExportRefusal = { path: string; reason: string };
export type ExportReport = { written: number; refused: ExportRefusal[]; seconds: number };

const PAGE = 1000;

/** An article that cannot be written where its path says, and why. */
export class ExportPathError extends Error {}

/** The target folder cannot be written at all (read-only, no permission, full). */
export class ExportTargetError extends Error {}

const TARGET_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT']);

/** The article's path inside the export folder, with forward slashes; refuses any that would leave it. */
export function exportRelativePath(filePath: string | null, id: number): string {
  const wanted = filePath ?? `articles/${id}.md`;
  const relative = posix.normalize(wanted.replaceAll('\\', '/'));
  if (
    wanted.includes('\0') ||
    posix.isAbsolute(relative) ||
    /^[A-Za-z]:/.test(relative) ||
    relative === '..' ||
    relative.startsWith('../') ||
    relative === '.' ||
    relative.endsWith('/')
  ) {
    throw new ExportPathError(`its path ${JSON.stringify(wanted)} is outside the export folder`);
  }
  return relative;
}

/** Creates (or checks) each folder below `base` one level at a time: a symbolic link anywhere on the way is refused. */
class FolderMaker {
  private readonly made = new Map<string, Promise<void>>();
  constructor(private readonly base: string) {}

  ensure(relativeFolder: string): Promise<void> {
    if (relativeFolder === '.' || relativeFolder === '') return Promise.resolve();
    let pending = this.made.get(relativeFolder);
    if (!pending) {
      pending = this.ensure(posix.dirname(relativeFolder)).then(() => this.makeOne(relativeFolder));
      this.made.set(relativeFolder, pending);
    }
    return pending;
  }

  private async makeOne(relativeFolder: string) {
    const path = join(this.base, relativeFolder);
    try {
      await mkdir(path);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stats = await lstat(path);
    if (stats.isSymbolicLink()) throw new ExportPathError(`the folder ${relativeFolder} is a symbolic link; nothing is written through it`);
    if (!stats.isDirectory()) throw new ExportPathError(`${relativeFolder} is a file where a folder is needed`);
  }
}

async function writeWithoutFollowing(path: string, relative: string, text: string) {
  const existing = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing?.isSymbolicLink()) throw new ExportPathError(`${relative} is a symbolic link; left alone`);
  if (existing && !existing.isFile()) throw new ExportPathError(`${relative} exists and is not a file`);
  const temporary = `${path}.tmp-${process.pid}`;
  const create = () => open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  const file = await create().catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
    // Left by an interrupted export (or planted): unlink removes the entry itself, never a link's target.
    await unlink(temporary);
    return create();
  });
  try {
    await file.writeFile(text);
  } catch (error) {
    await file.close();
    await unlink(temporary).catch(() => {});
    throw error;
  }
  await file.close();
  await rename(temporary, path);
}

function targetError(root: string, error: NodeJS.ErrnoException): ExportTargetError {
  const why =
    error.code === 'EROFS' ? 'it is on a read-only file system' : error.code === 'ENOSPC' ? 'the disk is full' : 'permission denied';
  return new ExportTargetError(`cannot write to ${root}: ${why}`);
}

export async function exportArticles(sql: SqlConnection, root: string, onProgress?: (written: number) => void): Promise<ExportReport> {
  const started = performance.now();
  try {
    await mkdir(root, { recursive: true });
  } catch (error) {
    if (TARGET_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) throw targetError(root, error as NodeJS.ErrnoException);
    throw error;
  }
  // The target itself may be a link the user chose; below it, nothing is followed.
  const base = await realpath(root);
  const folders = new FolderMaker(base);
  const refused: ExportRefusal[] = [];
  let afterId = 0;
  let written = 0;
  for (;;) {
    const articles = await loadStoredArticles(sql, { afterId, limit: PAGE });
    if (articles.length === 0) break;
    await Promise.all(
      articles.map(async (article) => {
        const shown = article.filePath ?? `articles/${article.id}.md`;
        try {
          const relative = exportRelativePath(article.filePath, article.id);
          await folders.ensure(posix.dirname(relative));
          await writeWithoutFollowing(
            join(base, relative),
            relative,
            serialiseArticleFile(fromArticleRows(article), article.article.body as string | null),
          );
          written++;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (error instanceof ExportPathError) refused.push({ path: shown, reason: error.message });
          else if (code === 'ELOOP') refused.push({ path: shown, reason: `${shown} is a symbolic link; left alone` });
          else if (TARGET_ERRORS.has(code ?? '')) throw targetError(root, error as NodeJS.ErrnoException);
          else throw error;
        }
      }),
    );
    afterId = articles[articles.length - 1]!.id;
    onProgress?.(written);
  }
  refused.sort((a, b) => a.path.localeCompare(b.path));
  return { written, refused, seconds: (performance.now() - started) / 1000 };
}
