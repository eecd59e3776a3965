import type { Principal } from '@vozlia/control-plane';
import type { FastifyRequest } from 'fastify';
import { dayRange } from '../../policy/day-range.js';
import { NotFoundError, ValidationError } from '../../server/errors.js';
import type { EventMetadata } from '../../storage/events.js';
import { decodeCursor, pageOf, type Page, type PageKey } from '../../storage/pages.js';
import type { Tenant } from '../../tenancy/tenant.js';
import type { FeaturePorts } from '../types.js';

/** Every route of the tenant scope has it; the tenant gate has checked it before the handler. */
export type TenantParams = { tenant_id: string };

/** The tenant a tenant-scope request is for (the gate admitted the caller for it). */
export async function tenantOf(ports: Pick<FeaturePorts<unknown>, 'reads'>, req: FastifyRequest): Promise<Tenant> {
  const id = (req.params as Partial<TenantParams>).tenant_id ?? '';
  const tenant = await ports.reads.tenants.get(id);
  if (!tenant) throw new NotFoundError('no such tenant');
  return tenant;
}

/** Metadata of an event a portal request records: who did it, never a secret. */
export function portalMetadata(req: FastifyRequest): EventMetadata {
  const p = (req as FastifyRequest & { principal?: Principal | null }).principal;
  const who = p?.kind === 'user' ? { user_id: p.userId, role: p.role } : { admin: true };
  return { actor_mode: 'owner', source: 'portal', ...who };
}

/** What a list handler gets from `listPage`: the day range in the tenant's zone and the page bounds. */
export interface ListBounds {
  start?: Date;
  end?: Date;
  after?: PageKey;
  limit: number;
}

/**
 * One page of a newest-first list: the query's days in the tenant's zone and its cursor become
 * bounds, the rows are fetched one past the limit to know whether another page follows.
 */
export async function listPage<R, T>(
  tenant: Pick<Tenant, 'timeZone'>,
  q: { cursor?: string | undefined; limit: number; from?: string | undefined; to?: string | undefined },
  fetch: (bounds: ListBounds) => Promise<readonly R[]>,
  keyOf: (r: R) => PageKey,
  toItem: (r: R) => T,
): Promise<Page<T>> {
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (q.cursor !== undefined && !after) throw new ValidationError('cursor: not one this server handed out');
  const { start, end } = dayRange(tenant.timeZone, q.from, q.to);
  const rows = await fetch({ ...(start ? { start } : {}), ...(end ? { end } : {}), ...(after ? { after } : {}), limit: q.limit + 1 });
  return pageOf(rows, q.limit, keyOf, toItem);
}
