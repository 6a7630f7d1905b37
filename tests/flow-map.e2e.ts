/**
 * The flow map on country pages in a real browser: every mark's data-count against an independent
 * count made here from data/build/flows.json (the tables by country are the flows that name no unit;
 * they give one `total` cell per country and direction), the countries too small to draw named under
 * the map, tooltips by keyboard (Tab to the map, then the arrow keys), by tap and by mouse, and axe.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import type { Page } from 'playwright-core';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

interface FlowRow { home: string; fiscalYear: number; population: string; direction: string; unit?: string; country?: string; count: number }
const flows = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/build/flows.json'), 'utf8')) as FlowRow[];
const byCountry = flows.filter((f) => !f.unit && f.country);
const fy = Math.max(...byCountry.filter((f) => f.home === 'tsukuba').map((f) => f.fiscalYear));
const count = (country: string, population: string, direction: string) =>
  byCountry.filter((f) => f.home === 'tsukuba' && f.fiscalYear === fy && f.country === country && f.population === population && f.direction === direction).reduce((s, f) => s + f.count, 0);
/** The map of a country page shows students, or staff where no student came or went. */
const populationOf = (c: string) => (count(c, 'student', 'inbound') + count(c, 'student', 'outbound') > 0 ? 'student' : 'staff');

const MAP = 'figure[data-map="flows"]';
const marksOf = (page: Page) => page.locator(`${MAP} svg [data-country]`).evaluateAll((els) => els.map((e) => ({
  country: e.getAttribute('data-country')!, direction: e.getAttribute('data-direction')!, count: Number(e.getAttribute('data-count')), title: e.querySelector('title')?.textContent ?? '',
})));
/** A point on a mark's line, in page coordinates: the middle of its hit path (a curve's box centre may miss it). */
const pointOn = (page: Page, i: number) => page.locator(`${MAP} svg [data-country]`).nth(i).evaluate((g) => {
  const path = g.querySelector('.flow-hit') as SVGPathElement;
  const p = path.getPointAtLength(path.getTotalLength() / 2);
  const m = path.getScreenCTM()!;
  return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
});

