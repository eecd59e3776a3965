import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';
import { trackRequests } from './page-tools.js';
import { startPortal, type Portal } from './portal-server.js';

/**
 * Booting the real backend (migrations, the demo seed) and chromium is most of a browser test's
 * time: one of each per test file, shared by the file's flows. 120 s because the boot competes
 * with every other engineer's tests on a 2-core machine (≈ 10 s on a quiet one).
 */
const BOOT_TIMEOUT_MS = 120_000;

export interface BrowserSuite {
  portal: Portal;
  browser: Browser;
  /** A fresh browser context (its own cookies) with one page, closed with the suite. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
}

/** Registers the file's boot and teardown; the fields are there once `beforeAll` has run. */
export function browserSuite(): BrowserSuite {
  const contexts: BrowserContext[] = [];
  const suite = {
    async newPage(viewport = { width: 1280, height: 900 }) {
      const context = await suite.browser.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      trackRequests(page);
      return page;
    },
  } as BrowserSuite;
  beforeAll(async () => {
    const [portal, browser] = await Promise.allSettled([startPortal(), launchChromium()]);
    if (portal.status === 'fulfilled') suite.portal = portal.value;
    if (browser.status === 'fulfilled') suite.browser = browser.value;
    if (portal.status === 'rejected') throw portal.reason;
    if (browser.status === 'rejected') throw browser.reason;
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await suite.browser?.close();
    await suite.portal?.close();
  });
  return suite;
}
