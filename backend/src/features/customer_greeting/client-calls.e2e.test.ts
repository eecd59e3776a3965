import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../main.js';
import { RealtimeFake, type FakeRealtimeConnection } from '../../testing/realtime-fake/index.js';
import { openRuntimeTestDatabase, testDatabaseKinds, type TestDatabase } from '../../testing/test-db.js';
import { startTestRuntime } from '../../testing/test-runtime.js';
import { placeCall, SimPhone } from '../../testing/twilio-sim/index.js';

const BOOT_TIMEOUT_MS = 180_000;
const ZONE = 'America/New_York';
const CALLER = '+15557770042';

/** A simulated client call on a dedicated number, driven through the Realtime fake. */
async function clientCall(runtime: Runtime, fake: RealtimeFake, to: string) {
  const placed = await placeCall({ baseUrl: runtime.url!, to, from: CALLER });
  if (!placed.stream) throw new Error('the call was not connected');
  const index = fake.connections.length;
  const phone = await SimPhone.connect({ url: placed.stream.url, parameters: placed.stream.parameters, callSid: placed.callSid });
  const rt = await fake.connection(index);
  const update = await rt.waitFor('session.update');
  const tools = ((update['session'] as { tools?: { name: string; parameters: Record<string, unknown> }[] }).tools ?? []);
  const instructions = String((update['session'] as { instructions?: string }).instructions ?? '');
  return { callSid: placed.callSid, phone, rt, tools, instructions, tool: (name: string, args: unknown) => callTool(rt, name, args) };
}

async function callTool(rt: FakeRealtimeConnection, name: string, args: unknown): Promise<Record<string, unknown>> {
  return JSON.parse((await rt.callTool(name, args)).output) as Record<string, unknown>;
}

/** The next local date from `from` that is a normal day for both demo businesses (not a holiday or Monday). */
function nextNormalDay(days: number): DateTime {
  let d = DateTime.now().setZone(ZONE).startOf('day').plus({ days });
  while (d.weekday === 1 || ['12-24', '12-25', '12-31', '01-01'].includes(d.toFormat('LL-dd'))) d = d.plus({ days: 1 });
  return d;
}