describe('flow map on country pages', () => {
  for (const [path, code] of [['/en/countries/cn/', 'CN'], ['/countries/us/', 'US'], ['/en/countries/sg/', 'SG']] as const) {
    test(`${path}: one mark per direction with a count, each data-count as flows.json sums it`, async ({ visit }) => {
      const population = populationOf(code);
      const want = ['inbound', 'outbound'].map((direction) => ({ direction, count: count(code, population, direction) })).filter((x) => x.count > 0);
      expect(want.length, `${code} has flows in FY${fy}`).toBeGreaterThan(0);
      const v = await visit(path);
      expectCleanVisit(v);
      expect(await v.page.locator(MAP).count()).toBe(1);
      const marks = await marksOf(v.page);
      expect(marks.map((m) => ({ direction: m.direction, count: m.count })).sort((a, b) => a.direction.localeCompare(b.direction))).toEqual(want);
      for (const m of marks) {
        expect(m.country).toBe(code);
        expect(m.title).toContain(new Intl.NumberFormat(path.startsWith('/en/') ? 'en' : 'ja').format(m.count));
      }
      // the table beside it: received and sent
      const row = v.page.locator(`${MAP} table tr[data-country="${code}"] td`);
      expect((await row.allTextContents()).map((t) => Number(t.replace(/,/g, '')))).toEqual([count(code, population, 'inbound'), count(code, population, 'outbound')]);
    });
  }

  test('the map\'s CSV (and its Excel variant) holds the counts of its table', async ({ visit }) => {
    const v = await visit('/en/countries/cn/');
    const href = await v.page.locator(`${MAP} .chart-download a`).first().getAttribute('href');
    const csv = decodeURIComponent(href!.slice(href!.indexOf(',') + 1)).trim().split('\n');
    expect(csv[0]).toBe('country,countryName,received,sent');
    const population = populationOf('CN');
    expect(csv.slice(1)).toEqual([`CN,China,${count('CN', population, 'inbound')},${count('CN', population, 'outbound')}`]);
    expect(await v.page.locator(`${MAP} .chart-download a[data-excel-csv]`).count()).toBe(1);
  });

  test('a country too small to draw at this scale is named under the map (Singapore)', async ({ visit }) => {
    const v = await visit('/en/countries/sg/');
    expect(await v.page.locator(`${MAP} [data-too-small]`).getAttribute('data-too-small')).toBe('SG');
    expect(await v.page.locator(`${MAP} [data-too-small]`).innerText()).toContain('Singapore');
  });

  test('a country with no flows has no flow map', async ({ visit }) => {
    const countries = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/build/countries.json'), 'utf8')) as { code: string }[];
    const none = countries.find((c) => !byCountry.some((f) => f.country === c.code && f.count > 0));
    expect(none, 'some country has partners but no flows').toBeDefined();
    const v = await visit(`/en/countries/${none!.code.toLowerCase()}/`);
    expect(v.response?.status()).toBe(200);
    expect(await v.page.locator(MAP).count()).toBe(0);
  });

  test('tooltips by keyboard: Tab to the map, then the arrow keys walk its marks', async ({ visit }) => {
    const v = await visit('/en/countries/cn/');
    // the last link before the map (its caption's source line), then Tab: the map is the next stop
    await v.page.locator(`${MAP} figcaption a`).last().focus();
    await v.page.keyboard.press('Tab');
    const focused = () => v.page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('figure[data-map="flows"] svg') ? `${el.getAttribute('data-country')} ${el.getAttribute('data-direction')}` : `not a mark: ${el?.tagName}`;
    });
    const first = await focused();
    expect(first).toMatch(/^CN (inbound|outbound)$/);
    const tip = v.page.locator('#chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const firstTip = await tip.innerText();
    expect(firstTip).toMatch(/^China — (received|sent): [\d,]+$/);
    await v.page.keyboard.press('ArrowRight');
    const second = await focused();
    expect(second).toMatch(/^CN (inbound|outbound)$/);
    expect(second).not.toBe(first);
    expect(await tip.innerText()).not.toBe(firstTip);
    // one tab stop: Tab leaves the map (for its CSV download)
    await v.page.keyboard.press('Tab');
    expect(await focused()).toBe('not a mark: A');
    expect(await v.page.evaluate(() => document.activeElement?.textContent)).toBe('Data of this map (CSV)');
    await v.page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  test('tooltips by tap (a phone) and by mouse', async ({ visit }) => {
    const phone = await visit('/en/countries/us/', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await phone.page.locator(MAP).scrollIntoViewIfNeeded();
    const marks = await marksOf(phone.page);
    const at = await pointOn(phone.page, marks.length - 1);
    await phone.page.touchscreen.tap(at.x, at.y);
    await expect.poll(() => phone.page.locator('#chart-tip').isVisible()).toBe(true);
    expect(await phone.page.locator('#chart-tip').innerText()).toBe(marks[marks.length - 1]!.title);

    const desk = await visit('/en/countries/us/');
    await desk.page.locator(MAP).scrollIntoViewIfNeeded();
    const p = await pointOn(desk.page, 0);
    await desk.page.mouse.move(p.x, p.y);
    await expect.poll(() => desk.page.locator('#chart-tip').isVisible()).toBe(true);
    expect(await desk.page.locator('#chart-tip').innerText()).toBe((await marksOf(desk.page))[0]!.title);
  });

  for (const path of ['/en/countries/cn/', '/countries/cn/']) {
    test(`${path}: axe finds no serious violation, the table open`, async ({ visit }) => {
      const v = await visit(path);
      await v.page.locator(`${MAP} details > summary`).click();
      await expectNoSeriousA11yViolations(v.page);
    });
  }
});
