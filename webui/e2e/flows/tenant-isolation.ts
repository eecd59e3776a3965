import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { BrowserSuite } from '../harness/browser-suite.js';
import { settled, signIn } from '../harness/page-tools.js';
import { DEMO, type ApiSession, type Portal } from '../harness/portal-server.js';

const restaurant = (path: string) => `/api/tenants/${DEMO.restaurant.tenantId}/${path}`;

/** The demo barbershop's owner cannot open the demo restaurant's data, in the UI or the API. */
export function tenantIsolation(suite: BrowserSuite) {
  let portal: Portal;
  let page: Page;
  let barbershop: ApiSession;
  let restaurantCall: { call_sid: string; caller?: string | null };
  /** Strings only the restaurant's records hold: its order ids, call sids and customer phones. */
  let restaurantMarks: string[];
  const seenByPage: string[] = [];

  beforeAll(async () => {
    portal = suite.portal;
    const restaurantSession = await portal.signInApi(DEMO.restaurant);
    barbershop = await portal.signInApi(DEMO.barbershop);
    const calls = await portal.api(restaurant('calls'), { session: restaurantSession });
    restaurantCall = (calls.body as { items: Array<{ call_sid: string }> }).items[0]!;
    const orders = await portal.api(restaurant('orders'), { session: restaurantSession });
    const orderItems = (orders.body as { items: Array<{ id: string; customer_phone: string | null }> }).items;
    const callItems = (calls.body as { items: Array<{ call_sid: string }> }).items;
    restaurantMarks = [...orderItems.flatMap((o) => [o.id, ...(o.customer_phone ? [o.customer_phone] : [])]), ...callItems.map((c) => c.call_sid)];
    expect(restaurantCall, 'the demo restaurant has calls').toBeDefined();
    expect(orderItems.length).toBeGreaterThan(0);
    page = await suite.newPage();
    // Every API answer the barbershop's pages receive, to look for the restaurant's records in.
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/')) void res.text().then((t) => seenByPage.push(t), () => undefined);
    });
    await signIn(page, portal.baseUrl, DEMO.barbershop);
  });

  it('API: every restaurant route answers the barbershop session 403 or 404, never data', async () => {
    for (const path of ['orders', 'calls', 'appointments', 'audit', 'dashboard', 'menu', 'features', `calls/${restaurantCall.call_sid}`]) {
      const res = await portal.api(restaurant(path), { session: barbershop });
      expect([403, 404], path).toContain(res.status);
      expect(JSON.stringify(res.body), path).not.toContain('"items"');
    }
    const write = await portal.api(restaurant('ask'), { method: 'POST', session: barbershop, body: { question: 'How many orders last week?' } });
    expect([403, 404]).toContain(write.status);
    const menu = await portal.api(restaurant('menu'), { method: 'PUT', session: barbershop, body: { menu: {} } });
    expect([403, 404]).toContain(menu.status);
  });

  it("UI: the restaurant's call opened by its link shows no transcript, only that it is not there", async () => {
    await page.goto(`${portal.baseUrl}/calls/detail/?id=${encodeURIComponent(restaurantCall.call_sid)}`);
    await settled(page);
    const refusal = page.locator('.state-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/Not found|Not available/);
    expect(await page.getByRole('heading', { name: /^Call from/ }).count()).toBe(0);
  });

  it("UI: the barbershop's own pages never show or receive a restaurant record", async () => {
    for (const route of ['/', '/calls/', '/appointments/', '/orders/', '/audit/']) {
      await page.goto(`${portal.baseUrl}${route}`);
      await settled(page);
      const text = (await page.locator('main').textContent()) ?? '';
      for (const mark of restaurantMarks) expect(text, `${route} shows ${mark}`).not.toContain(mark);
    }
    expect(seenByPage.length).toBeGreaterThan(0);
    const received = seenByPage.join('\n');
    for (const mark of restaurantMarks) expect(received).not.toContain(mark);
  });

  it('UI: Settings edits the barbershop’s services and staff and its booking hours, and shows no menu', async () => {
    const own = (path: string) => `/api/tenants/${DEMO.barbershop.tenantId}/${path}`;
    const before = (await portal.api(own('catalog'), { session: barbershop })).body;
    await page.goto(`${portal.baseUrl}/settings/`);
    await settled(page);
    const section = page.getByRole('region', { name: 'Services and staff' });
    expect(await page.getByRole('region', { name: 'Menu' }).count()).toBe(0);
    await section.getByRole('group', { name: 'Haircut', exact: true }).getByLabel('Price ($)').fill('36');
    await section.getByRole('button', { name: 'Save services and staff' }).click();
    await section.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const after = (await portal.api(own('catalog'), { session: barbershop })).body as { catalog: { services: Array<{ id: string; priceCents: number }> } };
    expect(after.catalog.services.find((s) => s.id === 'haircut')?.priceCents).toBe(3600);

    // Booking hours are their own form, saved over the services just saved.
    const hours = page.getByRole('region', { name: 'Booking hours' });
    await hours.getByRole('group', { name: 'Booking hours 3', exact: true }).getByLabel('Closes', { exact: true }).fill('16:00');
    await hours.getByRole('button', { name: 'Save booking hours' }).click();
    await hours.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const later = (await portal.api(own('catalog'), { session: barbershop })).body as { catalog: { hours: { weekly: Array<{ days: number[]; close: number }> }; services: Array<{ id: string; priceCents: number }> } };
    expect(later.catalog.hours.weekly[2]).toMatchObject({ days: [7], close: 16 * 60 });
    expect(later.catalog.services).toEqual(after.catalog.services);
    expect((await portal.api(own('catalog'), { method: 'PUT', session: barbershop, body: before })).status).toBe(200);
  });

  it("UI: the page's own session, asking the API for the restaurant, is refused", async () => {
    const statuses = await page.evaluate(async (paths) => Promise.all(paths.map(async (p) => (await fetch(p)).status)), [restaurant('orders'), restaurant('calls')]);
    for (const status of statuses) expect([403, 404]).toContain(status);
  });
}
