/**
 * The partner directory's search and facets in a real browser (src/scripts/directory.ts): Japanese,
 * English and romaji queries, country aliases, facets combined with a query, shared URLs,
 * Back/Forward, keyboard-only use, the language switch keeping the state, axe with a query entered,
 * and the question about Gadjah Mada. Expected values are read from data/build, never typed in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import type { Page } from 'playwright-core';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';
import { settled, results, search } from './directory-helpers.ts';

const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../data/build/${name}.json`), 'utf8')) as T;
interface Partner { id: string; name: { ja: string; en?: string }; aliases: string[]; country: string; reading?: string }
interface Agreement { id: string; partner: string; partners: string[]; home: string; signedOn?: string; signedYear?: number }
const partners = read<Partner[]>('partners');
const agreements = read<Agreement[]>('agreements');
const programmes = read<{ partner: string; home: string }[]>('programmes');
const degrees = read<{ partners: string[]; home: string }[]>('degree-programmes');
const strategic = read<{ members: string[]; home: string }[]>('strategic-partnerships');

const bordeaux = partners.find((p) => p.aliases.includes('ボルドー大学'))!;
const gadjah = partners.find((p) => p.name.ja === 'ガジャマダ大学')!;
const usIds = new Set(partners.filter((p) => p.country === 'US').map((p) => p.id));
const agreementsOf = (id: string) => agreements.filter((a) => a.partners.includes(id));
const yearOf = (a: Agreement) => (a.signedOn ? Number(a.signedOn.slice(0, 4)) : a.signedYear);
/** Every home a partner is linked to (agreements, programmes, degree programmes, strategic partnerships). */
const homesOf = (id: string) => new Set([
  ...agreementsOf(id).map((a) => a.home),
  ...programmes.filter((p) => p.partner === id).map((p) => p.home),
  ...degrees.filter((x) => x.partners.includes(id)).map((x) => x.home),
  ...strategic.filter((x) => x.members.includes(id)).map((x) => x.home),
]);
const bordeauxHome = [...homesOf(bordeaux.id)].sort()[0]!;

const attr = (page: Page, name: string) => page.locator('ul[data-results] > li[data-partner]:visible').evaluateAll((els, n) => els.map((e) => e.getAttribute(n) ?? ''), name);
const countText = (page: Page) => page.locator('[data-result-count]').innerText();

