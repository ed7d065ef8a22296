import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './neurite-server';

/** Ignored by git; CI can keep the folder as the run's artifacts. */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

/** A file name from a test's name: "inspector > shows LeNet-5" → "inspector-shows-lenet-5". */
export function artifactName(testName: string): string {
  const slug = testName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return slug || 'unnamed-test';
}

/** Saves a full-page screenshot as test-results/e2e/<test-name>[-suffix].png; returns its path. */
export async function saveScreenshot(page: Page, testName: string, suffix = ''): Promise<string> {
  const file = path.join(
    ARTIFACTS_DIR,
    `${artifactName(testName)}${suffix ? `-${artifactName(suffix)}` : ''}.png`,
  );
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
