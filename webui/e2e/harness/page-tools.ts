import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Request } from 'playwright-core';

/** Where the tests write their screenshots (git-ignored); a chosen few are copied to screenshots/. */
export const SHOTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../screenshots-local');
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Signs in through the form exactly as an owner does (contract §7's labels); stays on a sign-in page already open. */
export async function signIn(page: Page, baseUrl: string, who: { email: string; password: string }): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/sign-in')) await page.goto(`${baseUrl}/sign-in/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/**
 * No API request in flight for this long. Playwright's 'networkidle' waits a fixed 500 ms with no
 * request at all, and Next keeps prefetching the other routes' payloads and chunks for about that
 * long after each page loads: most of a page's time here, and nothing this page shows. A query the
 * page starts later still shows its loading state, which `settled` waits out as well.
 */
const QUIET_MS = 150;
const SETTLE_TIMEOUT_MS = 15_000;
/** Each tracked page's wait for its API requests to be over. */
const networkQuiet = new WeakMap<Page, () => Promise<void>>();
const isApi = (r: Request) => new URL(r.url()).pathname.startsWith('/api/');

/** Follows the page's API requests from its first: call it on a new page, before it navigates. */
export function trackRequests(page: Page): void {
  const open = new Set<Request>();
  let wake: (() => void) | undefined;
  const changed = () => wake?.();
  page.on('request', (r) => {
    if (!isApi(r)) return;
    open.add(r);
    changed();
  });
  const ended = (r: Request) => {
    if (open.delete(r)) changed();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  const quiet = async () => {
    const deadline = performance.now() + SETTLE_TIMEOUT_MS;
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`API requests still open after ${SETTLE_TIMEOUT_MS} ms: ${[...open].map((r) => r.url()).join(', ')}`);
      // QUIET_MS with none in flight; any API request started or ended starts the wait over.
      const moved = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), open.size ? left : Math.min(QUIET_MS, left));
        wake = () => (clearTimeout(timer), resolve(true));
      });
      wake = undefined;
      if (!moved && !open.size) return;
    }
  };
  networkQuiet.set(page, quiet);
}

/** Every query on screen has answered: the page loaded, its API requests over, no loading state left. */
export async function settled(page: Page): Promise<void> {
  const quiet = networkQuiet.get(page);
  if (!quiet) throw new Error('settled() needs a page made by browserSuite().newPage (trackRequests)');
  await page.waitForLoadState('load');
  await quiet();
  await page.waitForFunction(() => !document.querySelector('.state-loading'), undefined, { timeout: SETTLE_TIMEOUT_MS });
}

/** axe-core's serious and critical findings on the page as it stands, as readable lines. */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: Array<{ target: unknown[] }> };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    const { violations } = await axe.run();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** How many pixels the page scrolls sideways (0 is what a phone needs). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The visible viewport as `screenshots-local/<name>-<width>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}-${width}.png`) });
}
