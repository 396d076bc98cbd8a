/** The database the end-to-end server and tests share, per provider. */
export const E2E_DATABASE = process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'sqlite';

const POSTGRES_SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The e2e server's port; a second instance (multi-instance tests) listens on the next one. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

/** Per port, so checkouts side by side can run their suites at once. */
export const E2E_POSTGRES_DATABASE = `newsdesk_e2e_${E2E_PORT}`;

export function e2eDatabaseUrl(): string {
  if (E2E_DATABASE === 'sqlite') return `file:${process.cwd()}/.e2e/newsdesk-e2e.db`;
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${E2E_POSTGRES_DATABASE}`;
  return url.toString();
}

export { POSTGRES_SERVER };

/** The session secret every e2e server instance shares. */
export const E2E_SECRET = 'e2e-only-secret-not-for-production-0123456789';
