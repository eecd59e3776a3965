import type { UsageStatement } from '@vozlia/contract';
import { meter, type UsageCounts } from './metering.js';
import { periodWindow, type PeriodWindow } from './period.js';
import type { TenantDirectory, UsageEventSource } from './ports.js';
import { METERED_EVENT_TYPES } from './usage-events.js';

export interface UsageServiceDeps {
  events: UsageEventSource;
  tenants: TenantDirectory;
}

/** A period's usage as of now: every event that happened in it, whenever it was recorded. */
export class UsageService {
  readonly #d: UsageServiceDeps;
  constructor(deps: UsageServiceDeps) {
    this.#d = deps;
  }

  /** The tenant's period in its zone, or null for an unknown tenant. */
  async window(tenantId: string, period: string): Promise<PeriodWindow | null> {
    const zone = await this.#d.tenants.tenantZone(tenantId);
    return zone ? periodWindow(period, zone) : null;
  }

  async usage(tenantId: string, period: string): Promise<UsageStatement | null> {
    const window = await this.window(tenantId, period);
    if (!window) return null;
    const events = await this.#d.events.read({ tenantId, types: METERED_EVENT_TYPES, occurredFrom: window.from, occurredTo: window.to });
    return toUsageStatement(window, meter(events));
  }
}

export function toUsageStatement(window: PeriodWindow, counts: UsageCounts): UsageStatement {
  return { period: window.period, ...counts, time_zone: window.zone, from: window.from.toISOString(), to: window.to.toISOString() };
}
