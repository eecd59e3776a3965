import { z } from 'zod';

/** Contract §8: usage metering, plans, period close and invoices. Money is integer cents. */

/** A calendar month, `YYYY-MM`, read in the tenant's time zone. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
export type Period = z.infer<typeof Period>;

export const UsageQuery = z.object({ period: Period });
export type UsageQuery = z.infer<typeof UsageQuery>;

const count = z.number().int().nonnegative();
const cents = z.number().int();

/** `GET …/usage?period=YYYY-MM`: the period's usage, computed from events alone. */
export const UsageStatement = z.object({
  period: Period,
  /**
   * Calls that began in the period and have their status callback (`call.ended`). A call's
   * figures (duration, AI time, tools) count in the month it began, whenever they are recorded.
   */
  calls: count,
  /** Σ CallDuration of those calls. */
  call_seconds: count,
  /** Σ over calls of ⌈seconds ÷ 60⌉: a carrier bills each started minute. */
  billable_minutes: count,
  /** Realtime socket open time, from the call records. */
  ai_seconds: count,
  /** SMS messages sent, and their segments (the billed unit). */
  sms_sent: count,
  sms_segments: count,
  emails_sent: count,
  webhooks_sent: count,
  /** Tool runs during calls, in total and by tool name. */
  tool_runs: count,
  tool_runs_by_tool: z.record(z.string(), count),
  transfers_requested: count,
  transfers_completed: count,
  time_zone: z.string(),
  /** The period's bounds as instants (ISO), from inclusive, to exclusive. */
  from: z.string(),
  to: z.string(),
});
export type UsageStatement = z.infer<typeof UsageStatement>;

/** A plan's prices, in integer cents. */
export const Plan = z.object({
  monthly_fee_cents: count,
  included_minutes: count,
  overage_cents_per_minute: count,
  sms_cents_per_segment: count.default(0),
});
export type Plan = z.infer<typeof Plan>;

/**
 * `PUT /api/admin/tenants/:id/plan`. Takes effect now, or at `effective_from` (e.g. the start of
 * the month), which may not fall in a period already closed.
 */
export const PlanRequest = Plan.extend({ effective_from: z.iso.datetime({ offset: true }).optional() });
export type PlanRequest = z.infer<typeof PlanRequest>;

export const PlanResponse = Plan.extend({ tenant_id: z.string(), effective_from: z.string() });
export type PlanResponse = z.infer<typeof PlanResponse>;

/** `POST /api/admin/billing/close`: one tenant, or every tenant when `tenant_id` is absent. */
export const CloseRequest = z.object({
  period: Period,
  tenant_id: z.string().min(1).max(100).optional(),
  /** Closes an open period: the closing invoice of a tenant that leaves mid-period. */
  final: z.boolean().default(false),
});
export type CloseRequest = z.infer<typeof CloseRequest>;

export const InvoiceLineKind = z.enum(['monthly_fee', 'overage_minutes', 'sms_segments', 'adjustment_minutes', 'adjustment_sms']);
export type InvoiceLineKind = z.infer<typeof InvoiceLineKind>;

export const InvoiceLine = z.object({
  kind: InvoiceLineKind,
  description: z.string(),
  quantity: count,
  unit_cents: cents,
  /** quantity × unit_cents. */
  amount_cents: cents,
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const InvoiceStatus = z.enum(['issued', 'paid', 'payment_failed']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const Invoice = z.object({
  id: z.string(),
  tenant_id: z.string(),
  period: Period,
  status: InvoiceStatus,
  /** True for a closing invoice of an open period. */
  final: z.boolean(),
  currency: z.string(),
  total_cents: cents,
  lines: z.array(InvoiceLine),
  /** Events recorded up to this instant are on this invoice; later ones adjust the next. */
  cutoff_at: z.string(),
  created_at: z.string(),
  stripe_invoice_id: z.string().nullable(),
});
export type Invoice = z.infer<typeof Invoice>;

export const CloseResponse = z.object({ invoices: z.array(Invoice) });
export type CloseResponse = z.infer<typeof CloseResponse>;

export const InvoiceList = z.object({ items: z.array(Invoice) });
export type InvoiceList = z.infer<typeof InvoiceList>;

/** `GET /api/admin/billing/export.csv?period=YYYY-MM`. */
export const ExportQuery = z.object({ period: Period });
export type ExportQuery = z.infer<typeof ExportQuery>;
