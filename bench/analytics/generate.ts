import type { AnyDb } from '../../backend/src/analytics/catalog.js';
import { sql } from 'kysely';

/** Volume: 1,000,000 events over 50 tenants, with the projection rows those events would give. */
export const TENANTS = 50;
export const EVENTS = 1_000_000;
export const ORDERS = 250_000;
export const ITEMS_PER_ORDER = 2;
export const APPOINTMENTS = 100_000;
export const CALLS = 200_000;
export const NOTIFICATIONS = 50_000;
const DAYS = 365;

/**
 * Set-based generation (`insert … select generate_series`): one statement per table, no
 * round-trips per row. Times spread over the last year; tenant = row mod 50.
 */
export async function generate(db: AnyDb, log: (s: string) => void): Promise<void> {
  const tenant = (col: string) => sql.raw(`'t' || lpad((${col} % ${TENANTS})::text, 2, '0')`);
  const when = (col: string) => sql.raw(`now() - make_interval(secs => ((${col}::bigint * 7919) % (${DAYS} * 86400)))`);
  let t = Date.now();
  const step = (name: string) => {
    log(`  ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
  };
  await sql`insert into events (tenant_id, stream_type, stream_id, version, type, payload, metadata, occurred_at)
    select ${tenant('g')}, 'bench', 'bench:' || g, 1,
      (array['order.placed','order.completed','call.started','call.ended','appointment.requested','notification.queued'])[1 + g % 6],
      jsonb_build_object('n', g), '{}'::jsonb, ${when('g')}
    from generate_series(1, ${sql.lit(EVENTS)}) g`.execute(db);
  step('events');
  await sql`insert into orders (id, tenant_id, call_sid, customer_name, customer_phone, fulfillment, requested_for, status,
      item_count, subtotal_cents, tax_cents, total_cents, notes, source, created_at, updated_at)
    select 'o' || g, ${tenant('g')}, 'CA' || g, (array['Ana','Ben','Chloe','Dev','Eli'])[1 + g % 5], null,
      case when g % 3 = 0 then 'delivery' else 'pickup' end, null,
      (array['placed','completed','completed','completed','cancelled'])[1 + g % 5],
      1 + g % 4, 1000 + (g % 40) * 100, 80 + (g % 40) * 8, 1080 + (g % 40) * 108, null, 'voice', ${when('g')}, ${when('g')}
    from generate_series(1, ${sql.lit(ORDERS)}) g`.execute(db);
  step('orders');
  await sql`insert into order_items (order_id, tenant_id, line_no, item_name, category, quantity, unit_price_cents, options, line_total_cents, created_at)
    select o.id, o.tenant_id, l, (array['Burger','Fries','Lasagna','Pizza','Salad','Tiramisu'])[1 + (o.item_count + l) % 6],
      (array['Mains','Sides','Mains','Mains','Starters','Desserts'])[1 + (o.item_count + l) % 6], 1 + l % 2, 500, null, 500 * (1 + l % 2), o.created_at
    from orders o, generate_series(1, ${sql.lit(ITEMS_PER_ORDER)}) l`.execute(db);
  step('order_items');
  await sql`insert into appointments (id, tenant_id, call_sid, customer_name, customer_phone, service, service_id, staff, starts_at, ends_at,
      duration_minutes, price_cents, status, source, created_at, updated_at)
    select 'a' || g, ${tenant('g')}, null, 'Ana', null, (array['Haircut','Shave','Beard Trim'])[1 + g % 3],
      (array['haircut','shave','beard-trim'])[1 + g % 3], (array['Sam','Tina'])[1 + g % 2],
      ${when('g')}, ${when('g')} + interval '30 minutes', 30, 3000,
      (array['requested','confirmed','completed','cancelled','no_show'])[1 + g % 5], 'voice', ${when('g')}, ${when('g')}
    from generate_series(1, ${sql.lit(APPOINTMENTS)}) g`.execute(db);
  step('appointments');
  await sql`insert into calls (call_sid, tenant_id, from_number, to_number, tenant_mode, actor_mode, status, started_at, connected_at,
      ended_at, duration_seconds, served, missed, missed_reason)
    select 'CAb' || g, ${tenant('g')}, null, null, 'dedicated', case when g % 10 = 0 then 'owner' else 'client' end, 'completed',
      ${when('g')}, ${when('g')}, ${when('g')}, 30 + g % 300, g % 5 <> 0, g % 5 = 0, case when g % 5 = 0 then 'hung_up_early' end
    from generate_series(1, ${sql.lit(CALLS)}) g`.execute(db);
  step('calls');
  await sql`insert into notifications (id, tenant_id, kind, channel, status, subject, created_at, sent_at)
    select 'n' || g, ${tenant('g')}, (array['missed_call','order_placed','appointment_requested'])[1 + g % 3],
      (array['sms','email','portal'])[1 + g % 3], (array['queued','sent','failed'])[1 + g % 3], 'n', ${when('g')}, null
    from generate_series(1, ${sql.lit(NOTIFICATIONS)}) g`.execute(db);
  step('notifications');
  await sql`analyze`.execute(db);
  step('analyze');
}
