/**
 * Runs in every test file before its tests: points DATABASE_URL (and so the
 * app's Prisma client) at a database of the file's own.
 */
import { afterAll, inject } from 'vitest';
import { createDatabaseFromTemplate } from './test-database';

const database = await createDatabaseFromTemplate(inject('templateDatabaseUrl'));
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  // The app's shared Prisma client, if this file used it (see lib/db/client.ts).
  const shared = (globalThis as { __newsdeskConnection?: { db: { $disconnect(): Promise<void> } } }).__newsdeskConnection;
  await shared?.db.$disconnect();
  await database.remove();
});
