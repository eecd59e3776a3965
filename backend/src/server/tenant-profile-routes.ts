import type { PortalArea, TenantProfile } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/load-config.js';
import type { FeatureManifest } from '../features/types.js';
import { resolveFeature } from '../policy/feature-resolution.js';
import type { Tenant } from '../tenancy/tenant.js';

/** Which feature switches each portal area. */
const AREA_FEATURES: Readonly<Record<PortalArea, string>> = {
  orders: 'order_placing',
  appointments: 'appointment_requests',
  analytics: 'business_analytics',
  knowledge_base: 'knowledge_base',
};

/** The areas whose feature is loaded, serves the tenant's vertical and is on in some mode for it. */
export function portalAreas(tenant: Tenant, manifests: readonly FeatureManifest[], switches: Config['features']): PortalArea[] {
  const on = (name: string) => {
    const m = manifests.find((x) => x.name === name);
    if (!m || (m.verticals && !m.verticals.includes(tenant.vertical))) return false;
    return (['owner', 'client'] as const).some((mode) => resolveFeature(m, tenant.id, mode, switches).allowed);
  };
  return (Object.keys(AREA_FEATURES) as PortalArea[]).filter((a) => on(AREA_FEATURES[a]));
}

export interface TenantProfileDeps {
  config: Config;
  manifests: readonly FeatureManifest[];
  tenants: { get(id: string): Promise<Tenant | undefined> };
}

/** `GET profile` in the tenant scope: what the portal lays itself out by. */
export const tenantProfileRoutes: FastifyPluginAsync<TenantProfileDeps> = async (app, d) => {
  app.get<{ Params: { tenant_id: string } }>('/profile', async (req, reply) => {
    const tenant = await d.tenants.get(req.params.tenant_id);
    if (!tenant) return reply.code(404).send({ error: 'not_found', message: 'no such tenant' });
    return {
      id: tenant.id,
      name: tenant.displayName,
      vertical: tenant.vertical,
      time_zone: tenant.timeZone,
      status: tenant.status ?? 'active',
      areas: portalAreas(tenant, d.manifests, d.config.features),
    } satisfies TenantProfile;
  });
};
