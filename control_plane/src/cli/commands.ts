import { randomBytes } from 'node:crypto';
import { CreateOwnerRequest, CreateTenantRequest, IssueAccessCodeRequest, ResetPasswordRequest, TenantId } from '@vozlia/contract';
import type { z } from 'zod';
import type { AdminRequest } from './admin-client.js';
import { BILLING_COMMANDS } from './billing-commands.js';
import { keyValues, table } from './format.js';
import { UsageError } from './usage-error.js';

// Its own file: the billing command table (billing-commands.ts) throws it too, and is imported here.
export { UsageError };

export type Flags = Record<string, string | boolean | string[] | undefined>;

interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  help: string;
}

export interface Command {
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  /** Reads a secret from stdin before building (owners' passwords), when the flags ask for it. */
  request(flags: Flags, stdinLine: () => Promise<string>): Promise<{ req: AdminRequest; extra?: Record<string, string> }>;
  /** The human rendering of a 2xx answer (`--json` prints the body itself). */
  render(body: unknown, flags: Flags, extra?: Record<string, string>): string;
}

const GENERATED_PASSWORD_BYTES = 15; // 20 base64url characters

const tenantOption = { tenant: { type: 'string', help: 'tenant id' } } as const;

function need(flags: Flags, name: string, command: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`${command} needs --${name}`);
  return v;
}

function tenant(flags: Flags, command: string): string {
  const id = need(flags, 'tenant', command);
  if (!TenantId.safeParse(id).success) throw new UsageError(`--tenant ${JSON.stringify(id)} is not a tenant id`);
  return encodeURIComponent(id);
}

/** Validates a body with the contract schema the server uses, naming the flag that is wrong. */
function validBody<S extends z.ZodType>(command: string, schema: S, body: Record<string, unknown>, flagOf: Record<string, string> = {}): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const flag = `--${flagOf[field] ?? field}`;
  throw new UsageError(body[field] === undefined ? `${command} needs ${flag}` : `${flag}: ${issue.message}`);
}

/** `--password-stdin` (first line of stdin), else `--password`, else a fresh random one shown once. */
async function password(flags: Flags, stdinLine: () => Promise<string>): Promise<{ password: string; generated?: string }> {
  if (flags['password-stdin']) return { password: await stdinLine() };
  if (typeof flags.password === 'string') return { password: flags.password };
  const generated = randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
  return { password: generated, generated };
}

const passwordOptions = {
  password: { type: 'string', help: 'the password (prefer --password-stdin: flags end up in shell history)' },
  'password-stdin': { type: 'boolean', help: 'read the password from the first line of stdin' },
} as const;

const asList = (body: unknown): unknown[] => {
  const b = body as { items?: unknown[]; tenants?: unknown[] };
  return b.items ?? b.tenants ?? [];
};

export const COMMANDS: readonly Command[] = [
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
    name: 'codes revoke',
    summary: 'revoke an access code at once, on every instance',
    options: { ...tenantOption, id: { type: 'string', help: 'the code id printed by `codes issue`' } },
    async request(f) {
      const path = `/api/admin/tenants/${tenant(f, 'codes revoke')}/access-codes/${encodeURIComponent(need(f, 'id', 'codes revoke'))}`;
      return { req: { method: 'DELETE', path } };
    },
    render: (_b, f) => `access code ${String(f.id)} revoked`,
  },
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
  ...BILLING_COMMANDS,
];
