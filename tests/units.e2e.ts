/**
 * Unit pages (/units/<id>/, /en/units/<id>/) in a browser: a page for every unit of units.json; the
 * flows chart is an accessible SVG in a captioned figure without JavaScript, and its numbers, the
 * sub-unit table and the agreements listed equal the data — computed here straight from
 * data/build/*.json (walking units.json's parent chain), not with the site's own functions; the
 * university, partner and stats pages link to unit pages; axe in ja and en.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

const read = <T,>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../data/build/${name}.json`), 'utf8')) as T;
interface FlowRec { population: string; direction: string; category: string; unit?: string; count: number; fiscalYear: number; source: { id: string; line: number } }
const flows = read<FlowRec[]>('flows');
const units = read<{ id: string; parent?: string; home: string; name: { ja: string; en?: string } }[]>('units');
const agreements = read<{ id: string; homeUnits: string[]; partner: string }[]>('agreements');

/** The unit and every unit whose parent chain reaches it. */
const subtree = (id: string): Set<string> => {
  const parent = new Map(units.map((u) => [u.id, u.parent]));
  const inside = (u: string): boolean => {
    for (let cur: string | undefined = u, steps = 0; cur !== undefined && steps < 50; cur = parent.get(cur), steps++) if (cur === id) return true;
    return false;
  };
  return new Set(units.map((u) => u.id).filter(inside));
};
/** People counted under a unit: each printed row's finer categories, or its total where it gives none. */
const counted = (id: string, population: string, direction: string): number | undefined => {
  const sub = subtree(id);
  const rows = new Map<string, FlowRec[]>();
  for (const f of flows) {
    if (f.unit === undefined || !sub.has(f.unit) || f.population !== population || f.direction !== direction) continue;
    const k = `${f.source.line}|${f.unit}`;
    rows.set(k, [...(rows.get(k) ?? []), f]);
  }
  if (rows.size === 0) return undefined;
  let sum = 0;
  for (const cells of rows.values()) {
    const leaves = cells.filter((f) => f.category !== 'total');
    sum += (leaves.length ? leaves : cells).reduce((a, f) => a + f.count, 0);
  }
  return sum;
};
const num = (s: string) => Number(s.replace(/,/g, ''));
const MEASURES = [['student', 'inbound'], ['student', 'outbound'], ['staff', 'inbound'], ['staff', 'outbound']] as const;

