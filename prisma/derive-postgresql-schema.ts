/**
 * prisma/postgresql/schema.prisma is derived from prisma/sqlite/schema.prisma:
 * the same models, another datasource and client output, and the indexes
 * written there as `// postgresql-only: @@index(…)` (engines differ in what
 * needs an index; the models do not). A unit test keeps the committed file in
 * step; `npm run db:schema:sync` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SQLITE_SCHEMA = join(here, 'sqlite', 'schema.prisma');
export const POSTGRESQL_SCHEMA = join(here, 'postgresql', 'schema.prisma');

const HEADER = '// Generated from prisma/sqlite/schema.prisma by `npm run db:schema:sync`. Do not edit.\n\n';

export function derivePostgresqlSchema(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output       = "../../lib/generated/prisma-sqlite"', 'output       = "../../lib/generated/prisma-postgresql"')
    .replace(/^(\s*)\/\/ postgresql-only: (@@index\(.*\))$/gm, '$1$2');
  if (replaced === sqliteSchema || !replaced.includes('prisma-postgresql')) {
    throw new Error('prisma/sqlite/schema.prisma no longer has the datasource or generator lines this script rewrites.');
  }
  return HEADER + replaced;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(POSTGRESQL_SCHEMA, derivePostgresqlSchema(readFileSync(SQLITE_SCHEMA, 'utf8')));
  console.log('wrote prisma/postgresql/schema.prisma');
}
