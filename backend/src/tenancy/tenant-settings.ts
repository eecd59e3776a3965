import { TenantSettingsInput, type TenantSettingsValue } from '@vozlia/contract';
import type { OwnerPolicy } from '../policy/mode-policy.js';
import type { Tenant } from './tenant.js';

/**
 * The owner's settings of a loaded tenant, with defaults for what was never set. Name and zone
 * come from the tenant's columns. Settings written by an older shape (or free-form seed data)
 * read as the defaults rather than failing a call.
 */
export function settingsOf(tenant: Pick<Tenant, 'displayName' | 'timeZone' | 'settings'>): TenantSettingsValue {
  const base = { display_name: tenant.displayName, time_zone: tenant.timeZone };
  const parsed = TenantSettingsInput.safeParse({ ...tenant.settings, ...base });
  if (parsed.success) return parsed.data;
  return { ...DEFAULTS, display_name: tenant.displayName ?? '', time_zone: tenant.timeZone ?? 'UTC' };
}

/** What a tenant that never set anything gets (and what an unreadable document reads as). */
const DEFAULTS: TenantSettingsValue = Object.freeze({
  display_name: '',
  time_zone: 'UTC',
  opening_hours: null,
  prompts: { client: {}, owner: {} },
  features: {},
  transfer_numbers: [],
  blocked_numbers: [],
  max_concurrent_calls: null,
});

/** The owner's part of the mode policy (feature switches, greeting and instructions per mode). */
export function ownerPolicyOf(tenant: Pick<Tenant, 'displayName' | 'timeZone' | 'settings'>): OwnerPolicy {
  const s = settingsOf(tenant);
  return {
    features: Object.fromEntries(Object.entries(s.features).map(([name, f]) => [name.toLowerCase(), f])),
    prompts: s.prompts,
  };
}
