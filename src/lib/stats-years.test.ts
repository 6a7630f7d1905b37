/**
 * Year over year with no code change: a second fiscal year of a known layout, added to a manifest,
 * gives the stats page its year list and a year-over-year chart. The fixture is built from the real
 * document: tsukuba-fy2023 with its fiscal year relabelled (令和5年度 → 令和6年度) as tsukuba-fy2024.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fixtureDataset, type FixtureDataset } from './fixture-dataset.ts';

let fixture: FixtureDataset | undefined;

beforeAll(() => {
  // The real manifest, every document as it is, plus the relabelled copy.
  fixture = fixtureDataset({
    prefix: 'koryu-years-',
    from: (s) => s.id === 'tsukuba-fy2023',
    file: 'tsukuba-fy2024.txt',
    text: (t) => t.replaceAll('令和5年度', '令和6年度'),
    entry: (s) => ({ ...s, id: 'tsukuba-fy2024', fiscalYear: 2024, asOf: '2025-03-31', title: `${s.title} (fixture: FY2024)` }),
  });
  const r = fixture.run;
  // The copy carries the real document's own errors, recorded as errata for tsukuba-fy2023 only: at
  // L486 its country table is short of its 合計 row (for the copy those checks are errors), and at
  // L826 it files 国立工業工芸大学 (Arts et Métiers, FR) in its Belgium block (record-errata.json
  // corrects the original's row, so for the copy the partner is in BE, where no identity names it).
  // They must be the only errors. The outputs are written all the same.
  const errors = (r.stderr + r.stdout).split('\n').filter((l) => l.startsWith('error:'));
  expect(errors.length, r.stderr + r.stdout).toBeGreaterThan(0);
  for (const e of errors) expect(e).toMatch(/^error: (tsukuba-fy2024\.txt:486: |data\/reference\/partner-identities\/: partner 国立工業工芸大学 \(BE;)/);
  fixture.use();
}, 120_000);

afterAll(() => fixture?.restore());

describe('a second fiscal year', () => {
  it('gives the year list and a year-over-year chart, and every year its own charts', async () => {
    const { statsYears, statsCharts } = await import('./stats-charts.ts');
    expect(statsYears()).toEqual([2023, 2024]);
    const latest = statsCharts('en');
    const yoy = latest.find((c) => c.id === 'year-over-year');
    expect(yoy).toBeDefined();
    // the relabelled copy has the same counts: each series is flat over the two years
    const students = yoy!.rows.filter((r) => r[0] === 'students outbound');
    expect(students.map((r) => r[1])).toEqual([2023, 2024]);
    expect(students[0]![2]).toBe(students[1]![2]);
    // the page of each year says which year it shows
    expect(statsCharts('en', 2023).find((c) => c.id === 'student-outbound-region')!.subtitle).toContain('FY2023');
    expect(latest.find((c) => c.id === 'student-outbound-region')!.subtitle).toContain('FY2024');
    // and no chart says there is only one year
    expect(latest.flatMap((c) => c.notes.map((n) => n.text)).join(' ')).not.toMatch(/One fiscal year only/);
  });

  it('gives the headline figures on /stats/ their change from the year before', async () => {
    const { headlineFigures } = await import('./stats-views.ts');
    const figures = headlineFigures();
    expect(figures.map((f) => f.fiscalYear)).toEqual([2024, 2024, 2024, 2024]);
    // students received: the copy prints the same 合計 as tsukuba-fy2023 L318 (2,573), so the change is 0 from FY2023
    const received = figures.find((f) => f.population === 'student' && f.direction === 'inbound')!;
    expect(received.value).toBe(2573);
    expect(received.change).toEqual({ from: 2023, value: 2573, delta: 0 });
    for (const f of figures) expect(f.change?.from).toBe(2023);
    // the year before has no year before it: no change
    expect(headlineFigures(2023).every((f) => f.change === undefined)).toBe(true);
  });
});
