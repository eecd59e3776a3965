import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CallEventBuffer } from './call-event-buffer.js';

/** A database that is away until `up()` is called: writes fail, then land in `rows`. */
function flakyStore() {
  let available = true;
  const rows: string[] = [];
  return {
    rows,
    down: () => void (available = false),
    up: () => void (available = true),
    write: (row: string) => async () => {
      await Promise.resolve();
      if (!available) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      rows.push(row);
    },
  };
}

const quiet = pino({ level: 'silent' });

describe('CallEventBuffer', () => {
  it('writes at once while the database answers', async () => {
    const db = flakyStore();
    const buffer = new CallEventBuffer({ log: quiet });
    expect(await buffer.submit('CA1', 'call.recorded', db.write('CA1 recorded'))).toBe('written');
    expect(db.rows).toEqual(['CA1 recorded']);
    expect(buffer.stats).toEqual({ written: 1, kept: 0, lost: 0, pending: 0 });
  });

  it('keeps every write of an outage, in order per call, and writes them all when the database returns', async () => {
    const db = flakyStore();
    const buffer = new CallEventBuffer({ log: quiet, retryDelaysMs: [5, 10] });
    db.down();
    expect(await buffer.submit('CA1', 'call.recorded', db.write('CA1 recorded'))).toBe('kept');
    expect(await buffer.submit('CA2', 'call.recorded', db.write('CA2 recorded'))).toBe('kept');
    expect(await buffer.submit('CA1', 'call.ended', db.write('CA1 ended'))).toBe('kept');
    await new Promise((r) => setTimeout(r, 40));
    expect(db.rows, 'nothing lands while the database is away').toEqual([]);
    expect(buffer.pending).toBe(3);
    db.up();
    await buffer.idle();
    expect(db.rows.filter((r) => r.startsWith('CA1')), "a call's writes land in the order they were made").toEqual(['CA1 recorded', 'CA1 ended']);
    expect(db.rows.sort(), 'nothing lost').toEqual(['CA1 ended', 'CA1 recorded', 'CA2 recorded']);
    expect(buffer.stats).toEqual({ written: 3, kept: 3, lost: 0, pending: 0 });
  });

  it('queues a later write of a call behind its kept one even when the database is back', async () => {
    const db = flakyStore();
    const buffer = new CallEventBuffer({ log: quiet, retryDelaysMs: [30] });
    db.down();
    await buffer.submit('CA1', 'first', db.write('first'));
    db.up();
    expect(await buffer.submit('CA1', 'second', db.write('second'))).toBe('kept');
    await buffer.idle();
    expect(db.rows).toEqual(['first', 'second']);
  });

  it('a second write submitted while the first is still failing in flight keeps its place (no race, nothing lost)', async () => {
    const db = flakyStore();
    const buffer = new CallEventBuffer({ log: quiet, retryDelaysMs: [5] });
    db.down();
    const first = buffer.submit('CA1', 'call.recorded', db.write('recorded'));
    const second = buffer.submit('CA1', 'call.ended', db.write('ended'));
    expect(await Promise.all([first, second])).toEqual(['kept', 'kept']);
    expect(buffer.stats).toMatchObject({ kept: 2, pending: 2 });
    db.up();
    await buffer.idle();
    expect(db.rows).toEqual(['recorded', 'ended']);
    expect(buffer.stats).toEqual({ written: 2, kept: 2, lost: 0, pending: 0 });
  });

  it('gives up on a write still failing after giveUpAfterMs, loudly', async () => {
    const db = flakyStore();
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    let now = 0;
    const buffer = new CallEventBuffer({ log, retryDelaysMs: [5], giveUpAfterMs: 1000, now: () => now });
    db.down();
    await buffer.submit('CA1', 'call.recorded', db.write('x'));
    now = 2000;
    await buffer.idle();
    expect(buffer.stats).toMatchObject({ lost: 1, pending: 0 });
    expect(lines.some((l) => l.includes('"event":"call_event_lost"') && l.includes('"level":50'))).toBe(true);
  });

  it('is idle at once when nothing is pending, and waits for writes in flight', async () => {
    const buffer = new CallEventBuffer({ log: quiet });
    await buffer.idle();
    let release!: () => void;
    const landed: string[] = [];
    void buffer.submit('CA1', 'slow', () => new Promise<void>((r) => (release = () => (landed.push('slow'), r()))));
    let idle = false;
    void buffer.idle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(idle).toBe(false);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(idle).toBe(true);
    expect(landed).toEqual(['slow']);
  });
});
