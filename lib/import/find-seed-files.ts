import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const SEED_FILE_EXTENSIONS = ['.md', '.markdown', '.txt'] as const;

export function isSeedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return SEED_FILE_EXTENSIONS.some((extension) => lower.endsWith(extension)) && !name.startsWith('.');
}

/**
 * Every seed file under `root`, recursively, as paths relative to `root` with
 * forward slashes (the article's identity), sorted so runs are repeatable.
 * Hidden files and folders are skipped.
 */
export async function findSeedFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !isSeedFile(entry.name)) continue;
    const path = relative(root, join(entry.parentPath, entry.name));
    if (path.split(sep).some((segment) => segment.startsWith('.'))) continue;
    files.push(path.split(sep).join('/'));
  }
  return files.sort();
}
