/**
 * The /stats/ charts from the real data: every chart has a title, a subtitle naming its source
 * lines, an SVG with an accessible name, and a table; the rendered SVGs are snapshot-tested; the
 * students-by-region table adds up to what the document's country table gives (tsukuba-fy2023,
 * 合計 at line 486, short of it by the recorded erratum).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { statsCharts, chartCsv, unitFlowsChart, lineRanges, homeCharts } from './stats-charts.ts';
import { lineRuns } from './site.ts';
import { unitKindLabel } from './labels.ts';

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

describe('unit pages', () => {
  const units = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/build/units.json'), 'utf8')) as { id: string; kind: string }[];

  it('人間総合科学学術院: its chart plots its own rows and its 研究群\'s (lines 31–32, 315–316), as the table gives them', () => {
    const ja = unitFlowsChart('tsukuba-graduate-school-of-comprehensive-human-sciences', 'ja')!;
    // line 315 574 + line 316 25 inbound; 333 + 27 outbound; staff line 31 14 + line 32 7 inbound, 1 + 0 outbound
    expect(ja.chart.rows).toEqual([['学生・受入', 599], ['学生・派遣', 360], ['教職員等・受入', 21], ['教職員等・派遣', 1]]);
    expect(ja.chart.subtitle).toContain('出典 tsukuba-fy2023 31–32・315–316行目');
    expect(ja.chart.svg).toMatch(/^<svg[^>]* role="img"/);
    // its own rows: line 31 (staff) and line 316 (students), added to the 研究群's
    expect(ja.chart.notes.map((n) => n.text).join(' ')).toContain('自身も表に行があり（31・316行目）');
    const en = unitFlowsChart('tsukuba-graduate-school-of-comprehensive-human-sciences', 'en')!;
    expect(en.chart.rows.map((r) => r[1])).toEqual([599, 360, 21, 1]);
    expect(en.chart.subtitle).toContain('Source: tsukuba-fy2023 lines 31–32, 315–316');
  });

  it('a unit with one row cites one line; a unit no table counts has no chart', () => {
    // line 65 体育センター: 受入 0, 派遣 その他 1
    expect(unitFlowsChart('tsukuba-physical-education-center', 'en')!.chart.subtitle).toMatch(/Source: tsukuba-fy2023 line 65$/);
    expect(unitFlowsChart('hiroshima-advanced-science-and-engineering-graduate-school', 'en')).toBeUndefined();
  });

  it('every chart\'s rows add up to the unit table\'s cells under the unit, for every unit', () => {
    for (const u of units) {
      const c = unitFlowsChart(u.id, 'en');
      if (!c) continue;
      for (const r of c.summary.totals) expect(r.value, u.id).toBe(r.own + c.summary.children.flatMap((ch) => ch.cells).filter((x) => x.population === r.population && x.direction === r.direction).reduce((a, x) => a + x.value, 0));
    }
  });

  it('every unit kind in units.json has words in both languages', () => {
    for (const kind of new Set(units.map((u) => u.kind))) {
      expect(unitKindLabel('ja', kind), kind).not.toBe(kind);
      expect(unitKindLabel('en', kind), kind).not.toBe(kind);
    }
  });

  it('lineRuns and lineRanges fold consecutive lines', () => {
    const refs = [318, 31, 316, 32, 315, 32].map((line) => ({ id: 'doc', line }));
    expect(lineRuns(refs)).toEqual([{ id: 'doc', from: 31, to: 32 }, { id: 'doc', from: 315, to: 316 }, { id: 'doc', from: 318, to: 318 }]);
    expect(lineRanges(refs, 'en')).toBe('31–32, 315–316, 318');
    expect(lineRanges(refs, 'ja')).toBe('31–32・315–316・318');
  });

  it('the SVG is stable (snapshot in src/lib/__snapshots__/)', async () => {
    await expect(unitFlowsChart('tsukuba-graduate-school-of-comprehensive-human-sciences', 'ja')!.chart.svg).toMatchFileSnapshot('./__snapshots__/unit-tsukuba-graduate-school-of-comprehensive-human-sciences.svg');
  });
});

describe('university pages', () => {
  const agreements = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/build/agreements.json'), 'utf8')) as { home: string; signedOn?: string; signedYear?: number }[];

  it('Tsukuba: people received and sent are the 合計 rows of the tables by unit (lines 90 and 318)', () => {
    const c = homeCharts('tsukuba', 'en').find((x) => x.id === 'home-flows')!;
    // line 318: 外国人留学生 2,003 + 570 = 2,573, 学生の海外派遣数 1,992; line 90: 受入 1,156, 派遣 2,133
    expect(c.rows).toEqual([['Students inbound', 2573], ['Students outbound', 1992], ['Staff inbound', 1156], ['Staff outbound', 2133]]);
    expect(c.subtitle).toContain('head count on 1 Dec 2023');
    // the unit tables' checks all hold: no shortfall note (the country table's erratum is not this chart's)
    expect(c.notes.map((n) => n.text).join(' ')).not.toContain('fewer than the total');
    // and each sum is shown equal to the document's own 合計 row, linked
    expect(c.notes.filter((n) => n.text.includes('equal to the document’s own total')).map((n) => n.href)).toEqual([
      '/en/sources/tsukuba-fy2023/#L318', '/en/sources/tsukuba-fy2023/#L318', '/en/sources/tsukuba-fy2023/#L90', '/en/sources/tsukuba-fy2023/#L90',
    ]);
    // line 46 lost its 合計 (派遣) cell: the note names the cell and links the line
    expect(c.notes.find((n) => n.href?.endsWith('#L46'))).toMatchObject({ linkText: 'line 46' });
    expect(c.notes.find((n) => n.href?.endsWith('#L46'))!.text).toContain('“合計 (派遣)”');
  });

  it('a university without statistics tables gets its agreements by year only; the years add up to its dated agreements', () => {
    for (const home of ['hiroshima', 'osaka', 'utokyo', 'tmu', 'tsukuba']) {
      const charts = homeCharts(home, 'ja');
      const mine = agreements.filter((a) => a.home === home);
      const dated = mine.filter((a) => a.signedOn !== undefined || a.signedYear !== undefined).length;
      const perYear = charts.find((c) => c.id === 'home-agreements-new');
      if (dated === 0) { expect(perYear, home).toBeUndefined(); continue; }
      expect(perYear!.rows.reduce((a, r) => a + (r[1] as number), 0), home).toBe(dated);
      const cumulative = charts.find((c) => c.id === 'home-agreements-cumulative')!;
      expect(cumulative.rows.at(-1)![1], home).toBe(dated);
      if (dated < mine.length) expect(perYear!.notes.map((n) => n.text).join(' '), home).toContain(`${mine.length - dated} 件`);
      expect(charts.some((c) => c.id === 'home-flows'), home).toBe(home === 'tsukuba');
    }
  });
});
