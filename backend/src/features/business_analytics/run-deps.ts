import { loadCatalog, type Catalog } from '../../analytics/catalog.js';
import type { RunDeps } from '../../analytics/run-query.js';
import type { SkillTenant } from '../../analytics/skills/skill-service.js';
import { TenantRepository } from '../../tenancy/tenant-repository.js';
import type { FeaturePorts } from '../types.js';

/**
 * The analytics catalog: the runtime's provider (a `catalog` port, loaded after migrations and
 * held per runtime by main.ts — a port rather than feature state, so nothing is shared between
 * runtimes in one process), or, for ports composed without one, a fresh read.
 */
export function currentCatalog(ports: FeaturePorts): Promise<Catalog> {
  return ports.catalog ? ports.catalog.current() : loadCatalog(ports.db);
}

/** Everything a run needs, from the ports. */
export async function runDeps(ports: FeaturePorts): Promise<RunDeps> {
  return {
    db: ports.db,
    kind: ports.config.databaseUrl ? 'postgres' : 'pglite',
    events: ports.events,
    catalog: await currentCatalog(ports),
    now: ports.clock(),
    log: ports.log,
  };
}

export async function loadTenant(ports: FeaturePorts, tenantId: string): Promise<SkillTenant | undefined> {
  const t = await new TenantRepository(ports.db).get(tenantId);
  return t && { id: t.id, timeZone: t.timeZone };
}
