import { OWNER_ONLY } from '@vozlia/control-plane';
import type { TenantFeatureList } from '@vozlia/contract';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/load-config.js';
import type { FeatureManifest } from '../features/types.js';
import { tenantFeatureViews } from '../policy/tenant-features.js';
import type { Tenant } from '../tenancy/tenant.js';
import { settingsOf } from '../tenancy/tenant-settings.js';

export interface TenantFeaturesDeps {
  config: Pick<Config, 'modePolicy' | 'features'>;
  manifests: readonly FeatureManifest[];
  tenants: { get(id: string): Promise<Tenant | undefined> };
}

/** The stored switch as the contract spells it (no `readonly`, absent keys left out). */
const settingOf = (s: { enabled?: boolean; modes?: readonly ('client' | 'owner')[] }) => ({
  ...(s.enabled !== undefined ? { enabled: s.enabled } : {}),
  ...(s.modes ? { modes: [...s.modes] } : {}),
});

/** `GET features` (owner-only): what the Settings page's switches show, decided as a call's admission decides. */
export const tenantFeaturesRoutes: FastifyPluginAsync<TenantFeaturesDeps> = async (app, d) => {
  app.get<{ Params: { tenant_id: string } }>('/features', { config: { roles: OWNER_ONLY } }, async (req, reply) => {
    const tenant = await d.tenants.get(req.params.tenant_id);
    if (!tenant) return reply.code(404).send({ error: 'not_found', message: 'no such tenant' });
    const views = tenantFeatureViews({ id: tenant.id, vertical: tenant.vertical, features: settingsOf(tenant).features }, d.config, d.manifests);
    const description = new Map(d.manifests.map((m) => [m.name, m.description]));
    const items = views.map((v) => ({ ...v, modes: [...v.modes], tenant: settingOf(v.tenant), description: description.get(v.name) ?? '' }));
    return reply.header('cache-control', 'no-store').send({ items } satisfies TenantFeatureList);
  });
};
