/**
 * Test sessions: `getServerSession` is the one piece of next-auth replaced in
 * unit tests (it needs a live request); everything after it, from reading the
 * user to the database write, is the real code.
 */
import { vi } from 'vitest';

export const session = { userId: null as string | null };

vi.mock('next-auth', async (importOriginal) => {
  const original = await importOriginal<typeof import('next-auth')>();
  return {
    ...original,
    getServerSession: vi.fn(async () => (session.userId ? { user: { id: session.userId }, expires: '2999-01-01T00:00:00Z' } : null)),
  };
});

export const revalidations: string[] = [];

vi.mock('next/cache', () => ({
  revalidateTag: vi.fn((tag: string) => {
    revalidations.push(tag);
  }),
  unstable_cache: <T>(fn: T) => fn,
}));

export function signInAs(userId: string | null) {
  session.userId = userId;
}
