import { CreateOwnerRequest, ResetPasswordRequest } from '@vozlia/contract';
import { need, password, passwordOptions, tenant, tenantOption, validBody, asList, type Command } from './command-kit.js';
import { keyValues, table } from './format.js';

/** A tenant's owner and staff accounts. */
export const OWNER_COMMANDS: readonly Command[] = [
  {
    name: 'owners add',
    summary: 'add an owner or staff account to a tenant',
    options: { ...tenantOption, email: { type: 'string', help: 'sign-in email' }, role: { type: 'string', help: 'owner (default) or staff' }, ...passwordOptions },
    async request(f, stdinLine) {
      const path = `/api/admin/tenants/${tenant(f, 'owners add')}/owners`;
      const pw = await password(f, stdinLine);
      const body = validBody('owners add', CreateOwnerRequest, { email: f.email, password: pw.password, role: f.role ?? 'owner' });
      return { req: { method: 'POST', path, body }, ...(pw.generated ? { extra: { password: pw.generated } } : {}) };
    },
    render: (b, _f, extra) => `added\n${keyValues(b)}${extra?.password ? `\npassword (shown once): ${extra.password}` : ''}`,
  },
  {
    name: 'owners list',
    summary: 'list a tenant’s accounts',
    options: tenantOption,
    request: async (f) => ({ req: { method: 'GET', path: `/api/admin/tenants/${tenant(f, 'owners list')}/owners` } }),
    render: (b) => table(asList(b)),
  },
  {
    name: 'owners reset-password',
    summary: 'set an account’s password; its sessions end',
    options: { ...tenantOption, id: { type: 'string', help: 'the account id (see `owners list`)' }, ...passwordOptions },
    async request(f, stdinLine) {
      const path = `/api/admin/tenants/${tenant(f, 'owners reset-password')}/owners/${encodeURIComponent(need(f, 'id', 'owners reset-password'))}/password`;
      const pw = await password(f, stdinLine);
      const body = validBody('owners reset-password', ResetPasswordRequest, { password: pw.password });
      return { req: { method: 'PUT', path, body }, ...(pw.generated ? { extra: { password: pw.generated } } : {}) };
    },
    render: (_b, _f, extra) => `password reset; the account’s sessions ended${extra?.password ? `\npassword (shown once): ${extra.password}` : ''}`,
  },
  {
    name: 'owners remove',
    summary: 'remove an account; its sessions end',
    options: { ...tenantOption, id: { type: 'string', help: 'the account id (see `owners list`)' } },
    async request(f) {
      return { req: { method: 'DELETE', path: `/api/admin/tenants/${tenant(f, 'owners remove')}/owners/${encodeURIComponent(need(f, 'id', 'owners remove'))}` } };
    },
    render: (_b, f) => `account ${String(f.id)} removed`,
  },
];
