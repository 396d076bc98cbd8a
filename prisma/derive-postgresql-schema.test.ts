import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivePostgresqlSchema, POSTGRESQL_SCHEMA, SQLITE_SCHEMA } from './derive-postgresql-schema';

describe('prisma/postgresql/schema.prisma', () => {
  it('has the same models as the SQLite schema (run `npm run db:schema:sync` after editing it)', () => {
    expect(readFileSync(POSTGRESQL_SCHEMA, 'utf8')).toBe(derivePostgresqlSchema(readFileSync(SQLITE_SCHEMA, 'utf8')));
  });
});
