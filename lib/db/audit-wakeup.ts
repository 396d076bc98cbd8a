/**
 * Wakes live desk streams as soon as any instance writes an audit event. On
 * PostgreSQL one connection per process LISTENs on `newsdesk_audit`, which a
 * trigger on "AuditEvent" NOTIFYs at commit (migration
 * 20261128600400_audit_event_notify), so a change made on another instance
 * reaches this one's streams at once. SQLite has no such channel: the streams
 * poll the audit trail, and so does every engine as the fallback when the
 * listening connection is down.
 */
import 'server-only';
import pg from 'pg';
import { connection } from './client';

export const AUDIT_CHANNEL = 'newsdesk_audit';

type State = { client: pg.Client | null; starting: Promise<void> | null; waiters: Set<() => void> };
const globalForWakeup = globalThis as typeof globalThis & { __newsdeskAuditWakeup?: State };
const state: State = (globalForWakeup.__newsdeskAuditWakeup ??= { client: null, starting: null, waiters: new Set() });

function wakeAll() {
  for (const wake of [...state.waiters]) wake();
}

function listen() {
  const { engine, url } = connection();
  if (engine !== 'postgresql' || state.client || state.starting) return;
  const client = new pg.Client({ connectionString: url });
  const drop = () => {
    if (state.client === client) state.client = null;
    state.starting = null;
    client.end().catch(() => {});
  };
  client.on('notification', wakeAll);
  client.on('error', drop);
  client.on('end', drop);
  state.starting = client
    .connect()
    .then(() => client.query(`LISTEN ${AUDIT_CHANNEL}`))
    .then(() => {
      state.client = client;
      state.starting = null;
    })
    .catch(drop);
}

/** Whether this process is listening for other instances' audit events (PostgreSQL only). */
export function isListeningForAuditEvents(): boolean {
  return state.client !== null;
}

/** Resolves at the next audit event any instance commits (PostgreSQL), or after `timeoutMs`, whichever is first. */
export function waitForAuditEvent(timeoutMs: number): Promise<void> {
  listen();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      state.waiters.delete(done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    state.waiters.add(done);
  });
}
