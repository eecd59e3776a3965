import type { CallControlSettings, CallControlSettingsSource } from '../calls/call-control-settings.js';
import { NO_CALL_CONTROL } from '../calls/call-control-settings.js';
import { openRanges, type OpeningHours } from '../features/kit/opening-hours.js';
import { DEMO_CATALOG } from './barbershop-catalog.js';
import { DEMO_MENU } from './restaurant-menu.js';

const hoursOf = (h: { weekly: OpeningHours['weekly']; overrides?: OpeningHours['overrides'] }): OpeningHours => ({ weekly: h.weekly, overrides: h.overrides ?? [] });

/** Contract §10 demo transfer numbers; hours are the ones the demo menu and catalog already use. */
const DEMO: Record<string, { transferNumbers: string[]; hours: OpeningHours; afterHours: CallControlSettings['afterHours'] }> = {
  demo_restaurant: { transferNumbers: ['+15550109001'], hours: hoursOf(DEMO_MENU.hours), afterHours: 'message_or_order' },
  demo_barbershop: { transferNumbers: ['+15550109002'], hours: hoursOf(DEMO_CATALOG.hours), afterHours: 'message' },
};

/** Calls the demo allows per tenant at once (a real tenant's cap comes from its settings). */
const DEMO_MAX_CONCURRENT_CALLS = 20;

/**
 * Call-control settings for the demo tenants until tenant settings exist (helper provisioning):
 * the composition root passes this source; other tenants get none (no transfer, no hours).
 */
export const demoCallControlSettings: CallControlSettingsSource = async (tenant, at) => {
  const demo = DEMO[tenant.id];
  if (!demo) return NO_CALL_CONTROL;
  const open = openRanges(demo.hours, tenant.timeZone, at, new Date(at.getTime() + 1)).length > 0;
  return { transferNumbers: demo.transferNumbers, blockedNumbers: [], maxConcurrentCalls: DEMO_MAX_CONCURRENT_CALLS, open, afterHours: demo.afterHours };
};
