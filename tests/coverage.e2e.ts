/**
 * What the data covers, said where readers land: the home page, every partner page (one line), each
 * university page and the dataset page, in both languages, marked data-coverage, with the texts of the
 * reviewed coverage entries (sources.json `coverage`, from data/reference/coverage.json).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit, expectNoSeriousA11yViolations } from './helpers.ts';

type Src = { id: string; home: string; coverage: { short: { ja: string; en: string }; covers: { ja: string; en: string }; leavesOut: { ja: string; en: string } } };
const sources = JSON.parse(readFileSync(resolve(import.meta.dirname, '../data/build/sources.json'), 'utf8')) as Src[];
const homes = new Set(sources.map((s) => s.home));

describe('coverage statement', () => {
  for (const locale of ['ja', 'en'] as const) {
    const p = (path: string) => (locale === 'ja' ? path : `/en${path}`);

    test(`${locale}: the home page lists each document's one-line coverage`, async ({ visit }) => {
      const v = await visit(p('/'));
      expectCleanVisit(v);
      const text = await v.page.locator('[data-coverage="list"]').innerText();
      for (const s of sources) expect(text).toContain(s.coverage.short[locale]);
      await expectNoSeriousA11yViolations(v.page);
    });

    test(`${locale}: a partner page says it covers ${homes.size} universities' lists, not every agreement`, async ({ visit }) => {
      const v = await visit(p('/partners/mahidol-university/'));
      const line = await v.page.locator('[data-coverage="line"]').innerText();
      expect(line).toContain(String(homes.size));
      expect(line).toMatch(locale === 'ja' ? /すべての協定を含むわけではありません/ : /not every agreement of each/);
      expect(await v.page.locator('[data-coverage="line"] a').getAttribute('href')).toBe(p('/data/#coverage'));
    });

    test(`${locale}: Osaka's page says what its list covers and leaves out`, async ({ visit }) => {
      const v = await visit(p('/universities/osaka/'));
      const o = sources.find((s) => s.id === 'osaka-2021')!;
      const text = await v.page.locator('[data-coverage="home"]').innerText();
      expect(text).toContain(o.coverage.covers[locale]);
      expect(text).toContain(o.coverage.leavesOut[locale]);
      await expectNoSeriousA11yViolations(v.page);
    });

    test(`${locale}: /data/ says what the data can and cannot tell, one row per document`, async ({ visit }) => {
      const v = await visit(p('/data/'));
      const section = v.page.locator('[data-coverage="full"]');
      expect(await section.locator('h2').innerText()).toBe(locale === 'ja' ? 'このデータで分かること・分からないこと' : 'What this data can and cannot tell you');
      expect(await section.locator('tbody tr').count()).toBe(sources.length);
      for (const s of sources) expect(await section.locator(`tr[data-source="${s.id}"]`).innerText()).toContain(s.coverage.leavesOut[locale]);
      await expectNoSeriousA11yViolations(v.page);
    });
  }
});
