/** Driving the partner directory (src/scripts/directory.ts) in a browser test. */
import type { Page } from 'playwright-core';
import { expect } from './helpers.ts';

/** Waits until the directory has applied the URL's state completely (results, counts, fuzzy matches). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector<HTMLElement>('[data-directory]');
    return root?.dataset.applied !== undefined && root.dataset.applied === location.search;
  }, null, { timeout: 10_000 });
}

/** The partner ids listed, in order. */
export const results = (page: Page) => page.locator('ul[data-results] > li[data-partner]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-partner')!));

/** Types a query and waits for the URL and the results to follow it. */
export async function search(page: Page, q: string): Promise<void> {
  await page.fill('#q', q);
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('q'))).toBe(q);
  await settled(page);
}
