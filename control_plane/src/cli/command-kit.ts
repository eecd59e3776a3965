/** What every command file shares: the command shape, flag helpers, body validation. */
import { randomBytes } from 'node:crypto';
import { TenantId } from '@vozlia/contract';
import type { z } from 'zod';
import type { AdminRequest } from './admin-client.js';
import { UsageError } from './usage-error.js';

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

export const tenantOption = { tenant: { type: 'string', help: 'tenant id' } } as const;

export function need(flags: Flags, name: string, command: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`${command} needs --${name}`);
  return v;
}

export function tenant(flags: Flags, command: string): string {
  const id = need(flags, 'tenant', command);
  if (!TenantId.safeParse(id).success) throw new UsageError(`--tenant ${JSON.stringify(id)} is not a tenant id`);
  return encodeURIComponent(id);
}

/** Validates a body with the contract schema the server uses, naming the flag that is wrong. */
export function validBody<S extends z.ZodType>(command: string, schema: S, body: Record<string, unknown>, flagOf: Record<string, string> = {}): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const flag = `--${flagOf[field] ?? field}`;
  throw new UsageError(body[field] === undefined ? `${command} needs ${flag}` : `${flag}: ${issue.message}`);
}

/** `--password-stdin` (first line of stdin), else `--password`, else a fresh random one shown once. */
export async function password(flags: Flags, stdinLine: () => Promise<string>): Promise<{ password: string; generated?: string }> {
  if (flags['password-stdin']) return { password: await stdinLine() };
  if (typeof flags.password === 'string') return { password: flags.password };
  const generated = randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
  return { password: generated, generated };
}

export const passwordOptions = {
  password: { type: 'string', help: 'the password (prefer --password-stdin: flags end up in shell history)' },
  'password-stdin': { type: 'boolean', help: 'read the password from the first line of stdin' },
} as const;

export const asList = (body: unknown): unknown[] => {
  const b = body as { items?: unknown[]; tenants?: unknown[] };
  return b.items ?? b.tenants ?? [];
};
