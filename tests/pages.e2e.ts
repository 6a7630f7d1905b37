/**
 * The directory, partner, country, university and source pages in both languages: markup tests
 * hold on to (data-partner), links that resolve to source lines, language attributes, and axe.
 * Expected values are read from data/build (the pipeline's output), never typed in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../data/build/${name}.json`), 'utf8')) as T;
const partners = read<{ id: string; name: { ja: string; en?: string }; country: string }[]>('partners');
const agreements = read<{ partner: string; partners: string[]; home: string; source: { id: string; line: number } }[]>('agreements');

// The partner with agreements from the most home universities (Gadjah Mada is one of them: hiroshima L34, osaka L42, tsukuba L588).
const homesOf = (id: string) => new Set(agreements.filter((a) => a.partners.includes(id)).map((a) => a.home));
const busiest = [...partners].sort((a, b) => homesOf(b.id).size - homesOf(a.id).size || a.id.localeCompare(b.id))[0]!;

describe('partner directory', () => {
  for (const [locale, path] of [['ja', '/partners/'], ['en', '/en/partners/']] as const) {
    test(`${path} lists every partner once with data-partner, in ${locale}`, async ({ visit }) => {
      const v = await visit(path, { javaScriptEnabled: false });
      expect(await v.page.locator('html').getAttribute('lang')).toBe(locale);
      const ids = await v.page.locator('[data-partner]').evaluateAll((els) => els.map((e) => e.getAttribute('data-partner')));
      expect(ids.length).toBe(partners.length);
      expect(new Set(ids).size).toBe(partners.length);
      expectCleanVisit(v);
    });
    test(`${path} has no serious axe violation`, async ({ visit }) => {
      const v = await visit(path);
      await expectNoSeriousA11yViolations(v.page);
    });
  }
});

describe('partner page', () => {
  test('shows every agreement of a partner with several home universities, each linked to its source line', async ({ visit }) => {
    const v = await visit(`/partners/${busiest.id}/`);
    const rows = v.page.locator('tr[data-agreement]');
    const expected = agreements.filter((a) => a.partners.includes(busiest.id));
    expect(await rows.count()).toBe(expected.length);
    const href = await rows.first().locator('td.src a').getAttribute('href');
    expect(href).toMatch(/^\/sources\/[a-z0-9-]+\/#L\d+$/);
    const s = await visit(href!);
    const line = href!.split('#L')[1]!;
    expect(await s.page.locator(`li#L${line}`).count()).toBe(1);
    expectCleanVisit(v);
    expectCleanVisit(s);
  });
  for (const path of [`/partners/${busiest.id}/`, `/en/partners/${busiest.id}/`]) {
    test(`${path} has no serious axe violation`, async ({ visit }) => {
      const v = await visit(path);
      await expectNoSeriousA11yViolations(v.page);
      expectCleanVisit(v);
    });
  }
});

describe('country, university and source pages', () => {
  const country = busiest.country.toLowerCase();
  for (const path of [`/countries/${country}/`, `/en/countries/${country}/`, '/universities/osaka/', '/en/universities/osaka/', '/sources/osaka-2021/', '/en/']) {
    test(`${path} loads cleanly and has no serious axe violation`, async ({ visit }) => {
      const v = await visit(path);
      expect(v.response?.status()).toBe(200);
      expect(await v.page.locator('h1').count()).toBe(1);
      await expectNoSeriousA11yViolations(v.page);
      expectCleanVisit(v);
    });
  }
  test('a country page lists the partners of that country', async ({ visit }) => {
    const v = await visit(`/countries/${country}/`);
    const ids = new Set(await v.page.locator('[data-partner]').evaluateAll((els) => els.map((e) => e.getAttribute('data-partner'))));
    const expected = partners.filter((p) => p.country === busiest.country && agreements.some((a) => a.partners.includes(p.id))).map((p) => p.id);
    for (const id of expected) expect(ids.has(id), id).toBe(true);
  });
});

describe('security', () => {
  test('every page type carries a Content-Security-Policy without unsafe-inline scripts', async ({ visit }) => {
    for (const path of ['/', '/en/partners/', `/partners/${busiest.id}/`, '/sources/tmu-2024-autumn/']) {
      const v = await visit(path);
      const csp = await v.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp, path).toMatch(/default-src 'self'/);
      const scriptSrc = /script-src ([^;]*)/.exec(csp ?? '')?.[1] ?? '';
      expect(scriptSrc, path).not.toContain('unsafe-inline');
      expectCleanVisit(v);
    }
  });
  test('HTML inside a source document is shown as text, never as markup', async ({ visit }) => {
    // tmu-2024-autumn line 1217 holds '<ul style="list-style-type: none">' inside a table cell.
    const raw = readFileSync(resolve(import.meta.dirname, '../data/raw/tmu-2024-autumn-exchange-call.txt'), 'utf8').split('\n');
    const n = raw.findIndex((l) => l.includes('<ul style=')) + 1;
    expect(n).toBeGreaterThan(0);
    const v = await visit(`/sources/tmu-2024-autumn/#L${n}`);
    expect(await v.page.locator(`li#L${n}`).innerText()).toContain('<ul style=');
    expect(await v.page.locator('.source-lines ul, .source-lines input, .source-lines script').count()).toBe(0);
  });
});
