/**
 * Facets never offer a choice with no result. Without JavaScript the directory's options are those
 * with partners (no Antarctica, no country that appears only in the exchange statistics); with it,
 * an option that the other filters leave empty is disabled. Counts are checked against an
 * independent count from data/build/partners.json and countries.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect } from './helpers.ts';

const read = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../data/build/${name}.json`), 'utf8'));
const partners = read('partners') as { country: string | null }[];
const regionOf = new Map((read('countries') as { code: string; region: string }[]).map((c) => [c.code, c.region]));
const partnerCountries = new Set(partners.map((p) => p.country).filter((c): c is string => c !== null));
// a network spanning countries (country null) is grouped as International (src/lib/partner-region.ts)
const partnerRegions = new Set([...[...partnerCountries].map((c) => regionOf.get(c)), ...(partners.some((p) => p.country === null) ? ['international'] : [])]);

describe('directory facets', () => {
  for (const locale of ['ja', 'en'] as const) {
    const path = locale === 'ja' ? '/partners/' : '/en/partners/';
    test(`${locale}: without JavaScript, every country and region offered has partners, and only those`, async ({ visit }) => {
      const v = await visit(path, { javaScriptEnabled: false });
      const values = (sel: string) => v.page.locator(`${sel} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      expect(new Set(await values('#f-country'))).toEqual(partnerCountries);
      expect(new Set(await values('#f-region'))).toEqual(partnerRegions);
      expect(await values('#f-region')).not.toContain('antarctica');
      const texts = await v.page.locator('select[data-facet] option').allInnerTexts();
      expect(texts.filter((t) => /[（(]0[）)]$/.test(t.trim()))).toEqual([]);
    });

    test(`${locale}: with a region chosen, the countries of other regions are disabled, never offered`, async ({ visit }) => {
      const v = await visit(`${path}?region=europe`);
      await v.page.waitForSelector('[data-partner]');
      // the counts follow the filters once the search index has loaded
      await expect.poll(() => v.page.locator('#f-country option:disabled').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await v.page.locator('#f-country option[value="FR"]').isDisabled()).toBe(false);
      const disabled = await v.page.locator('#f-country option:disabled').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(disabled.length).toBeGreaterThan(0);
      for (const c of disabled) expect(regionOf.get(c), c).not.toBe('europe');
    });
  }
});
