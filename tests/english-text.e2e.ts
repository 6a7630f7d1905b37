/**
 * English pages hold no Japanese outside elements marked lang="ja" (a proper name, quoted source text).
 * Every text node and accessible name (aria-label, title, alt, placeholder, <option>, svg <title>/<desc>,
 * figcaption…) is walked, subtrees whose lang starts with "ja" skipped, and any kana, kanji or Japanese
 * punctuation left is reported with its element path (tests/stray-japanese.ts).
 *
 * 1. In a browser, after the page's scripts ran: one page of every English page type, picked from
 *    data/build for the richest content (the partner with the most relations, one whose waiver is
 *    printed as text; the country with the most partners; Osaka; the unit with the most agreements and
 *    a Tsukuba unit whose chart quotes the document; every source document; the finder with a profile
 *    and a shortlist, so its script writes verdicts and the comparison table).
 * 2. Without a browser: every English page of dist/ as built (linkedom; about 2,200 pages in ~4 s).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { parseHTML } from 'linkedom';
import { test, expect, expectNoSeriousA11yViolations } from './helpers.ts';
import { settled } from './directory-helpers.ts';
import { strayJapanese, formatStray, type StrayJapanese } from './stray-japanese.ts';

const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../data/build/${name}.json`), 'utf8')) as T;
type Ref = { home: string; partner: string };
const agreements = read<(Ref & { homeUnits: string[]; tuitionWaiver?: { max: number | null } })[]>('agreements');
const programmes = read<(Ref & { id: string })[]>('programmes');
const partners = read<{ id: string; country: string }[]>('partners');
const sources = read<{ id: string; home: string }[]>('sources');
const units = read<{ id: string; home: string; parent?: string }[]>('units');
const flows = read<{ unit?: string }[]>('flows');

const count = <T>(xs: T[], key: (x: T) => string | undefined) => {
  const m = new Map<string, number>();
  for (const x of xs) { const k = key(x); if (k) m.set(k, (m.get(k) ?? 0) + 1); }
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};
// the partner with programmes and the most agreements besides; one whose waiver is printed as text
const withProgrammes = new Set(programmes.map((p) => p.partner));
const richPartner = count(agreements.filter((a) => withProgrammes.has(a.partner)), (a) => a.partner)[0]![0];
const waiverAsText = agreements.find((a) => a.tuitionWaiver && a.tuitionWaiver.max === null)?.partner;
const bigCountry = count(partners, (p) => p.country)[0]![0].toLowerCase();
const bigUnit = count(agreements.flatMap((a) => a.homeUnits), (u) => u)[0]![0];
// a Tsukuba unit with units under it and rows in the statistics by unit (its charts)
const flowUnits = new Set(flows.map((f) => f.unit));
const tsukubaUnit = units.find((u) => u.home === 'tsukuba' && flowUnits.has(u.id) && units.some((c) => c.parent === u.id))!.id;
const twoCourses = programmes.filter((p) => p.home === 'tmu').slice(0, 2).map((p) => p.id).join(',');

const PAGES: string[] = [
  '/en/',
  '/en/partners/',
  '/en/partners/?q=bordeaux', // results drawn by the directory's script, matches highlighted
  '/en/partners/?q=zzzzzz', // no result: the search tips
  '/en/partners/cities/',
  `/en/partners/${richPartner}/`,
  ...(waiverAsText ? [`/en/partners/${waiverAsText}/`] : []),
  `/en/countries/${bigCountry}/`,
  '/en/universities/osaka/',
  `/en/units/${bigUnit}/`,
  `/en/units/${tsukubaUnit}/`,
  `/en/programmes/?gpa=3.2&ielts=6.5&list=${twoCourses}`,
  '/en/stats/',
  '/en/data/',
  '/en/data/validation/',
  '/en/data/validation/identities/',
  '/en/compare/',
  '/en/compare/osaka-tsukuba/',
  ...sources.map((s) => `/en/sources/${s.id}/`),
  '/en/404/',
];

describe('English pages: no Japanese outside lang="ja"', () => {
  for (const path of PAGES) {
    test(`${path}, after its scripts ran`, async ({ visit }) => {
      const v = await visit(path);
      expect(v.response?.status(), path).toBe(200);
      if (path.startsWith('/en/programmes/')) {
        await v.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-finder]')?.dataset.ready === 'true');
        // the script wrote a verdict in every row and the comparison table
        expect(await v.page.locator('article[data-course][data-eligibility]').count()).toBeGreaterThan(0);
        expect(await v.page.locator('[data-compare-table] table').count()).toBe(1);
      }
      if (path.startsWith('/en/partners/?q=')) await settled(v.page);
      expect(await v.page.locator('html').getAttribute('lang')).toBe('en');
      const found = (await v.page.evaluate(`(${strayJapanese.toString()})(document)`)) as StrayJapanese[];
      expect(found, `${path}:\n${formatStray(found)}`).toEqual([]);
    });
  }

  test('the finder with a profile has no serious axe violation (its verdicts mark their Japanese)', async ({ visit }) => {
    const v = await visit(`/en/programmes/?gpa=3.2&ielts=6.5&list=${twoCourses}`);
    await v.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-finder]')?.dataset.ready === 'true');
    await expectNoSeriousA11yViolations(v.page);
  });

  test('the check itself finds unmarked Japanese in text and in accessible names, and skips lang="ja"', () => {
    const { document } = parseHTML('<html lang="en"><body><p>Class A (甲)</p><p lang="ja">筑波大学</p><p><span lang="ja-Latn">x</span><img alt="正午"></p><select><option>安全衛生管理部 (1)</option></select><p>dataset。</p></body></html>');
    const found = strayJapanese(document as unknown as Document);
    expect(found.map((f) => [f.where, f.text])).toEqual([['text', 'Class A (甲)'], ['alt', '正午'], ['text', '安全衛生管理部 (1)'], ['text', 'dataset。']]);
    expect(found[2]!.path).toBe('html > body > select > option');
  });
});

describe('every English page of dist/, as built (no browser)', () => {
  const dist = resolve(import.meta.dirname, '../dist/en');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) files.push(p);
    }
  };
  walk(dist);

  test(`has no Japanese outside lang="ja" (${files.length} pages)`, () => {
    expect(files.length).toBeGreaterThan(PAGES.length);
    const bad: string[] = [];
    for (const f of files) {
      const { document } = parseHTML(readFileSync(f, 'utf8'));
      const found: StrayJapanese[] = strayJapanese(document as unknown as Document);
      if (found.length) bad.push(`${f.slice(dist.length)}:\n${formatStray(found.slice(0, 5))}${found.length > 5 ? `\n… and ${found.length - 5} more` : ''}`);
    }
    expect(bad.length, bad.slice(0, 20).join('\n\n')).toBe(0);
  });
});
