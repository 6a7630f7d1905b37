/** The call's facts outside the annex: dates, money, prose and layout. */
import { describe, it, expect } from 'vitest';
import { datesIn, parseCallText, yen } from './facts.ts';
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
  it('a row of the documents table away from its header is an error, not a note', () => {
    const row = '1\t交換留学申込書 (スキャンデータ)\t緊急連絡先欄: …署名を得ること。\t○\t○'; // line 207
    const ok = syntheticContext(['2030 年度 交換留学 秋募集', 'No\t書類 (提出形態)\t留意事項等\tエントリー日程\t', '\t\t\t第1次\t第2次', row]);
    expect(parseCallText(ok, undefined).map((f) => [f.key, f.what, f.value])).toEqual([['document', '交換留学申込書 (スキャンデータ)', '第1次 ○ / 第2次 ○']]);
    // the header lost (here: its cells swapped), the row still reads as a row of that table
    const lost = syntheticContext(['2030 年度 交換留学 秋募集', '書類 (提出形態)\tNo\t留意事項等\tエントリー日程\t', '\t\t\t第1次\t第2次', row]);
    expect(parseCallText(lost, undefined)).toEqual([]);
    expect(lost.problems.map((p) => [p.severity, p.line])).toEqual([['error', 4]]);
    expect(lost.problems[0]!.message).toMatch(/^fits no shape: a row of the documents table .* without the table's header/);
  });
  it('a date of the schedule without its label is an error, not a heading', () => {
    // lines 9–11: the label a row above the dates; here a line of garbage stands between them
    // line 19 (a sentence, no label) above the dates of line 11
    const ctx = syntheticContext([
      '2030 年度 交換留学 秋募集',
      '今回から応募書類提出は kibaco 該当ページからのみ受け付けます。国際課窓口では受け付けられませんので注意してください。',
      '10月1日火曜日 ~ 10月22日火曜日',
      '第1次エントリー', '', 'qqq\tzzz\t%%%', '10月1日火曜日 ~ 10月22日火曜日',
    ]);
    const facts = parseCallText(ctx, undefined);
    expect(ctx.problems.map((p) => [p.line, p.message.slice(0, 50)])).toEqual([
      [3, 'fits no shape: a date of the schedule without its '],
      [6, 'fits no shape: "qqq" is no word, number or mark of'],
    ]);
    // the garbage is no line at all for the lines below: the label still labels the dates
    expect(facts.map((f) => [f.key, f.source])).toEqual([['first-entry', { id: ctx.source.id, line: 7, lines: [4, 7] }]]);
    expect(ctx.unexplainedLines()).toEqual([]);
  });
});
