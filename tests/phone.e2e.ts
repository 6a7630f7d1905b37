/**
 * Phones (390×844): results come first. On the directory and the finder the filters (and the
 * finder's profile) fold behind a button that counts those set; the directory's first result lies
 * within the first screen and the finder's first programme within one and a half; no page scrolls
 * sideways (wide tables scroll inside their own box). At desktop width the filters are shown and the
 * button is not; without JavaScript they are shown at every width.
 */
import { describe } from 'vitest';
import type { Page } from 'playwright-core';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1366, height: 900 } };
const SCREEN = 844;

/** Top and bottom of an element in the page (not the viewport), in CSS pixels. */
const box = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
});

describe('phones: results first', () => {
  for (const path of ['/partners/', '/en/partners/']) {
    test(`${path}: the first result is within the first screen, the filters folded behind a button`, async ({ visit }) => {
      const v = await visit(path, PHONE);
      const first = await box(v.page, 'ul[data-results] > li[data-partner]');
      expect(first.bottom, `first result ends at ${first.bottom} px`).toBeLessThanOrEqual(SCREEN);
      const toggle = v.page.locator('[data-filters-toggle]');
      expect(await toggle.isVisible()).toBe(true);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await v.page.locator('#f-country').isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await v.page.locator('#f-country').isVisible()).toBe(true);
      expectCleanVisit(v);
    });
  }

  test('the button counts the filters set: by the form, and from a shared link', async ({ visit }) => {
    const v = await visit('/en/partners/?home=osaka&level=university&sort=name', PHONE);
    const count = v.page.locator('[data-filters-toggle] [data-active-count]');
    // two filters from the link; the sort order is not a filter
    await expect.poll(() => count.innerText()).toBe('2 set');
    await v.page.locator('[data-filters-toggle]').click();
    await v.page.selectOption('#f-home', '');
    await expect.poll(() => count.innerText()).toBe('1 set');
    await v.page.selectOption('#f-level', '');
    await expect.poll(() => count.innerText()).toBe('');
    await v.page.locator('#f-waiver').check();
    await expect.poll(() => count.innerText()).toBe('1 set');
    // Back through the states (the script sets the form, no input event): the count follows each
    await v.page.goBack();
    await expect.poll(() => count.innerText()).toBe('');
    await v.page.goBack();
    await v.page.goBack();
    await expect.poll(() => v.page.evaluate(() => location.search)).toContain('home=osaka');
    await expect.poll(() => count.innerText()).toBe('2 set');
    await expectNoSeriousA11yViolations(v.page);
  });

  for (const path of ['/programmes/', '/en/programmes/']) {
    test(`${path}: the first programme starts within one and a half screens; the scores in view, the rest folded`, async ({ visit }) => {
      const v = await visit(path, PHONE);
      const first = await box(v.page, 'ol[data-programmes] > li:not([hidden])');
      expect(first.top, `first programme starts at ${first.top} px`).toBeLessThanOrEqual(SCREEN * 1.5);
      // GPA, IELTS and its lowest section, and the region are in view; the other tests and filters fold
      for (const id of ['#p-gpa', '#p-ielts', '#p-ieltsSection', '#f-region']) expect(await v.page.locator(id).isVisible(), id).toBe(true);
      expect(await v.page.locator('#p-level').isVisible()).toBe(false);
      await v.page.locator('[data-filters-toggle]').click();
      expect(await v.page.locator('#p-level').isVisible()).toBe(true);
      await v.page.fill('#p-toefl', '80');
      await v.page.selectOption('#p-level', 'undergraduate');
      await expect.poll(() => v.page.locator('[data-filters-toggle] [data-active-count]').innerText()).toBe(path.startsWith('/en/') ? '2 set' : '2件指定');
      await expectNoSeriousA11yViolations(v.page);
      expectCleanVisit(v);
    });
    test(`${path} with the issue's profile: the first programme and its status within one and a half screens`, async ({ visit }) => {
      const v = await visit(`${path}?gpa=3.2&ielts=6.5&ieltsSection=6`, PHONE);
      await v.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-finder]')?.dataset.ready === 'true');
      const status = await box(v.page, 'ol[data-programmes] > li:not([hidden]) .verdict .status');
      expect(status.top, `first status at ${status.top} px`).toBeLessThanOrEqual(SCREEN * 1.5);
      console.log(`[phone] ${path} with a profile: first status at ${Math.round(status.top)} px (limit ${SCREEN * 1.5})`);
      expectCleanVisit(v);
    });
  }

  test('at desktop width the filters are shown and the button is not', async ({ visit }) => {
    for (const path of ['/en/partners/', '/en/programmes/']) {
      const v = await visit(path, DESKTOP);
      expect(await v.page.locator('[data-filters-toggle]').isVisible()).toBe(false);
      expect(await v.page.locator('[data-filters-body] select').first().isVisible()).toBe(true);
    }
  });

  test('without JavaScript a phone shows the filters and no button that would do nothing', async ({ visit }) => {
    for (const path of ['/en/partners/', '/programmes/']) {
      const v = await visit(path, { ...PHONE, javaScriptEnabled: false });
      expect(await v.page.locator('[data-filters-toggle]').isVisible()).toBe(false);
      expect(await v.page.locator('[data-filters-body] select').first().isVisible()).toBe(true);
    }
  });
});

describe('phones: no page scrolls sideways at 390 px', () => {
  const pages = [
    '/', '/en/', '/partners/', '/en/partners/universitas-gadjah-mada/', '/countries/cn/', '/en/countries/us/',
    '/universities/tsukuba/', '/en/universities/osaka/', '/programmes/', '/en/programmes/',
    '/stats/', '/en/stats/', '/en/stats/view/student-balance-country/', '/stats/view/staff-outbound-unit/', '/en/stats/all/',
    '/data/', '/en/data/', '/en/data/validation/', '/en/partners/cities/', '/404/', '/compare/', '/en/compare/osaka-tsukuba/', '/en/units/hiroshima-graduate-school/', '/en/sources/osaka-2021/',
  ];
  for (const path of pages) {
    test(path, async ({ visit }) => {
      const v = await visit(path, PHONE);
      const { scroll, widest } = await v.page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        // the element sticking out furthest, to name in the failure
        let widest = '';
        let right = w;
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.right > right + 0.5 && !el.closest('.table-wrap, .scroll-x, svg')) { right = r.right; widest = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(r.right)} px`; }
        }
        return { scroll: document.documentElement.scrollWidth - w, widest };
      });
      expect(scroll, `${path} scrolls ${scroll} px sideways (widest: ${widest})`).toBeLessThanOrEqual(0);
    });
  }
});
