import { CloseRequest, ExportQuery, PlanRequest, type CloseResponse, type InvoiceList, type PlanResponse } from '@vozlia/contract';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { OWNER_ONLY } from '../accounts/principal.js';
import { installErrorHandler, notFound, parseOr400 } from '../usage/http.js';
import type { TenantDirectory } from '../usage/ports.js';
import { invoicesCsv } from './invoice-csv.js';
import { toContractInvoice, type InvoiceStore } from './invoice-store.js';
import type { PeriodClose } from './period-close.js';
import type { PlanBook } from './plan-book.js';

export interface BillingRoutesOptions {
  plans: PlanBook;
  close: PeriodClose;
  store: InvoiceStore;
  tenants: TenantDirectory;
}

const AdminParams = z.object({ id: z.string().min(1).max(100) });
const TenantParams = z.object({ tenant_id: z.string().min(1).max(100) });

async function invoicesOf(o: BillingRoutesOptions, tenantId: string) {
  if (!(await o.tenants.tenantZone(tenantId))) throw notFound('tenant');
  return (await o.store.forTenant(tenantId)).map(toContractInvoice);
}

function sendCsv(reply: FastifyReply, filename: string, body: string) {
  const safe = filename.replace(/[^A-Za-z0-9_.-]/g, '_');
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${safe}"`).send(body);
}

/** Plans, period close, invoices and the CSV export for the platform admin (contract §8): registered under `/api/admin`, whose guard the backend owns. */
export const billingAdminRoutes: FastifyPluginAsync<BillingRoutesOptions> = async (app, opts) => {
  installErrorHandler(app);

  app.put('/tenants/:id/plan', async (req): Promise<PlanResponse> => {
    const { id } = parseOr400(AdminParams, req.params);
    return opts.plans.setPlan(id, parseOr400(PlanRequest, req.body));
  });

  app.post('/billing/close', async (req): Promise<CloseResponse> => {
    const invoices = await opts.close.close(parseOr400(CloseRequest, req.body ?? {}));
    return { invoices: invoices.map(toContractInvoice) };
  });

  app.get('/tenants/:id/invoices', async (req): Promise<InvoiceList> => ({ items: await invoicesOf(opts, parseOr400(AdminParams, req.params).id) }));

  app.get('/billing/export.csv', async (req, reply) => {
    const { period } = parseOr400(ExportQuery, req.query);
    const invoices = (await opts.store.forPeriod(period)).map(toContractInvoice);
    return sendCsv(reply, `vozlia-invoices-${period}.csv`, invoicesCsv(invoices));
  });
};

/** A tenant's own invoices, for its owners; registered under `/api/tenants/:tenant_id` behind the tenant gate. */
export const billingTenantRoutes: FastifyPluginAsync<BillingRoutesOptions> = async (app, opts) => {
  installErrorHandler(app);
  const ownerOnly = { config: { roles: OWNER_ONLY } };
  app.get('/invoices', ownerOnly, async (req): Promise<InvoiceList> => ({ items: await invoicesOf(opts, parseOr400(TenantParams, req.params).tenant_id) }));
  app.get('/invoices.csv', ownerOnly, async (req, reply) => {
    const { tenant_id } = parseOr400(TenantParams, req.params);
    return sendCsv(reply, `vozlia-invoices-${tenant_id}.csv`, invoicesCsv(await invoicesOf(opts, tenant_id)));
  });
};
