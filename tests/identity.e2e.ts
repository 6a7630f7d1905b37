/**
 * Partners as identified institutions, in a real browser: names in both languages, website, city,
 * ROR id and locator map on partner pages; old URLs that send readers on; search by English names
 * and their common forms; partner maps on university, country and directory pages (the directory's
 * following its filters). Expected values are read from data/build, never typed in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';
import { settled, results, search } from './directory-helpers.ts';

const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../data/build/${name}.json`), 'utf8')) as T;
interface Partner {
  id: string; formerIds: string[]; name: { ja: string; en: string }; country: string; city: string | null; website: string | null; ror: string | null;
  location: { lat: number; lon: number } | null; otherNames?: string[]; identity: { status: string; evidence: string };
}
const partners = read<Partner[]>('partners');
const agreements = read<{ partner: string; partners: string[]; home: string }[]>('agreements');
const programmes = read<{ partner: string; home: string }[]>('programmes');
const degrees = read<{ partners: string[]; home: string }[]>('degree-programmes');
const strategic = read<{ members: string[]; home: string }[]>('strategic-partnerships');
const byRor = (ror: string) => partners.find((p) => p.ror === ror);
const mahidol = partners.find((p) => p.name.ja === 'マヒドン大学')!;
/** a partner whose id changed, with a registry record and a website */
const moved = partners.find((p) => p.formerIds.length > 0 && !p.formerIds.includes(p.id) && p.ror && p.website && p.location)!;


describe('partner pages', () => {
  test('English pages lead with the official English name, the Japanese after it marked lang="ja"; Japanese pages the reverse', async ({ visit }) => {
    const en = await visit(`/en/partners/${mahidol.id}/`);
    const h1 = en.page.locator('h1');
    expect(await h1.locator('span').first().getAttribute('lang')).toBe('en');
    expect(await h1.locator('span').first().innerText()).toBe(mahidol.name.en);
    expect(await h1.locator('span[lang="ja"]').innerText()).toBe(mahidol.name.ja);
    // no romanised reading where the institution has an English name
    expect(await en.page.locator('main').innerText()).not.toMatch(/Reading/);
    const ja = await visit(`/partners/${mahidol.id}/`);
    expect(await ja.page.locator('h1 span').first().innerText()).toBe(mahidol.name.ja);
    expect(await ja.page.locator('h1 span[lang="en"]').innerText()).toBe(mahidol.name.en);
    expectCleanVisit(en);
    expectCleanVisit(ja);
  });

  for (const locale of ['ja', 'en'] as const) {
    test(`${locale}: website, city, ROR id and a locator map, as the data has them`, async ({ visit }) => {
      const v = await visit(`${locale === 'en' ? '/en' : ''}/partners/${moved.id}/`);
      const site = v.page.locator('a[data-website]');
      expect(await site.getAttribute('href')).toBe(moved.website);
      expect(await site.getAttribute('rel')).toContain('external');
      expect(await v.page.locator(`a[data-ror="${moved.ror}"]`).getAttribute('href')).toBe(`https://ror.org/${moved.ror}`);
      expect(await v.page.locator('.partner-head').innerText()).toContain(moved.city!);
      expect(await v.page.locator('[data-identity]').getAttribute('data-identity')).toBe(moved.identity.status);
      const map = v.page.locator('figure[data-map="partners"]');
      expect(await map.count()).toBe(1);
      expect(await map.locator('svg[role="img"]').getAttribute('aria-label')).toBeTruthy();
      expect(await map.locator('[data-partners]').evaluateAll((els) => els.map((e) => e.getAttribute('data-partners')))).toEqual(['1']);
      expect(await map.innerText()).toContain('Research Organization Registry (ROR)');
      expect(await map.innerText()).toContain('GeoNames');
      await expectNoSeriousA11yViolations(v.page);
      expectCleanVisit(v);
    });
  }

  test('a partner without a registry record says so, with its reason', async ({ visit }) => {
    const p = partners.find((x) => x.identity.status === 'reviewed' && x.location)!;
    const v = await visit(`/en/partners/${p.id}/`);
    expect(await v.page.locator('[data-identity]').getAttribute('data-identity')).toBe('reviewed');
    expect(await v.page.locator('a[data-ror]').count()).toBe(0);
    expect(await v.page.locator('.identity-evidence p').textContent()).toBe(p.identity.evidence);
    expectCleanVisit(v);
  });
});

