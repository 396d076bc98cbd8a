import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseEngine } from '../../test/test-database';
import { parseEngineArgs, toRpcError } from './schema-engine.mjs';
import { OFFLINE_SCHEMA_ENGINE, selectSchemaEngine } from './select-schema-engine';

const work = mkdtempSync(join(tmpdir(), 'newsdesk-engine-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The stock Prisma CLI, forced onto this project's offline engine. */
function prisma(args: string[], env: Record<string, string>) {
  const result = spawnSync('npx', ['prisma', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, PRISMA_SCHEMA_ENGINE_BINARY: OFFLINE_SCHEMA_ENGINE, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('selectSchemaEngine', () => {
  it('prefers a configured engine, then the native one, then the offline engine', () => {
    expect(selectSchemaEngine({ PRISMA_SCHEMA_ENGINE_BINARY: '/opt/engine' }, '/native')).toEqual({
      kind: 'configured',
      path: '/opt/engine',
    });
    expect(selectSchemaEngine({}, '/native')).toEqual({ kind: 'native', path: '/native' });
    expect(selectSchemaEngine({}, undefined)).toEqual({ kind: 'offline', path: OFFLINE_SCHEMA_ENGINE });
  });
});

describe('engine protocol', () => {
  it('reads the arguments the CLI passes', () => {
    expect(parseEngineArgs(['--datamodels', 'a.prisma', '--datamodels', 'b.prisma', '--datasource', '{"url":"file:x.db"}'])).toEqual({
      datamodels: ['a.prisma', 'b.prisma'],
      datasource: { url: 'file:x.db' },
      command: undefined,
    });
    expect(parseEngineArgs(['--datasource', '{"url":"file:x.db"}', 'cli', 'create-database']).command).toBe('create-database');
  });

  it('turns engine errors into the JSON-RPC shape the CLI reads', () => {
    const error = Object.assign(new Error('The underlying table does not exist.'), { code: 'P1014' });
    expect(toRpcError(error).data).toMatchObject({ is_panic: false, error_code: 'P1014', message: 'The underlying table does not exist.' });
  });
});

describe('the stock Prisma CLI on the offline engine (SQLite)', () => {
  const url = `file:${join(work, 'deploy.db')}`;

  it('applies the project migrations with `migrate deploy` to a new database', () => {
    const result = prisma(['migrate', 'deploy'], { DATABASE_URL: url });
    expect(result.output).toContain('All migrations have been successfully applied');
    expect(result.status).toBe(0);
    const database = new Database(join(work, 'deploy.db'), { readonly: true });
    const names = database
      .prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')`)
      .all()
      .map((row) => (row as { name: string }).name);
    const applied = database.prepare('SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL').get() as { n: number };
    database.close();
    expect(names).toEqual(expect.arrayContaining(['Article', 'RelatedLink', 'article_search', 'article_search_after_insert']));
    expect(applied.n).toBe(readdirSync('prisma/sqlite/migrations').filter((name) => /^\d/.test(name)).length);
  });

  it('prints the SQL of `migrate diff` and finds no drift between migrations and schema', () => {
    const fromEmpty = prisma(['migrate', 'diff', '--from-empty', '--to-schema', 'prisma/sqlite/schema.prisma', '--script'], {
      DATABASE_URL: url,
    });
    expect(fromEmpty.status).toBe(0);
    expect(fromEmpty.output).toContain('CREATE TABLE "Article"');
    const drift = prisma(
      ['migrate', 'diff', '--from-migrations', 'prisma/sqlite/migrations', '--to-schema', 'prisma/sqlite/schema.prisma', '--exit-code'],
      { DATABASE_URL: url },
    );
    expect(drift.output).not.toContain('CREATE');
    expect(drift.status).toBe(0);
  });

  it('creates and applies a new migration with `migrate dev`', () => {
    const project = join(work, 'project');
    cpSync('prisma/sqlite', join(project, 'prisma'), { recursive: true });
    const schemaPath = join(project, 'prisma', 'schema.prisma');
    writeFileSync(schemaPath, readFileSync(schemaPath, 'utf8').replace('model Topic {\n', 'model Topic {\n  colour String?\n'));
    writeFileSync(
      join(project, 'prisma.config.ts'),
      `export default { schema: 'prisma/schema.prisma', migrations: { path: 'prisma/migrations' }, datasource: { url: ${JSON.stringify(`file:${join(project, 'dev.db')}`)} }, experimental: { externalTables: true }, tables: { external: ['article_search', 'article_search_config', 'article_search_data', 'article_search_docsize', 'article_search_idx'] } };\n`,
    );
    const result = prisma(['migrate', 'dev', '--name', 'topic_colour', '--config', join(project, 'prisma.config.ts')], {});
    expect(result.output).toContain('Your database is now in sync with your schema');
    const created = readdirSync(join(project, 'prisma', 'migrations')).find((name) => name.endsWith('_topic_colour'));
    expect(created).toBeDefined();
    const migration = readFileSync(join(project, 'prisma', 'migrations', created!, 'migration.sql'), 'utf8');
    expect(migration).toContain('ALTER TABLE "Topic" ADD COLUMN "colour" TEXT');
    expect(migration).not.toMatch(/article_search/);
  });
});

describe.runIf(testDatabaseEngine() === 'postgresql')(
  'the stock Prisma CLI on the offline engine (PostgreSQL)',
  { timeout: 120_000 },
  () => {
    const server = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
    const name = `newsdesk_engine_${process.pid}`;
    const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();

    afterAll(async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    });

    it('creates the database and applies the migrations, full-text search included', async () => {
      const result = prisma(['migrate', 'deploy'], { DATABASE_URL: url });
      expect(result.output).toContain('All migrations have been successfully applied');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT tgname FROM pg_trigger WHERE tgname LIKE 'article_search%'`);
      await client.end();
      expect(rows.map((row) => row.tgname).sort()).toEqual(['article_search_after_insert', 'article_search_after_update']);
      const status = prisma(['migrate', 'status'], { DATABASE_URL: url });
      expect(status.output).toContain('Database schema is up to date');
      const drift = prisma(
        [
          'migrate',
          'diff',
          '--from-migrations',
          'prisma/postgresql/migrations',
          '--to-schema',
          'prisma/postgresql/schema.prisma',
          '--exit-code',
        ],
        { DATABASE_URL: url },
      );
      expect(drift.status).toBe(0);
    });
  },
);
