import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS_PURGE_JOB, accountsHousekeeping } from './accounts-housekeeping.js';

describe('accounts housekeeping', () => {
  it('purges expired sessions once a day and queues the next run, one per UTC day', async () => {
    const queued: { queue: string; runAt?: Date; dedupeKey?: string }[] = [];
    let purges = 0;
    let now = new Date('2026-12-02T23:59:00Z');
    const h = accountsHousekeeping(
      { purgeExpired: async () => (purges++, { sessions: 3, attempts: 7 }) },
      { enqueue: async (queue, _payload, opts = {}) => void queued.push({ queue, ...opts }) },
      () => now,
      pino({ level: 'silent' }),
    );
    await h.scheduleNext();
    expect(queued).toEqual([{ queue: ACCOUNTS_PURGE_JOB, runAt: new Date('2026-12-03T00:20:00Z'), dedupeKey: `${ACCOUNTS_PURGE_JOB}:2026-12-03` }]);
    now = new Date('2026-12-03T00:20:05Z');
    await h.jobHandlers[ACCOUNTS_PURGE_JOB]!({}, { id: 1, attempt: 1 });
    expect(purges).toBe(1);
    expect(queued).toHaveLength(2);
    expect(queued[1]!.dedupeKey, 'the run queues the following day, whichever instance did it').toBe(`${ACCOUNTS_PURGE_JOB}:2026-12-04`);
  });
});
