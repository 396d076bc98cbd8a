/**
 * `npm run import -- --watch <folder>`: imports what is there, then every new
 * or changed seed file once it is fully written, through the same pipeline
 * (importSeedFiles) with the same identity, idempotency, "editors win" and
 * rejection rules. A deleted file is reported; its article is kept.
 *
 * How changes are seen: one `fs.watch` per folder (inotify on Linux), not per
 * file. Node's recursive `fs.watch` and chokidar both hold one inotify watch
 * per file (measured: 2,003 watches for 2,000 files under Node 20), which a
 * newsroom's archive of 100,000+ files would exhaust; chokidar 5 also needs
 * Node 22. A folder's watch reports changes to the files in it; new folders
 * are watched (and scanned) as they appear, and a periodic rescan catches
 * anything the kernel's event queue dropped.
 *
 * When a file is "fully written": its size and modification time have not
 * changed for `settleMs` (default 500 ms). Editors' temporary and swap files
 * never qualify (only `.md`, `.markdown` and `.txt` files, none hidden), and
 * a writer that renames its file into place (most editors, rsync) is seen
 * once, complete.
 */
import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { SqlConnection } from '../db/bulk/sql-connection';
import { findSeedFiles, isSeedFile } from './find-seed-files';
import {
  formatRejection,
  formatSummary,
  importSeedFiles,
  importSeedFolder,
  type ImportOptions,
  type ImportReport,
} from './import-seed-folder';

export type WatchOptions = ImportOptions & {
  /** How long a file's size and mtime must stay still before it is imported. */
  settleMs?: number;
  /** How often the whole folder is compared against what was last seen. */
  rescanMs?: number;
  /**
   * Whether to listen for the kernel's change events (default true). Some
   * network mounts send none for changes made on other machines: without
   * events, the rescan alone finds changes.
   */
  events?: boolean;
  /** Stops watching; the batch in hand is finished first. */
  signal: AbortSignal;
  /** One line per event worth telling (batch summaries, rejections, deletions). */
  log: (line: string) => void;
  /** Called after each batch, with when it started. */
  onBatch?: (report: ImportReport, paths: string[], startedAt: Date) => void | Promise<void>;
};

type Seen = { size: number; mtimeMs: number };
type Candidate = Seen & { stableSince: number };

const TICK_MS = 100;

const isHiddenPath = (path: string) => path.split('/').some((segment) => segment.startsWith('.'));

