import { describe, expect, it } from 'vitest';
import { databaseEngineOf, databaseUrlFrom, sqliteFileOf } from './database-url.mjs';

describe('databaseUrlFrom', () => {
  it('defaults to the embedded SQLite file under the project', () => {
    expect(databaseUrlFrom(undefined, '/srv/newsdesk')).toBe('file:/srv/newsdesk/data/newsdesk.db');
    expect(databaseUrlFrom('  ', '/srv/newsdesk')).toBe('file:/srv/newsdesk/data/newsdesk.db');
  });

  it('resolves relative SQLite paths against the working directory and keeps options', () => {
    expect(databaseUrlFrom('file:./db/x.db?mode=rwc', '/srv/app')).toBe('file:/srv/app/db/x.db?mode=rwc');
    expect(databaseUrlFrom('file:/var/lib/nd.db', '/srv/app')).toBe('file:/var/lib/nd.db');
    expect(sqliteFileOf('file:/srv/app/db/x.db?mode=rwc')).toBe('/srv/app/db/x.db');
  });

  it('passes PostgreSQL URLs through and refuses anything else clearly', () => {
    const url = 'postgresql://newsdesk:secret@db.internal:5432/newsdesk';
    expect(databaseUrlFrom(url, '/srv/app')).toBe(url);
    expect(databaseEngineOf('postgres://x/y')).toBe('postgresql');
    expect(() => databaseUrlFrom('mysql://x/y', '/srv/app')).toThrow(/must be a file: URL \(SQLite\) or a postgresql:\/\/ URL/);
  });
});
