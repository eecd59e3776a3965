import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { EventStore } from './event-store.js';
import { ConcurrencyError, type AppendRequest, type AppendResult, type Reactor } from './events.js';
import { JobQueue } from './jobs.js';

const TENANT = 't1';
const WRITERS = 8;
const TOTAL_EVENTS = 10_000;
const RACE_ROUNDS = 40;
const HOT_PER_WRITER = 5;
const BATCH_SIZE = 20;
/** Every RETRY_EVERY-th batch is sent twice at once with the same idempotency keys. */
const RETRY_EVERY = 4;
const BATCHES_PER_WRITER = (TOTAL_EVENTS - RACE_ROUNDS - WRITERS * HOT_PER_WRITER) / (WRITERS * BATCH_SIZE);

/** Lets all writers start a race round together (one per round). */
function barrier(parties: number) {
  const rounds = new Map<number, { arrived: number; open: () => void; gate: Promise<void> }>();
  return (round: number): Promise<void> => {
    let r = rounds.get(round);
    if (!r) {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      r = { arrived: 0, open, gate };
      rounds.set(round, r);
    }
    if (++r.arrived === parties) r.open();
    return r.gate;
  };
}

describe.each(testDatabaseKinds())('EventStore on %s', (kind) => {
  let handle: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind);
    store = new EventStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it(`8 concurrent writers append ${TOTAL_EVENTS} events: none lost, none duplicated, one winner per version race`, async () => {
    expect(Number.isInteger(BATCHES_PER_WRITER)).toBe(true);
    const arrive = barrier(WRITERS);
    const raceOutcomes: PromiseSettledResult<AppendResult>[][] = Array.from({ length: RACE_ROUNDS }, () => []);
    const retryPairs: [AppendResult, AppendResult][] = [];

    const writer = async (w: number) => {
      const stream = { type: 'bulk', id: `w${w}` };
      let version = 0;
      let seq = 0;
      for (let b = 0; b < BATCHES_PER_WRITER; b++) {
        const req: AppendRequest = {
          tenantId: TENANT,
          stream,
          expectedVersion: version,
          events: Array.from({ length: BATCH_SIZE }, () => {
            const n = seq++;
            return { type: 'bulk.appended', payload: { w, n }, idempotencyKey: `bulk:${w}:${n}` };
          }),
        };
        if (b % RETRY_EVERY === 0) {
          // A client retry racing its own original: both must see the same stored events.
          const pair = await Promise.all([store.append(req), store.append(structuredClone(req))]);
          retryPairs.push(pair);
          version = pair[0].version;
        } else {
          version = (await store.append(req)).version;
        }
        // Interleave: a race round every few batches, a contended `any` append now and then.
        const round = Math.floor((b * RACE_ROUNDS) / BATCHES_PER_WRITER);
        if ((b * RACE_ROUNDS) % BATCHES_PER_WRITER < RACE_ROUNDS && round < RACE_ROUNDS) {
          await arrive(round);
          const outcome = await Promise.allSettled([
            store.append({
              tenantId: TENANT,
              stream: { type: 'race', id: 'one' },
              expectedVersion: round,
              events: [{ type: 'race.won', payload: { w, round }, idempotencyKey: `race:${round}:${w}` }],
            }),
          ]);
          raceOutcomes[round]!.push(outcome[0]!);
        }
        if (b % Math.floor(BATCHES_PER_WRITER / HOT_PER_WRITER) === 0 && b / Math.floor(BATCHES_PER_WRITER / HOT_PER_WRITER) < HOT_PER_WRITER) {
          await store.append({
            tenantId: TENANT,
            stream: { type: 'hot', id: 'shared' },
            events: [{ type: 'hot.appended', payload: { w, b } }],
          });
        }
      }
    };

    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    // Exactly the planned number of events, each id and position once.
    const counts = await handle.db
      .selectFrom('events')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('id').distinct().as('ids')])
      .where('tenant_id', '=', TENANT)
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(TOTAL_EVENTS);
    expect(Number(counts.ids)).toBe(TOTAL_EVENTS);

    // Each writer's stream: every sequence number once, in order, versions contiguous.
    for (let w = 0; w < WRITERS; w++) {
      const events = await store.readStream({ type: 'bulk', id: `w${w}` });
      expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
      expect(events.map((e) => (e.payload as { n: number }).n)).toEqual(events.map((_, i) => i));
      expect(events).toHaveLength(BATCHES_PER_WRITER * BATCH_SIZE);
    }

    // Retried batches: same events for both calls, exactly one of them stored them.
    expect(retryPairs.length).toBe(WRITERS * Math.ceil(BATCHES_PER_WRITER / RETRY_EVERY));
    for (const [a, b] of retryPairs) {
      expect(a.events.map((e) => e.id)).toEqual(b.events.map((e) => e.id));
      expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    }

    // Version races: one winner per round, every loser a ConcurrencyError.
    const race = await store.readStream({ type: 'race', id: 'one' });
    expect(race.map((e) => e.version)).toEqual(Array.from({ length: RACE_ROUNDS }, (_, i) => i + 1));
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const outcomes = raceOutcomes[round]!;
      expect(outcomes).toHaveLength(WRITERS);
      const winners = outcomes.filter((o) => o.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(ConcurrencyError);
      const winner = (winners[0] as PromiseFulfilledResult<AppendResult>).value.events[0]!;
      expect(race[round]!.id).toBe(winner.id);
    }

    // `any` appends under contention: all stored, versions contiguous.
    const hot = await store.readStream({ type: 'hot', id: 'shared' });
    expect(hot.map((e) => e.version)).toEqual(Array.from({ length: WRITERS * HOT_PER_WRITER }, (_, i) => i + 1));

    // Global order: strictly increasing positions.
    const all = await store.readAll({ tenantId: TENANT, limit: TOTAL_EVENTS + 1 });
    expect(all).toHaveLength(TOTAL_EVENTS);
    for (let i = 1; i < all.length; i++) expect(all[i]!.position).toBeGreaterThan(all[i - 1]!.position);
  });

  it('an idempotent retry returns the same event and stores nothing new', async () => {
    const req: AppendRequest = {
      tenantId: 't2',
      stream: { type: 'order', id: 'o1' },
      expectedVersion: 'no_stream',
      events: [{ type: 'order.placed', payload: { item: 'pizza' }, idempotencyKey: 'call:CA1:order' }],
    };
    const first = await store.append(req);
    const again = await store.append(req);
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(again.version).toBe(1);
    expect(await store.readStream({ type: 'order', id: 'o1' })).toHaveLength(1);
  });

  it('the same idempotency key in another tenant is another event', async () => {
    const mk = (tenantId: string): AppendRequest => ({
      tenantId,
      stream: { type: 'note', id: `${tenantId}-n` },
      events: [{ type: 'note.added', payload: {}, idempotencyKey: 'same-key' }],
    });
    const a = await store.append(mk('ta'));
    const b = await store.append(mk('tb'));
    expect(b.duplicate).toBe(false);
    expect(b.events[0]!.id).not.toBe(a.events[0]!.id);
  });

  it('refuses an append that mixes stored and new idempotency keys', async () => {
    const stream = { type: 'mix', id: 'm1' };
    await store.append({ tenantId: 't2', stream, events: [{ type: 'x', payload: {}, idempotencyKey: 'mix-a' }] });
    await expect(
      store.append({
        tenantId: 't2',
        stream,
        events: [
          { type: 'x', payload: {}, idempotencyKey: 'mix-a' },
          { type: 'x', payload: {}, idempotencyKey: 'mix-b' },
        ],
      }),
    ).rejects.toThrow(/mixed new events with already stored idempotency keys/);
  });

  it('expected versions: no_stream and a stale number are refused with ConcurrencyError', async () => {
    const stream = { type: 'acct', id: 'a1' };
    await store.append({ tenantId: 't2', stream, expectedVersion: 'no_stream', events: [{ type: 'opened', payload: {} }] });
    await expect(
      store.append({ tenantId: 't2', stream, expectedVersion: 'no_stream', events: [{ type: 'opened', payload: {} }] }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(
      store.append({ tenantId: 't2', stream, expectedVersion: 0, events: [{ type: 'x', payload: {} }] }),
    ).rejects.toMatchObject({ name: 'ConcurrencyError', expected: 0, actual: 1 });
    const ok = await store.append({ tenantId: 't2', stream, expectedVersion: 1, events: [{ type: 'x', payload: {} }] });
    expect(ok.version).toBe(2);
  });

  it('the events table refuses updates and deletes', async () => {
    await store.append({ tenantId: 't2', stream: { type: 'ro', id: 'r1' }, events: [{ type: 'x', payload: { a: 1 } }] });
    await expect(sql`update events set type = 'changed' where stream_type = 'ro'`.execute(handle.db)).rejects.toThrow(
      /events are append-only/,
    );
    await expect(sql`delete from events where stream_type = 'ro'`.execute(handle.db)).rejects.toThrow(/events are append-only/);
    const [event] = await store.readStream({ type: 'ro', id: 'r1' });
    expect(event?.type).toBe('x');
  });

  it('a reactor runs in the append transaction: its job exists iff the event does', async () => {
    const jobs = new JobQueue(handle.db);
    const enqueue: Reactor = {
      name: 'enqueue',
      handles: ['call.ended'],
      react: (trx, e) => jobs.enqueue('summaries', { sid: e.streamId }, { dedupeKey: `summary:${e.streamId}` }, trx),
    };
    const failing: Reactor = {
      name: 'failing',
      handles: ['call.ended'],
      react: async (_trx, e) => {
        if (e.streamId === 'CA-bad') throw new Error('reactor failed');
      },
    };
    const reacting = new EventStore(handle.db, [], [enqueue, failing]);
    await reacting.append({ tenantId: 't3', stream: { type: 'call', id: 'CA-ok' }, events: [{ type: 'call.ended', payload: {} }] });
    await expect(
      reacting.append({ tenantId: 't3', stream: { type: 'call', id: 'CA-bad' }, events: [{ type: 'call.ended', payload: {} }] }),
    ).rejects.toThrow('reactor failed');
    expect(await reacting.readStream({ type: 'call', id: 'CA-bad' })).toHaveLength(0);
    const queued = await handle.db.selectFrom('jobs').select('dedupe_key').where('queue', '=', 'summaries').execute();
    expect(queued.map((j) => j.dedupe_key)).toEqual(['summary:CA-ok']);
  });
});
