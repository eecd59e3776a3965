import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { BrowserSuite } from '../harness/browser-suite.js';
import { placeOpenOrder } from '../harness/open-order.js';
import { screenshot, settled, signIn } from '../harness/page-tools.js';
import { DEMO, ORDERS_LAST_WEEK, type ApiSession, type Portal } from '../harness/portal-server.js';

const { tenantId } = DEMO.restaurant;
const tenantApi = (path: string) => `/api/tenants/${tenantId}/${path}`;
/** "$1,234.50" → 123450; "12" → 12: what a figure on screen says, as the API's integer. */
const shownNumber = (text: string, cents: boolean) => Math.round(Number(text.replace(/[^0-9.-]/g, '')) * (cents ? 100 : 1));

/** The demo restaurant's owner at work: sign in, Today, ask, an order, an access code, the menu and switches, kitchen hours, sign out. */
export function ownerFlows(suite: BrowserSuite) {
  let portal: Portal;
  let page: Page;
  let session: ApiSession;

  beforeAll(async () => {
    portal = suite.portal;
    page = await suite.newPage();
    session = await portal.signInApi(DEMO.restaurant);
  });

  it('signs the demo restaurant owner in through the form; the navigation offers Orders, Ask and Sign out', async () => {
    await page.goto(`${portal.baseUrl}/orders/`);
    await page.waitForURL(/\/sign-in\//);
    await signIn(page, portal.baseUrl, DEMO.restaurant);
    // Back to the page they came for.
    await page.waitForURL(/\/orders\/$/);
    // The navigation waits for the business's profile (its areas); each control must appear.
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: /Orders/ }).first().waitFor();
    await nav.getByRole('link', { name: /Ask/ }).first().waitFor();
    await page.getByRole('button', { name: /Sign out/ }).first().waitFor();
  });

  it("shows Today's figures exactly as the API counts them", async () => {
    const res = await portal.api(`${tenantApi('dashboard')}?days=30`, { session });
    expect(res.status).toBe(200);
    const dashboard = res.body as { today: string; days: Array<Record<string, number | string>> };
    const today = dashboard.days.find((d) => d.date === dashboard.today)!;
    await page.goto(`${portal.baseUrl}/`);
    await settled(page);
    for (const key of ['calls', 'orders', 'revenue_cents', 'missed_calls']) {
      const shown = await page.getByTestId(`today-${key}`).textContent();
      expect(shownNumber(shown ?? '', key === 'revenue_cents'), key).toBe(today[key]);
    }
    // A restaurant takes no appointments: the page leaves that figure out rather than show a 0.
    expect(await page.getByTestId('today-appointments').count()).toBe(0);
    // The demo history is not empty: a page of zeros would prove nothing.
    expect(dashboard.days.some((d) => Number(d.orders) > 0)).toBe(true);
  });

  it('asks "how many orders last week" and shows the answer with the SQL that ran', async () => {
    const expected = await portal.api(tenantApi('query'), { method: 'POST', session, body: { spec: ORDERS_LAST_WEEK } });
    expect(expected.status).toBe(200);
    const count = (expected.body as { rows: Array<{ orders: number }> }).rows[0]!.orders;
    await page.getByRole('navigation').getByRole('link', { name: /Ask/ }).click();
    await page.getByLabel('Your question').fill('How many orders last week?');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect(page.getByTestId('answer-number').textContent({ timeout: 15_000 })).resolves.toBe(count.toLocaleString('en-US'));
    await page.getByText('How this was answered').click();
    const sqlShown = await page.getByLabel('SQL').textContent();
    expect(sqlShown).toMatch(/select/i);
    expect(sqlShown).toContain('tenant_id');
    // The question went to the (fake) text model, and the portal's run is in the audit trail.
    expect(portal.textModel.requests.some((r) => JSON.stringify(r.body).includes('How many orders last week?'))).toBe(true);
    const audit = await portal.api(tenantApi('audit'), { session });
    expect((audit.body as { items: Array<{ source: string }> }).items.some((e) => e.source === 'portal')).toBe(true);
  });

  it("changes an order's status, and the API records it", async () => {
    const orderId = await placeOpenOrder(portal, tenantId, 'Browser Test Customer');
    await page.goto(`${portal.baseUrl}/orders/`);
    await settled(page);
    const row = page.getByRole('row').filter({ hasText: orderId });
    await row.getByRole('button', { name: 'Change status of order from Browser Test Customer' }).click();
    await page.getByLabel('New status').selectOption('confirmed');
    await page.getByRole('button', { name: 'Save status' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await row.getByText('Confirmed').waitFor();
    const after = await portal.api(`${tenantApi('orders')}?status=confirmed`, { session });
    expect((after.body as { items: Array<{ id: string }> }).items.map((o) => o.id)).toContain(orderId);
  });

  it('issues an access code, shown once, and revokes it', async () => {
    const ids = async () => ((await portal.api(tenantApi('access-codes'), { session })).body as { items: Array<{ id: string }> }).items.map((c) => c.id);
    const before = await ids();
    await page.goto(`${portal.baseUrl}/settings/`);
    await settled(page);
    await page.getByRole('button', { name: 'Issue customer code' }).click();
    const code = (await page.getByTestId('issued-code').textContent()) ?? '';
    expect(code).toMatch(/^\d{8}$/);
    await screenshot(page, 'settings-code-issued');
    await page.keyboard.press('Escape');
    const listed = await portal.api(tenantApi('access-codes'), { session });
    expect(JSON.stringify(listed.body), 'a listed code never shows its digits').not.toContain(code);
    const issued = (await ids()).filter((id) => !before.includes(id));
    expect(issued).toHaveLength(1);
    await page.getByRole('button', { name: `Revoke customers code ${issued[0]!.slice(0, 8)}` }).click();
    await page.getByRole('button', { name: 'Revoke code' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await ids()).toEqual(before);
  });

  it('marks a menu item sold out, changes its price and the delivery fee, and switches a feature off; the API shows both', async () => {
    const menuBefore = (await portal.api(tenantApi('menu'), { session })).body as { menu: Record<string, unknown> };
    const settingsBefore = (await portal.api(tenantApi('settings'), { session })).body as Record<string, unknown>;
    await page.goto(`${portal.baseUrl}/settings/`);
    await settled(page);

    const menu = page.getByRole('region', { name: 'Menu' });
    const calamari = menu.getByRole('group', { name: 'Fried Calamari', exact: true });
    await calamari.getByLabel('Fried Calamari available').uncheck();
    await calamari.getByLabel('Price ($)').fill('14.50');
    await menu.getByLabel('Delivery fee ($)').fill('4.50');
    await menu.getByRole('button', { name: 'Save menu' }).click();
    await menu.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await calamari.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-menu');
    const after = (await portal.api(tenantApi('menu'), { session })).body as {
      menu: { delivery: { feeCents: number }; categories: Array<{ items: Array<{ id: string; available: boolean; priceCents: number }> }> };
    };
    expect(after.menu.categories.flatMap((c) => c.items).find((i) => i.id === 'calamari')).toMatchObject({ available: false, priceCents: 1450 });
    expect(after.menu.delivery.feeCents).toBe(450);

    const switches = page.getByRole('region', { name: 'Feature switches' });
    const summaries = switches.getByRole('group', { name: 'Call summaries', exact: true });
    await summaries.getByLabel('Call summaries on').uncheck();
    // Off for everyone: which callers no longer applies.
    expect(await summaries.getByLabel('Customers').isDisabled()).toBe(true);
    await switches.getByRole('button', { name: 'Save feature switches' }).click();
    await switches.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await summaries.getByText('Now off').waitFor();
    const features = (await portal.api(tenantApi('features'), { session })).body as { items: Array<{ name: string; tenant: unknown; effective: unknown }> };
    expect(features.items.find((f) => f.name === 'call_summary')).toMatchObject({ tenant: { enabled: false }, effective: { client: false, owner: false } });

    // Leave the demo as it was for the flows after this one.
    const { links: _links, updated_at: _updated, ...body } = settingsBefore;
    expect((await portal.api(tenantApi('settings'), { method: 'PUT', session, body })).status).toBe(200);
    expect((await portal.api(tenantApi('menu'), { method: 'PUT', session, body: menuBefore })).status).toBe(200);
  });

  it('moves a kitchen closing time and opens a closed date for lunch; the API shows the hours, the menu kept', async () => {
    type StoredMenu = { menu: { hours: { weekly: Array<{ close: number }>; overrides: Array<{ date: string; ranges: unknown[] }> }; categories: unknown[] } };
    const before = (await portal.api(tenantApi('menu'), { session })).body as StoredMenu;
    await page.goto(`${portal.baseUrl}/settings/`);
    await settled(page);

    const hours = page.getByRole('region', { name: 'Kitchen hours' });
    const firstClose = hours.getByRole('group', { name: 'Kitchen hours 1', exact: true }).getByLabel('Closes', { exact: true });
    // The demo's opening hours are its kitchen hours: copying them undoes an edit.
    await firstClose.fill('23:00');
    await hours.getByRole('button', { name: 'Copy opening hours' }).click();
    expect(await firstClose.inputValue()).toBe('21:30');
    await firstClose.fill('22:00');
    const christmas = hours.getByRole('group', { name: 'Date 1', exact: true });
    expect(await christmas.getByLabel('Date', { exact: true }).inputValue()).toBe('2026-12-25');
    await christmas.getByText('Closed all day.').waitFor();
    await christmas.getByRole('button', { name: 'Open that day (date 1)' }).click();
    await christmas.getByLabel('Opens that day', { exact: true }).fill('12:00');
    await hours.getByRole('button', { name: 'Save kitchen hours' }).click();
    await hours.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await christmas.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-kitchen-hours');

    const after = (await portal.api(tenantApi('menu'), { session })).body as StoredMenu;
    expect(after.menu.hours.weekly.map((w) => w.close)).toEqual([22 * 60, ...before.menu.hours.weekly.slice(1).map((w) => w.close)]);
    expect(after.menu.hours.overrides[0]).toEqual({ date: '2026-12-25', ranges: [{ open: 12 * 60, close: 13 * 60 }] });
    expect(after.menu.hours.overrides.slice(1)).toEqual(before.menu.hours.overrides.slice(1));
    expect(after.menu.categories).toEqual(before.menu.categories);
    expect((await portal.api(tenantApi('menu'), { method: 'PUT', session, body: before })).status).toBe(200);
  });

  it('a menu changed elsewhere after the page loaded: saving the older copy is refused with a reload hint, and the other change stays', async () => {
    type StoredMenu = { menu: { delivery: { feeCents: number }; categories: Array<{ items: Array<{ id: string; available: boolean }> }> } };
    const calamari = (m: StoredMenu) => m.menu.categories.flatMap((c) => c.items).find((i) => i.id === 'calamari');
    await page.goto(`${portal.baseUrl}/settings/`);
    await settled(page);
    const before = (await portal.api(tenantApi('menu'), { session })).body as StoredMenu;
    // Another tab (or the manager) marks the calamari sold out.
    expect((await portal.api(tenantApi('menu/items/calamari/availability'), { method: 'POST', session, body: { available: false } })).status).toBe(200);

    const menu = page.getByRole('region', { name: 'Menu' });
    await menu.getByLabel('Delivery fee ($)').fill('6.00');
    await menu.getByRole('button', { name: 'Save menu' }).click();
    await menu.getByRole('alert').filter({ hasText: 'Reload the page' }).waitFor();
    const after = (await portal.api(tenantApi('menu'), { session })).body as StoredMenu;
    expect(calamari(after)?.available).toBe(false);
    expect(after.menu.delivery.feeCents).toBe(before.menu.delivery.feeCents);

    // Reloaded, the page shows the change and saves over it.
    await page.reload();
    await settled(page);
    expect(await menu.getByLabel('Fried Calamari available').isChecked()).toBe(false);
    await menu.getByLabel('Fried Calamari available').check();
    await menu.getByRole('button', { name: 'Save menu' }).click();
    await menu.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(calamari((await portal.api(tenantApi('menu'), { session })).body as StoredMenu)?.available).toBe(true);
  });

  it('a new knowledge-base document under an id already in use is refused, and the document there is kept', async () => {
    const before = (await portal.api(tenantApi('knowledge-base/documents/hours-location'), { session })).body as { body: string };
    await page.goto(`${portal.baseUrl}/knowledge-base/document/`);
    await settled(page);
    await page.getByLabel('Title').fill('Hours location');
    expect(await page.getByLabel('Document id').inputValue()).toBe('hours-location');
    await page.getByLabel('Text').fill('A second page about our hours.');
    await page.getByRole('button', { name: 'Save document' }).click();
    await page.getByRole('alert').filter({ hasText: 'already exists' }).waitFor();
    expect(((await portal.api(tenantApi('knowledge-base/documents/hours-location'), { session })).body as { body: string }).body).toBe(before.body);
  });

  it("opens the demo's unanswered transfer: the outcome in words, the message player and the latency", async () => {
    const listed = await portal.api(`${tenantApi('calls')}?outcome=message_taken`, { session });
    const [call] = (listed.body as { items: Array<{ call_sid: string; turn_latency_p50_ms: number | null }> }).items;
    expect(call, 'the demo history has a call that ended in a message').toBeDefined();
    const detail = (await portal.api(tenantApi(`calls/${call!.call_sid}`), { session })).body as {
      transfer: { outcome: string; reason: string } | null;
      message: { recording_url: string } | null;
      turn_latency_p50_ms: number;
      turn_latency_p90_ms: number;
    };
    expect(detail.transfer?.outcome).toBe('no_answer');
    expect(detail.message).not.toBeNull();

    await page.goto(`${portal.baseUrl}/calls/?outcome=message_taken`);
    await settled(page);
    // The list shows each call's typical reply time (p50).
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /View call/ }) }).first();
    await expect(row.textContent()).resolves.toContain(`${detail.turn_latency_p50_ms} ms per reply`);
    await row.getByRole('link', { name: /View call/ }).click();
    await page.waitForURL(/\/calls\/detail\//);
    await page.getByTestId('call-transfer').waitFor();
    const transfer = (await page.getByTestId('call-transfer').textContent()) ?? '';
    expect(transfer).toContain('Nobody answered');
    expect(transfer).toContain(detail.transfer!.reason);
    // The message: a player and a plain link to the same recording, which the browser can fetch.
    const message = page.getByTestId('call-message');
    expect(await message.locator('audio[controls]').getAttribute('src')).toBe(detail.message!.recording_url);
    expect(await message.getByRole('link', { name: 'Open the recording' }).getAttribute('href')).toBe(detail.message!.recording_url);
    const fetched = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type') ?? '' };
    }, detail.message!.recording_url);
    expect(fetched.status).toBe(200);
    expect(fetched.type).toMatch(/^audio\//);
    const latency = (await page.getByTestId('call-reply-latency').textContent()) ?? '';
    expect(latency).toContain(`typical ${detail.turn_latency_p50_ms} ms`);
    expect(latency).toContain(`slowest tenth ${(detail.turn_latency_p90_ms / 1000).toFixed(1)} s`);
    await screenshot(page, 'call-detail-transfer');
  });

  it('signs out: the session is dead on the server', async () => {
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.waitForURL(/\/sign-in\//);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
}
