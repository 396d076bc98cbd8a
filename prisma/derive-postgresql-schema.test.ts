import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivePostgresqlSchema, POSTGRESQL_SCHEMA, SQLITE_SCHEMA } from './derive-postgresql-schema';

describe('prisma/postgresql/schema.prisma', () => {
  it('has the same models as the SQLite schema (run `npm run db:schema:sync` after editing it)', () => {
    expect(readFileSync(POSTGRESQL_SCHEMA, 'utf8')).toBe(derivePostgresqlSchema(readFileSync(SQLITE_SCHEMA, 'utf8')));
  });

  it('turns `// postgresql-only:` index lines into indexes, and only those', () => {
    const derived = derivePostgresqlSchema(
      [
        'datasource db {',
        '  provider = "sqlite"',
        '}',
        'generator client {',
        '  output       = "../../lib/generated/prisma-sqlite"',
        '}',
        'model A {',
        '  id Int @id',
        '  // postgresql-only: @@index([id])',
        '  // an ordinary comment: @@index([id])',
        '}',
      ].join('\n'),
    );
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('\n  @@index([id])\n');
    expect(derived).toContain('  // an ordinary comment: @@index([id])');
    expect(readFileSync(SQLITE_SCHEMA, 'utf8')).not.toMatch(/^\s*@@index\(\[title, id\]\)/m);
    expect(readFileSync(POSTGRESQL_SCHEMA, 'utf8')).toMatch(/^\s*@@index\(\[title, id\]\)/m);
  });
});
