import type { OpeningHours as SettingsHours, TenantSettingsValue, Weekday } from '@vozlia/contract';
import type { OpeningHours as KitHours } from '../features/kit/opening-hours.js';
import type { EventStore } from '../storage/event-store.js';
import { TENANT_SETTINGS_CHANGED, tenantStream, type TenantSettingsChanged } from '../tenancy/tenant-events.js';
import { DEMO_CATALOG } from './barbershop-catalog.js';
import { SEED_META } from './demo-ports.js';
import { DEMO_MENU } from './restaurant-menu.js';
import { DEMO_TENANTS } from './tenants.js';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The menu's / catalog's hours in the settings' shape, so the two never disagree. */
export function settingsHours(h: Pick<KitHours, 'weekly'> & { overrides?: KitHours['overrides'] }): SettingsHours {
  return {
    weekly: h.weekly.map((r) => ({ days: r.days.map((d) => WEEKDAYS[d - 1]!), open: hhmm(r.open), close: hhmm(r.close) })),
    holidays: (h.overrides ?? []).map((o) => ({ date: o.date, ranges: o.ranges.map((r) => ({ open: hhmm(r.open), close: hhmm(r.close) })) })),
  };
}

/** Contract §10: demo transfer numbers; hours as the menu and the catalog have them. */
const DEMO_SETTINGS: Readonly<Record<string, Pick<TenantSettingsValue, 'opening_hours' | 'transfer_numbers'>>> = {
  demo_restaurant: { opening_hours: settingsHours(DEMO_MENU.hours), transfer_numbers: ['+15550109001'] },
  demo_barbershop: { opening_hours: settingsHours(DEMO_CATALOG.hours), transfer_numbers: ['+15550109002'] },
};

/** Each demo tenant's settings, once (fixed idempotency key). */
export async function seedDemoSettings(events: EventStore, at: Date = new Date()): Promise<void> {
  for (const t of DEMO_TENANTS) {
    const own = DEMO_SETTINGS[t.tenantId];
    if (!own) continue;
    const settings: TenantSettingsValue = {
      display_name: t.displayName,
      time_zone: t.timeZone,
      prompts: { client: {}, owner: {} },
      features: {},
      blocked_numbers: [],
      max_concurrent_calls: null,
      ...own,
    };
    const payload: TenantSettingsChanged = { tenantId: t.tenantId, settings };
    await events.append({
      tenantId: t.tenantId,
      stream: tenantStream(t.tenantId),
      events: [{ type: TENANT_SETTINGS_CHANGED, payload, idempotencyKey: `seed:tenant-settings:${t.tenantId}:v1`, occurredAt: at, metadata: SEED_META }],
    });
  }
}
