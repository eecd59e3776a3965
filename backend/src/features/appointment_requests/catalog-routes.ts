import { OWNER_ONLY } from '@vozlia/control-plane';
import { CatalogDocument } from '@vozlia/contract';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../server/errors.js';
import { versionedDocument } from '../kit/document-version.js';
import { parseRequest } from '../kit/parse-request.js';
import { portalMetadata, type TenantParams } from '../kit/tenant-route.js';
import type { FeaturePorts } from '../types.js';
import { CATALOG_PUBLISHED, catalogStream, type CatalogPublished } from './events.js';
import type { AppointmentStore } from './store.js';

/**
 * Services and staff in the tenant scope: read them (staff too) or publish a whole new catalog
 * (owner), one event on the catalog stream; the next call's `request_appointment` offers it. The
 * stream's version is the catalog's `ETag`: a PUT with `If-Match` is refused (412) if it changed since.
 */
export function catalogRoutes(app: FastifyInstance, ports: FeaturePorts<AppointmentStore>): void {
  const current = async (tenantId: string) => {
    const catalog = await ports.store.catalog(tenantId);
    if (!catalog) throw new NotFoundError('no catalog for this tenant');
    return { catalog } satisfies CatalogDocument;
  };

  const document = (tenantId: string) => versionedDocument<CatalogDocument>(ports.events, catalogStream(tenantId), 'list of services and staff');

  app.get<{ Params: TenantParams }>('/catalog', async (req, reply) => document(req.params.tenant_id).send(reply, () => current(req.params.tenant_id)));

  app.put<{ Params: TenantParams }>('/catalog', { config: { roles: OWNER_ONLY } }, async (req, reply) => {
    const tenantId = req.params.tenant_id;
    const { catalog } = parseRequest(CatalogDocument, req.body);
    const payload: CatalogPublished = { tenantId, catalog };
    const doc = document(tenantId);
    await doc.append(req, { tenantId, events: [{ type: CATALOG_PUBLISHED, payload, metadata: portalMetadata(req) }] });
    return doc.send(reply, () => current(tenantId));
  });
}
