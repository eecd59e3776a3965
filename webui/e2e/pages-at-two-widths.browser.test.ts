import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium.js';
import { OWNER_PAGES, WIDTHS } from './harness/main-pages.js';
import { screenshot, seriousAxeFindings, settled, sidewaysScroll, signIn } from './harness/page-tools.js';
import { ADMIN_TOKEN, DEMO, startPortal, type Portal } from './harness/portal-server.js';

/**
 * Each main page, signed in as the demo restaurant owner, at 1280 and 375 px: axe-core finds
 * nothing serious or critical, nothing scrolls sideways, and a screenshot lands in
 * screenshots-local/ (the README's come from there).
 */
describe.each(WIDTHS)('every main page at $width px', (viewport) => {
  let portal: Portal;
  let browser: Browser;
  let page: Page;
  const problems = (name: string, found: string[], sideways: number) => [...found.map((f) => `${name}: axe ${f}`), ...(sideways > 0 ? [`${name}: scrolls ${sideways}px sideways`] : [])];
  const check = async (name: string) => {
    await settled(page);
    await screenshot(page, name);
    return problems(name, await seriousAxeFindings(page), await sidewaysScroll(page));
  };

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchChromium()]);
    page = await browser.newPage({ viewport });
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('sign-in', async () => {
    await page.goto(`${portal.baseUrl}/sign-in/`);
    expect(await check('sign-in')).toEqual([]);
    await signIn(page, portal.baseUrl, DEMO.restaurant);
  });

  it.each(OWNER_PAGES)('%s', async (name, route) => {
    await page.goto(`${portal.baseUrl}${route}`);
    if (name === 'ask') {
      await page.getByLabel('Your question').fill('How many orders last week?');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await page.getByTestId('answer-number').waitFor();
      await page.getByText('How this was answered').click();
    }
    expect(await page.title()).toMatch(/Vozlia/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await check(name)).toEqual([]);
  });

  it('a call in detail', async () => {
    await page.goto(`${portal.baseUrl}/calls/`);
    await settled(page);
    await page.getByRole('link', { name: /^View call/ }).first().click();
    await page.waitForURL(/\/calls\/detail\//);
    expect(await check('call-detail')).toEqual([]);
  });

  it('the admin console', async () => {
    await page.goto(`${portal.baseUrl}/admin/`);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('tab', { name: 'Tenants' }).waitFor();
    expect(await check('admin')).toEqual([]);
  });
});