describe('old URLs keep working', () => {
  for (const locale of ['ja', 'en'] as const) {
    test(`${locale}: /partners/<former id>/ names the new page as canonical, links to it and sends the reader there`, async ({ visit }) => {
      const prefix = locale === 'en' ? '/en' : '';
      const to = `${prefix}/partners/${moved.id}/`;
      const v = await visit(`${prefix}/partners/${moved.formerIds.find((f) => f !== moved.id)}/`, { javaScriptEnabled: false });
      expect(v.response?.status()).toBe(200);
      // the refresh is followed: the reader lands on the new page
      await v.page.waitForURL((u) => u.pathname === to, { timeout: 10_000 });
      expect(await v.page.locator('h1').innerText()).toContain(locale === 'en' ? moved.name.en : moved.name.ja);
      expectCleanVisit(v);
    });
  }
  test('the moved page itself: meta refresh, canonical, noindex and a plain link', async ({ baseURL }) => {
    const former = moved.formerIds.find((f) => f !== moved.id)!;
    const html = await (await fetch(new URL(`/en/partners/${former}/`, baseURL))).text();
    expect(html).toContain(`<meta http-equiv="refresh" content="0; url=/en/partners/${moved.id}/">`);
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*/en/partners/${moved.id}/">`));
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`href="/en/partners/${moved.id}/"`);
  });
});

describe('search by English names and their common forms', () => {
  // Each query and the institution it means, found by its registry record or its English name.
  const cases: [string, Partner | undefined][] = [
    ['Mahidol', mahidol],
    ['bogazici', partners.find((p) => /^Boğaziçi/.test(p.name.en))],
    ['ETH Zurich', partners.find((p) => p.name.en === 'ETH Zurich')],
    ['SOAS', partners.find((p) => /^SOAS/.test(p.name.en))],
    ['RMIT', partners.find((p) => /^RMIT/.test(p.name.en))],
    ['UC Irvine', partners.find((p) => p.name.en === 'University of California, Irvine')],
  ];
  for (const [locale, path] of [['en', '/en/partners/'], ['ja', '/partners/']] as const) {
    test(`${locale}: ${cases.map(([q]) => q).join(', ')} each find their institution first`, async ({ visit }) => {
      const v = await visit(path);
      for (const [q, p] of cases) {
        expect(p, q).toBeDefined();
        await search(v.page, q);
        expect((await results(v.page))[0], q).toBe(p!.id);
      }
      expectCleanVisit(v);
    });
  }
});

/** Every partner a university has a relation with: an agreement, a programme, a degree programme or a strategic partnership. */
const partnersOf = (home: string) => new Set([
  ...agreements.filter((a) => a.home === home).flatMap((a) => a.partners),
  ...programmes.filter((a) => a.home === home).map((a) => a.partner),
  ...degrees.filter((x) => x.home === home).flatMap((x) => x.partners),
  ...strategic.filter((x) => x.home === home).flatMap((x) => x.members),
]);
const placed = (ids: Iterable<string>) => [...ids].map((id) => partners.find((p) => p.id === id)!).filter((p) => p.location && p.city);

