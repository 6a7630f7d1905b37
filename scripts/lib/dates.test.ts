import { describe, it, expect } from 'vitest';
import { parseDate, eraYears, eraYear, fiscalYearOf, isoDate } from './dates.ts';

describe('dates', () => {
  it('parseDate reads the formats of the sources', () => {
    expect(parseDate('2015.11.09').iso).toBe('2015-11-09'); // Hiroshima
    expect(parseDate('2012/10/24').iso).toBe('2012-10-24'); // Osaka
    expect(parseDate('2012/11/6').iso).toBe('2012-11-06');
    expect(parseDate('2023年4月17日').iso).toBe('2023-04-17');
    expect(parseDate('令和5年4月1日').iso).toBe('2023-04-01');
    expect(parseDate('平成元年4月1日').iso).toBe('1989-04-01');
  });
  it('parseDate keeps compound and malformed cells raw, with a reason', () => {
    const two = parseDate('2012/10/24 2015/3/1');
    expect(two.iso).toBeUndefined();
    expect(two.all).toEqual(['2012-10-24', '2015-03-01']);
    expect(two.problem).toMatch(/2 dates/);
    const bad = parseDate('2019/2/30');
    expect(bad.iso).toBeUndefined();
    expect(bad.problem).toMatch(/not a calendar date/);
    expect(parseDate('未定').problem).toBe('no date found');
    expect(parseDate('2018/4/1 (更新)').problem).toMatch(/extra text/);
  });
  it('eraYears converts era years such as "R2 (H29)"', () => {
    expect(eraYears('R2 (H29)')).toEqual([2020, 2017]);
    expect(eraYears('令和5年度')).toEqual([2023]);
    expect(eraYear('H', 1)).toBe(1989);
    expect(eraYear('X', 1)).toBeUndefined();
  });
  it('fiscalYearOf follows the April–March year', () => {
    expect(fiscalYearOf('2024-03-31')).toBe(2023);
    expect(fiscalYearOf('2023-04-01')).toBe(2023);
  });
  it('isoDate rejects dates that do not exist', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeUndefined();
  });
});
