import type { Selectable } from 'kysely';
import { DateTime } from 'luxon';
import type { CallsTable } from '../../calls/tables.js';
import type { AppointmentsTable } from '../../features/appointment_requests/tables.js';
import type { OrderItemsTable, OrdersTable } from '../../features/order_placing/tables.js';
import type { MessagesTable } from '../../notifications/tables.js';

/** Fixed fixtures for the correctness and hostile corpora. Deterministic (seeded), no clock. */
export const FIXTURE_ZONE = 'America/New_York';
/** Wednesday 4 November 2026, 10:00 in New York: three days after the DST change and the month turn. */
export const FIXTURE_NOW = new Date('2026-11-04T15:00:00.000Z');
export const TENANT = 'acme_bistro';
export const OTHER_TENANT = 'rival_diner';

// Rows exactly as the features' projections store them (their own table types).
export type OrderRow = Selectable<OrdersTable>;
export type OrderItemRow = Selectable<OrderItemsTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
export type CallRow = Selectable<CallsTable>;
/** The `notifications` subject reads `messages` (notifications/migrations …_910): one row per message. */
export type NotificationRow = Selectable<MessagesTable>;

export interface Fixtures {
  orders: OrderRow[];
  order_items: OrderItemRow[];
  appointments: AppointmentRow[];
  calls: CallRow[];
  notifications: NotificationRow[];
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MENU = [
  { name: 'Burger', category: 'Mains', price: 1450 },
  { name: 'Caesar Salad', category: 'Starters', price: 950 },
  { name: 'Fries', category: 'Sides', price: 450 },
  { name: 'Lasagna', category: 'Mains', price: 1675 },
  { name: 'Margherita Pizza', category: 'Mains', price: 1300 },
  { name: 'Tiramisu', category: 'Desserts', price: 800 },
  { name: "Chef's 100% Special_Mix", category: 'Specials', price: 2100 },
] as const;
const NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Eli', 'Fay', "O'Brien; DROP", 'Gus'];
const SERVICES = [
  { name: 'Beard Trim', minutes: 20, price: 1500 },
  { name: 'Haircut', minutes: 30, price: 3000 },
  { name: 'Shave', minutes: 25, price: 2500 },
];
const STAFF = ['Sam', 'Tina', null];

/** Local wall time in the fixture zone → Date. */
const local = (iso: string) => DateTime.fromISO(iso, { zone: FIXTURE_ZONE }).toJSDate();

/**
 * Hand-placed instants at the edges the corpus checks: late evenings that are already the next
 * day in UTC, the repeated 01:00-02:00 hour of 1 November (DST end), month ends.
 */
const EDGE_TIMES = [
  local('2026-10-31T23:30'), // 03:30Z on 1 Nov: October locally
  local('2026-11-01T00:15'),
  DateTime.fromISO('2026-11-01T05:30:00Z').toJSDate(), // 01:30 EDT
  DateTime.fromISO('2026-11-01T06:30:00Z').toJSDate(), // 01:30 EST, the repeated hour
  local('2026-11-01T23:59'),
  local('2026-11-02T00:00'),
  local('2026-11-03T21:45'),
  local('2026-11-04T08:05'),
  local('2026-10-25T23:50'),
  local('2026-10-26T00:10'),
  local('2026-09-30T23:55'),
  local('2026-03-08T01:30'), // just before the spring DST change
  local('2026-03-08T03:30'),
];

function buildFor(tenant: string, seed: number, count: number): Fixtures {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const start = DateTime.fromISO('2026-08-01T00:00', { zone: FIXTURE_ZONE }).toMillis();
  const end = FIXTURE_NOW.getTime() - 60_000;
  const fx: Fixtures = { orders: [], order_items: [], appointments: [], calls: [], notifications: [] };
  const prefix = tenant.slice(0, 4);
  for (let i = 0; i < count; i++) {
    const created = i < EDGE_TIMES.length ? EDGE_TIMES[i]! : new Date(start + Math.floor(rand() * (end - start)));
    const id = `${prefix}-o${String(i).padStart(4, '0')}`;
    const lines = 1 + Math.floor(rand() * 3);
    let subtotal = 0;
    let itemCount = 0;
    for (let l = 1; l <= lines; l++) {
      const item = pick(MENU);
      const qty = 1 + Math.floor(rand() * 3);
      subtotal += item.price * qty;
      itemCount += qty;
      fx.order_items.push({
        order_id: id,
        tenant_id: tenant,
        line_no: l,
        item_name: item.name,
        category: item.category,
        quantity: qty,
        unit_price_cents: item.price,
        options: rand() < 0.3 ? 'extra cheese,no onions' : null,
        line_total_cents: item.price * qty,
        created_at: created,
      });
    }
    const tax = Math.round(subtotal * 0.08);
    const r = rand();
    fx.orders.push({
      id,
      tenant_id: tenant,
      call_sid: rand() < 0.7 ? `CA${prefix}${i}` : null,
      customer_name: rand() < 0.9 ? pick(NAMES) : null,
      customer_phone: `+1555020${String(1000 + i).slice(-4)}`,
      fulfillment: rand() < 0.6 ? 'pickup' : 'delivery',
      requested_for: rand() < 0.5 ? new Date(created.getTime() + 45 * 60_000) : null,
      delivery_address: null,
      status: r < 0.15 ? 'cancelled' : r < 0.55 ? 'completed' : 'placed',
      item_count: itemCount,
      subtotal_cents: subtotal,
      tax_cents: tax,
      delivery_fee_cents: 0,
      total_cents: subtotal + tax,
      notes: rand() < 0.2 ? 'ring the bell' : null,
      source: rand() < 0.8 ? 'voice' : 'portal',
      created_at: created,
      updated_at: created,
    });
  }
  for (let i = 0; i < Math.floor(count / 2); i++) {
    const starts = i < EDGE_TIMES.length ? EDGE_TIMES[i]! : new Date(start + Math.floor(rand() * (end - start + 14 * 86_400_000)));
    const svc = pick(SERVICES);
    const r = rand();
    const appointment = {
      id: `${prefix}-a${String(i).padStart(4, '0')}`,
      tenant_id: tenant,
      call_sid: rand() < 0.8 ? `CA${prefix}a${i}` : null,
      customer_name: pick(NAMES),
      customer_phone: `+1555030${String(1000 + i).slice(-4)}`,
      service: svc.name,
      service_id: svc.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      staff: pick(STAFF),
      starts_at: starts,
      ends_at: new Date(starts.getTime() + svc.minutes * 60_000),
      duration_minutes: svc.minutes,
      price_cents: svc.price,
      status: r < 0.2 ? 'cancelled' : r < 0.3 ? 'no_show' : r < 0.6 ? 'confirmed' : r < 0.8 ? 'completed' : 'requested',
      created_at: new Date(starts.getTime() - Math.floor(rand() * 5 * 86_400_000)),
      updated_at: starts,
    };
    // Columns the corpus does not vary, filled without drawing from the generator (same fixtures).
    fx.appointments.push({ ...appointment, staff_id: appointment.staff?.toLowerCase() ?? null, notes: null, source: 'voice' });
  }
  for (let i = 0; i < count; i++) {
    const started = i < EDGE_TIMES.length ? EDGE_TIMES[EDGE_TIMES.length - 1 - i]! : new Date(start + Math.floor(rand() * (end - start)));
    const missed = rand() < 0.2;
    const duration = missed ? null : 20 + Math.floor(rand() * 400);
    fx.calls.push({
      call_sid: `CA${prefix}c${i}`,
      tenant_id: tenant,
      from_number: `+1555040${String(1000 + i).slice(-4)}`,
      to_number: '+15550100001',
      tenant_mode: rand() < 0.5 ? 'dedicated' : 'shared',
      actor_mode: rand() < 0.1 ? 'owner' : 'client',
      status: 'completed',
      started_at: started,
      connected_at: missed ? null : new Date(started.getTime() + 2000),
      ended_at: new Date(started.getTime() + (duration ?? 10) * 1000),
      duration_seconds: duration,
      gate_failures: rand() < 0.1 ? 1 : 0,
      served: !missed,
      missed,
      missed_reason: missed ? pick(['hung_up_early', 'gate_failed']) : null,
      end_reason: 'caller_hangup',
      summary: missed ? null : 'Caller asked about opening hours; call back on +15550401234',
      tool_calls: Math.floor(rand() * 3),
      barge_ins: Math.floor(rand() * 2),
      first_audio_ms: missed ? null : 300 + Math.floor(rand() * 900),
      // Call-control columns (issue 13), not varied: no draw from the generator (same fixtures).
      transfer_status: null,
      message_url: null,
      reply_p50_ms: null,
      reply_p90_ms: null,
    });
  }
  for (let i = 0; i < Math.floor(count / 3); i++) {
    const created = new Date(start + Math.floor(rand() * (end - start)));
    const status = pick(['queued', 'sent', 'failed'] as const);
    const channel = pick(['sms', 'email', 'webhook'] as const);
    fx.notifications.push({
      id: `${prefix}-n${i}`,
      tenant_id: tenant,
      notification_id: `${tenant}:n${i}`,
      kind: pick(['missed_call', 'order_placed', 'appointment_requested']),
      channel,
      recipient: channel === 'webhook' ? 'webhook' : 'owner',
      to_address: channel === 'sms' ? '+15550109001' : channel === 'email' ? 'owner@example.test' : 'https://hooks.example.test/voz',
      status,
      subject: `Notice ${i}`,
      urgent: false,
      attempts: status === 'queued' ? 0 : 1,
      segments: status === 'sent' && channel === 'sms' ? 1 : 0,
      error_code: status === 'failed' ? 'twilio_21211' : null,
      provider_ref: null,
      created_at: created,
      next_attempt_at: null,
      sent_at: status === 'sent' ? new Date(created.getTime() + 5000) : null,
      delivered_at: null,
      failed_at: status === 'failed' ? new Date(created.getTime() + 5000) : null,
      order_id: null,
      appointment_id: null,
      call_sid: null,
    });
  }
  return fx;
}

export function buildFixtures(): Fixtures {
  const a = buildFor(TENANT, 7, 240);
  const b = buildFor(OTHER_TENANT, 99, 120);
  return {
    orders: [...a.orders, ...b.orders],
    order_items: [...a.order_items, ...b.order_items],
    appointments: [...a.appointments, ...b.appointments],
    calls: [...a.calls, ...b.calls],
    notifications: [...a.notifications, ...b.notifications],
  };
}