describe('partner maps', () => {
  for (const home of ['tsukuba', 'utokyo']) {
    test(`/en/universities/${home}/: one mark per city, the marks' counts add up to the located partners, a table names them all`, async ({ visit }) => {
      const v = await visit(`/en/universities/${home}/`);
      const map = v.page.locator('figure[data-map="partners"]');
      expect(await map.count()).toBe(1);
      const counts = await map.locator('svg [data-partners]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-partners'))));
      const mine = placed(partnersOf(home));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(mine.length);
      expect(counts.length).toBe(new Set(mine.map((p) => `${p.country}|${p.city}`)).size);
      // the table alternative links every partner of the university
      const linked = await map.locator('table a[href^="/en/partners/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/')[3]));
      expect(new Set(linked)).toEqual(partnersOf(home));
      expect(await map.innerText()).toContain('GeoNames');
      await expectNoSeriousA11yViolations(v.page);
      expectCleanVisit(v);
    });
  }

  test('a country page maps its partners; a mark\'s tooltip works by keyboard', async ({ visit }) => {
    const v = await visit('/en/countries/fr/');
    const map = v.page.locator('figure[data-map="partners"]');
    const counts = await map.locator('svg [data-partners]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-partners'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(placed(partners.filter((p) => p.country === 'FR').map((p) => p.id)).length);
    const paris = partners.filter((p) => p.country === 'FR' && p.city === 'Paris').length;
    const mark = map.locator('svg [data-city="FR|Paris"]');
    expect(await mark.getAttribute('data-partners')).toBe(String(paris));
    await mark.focus();
    const tip = v.page.locator('.chart-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toContain('Paris');
    expectCleanVisit(v);
  });

  test('the directory\'s map shows every partner without a query and follows the filters', async ({ visit }) => {
    const v = await visit('/en/partners/');
    await v.page.locator('[data-map-panel] > summary').click();
    const total = () => v.page.locator('figure[data-map="partners"] svg [data-partners]').evaluateAll((els) => els.reduce((a, e) => a + Number(e.getAttribute('data-partners')), 0));
    expect(await total()).toBe(placed(partners.map((p) => p.id)).length);
    await v.page.selectOption('#f-country', 'TH');
    await settled(v.page);
    const th = placed(partners.filter((p) => p.country === 'TH').map((p) => p.id));
    await expect.poll(total).toBe(th.length);
    const shown = await v.page.locator('figure[data-map="partners"] svg [data-partners]:not([display="none"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-city')!));
    expect(shown.every((c) => c.startsWith('TH|'))).toBe(true);
    // a mark's tooltip text follows: how many of the results are in that city, named with its country
    const bangkok = th.filter((p) => p.city === 'Bangkok').length;
    const title = await v.page.locator('figure[data-map="partners"] svg [data-city="TH|Bangkok"] title').textContent();
    expect(title).toBe(`${bangkok} partners in Bangkok, Thailand`);
    expectCleanVisit(v);
  });
});

test('the directory\'s map links its alternative: every partner in a table by city, on a page of its own', async ({ visit }) => {
  const v = await visit('/en/partners/');
  const href = await v.page.locator('[data-map-table-link]').getAttribute('href');
  expect(href).toBe('/en/partners/cities/');
  const c = await visit(href!);
  const linked = await c.page.locator('table[data-map-table] a[href^="/en/partners/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/')[3]));
  expect(new Set(linked)).toEqual(new Set(partners.map((p) => p.id)));
  expect(linked.length).toBe(partners.length);
  await expectNoSeriousA11yViolations(c.page);
  expectCleanVisit(v);
  expectCleanVisit(c);
});

describe('the validation report', () => {
  test('counts partners by identity status, and lists every partner with no registry record with its reason', async ({ visit }) => {
    const v = await visit('/en/data/validation/');
    for (const status of ['ror', 'registry', 'reviewed', 'unidentified']) {
      const shown = await v.page.locator(`tr[data-identity-status="${status}"] td`).innerText();
      expect(Number(shown.replace(/,/g, '')), status).toBe(partners.filter((p) => p.identity.status === status).length);
    }
    await v.page.locator('a[data-identity-list]').click();
    await v.page.waitForURL(/\/en\/data\/validation\/identities\/$/);
    const listed = await v.page.locator('table[data-identity-missing] tr[data-partner]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-partner')!, tr.querySelector('td:last-child')!.textContent!]));
    const expected = partners.filter((p) => p.identity.status === 'reviewed' || p.identity.status === 'unidentified');
    expect(new Set(listed.map(([id]) => id))).toEqual(new Set(expected.map((p) => p.id)));
    for (const [id, reason] of listed) expect(partners.find((p) => p.id === id)!.identity.evidence, id).toContain(reason);
    await expectNoSeriousA11yViolations(v.page);
    expectCleanVisit(v);
  });
});

test('ROR ids on partner pages are those of data/build (spot check: the registry record the identity names)', () => {
  expect(byRor('01znkr924')?.id).toBe(mahidol.id);
});
