/** The call's facts outside the annex: dates, money, prose and layout. */
import { describe, it, expect } from 'vitest';
import { datesIn, isProse, parseCallText, yen } from './facts.ts';
import { syntheticContext } from './testing.ts';

describe('datesIn', () => {
  it('dates without a year take the call\'s fiscal year, and the weekday is checked', () => {
    // line 11: "10月1日火曜日 ~ 10月22日火曜日" in the 2024 (fiscal) call
    expect(datesIn('10月1日火曜日 ~ 10月22日火曜日', 2024).map((d) => d.iso)).toEqual(['2024-10-01', '2024-10-22']);
    // January of fiscal 2024 is January 2025
    expect(datesIn('1月10日金曜日', 2024)[0]).toMatchObject({ iso: '2025-01-10', weekday: true });
    // a wrong weekday is a problem, not a silent fix
    expect(datesIn('10月1日水曜日', 2024)[0]!.weekdayProblem).toMatch(/2024-10-01 is a 火曜日, not 水曜日/);
  });
  it('a written year carries to the next date of the line', () => {
    // line 185: "2024年10月25日金曜日正午（目途） ～ 11月1日金曜日正午（目途）"
    expect(datesIn('2024年10月25日金曜日正午（目途） ～ 11月1日金曜日正午（目途）', 2030).map((d) => d.iso)).toEqual(['2024-10-25', '2024-11-01']);
  });
});

describe('yen', () => {
  it('reads 万円 and comma-separated 円', () => {
    expect(yen('10 万円')).toBe(100000); // line 328
    expect(yen('月額5万円（（1）での月額奨学金の金額に加えて給付する）')).toBe(50000); // line 272
    expect(yen('150,000円')).toBe(150000); // line 661
  });
});

describe('isProse', () => {
  it('sentences are prose; headings, labels and form fields are layout', () => {
    expect(isProse('本学との学生交換協定に基づき本学から派遣する学生に対し、…を目的とする。')).toBe(true); // line 65
    expect(isProse('1 目的')).toBe(false); // line 63
    expect(isProse('受講言語\t本学学内応募語学基準')).toBe(false); // line 91
    expect(isProse('フリガナ\t\t\t\tローマ 字\t※パスポートと同じ綴りを書いてください')).toBe(false); // line 580
    expect(isProse('<input type="checkbox"/> TOEFL iBT 総合得点: _____点')).toBe(false); // line 599
    expect(isProse('東京都立大学管理部国際課留学生交流係 E-mail: outbound@jmj.tmu.ac.jp')).toBe(true); // line 318
  });
});

describe('parseCallText on synthetic lines', () => {
  it('a label a row above its dates, a stipend row under its column labels', () => {
    const ctx = syntheticContext([
      '2030 年度 交換留学 秋募集',
      '',
      '第1次エントリー',
      '',
      '10月1日火曜日 ~ 10月22日火曜日',
      '派遣先地域\t奨学金月額\t\t地域名・都市名',
      '\t授業料減免適用者を除く\t授業料減免適用者\t',
      '甲地域\t8 万円\t10 万円\t・北米',
    ]);
    const facts = parseCallText(ctx, undefined);
    expect(facts[0]).toMatchObject({ key: 'first-entry', what: '第1次エントリー', date: '2030-10-01', endDate: '2030-10-22', source: { line: 5, lines: [3, 5] } });
    // 2030-10-01 is a Tuesday (火曜日): no weekday problem
    expect(ctx.problems).toEqual([]);
    expect(facts.slice(1).map((f) => [f.value, f.condition])).toEqual([[80000, '授業料減免適用者を除く'], [100000, '授業料減免適用者']]);
    expect(ctx.unexplainedLines()).toEqual([]);
  });
  it('a call without its titled year reads no schedule date and says why', () => {
    const ctx = syntheticContext(['第1次エントリー', '10月1日火曜日 ~ 10月22日火曜日']);
    expect(parseCallText(ctx, undefined)).toEqual([]);
    expect(ctx.problems.map((p) => p.severity)).toEqual(['error']);
  });
});
