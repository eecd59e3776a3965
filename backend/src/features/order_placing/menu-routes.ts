import { OWNER_ONLY } from '@vozlia/control-plane';
import { MenuDocument, SetMenuItemAvailabilityRequest } from '@vozlia/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../server/errors.js';
import { versionedDocument } from '../kit/document-version.js';
import { parseRequest } from '../kit/parse-request.js';
import { portalMetadata, type TenantParams } from '../kit/tenant-route.js';
import type { FeaturePorts } from '../types.js';
import { MENU_ITEM_AVAILABILITY_CHANGED, MENU_PUBLISHED, menuStream, type MenuItemAvailabilityChanged, type MenuPublished } from './events.js';
import { menuEntries } from './menu.js';
import type { OrderStore } from './store.js';

const OWNER = { config: { roles: OWNER_ONLY } };
const ItemParams = z.object({ tenant_id: z.string(), item_id: z.string().min(1).max(100) });

/**
 * The menu in the tenant scope: read it (staff too), publish a whole new one, or switch one item
 * on or off (owner). Each change is one event on the menu stream; the next call's `place_order`
 * reads the projection, so it offers the change without a restart. The stream's version is the
 * menu's `ETag`: a PUT with `If-Match` is refused (412) if the menu changed since it was read.
 */
export function menuRoutes(app: FastifyInstance, ports: FeaturePorts<OrderStore>): void {
  const current = async (tenantId: string) => {
    const menu = await ports.store.menu(tenantId);
    if (!menu) throw new NotFoundError('no menu for this tenant');
    return { menu } satisfies MenuDocument;
  };
  const document = (tenantId: string) => versionedDocument<MenuDocument>(ports.events, menuStream(tenantId), 'menu');

  app.get<{ Params: TenantParams }>('/menu', async (req, reply) => document(req.params.tenant_id).send(reply, () => current(req.params.tenant_id)));

  app.put<{ Params: TenantParams }>('/menu', OWNER, async (req, reply) => {
    const tenantId = req.params.tenant_id;
    const { menu } = parseRequest(MenuDocument, req.body);
    const payload: MenuPublished = { tenantId, menu };
    const doc = document(tenantId);
    await doc.append(req, { tenantId, events: [{ type: MENU_PUBLISHED, payload, metadata: portalMetadata(req) }] });
    return doc.send(reply, () => current(tenantId));
  });

  app.post('/menu/items/:item_id/availability', OWNER, async (req, reply) => {
    const { tenant_id: tenantId, item_id: itemId } = parseRequest(ItemParams, req.params);
    const { available } = parseRequest(SetMenuItemAvailabilityRequest, req.body);
    const { menu } = await current(tenantId);
    if (!menuEntries(menu).some((e) => e.id === itemId)) throw new NotFoundError('no such menu item');
    const payload: MenuItemAvailabilityChanged = { tenantId, itemId, available };
    await ports.events.append({ tenantId, stream: menuStream(tenantId), events: [{ type: MENU_ITEM_AVAILABILITY_CHANGED, payload, metadata: portalMetadata(req) }] });
    return document(tenantId).send(reply, () => current(tenantId));
  });
}
