import type { CatalogDocument, MenuDocument, TenantFeatureList, TenantSettings } from '@vozlia/contract';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OWNERS } from '../demo/owners.js';
import type { Runtime } from '../main.js';
import { RealtimeFake } from '../testing/realtime-fake/index.js';
import { openRuntimeTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-db.js';
import { startTestRuntime } from '../testing/test-runtime.js';
import { placeCall, SimPhone } from '../testing/twilio-sim/index.js';
import { signInPortal, type PortalSession } from '../testing/portal-session.js';

const BOOT_TIMEOUT_MS = 180_000;
const RESTAURANT = 'demo_restaurant';
const BARBERSHOP = 'demo_barbershop';
const STAFF = { email: 'staff@demo-restaurant.test', password: 'a-staff-password' };

type Session = PortalSession;
type Tool = { name: string; parameters: Record<string, unknown> };

/** Issues 11 and 15: what an owner edits (menu, services, feature switches) reaches the next call, no restart. */
describe.each(testDatabaseKinds())('owner settings reach the next call (%s)', (kind) => {
  let runtime: Runtime;
  let fake: RealtimeFake;
  let pg: TestDatabase | undefined;
  let owner: Session;
  let barber: Session;
  let staff: Session;
  let origin: string;

  beforeAll(async () => {
    fake = await RealtimeFake.start();
    if (kind === 'postgres') pg = await openRuntimeTestDatabase('postgres');
    runtime = await startTestRuntime({ listen: true, env: { OPENAI_API_KEY: 'test', OPENAI_REALTIME_URL: fake.url }, ...(pg?.url ? { databaseUrl: pg.url } : {}) });
    origin = new URL(runtime.config.publicBaseUrl).origin;
    await runtime.core.accounts.service.addUser({ tenantId: RESTAURANT, role: 'staff', ...STAFF });
    const [restaurant, barbershop] = DEMO_OWNERS;
    owner = await signIn(restaurant.email, restaurant.password);
    barber = await signIn(barbershop.email, barbershop.password);
    staff = await signIn(STAFF.email, STAFF.password);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await runtime?.close();
    await fake?.close();
    await pg?.close();
  });

  const signIn = (email: string, password: string) => signInPortal(runtime.app, email, password);

  /** The portal's own request: the session cookie, and on writes the CSRF token and a same-origin Origin. */
  async function api(s: Session, method: InjectOptions['method'], tenant: string, path: string, payload?: unknown, extra: Record<string, string> = {}) {
    const headers = method === 'GET' ? { cookie: s.cookie } : { cookie: s.cookie, 'x-csrf-token': s.csrf, origin, ...extra };
    const res = await runtime.app.inject({ method, url: `/api/tenants/${tenant}/${path}`, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, json: res.body ? (res.json() as Record<string, unknown>) : {}, etag: res.headers.etag };
  }

  /** A customer rings the tenant's own number; the session's tools as the model is offered them. */
  async function toolsOfNextCall(number: string): Promise<Tool[]> {
    const placed = await placeCall({ baseUrl: runtime.url!, to: number, from: '+15557770099' });
    if (!placed.stream) throw new Error('the call was not connected');
    const index = fake.connections.length;
    const phone = await SimPhone.connect({ url: placed.stream.url, parameters: placed.stream.parameters, callSid: placed.callSid });
    const update = await (await fake.connection(index)).waitFor('session.update');
    phone.drop();
    return (update['session'] as { tools?: Tool[] }).tools ?? [];
  }
  const enumOf = (tools: Tool[], name: string, path: (p: never) => string[]) => {
    const tool = tools.find((t) => t.name === name);
    return tool ? path(tool.parameters as never) : undefined;
  };
  const menuItems = (tools: Tool[]) => enumOf(tools, 'place_order', (p: { properties: { items: { items: { properties: { name: { enum: string[] } } } } } }) => p.properties.items.items.properties.name.enum);
  const services = (tools: Tool[]) => enumOf(tools, 'request_appointment', (p: { properties: { service: { enum: string[] } } }) => p.properties.service.enum);

  it('lists the features serving a restaurant with the operator, owner and effective state', async () => {
    const res = await api(owner, 'GET', RESTAURANT, 'features');
    expect(res.status).toBe(200);
    const items = (res.json as TenantFeatureList).items;
    const names = items.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['order_placing', 'knowledge_base', 'business_analytics']));
    expect(names).not.toContain('appointment_requests');
    expect(items.find((f) => f.name === 'order_placing')).toMatchObject({
      modes: ['client'],
      operator: { client: { allowed: true, reason: null }, owner: { allowed: false, reason: 'mode_not_declared' } },
      effective: { client: true, owner: false },
    });
    expect(items.find((f) => f.name === 'business_analytics')?.operator.client).toEqual({ allowed: false, reason: 'owner_only' });
  });

  it('a new menu item, and an item marked sold out, show in the next call; a bad menu is a 400 naming the field', async () => {
    const { menu } = (await api(owner, 'GET', RESTAURANT, 'menu')).json as MenuDocument;
    expect(menuItems(await toolsOfNextCall('+15550100001'))).not.toContain('Truffle Risotto');

    const risotto = { id: 'truffle-risotto', name: 'Truffle Risotto', description: '', priceCents: 2400, available: true, options: [] };
    const edited = { ...menu, categories: menu.categories.map((c, i) => (i === 0 ? { ...c, items: [...c.items, risotto] } : c)) };
    const put = await api(owner, 'PUT', RESTAURANT, 'menu', { menu: edited });
    expect(put.status).toBe(200);
    expect(JSON.stringify(put.json)).toContain('Truffle Risotto');
    expect(menuItems(await toolsOfNextCall('+15550100001'))).toContain('Truffle Risotto');

    const first = menu.categories[0]!.items[0]!;
    const soldOut = await api(owner, 'POST', RESTAURANT, `menu/items/${first.id}/availability`, { available: false });
    expect(soldOut.status).toBe(200);
    expect((soldOut.json as MenuDocument).menu.categories[0]!.items[0]!.available).toBe(false);
    const offered = menuItems(await toolsOfNextCall('+15550100001'));
    expect(offered).not.toContain(first.name);
    expect(offered).toContain('Truffle Risotto');
    expect((await api(owner, 'POST', RESTAURANT, `menu/items/${first.id}/availability`, { available: true })).status).toBe(200);
    expect((await api(owner, 'POST', RESTAURANT, 'menu/items/no-such-item/availability', { available: false })).status).toBe(404);

    const negative = structuredClone(edited);
    negative.categories[0]!.items[0]!.priceCents = -5;
    const bad = await api(owner, 'PUT', RESTAURANT, 'menu', { menu: negative });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ field: 'menu.categories.0.items.0.priceCents' });
    const twice = await api(owner, 'PUT', RESTAURANT, 'menu', { menu: { ...edited, categories: [...edited.categories, { name: 'Again', items: [risotto] }] } });
    expect(twice).toMatchObject({ status: 400, json: { field: expect.stringMatching(/^menu\.categories\.\d+\.items\.0\.id$/) } });
  });

  it('switching a feature off in the settings removes its tool from the next call; switching it back returns it', async () => {
    const current = (await api(owner, 'GET', RESTAURANT, 'settings')).json as TenantSettings;
    const { links: _l, updated_at: _u, ...body } = current;
    expect((await api(owner, 'PUT', RESTAURANT, 'settings', { ...body, features: { ...body.features, order_placing: { enabled: false } } })).status).toBe(200);
    const feature = ((await api(owner, 'GET', RESTAURANT, 'features')).json as TenantFeatureList).items.find((f) => f.name === 'order_placing');
    expect(feature).toMatchObject({ tenant: { enabled: false }, effective: { client: false } });
    const names = (await toolsOfNextCall('+15550100001')).map((t) => t.name);
    expect(names).not.toContain('place_order');
    expect(names).toContain('search_knowledge_base');

    expect((await api(owner, 'PUT', RESTAURANT, 'settings', body)).status).toBe(200);
    expect((await toolsOfNextCall('+15550100001')).map((t) => t.name)).toContain('place_order');
  });

  it('a new service reaches the barbershop’s next call', async () => {
    const { catalog } = (await api(barber, 'GET', BARBERSHOP, 'catalog')).json as CatalogDocument;
    const hotTowel = { id: 'scalp-massage', name: 'Scalp Massage', durationMinutes: 30, priceCents: 3000 };
    const put = await api(barber, 'PUT', BARBERSHOP, 'catalog', { catalog: { ...catalog, services: [...catalog.services, hotTowel] } });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect(services(await toolsOfNextCall('+15550100002'))).toContain('Scalp Massage');
    const bad = await api(barber, 'PUT', BARBERSHOP, 'catalog', { catalog: { ...catalog, staff: [] } });
    expect(bad).toMatchObject({ status: 400, json: { field: 'catalog.staff' } });
  });

  it('two editors of one menu or catalog: a save over a version read before the other changed it is a 412, and nothing is lost', async () => {
    const read = await api(owner, 'GET', RESTAURANT, 'menu');
    expect(read.etag).toMatch(/^"v\d+"$/);
    const { menu } = read.json as MenuDocument;
    const first = menu.categories[0]!.items[0]!;
    // Another tab marks an item sold out: a new version.
    const sold = await api(owner, 'POST', RESTAURANT, `menu/items/${first.id}/availability`, { available: false });
    expect(sold.etag).not.toBe(read.etag);
    // This tab saves its older copy with the tag it read: refused, the sold-out kept.
    const stale = await api(owner, 'PUT', RESTAURANT, 'menu', { menu: { ...menu, prepMinutes: 45 } }, { 'if-match': read.etag! });
    expect(stale).toMatchObject({ status: 412, json: { error: 'stale', message: expect.stringContaining('the menu changed after') } });
    const now = await api(owner, 'GET', RESTAURANT, 'menu');
    expect(now.etag).toBe(sold.etag);
    expect((now.json as MenuDocument).menu).toEqual({ ...menu, categories: (sold.json as MenuDocument).menu.categories });
    // Read again, change again: saved, with the next tag.
    const fresh = await api(owner, 'PUT', RESTAURANT, 'menu', { menu: { ...(now.json as MenuDocument).menu, prepMinutes: 45 } }, { 'if-match': now.etag! });
    expect(fresh.status).toBe(200);
    expect((fresh.json as MenuDocument).menu.prepMinutes).toBe(45);
    expect(fresh.etag).not.toBe(now.etag);
    // A tag that names no version of ours matches nothing; no If-Match replaces the menu as before.
    expect((await api(owner, 'PUT', RESTAURANT, 'menu', { menu }, { 'if-match': 'W/"something-else"' })).status).toBe(412);
    // A version the menu has not reached is no version of it: refused, and no gap left in its stream.
    expect((await api(owner, 'PUT', RESTAURANT, 'menu', { menu }, { 'if-match': '"v999999"' })).status).toBe(412);
    expect((await api(owner, 'GET', RESTAURANT, 'menu')).etag).toBe(fresh.etag);
    expect((await api(owner, 'PUT', RESTAURANT, 'menu', { menu })).status).toBe(200);

    const catalog = await api(barber, 'GET', BARBERSHOP, 'catalog');
    const body = catalog.json as CatalogDocument;
    const saved = await api(barber, 'PUT', BARBERSHOP, 'catalog', { catalog: { ...body.catalog, slotMinutes: 20 } }, { 'if-match': catalog.etag! });
    expect(saved.status).toBe(200);
    const again = await api(barber, 'PUT', BARBERSHOP, 'catalog', { catalog: { ...body.catalog, leadMinutes: 60 } }, { 'if-match': catalog.etag! });
    expect(again).toMatchObject({ status: 412, json: { error: 'stale' } });
    expect(((await api(barber, 'GET', BARBERSHOP, 'catalog')).json as CatalogDocument).catalog).toMatchObject({ slotMinutes: 20, leadMinutes: body.catalog.leadMinutes });
    expect((await api(barber, 'PUT', BARBERSHOP, 'catalog', body, { 'if-match': saved.etag! })).status).toBe(200);
  });

  it('settings too: a save over a version read before another change is a 412, and the other change stays', async () => {
    const read = await api(owner, 'GET', RESTAURANT, 'settings');
    expect(read.etag).toMatch(/^"v\d+"$/);
    const { links: _l, updated_at: _u, ...body } = read.json as TenantSettings;
    const first = await api(owner, 'PUT', RESTAURANT, 'settings', { ...body, max_concurrent_calls: 3 }, { 'if-match': read.etag! });
    expect(first.status).toBe(200);
    expect(first.etag).not.toBe(read.etag);
    const second = await api(owner, 'PUT', RESTAURANT, 'settings', { ...body, display_name: 'Overwriting Tab' }, { 'if-match': read.etag! });
    expect(second).toMatchObject({ status: 412, json: { error: 'stale', message: expect.stringContaining('the settings changed after') } });
    expect((await api(owner, 'GET', RESTAURANT, 'settings')).json).toMatchObject({ display_name: body.display_name, max_concurrent_calls: 3 });
    expect((await api(owner, 'PUT', RESTAURANT, 'settings', body, { 'if-match': '"v999999"' })).status).toBe(412);
    expect((await api(owner, 'GET', RESTAURANT, 'settings')).etag).toBe(first.etag);
    expect((await api(owner, 'PUT', RESTAURANT, 'settings', body)).status).toBe(200);
  });

  it('knowledge-base documents: If-Match over an older version is a 412; If-None-Match: * never overwrites a document', async () => {
    const path = 'knowledge-base/documents/hours-location';
    const read = await api(owner, 'GET', RESTAURANT, path);
    expect(read.etag).toMatch(/^"v\d+"$/);
    const { title, format, body } = read.json as { title: string; format: string; body: string };
    const edited = await api(owner, 'PUT', RESTAURANT, path, { title, format, body: `${body}\n\nValet parking on Fridays.` }, { 'if-match': read.etag! });
    expect(edited.status).toBe(200);
    const stale = await api(owner, 'PUT', RESTAURANT, path, { title, format, body: 'An older copy.' }, { 'if-match': read.etag! });
    expect(stale).toMatchObject({ status: 412, json: { error: 'stale' } });
    const taken = await api(owner, 'PUT', RESTAURANT, path, { title: 'Hours', format, body: 'A new document under a taken id.' }, { 'if-none-match': '*' });
    expect(taken).toMatchObject({ status: 412, json: { error: 'exists' } });
    expect(((await api(owner, 'GET', RESTAURANT, path)).json as { body: string }).body).toContain('Valet parking on Fridays.');
    expect((await api(owner, 'PUT', RESTAURANT, path, { title, format, body }, { 'if-match': edited.etag! })).status).toBe(200);

    const fresh = await api(owner, 'PUT', RESTAURANT, 'knowledge-base/documents/valet', { title: 'Valet', format: 'text', body: 'Valet parking on Fridays from 6 PM.' }, { 'if-none-match': '*' });
    expect(fresh).toMatchObject({ status: 200, etag: '"v1"' });
    expect((await api(owner, 'DELETE', RESTAURANT, 'knowledge-base/documents/valet')).status).toBe(204);
  });

  it('staff may read the menu but not change it, the catalog or the feature list; another tenant gets 404', async () => {
    expect((await api(staff, 'GET', RESTAURANT, 'menu')).status).toBe(200);
    for (const [method, path] of [['GET', 'features'], ['PUT', 'menu'], ['POST', 'menu/items/x/availability'], ['PUT', 'catalog']] as const) {
      expect((await api(staff, method, RESTAURANT, path, method === 'GET' ? undefined : {})).status, `${method} ${path}`).toBe(403);
    }
    expect((await api(barber, 'PUT', RESTAURANT, 'menu', {})).status).toBe(404);
    expect((await api(barber, 'GET', RESTAURANT, 'features')).status).toBe(404);
  });
});
