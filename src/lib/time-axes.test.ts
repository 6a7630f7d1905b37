/**
 * Time axes that know where the data stops, checked on Osaka. Osaka's list (osaka-2021) is as of
 * 2021-08-31 (data/raw/sources.json); counting the date cells of data/raw/osaka-department-agreements.txt
 * gives 38 agreements dated 2018, none 2019 or 2020, and one 2021 (L593, アイオワ州立大学, 2021/8/31).
 * A reader must see a list that stops in August 2021 and thins out before it — never a university
 * that stopped signing (zeros to 2024, a flat line to 2024).
 */
import { describe, it, expect } from 'vitest';
import { table } from './data.ts';
import { agreementsOverTime, listEnds, thinTail } from './stats.ts';
import { statsCharts, homeCharts } from './stats-charts.ts';
import type { Agreement, Country } from '../../scripts/schema/records.ts';

const agreements = table<Agreement>('agreements');
const sources = table<{ id: string; asOf: string }>('sources');
const osaka = agreements.filter((a) => a.home === 'osaka');

describe('where a list stops', () => {
  it("listEnds(osaka) is the manifest's as-of date of osaka-2021, 2021-08-31", () => {
    expect(listEnds(agreements, sources).get('osaka')).toMatchObject({ asOf: '2021-08-31', year: 2021, sources: ['osaka-2021'] });
  });

  it('agreementsOverTime(by home, until) ends each series at its as-of year: no Osaka row after 2021', () => {
    const ends = listEnds(agreements, sources);
    const rows = agreementsOverTime(agreements, table<Country>('countries'), { by: 'home', until: (h) => ends.get(h)?.year }).rows;
    const o = rows.filter((r) => r.group === 'osaka');
    expect(Math.max(...o.map((r) => r.year))).toBe(2021);
    // Hiroshima's list runs to 2024 (as of 2024-05-01): the axis is not cut to Osaka's
    expect(Math.max(...rows.filter((r) => r.group === 'hiroshima').map((r) => r.year))).toBe(2024);
    const at = (y: number) => o.find((r) => r.year === y)!;
    expect([at(2018).count, at(2019).count, at(2020).count, at(2021).count]).toEqual([38, 0, 0, 1]);
    // the cumulative line ends at the as-of date with every dated Osaka agreement in it
    expect(at(2021).cumulative).toBe(osaka.filter((a) => a.signedOn || a.signedYear).length);
  });

  it('without until, the series runs to the last year of any group (the old, misleading axis)', () => {
    const rows = agreementsOverTime(agreements, table<Country>('countries'), { by: 'home' }).rows;
    expect(Math.max(...rows.filter((r) => r.group === 'osaka').map((r) => r.year))).toBe(2024);
  });

  it("thinTail finds Osaka's 2019–2021: 1 agreement against a median of the five years before", () => {
    const rows = agreementsOverTime(osaka, table<Country>('countries'), { by: 'all' }).rows;
    const t = thinTail(rows, 2021)!;
    expect(t).toMatchObject({ from: 2019, to: 2021, count: 1, before: { from: 2014, to: 2018 } });
    expect(t.before.median).toBeGreaterThanOrEqual(38);
    // and a list that keeps up has no thin tail: Hiroshima's
    const h = agreementsOverTime(agreements.filter((a) => a.home === 'hiroshima'), table<Country>('countries'), { by: 'all' }).rows;
    expect(thinTail(h, 2024)).toBeUndefined();
  });

  it('thinTail needs two thin years and five years before them to compare with', () => {
    const rows = (counts: number[]) => counts.map((count, i) => ({ year: 2000 + i, count }));
    expect(thinTail(rows([10, 10, 10, 10, 10, 0]), 2005)).toBeUndefined(); // one empty year is not a tail
    expect(thinTail(rows([10, 10, 10, 10, 10, 0, 1]), 2006)).toMatchObject({ from: 2005, to: 2006, count: 1 });
    expect(thinTail(rows([10, 10, 0, 0]), 2003)).toBeUndefined(); // too little before it
    expect(thinTail(rows([1, 2, 1, 2, 1, 0, 0]), 2006)).toBeUndefined(); // a small list: 0 is not thin against 1
  });
});

describe('charts by year on Osaka', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`${locale}: the university page draws Osaka to 2021, says there is no data after Aug 2021 and why the end is thin`, () => {
      const charts = homeCharts('osaka', locale);
      for (const id of ['home-agreements-new', 'home-agreements-cumulative']) {
        const c = charts.find((x) => x.id === id)!;
        expect(Math.max(...c.rows.map((r) => r[0] as number))).toBe(2021);
        expect(c.tableFoot).toBe(locale === 'ja' ? '2021年8月以降のデータはありません（一覧の時点）。' : 'No data after Aug 2021 (the list’s as-of date).');
        expect(c.svg).toContain(locale === 'ja' ? '大阪大学の一覧は2021年8月時点' : 'Osaka University: list as of Aug 2021');
        const thin = c.notes.find((n) => n.text.includes('2019'))!;
        expect(thin).toMatchObject({ kind: 'caveat', page: true });
        expect(thin.text).toContain(locale === 'ja' ? '2019〜2021年に締結された協定が1件' : '1 agreement signed in 2019–2021');
      }
    });

    it(`${locale}: /stats/ ends Osaka's cumulative line at 2021 and marks every list's date on the per-year charts`, () => {
      const charts = statsCharts(locale);
      const overTime = charts.find((c) => c.id === 'agreements-over-time')!;
      const osakaName = locale === 'ja' ? '大阪大学' : 'Osaka University';
      const osakaRows = overTime.rows.filter((r) => r[1] === osakaName);
      expect(Math.max(...osakaRows.map((r) => r[0] as number))).toBe(2021);
      expect(overTime.notes.some((n) => n.kind === 'caveat' && n.text.includes('2019'))).toBe(true);
      for (const id of ['agreements-per-year-region', 'agreements-per-year-level']) {
        const c = charts.find((x) => x.id === id)!;
        expect(c.tableFoot).toContain(locale === 'ja' ? '2021年8月以降のデータはありません' : 'No data after Aug 2021');
        expect(c.svg).toContain(locale === 'ja' ? '大阪大学の一覧は2021年8月時点' : 'Osaka University: list as of Aug 2021');
      }
    });
  }
});