describe('directory search', () => {
  expect(bordeaux, 'a partner with the alias ボルドー大学').toBeDefined();
  expect(gadjah, 'Gadjah Mada in partners.json').toBeDefined();

  for (const [locale, path] of [['ja', '/partners/'], ['en', '/en/partners/']] as const) {
    test(`${locale}: ボルドー, Bordeaux and borudo each find ${bordeaux.id}`, async ({ visit }) => {
      const v = await visit(path);
      for (const q of ['ボルドー', 'Bordeaux', 'borudo']) {
        await search(v.page, q);
        const ids = await results(v.page);
        expect(ids, q).toContain(bordeaux.id);
        expect(ids[0], `${q}: best match first`).toBe(bordeaux.id);
        expect(await countText(v.page)).toContain(String(ids.length));
        // The match is highlighted (with <mark> elements) where the name shown contains it: the
        // Japanese name on ja pages (romaji through its reading), the English name on en pages.
        const shown = locale === 'ja' ? q !== 'Bordeaux' : bordeaux.name.en ? q === 'Bordeaux' : q !== 'Bordeaux';
        if (shown) expect(await v.page.locator(`li[data-partner="${bordeaux.id}"] a.name mark`).count(), q).toBeGreaterThan(0);
      }
      expectCleanVisit(v);
    });
  }

  test('en: pinyin finds Chinese partners written in kanji, shown by their English names with the Japanese after', async ({ visit }) => {
    // Every partner whose Japanese name starts with 北京 (Beijing), read from partners.json.
    const beijing = partners.filter((p) => p.name.ja.startsWith('北京'));
    expect(beijing.length).toBeGreaterThan(5);
    const v = await visit('/en/partners/');
    await search(v.page, 'beijing');
    const ids = await results(v.page);
    expect(new Set(ids.slice(0, beijing.length))).toEqual(new Set(beijing.map((p) => p.id)));
    const pku = partners.find((p) => p.name.ja === '北京大学')!;
    const item = v.page.locator(`li[data-partner="${pku.id}"] a.name`);
    expect(await item.locator('[lang="en"]').first().innerText()).toBe(pku.name.en);
    expect(await item.locator('[lang="ja"]').first().innerText()).toBe('北京大学');
    // an institution with an English name shows no romanised reading
    expect(await item.innerText()).not.toContain('Reading');
    expectCleanVisit(v);
  });

  test('a misspelling finds the partner through the fuzzy matcher, which runs in a Web Worker', async ({ visit }) => {
    const v = await visit('/partners/');
    // "bordeax" is no name's start or word: no exact match; Fuse (in the worker) finds ボルドー大学.
    await search(v.page, 'bordeax');
    expect(await results(v.page)).toContain(bordeaux.id);
    const workers = v.page.workers().map((w) => w.url());
    expect(workers.some((u) => /fuzzy-worker/.test(u))).toBe(true);
    expectCleanVisit(v);
  });

  test('a country alias (USA, 米国) shows that country’s partners and only those', async ({ visit }) => {
    const v = await visit('/partners/');
    for (const q of ['USA', '米国']) {
      await search(v.page, q);
      const ids = await results(v.page);
      expect(ids.filter((id) => !usIds.has(id)), q).toEqual([]);
      expect(new Set(ids), q).toEqual(usIds);
      expect(new Set(await attr(v.page, 'data-country'))).toEqual(new Set(['US']));
    }
    expectCleanVisit(v);
  });

  test('a facet combines with the query, and the counts in the facet follow the query', async ({ visit }) => {
    const v = await visit('/partners/');
    await search(v.page, 'borudo');
    const before = await results(v.page);
    await v.page.selectOption('#f-home', bordeauxHome);
    await settled(v.page);
    expect(new URL(v.page.url()).searchParams.get('home')).toBe(bordeauxHome);
    const after = await results(v.page);
    expect(after).toContain(bordeaux.id);
    expect(after.every((id) => before.includes(id))).toBe(true);
    for (const homes of await attr(v.page, 'data-home')) expect(homes.split(' ')).toContain(bordeauxHome);
    // The option's count is the number of results with that home chosen.
    const label = await v.page.locator(`#f-home option[value="${bordeauxHome}"]`).innerText();
    expect(label).toContain(String(after.length));
    expectCleanVisit(v);
  });

  test('a shared URL (?q=…&home=…) opens with its state applied', async ({ visit }) => {
    const v = await visit(`/partners/?q=${encodeURIComponent('ボルドー')}&home=${bordeauxHome}`);
    await settled(v.page);
    expect(await v.page.inputValue('#q')).toBe('ボルドー');
    expect(await v.page.inputValue('#f-home')).toBe(bordeauxHome);
    const ids = await results(v.page);
    expect(ids[0]).toBe(bordeaux.id);
    for (const homes of await attr(v.page, 'data-home')) expect(homes.split(' ')).toContain(bordeauxHome);
    expectCleanVisit(v);
  });

  test('Back and Forward restore the form and the results', async ({ visit }) => {
    const v = await visit('/partners/');
    const { page } = v;
    await search(page, 'borudo');
    const queryOnly = await results(page);
    await page.selectOption('#f-home', bordeauxHome);
    await settled(page);
    const withHome = await results(page);
    await page.selectOption('#f-sort', 'year');
    await settled(page);

    await page.goBack();
    await settled(page);
    expect(await page.inputValue('#f-sort')).toBe('');
    expect(await page.inputValue('#f-home')).toBe(bordeauxHome);
    expect(await results(page)).toEqual(withHome);

    await page.goBack();
    await settled(page);
    expect(await page.inputValue('#f-home')).toBe('');
    expect(await page.inputValue('#q')).toBe('borudo');
    expect(await results(page)).toEqual(queryOnly);

    await page.goForward();
    await settled(page);
    expect(await page.inputValue('#f-home')).toBe(bordeauxHome);
    expect(await results(page)).toEqual(withHome);
    expectCleanVisit(v);
  });

  test('keyboard only: Tab to the search box, type, Tab to a facet, change it, Tab on to a result link', async ({ visit }) => {
    const v = await visit('/partners/');
    const { page } = v;
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
    let tabs = 0;
    while ((await focused()) !== 'q' && tabs++ < 15) await page.keyboard.press('Tab');
    expect(await focused()).toBe('q');
    await page.keyboard.type('borudo');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('q'))).toBe('borudo');
    await settled(page);
    const typed = await results(page);
    expect(typed).toContain(bordeaux.id);

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('f-home');
    await page.keyboard.press('ArrowDown');
    await settled(page);
    const home = await page.inputValue('#f-home');
    expect(home).not.toBe('');
    expect(new URL(page.url()).searchParams.get('home')).toBe(home);
    for (const homes of await attr(page, 'data-home')) expect(homes.split(' ')).toContain(home);

    // No trap: Tab carries on through the other controls to the results, which are links.
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('ul[data-results] li[data-partner] a') ?? false);
    }
    expect(reached).toBe(true);
    expectCleanVisit(v);
  });

  test('the language switch keeps the query string, and the other language applies it', async ({ visit }) => {
    const v = await visit('/partners/?q=borudo');
    const { page } = v;
    await settled(page);
    expect(await page.getAttribute('a[data-lang-switch]', 'href')).toBe('/en/partners/?q=borudo');
    await page.selectOption('#f-home', bordeauxHome);
    await settled(page);
    expect(await page.getAttribute('a[data-lang-switch]', 'href')).toBe(`/en/partners/?q=borudo&home=${bordeauxHome}`);
    await page.click('a[data-lang-switch]');
    await page.waitForURL(/\/en\/partners\//);
    await settled(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.inputValue('#q')).toBe('borudo');
    expect(await page.inputValue('#f-home')).toBe(bordeauxHome);
    expect(await results(page)).toContain(bordeaux.id);
    expect(await page.getAttribute('a[data-lang-switch]', 'href')).toBe(`/partners/?q=borudo&home=${bordeauxHome}`);
    expectCleanVisit(v);
  });

  test('nothing matching shows the empty state and a zero count', async ({ visit }) => {
    const v = await visit('/partners/?q=zzqxzzqx');
    await settled(v.page);
    expect(await results(v.page)).toEqual([]);
    await expect.poll(() => v.page.locator('[data-empty]').isVisible()).toBe(true);
    expect(await countText(v.page)).toMatch(/^0\b/);
    expectCleanVisit(v);
  });

  test('an empty result says how many match without the filters, and removes them with one button', async ({ visit }) => {
    const v = await visit('/partners/?q=borudo');
    await settled(v.page);
    const unfiltered = await results(v.page);
    expect(unfiltered.length).toBeGreaterThan(0);
    // A country none of those results is in: nothing matches.
    const shownCountries = new Set(await attr(v.page, 'data-country'));
    const other = [...new Set(partners.map((p) => p.country))].sort().find((c) => !shownCountries.has(c))!;
    await v.page.goto(`/partners/?q=borudo&country=${other}`);
    await settled(v.page);
    expect(await results(v.page)).toEqual([]);
    const note = v.page.locator('[data-empty-filters]');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain(String(unfiltered.length));
    expect(await v.page.locator('[data-empty-query]').isVisible()).toBe(true);
    await note.locator('button').focus();
    await v.page.keyboard.press('Enter');
    await expect.poll(() => v.page.evaluate(() => location.search)).toBe('?q=borudo');
    await settled(v.page);
    expect(await results(v.page)).toEqual(unfiltered);
    expect(await v.page.locator('#f-country').inputValue()).toBe('');
    expectCleanVisit(v);
  });

  test('clearing the query brings back every partner in the server-rendered order', async ({ visit }) => {
    const v = await visit('/partners/');
    const initial = await results(v.page);
    expect(initial.length).toBe(partners.length);
    await search(v.page, 'borudo');
    expect((await results(v.page)).length).toBeLessThan(partners.length);
    await v.page.fill('#q', '');
    await expect.poll(() => v.page.evaluate(() => location.search)).toBe('');
    await settled(v.page);
    expect(await results(v.page)).toEqual(initial);
    expect(await countText(v.page)).toContain(new Intl.NumberFormat('ja-JP').format(partners.length));
    expect(await v.page.locator('ul[data-results] mark').count()).toBe(0);
    expectCleanVisit(v);
  });

  test('without JavaScript a URL with state still lists every partner, with working links', async ({ visit }) => {
    const v = await visit('/partners/?q=borudo&home=osaka', { javaScriptEnabled: false });
    expect(await v.page.locator('li[data-partner]').count()).toBe(partners.length);
    const href = await v.page.locator(`li[data-partner="${bordeaux.id}"] a`).getAttribute('href');
    expect(href).toBe(`/partners/${bordeaux.id}/`);
  });

  for (const [locale, path] of [['ja', '/partners/'], ['en', '/en/partners/']] as const) {
    test(`${locale}: no serious axe violation with a query entered (results and empty state)`, async ({ visit }) => {
      const v = await visit(`${path}?q=borudo`);
      await settled(v.page);
      await expectNoSeriousA11yViolations(v.page);
      await v.page.fill('#q', 'zzqxzzqx');
      await expect.poll(() => v.page.locator('[data-empty]').isVisible()).toBe(true);
      await expectNoSeriousA11yViolations(v.page);
      expectCleanVisit(v);
    });
  }
});