describe.each(testDatabaseKinds())('client calls through the Flow A fakes (%s)', (kind) => {
  let runtime: Runtime;
  let fake: RealtimeFake;
  let pg: TestDatabase | undefined;

  beforeAll(async () => {
    fake = await RealtimeFake.start();
    if (kind === 'postgres') pg = await openRuntimeTestDatabase('postgres');
    runtime = await startTestRuntime({ listen: true, env: { OPENAI_API_KEY: 'test', OPENAI_REALTIME_URL: fake.url }, ...(pg?.url ? { databaseUrl: pg.url } : {}) });
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await fake?.close();
    await pg?.close();
  });

  it('restaurant: places a priced order; refuses an unknown item and an off-hours pickup; refuses owner metrics', async () => {
    const call = await clientCall(runtime, fake, '+15550100001');
    const names = call.tools.map((t) => t.name);
    expect(names).toContain('place_order');
    expect(names).toContain('search_knowledge_base');
    expect(names).not.toContain('query_business_metrics');
    // customer_greeting's client protocol reaches the session through the mode policy.
    expect(call.instructions).toContain('only from search_knowledge_base');
    expect(call.instructions).toContain('only available to the owner');
    const placeOrder = call.tools.find((t) => t.name === 'place_order')!;
    const itemEnum = (placeOrder.parameters as { properties: { items: { items: { properties: { name: { enum: string[] } } } } } }).properties.items.items.properties.name.enum;
    expect(itemEnum).toContain('Margherita Pizza');

    const day = nextNormalDay(1);
    const order = await call.tool('place_order', {
      items: [{ name: 'Margherita Pizza', quantity: 2, options: ['gluten-free crust'] }, { name: 'Soda', quantity: 1, options: ['Coke'] }],
      customer_name: 'Grace',
      fulfillment: 'pickup',
      requested_time: day.set({ hour: 18 }).toFormat("yyyy-LL-dd'T'HH:mm"),
    });
    const subtotal = 2 * (1495 + 300) + 300;
    const tax = Math.round((subtotal * 8.875) / 100);
    expect(order).toMatchObject({ ok: true, placed: true, total_cents: subtotal + tax });
    const row = await runtime.core.db.selectFrom('orders').selectAll().where('id', '=', String(order.order_id)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ tenant_id: 'demo_restaurant', call_sid: call.callSid, customer_name: 'Grace', customer_phone: CALLER, status: 'placed', item_count: 3, subtotal_cents: subtotal, tax_cents: tax, total_cents: subtotal + tax, source: 'voice' });
    const items = await runtime.core.db.selectFrom('order_items').select(['item_name', 'quantity', 'line_total_cents']).where('order_id', '=', row.id).orderBy('line_no').execute();
    expect(items).toEqual([
      { item_name: 'Margherita Pizza', quantity: 2, line_total_cents: 3590 },
      { item_name: 'Soda', quantity: 1, line_total_cents: 300 },
    ]);

    const unknown = await call.tool('place_order', { items: [{ name: 'Sushi Platter', quantity: 1 }], customer_name: 'Grace', fulfillment: 'pickup' });
    expect(unknown).toMatchObject({ ok: false, error: 'unknown_item', message: `Sorry, we don't have "Sushi Platter" on our menu.` });
    const offHours = await call.tool('place_order', { items: [{ name: 'Lasagna', quantity: 1 }], customer_name: 'Grace', fulfillment: 'pickup', requested_time: day.set({ hour: 3 }).toFormat("yyyy-LL-dd'T'HH:mm") });
    expect(offHours).toMatchObject({ ok: false, error: 'kitchen_closed' });
    expect(String(offHours.message)).toMatch(/^Sorry, the kitchen is closed .* at 3 AM\. We can have it ready /);

    const kb = await call.tool('search_knowledge_base', { query: 'do you have gluten free options' });
    expect((kb.results as { heading: string; text: string }[])[0]).toMatchObject({ heading: 'Gluten-free options' });

    const metrics = await call.tool('query_business_metrics', { subject: 'orders', metrics: [{ fn: 'count', field: null, as: 'n' }] });
    expect(metrics.ok).toBe(false);
    expect(JSON.stringify(metrics)).not.toMatch(/"rows"/);
    call.phone.hangUp();
    await call.phone.closed();
  });

  it('barbershop: a taken slot gets alternatives, a free one is recorded', async () => {
    const call = await clientCall(runtime, fake, '+15550100002');
    expect(call.tools.map((t) => t.name)).toContain('request_appointment');
    expect(call.tools.map((t) => t.name)).not.toContain('place_order');
    const when = nextNormalDay(3).set({ hour: 11 }).toFormat("yyyy-LL-dd'T'HH:mm");
    const args = { service: 'Haircut', preferred_time: when, customer_name: 'Omar' };
    let last: Record<string, unknown> = {};
    const booked: string[] = [];
    for (let i = 0; i < 4; i++) {
      last = await call.tool('request_appointment', args);
      if (last.ok !== true) break;
      booked.push(String(last.appointment_id));
    }
    expect(last).toMatchObject({ ok: false, error: 'taken' });
    const alternatives = last.alternatives as { starts_at: string; staff: string }[];
    expect(alternatives).toHaveLength(3);
    const free = await call.tool('request_appointment', { ...args, preferred_time: alternatives[0]!.starts_at, staff: alternatives[0]!.staff });
    expect(free).toMatchObject({ ok: true, status: 'requested', starts_at: alternatives[0]!.starts_at, staff: alternatives[0]!.staff });
    const row = await runtime.core.db.selectFrom('appointments').selectAll().where('id', '=', String(free.appointment_id)).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ tenant_id: 'demo_barbershop', call_sid: call.callSid, customer_name: 'Omar', customer_phone: CALLER, service: 'Haircut', status: 'requested' });
    call.phone.hangUp();
    await call.phone.closed();
  });
});
