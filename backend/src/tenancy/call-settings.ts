import type { OpeningHours } from '@vozlia/contract';
import { isOpenAt } from './opening-hours.js';
import type { Tenant } from './tenant.js';
import { settingsOf } from './tenant-settings.js';

/**
 * What the call path needs of a tenant's settings, decided once per call (at `/twilio/voice` or
 * at admission), never in the media loop. Built from the tenant row the call path loads anyway.
 */
export interface CallSettings {
  readonly tenantId: string;
  /** IANA zone. */
  readonly timeZone: string;
  readonly status: 'active' | 'suspended';
  /** E.164, in dial order; empty = no transfer (transfer_call is not offered). */
  readonly transferNumbers: readonly string[];
  /** Null = no cap. */
  readonly maxConcurrentCalls: number | null;
  /** As the owner set them; null = none set (always open). */
  readonly openingHours: OpeningHours | null;
  /** Open at `at` in the tenant's zone; true when no hours are set. */
  isOpenAt(at: Date): boolean;
  /** The caller (E.164, or null / `anonymous`) is on the blocked list. */
  isBlocked(caller: string | null): boolean;
}

/** Reads one tenant's call settings (one indexed read of `tenants`); undefined = no such tenant. */
export type CallSettingsReader = (tenantId: string) => Promise<CallSettings | undefined>;

/** Pure: the call settings of a loaded tenant. */
export function callSettingsOf(tenant: Tenant): CallSettings {
  const s = settingsOf(tenant);
  const blocked = new Set(s.blocked_numbers);
  const hours = s.opening_hours;
  return Object.freeze({
    tenantId: tenant.id,
    timeZone: s.time_zone,
    status: tenant.status ?? 'active',
    transferNumbers: Object.freeze([...s.transfer_numbers]),
    maxConcurrentCalls: s.max_concurrent_calls,
    openingHours: hours,
    isOpenAt: (at: Date) => (hours ? isOpenAt(hours, s.time_zone, at) : true),
    isBlocked: (caller: string | null) => caller !== null && blocked.has(caller),
  });
}
