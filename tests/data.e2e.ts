/**
 * The published dataset in a browser: the /data/ page in both languages (downloads at stable URLs
 * with the right content types, each CSV the same records as its JSON and linked for Excel too, the zip, the version, the
 * data dictionary), the validation report page, no JavaScript needed, axe clean.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

const DIST = resolve(import.meta.dirname, '../dist');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const build = (name: string) => readFileSync(resolve(import.meta.dirname, '../data/build', name), 'utf8');
const pkg = JSON.parse(build('datapackage.json')) as { version: string; resources: { name: string; schema: { fields: { name: string }[] } }[] };
const validation = JSON.parse(build('validation.json')) as { summary: { checks: Record<string, number> }; errata: { check: string; reason: string }[]; coverage: Record<string, { lines: number; unexplained: number }> };

describe('the dataset page', () => {
  for (const path of ['/data/', '/en/data/']) {
    test(`${path}: every table downloadable as CSV and JSON, without JavaScript`, async ({ visit }) => {
      const v = await visit(path, { javaScriptEnabled: false });
      expect(await v.page.locator('[data-version]').innerText()).toBe(pkg.version);
      const tables = await v.page.locator('tr[data-table]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-table')!));
      expect(tables).toEqual(pkg.resources.map((r) => r.name));
      for (const name of tables) {
        expect(await v.page.locator(`tr[data-table="${name}"] a[href="/data/${name}.csv"]`).count()).toBe(1);
        expect(await v.page.locator(`tr[data-table="${name}"] a[href="/data/${name}.json"]`).count()).toBe(1);
      }
      // The data dictionary lists every column of every table.
      for (const r of pkg.resources) {
        const fields = await v.page.locator(`#dict-${r.name} tr[data-field]`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-field')!));
        expect(fields, r.name).toEqual(r.schema.fields.map((f) => f.name));
      }
      expectCleanVisit(v);
    });
  }

  test('downloads are served at stable URLs with their content types; each CSV holds the records of its JSON', async ({ visit }) => {
    const v = await visit('/data/');
    for (const r of pkg.resources) {
      const csv = await v.page.request.get(`/data/${r.name}.csv`);
      expect(csv.status(), r.name).toBe(200);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      const json = await v.page.request.get(`/data/${r.name}.json`);
      expect(json.headers()['content-type']).toMatch(/^application\/json/);
      const records = (await json.json()) as unknown[];
      const parsed = Papa.parse<Record<string, string>>(await csv.text(), { header: true, skipEmptyLines: true });
      expect(parsed.errors, r.name).toEqual([]);
      expect(parsed.data.length, r.name).toBe(records.length);
      expect(parsed.meta.fields, r.name).toEqual(r.schema.fields.map((f) => f.name));
      // the served file is the pipeline's, byte for byte
      expect(await csv.text()).toBe(build(`${r.name}.csv`));
    }
    const dp = await v.page.request.get('/data/datapackage.json');
    expect(((await dp.json()) as { version: string }).version).toBe(pkg.version);
    const zip = await v.page.request.get('/data/koryu-atlas-data.zip');
    expect(zip.headers()['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await zip.body()));
    for (const r of pkg.resources) {
      expect(new TextDecoder().decode(files[`koryu-atlas-data/${r.name}.csv`]), r.name).toBe(build(`${r.name}.csv`));
    }
    expect(Object.keys(files)).toContain('koryu-atlas-data/datapackage.json');
    expect(Object.keys(files)).toContain('koryu-atlas-data/CITATION.cff');
    const cff = await v.page.request.get('/data/CITATION.cff');
    expect(await cff.text()).toContain(`version: "${pkg.version}"`);
    expectCleanVisit(v);
  });

  test('every table and every comparison CSV is linked for Excel too, beside its CSV, in both languages', async ({ visit }) => {
    for (const [path, text] of [['/en/data/', 'for Excel (CSV)'], ['/data/', 'Excel用（CSV）']] as const) {
      const v = await visit(path, { javaScriptEnabled: false });
      for (const r of pkg.resources) {
        const link = v.page.locator(`tr[data-table="${r.name}"] a[data-excel-csv]`);
        expect(await link.getAttribute('href'), r.name).toBe(`/data/${r.name}.excel.csv`);
        expect(await link.innerText(), r.name).toBe(text);
      }
      const compare = await v.page.locator('[data-compare-downloads] a[href$=".csv"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      const plain = compare.filter((h) => !h.endsWith('.excel.csv'));
      expect(plain.length).toBeGreaterThan(0);
      expect(compare).toEqual(plain.flatMap((h) => [h, h.replace(/\.csv$/, '.excel.csv')]));
      expectCleanVisit(v);
    }
  });

  test('every CSV of the site is served as text/csv; charset=utf-8, plain without a BOM and for Excel as the BOM and the same bytes', async ({ visit }) => {
    const v = await visit('/en/data/');
    const csvs: string[] = [];
    const walk = (dir: string) => { for (const e of readdirSync(dir, { withFileTypes: true })) e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.csv') && csvs.push(relative(DIST, join(dir, e.name)).split(sep).join('/')); };
    walk(DIST);
    const plain = csvs.filter((f) => !f.endsWith('.excel.csv'));
    expect(plain).toContain('data/agreements.csv');
    expect(csvs.filter((f) => f.endsWith('.excel.csv')).sort()).toEqual(plain.map((f) => f.replace(/\.csv$/, '.excel.csv')).sort());
    for (const f of plain) {
      const [a, b] = [await v.page.request.get(`/${f}`), await v.page.request.get(`/${f.replace(/\.csv$/, '.excel.csv')}`)];
      expect([a.headers()['content-type'], b.headers()['content-type']], f).toEqual(['text/csv; charset=utf-8', 'text/csv; charset=utf-8']);
      const [pb, eb] = [Buffer.from(await a.body()), Buffer.from(await b.body())];
      expect(pb.subarray(0, 3).equals(BOM), `${f} has a BOM`).toBe(false);
      expect(eb.subarray(0, 3).equals(BOM) && eb.subarray(3).equals(pb), `${f}: the Excel variant is not the BOM and the same bytes`).toBe(true);
    }
    expectCleanVisit(v);
  });

  for (const path of ['/data/', '/en/data/', '/data/validation/', '/en/data/validation/']) {
    test(`${path} has no serious axe violation`, async ({ visit }) => {
      const v = await visit(path);
      await expectNoSeriousA11yViolations(v.page);
      expectCleanVisit(v);
    });
  }
});

describe('the validation report page', () => {
  test('shows the summary, every erratum with its reason, and coverage per source, without JavaScript', async ({ visit }) => {
    const v = await visit('/en/data/validation/', { javaScriptEnabled: false });
    const summary = await v.page.locator('[data-summary]').innerText();
    for (const k of ['ok', 'erratum', 'error'] as const) expect(summary).toContain(String(validation.summary.checks[k] ?? 0));
    for (const e of validation.errata) {
      const card = v.page.locator(`[data-erratum="${e.check}"]`);
      expect(await card.count(), e.check).toBe(1);
      expect(await card.innerText()).toContain(e.reason.slice(0, 60));
    }
    for (const [id, c] of Object.entries(validation.coverage)) {
      const row = await v.page.locator(`tr[data-coverage="${id}"]`).innerText();
      expect(row).toContain(c.lines.toLocaleString('en-GB'));
    }
    expect(await v.page.locator('tr[data-check]').count()).toBe(Object.values(validation.summary.checks).reduce((a, b) => a + b, 0));
    // A check's line links to the source page's anchor.
    const href = await v.page.locator('tr[data-check] a').first().getAttribute('href');
    expect(href).toMatch(/^\/en\/sources\/[^/]+\/#L\d+$/);
    expectCleanVisit(v);
  });
});
