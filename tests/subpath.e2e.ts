/**
 * The site built for a sub-path (SITE_URL=https://host.example/koryu-atlas/, as a project page is
 * served), by `npm run test:links` into .cache/links/dist, served under /koryu-atlas/ only: pages,
 * the directory's search (its index and engine fetched under the base path) and the finder work,
 * and nothing is requested outside the base path.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { test, expect } from './helpers.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { search, results } from './directory-helpers.ts';

const DIST = resolve(import.meta.dirname, '../.cache/links/dist');
const BASE = '/koryu-atlas/';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: npm run test:links builds it (npm run test:e2e runs that first)`);
  server = await startStaticServer(DIST, 0, { base: BASE });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a sub-path build', () => {
  test('the directory searches, the finder and a partner page load, all under the base path', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => { const u = new URL(r.url()); if (u.origin === new URL(server.url).origin && !u.pathname.startsWith(BASE)) outside.push(u.pathname); });
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${BASE}en/partners/`);
    await search(page, 'Mahidol');
    expect((await results(page))[0]).toBe('mahidol-university');
    await page.locator('li[data-partner="mahidol-university"] a.name').click();
    await page.waitForURL(`${server.url}${BASE}en/partners/mahidol-university/`);
    await page.goto(`${server.url}${BASE}en/programmes/?level=undergraduate&gpa=3&ielts=6`);
    await expect.poll(() => page.locator('[data-course][data-eligibility]').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}${BASE}`);
    await page.locator('a[data-lang-switch]').click();
    await page.waitForURL(`${server.url}${BASE}en/`);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
