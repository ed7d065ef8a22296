import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium: Playwright's own download is unreachable from CI (see .ci/run). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // A fake camera (a moving test picture) that needs no permission prompt: the camera import.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export const VIEWPORT = { width: 1280, height: 900 } as const;

/** One browser per test file: starting Chromium costs about a second. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `There is no Chromium at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or ` +
        'set CHROMIUM_PATH to another Chromium.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh context per test: no cookies, storage or cache carried from one test to the next. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT });
}

/**
 * Collects what the page reports as broken: uncaught exceptions and console errors. Tests
 * assert it stays empty, so a crash behind a screen that still looks right is caught.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}