export async function watchSeedFolder(sql: SqlConnection, root: string, options: WatchOptions): Promise<void> {
  const settleMs = options.settleMs ?? 500;
  const rescanMs = options.rescanMs ?? 60_000;
  const { log } = options;
  const watchers = new Map<string, FSWatcher>();
  /** Size and mtime of each seed file as last imported (or found unchanged). */
  const seen = new Map<string, Seen>();
  const candidates = new Map<string, Candidate>();

  const toPath = (absolute: string) => relative(root, absolute).split(sep).join('/');

  const consider = (path: string) => {
    if (!isHiddenPath(path) && isSeedFile(path.slice(path.lastIndexOf('/') + 1)) && !candidates.has(path)) {
      candidates.set(path, { size: -1, mtimeMs: -1, stableSince: Date.now() });
    }
  };

  const watchFolder = async (folder: string) => {
    if (options.events === false || watchers.has(folder) || options.signal.aborted) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: true }, (_event, name) => {
        if (name) void onEntry(join(folder, name.toString()));
      });
    } catch {
      return;
    }
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(folder);
    });
    watchers.set(folder, watcher);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) await watchFolder(join(folder, entry.name));
    }
  };

  const onEntry = async (absolute: string) => {
    const path = toPath(absolute);
    if (path.startsWith('..') || isHiddenPath(path)) return;
    const stats = await lstat(absolute).catch(() => null);
    if (stats?.isDirectory()) {
      // A folder that appeared (or was moved in): watch it and take what it already holds.
      await watchFolder(absolute);
      for (const file of await findSeedFiles(absolute).catch(() => [])) consider(`${path}/${file}`);
      return;
    }
    consider(path);
  };

  const rescan = async () => {
    const present = new Set(await findSeedFiles(root).catch(() => [] as string[]));
    for (const path of present) {
      const stats = await lstat(join(root, path)).catch(() => null);
      const last = seen.get(path);
      if (stats && (!last || last.size !== stats.size || last.mtimeMs !== stats.mtimeMs)) consider(path);
    }
    for (const path of seen.keys()) if (!present.has(path)) consider(path);
    await watchFolder(root);
  };

  /** Candidates whose size and mtime held still for settleMs; deletions reported on the way. */
  const settled = async (): Promise<Map<string, Seen>> => {
    const ready = new Map<string, Seen>();
    const now = Date.now();
    for (const [path, candidate] of candidates) {
      const stats = await lstat(join(root, path)).catch(() => null);
      if (!stats || !stats.isFile()) {
        candidates.delete(path);
        if (seen.delete(path)) log(`deleted ${path}: its article is kept (take it down in the desk, or import it with published: false)`);
        continue;
      }
      if (stats.size !== candidate.size || stats.mtimeMs !== candidate.mtimeMs) {
        candidates.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, stableSince: now });
        continue;
      }
      if (now - candidate.stableSince < settleMs) continue;
      candidates.delete(path);
      const last = seen.get(path);
      if (last && last.size === stats.size && last.mtimeMs === stats.mtimeMs) continue;
      ready.set(path, { size: stats.size, mtimeMs: stats.mtimeMs });
    }
    return ready;
  };

  const importBatch = async (ready: Map<string, Seen>) => {
    const paths = [...ready.keys()].sort();
    const startedAt = new Date();
    const report = await importSeedFiles(sql, root, paths, options);
    // Only once imported: a batch that failed is taken again by the next rescan.
    for (const [path, stats] of ready) seen.set(path, stats);
    const time = new Date().toISOString().slice(11, 19);
    log(`${time} ${paths.length} file${paths.length === 1 ? '' : 's'}: ${formatSummary(report)}`);
    for (const rejection of report.rejected) log(`rejected ${formatRejection(rejection)}`);
    await options.onBatch?.(report, paths, startedAt);
  };

  // Sizes and times before the first import reads anything: whatever changes after this is imported again.
  for (const path of await findSeedFiles(root)) {
    const stats = await lstat(join(root, path)).catch(() => null);
    if (stats) seen.set(path, { size: stats.size, mtimeMs: stats.mtimeMs });
  }
  const startedAt = new Date();
  const initial = await importSeedFolder(sql, root, options);
  for (const rejection of initial.rejected) log(`rejected ${formatRejection(rejection)}`);
  await options.onBatch?.(initial, [...seen.keys()], startedAt);
  await watchFolder(root);
  // What changed while the first import ran, before the watches were in place.
  await rescan();
  log(`${formatSummary(initial)} (${initial.files} files in ${initial.seconds.toFixed(1)} s); watching ${root} for changes`);

  let lastRescan = Date.now();
  const tick = async () => {
    try {
      if (Date.now() - lastRescan >= rescanMs) {
        lastRescan = Date.now();
        await rescan();
      }
      const ready = await settled();
      if (ready.size > 0) await importBatch(ready);
    } catch (error) {
      log(`import failed: ${(error as Error).message.split('\n')[0]}; the files are tried again at the next rescan`);
    }
  };
  // One tick at a time, and the one in hand always finishes: stopping waits for it.
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= tick().finally(() => (running = null));
  }, TICK_MS);
  await new Promise<void>((resolve) => {
    const stop = () => {
      clearInterval(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      void (running ?? Promise.resolve()).then(resolve);
    };
    if (options.signal.aborted) stop();
    else options.signal.addEventListener('abort', stop, { once: true });
  });
}
