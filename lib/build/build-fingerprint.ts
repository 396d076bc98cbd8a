/**
 * Whether `.next` was built from the sources as they are now: a hash of the
 * path, size and modification time of every file a build reads, stored next
 * to the build. Cheap enough to check on every start.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
  'instrumentation.ts',
  'proxy.ts',
];
const IGNORED = /(^|\/)(node_modules|\.next|generated)(\/|$)|\.test\.tsx?$/;
const STAMP = join('.next', 'newsdesk-build-fingerprint');

function* files(path: string): Generator<string> {
  if (!existsSync(path) || IGNORED.test(path)) return;
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
  } else {
    yield path;
  }
}

export function sourceFingerprint(root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) {
    for (const file of files(join(root, input))) {
      const stat = statSync(file);
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

export function buildIsCurrent(root = process.cwd()): boolean {
  const stamp = join(root, STAMP);
  if (!existsSync(join(root, '.next', 'BUILD_ID')) || !existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8') === sourceFingerprint(root);
}

export function recordBuild(root = process.cwd()): void {
  writeFileSync(join(root, STAMP), sourceFingerprint(root));
}
