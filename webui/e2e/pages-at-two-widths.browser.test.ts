import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from './harness/browser-suite.js';
import { OWNER_PAGES, WIDTHS } from './harness/main-pages.js';
import { screenshot, seriousAxeFindings, settled, sidewaysScroll, signIn } from './harness/page-tools.js';
import { ADMIN_TOKEN, DEMO } from './harness/portal-server.js';

/**
 * Each main page, signed in as the demo restaurant owner, at 1280 and 375 px: nothing scrolls
 * sideways, the page has its title and language, a screenshot lands in screenshots-local/ (the
 * README's come from there), and at 1280 px axe-core finds nothing serious or critical (one scan
 * per page: the same markup, and axe is most of a page's time here).
 */
const suite = browserSuite();
const AXE_WIDTH = 1280;

describe.each(WIDTHS)('every main page at $width px', (viewport) => {
  let page: Page;
  /** Screenshot, then every problem found on the page as it stands, as readable lines. */
  const check = async (name: string) => {
    await settled(page);
    await screenshot(page, name);
    const sideways = await sidewaysScroll(page);
    const axe = viewport.width === AXE_WIDTH ? await seriousAxeFindings(page) : [];
    return [...axe.map((f) => `axe: ${f}`), ...(sideways > 0 ? [`scrolls ${sideways}px sideways`] : [])];
  };

  beforeAll(async () => {
    page = await suite.newPage(viewport);
  });

  it('sign-in', async () => {
    await page.goto(`${suite.portal.baseUrl}/sign-in/`);
    expect(await check('sign-in')).toEqual([]);
    await signIn(page, suite.portal.baseUrl, DEMO.restaurant);
  });

  it.each(OWNER_PAGES)('%s', async (name, route) => {
    await page.goto(`${suite.portal.baseUrl}${route}`);
    if (name === 'ask') {
      await page.getByLabel('Your question').fill('How many orders last week?');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await page.getByTestId('answer-number').waitFor();
      await page.getByText('How this was answered').click();
    }
    expect(await check(name)).toEqual([]);
    expect(await page.title()).toMatch(/Vozlia/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('a call in detail', async () => {
    await page.goto(`${suite.portal.baseUrl}/calls/`);
    await settled(page);
    await page.getByRole('link', { name: /^View call/ }).first().click();
    await page.waitForURL(/\/calls\/detail\//);
    expect(await check('call-detail')).toEqual([]);
  });

  it('the admin console', async () => {
    await page.goto(`${suite.portal.baseUrl}/admin/`);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('tab', { name: 'Tenants' }).waitFor();
    expect(await check('admin')).toEqual([]);
  });
});
