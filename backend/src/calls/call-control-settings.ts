import type { Tenant } from '../tenancy/tenant.js';

/**
 * What call control needs of a tenant's settings, resolved once per call (at the webhook and at
 * admission; never on the audio path). Until tenant settings land (helper `provisioning`), the
 * composition root passes a demo-backed source (`demo/call-control-settings.ts`).
 */
export interface CallControlSettings {
  /** E.164, tried in order by a transfer; empty = `transfer_call` is not offered. */
  transferNumbers: readonly string[];
  /** E.164 callers answered with `<Reject>`. */
  blockedNumbers: readonly string[];
  /** Concurrent calls allowed for the tenant; null = no cap. */
  maxConcurrentCalls: number | null;
  /** Open now by the tenant's hours, holidays and zone; null = no hours known (treated as open). */
  open: boolean | null;
  /** Outside hours, what the assistant offers: a message only, or a message or an order for later. */
  afterHours: 'message' | 'message_or_order';
}

export type CallControlSettingsSource = (tenant: Tenant, at: Date) => Promise<CallControlSettings>;

/** No transfer, no block list, no cap, no hours: what a tenant without settings gets. */
export const NO_CALL_CONTROL: CallControlSettings = Object.freeze({ transferNumbers: [], blockedNumbers: [], maxConcurrentCalls: null, open: null, afterHours: 'message' });
