/**
 * Home page (/) in a real browser: language, heading, one table row per source of the dataset,
 * no console errors, nothing loaded from another host, no serious accessibility violation, and the
 * same table without JavaScript.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

const sources = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/build/sources.json'), 'utf8')) as { id: string }[];
const sourceIds = sources.map((s) => s.id);

describe('home (/)', () => {
  test('loads in Japanese with a heading and one row per source, cleanly', async ({ visit }) => {
    const v = await visit('/');
    const { page } = v;
    expect(v.response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expect.poll(() => page.title()).not.toBe('');

    const h1 = page.locator('h1');
    expect(await h1.count()).toBe(1);
    expect((await h1.innerText()).trim()).not.toBe('');

    expect(sourceIds.length).toBeGreaterThan(0);
    const rows = page.locator('table tr[data-source]');
    expect(await rows.count()).toBe(sourceIds.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-source')))).toEqual(sourceIds);

    expectCleanVisit(v);
  });

  test('has no serious or critical axe violation', async ({ visit }) => {
    const v = await visit('/');
    await expectNoSeriousA11yViolations(v.page);
    expectCleanVisit(v);
  });

  test('shows the same table with JavaScript disabled', async ({ visit }) => {
    const withJs = await visit('/');
    const noJs = await visit('/', { javaScriptEnabled: false });
    const rowTexts = (page: typeof withJs.page) =>
      page.locator('table tr[data-source]').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-source')}: ${(tr as HTMLElement).innerText}`));

    const plain = await rowTexts(noJs.page);
    expect(plain).toHaveLength(sourceIds.length);
    expect(plain).toEqual(await rowTexts(withJs.page));
    expect(await noJs.page.locator('html').getAttribute('lang')).toBe('ja');
    expectCleanVisit(noJs);
  });
});
