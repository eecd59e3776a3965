import { z } from 'zod';
import { Plan } from '@vozlia/contract';

/** Events of the `billing:<tenant>` stream: a tenant's plan history and its invoices. */
export const PLAN_SET = 'billing.plan_set';
export const INVOICE_ISSUED = 'billing.invoice_issued';
export const INVOICE_PAID = 'billing.invoice_paid';
export const INVOICE_PAYMENT_FAILED = 'billing.invoice_payment_failed';

/** A plan takes effect at `effective_from` (the event's occurredAt) until the next one. */
export const PlanSetPayload = Plan.extend({ effective_from: z.iso.datetime({ offset: true }) });
export type PlanSetPayload = z.infer<typeof PlanSetPayload>;
