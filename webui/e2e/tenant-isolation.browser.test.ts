import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium.js';
import { settled, signIn } from './harness/page-tools.js';
import { DEMO, startPortal, type Portal } from './harness/portal-server.js';

const restaurant = (path: string) => `/api/tenants/${DEMO.restaurant.tenantId}/${path}`;

describe("the demo barbershop's owner cannot open the restaurant's data", () => {
  let portal: Portal;
  let browser: Browser;
  let page: Page;
  let barbershopCookie: string;
  let restaurantCall: { call_sid: string; caller?: string | null };
  /** Strings only the restaurant's records hold: its order ids, call sids and customer phones. */
  let restaurantMarks: string[];
  const seenByPage: string[] = [];

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchChromium()]);
    const restaurantCookie = await portal.signInApi(DEMO.restaurant);
    barbershopCookie = await portal.signInApi(DEMO.barbershop);
    const calls = await portal.api(restaurant('calls'), { cookie: restaurantCookie });
    restaurantCall = (calls.body as { items: Array<{ call_sid: string }> }).items[0]!;
    const orders = await portal.api(restaurant('orders'), { cookie: restaurantCookie });
    const orderItems = (orders.body as { items: Array<{ id: string; customer_phone: string | null }> }).items;
    const callItems = (calls.body as { items: Array<{ call_sid: string }> }).items;
    restaurantMarks = [...orderItems.flatMap((o) => [o.id, ...(o.customer_phone ? [o.customer_phone] : [])]), ...callItems.map((c) => c.call_sid)];
    expect(restaurantCall, 'the demo restaurant has calls').toBeDefined();
    expect(orderItems.length).toBeGreaterThan(0);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Every API answer the barbershop's pages receive, to look for the restaurant's records in.
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/')) void res.text().then((t) => seenByPage.push(t), () => undefined);
    });
    await signIn(page, portal.baseUrl, DEMO.barbershop);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('API: every restaurant route answers the barbershop session 403 or 404, never data', async () => {
    for (const path of ['orders', 'calls', 'appointments', 'audit', 'dashboard', `calls/${restaurantCall.call_sid}`]) {
      const res = await portal.api(restaurant(path), { cookie: barbershopCookie });
      expect([403, 404], path).toContain(res.status);
      expect(JSON.stringify(res.body), path).not.toContain('"items"');
    }
    const write = await portal.api(restaurant('ask'), { method: 'POST', cookie: barbershopCookie, body: { question: 'How many orders last week?' } });
    expect([403, 404]).toContain(write.status);
  });

  it("UI: the restaurant's call opened by its link shows no transcript, only that it is not there", async () => {
    await page.goto(`${portal.baseUrl}/calls/detail/?id=${encodeURIComponent(restaurantCall.call_sid)}`);
    await settled(page);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/Not found|Not available/);
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

  it("UI: the page's own session, asking the API for the restaurant, is refused", async () => {
    const statuses = await page.evaluate(async (paths) => Promise.all(paths.map(async (p) => (await fetch(p)).status)), [restaurant('orders'), restaurant('calls')]);
    for (const status of statuses) expect([403, 404]).toContain(status);
  });
});
