/**
 * /stats/all/ (every chart on one page) in a browser: every chart is an <svg> with an accessible name inside a <figure> with a
 * <figcaption>, also with JavaScript off; the numbers shown equal the data (computed here from
 * data/build/flows.json); each chart's CSV is served; tooltips by keyboard; axe in ja and en.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

const flows = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/build/flows.json'), 'utf8')) as { population: string; direction: string; category: string; unit?: string; count: number }[];

describe('stats page', () => {
  for (const path of ['/stats/all/', '/en/stats/all/']) {
    test(`${path}: every chart is an accessible SVG in a captioned figure, without JavaScript`, async ({ visit }) => {
      const v = await visit(path, { javaScriptEnabled: false });
      const figures = v.page.locator('figure.chart');
      const count = await figures.count();
      expect(count).toBeGreaterThanOrEqual(12);
      for (let i = 0; i < count; i++) {
        const f = figures.nth(i);
        expect(await f.locator(':scope > figcaption').innerText()).not.toBe('');
        const svg = f.locator('svg[role="img"]');
        expect(await svg.count()).toBe(1);
        expect((await svg.getAttribute('aria-label'))!.length).toBeGreaterThan(5);
        expect(await f.locator('table tbody tr').count()).toBeGreaterThan(0);
      }
      expectCleanVisit(v);
    });
  }

  test('the numbers shown equal the data: students sent abroad by region add up to the country table', async ({ visit }) => {
    const v = await visit('/en/stats/all/', { javaScriptEnabled: false });
    // (the table sits in a closed <details>: read its text, not its rendering)
    const cells = await v.page.locator('table[data-chart-table="student-outbound-region"] tbody td.num').evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
    const shown = cells.reduce((a, t) => a + Number(t.replace(/,/g, '')), 0);
    const data = flows.filter((f) => f.population === 'student' && f.direction === 'outbound' && !f.unit && f.category === 'total').reduce((a, f) => a + f.count, 0);
    expect(shown).toBe(data);
    // the bars' labels carry the same numbers
    const svgText = await v.page.locator('#student-outbound-region svg').innerHTML();
    for (const t of cells) expect(svgText).toContain(`>${t}<`);
    // and the chart says where its table falls short of the document's own total (L486)
    expect(await v.page.locator('#student-outbound-region .chart-note a[href="/en/data/validation/"]').count()).toBeGreaterThan(0);
  });

  test('months and years are written in each language’s convention', async ({ visit }) => {
    for (const [path, month] of [['/stats/all/', /^\d{4}年\d{1,2}月$/], ['/en/stats/all/', /^[A-Z][a-z]{2,3} \d{4}$/]] as const) {
      const v = await visit(path, { javaScriptEnabled: false });
      const months = await v.page.locator('table[data-chart-table="visits-by-month"] tbody th').allTextContents();
      expect(months.length).toBeGreaterThan(0);
      for (const m of months) expect(m).toMatch(month);
      // the x axis too (tick labels)
      expect(await v.page.locator('#visits-by-month svg').textContent()).not.toMatch(/\d{4}-\d{2}/);
      const years = await v.page.locator('table[data-chart-table="agreements-over-time"] tbody th').allTextContents();
      for (const y of years) expect(y).toMatch(/^\d{4}$/);
      expectCleanVisit(v);
    }
  });

  test('each chart’s CSV download holds its table’s rows', async ({ visit }) => {
    const v = await visit('/en/stats/all/');
    const href = await v.page.locator('#student-outbound-units .chart-download a:not([data-excel-csv])').getAttribute('href');
    expect(href).toBe('/en/stats/student-outbound-units.csv');
    const res = await v.page.request.get(href!);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines.length - 1).toBe(await v.page.locator('table[data-chart-table="student-outbound-units"] tbody tr').count());
    expectCleanVisit(v);
  });

  test('under every chart, beside its CSV, the same CSV for Excel: the BOM, then the same bytes (a served file, or a data: URL)', async ({ visit }) => {
    for (const [path, excelText] of [['/en/stats/all/', 'for Excel (CSV)'], ['/stats/all/', 'Excel用（CSV）'], ['/en/stats/', 'for Excel (CSV)'], ['/en/universities/tsukuba/', 'for Excel (CSV)']] as const) {
      const v = await visit(path);
      const charts = await v.page.locator('figure[data-chart]').count(); // every chart (a map of partners is a figure.chart with no CSV)
      expect(charts, path).toBeGreaterThan(0);
      const pairs = await v.page.locator('figure[data-chart] .chart-download').evaluateAll((ps) => ps.map((p) => {
        const [csv, excel] = [...p.querySelectorAll('a')];
        return { csv: csv?.getAttribute('href') ?? '', excel: excel?.getAttribute('href') ?? '', marked: excel?.hasAttribute('data-excel-csv') ?? false, text: excel?.textContent ?? '' };
      }));
      expect(pairs.length, path).toBe(charts);
      for (const p of pairs) {
        expect(p.marked && p.text === excelText, `${path} ${p.csv}`).toBe(true);
        const bytes = async (href: string) => (href.startsWith('data:') ? Buffer.from(decodeURIComponent(href.slice(href.indexOf(',') + 1))) : Buffer.from(await (await v.page.request.get(href)).body()));
        if (!p.csv.startsWith('data:')) expect(p.excel, path).toBe(p.csv.replace(/\.csv$/, '.excel.csv'));
        const [plain, excel] = [await bytes(p.csv), await bytes(p.excel)];
        expect(plain.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${p.csv}: a BOM in the plain CSV`).toBe(false);
        expect(excel.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${p.excel}: no BOM`).toBe(true);
        expect(excel.subarray(3).equals(plain), `${p.excel} differs from ${p.csv} beyond the BOM`).toBe(true);
      }
      expectCleanVisit(v);
    }
  });

  test('tooltips work by keyboard', async ({ visit }) => {
    const v = await visit('/en/stats/all/');
    const mark = v.page.locator('#student-outbound-region svg [tabindex="0"]').first();
    await mark.focus();
    const tip = v.page.locator('.chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(/\d/);
    await v.page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    expectCleanVisit(v);
  });

  for (const path of ['/stats/', '/en/stats/', '/stats/all/', '/en/stats/all/']) {
    test(`${path} has no serious axe violation`, async ({ visit }) => {
      const v = await visit(path);
      await expectNoSeriousA11yViolations(v.page);
      expectCleanVisit(v);
    });
  }
});

describe('stats on country and university pages', () => {
  test('a country page shows the country’s flows as a captioned chart whose numbers are the data', async ({ visit }) => {
    const v = await visit('/en/countries/us/', { javaScriptEnabled: false });
    const fig = v.page.locator('figure.chart:not([data-map])');
    expect(await fig.locator('svg[role="img"]').count()).toBe(1);
    const cells = await fig.locator('tbody td.num').evaluateAll((tds) => tds.map((td) => Number((td.textContent ?? '').replace(/,/g, ''))));
    const us = (population: string, direction: string) => flows.filter((f) => f.population === population && f.direction === direction && !f.unit && (f as { country?: string }).country === 'US' && f.category === 'total').reduce((a, f) => a + f.count, 0);
    expect(cells).toEqual([us('student', 'inbound'), us('student', 'outbound'), us('staff', 'inbound'), us('staff', 'outbound')]);
    expectCleanVisit(v);
  });
  test('the university page with statistics links to them', async ({ visit }) => {
    const v = await visit('/universities/tsukuba/');
    expect(await v.page.locator('a[href="/stats/"]').count()).toBeGreaterThan(0);
    expectCleanVisit(v);
  });
});
