// Dev only: deterministic demo data shaped by the contract, for looking at the portal without a
// backend. Not part of the export (build.mjs hashes and Next bundles src/ only).
import type { Appointment, CallDetail, DocumentDetail, Order, OwnerContact, Skill } from '@vozlia/contract';
import { DateTime } from 'luxon';

export interface TenantFixture {
  id: string;
  name: string;
  vertical: 'restaurant' | 'barbershop';
  zone: string;
  numbers: string[];
  status: 'active' | 'suspended';
  orders: Order[];
  appointments: Appointment[];
  calls: CallDetail[];
  documents: DocumentDetail[];
  skills: Skill[];
  codes: Array<{ id: string; actor_mode: 'owner' | 'client'; created_at: string }>;
  contacts: OwnerContact[];
}

/** Park–Miller: the same "random" history on every start. */
function prng(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const NAMES = ['Ana Ruiz', 'Ben Carter', 'Chloe Kim', 'Dev Patel', 'Emma Stone', 'Farid Haddad', 'Grace Liu', 'Hugo Moreau', null];
const MENU = [
  { name: 'Margherita', cents: 1200 },
  { name: 'Pepperoni', cents: 1400 },
  { name: 'Caesar salad', cents: 900 },
  { name: 'Tiramisu', cents: 700 },
  { name: 'Lasagna', cents: 1600 },
];
const SERVICES = [
  { id: 'haircut', name: 'Haircut', minutes: 30, cents: 3000 },
  { id: 'beard', name: 'Beard trim', minutes: 15, cents: 1500 },
  { id: 'fade', name: 'Skin fade', minutes: 45, cents: 4000 },
];
const ORDER_STATUSES = ['completed', 'completed', 'completed', 'cancelled', 'ready', 'confirmed', 'placed'] as const;

function call(rand: () => number, tenant: string, at: DateTime, i: number, kind: 'order' | 'booking' | 'question'): CallDetail {
  const missed = rand() < 0.12;
  const name = NAMES[Math.floor(rand() * NAMES.length)] ?? null;
  const start = at.toUTC();
  const t = (s: number) => start.plus({ seconds: s }).toISO()!;
  const said: Record<typeof kind, [string, string][]> = {
    order: [
      ['assistant', 'Thanks for calling Demo Trattoria! What can I get for you?'],
      ['caller', 'Two margheritas for pickup, please.'],
      ['assistant', 'Two Margherita pizzas for pickup. Can I have a name for the order?'],
      ['caller', name ?? 'No name, thanks.'],
      ['assistant', 'Done! That is $26.10, ready in about 20 minutes.'],
    ],
    booking: [
      ['assistant', 'Hi, Demo Barbers here. How can I help?'],
      ['caller', 'Can I get a haircut tomorrow at ten?'],
      ['assistant', 'Tomorrow at 10:00 with Sam works. May I have your name?'],
      ['caller', name ?? 'Sure.'],
      ['assistant', 'You are booked. See you tomorrow!'],
    ],
    question: [
      ['assistant', 'Hello! How can I help you today?'],
      ['caller', 'Are you open on Sunday?'],
      ['assistant', 'Yes, Sundays from noon to 9 PM.'],
    ],
  };
  const transcript = missed ? [] : said[kind].map(([role, text], n) => ({ role: role as 'caller' | 'assistant', text, at: t(n * 6) }));
  const duration = missed ? Math.round(rand() * 8) : 40 + Math.round(rand() * 150);
  return {
    call_sid: `CA${tenant.slice(5, 8)}${String(i).padStart(6, '0')}`,
    started_at: start.toISO()!,
    ended_at: t(duration),
    caller_number: `+1555010${String(1000 + Math.floor(rand() * 8999))}`,
    caller_name: missed ? null : name,
    actor_mode: 'client',
    tenant_mode: 'dedicated',
    outcome: missed ? 'missed' : kind === 'question' ? 'served' : rand() < 0.08 ? 'transferred' : 'served',
    duration_seconds: duration,
    first_audio_ms: missed ? null : 600 + Math.round(rand() * 500),
    turn_latency_p50_ms: missed ? null : 700 + Math.round(rand() * 400),
    turn_latency_p90_ms: missed ? null : 1200 + Math.round(rand() * 600),
    tool_calls: missed || kind === 'question' ? 0 : 1,
    barge_ins: missed ? 0 : Math.floor(rand() * 2),
    summary: missed ? null : kind === 'order' ? `${name ?? 'A caller'} ordered two Margherita pizzas for pickup.` : kind === 'booking' ? `${name ?? 'A caller'} booked a haircut.` : 'Caller asked about Sunday hours.',
    missed_reason: missed ? 'hung_up_at_gate' : null,
    end_reason: missed ? null : 'twilio_stop',
    transcript,
    tools: missed || kind === 'question' ? [] : [{ name: kind === 'order' ? 'place_order' : 'request_appointment', ok: true, latency_ms: 180 + Math.round(rand() * 200), at: t(26), error: null }],
    barge_in_events: [],
    transfer: null,
    message: null,
  };
}

export function buildFixtures(now: DateTime): TenantFixture[] {
  const restaurant = build('demo_restaurant', 'Demo Trattoria', 'restaurant', 'America/New_York', ['+15550100001'], now, 11);
  const barbershop = build('demo_barbershop', 'Demo Barbers', 'barbershop', 'America/Chicago', ['+15550100002'], now, 23);
  return [restaurant, barbershop];
}

function build(id: string, name: string, vertical: TenantFixture['vertical'], zone: string, numbers: string[], now: DateTime, seed: number): TenantFixture {
  const rand = prng(seed);
  const local = now.setZone(zone);
  const orders: Order[] = [];
  const appointments: Appointment[] = [];
  const calls: CallDetail[] = [];
  for (let day = 34; day >= 0; day--) {
    const date = local.minus({ days: day }).startOf('day');
    const perDay = 3 + Math.floor(rand() * (day === 0 ? 4 : 9));
    for (let n = 0; n < perDay; n++) {
      const at = date.plus({ hours: 11 + rand() * 10 });
      if (day === 0 && at > local) continue;
      const kind = vertical === 'restaurant' ? (rand() < 0.75 ? 'order' : 'question') : rand() < 0.75 ? 'booking' : 'question';
      const c = call(rand, id, at, calls.length, kind);
      calls.push(c);
      if (c.outcome === 'missed' || kind === 'question') continue;
      const customer = c.caller_name;
      if (vertical === 'restaurant') {
        const lines = [MENU[Math.floor(rand() * MENU.length)]!, ...(rand() < 0.5 ? [MENU[Math.floor(rand() * MENU.length)]!] : [])].map((m) => {
          const quantity = 1 + Math.floor(rand() * 2);
          return { name: m.name, quantity, unit_price_cents: m.cents, options: null, line_total_cents: m.cents * quantity };
        });
        const subtotal = lines.reduce((s, l) => s + l.line_total_cents, 0);
        const tax = Math.round(subtotal * 0.0875);
        const status = day > 1 ? ORDER_STATUSES[Math.floor(rand() * 4)]! : ORDER_STATUSES[3 + Math.floor(rand() * 4)]!;
        orders.push({
          id: `ord_${String(orders.length + 1).padStart(4, '0')}`,
          status,
          customer_name: customer,
          customer_phone: c.caller_number,
          fulfillment: rand() < 0.8 ? 'pickup' : 'delivery',
          requested_for: null,
          delivery_address: null,
          notes: rand() < 0.2 ? 'Extra napkins, please' : null,
          items: lines,
          item_count: lines.reduce((s, l) => s + l.quantity, 0),
          subtotal_cents: subtotal,
          tax_cents: tax,
          delivery_fee_cents: 0,
          total_cents: subtotal + tax,
          source: 'voice',
          call_sid: c.call_sid,
          created_at: c.started_at,
          updated_at: c.started_at,
        });
      } else {
        const s = SERVICES[Math.floor(rand() * SERVICES.length)]!;
        const starts = at.plus({ days: 1 }).set({ minute: 0 });
        appointments.push({
          id: `apt_${String(appointments.length + 1).padStart(4, '0')}`,
          status: day > 1 ? (rand() < 0.85 ? 'completed' : 'no_show') : rand() < 0.5 ? 'confirmed' : 'requested',
          customer_name: customer ?? 'Walk-in caller',
          customer_phone: c.caller_number,
          service: s.name,
          service_id: s.id,
          staff: rand() < 0.5 ? 'Sam' : 'Alex',
          staff_id: null,
          starts_at: starts.toUTC().toISO()!,
          ends_at: starts.plus({ minutes: s.minutes }).toUTC().toISO()!,
          duration_minutes: s.minutes,
          price_cents: s.cents,
          notes: null,
          source: 'voice',
          call_sid: c.call_sid,
          created_at: c.started_at,
          updated_at: c.started_at,
        });
      }
    }
  }
  const body = vertical === 'restaurant' ? '# Hours\nOpen daily 11:00–22:00, Sundays 12:00–21:00.\n\n# Allergens\nGluten-free crust on request. Nuts in the pesto.\n\n# Delivery\nWithin 3 miles, $4 fee.' : '# Hours\nTuesday to Saturday 9:00–19:00.\n\n# Walk-ins\nWelcome when a chair is free; booking is faster.';
  const doc = (document_id: string, title: string, text: string): DocumentDetail => ({
    document_id,
    title,
    format: 'markdown',
    passage_count: text.split('# ').length - 1,
    updated_at: local.minus({ days: 3 }).toUTC().toISO()!,
    body: text,
    passages: text
      .split('# ')
      .filter(Boolean)
      .map((chunk, i) => ({ passage_no: i, heading: chunk.split('\n')[0]!, body: chunk.split('\n').slice(1).join(' ').trim() })),
  });
  return {
    id,
    name,
    vertical,
    zone,
    numbers,
    status: 'active',
    orders: orders.reverse(),
    appointments: appointments.reverse(),
    calls: calls.reverse(),
    documents: [doc('faq', 'Frequently asked questions', body)],
    skills: [
      {
        id: `${id}-weekly`,
        name: vertical === 'restaurant' ? 'Orders last week' : 'Appointments last week',
        spec: { subject: vertical === 'restaurant' ? 'orders' : 'appointments', metrics: [{ fn: 'count', field: null, as: vertical === 'restaurant' ? 'orders' : 'appointments' }], group_by: [], filters: [], time_range: { field: 'created_at', preset: 'last_week', from: null, to: null }, order_by: [], limit: 100 },
        schedule: '0 8 * * 1',
        channel: 'sms',
        runs: 4,
        last_run_at: local.startOf('week').plus({ hours: 8 }).toUTC().toISO()!,
        last_outcome: 'ok',
        last_audit_id: 'aud_0001',
        last_answer: 'From Monday to Sunday: 57.',
        next_run_at: local.startOf('week').plus({ weeks: 1, hours: 8 }).toUTC().toISO()!,
      },
    ],
    codes: [{ id: 'code_a1b2c3d4', actor_mode: 'owner', created_at: local.minus({ days: 20 }).toUTC().toISO()! }],
    contacts: [{ contact_id: 'owner', name: 'The owner', phone: vertical === 'restaurant' ? '+15550109001' : '+15550109002', email: `owner@${id.replace('_', '-')}.test`, notify: { order_placed: ['sms'], missed_call: ['sms', 'email'] }, updated_at: local.minus({ days: 30 }).toUTC().toISO()! }],
  };
}
