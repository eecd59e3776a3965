import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoTenants } from '../demo/tenants.js';
import { TENANT_CREATED, TENANT_UPDATED, tenantStream } from '../tenancy/tenant-events.js';
import { tenantsProjection } from '../tenancy/tenants-projection.js';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { EventStore } from './event-store.js';

describe.each(testDatabaseKinds())('projection rebuild on %s', (kind) => {
  let handle: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind);
    store = new EventStore(handle.db, [tenantsProjection]);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const snapshot = async () => ({
    tenants: await handle.db.selectFrom('tenants').selectAll().orderBy('id').execute(),
    numbers: await handle.db.selectFrom('tenant_phone_numbers').selectAll().orderBy('phone_number').execute(),
  });

  it('rebuilding `tenants` from the events alone gives the same rows as the live projection', async () => {
    expect(await seedDemoTenants(store, new Date('2026-01-01T12:00:00Z'))).toBe(2);
    // Some history beyond the seed, so the replay has updates and number moves to get right.
    await store.append({
      tenantId: 'demo_barbershop',
      stream: tenantStream('demo_barbershop'),
      expectedVersion: 1,
      events: [
        { type: TENANT_UPDATED, payload: { tenantId: 'demo_barbershop', displayName: 'Sharper Cuts' }, occurredAt: new Date('2026-02-01T09:00:00Z') },
        {
          type: TENANT_UPDATED,
          payload: { tenantId: 'demo_barbershop', phoneNumbers: ['+15550100002', '+15550100099'], settings: { demo: true, chairs: 3 } },
          occurredAt: new Date('2026-02-02T09:00:00Z'),
        },
      ],
    });
    await store.append({
      tenantId: 'acme',
      stream: tenantStream('acme'),
      expectedVersion: 'no_stream',
      events: [
        {
          type: TENANT_CREATED,
          payload: { tenantId: 'acme', displayName: 'Acme', vertical: 'generic', timeZone: 'Europe/Paris', phoneNumbers: ['+33100000000'], settings: {} },
          occurredAt: new Date('2026-03-01T10:00:00Z'),
        },
      ],
    });
    const live = await snapshot();
    expect(live.tenants.map((t) => t.id)).toEqual(['acme', 'demo_barbershop', 'demo_restaurant']);
    expect(live.numbers).toHaveLength(4);

    const { events } = await store.rebuild('tenants');
    expect(events).toBe(5);
    expect(await snapshot()).toEqual(live);
  });

  it('a rebuild of an emptied projection restores it, and repeating it changes nothing', async () => {
    const live = await snapshot();
    await handle.db.deleteFrom('tenant_phone_numbers').execute();
    await handle.db.deleteFrom('tenants').execute();
    await store.rebuild('tenants');
    expect(await snapshot()).toEqual(live);
    await store.rebuild('tenants');
    expect(await snapshot()).toEqual(live);
  });

  it('re-seeding is a no-op', async () => {
    expect(await seedDemoTenants(store)).toBe(0);
    expect(await store.readAll({ types: [TENANT_CREATED] })).toHaveLength(3);
  });

  it('refuses an unknown projection', async () => {
    await expect(store.rebuild('nope')).rejects.toThrow('no projection named nope');
  });
});
