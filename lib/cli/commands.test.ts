/**
 * The command-line tools as people run them: each failure is one line on
 * stderr and a non-zero exit code, never a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { openSqlConnection } from '../db/bulk/sql-connection';

const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', script, ...args], {
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

function expectOneLine(result: ReturnType<typeof run>, pattern: RegExp) {
  expect(result.status, result.stderr).not.toBe(0);
  expect(result.stderr.split('\n'), result.stderr).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

const CLOSED_PORT = 'postgresql://postgres@127.0.0.1:1/newsdesk';

describe('command-line errors', () => {
  it('an unreachable database: one line from every command', () => {
    const unreachable = /cannot reach the database at 127\.0\.0\.1:1 \(connection refused\)/;
    expectOneLine(run('scripts/import.ts', ['seeds'], { DATABASE_URL: CLOSED_PORT }), new RegExp(`^import: ${unreachable.source}`));
    expectOneLine(
      run('scripts/export.ts', [join(scratch, 'out')], { DATABASE_URL: CLOSED_PORT }),
      new RegExp(`^export: ${unreachable.source}`),
    );
    expectOneLine(run('scripts/user.ts', ['list'], { DATABASE_URL: CLOSED_PORT }), new RegExp(`^user: ${unreachable.source}`));
    expectOneLine(run('scripts/migrate.ts', [], { DATABASE_URL: CLOSED_PORT }), new RegExp(`^newsdesk: ${unreachable.source}`));
    expectOneLine(
      run('scripts/start.ts', [], { DATABASE_URL: CLOSED_PORT, NEXTAUTH_SECRET: 'test-secret-test-secret-test-secret' }),
      new RegExp(`^newsdesk: ${unreachable.source}`),
    );
    expectOneLine(run('scripts/start.ts', [], { DATABASE_URL: 'mysql://db/newsdesk' }), /^newsdesk: DATABASE_URL must be a file: URL/);
  }, 120_000);

  it('an unsupported URL scheme, a missing folder, a read-only target', () => {
    expectOneLine(
      run('scripts/import.ts', ['seeds'], { DATABASE_URL: 'mysql://db/newsdesk' }),
      /^import: DATABASE_URL must be a file: URL/,
    );
    expectOneLine(run('scripts/user.ts', ['list'], { DATABASE_URL: 'mysql://db/newsdesk' }), /^user: DATABASE_URL must be a file: URL/);
    expectOneLine(run('scripts/import.ts', [join(scratch, 'missing')]), /^import: .*missing is not a folder$/);
    const readOnly = process.getuid?.() === 0 ? '/sys/newsdesk-cli-test/out' : '/proc/newsdesk-cli-test/out';
    expectOneLine(run('scripts/export.ts', [readOnly]), /^export: cannot write to .*newsdesk-cli-test\/out: /);
    expectOneLine(
      run('scripts/import.ts', ['seeds'], { DATABASE_URL: 'file:/sys/newsdesk-cli-test/x.db' }),
      /^import: .*newsdesk-cli-test/,
    );
    expectOneLine(run('scripts/import.ts', ['--max-file-size', 'huge', 'seeds']), /^import: --max-file-size must be a size/);
  }, 120_000);
});

describe('npm run user:create with a piped password', () => {
  it('takes the first line only, and refuses an empty one', async () => {
    const created = run(
      'scripts/user.ts',
      ['create', '--email', 'piped@cli.test', '--role', 'editor'],
      {},
      'correct horse battery\nsecond line\n',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout.trim()).toBe('created editor piped@cli.test');
    const sql = await openSqlConnection(process.env.DATABASE_URL!);
    const [user] = await sql.query<{ id: string; passwordHash: string }>(
      `SELECT "id", "passwordHash" FROM "User" WHERE "email" = 'piped@cli.test'`,
    );
    // Audited like any account change, with the command line as the actor.
    const audit = await sql.query<{ actorId: string | null; via: string; outcome: string }>(
      `SELECT "actorId", "via", "outcome" FROM "AuditEvent" WHERE "action" = 'user.create' AND "targetId" = ${sql.placeholder(1)}`,
      [user!.id],
    );
    expect(audit).toEqual([{ actorId: null, via: 'cli', outcome: 'ok' }]);
    expect(run('scripts/user.ts', ['disable', '--email', 'piped@cli.test']).stdout.trim()).toBe('disabled piped@cli.test');
    const disabled = await sql.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = 'user.change' AND "via" = 'cli' AND "targetId" = ${sql.placeholder(1)}`,
      [user!.id],
    );
    expect(Number(disabled[0]?.n)).toBe(1);
    // A locked-out user gets a temporary password from the command line, to be changed at once.
    const reset = run('scripts/user.ts', ['reset-password', '--email', 'piped@cli.test']);
    const temporary = /^temporary password for piped@cli\.test: (\S+) \(to be changed at the next sign-in\)$/.exec(
      reset.stdout.trim(),
    )?.[1];
    expect(temporary, reset.stdout + reset.stderr).toBeTruthy();
    const [after] = await sql.query<{ passwordHash: string; mustChangePassword: boolean | number }>(
      `SELECT "passwordHash", "mustChangePassword" FROM "User" WHERE "id" = ${sql.placeholder(1)}`,
      [user!.id],
    );
    expect(await verifyPassword(after!.passwordHash, temporary!)).toBe(true);
    expect(Boolean(after!.mustChangePassword)).toBe(true);
    expectOneLine(
      run('scripts/user.ts', ['reset-password', '--email', 'nobody@cli.test']),
      /^user: no user with the email nobody@cli.test/,
    );
    await sql.close();
    expect(await verifyPassword(user!.passwordHash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(user!.passwordHash, 'correct horse battery\nsecond line')).toBe(false);

    expectOneLine(
      run('scripts/user.ts', ['create', '--email', 'empty@cli.test', '--role', 'editor'], {}, '\nsomething\n'),
      /^user: the password is empty/,
    );
    expectOneLine(
      run('scripts/user.ts', ['create', '--email', 'none@cli.test', '--role', 'editor'], {}, ''),
      /^user: the password is empty/,
    );
  }, 120_000);
});

describe('npm run import -- --watch', () => {
  it('stops on SIGTERM with exit code 0 after the batch in hand', async () => {
    const folder = join(scratch, 'watched');
    cpSync('e2e/fixtures/seeds/crafted', folder, { recursive: true });
    const files = readdirSync(folder, { recursive: true }).filter((name) => String(name).endsWith('.md')).length;
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/import.ts', '--watch', folder], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 60_000;
    while (!output.includes('watching') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output).toMatch(
      new RegExp(`^created ${files}, updated 0, unchanged 0, rejected 0 \\(${files} files in [\\d.]+ s\\); watching `),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.trim().split('\n').at(-1)).toBe('stopped watching');
    const sql = await openSqlConnection(process.env.DATABASE_URL!);
    const [run] = await sql.query<{ via: string; what: string; created: number }>(
      `SELECT "via", "what", "created" FROM "ImportRun" ORDER BY "startedAt" DESC LIMIT 1`,
    );
    await sql.close();
    expect(run).toMatchObject({ via: 'cli', what: expect.stringMatching(new RegExp(`^watch .*watched: ${files} files$`)) });
    expect(Number(run!.created)).toBe(files);
  }, 90_000);
});
