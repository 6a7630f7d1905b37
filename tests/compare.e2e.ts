/**
 * The comparison pages (/compare/, /compare/<a>-<b>/) in a real browser. Every number on them is
 * checked against an independent count made here from data/build with none of the site's functions:
 * a relation is any agreement, exchange programme, degree programme (each of its partners) or
 * strategic partnership (each member).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

const read = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../data/build/${name}.json`), 'utf8'));
const links: [string, string][] = [
  // an agreement whose line names several institutions (osaka-2021 L101) links its home to each
  ...read('agreements').flatMap((a: { home: string; partners: string[] }) => a.partners.map((p) => [a.home, p])),
  ...read('programmes').map((p: { home: string; partner: string }) => [p.home, p.partner]),
  ...read('degree-programmes').flatMap((x: { home: string; partners: string[] }) => x.partners.map((p) => [x.home, p])),
  ...read('strategic-partnerships').flatMap((x: { home: string; members: string[] }) => x.members.map((p) => [x.home, p])),
];
// relations per home: one per agreement, programme and degree programme partner, and per strategic
// partnership member unless an agreement of the same line already names it (UTokyo publishes both)
type Src = { id: string; line: number };
const agreementLines = new Set((read('agreements') as { home: string; partners: string[]; source: Src }[]).flatMap((a) => a.partners.map((p) => `${a.home} ${p} ${a.source.id} ${a.source.line}`)));
const relationCount = (home: string) =>
  links.filter(([h]) => h === home).length -
  (read('strategic-partnerships') as { home: string; members: string[]; source: Src }[]).filter((x) => x.home === home)
    .reduce((s, x) => s + x.members.filter((m) => agreementLines.has(`${x.home} ${m} ${x.source.id} ${x.source.line}`)).length, 0);
const HOMES = (read('homes') as { id: string }[]).map((h) => h.id).sort();
const partnersOf = new Map(HOMES.map((h) => [h, new Set(links.filter(([x]) => x === h).map(([, p]) => p))]));
const regionOf = new Map((read('countries') as { code: string; region: string }[]).map((c) => [c.code, c.region]));
const countryOf = new Map((read('partners') as { id: string; country: string | null }[]).map((p) => [p.id, p.country]));
/** a partner's region: its country's; a network with no country (hiroshima-2024 L440) is International */
const partnerRegionOf = (p: string) => { const c = countryOf.get(p); return c === null ? 'international' : regionOf.get(c!); };
const PAIRS = HOMES.flatMap((a, i) => HOMES.slice(i + 1).map((b) => [a, b] as const));
const shared = (a: string, b: string) => [...partnersOf.get(a)!].filter((p) => partnersOf.get(b)!.has(p)).sort();
/** Exclusive intersections among `homes`: key "a,b" → count. */
const exclusive = (homes: readonly string[]) => {
  const out = new Map<string, number>();
  const all = new Set(homes.flatMap((h) => [...partnersOf.get(h)!]));
  for (const p of all) {
    const key = homes.filter((h) => partnersOf.get(h)!.has(p)).join(',');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...out].sort());
};

