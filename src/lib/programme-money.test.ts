/**
 * Money and dates per programme, with golden values read from the call tmu-2024-autumn: the stipend
 * table L326-331 (again at L1214-1219), the months table L339-351 (L1227-1239) and its maximum
 * L1046, the travel-cost table L357-361 (L1247-1249; the sentence L661), the schedule L177-193 and
 * L237-252, departures L47.
 */
import { describe, it, expect } from 'vitest';
import { compareByDeadline, compareByStipend, programmesMoney, type ProgrammeMoney } from './programme-money.ts';

const money = programmesMoney();
const of = (course: string) => {
  const m = money.get(course);
  if (!m) throw new Error(`no programme ${course}`);
  return m;
};

describe('money for a programme', () => {
  it('London (70707016, City St George\'s): designated city, ¥100,000 a month with or without a tuition waiver (L328, L1216)', () => {
    const m = of('70707016');
    expect(m.destination).toMatchObject({ class: 'designated', label: { ja: '指定都市', en: 'Designated cities' }, lines: [328, 1216] });
    expect(m.destination.because.en).toBe('London is one of the designated cities');
    expect(m.stipend).toEqual({
      without: { yen: 100000, source: 'tmu-2024-autumn', lines: [328, 1216], condition: { ja: '授業料減免適用者を除く', en: 'without a tuition waiver' } },
      with: { yen: 100000, source: 'tmu-2024-autumn', lines: [328, 1216], condition: { ja: '授業料減免適用者', en: 'with a tuition waiver' } },
    });
    // outside Asia: ¥250,000 (L361 上記以外の地域 25 万円, again at L1249)
    expect(m.travel).toEqual({ yen: 250000, source: 'tmu-2024-autumn', lines: [361, 1249], region: { ja: '上記以外の地域', en: 'Other regions' } });
  });

  it('Bayreuth (70711006-1): Class A, ¥80,000 without and ¥100,000 with a tuition waiver (L329 甲地域 8 万円 10 万円)', () => {
    const m = of('70711006-1');
    expect(m.destination).toMatchObject({ class: 'a', label: { ja: '甲地域', en: 'Class A' }, lines: [329, 1217] });
    expect(m.destination.because.en).toBe('Germany is in Europe: Class A');
    expect([m.stipend!.without.yen, m.stipend!.with.yen]).toEqual([80000, 100000]);
  });

  it('Óbuda (70723001, Budapest): Class B, ¥70,000 / ¥90,000 (L330 乙地域 7 万円 9 万円); the rows of Class A (which excepts Hungary) and B are cited', () => {
    const m = of('70723001');
    expect(m.destination).toMatchObject({ class: 'b', rule: 'excepted', lines: [329, 330, 1217, 1218] });
    expect(m.destination.because).toEqual({ ja: 'ハンガリーは甲地域から除かれているため乙地域です', en: 'Hungary is excepted from Class A, so it is Class B' });
    expect([m.stipend!.without.yen, m.stipend!.with.yen]).toEqual([70000, 90000]);
    expect(m.travel!.yen).toBe(250000);
  });

  it('Capital Normal University (10116012-1, Beijing): Class C, ¥60,000 / ¥80,000 (L331 丙地域 6 万円 8 万円); Asia travel cap ¥150,000 (L360, L661, L1248)', () => {
    const m = of('10116012-1');
    expect(m.destination).toMatchObject({ class: 'c', lines: [331, 1219] });
    expect([m.stipend!.without.yen, m.stipend!.with.yen]).toEqual([60000, 80000]);
    expect(m.travel).toMatchObject({ yen: 150000, lines: [360, 661, 1248], region: { ja: 'アジア地域', en: 'Asia' } });
  });

  it('months paid: the call\'s table by length of stay (8–31 days → 1 at L340, … 342–365 days → 12 at L351) and at most 12 (L1046)', () => {
    const m = of('10107001').months;
    expect(m.byDays.map((r) => r.months)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(m.byDays[0]).toEqual({ days: { ja: '8 日 ~ 31 日', en: '8–31 days' }, months: 1, lines: [340, 1228] });
    expect(m.byDays[11]!.lines).toEqual([351, 1239]);
    expect(m.max).toEqual({ months: 12, lines: [1046] });
  });

  it('dates: the first entry deadline 22 Oct 2024 (L179; the period L11, L177, L241), the second 1 Nov 2024 (L193; L15, L191, L243), candidates named 19 Dec 2024 (L251), departures from July 2025 (L47)', () => {
    const s = of('70707016').schedule;
    expect(s.deadlines.map((x) => [x.key, x.date, x.lines])).toEqual([
      ['first-entry-deadline', '2024-10-22', [11, 177, 179, 241]],
      ['second-entry-deadline', '2024-11-01', [15, 191, 193, 243]],
    ]);
    expect(s.deadlines[0]!.label.en).toBe('First entry deadline');
    expect(s.nomination).toMatchObject({ date: '2024-12-19', lines: [251] });
    expect(s.departureFrom).toEqual({ month: '2025-07', source: 'tmu-2024-autumn', lines: [47] });
  });

  it('every programme has its money: a class (or unknown with a reason), the months and the deadlines', () => {
    for (const [course, m] of money) {
      expect(m.destination.because.en, course).not.toBe('');
      expect(m.destination.because.ja, course).not.toBe('');
      if (m.destination.class === 'unknown') expect(m.stipend, course).toBeUndefined();
      else expect(m.stipend?.without.lines.length, course).toBeGreaterThan(0);
      expect(m.months.byDays.length, course).toBeGreaterThan(0);
      expect(m.schedule.deadlines.length, course).toBeGreaterThan(0);
    }
  });

  it('says every label in English too: the class, the waiver conditions, the travel region, the lengths of stay (from the facts\' en)', () => {
    for (const [course, m] of money) {
      const labels = [m.destination.label, m.stipend?.without.condition, m.stipend?.with.condition, m.travel?.region, ...m.months.byDays.map((r) => r.days), ...m.schedule.deadlines.map((x) => x.label)];
      for (const l of labels) if (l) expect(l.en, `${course}: ${l.ja}`).toBeTruthy();
    }
  });
});

describe('sorting', () => {
  const all = [...money.values()];
  const unknown = (m: ProgrammeMoney, course: string): ProgrammeMoney => {
    const { stipend: _s, ...rest } = m;
    return { ...rest, course, destination: { ...m.destination, class: 'unknown' } };
  };

  it('by stipend: the highest first (designated city ¥100,000), then by the waiver amount, unknowns last', () => {
    const withUnknown = [unknown(of('10107001'), '00000000'), ...all];
    const sorted = [...withUnknown].sort(compareByStipend);
    expect(sorted[0]!.course).toBe('70707016');
    expect(sorted.at(-1)!.course).toBe('00000000');
    const amounts = sorted.filter((m) => m.stipend).map((m) => [m.stipend!.without.yen, m.stipend!.with.yen] as const);
    for (let i = 1; i < amounts.length; i++) {
      const [a, b] = [amounts[i - 1]!, amounts[i]!];
      expect(a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]), `${a} before ${b}`).toBe(true);
    }
  });

  it('by deadline: the earliest first, ties by course number, a programme with no deadline last', () => {
    const none: ProgrammeMoney = { ...of('10107001'), course: '00000000', schedule: { deadlines: [] } };
    const early: ProgrammeMoney = { ...of('70707016'), course: '99999999', schedule: { deadlines: [{ ...of('70707016').schedule.deadlines[0]!, date: '2024-10-01' }] } };
    const sorted = [none, ...all, early].sort(compareByDeadline);
    expect(sorted[0]!.course).toBe('99999999');
    expect(sorted.at(-1)!.course).toBe('00000000');
    const middle = sorted.slice(1, -1).map((m) => m.course);
    expect(middle).toEqual([...middle].sort());
  });
});
