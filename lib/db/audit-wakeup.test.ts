import { describe, expect, it } from 'vitest';
import { testDatabaseEngine } from '../../test/test-database';
import { isListeningForAuditEvents, waitForAuditEvent } from './audit-wakeup';
import { getDb } from './client';

const auditEvent = () => getDb().auditEvent.create({ data: { action: 'article.edit', outcome: 'ok', status: 200, via: 'cli' } });

describe('waitForAuditEvent', () => {
  it('falls back to its timeout when nothing wakes it', async () => {
    await expect(waitForAuditEvent(20)).resolves.toBeUndefined();
  });

  it.runIf(testDatabaseEngine() === 'postgresql')('wakes on a committed audit event from any connection (LISTEN/NOTIFY)', async () => {
    await waitForAuditEvent(20);
    await expect.poll(isListeningForAuditEvents).toBe(true);
    let woken = false;
    // Far longer than the test may run: only a notification can resolve it in time.
    const waiting = waitForAuditEvent(10 * 60_000).then(() => {
      woken = true;
    });
    expect(woken).toBe(false);
    await auditEvent();
    await waiting;
    expect(woken).toBe(true);
  });
});
