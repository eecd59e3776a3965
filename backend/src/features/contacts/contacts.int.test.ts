import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_GATE_PASSED, CALL_RECEIVED } from '../../calls/call-events.js';
import type { EventStore } from '../../storage/event-store.js';
import type { EventInput } from '../../storage/events.js';
import { testCore, testMigrations } from '../../testing/test-core.js';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/test-db.js';
import { ORDER_PLACED } from '../order_placing/events.js';
import { OWNER_CONTACT_REMOVED, OWNER_CONTACT_UPSERTED, ownerContactStream } from './events.js';
import { feature } from './index.js';

const T = 'tenant_a';
const ANA = '+15551230000';

describe.each(testDatabaseKinds())('contacts projections (%s)', (kind) => {
  let handle: TestDatabase;
  let store: EventStore;
  const at = (iso: string) => new Date(iso);
  const append = (tenantId: string, streamId: string, e: EventInput) =>
    store.append({ tenantId, stream: { type: 'test', id: streamId }, events: [e] });
  const contacts = () => handle.db.selectFrom('contacts').selectAll().orderBy('tenant_id').orderBy('phone').execute();

  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind, testMigrations([feature]));
    store = testCore(handle, [feature]).events;
  });
  afterAll(() => handle.close());

  it('keys customers by E.164 phone, learns the name from an order and counts calls and orders', async () => {
    await append(T, 'c1', { type: CALL_RECEIVED, payload: { callSid: 'CA1', from: ANA, to: '+15550100001' }, occurredAt: at('2026-11-02T15:00:00Z') });
    await append(T, 'o1', { type: ORDER_PLACED, payload: { orderId: 'o1', customerPhone: ANA, customerName: ' Ana ' }, occurredAt: at('2026-11-02T15:05:00Z') });
    await append(T, 'c2', { type: CALL_RECEIVED, payload: { callSid: 'CA2', from: ANA, to: '+15550100001' }, occurredAt: at('2026-11-09T18:00:00Z') });
    // Not customers: a shared-line call before any tenant is known, and a withheld number.
    await append('_shared', 'c3', { type: CALL_RECEIVED, payload: { callSid: 'CA3', from: '+15559876543', to: '+15550109999' } });
    await append(T, 'c4', { type: CALL_RECEIVED, payload: { callSid: 'CA4', from: 'anonymous', to: '+15550100001' } });

    const rows = (await contacts()).filter((r) => r.phone === ANA);
    expect(await contacts()).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenant_id: T, phone: ANA, name: 'Ana', calls_count: 2, orders_count: 1, appointments_count: 0 });
    expect(new Date(rows[0]!.first_seen_at).toISOString()).toBe('2026-11-02T15:00:00.000Z');
    expect(new Date(rows[0]!.last_seen_at).toISOString()).toBe('2026-11-09T18:00:00.000Z');
  });

  it('counts a shared-line client call once its code names the tenant, but not an owner call', async () => {
    const call = (sid: string, events: EventInput[]) =>
      store.append({ tenantId: '_shared', stream: { type: 'call', id: sid }, events });
    const BEA = '+15557654321';
    await call('CA10', [
      { type: CALL_RECEIVED, payload: { callSid: 'CA10', from: BEA, to: '+15550109999', tenantId: null, tenantMode: 'shared' } },
      { type: CALL_GATE_PASSED, payload: { callSid: 'CA10', tenantId: T, actorMode: 'client', code: 'abc' } },
    ]);
    await call('CA11', [
      { type: CALL_RECEIVED, payload: { callSid: 'CA11', from: '+15550002222', to: '+15550109999', tenantId: null, tenantMode: 'shared' } },
      { type: CALL_GATE_PASSED, payload: { callSid: 'CA11', tenantId: T, actorMode: 'owner', code: 'def' } },
    ]);
    const rows = await contacts();
    expect(rows.find((r) => r.phone === BEA)).toMatchObject({ tenant_id: T, calls_count: 1, orders_count: 0 });
    expect(rows.find((r) => r.phone === '+15550002222')).toBeUndefined();
  });

  it('keeps owner contacts with notification preferences, and removes them', async () => {
    const stream = ownerContactStream(T, 'owner1');
    await store.append({
      tenantId: T,
      stream,
      events: [{ type: OWNER_CONTACT_UPSERTED, payload: { tenantId: T, contactId: 'owner1', name: 'Luigi', phone: '+15550001111', email: null, notify: { missed_call: ['sms'] } } }],
    });
    expect(await handle.db.selectFrom('owner_contacts').selectAll().execute()).toEqual([
      expect.objectContaining({ tenant_id: T, contact_id: 'owner1', name: 'Luigi', phone: '+15550001111', notify: { missed_call: ['sms'] } }),
    ]);
    await store.append({ tenantId: T, stream, events: [{ type: OWNER_CONTACT_REMOVED, payload: { tenantId: T, contactId: 'owner1' } }] });
    expect(await handle.db.selectFrom('owner_contacts').selectAll().execute()).toEqual([]);
  });

  it('rebuilds to the same rows from the events alone', async () => {
    const before = await contacts();
    await store.rebuild('contacts');
    expect(await contacts()).toEqual(before);
  });
});
