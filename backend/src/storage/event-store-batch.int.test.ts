import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { appendOverClaimedVersion } from './claimed-version.js';
import { EventStore } from './event-store.js';
import { ConcurrencyError, type AppendRequest } from './events.js';

const req = (id: string, n: number, key?: string): AppendRequest => ({
  tenantId: 't1',
  stream: { type: 'thing', id },
  expectedVersion: 'any',
  events: Array.from({ length: n }, (_, i) => ({
    type: 'thing.happened',
    payload: { i },
    ...(key ? { idempotencyKey: `${key}:${i}` } : {}),
  })),
});

describe.each(testDatabaseKinds())('EventStore.appendManyIn on %s', (kind) => {
  let handle: TestDatabase;
  let store: EventStore;
  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind);
    store = new EventStore(handle.db);
  });
  afterAll(() => handle.close());

  it('appends many streams in one go, numbering versions per stream', async () => {
    await store.append(req('a', 2));
    const results = await handle.db.transaction().execute((trx) =>
      store.appendManyIn(trx, [req('a', 1), req('b', 3, 'b'), req('a', 2)]),
    );
    expect(results.map((r) => r.version)).toEqual([3, 3, 5]);
    expect(results.map((r) => r.events.length)).toEqual([1, 3, 2]);
    expect((await store.readStream({ type: 'thing', id: 'a' })).map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('appends over a version a client claims to have read: its own, or none; an older one or one not reached is stale, and leaves no gap', async () => {
    const stream = { type: 'thing', id: 'claimed' };
    const one = ({ stream: _s, expectedVersion: _e, ...rest }: AppendRequest) => rest;
    const append = (claimed: number | null | undefined) => appendOverClaimedVersion(store, { ...one(req('claimed', 1)), stream }, claimed);
    expect(await append(0)).toMatchObject({ version: 1 });
    expect(await append(0)).toBe('stale');
    expect(await append(1)).toMatchObject({ version: 2 });
    expect(await append(1)).toBe('stale');
    expect(await append(7)).toBe('stale');
    expect(await append(null)).toBe('stale');
    expect(await append(undefined)).toMatchObject({ version: 3 });
    expect((await store.readStream(stream)).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('returns stored events for keys already appended, without writing them again', async () => {
    const again = await handle.db.transaction().execute((trx) => store.appendManyIn(trx, [req('b', 3, 'b'), req('c', 1)]));
    expect(again[0]!.duplicate).toBe(true);
    expect(again[1]!.duplicate).toBe(false);
    expect(await store.readStream({ type: 'thing', id: 'b' })).toHaveLength(3);
  });

  it('refuses the whole batch on a version conflict', async () => {
    const before = (await store.readAll({ limit: 10_000 })).length;
    await expect(
      handle.db.transaction().execute((trx) =>
        store.appendManyIn(trx, [req('d', 1), { ...req('a', 1), expectedVersion: 1 }]),
      ),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.readAll({ limit: 10_000 })).length).toBe(before);
  });
});
