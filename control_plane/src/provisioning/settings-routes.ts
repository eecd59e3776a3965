import { etagOf, staleMessage, TenantSettingsInput, versionOfIfMatch, type TenantSettings } from '@vozlia/contract';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { parseOr400, sendError } from '../accounts/http-replies.js';
import { OWNER_ONLY } from '../accounts/principal.js';
import { principalName } from './access-code-routes.js';
import { NO_TENANT } from './admin-guard.js';
import type { StoredSettings, TenantDirectoryPort } from './ports.js';

/**
 * `GET/PUT settings` for a tenant's owner, inside the `/api/tenants/:tenant_id` scope behind the
 * tenant gate (CSRF checked there too). PUT replaces the whole document; one event per change. The
 * tenant stream's version is the settings' `ETag`: a PUT with `If-Match` over an older one is a 412.
 */
export const settingsRoutes: FastifyPluginAsync<{ tenants: Pick<TenantDirectoryPort, 'settings' | 'putSettings'> }> = async (app, { tenants }) => {
  const owner = { config: { roles: OWNER_ONLY } };
  const tenantOf = (req: FastifyRequest) => (req.params as { tenant_id: string }).tenant_id;
  const answer = (reply: FastifyReply, tenantId: string, s: StoredSettings | undefined) =>
    s ? reply.header('cache-control', 'no-store').header('etag', etagOf(s.version)).send(view(tenantId, s)) : sendError(reply, 404, NO_TENANT);

  app.get('/settings', owner, async (req, reply) => answer(reply, tenantOf(req), await tenants.settings(tenantOf(req))));

  app.put('/settings', owner, async (req, reply) => {
    const body = parseOr400(TenantSettingsInput, req.body, reply);
    if (!body) return reply;
    // `If-Match` (optional): the version read; someone else's change since is a 412, not overwritten.
    const stored = await tenants.putSettings(tenantOf(req), body, { source: 'tenant_api', by: principalName(req.principal) }, versionOfIfMatch(req.headers['if-match']));
    if (stored === 'stale') return sendError(reply, 412, { error: 'stale', message: staleMessage('settings') });
    return answer(reply, tenantOf(req), stored);
  });
};

function view(tenantId: string, s: StoredSettings): TenantSettings {
  const base = `/api/tenants/${encodeURIComponent(tenantId)}`;
  return {
    ...s.settings,
    links: { notifications: `${base}/notifications/settings`, contacts: `${base}/contacts/owners`, access_codes: `${base}/access-codes` },
    updated_at: s.updatedAt.toISOString(),
  };
}
