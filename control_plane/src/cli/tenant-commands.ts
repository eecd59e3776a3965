import { CreateTenantRequest, IssueAccessCodeRequest } from '@vozlia/contract';
import { need, tenant, tenantOption, validBody, asList, type Command } from './command-kit.js';
import { keyValues, table } from './format.js';

/** Provisioning (contract §8): tenants and their access codes. */
export const TENANT_COMMANDS: readonly Command[] = [
  {
    name: 'tenants create',
    summary: 'create a tenant with its numbers',
    options: {
      id: { type: 'string', help: 'tenant id: lower-case letters, digits, _ and -' },
      name: { type: 'string', help: 'display name' },
      vertical: { type: 'string', help: 'restaurant, barbershop or generic' },
      'time-zone': { type: 'string', help: 'IANA zone, e.g. America/New_York' },
      phone: { type: 'string', multiple: true, help: 'a dedicated number in E.164 (repeat for more)' },
    },
    async request(f) {
      const body = validBody(
        'tenants create',
        CreateTenantRequest,
        { id: f.id, name: f.name, vertical: f.vertical, time_zone: f['time-zone'], phone_numbers: f.phone ?? [] },
        { time_zone: 'time-zone', phone_numbers: 'phone' },
      );
      return { req: { method: 'POST', path: '/api/admin/tenants', body } };
    },
    render: (b) => `created tenant\n${keyValues(b)}`,
  },
  {
    name: 'tenants list',
    summary: 'list tenants',
    options: {},
    request: async () => ({ req: { method: 'GET', path: '/api/admin/tenants' } }),
    render: (b) => table(asList(b)),
  },
  {
    name: 'tenants show',
    summary: 'one tenant, with its status',
    options: tenantOption,
    request: async (f) => ({ req: { method: 'GET', path: `/api/admin/tenants/${tenant(f, 'tenants show')}` } }),
    render: (b) => keyValues(b),
  },
  {
    name: 'tenants delete',
    summary: 'delete a tenant: calls, sign-in and API end, its history is kept (--purge erases it for good)',
    options: { ...tenantOption, purge: { type: 'boolean', help: 'also erase every event and row of the tenant (irreversible)' } },
    request: async (f) => ({
      req: { method: 'DELETE', path: `/api/admin/tenants/${tenant(f, 'tenants delete')}`, ...(f.purge ? { query: { purge: 'true' } } : {}) },
    }),
    render: (_b, f) => `tenant ${String(f.tenant)} ${f.purge ? 'deleted and purged' : 'deleted (history kept)'}`,
  },
  ...(['suspend', 'resume'] as const).map(
    (action): Command => ({
      name: `tenants ${action}`,
      summary: action === 'suspend' ? 'suspend a tenant: its calls hear a short message and end' : 'resume a suspended tenant',
      options: tenantOption,
      request: async (f) => ({ req: { method: 'POST', path: `/api/admin/tenants/${tenant(f, `tenants ${action}`)}/${action}` } }),
      render: (_b, f) => `tenant ${String(f.tenant)} ${action === 'suspend' ? 'suspended' : 'resumed'}`,
    }),
  ),
  {
    name: 'codes issue',
    summary: 'issue a random 8-digit access code (shown once)',
    options: { ...tenantOption, mode: { type: 'string', help: 'owner or client' } },
    async request(f) {
      const body = validBody('codes issue', IssueAccessCodeRequest, { actor_mode: f.mode }, { actor_mode: 'mode' });
      return { req: { method: 'POST', path: `/api/admin/tenants/${tenant(f, 'codes issue')}/access-codes`, body } };
    },
    render: (b) => {
      const c = b as { id: string; code: string; actor_mode: string };
      return `access code ${c.code} (${c.actor_mode}), id ${c.id}\nshown once: the server keeps only a keyed hash`;
    },
  },
  {
    name: 'codes list',
    summary: 'a tenant’s working access codes (ids and modes, never the digits)',
    options: tenantOption,
    request: async (f) => ({ req: { method: 'GET', path: `/api/admin/tenants/${tenant(f, 'codes list')}/access-codes` } }),
    render: (b) => table(asList(b)),
  },
  {
    name: 'codes revoke',
    summary: 'revoke an access code at once, on every instance',
    options: { ...tenantOption, id: { type: 'string', help: 'the code id printed by `codes issue`' } },
    async request(f) {
      const path = `/api/admin/tenants/${tenant(f, 'codes revoke')}/access-codes/${encodeURIComponent(need(f, 'id', 'codes revoke'))}`;
      return { req: { method: 'DELETE', path } };
    },
    render: (_b, f) => `access code ${String(f.id)} revoked`,
  },
];
