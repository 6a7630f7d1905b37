/**
 * The published dataset in a browser: the /data/ page in both languages (downloads at stable URLs
 * with the right content types, each CSV the same records as its JSON, the zip, the version, the
 * data dictionary), the validation report page, no JavaScript needed, axe clean.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { unzipSync } from 'fflate';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

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