describe('unit pages', () => {
  test('every unit of units.json has a page in both languages', async ({ visit }) => {
    const v = await visit('/');
    const missing: string[] = [];
    for (const u of units) {
      for (const prefix of ['', '/en']) {
        const res = await v.page.request.head(`${prefix}/units/${u.id}/`);
        if (res.status() !== 200) missing.push(`${prefix}/units/${u.id}/ ${res.status()}`);
      }
    }
    expect(missing).toEqual([]);
  });

  for (const [locale, prefix] of [['ja', ''], ['en', '/en']] as const) {
    test(`${locale}: 人間総合科学学術院 — the flows chart, without JavaScript, shows the unit table's cells under it`, async ({ visit }) => {
      const id = 'tsukuba-graduate-school-of-comprehensive-human-sciences';
      const v = await visit(`${prefix}/units/${id}/`, { javaScriptEnabled: false });
      expect(v.response?.status()).toBe(200);
      expect(await v.page.locator(`h1[data-unit-page="${id}"]`).count()).toBe(1);
      const fig = v.page.locator('figure.chart');
      expect(await fig.count()).toBe(1);
      expect(await fig.locator('figcaption').count()).toBe(1);
      expect((await fig.locator('figcaption').textContent())!.trim()).not.toBe('');
      expect(await fig.locator('svg[role="img"][aria-label]').count()).toBe(1);
      // the chart's table, read as text (it sits in a closed <details>)
      const shown = await fig.locator('tbody td.num').evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
      const expected = MEASURES.map(([p, d]) => counted(id, p, d)).filter((x) => x !== undefined);
      expect(shown.map(num)).toEqual(expected);
      // from the document: lines 315 + 316 (students), 31 + 32 (staff)
      expect(expected).toEqual([574 + 25, 333 + 27, 14 + 7, 1 + 0]);
      const svg = await fig.locator('svg').innerHTML();
      for (const t of shown) expect(svg).toContain(`>${t}<`);
      // the sub-unit: its row links to its page and holds its own counts
      const child = 'tsukuba-degree-programs-in-comprehensive-human-sciences';
      const row = v.page.locator(`tr[data-unit-child="${child}"]`);
      expect(await row.count()).toBe(1);
      expect(await row.locator(`a[href="${prefix}/units/${child}/"]`).count()).toBe(1);
      expect((await row.locator('td.num').allTextContents()).map(num)).toEqual(MEASURES.map(([p, d]) => counted(child, p, d)));
      // source lines link to the document
      for (const line of [31, 32, 315, 316]) expect(await v.page.locator(`a[href="${prefix}/sources/tsukuba-fy2023/#L${line}"]`).count(), `L${line}`).toBeGreaterThan(0);
      // the breadcrumbs lead up the hierarchy
      expect(await v.page.locator(`.breadcrumbs a[href="${prefix}/units/tsukuba-graduate-schools/"]`).count()).toBe(1);
      expectCleanVisit(v);
    });
  }

  test('group pages say where the document counts a unit in another group’s subtotal (line 292 in 学群計, line 294)', async ({ visit }) => {
    const ug = await visit('/units/tsukuba-undergraduate-schools/', { javaScriptEnabled: false });
    const note = (await ug.page.locator('figure.chart .chart-note').allTextContents()).join(' ');
    expect(note).toContain('地球規模課題学位プログラム（292行目: 学生・受入 13、学生・派遣 8）');
    const gs = await visit('/en/units/tsukuba-graduate-schools/', { javaScriptEnabled: false });
    expect((await gs.page.locator('figure.chart .chart-note').allTextContents()).join(' ')).toContain('which the document counts in the Schools (undergraduate) subtotal');
    expectCleanVisit(ug);
    expectCleanVisit(gs);
  });

  test('an English page names a unit in English (a name data/reference/units gives with its reason) and marks the Japanese name lang="ja"', async ({ visit }) => {
    // 体育センター (tsukuba-fy2023 line 65) had no English name until one was added to the reference table
    const u = units.find((x) => x.id === 'tsukuba-physical-education-center')!;
    expect(u.name.en).toBeTruthy();
    const v = await visit(`/en/units/${u.id}/`, { javaScriptEnabled: false });
    expect(await v.page.locator('h1 span[lang="en"]').textContent()).toBe(u.name.en);
    expect(await v.page.locator('h1 span[lang="ja"]').first().textContent()).toBe(u.name.ja);
    expect(await v.page.locator('figure.chart figcaption .chart-title').textContent()).toContain(u.name.en);
    expectCleanVisit(v);
  });

  test('a unit with agreements lists every agreement of the unit and the units under it', async ({ visit }) => {
    const id = 'hiroshima-graduate-school';
    const v = await visit(`/en/units/${id}/`, { javaScriptEnabled: false });
    const sub = subtree(id);
    const mine = agreements.filter((a) => a.homeUnits.some((u) => sub.has(u))).map((a) => a.id).sort();
    expect(mine.length).toBeGreaterThan(100);
    const shown = (await v.page.locator('tr[data-agreement]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-agreement') ?? ''))).sort();
    expect(shown).toEqual(mine);
    // a long list is folded by region; the region table's links open their fold
    const link = v.page.locator('table[data-unit-regions] a[href="#agreements-europe"]');
    expect(await link.count()).toBe(1);
    const fold = v.page.locator('details:has(#agreements-europe)');
    expect(await fold.getAttribute('open')).toBeNull();
    await link.click();
    await expect.poll(() => fold.getAttribute('open')).not.toBeNull();
    expect(await v.page.locator('#agreements-europe tr[data-agreement]').first().isVisible()).toBe(true);
    // no statistics table counts Hiroshima's units: no chart, and the page does not pretend otherwise
    expect(await v.page.locator('figure.chart').count()).toBe(0);
    // each agreement links to its row on the partner page
    const first = v.page.locator('tr[data-agreement] th a').first();
    const href = (await first.getAttribute('href'))!;
    expect(href).toMatch(/^\/en\/partners\/[^/]+\/#/);
    const partner = await v.page.request.get(href.split('#')[0]!);
    expect(partner.status()).toBe(200);
    expect(await partner.text()).toContain(`id="${href.split('#')[1]}"`);
    expectCleanVisit(v);
  });

  test('the university page charts its people received and sent (every unit summed) and its agreements by year, without JavaScript', async ({ visit }) => {
    const v = await visit('/en/universities/tsukuba/', { javaScriptEnabled: false });
    const fig = v.page.locator('figure#home-flows');
    expect(await fig.count()).toBe(1);
    expect(await fig.locator('svg[role="img"][aria-label]').count()).toBe(1);
    const shown = (await fig.locator('tbody td.num').evaluateAll((tds) => tds.map((td) => td.textContent ?? ''))).map(num);
    const roots = units.filter((u) => u.home === 'tsukuba' && !u.parent).map((u) => u.id);
    const all = (p: string, d: string) => roots.reduce((a, id) => a + (counted(id, p, d) ?? 0), 0);
    expect(shown).toEqual(MEASURES.map(([p, d]) => all(p, d)));
    const h = await visit('/universities/hiroshima/', { javaScriptEnabled: false });
    const years = (await h.page.locator('figure#home-agreements-new tbody td.num').evaluateAll((tds) => tds.map((td) => td.textContent ?? ''))).map(num);
    const dated = read<{ home: string; signedOn?: string; signedYear?: number }[]>('agreements').filter((a) => a.home === 'hiroshima' && (a.signedOn ?? a.signedYear) !== undefined);
    expect(years.reduce((a, x) => a + x, 0)).toBe(dated.length);
    // years are written as years (1985), not as numbers (1,985)
    const yearCells = await h.page.locator('figure#home-agreements-new tbody th').allTextContents();
    expect(yearCells.length).toBeGreaterThan(0);
    for (const y of yearCells) expect(y).toMatch(/^\d{4}$/);
    expectCleanVisit(v);
    expectCleanVisit(h);
  });

  test('the university page lists its units as a tree of links, and a unit link leads to the unit', async ({ visit }) => {
    const v = await visit('/universities/tsukuba/');
    const links = v.page.locator('ul.unit-tree a[href^="/units/"]');
    expect(await links.count()).toBe(units.filter((u) => u.home === 'tsukuba').length);
    await v.page.locator('ul.unit-tree a[href="/units/tsukuba-faculties/"]').click();
    await v.page.waitForURL('**/units/tsukuba-faculties/');
    expect(await v.page.locator('h1[data-unit-page="tsukuba-faculties"]').count()).toBe(1);
    expectCleanVisit(v);
  });

  test('the stats page links its unit rankings, and partner pages their home units, to unit pages', async ({ visit }) => {
    const v = await visit('/en/stats/all/', { javaScriptEnabled: false });
    expect(await v.page.locator('table[data-chart-table="student-outbound-units"] th a[href^="/en/units/"]').count()).toBeGreaterThan(0);
    const a = agreements.find((x) => x.homeUnits.length > 0)!;
    const p = await visit(`/partners/${a.partner}/`, { javaScriptEnabled: false });
    expect(await p.page.locator(`a[href="/units/${a.homeUnits[0]}/"]`).count()).toBeGreaterThan(0);
    expectCleanVisit(v);
    expectCleanVisit(p);
  });

  for (const path of ['/units/tsukuba-graduate-school-of-comprehensive-human-sciences/', '/en/units/tsukuba-physical-education-center/', '/en/units/osaka-engineering-graduate-school/']) {
    test(`${path} has no serious axe violation`, async ({ visit }) => {
      const v = await visit(path);
      await expectNoSeriousA11yViolations(v.page);
      expectCleanVisit(v);
    });
  }
});
