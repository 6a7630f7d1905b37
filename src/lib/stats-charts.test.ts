/**
 * The /stats/ charts from the real data: every chart has a title, a subtitle naming its source
 * lines, an SVG with an accessible name, and a table; the rendered SVGs are snapshot-tested; the
 * students-by-region table adds up to what the document's country table gives (tsukuba-fy2023,
 * 合計 at line 486, short of it by the recorded erratum).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { statsCharts, chartCsv } from './stats-charts.ts';

const flows = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/build/flows.json'), 'utf8')) as { population: string; direction: string; category: string; unit?: string; count: number; source: { line: number } }[];

describe('statsCharts', () => {
  for (const locale of ['ja', 'en'] as const) {
    const charts = statsCharts(locale);
    it(`${locale}: every chart has words, an accessible SVG, rows and a CSV of exactly those rows`, () => {
      expect(charts.length).toBeGreaterThanOrEqual(12);
      for (const c of charts) {
        expect(c.title, c.id).not.toBe('');
        expect(c.subtitle, c.id).toMatch(/\d/);
        expect(c.svg, c.id).toMatch(/^<svg[^>]* role="img"/);
        expect(c.svg, c.id).toContain(`aria-label="${c.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
        expect(c.rows.length, c.id).toBeGreaterThan(0);
        expect(chartCsv(c).trim().split('\n').length, c.id).toBe(c.rows.length + 1);
      }
    });
  }

  it('students outbound by region: the rows add up to the country table (L325–L485), 8 short of its 合計 at L486 (erratum)', () => {
    const c = statsCharts('en').find((x) => x.id === 'student-outbound-region')!;
    const total = c.rows.reduce((a, r) => a + (r[1] as number), 0);
    // the country table's cells, computed here directly from the flows (by country: no unit)
    const direct = flows.filter((f) => f.population === 'student' && f.direction === 'outbound' && !f.unit && f.category === 'total').reduce((a, f) => a + f.count, 0);
    expect(total).toBe(direct);
    // L486 states 1,992 outbound; the rows give 1,984 (data/reference/errata.json)
    expect(total).toBe(1992 - 8);
    expect(c.notes.map((n) => n.text).join(' ')).toContain('8 fewer');
  });

  it('the SVGs are stable (snapshots in src/lib/__snapshots__/)', async () => {
    const charts = statsCharts('ja');
    for (const id of ['student-outbound-region', 'student-balance-region', 'agreements-over-time']) {
      await expect(charts.find((c) => c.id === id)!.svg).toMatchFileSnapshot(`./__snapshots__/stats-${id}.svg`);
    }
  });
});
