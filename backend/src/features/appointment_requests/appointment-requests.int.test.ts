import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../compose/core.js';
import type { FeaturePorts, ToolCallContext } from '../../features/types.js';
import { testCore, testMigrations } from '../../testing/test-core.js';
import { seedAppointments } from '../../demo/appointments.js';
import { seedDemoTenants } from '../../demo/tenants.js';
import type { Tenant } from '../../tenancy/tenant.js';
import { openMigratedTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/test-db.js';
import { feature } from './index.js';
import type { AppointmentStore } from './store.js';
import type { RequestAppointmentResult } from './request-appointment.js';

const NOW = new Date('2026-12-01T14:00:00Z'); // Tuesday 9:00 New York

describe.each(testDatabaseKinds())('appointment_requests on %s', (kind) => {
  let handle: TestDatabase;
  let core: Core;
  let ports: FeaturePorts<AppointmentStore>;
  let tenant: Tenant;
  const tool = feature.tools![0]!;
  const ctx = (): ToolCallContext<AppointmentStore> => ({ tenant, actorMode: 'client', source: 'voice', callSid: 'CAappt0001', callerNumber: '+15557770002', signal: new AbortController().signal, ports, log: pino({ level: 'silent' }) });

  beforeAll(async () => {
    handle = await openMigratedTestDatabase(kind, testMigrations([feature]));
    core = testCore(handle, [feature], { clock: () => NOW });
    ports = core.portsOf(feature);
    await seedDemoTenants(core.events, new Date('2026-09-01T00:00:00Z'));
    await seedAppointments(core);
    tenant = (await core.tenants.get('demo_barbershop'))!;
  });
  afterAll(async () => handle?.close());

  it('seeds 6+ services, 3 staff and 60 days of appointments with no-shows, once', async () => {
    const params = (await tool.parameters(tenant, ports)) as { properties: { service: { enum: string[] }; staff: { enum: string[] } } };
    expect(params.properties.service.enum.length).toBeGreaterThanOrEqual(6);
    expect(params.properties.staff.enum).toEqual(['Marco', 'Dre', 'Sam', 'any']);
    const byStatus = await core.db.selectFrom('appointments').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
    const counts = Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]));
    expect(counts.completed).toBeGreaterThan(80);
    expect(counts.no_show).toBeGreaterThan(0);
    expect(counts.cancelled).toBeGreaterThan(0);
    const total = Object.values(counts).reduce((s, n) => s + n, 0);
    await seedAppointments(core);
    const again = await core.db.selectFrom('appointments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(again.n)).toBe(total);
  });

  it('records a free slot and offers the nearest free ones for a taken slot', async () => {
    const args = { service: 'Skin Fade', preferred_time: '2026-12-09T11:00', customer_name: 'Ada' };
    const results: RequestAppointmentResult[] = [];
    for (let i = 0; i < 4; i++) {
      const r = (await tool.handler(args, ctx())) as RequestAppointmentResult;
      results.push(r);
      if (!r.ok) break;
    }
    const first = results[0]!;
    expect(first).toMatchObject({ ok: true, status: 'requested', service: 'Skin Fade', starts_at: '2026-12-09T11:00', price_cents: 4000 });
    if (!first.ok) return;
    const row = await core.db.selectFrom('appointments').selectAll().where('id', '=', first.appointment_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ tenant_id: 'demo_barbershop', call_sid: 'CAappt0001', customer_name: 'Ada', customer_phone: '+15557770002', service: 'Skin Fade', duration_minutes: 45, price_cents: 4000, status: 'requested', source: 'voice' });
    expect(new Date(row.starts_at).toISOString()).toBe('2026-12-09T16:00:00.000Z');

    const taken = results[results.length - 1]!;
    expect(taken).toMatchObject({ ok: false, error: 'taken' });
    if (taken.ok) return;
    expect(taken.alternatives!.length).toBe(3);
    expect(taken.message).toContain('The nearest free times are');
    const alt = (await tool.handler({ ...args, preferred_time: taken.alternatives![0]!.starts_at, staff: taken.alternatives![0]!.staff }, ctx())) as RequestAppointmentResult;
    expect(alt).toMatchObject({ ok: true, starts_at: taken.alternatives![0]!.starts_at, staff: taken.alternatives![0]!.staff });
  });

  it('refuses a closed day with alternatives and an unknown service by name', async () => {
    const closed = (await tool.handler({ service: 'Haircut', preferred_time: '2026-12-07T11:00', customer_name: 'Ada' }, ctx())) as RequestAppointmentResult;
    expect(closed).toMatchObject({ ok: false, error: 'closed' });
    expect(await tool.handler({ service: 'Perm', preferred_time: '2026-12-08T11:00', customer_name: 'Ada' }, ctx())).toMatchObject({ ok: false, error: 'unknown_service' });
  });

  it('rebuilds every projection to the same rows', async () => {
    const snapshot = async () => ({
      catalogs: await core.db.selectFrom('appointment_catalogs').selectAll().orderBy('tenant_id').execute(),
      services: await core.db.selectFrom('appointment_services').selectAll().orderBy('tenant_id').orderBy('service_id').execute(),
      appointments: await core.db.selectFrom('appointments').selectAll().orderBy('id').execute(),
    });
    const live = await snapshot();
    for (const p of feature.projections!({ reads: core.reads })) await core.events.rebuild(p.name);
    expect(await snapshot()).toEqual(live);
  });
});
