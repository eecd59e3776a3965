// Dev only: signs in to a running portal (the mock, or the real backend) with Debian's chromium
// and writes each main page at 1280 and 375 px wide to screenshots-local/ (git-ignored), and
// reports any page that scrolls sideways. `node --import tsx dev/screenshots.ts --url http://127.0.0.1:3210`
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';

const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:3000' }, email: { type: 'string', default: 'owner@demo-restaurant.test' }, password: { type: 'string', default: 'demo-restaurant-pass' }, admin: { type: 'string', default: 'dev-admin' } } });
const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots-local');
const PAGES = [
  ['today', '/'],
  ['calls', '/calls/'],
  ['orders', '/orders/'],
  ['ask', '/ask/'],
  ['skills', '/skills/'],
  ['knowledge-base', '/knowledge-base/'],
  ['audit', '/audit/'],
  ['usage', '/usage/'],
  ['settings', '/settings/'],
] as const;
const WIDTHS = [1280, 375] as const;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical findings on the page as it stands. */
async function axeFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    const { violations } = await axe.run();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
  });
}

/** Every query on screen has answered (no spinner left). */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.state-loading'), undefined, { timeout: 20_000 });
  await page.waitForTimeout(300);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  await page.screenshot({ path: path.join(OUT, `${name}-full.png`), fullPage: true });
}

async function sideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
mkdirSync(OUT, { recursive: true });
const problems: string[] = [];
for (const width of WIDTHS) {
  const context = await browser.newContext({ viewport: { width, height: width === 375 ? 812 : 900 } });
  const page = await context.newPage();
  await page.goto(`${values.url}/sign-in/`);
  await shoot(page, `sign-in-${width}`);
  for (const finding of await axeFindings(page)) problems.push(`sign-in @${width}: axe ${finding}`);
  await page.getByLabel('Email').fill(values.email);
  await page.getByLabel('Password').fill(values.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  for (const [name, route] of PAGES) {
    await page.goto(`${values.url}${route}`);
    await settled(page);
    if (name === 'ask') {
      await page.getByLabel('Your question').fill('How many orders last week?');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await page.getByText('How this was answered').click();
      await settled(page);
    }
    const over = await sideways(page);
    if (over > 0) problems.push(`${name} @${width}: ${over}px sideways`);
    for (const finding of await axeFindings(page)) problems.push(`${name} @${width}: axe ${finding}`);
    await shoot(page, `${name}-${width}`);
  }
  await page.goto(`${values.url}/calls/`);
  await settled(page);
  await page.getByRole('link', { name: /^View call/ }).first().click();
  await page.waitForURL(/\/calls\/detail/);
  await settled(page);
  await shoot(page, `call-detail-${width}`);
  await page.goto(`${values.url}/admin/`);
  await page.getByLabel('Admin token').fill(values.admin);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('tab', { name: 'Tenants' }).waitFor();
  await settled(page);
  if ((await sideways(page)) > 0) problems.push(`admin @${width}`);
  for (const finding of await axeFindings(page)) problems.push(`admin @${width}: axe ${finding}`);
  await shoot(page, `admin-${width}`);
  await context.close();
}
await browser.close();
process.stdout.write(`${problems.length ? `problems:\n${problems.join('\n')}` : `no page scrolls sideways, axe finds nothing serious; screenshots in ${OUT}`}\n`);
