import { createHash } from 'node:crypto';
import type { PlanRequest, PlanResponse } from '@vozlia/contract';
import { periodOf } from '../usage/period.js';
import type { BillingEventAppender, Clock, TenantDirectory, UsageEvent, UsageEventSource } from '../usage/ports.js';
import { conflict, notFound } from '../usage/http.js';
import { PLAN_SET, type PlanSetPayload } from './billing-events.js';
import type { InvoiceStore } from './invoice-store.js';
import type { CloseScheduler } from './close-schedule.js';

export interface PlanBookDeps {
  events: UsageEventSource;
  appender: BillingEventAppender;
  tenants: TenantDirectory;
  store: InvoiceStore;
  clock: Clock;
  schedule: CloseScheduler;
}

/** A tenant's plan history, as `billing.plan_set` events on its billing stream. */
export class PlanBook {
  readonly #d: PlanBookDeps;
  constructor(deps: PlanBookDeps) {
    this.#d = deps;
  }

  async setPlan(tenantId: string, req: PlanRequest): Promise<PlanResponse> {
    const zone = await this.#d.tenants.tenantZone(tenantId);
    if (!zone) throw notFound('tenant');
    const effective = req.effective_from ? new Date(req.effective_from) : this.#d.clock();
    // A closed invoice is never re-priced, so a plan may not reach back into its period.
    const period = periodOf(effective, zone);
    const closed = await this.#d.store.forTenant(tenantId);
    if (closed.some((i) => i.row.period >= period)) throw conflict('period_closed', `period ${period} (or a later one) is already closed for this tenant`);
    const payload: PlanSetPayload = {
      monthly_fee_cents: req.monthly_fee_cents,
      included_minutes: req.included_minutes,
      overage_cents_per_minute: req.overage_cents_per_minute,
      sms_cents_per_segment: req.sms_cents_per_segment,
      effective_from: effective.toISOString(),
    };
    // The same request replayed is the same event.
    const digest = createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 16);
    await this.#d.appender.append({ tenantId, type: PLAN_SET, payload, idempotencyKey: `billing.plan_set:${tenantId}:${digest}`, occurredAt: effective });
    await this.#d.schedule.scheduleClose(tenantId, zone, period);
    const { effective_from, ...plan } = payload;
    return { tenant_id: tenantId, ...plan, effective_from };
  }

  /** Whether a plan recorded by `recordedBy` takes effect before `until`: the tenant is billed. */
  async hasPlanBefore(tenantId: string, until: Date, recordedBy: Date): Promise<boolean> {
    return (await this.planEvents(tenantId, recordedBy)).some((e) => e.occurredAt < until);
  }

  /** Plan events recorded by `recordedBy` (all of them when absent). */
  async planEvents(tenantId: string, recordedBy?: Date): Promise<UsageEvent[]> {
    const all = await this.#d.events.read({ tenantId, types: [PLAN_SET] });
    return recordedBy ? all.filter((e) => e.recordedAt <= recordedBy) : all;
  }
}
