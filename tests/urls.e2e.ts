/**
 * Addresses that forgive, and say so (src/lib/directory-state.ts, src/lib/finder-state.ts): codes
 * in any case select what they name; a value the page cannot use is named in a visible notice
 * (role="status"), dropped from the filters and from the address. Expected values from data/build.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit } from './helpers.ts';
import { settled, results } from './directory-helpers.ts';

const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../data/build/${name}.json`), 'utf8')) as T;
const partners = read<{ id: string; country: string }[]>('partners');
const agreements = read<{ partner: string; partners: string[]; home: string }[]>('agreements');
const th = new Set(partners.filter((p) => p.country === 'TH').map((p) => p.id));

describe('the directory\'s address', () => {
  test('country=th selects Thailand, as country=TH does, with no notice', async ({ visit }) => {
    const v = await visit('/en/partners/?country=th');
    await settled(v.page);
    expect(new Set(await results(v.page))).toEqual(th);
    expect(await v.page.locator('#f-country').inputValue()).toBe('TH');
    expect(await v.page.locator('[data-url-notice]').isHidden()).toBe(true);
    expect(new URL(v.page.url()).search).toBe('?country=TH');
    expectCleanVisit(v);
  });
  test('home=Osaka selects Osaka University\'s partners', async ({ visit }) => {
    const v = await visit('/partners/?home=Osaka');
    await settled(v.page);
    const osaka = new Set(agreements.filter((a) => a.home === 'osaka').flatMap((a) => a.partners));
    const shown = await results(v.page);
    // every partner with an Osaka agreement is shown (Osaka has only agreements in the data)
    expect(new Set(shown)).toEqual(osaka);
    expect(await v.page.locator('#f-home').inputValue()).toBe('osaka');
    expectCleanVisit(v);
  });
  for (const [locale, path] of [['en', '/en/partners/'], ['ja', '/partners/']] as const) {
    test(`${locale}: country=zz and from=20x4 are named in a notice and dropped; every partner is shown`, async ({ visit }) => {
      const v = await visit(`${path}?country=zz&from=20x4&q=`);
      const notice = v.page.locator('[role="status"][data-url-notice]');
      await expect.poll(() => notice.isVisible()).toBe(true);
      const text = await notice.innerText();
      expect(text).toContain('country=zz');
      expect(text).toContain('from=20x4');
      expect(new URL(v.page.url()).search).toBe('');
      expect(await v.page.locator('ul[data-results] > li[data-partner]').count()).toBe(partners.length);
      expectCleanVisit(v);
    });
  }
});

describe('the finder\'s address', () => {
  test('gpa=abc and an unknown country are named and dropped; the rest of the profile applies', async ({ visit }) => {
    const v = await visit('/en/programmes/?level=undergraduate&gpa=abc&ielts=6&country=zz&lang=EN');
    const notice = v.page.locator('[role="status"][data-url-notice]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    const text = await notice.innerText();
    expect(text).toContain('gpa=abc');
    expect(text).toContain('country=zz');
    expect(new URL(v.page.url()).search).toBe('?level=undergraduate&ielts=6&lang=en');
    expect(await v.page.locator('#f-lang').inputValue()).toBe('en');
    expectCleanVisit(v);
  });
});

describe('a missing page', () => {
  for (const path of ['/partners/no-such-partner/', '/en/no/such/page/']) {
    test(`${path} answers 404 with the not-found page in both languages, and ways on`, async ({ visit }) => {
      const v = await visit(path);
      expect(v.response?.status()).toBe(404);
      expect(await v.page.locator('h1[data-not-found]').innerText()).toBe('ページが見つかりません');
      expect(await v.page.locator('section[lang="en"] h2').innerText()).toBe('Page not found');
      expect(await v.page.locator('main a[href="/partners/"]').count()).toBe(1);
      expect(await v.page.locator('main a[href="/en/partners/"]').count()).toBe(1);
      expect(await v.page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    });
  }
});
