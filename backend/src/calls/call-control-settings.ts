import { callSettingsOf } from '../tenancy/call-settings.js';
import type { Tenant } from '../tenancy/tenant.js';

/**
 * What call control needs of a tenant's settings, resolved once per call (at the webhook and at
 * admission; never on the audio path). The product reads them from the tenant's settings
 * (`callControlSettingsOf`); tests pass a source of their own.
 */
export interface CallControlSettings {
  /** E.164, tried in order by a transfer; empty = `transfer_call` is not offered. */
  transferNumbers: readonly string[];
  /** The caller (E.164, or null / `anonymous`) is answered with `<Reject>`. */
  isBlocked(caller: string | null): boolean;
  /** Concurrent calls allowed for the tenant; null = no cap. */
  maxConcurrentCalls: number | null;
  /** Open now by the tenant's hours, holidays and zone; null = no hours known (treated as open). */
  open: boolean | null;
  /** Outside hours, what the assistant offers: a message only, or a message or an order for later. */
  afterHours: 'message' | 'message_or_order';
}

export type CallControlSettingsSource = (tenant: Tenant, at: Date) => Promise<CallControlSettings>;

/** No transfer, no block list, no cap, no hours: what a tenant without settings gets. */
export const NO_CALL_CONTROL: CallControlSettings = Object.freeze({ transferNumbers: [], isBlocked: () => false, maxConcurrentCalls: null, open: null, afterHours: 'message' });

/**
 * From the tenant's own settings (tenancy/call-settings.ts: transfer numbers, block list, cap,
 * hours + holidays in its zone); no hours set = open. A restaurant also offers an order for later.
 */
export const callControlSettingsOf: CallControlSettingsSource = async (tenant, at) => {
  const s = callSettingsOf(tenant);
  return {
    transferNumbers: s.transferNumbers,
    isBlocked: (caller) => s.isBlocked(caller),
    maxConcurrentCalls: s.maxConcurrentCalls,
    open: s.openingHours ? s.isOpenAt(at) : null,
    afterHours: tenant.vertical === 'restaurant' ? 'message_or_order' : 'message',
  };
};