describe('comparisons', () => {
  test('every pair page states the shared count and lists exactly the shared partners, in both languages', async ({ visit }) => {
    for (const [a, b] of PAIRS) {
      for (const path of [`/compare/${a}-${b}/`, `/en/compare/${a}-${b}/`]) {
        const v = await visit(path);
        expect(v.response?.status(), path).toBe(200);
        const want = shared(a, b);
        expect(await v.page.locator('[data-shared-count]').getAttribute('data-shared-count'), path).toBe(String(want.length));
        const got = want.length ? (await v.page.locator('[data-shared] [data-partner]').evaluateAll((els) => els.map((e) => e.getAttribute('data-partner')!))).sort() : [];
        expect(got, path).toEqual(want);
        // each side's partner count, and only-one counts
        const sides = await v.page.locator('td[data-partners]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-partners'))));
        expect(sides, path).toEqual([partnersOf.get(a)!.size, partnersOf.get(b)!.size]);
        const relCounts = await v.page.locator('td[data-relations]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-relations'))));
        expect(relCounts, path).toEqual([relationCount(a), relationCount(b)]);
        const only = await v.page.locator('td[data-only]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-only'))));
        expect(only, path).toEqual([partnersOf.get(a)!.size - want.length, partnersOf.get(b)!.size - want.length]);
        // only one of them, by region (each country's region from countries.json)
        const regionRows = await v.page.locator('tr[data-region]:has(td[data-only-a])').evaluateAll((els) => els.map((e) => [e.getAttribute('data-region')!, Number(e.querySelector('[data-only-a]')!.getAttribute('data-only-a')), Number(e.querySelector('[data-only-b]')!.getAttribute('data-only-b'))] as const));
        for (const [region, onlyA, onlyB] of regionRows) {
          const inRegion = (p: string) => partnerRegionOf(p) === region;
          expect([onlyA, onlyB], `${path} ${region}`).toEqual([[...partnersOf.get(a)!].filter((p) => inRegion(p) && !partnersOf.get(b)!.has(p)).length, [...partnersOf.get(b)!].filter((p) => inRegion(p) && !partnersOf.get(a)!.has(p)).length]);
        }
        expect(regionRows.reduce((s, [, x]) => s + x, 0), path).toBe(partnersOf.get(a)!.size - want.length);
        expectCleanVisit(v);
        await v.page.context().close();
      }
    }
  });

  test('/compare/: the UpSet bars, the table alternative and the region cells equal independent counts', async ({ visit }) => {
    const v = await visit('/en/compare/');
    const bars = await v.page.locator('[data-upset] g[data-sets]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-sets')!, Number(e.getAttribute('data-count'))] as const));
    expect(Object.fromEntries([...bars].sort())).toEqual(exclusive(HOMES));
    const rows = await v.page.locator('table[data-overlap-table] tbody tr').evaluateAll((els) => els.map((e) => [e.getAttribute('data-sets')!, Number(e.querySelector('td')!.textContent!.replace(/\D/g, ''))] as const));
    expect(Object.fromEntries([...rows].sort())).toEqual(exclusive(HOMES));
    // region cells: partners of each home per region (countries.json gives each country's region)
    const cells = await v.page.locator('table[data-coverage-table="region"] td[data-count]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-region')!, e.closest('tr')!.getAttribute('data-home')!, Number(e.getAttribute('data-count'))] as const));
    expect(cells.length).toBeGreaterThan(20);
    for (const [region, home, count] of cells) expect(count, `${home} ${region}`).toBe([...partnersOf.get(home)!].filter((p) => partnerRegionOf(p) === region).length);
    // the pair links give the shared counts
    for (const [a, b] of PAIRS) expect(await v.page.locator(`[data-pair="${a}-${b}"]`).innerText()).toContain(`${shared(a, b).length} shared`);
    expectCleanVisit(v);
  });

  test('the picker: two universities redraw the chart and the address; Back and Forward restore it', async ({ visit }) => {
    const v = await visit('/compare/');
    await v.page.uncheck('input[name="homes"][value="hiroshima"]');
    await v.page.uncheck('input[name="homes"][value="tmu"]');
    await v.page.uncheck('input[name="homes"][value="utokyo"]');
    await expect.poll(() => v.page.evaluate(() => location.search)).toBe('?homes=osaka,tsukuba');
    const bars = async () => Object.fromEntries((await v.page.locator('[data-upset] g[data-sets]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-sets')!, Number(e.getAttribute('data-count'))] as const))).sort());
    expect(await bars()).toEqual(exclusive(['osaka', 'tsukuba']));
    expect(await v.page.locator('[data-pair]:visible').count()).toBe(1);
    // the picker's own measure of recounting and redrawing (target < 50 ms; generous for a loaded CI machine)
    expect(Number(await v.page.evaluate(() => document.documentElement.dataset.compareMs))).toBeLessThan(50);
    // the words around the chart follow: the partners of the two, and "Shared by both"
    const two = new Set([...partnersOf.get('osaka')!, ...partnersOf.get('tsukuba')!]).size;
    expect(await v.page.locator('[data-chart="overlap"] .chart-subtitle').innerText()).toContain(String(two));
    await v.page.goBack();
    await expect.poll(() => v.page.evaluate(() => location.search)).toBe('?homes=osaka,tsukuba,utokyo');
    expect(await bars()).toEqual(exclusive(['osaka', 'tsukuba', 'utokyo']));
    await v.page.goForward();
    await expect.poll(bars).toEqual(exclusive(['osaka', 'tsukuba']));
    // an address with an unknown code says so and keeps the rest (case ignored)
    await v.page.goto('/compare/?homes=Osaka,zz,hiroshima');
    await expect.poll(() => v.page.evaluate(() => location.search)).toBe('?homes=hiroshima,osaka');
    expect(await v.page.locator('[data-url-notice]').innerText()).toContain('zz');
    expectCleanVisit(v);
  });

  test('without JavaScript: the page is complete for all five, the CSVs download', async ({ visit }) => {
    const v = await visit('/compare/', { javaScriptEnabled: false });
    expect(await v.page.locator('[data-upset] g[data-sets]').count()).toBe(Object.keys(exclusive(HOMES)).length);
    expect(await v.page.locator('[data-pair]').count()).toBe(10);
    for (const href of await v.page.locator('a[download]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!))) {
      const res = await v.page.request.get(href);
      expect(res.status(), href).toBe(200);
    }
    const csv = await (await v.page.request.get('/data/compare/osaka-tsukuba-shared.csv')).text();
    expect(csv.split('\n')[0]).toBe('partner,name.ja,name.en,country,region,osaka.relations,osaka.records,tsukuba.relations,tsukuba.records');
    expect(csv.trim().split('\n').length - 1).toBe(shared('osaka', 'tsukuba').length);
    // a pair with none shared: the header alone, no blank record
    expect(await (await v.page.request.get('/data/compare/tmu-utokyo-shared.csv')).text()).toBe('partner,name.ja,name.en,country,region,tmu.relations,tmu.records,utokyo.relations,utokyo.records\n');
    expectCleanVisit(v);
  });

  test('links in: a partner page names its universities and links their comparison; a university page links its four pairs', async ({ visit }) => {
    const v = await visit('/en/partners/airlangga-university/');
    expect(await v.page.locator('[data-partner-homes]').getAttribute('data-partner-homes')).toBe('hiroshima,osaka,tsukuba');
    expect(await v.page.locator('a[data-compare-link]').evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual(['/en/compare/hiroshima-osaka/', '/en/compare/hiroshima-tsukuba/', '/en/compare/osaka-tsukuba/']);
    const u = await visit('/universities/osaka/');
    expect(await u.page.locator('[data-compare-links] a[href^="/compare/"]').count()).toBe(5);
    expectCleanVisit(v);
  });

  for (const path of ['/compare/', '/en/compare/', '/compare/osaka-tsukuba/', '/en/compare/hiroshima-utokyo/']) {
    test(`${path} has no serious axe violation, on a desktop and a phone`, async ({ visit }) => {
      for (const viewport of [{ width: 1366, height: 900 }, { width: 375, height: 812 }]) {
        const v = await visit(path, { viewport });
        await v.page.locator('details').evaluateAll((els) => els.forEach((e) => e.setAttribute('open', '')));
        await expectNoSeriousA11yViolations(v.page);
        await v.page.context().close();
      }
    });
  }
});
