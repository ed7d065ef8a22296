import type { Browser, BrowserContext, Page } from 'playwright-core';
import { test as base } from 'vitest';
import { saveScreenshot } from './artifacts';
import { collectPageErrors, launchBrowser, newContext } from './browser';
import type { NeuriteServer } from './neurite-server';
import { assertBuilt, startNeuriteServer } from './neurite-server';

export interface FileFixtures {
  /** Chromium, started once per test file. */
  readonly browser: Browser;
}

export interface TestFixtures {
  /** A `neurite serve` of this test's own, with its own data folder (its own database). */
  readonly server: NeuriteServer;
  /** A fresh browser context: nothing stored by an earlier test. */
  readonly context: BrowserContext;
  /** A blank tab in that context; screenshotted if the test fails. */
  readonly page: Page;
  /** Uncaught exceptions and console errors the page has reported so far. */
  readonly pageErrors: string[];
  /** Saves test-results/e2e/<test-name>[-suffix].png now; resolves to its path. */
  readonly screenshot: (suffix?: string) => Promise<string>;
}

/**
 * Vitest's `test` with the end-to-end fixtures, after Joplin's Playwright suite: each test
 * gets its own server and data folder and a fresh browser context; the browser is shared by
 * the tests of one file. Ask for a fixture by name and it is set up for that test only.
 */
export const test = base.extend<FileFixtures & TestFixtures>({
  browser: [
    // Vitest reads the fixtures a fixture needs from this pattern; this one needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // Before Chromium starts, so a missing build is the one error reported.
      assertBuilt();
      const browser = await launchBrowser();
      try {
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'file' },
  ],

  server: async ({ task }, use) => {
    const server = await startNeuriteServer();
    try {
      await use(server);
    } finally {
      const exit = await server.stop();
      if (task.result?.state === 'fail') {
        console.error(
          `neurite serve (stopped: ${exit.signal ?? `code ${exit.code}`}) printed:\n${server.output()}`,
        );
      }
    }
  },

  context: async ({ browser }, use) => {
    const context = await newContext(browser);
    try {
      await use(context);
    } finally {
      await context.close();
    }
  },

  page: async ({ context, task }, use) => {
    const page = await context.newPage();
    await use(page);
    // Fixtures are torn down after the test's result is known.
    if (task.result?.state === 'fail' && !page.isClosed()) {
      const file = await saveScreenshot(page, testName(task), 'failed').catch(
        (error: Error) => `(no screenshot: ${error.message})`,
      );
      console.error(`Screenshot of the failed test: ${file}`);
    }
  },

  pageErrors: async ({ page }, use) => {
    await use(collectPageErrors(page));
  },

  screenshot: async ({ page, task }, use) => {
    await use((suffix) => saveScreenshot(page, testName(task), suffix));
  },
});

function testName(task: { readonly name: string; readonly fullTestName?: string }): string {
  return task.fullTestName ?? task.name;
}

export { expect, describe } from 'vitest';
