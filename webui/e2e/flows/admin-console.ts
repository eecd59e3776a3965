import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { BrowserSuite } from '../harness/browser-suite.js';
import { settled, signIn } from '../harness/page-tools.js';
import { ADMIN_TOKEN, type Portal } from '../harness/portal-server.js';

type TenantRow = { id: string; name: string; vertical: string; time_zone: string; phone_numbers: string[]; status: string };

/** The platform admin, token entered once: tenants created, refused, suspended and resumed. */
export function adminConsole(suite: BrowserSuite) {
  let portal: Portal;
  let page: Page;
  const tenants = async () => ((await portal.api('/api/admin/tenants', { admin: true })).body as { items: TenantRow[] }).items;

  beforeAll(async () => {
    portal = suite.portal;
    page = await suite.newPage();
  });

  it('refuses a wrong token and keeps asking', async () => {
    await page.goto(`${portal.baseUrl}/admin/`);
    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('That token was refused.').waitFor();
  });

  it('creates a tenant, which the admin API then lists', async () => {
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('tab', { name: 'Tenants' }).waitFor();
    await settled(page);
    await page.getByRole('button', { name: 'Create tenant' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Business name').fill('Luigi’s Pizza');
    await dialog.getByLabel('Tenant id').fill('luigis_pizza');
    await dialog.getByLabel('Kind of business').selectOption('restaurant');
    await dialog.getByLabel('Time zone').selectOption('Europe/Rome');
    await dialog.getByLabel('Phone numbers').fill('+15550100077');
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    await page.getByText('Created luigis_pizza.').waitFor();
    expect((await tenants()).find((t) => t.id === 'luigis_pizza')).toMatchObject({ name: 'Luigi’s Pizza', vertical: 'restaurant', time_zone: 'Europe/Rome', phone_numbers: ['+15550100077'], status: 'active' });
    await page.getByRole('cell', { name: /luigis_pizza/ }).first().waitFor();
  });

  it('shows the server’s refusal next to the field: an id already taken', async () => {
    await page.getByRole('button', { name: 'Create tenant' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Business name').fill('Another Luigi');
    await dialog.getByLabel('Tenant id').fill('luigis_pizza');
    await dialog.getByRole('button', { name: 'Create tenant' }).click();
    await dialog.getByRole('alert').first().waitFor();
    expect(await dialog.textContent()).toMatch(/taken|exists|already/i);
    expect((await tenants()).filter((t) => t.id === 'luigis_pizza')).toHaveLength(1);
    await page.keyboard.press('Escape');
  });

  it('suspends and resumes the new tenant', async () => {
    await page.getByRole('button', { name: 'Suspend luigis_pizza' }).click();
    await page.getByRole('button', { name: 'Resume luigis_pizza' }).waitFor();
    expect((await tenants()).find((t) => t.id === 'luigis_pizza')?.status).toBe('suspended');
    await page.getByRole('button', { name: 'Resume luigis_pizza' }).click();
    await page.getByRole('button', { name: 'Suspend luigis_pizza' }).waitFor();
    expect((await tenants()).find((t) => t.id === 'luigis_pizza')?.status).toBe('active');
  });

  it("the new restaurant's owner starts its first menu on Settings, and the API serves it", async () => {
    const owner = { email: 'owner@luigis-pizza.test', password: 'luigis-pizza-pass-1' };
    expect((await portal.api('/api/admin/tenants/luigis_pizza/owners', { method: 'POST', admin: true, body: { ...owner, role: 'owner' } })).status).toBe(201);
    const ownerPage = await suite.newPage();
    await signIn(ownerPage, portal.baseUrl, owner);
    await ownerPage.goto(`${portal.baseUrl}/settings/`);
    await settled(ownerPage);
    const menu = ownerPage.getByRole('region', { name: 'Menu' });
    await menu.getByText('No menu yet').waitFor();
    await menu.getByRole('button', { name: 'Add an item' }).click();
    const item = menu.getByRole('group', { name: 'New item 1', exact: true });
    await item.getByLabel('Name', { exact: true }).fill('Margherita');
    await item.getByLabel('Price ($)').fill('11.50');
    await menu.getByRole('button', { name: 'Save menu' }).click();
    await menu.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await menu.getByText('No menu yet').count(), 'once saved, the menu is no longer "none yet"').toBe(0);
    const session = await portal.signInApi(owner);
    const saved = (await portal.api('/api/tenants/luigis_pizza/menu', { session })).body as { menu: { categories: Array<{ name: string; items: Array<{ name: string; priceCents: number; available: boolean }> }> } };
    expect(saved.menu.categories).toEqual([expect.objectContaining({ name: 'Menu', items: [expect.objectContaining({ name: 'Margherita', priceCents: 1150, available: true })] })]);
  });
}
