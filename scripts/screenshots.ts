/**
 * Screenshots of built pages for looking at them (a local review aid; tests do not use it):
 *
 *   node scripts/screenshots.ts [--out DIR] [--open-details] PATH [PATH …]
 *
 * Serves dist/ (run `npm run build` first), opens each path in headless Chromium
 * (/usr/bin/chromium, scripts/ensure-chromium.sh) at 1366×900 and 390×844, and writes full-page
 * PNGs to DIR (default .cache/screenshots/), named after the path and the width.
 * --open-details opens every <details> first (maps, tables); --viewport shoots the first screen only;
 * --from SELECTOR --height N shoots N pixels of the page from that element down; --click SELECTOR
 * clicks that element first (a tab).
 */
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../tests/static-server.ts';

const { values: args, positionals } = parseArgs({ options: { out: { type: 'string', default: '.cache/screenshots' }, 'open-details': { type: 'boolean', default: false }, viewport: { type: 'boolean', default: false }, from: { type: 'string' }, click: { type: 'string' }, height: { type: 'string' } }, allowPositionals: true });
mkdirSync(args.out!, { recursive: true });
const server = await startStaticServer('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  for (const path of positionals) {
    for (const [w, h] of [[1366, 900], [390, 844]] as const) {
      const page = await browser.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
      await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
      if (args.click) { await page.locator(args.click).first().click(); await page.waitForTimeout(200); }
      if (args['open-details']) await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
      const file = join(args.out!, `${path.replace(/^\/|\/$/g, '').replace(/[/?&=]/g, '_') || 'home'}-${w}.png`);
      // --from SELECTOR --height N: a slice of the full page starting at that element
      const top = args.from ? await page.locator(args.from).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY) : 0;
      const clip = args.height ? { x: 0, y: Math.max(0, top - 10), width: w, height: Number(args.height) } : undefined;
      await page.screenshot({ path: file, fullPage: !args.viewport, ...(clip ? { clip } : {}) });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