describe('the issue’s question: which of the five universities have agreements with Gadjah Mada, and since when?', () => {
  const own = agreementsOf(gadjah.id);
  const homes = [...new Set(own.map((a) => a.home))].sort();
  const years = own.map(yearOf).filter((y): y is number => y !== undefined);

  for (const q of ['ガジャマダ', gadjah.name.en ? 'Gadjah' : 'gajamada']) {
    test(`searching ${q} answers it from the directory and the partner page`, async ({ visit }) => {
      expect(homes.length).toBeGreaterThan(1);
      const v = await visit('/partners/');
      await search(v.page, q);
      const ids = await results(v.page);
      expect(ids[0]).toBe(gadjah.id);
      const item = v.page.locator(`li[data-partner="${gadjah.id}"]`);
      // Which universities: every home with an agreement is on the result.
      const shownHomes = (await item.getAttribute('data-home'))!.split(' ');
      for (const h of homes) expect(shownHomes).toContain(h);
      expect(shownHomes.every((h) => homesOf(gadjah.id).has(h))).toBe(true);
      // Since when: the first year any agreement was signed.
      expect(Number(await item.getAttribute('data-first-year'))).toBe(Math.min(...years));

      // Per university: the partner page lists each agreement with its date.
      await item.locator('a.name').click();
      await v.page.waitForURL(new RegExp(`/partners/${gadjah.id}/$`));
      const rows = await v.page.locator('tr[data-agreement]').evaluateAll((trs) => trs.map((tr) => ({ id: tr.getAttribute('data-agreement')!, date: tr.querySelector('time')?.getAttribute('datetime') ?? null })));
      expect(rows.map((r) => r.id).sort()).toEqual(own.map((a) => a.id).sort());
      for (const h of homes) {
        const dated = own.filter((a) => a.home === h && a.signedOn).map((a) => a.signedOn!).sort();
        const shown = rows.filter((r) => own.find((a) => a.id === r.id)!.home === h && r.date).map((r) => r.date!).sort();
        expect(shown[0] ?? null, h).toBe(dated[0] ?? null);
      }
      expectCleanVisit(v);
    });
  }
});
