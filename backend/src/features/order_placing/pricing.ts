import { nextOpening, openRanges, type Range } from '../kit/opening-hours.js';
import { parseLocalDateTime, speakCents, speakDateTime } from '../kit/speakable-time.js';
import type { Fulfillment, OrderLine } from './events.js';
import { menuEntries, type Menu } from './menu.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** A requested time this close to the earliest possible one is rounded up rather than refused. */
const LATE_GRACE_MS = 10 * MINUTE_MS;
const MAX_QUANTITY = 50;

export interface OrderRequestLine {
  name: string;
  quantity: number;
  options?: string[];
  notes?: string;
}

export interface OrderRequest {
  items: OrderRequestLine[];
  fulfillment: Fulfillment;
  deliveryAddress?: string;
  /** "asap" or an ISO local date-time in the tenant's zone. */
  requestedTime?: string;
}

export interface Quote {
  lines: OrderLine[];
  subtotalCents: number;
  taxCents: number;
  deliveryFeeCents: number;
  totalCents: number;
  /** Epoch ms the order is due. */
  requestedFor: number;
}

export type RefusalCode =
  | 'unknown_item'
  | 'item_unavailable'
  | 'unknown_option'
  | 'bad_quantity'
  | 'no_items'
  | 'delivery_unavailable'
  | 'address_required'
  | 'below_minimum'
  | 'bad_time'
  | 'past_time'
  | 'too_far_ahead'
  | 'kitchen_closed';

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; code: RefusalCode; message: string };

const refuse = (code: RefusalCode, message: string): QuoteResult => ({ ok: false, code, message });

/**
 * Validates and prices an order against the menu, the kitchen hours and the clock. Pure: every
 * refusal carries a sentence the assistant can say as is.
 */
export function quoteOrder(menu: Menu, taxPercent: number, zone: string, now: Date, req: OrderRequest): QuoteResult {
  if (req.items.length === 0) return refuse('no_items', 'The order has no items yet. What would you like to order?');
  const byName = new Map(menuEntries(menu).map((e) => [normalize(e.name), e]));
  const lines: OrderLine[] = [];
  for (const [i, line] of req.items.entries()) {
    const item = byName.get(normalize(line.name));
    if (!item) return refuse('unknown_item', `Sorry, we don't have "${line.name}" on our menu.`);
    if (!item.available) return refuse('item_unavailable', `Sorry, the ${item.name} is not available right now.`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      return refuse('bad_quantity', `How many ${item.name} would you like? I can take between 1 and ${MAX_QUANTITY}.`);
    }
    const chosen: { name: string; priceDeltaCents: number }[] = [];
    for (const raw of line.options ?? []) {
      const opt = item.options.find((o) => normalize(o.name) === normalize(raw));
      if (!opt) {
        const offered = item.options.map((o) => o.name).join(', ');
        return refuse(
          'unknown_option',
          offered ? `The ${item.name} can't be made with "${raw}". The choices are: ${offered}.` : `The ${item.name} has no options to choose from.`,
        );
      }
      if (!chosen.some((c) => c.name === opt.name)) chosen.push(opt);
    }
    const unit = item.priceCents + chosen.reduce((s, o) => s + o.priceDeltaCents, 0);
    lines.push({
      lineNo: i + 1,
      itemId: item.id,
      itemName: item.name,
      category: item.category,
      quantity: line.quantity,
      unitPriceCents: unit,
      options: chosen.map((c) => c.name),
      notes: line.notes?.trim() || null,
      lineTotalCents: unit * line.quantity,
    });
  }
  const subtotalCents = lines.reduce((s, l) => s + l.lineTotalCents, 0);

  let deliveryFeeCents = 0;
  if (req.fulfillment === 'delivery') {
    if (!menu.delivery.enabled) return refuse('delivery_unavailable', "Sorry, we don't deliver. The order can be picked up instead.");
    if (!req.deliveryAddress?.trim()) return refuse('address_required', 'What address should we deliver to?');
    if (subtotalCents < menu.delivery.minimumCents) {
      return refuse('below_minimum', `Delivery needs an order of at least ${speakCents(menu.delivery.minimumCents)} before tax.`);
    }
    deliveryFeeCents = menu.delivery.feeCents;
  }

  const timing = resolveTime(menu, zone, now, req.requestedTime);
  if (!timing.ok) return timing;
  const taxCents = Math.round((subtotalCents * taxPercent) / 100);
  return {
    ok: true,
    quote: { lines, subtotalCents, taxCents, deliveryFeeCents, totalCents: subtotalCents + taxCents + deliveryFeeCents, requestedFor: timing.at },
  };
}

function resolveTime(
  menu: Menu,
  zone: string,
  now: Date,
  requested: string | undefined,
): { ok: true; at: number } | { ok: false; code: RefusalCode; message: string } {
  const earliest = now.getTime() + menu.prepMinutes * MINUTE_MS;
  const horizon = now.getTime() + menu.maxDaysAhead * DAY_MS;
  const open = openRanges(menu.hours, zone, now, new Date(horizon + DAY_MS));
  const next = nextOpening(open, earliest);
  const whenOpen = next ? ` We can have it ready ${speakDateTime(Math.max(next.start, earliest), zone, now.getTime())}.` : '';

  let at: number;
  if (!requested || /^(asap|now|as soon as possible)$/i.test(requested.trim())) {
    at = earliest;
    // "As soon as possible" while closed: say when it would be possible instead of guessing.
    if (!isOpenAt(open, at)) return { ok: false, code: 'kitchen_closed', message: `Sorry, the kitchen is closed right now.${whenOpen}` };
    return { ok: true, at };
  }
  const dt = parseLocalDateTime(requested, zone);
  if (!dt) return { ok: false, code: 'bad_time', message: 'Sorry, I did not catch the time. When would you like the order?' };
  at = dt.toMillis();
  if (at < now.getTime() - LATE_GRACE_MS) return { ok: false, code: 'past_time', message: `That time has already passed.${whenOpen}` };
  if (at < earliest) {
    if (at < earliest - LATE_GRACE_MS * 3) return { ok: false, code: 'past_time', message: `That is too soon.${whenOpen}` };
    at = earliest;
  }
  if (at > horizon) return { ok: false, code: 'too_far_ahead', message: `We take orders up to ${menu.maxDaysAhead} days ahead.` };
  if (!isOpenAt(open, at)) {
    return { ok: false, code: 'kitchen_closed', message: `Sorry, the kitchen is closed ${speakDateTime(at, zone, now.getTime())}.${whenOpen}` };
  }
  return { ok: true, at };
}

function isOpenAt(open: readonly Range[], at: number): boolean {
  return open.some((r) => r.start <= at && at < r.end);
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
