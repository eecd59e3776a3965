import { PageQuery, type Customer, type OwnerContact } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import { parseRequest } from '../kit/parse-request.js';
import { listPage, tenantOf, type TenantParams } from '../kit/tenant-route.js';
import type { FeaturePorts } from '../types.js';
import type { ContactStore } from './store.js';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Contacts in the tenant scope, under `contacts/`: customers (keyset pages) and the owner's own contacts. */
export const routes: FastifyPluginAsync<{ ports: FeaturePorts<ContactStore> }> = async (app, { ports }) => {
  app.get<{ Params: TenantParams }>('/contacts/customers', async (req) => {
    const tenant = await tenantOf(ports, req);
    const q = parseRequest(PageQuery, req.query);
    return listPage(
      tenant,
      q,
      (f) => ports.store.customerPage(tenant.id, f),
      (r) => ({ at: new Date(r.last_seen_at), id: r.phone }),
      (r): Customer => ({
        phone: r.phone,
        name: r.name,
        first_seen_at: iso(r.first_seen_at),
        last_seen_at: iso(r.last_seen_at),
        calls_count: r.calls_count,
        orders_count: r.orders_count,
        appointments_count: r.appointments_count,
      }),
    );
  });

  app.get<{ Params: TenantParams }>('/contacts/owners', async (req) => ({
    items: (await ports.store.owners(req.params.tenant_id)).map(
      (r): OwnerContact => ({ contact_id: r.contact_id, name: r.name, phone: r.phone, email: r.email, notify: r.notify, updated_at: iso(r.updated_at) }),
    ),
  }));
};
