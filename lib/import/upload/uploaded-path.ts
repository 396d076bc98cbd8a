/**
 * The identity of an uploaded file: its path inside the archive (or the
 * name the form gave it), in the same namespace as a folder import, so that
 * uploading a folder and importing it from disk name the same articles and
 * re-uploading it is idempotent. Checked here, before anything is written:
 * no absolute paths, no `..`, no control characters; hidden files and
 * folders are skipped as the folder import skips them.
 */
import { isSeedFile } from '../find-seed-files';

export type UploadedPath = { kind: 'file'; path: string } | { kind: 'skip' } | { kind: 'refuse'; shown: string; reason: string };

const MAX_PATH = 1024;
const MAX_SEGMENT = 255;

/**
 * `strip` removes that many leading folders, like tar's --strip-components:
 * an archive made with `zip -r seeds.zip seeds` holds `seeds/…` paths, and
 * strip 1 gives them the identities `npm run import -- seeds` gives.
 */
export function uploadedPath(name: string, strip = 0): UploadedPath {
  const shown = JSON.stringify(name.length > 200 ? `${name.slice(0, 200)}…` : name);
  if (/[\u0000-\u001f\u007f]/.test(name)) return { kind: 'refuse', shown, reason: 'its name has control characters' };
  const slashed = name.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:\//.test(slashed)) return { kind: 'refuse', shown, reason: 'its path is absolute' };
  const segments = slashed.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) return { kind: 'refuse', shown, reason: 'its path leaves the uploaded folder (..)' };
  const kept = segments.slice(strip);
  if (kept.length === 0 || slashed.endsWith('/')) return { kind: 'skip' };
  if (kept.some((segment) => segment.startsWith('.') || segment === '__MACOSX')) return { kind: 'skip' };
  if (!isSeedFile(kept.at(-1)!)) return { kind: 'skip' };
  const path = kept.join('/');
  if (path.length > MAX_PATH || kept.some((segment) => segment.length > MAX_SEGMENT)) {
    return { kind: 'refuse', shown, reason: `its path is longer than ${MAX_PATH} characters (or a part of it than ${MAX_SEGMENT})` };
  }
  return { kind: 'file', path };
}
