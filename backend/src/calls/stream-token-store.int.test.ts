import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { StreamTokenStore } from './stream-token-store.js';

const HOUR_MS = 60 * 60_000;

describe.each(testDatabaseKinds())('stream token uses on %s', (kind) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });
  const nonces = async () => (await handle.db.selectFrom('stream_token_uses').select('nonce').orderBy('nonce').execute()).map((r) => r.nonce);

  it('consumes a nonce once; prunes uses an hour past expiry, at most once a minute', async () => {
    const store = new StreamTokenStore(handle.db);
    const t0 = Date.parse('2026-01-01T12:00:00Z');
    expect(await store.consume('n-old', 'CA1', new Date(t0 - 2 * HOUR_MS))).toBe(true);
    expect(await store.consume('n-old', 'CA1', new Date(t0 - 2 * HOUR_MS))).toBe(false);
    expect(await store.consume('n-new', 'CA2', new Date(t0))).toBe(true);
    await store.prune(new Date(t0));
    expect(await nonces()).toEqual(['n-new']);

    await store.consume('n-later', 'CA3', new Date(t0 - 2 * HOUR_MS));
    await store.prune(new Date(t0 + 30_000)); // within the minute: no delete issued
    expect(await nonces()).toEqual(['n-later', 'n-new']);
    await store.prune(new Date(t0 + 60_000));
    expect(await nonces()).toEqual(['n-new']);
  });

  it('gives a call one stream: a fresh nonce for a call that has one is refused', async () => {
    const store = new StreamTokenStore(handle.db);
    const exp = new Date(Date.parse('2026-01-01T12:00:00Z'));
    expect(await store.consume('live-1', 'CA-live', exp)).toBe(true);
    expect(await store.consume('live-2', 'CA-live', exp), 'a second stream for a live call (a replayed webhook) must be refused').toBe(false);
    expect(await store.consume('other-1', 'CA-other', exp)).toBe(true);
  });
});
