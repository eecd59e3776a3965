import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/load-config.js';
import type { FeatureRegistry } from '../features/registry.js';
import { featureModeTable } from '../policy/feature-resolution.js';

export interface AdminDeps {
  config: Config;
  registry: FeatureRegistry;
}

/** Operator views, registered under `/api/admin`. `?tenant=` shows a tenant's per-tenant exceptions applied. */
export const adminRoutes: FastifyPluginAsync<AdminDeps> = async (app, { config, registry }) => {
  app.get<{ Querystring: { tenant?: string } }>('/features', async (req) => {
    const tenant = req.query.tenant ?? '*';
    return {
      tenant,
      features: registry.features.map((f) => ({
        name: f.manifest.name,
        description: f.manifest.description,
        declared_modes: f.manifest.modes,
        owner_only: f.manifest.ownerOnly,
        default_enabled: f.manifest.defaultEnabled,
        tools: (f.tools ?? []).map((t) => t.name),
        effective: featureModeTable(f.manifest, tenant, config.features),
      })),
    };
  });
};
