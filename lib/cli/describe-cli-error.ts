/**
 * One line for a command that failed, never a stack trace: what went wrong,
 * in the words of whoever runs the command (the database cannot be reached,
 * the folder is read-only), for the errors the command line meets in practice.
 */
import { UnsupportedDatabaseUrlError } from '../db/database-url.mjs';

/** A mistake in how the command was called: reported with exit code 2. */
export class UsageError extends Error {}

/** A failure already worded for the person at the terminal. */
export class CliError extends Error {}

type SystemError = Error & { code?: string; address?: string; port?: number; hostname?: string; path?: string };

const FILE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the disk',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
};

export function describeCliError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof UsageError || error instanceof CliError || error instanceof UnsupportedDatabaseUrlError) return error.message;
  const { code, address, port, hostname, path } = error as SystemError;
  if (code === 'ECONNREFUSED')
    return `cannot reach the database at ${address ?? 'its host'}${port ? `:${port}` : ''} (connection refused); is it running, and is DATABASE_URL right?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `cannot reach the database: unknown host ${hostname ?? ''}; check DATABASE_URL`.trimEnd();
  if (code === 'ETIMEDOUT' || /timeout exceeded when trying to connect/i.test(error.message))
    return 'cannot reach the database: the connection timed out; check DATABASE_URL';
  if (code === '28P01' || code === '28000') return `the database refused the credentials in DATABASE_URL (${firstLine(error.message)})`;
  if (code === '3D000') return `${firstLine(error.message)}; create it or check DATABASE_URL`;
  if (code === 'SQLITE_CANTOPEN') return 'cannot open the SQLite database file named by DATABASE_URL (missing folder or no permission)';
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_READONLY_DIRECTORY') return 'the SQLite database named by DATABASE_URL is read-only';
  if (code && FILE_ERRORS[code]) return `${path ?? 'a file'}: ${FILE_ERRORS[code]}`;
  return firstLine(error.message) || error.name;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? ''
  );
}

/**
 * Runs a command's body: its result is the exit code; any error becomes one
 * line on stderr, `<name>: <what went wrong>`, and exit code 1 (2 for usage).
 */
export async function runCommand(name: string, main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    console.error(`${name}: ${describeCliError(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
