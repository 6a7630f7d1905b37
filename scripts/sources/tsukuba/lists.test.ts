import { describe, it, expect } from 'vitest';
import { contextFor, sliceContext, sourceMeta } from '../../lib/testing.ts';
import { SourceContext } from '../../lib/context.ts';
import { findSections, parseTsukubaFactbook, type Section } from './index.ts';
import { parseConferences, parseVisits, parseDegreeProgrammes } from './lists.ts';
import { isDateCell, parseDateRange, parseParticipation } from './conferences.ts';
import { parseMonth, visitorMisfits } from './visits.ts';
import { isJapaneseName, isText } from './rows.ts';
import { formEnglish, knownPartners, lookupPartner, lookupPartners, readDegreeProgrammes, type KnownPartner } from './degree-programmes.ts';
import { expectGolden } from '../../lib/golden.ts';
import { jaKey } from '../../lib/partners.ts';

const ID = 'tsukuba-fy2023';
const full = contextFor(ID);
const sections = findSections(full);
const known = knownPartners(full);

const problemsOf = (ctx: SourceContext) => ctx.problems.map(({ severity, line, message }) => ({ severity, line, message }));
const unexplainedIn = (ctx: SourceContext, s: Section) => ctx.unexplainedLines().filter((n) => n >= s.from && n <= s.to);

/** A context over synthetic lines; line 1 is the heading, the given lines start at line 2. */
function synthetic(heading: string, lines: string[]): { ctx: SourceContext; s: Section } {
  const ctx = new SourceContext(sourceMeta(ID), [heading, ...lines]);
  return { ctx, s: { heading: 1, from: 2, to: lines.length + 1 } };
}

describe('tsukuba (4) conferences', () => {
  const s = sections.conferences!;
  const ctx = sliceContext(ID, s.heading, s.to);
  const conferences = parseConferences(ctx, s).conferences!;
  const at = (line: number) => conferences.find((c) => c.source.line === line)!;

  it(`golden: the whole table, lines ${s.heading}–${s.to} (three pages, two repeated header rows)`, () => {
    expect(unexplainedIn(ctx, s)).toEqual([]);
    expectGolden('tsukuba-conferences-903-990', { conferences, problems: problemsOf(ctx) });
  });

  it('reads 78 conferences', () => {
    // Rows are lines 908–933, 936–961 and 964–989 (82 lines less the blank page breaks 934, 962 and
    // the repeated column labels 935, 963): one conference per line, 26 a page.
    expect(conferences).toHaveLength(78);
  });

  it('reads a row with an empty venue', () => {
    // line 908: 16th APEC-Tsukuba International Conference ⇥ 2023/4/14 ~ 2023/4/14 ⇥ オンライン ⇥ (empty) ⇥ 主催 文部科学省(後援) ⇥ … ⇥ 13か国/823人(823人)
    expect(at(908)).toEqual({
      id: 'tsukuba-fy2023-L908',
      home: 'tsukuba',
      fiscalYear: 2023,
      name: '16th APEC-Tsukuba International Conference',
      startDate: '2023-04-14',
      endDate: '2023-04-14',
      dateRaw: '2023/4/14 ~ 2023/4/14',
      format: 'オンライン',
      hosts: '主催 文部科学省(後援)',
      theme: 'Artificial Intelligence (AI) and Data Science for Education in APEC Economies',
      countries: 13,
      participants: 823,
      foreignParticipants: 823,
      participantsRaw: '13か国/823人(823人)',
      source: { id: ID, line: 908 },
    });
  });

  it('reads venue, hosts and theme by content', () => {
    // line 910: 第7回元素化学セミナー・講演会 ⇥ 2023/4/17 ~ 2023/4/17 ⇥ オンサイト ⇥ 筑波大学 総合研究棟B 112室 ⇥ 共催(主催者でない) 筑波大学、University of Vermont, USA ⇥ …
    expect(at(910)).toMatchObject({ venue: '筑波大学 総合研究棟B 112室', hosts: '共催(主催者でない) 筑波大学、University of Vermont, USA', theme: 'Advances in Photocatalytic Hydrophosphination', countries: 2, participants: 22, foreignParticipants: 1 });
    // line 949: format オンライン and venue オンライン
    expect(at(949)).toMatchObject({ format: 'オンライン', venue: 'オンライン' });
  });

  it('reads participation written with regions, minimums and spaces', () => {
    // line 922: 32か国・1地域/338人(158人)
    expect(at(922)).toMatchObject({ countries: 32, regions: 1, participants: 338, foreignParticipants: 158 });
    // line 959: 最低3か国以上/124人(112人)
    expect(at(959)).toMatchObject({ countries: 3, countriesAtLeast: true, participants: 124, foreignParticipants: 112 });
    // line 964: 13か国/170人 (50人)
    expect(at(964)).toMatchObject({ countries: 13, participants: 170, foreignParticipants: 50 });
  });

  it('keeps implausible figures as written and warns', () => {
    // line 933: 2023/9/22 ~ 2024/9/22 ends outside FY2023; 944: 40か国/29人; 967, 979, 984: more foreign participants than participants
    expect(at(933)).toMatchObject({ startDate: '2023-09-22', endDate: '2024-09-22' });
    expect(at(979)).toMatchObject({ participants: 14410, foreignParticipants: 14425 });
    expect(problemsOf(ctx).map((p) => [p.severity, p.line])).toEqual([['warning', 933], ['warning', 944], ['warning', 967], ['warning', 979], ['warning', 984]]);
  });

  it('parseParticipation reads countries, regions, participants and foreign participants', () => {
    expect(parseParticipation('13か国/823人(823人)')).toEqual({ countries: 13, participants: 823, foreignParticipants: 823 });
    expect(parseParticipation('82か国/3,127人（1,825人）')).toEqual({ countries: 82, participants: 3127, foreignParticipants: 1825 });
    expect(parseParticipation('32か国・1地域/338人(158人)')).toEqual({ countries: 32, regions: 1, participants: 338, foreignParticipants: 158 });
    expect(parseParticipation('最低3か国以上/124人(112人)')).toEqual({ countries: 3, countriesAtLeast: true, participants: 124, foreignParticipants: 112 });
    expect(parseParticipation('非公表')).toEqual({});
  });

  it('parseDateRange reads a range, a single date, and says what is wrong', () => {
    expect(parseDateRange('2023/4/14 ~ 2023/4/15')).toEqual({ start: '2023-04-14', end: '2023-04-15' });
    expect(parseDateRange('2023/4/14 ～ 2023/4/15')).toEqual({ start: '2023-04-14', end: '2023-04-15' });
    expect(parseDateRange('2023/4/14')).toEqual({ start: '2023-04-14', end: '2023-04-14' });
    expect(parseDateRange('2023/4/16 ~ 2023/4/14').problem).toMatch(/before the start/);
    expect(parseDateRange('2023/2/30 ~ 2023/3/1').problem).toMatch(/not a calendar date/);
  });

  it('joins a row broken over two lines, column by column (synthetic)', () => {
    const { ctx: c, s: sec } = synthetic('(4) 国際会議等の開催', [
      '会議名\t開催期間\t開催形態\t会場\t主催又は共催\tテーマ\t参加国数/参加者数 (うち、本学教職員以外の 外国人参加者数)',
      'Design the\t2023/9/26 ~ 2023/9/28\tハイブリッド\tつくば国際\t主催 筑波大学、\t持続可能な未来に向けた\t82か国/3127人(1825人)',
      'Future\t\t\t会議場\t茨城県\tイノベーション\t',
    ]);
    const [conf] = parseConferences(c, sec).conferences!;
    expect(conf).toMatchObject({ name: 'Design the Future', venue: 'つくば国際会議場', hosts: '主催 筑波大学、茨城県', theme: '持続可能な未来に向けたイノベーション', source: { line: 3, lines: [3, 4] } });
    expect(c.problems).toEqual([]);
    expect(c.unexplainedLines()).toEqual([1]);
  });

  it('finds the hosts when the venue cell is missing (synthetic)', () => {
    const { ctx: c, s: sec } = synthetic('(4) 国際会議等の開催', ['セミナー\t2024/1/5 ~ 2024/1/5\tオンライン\t共催 (主催者でない) 筑波大学\tテーマ\t2か国/20人 (1人)']);
    const [conf] = parseConferences(c, sec).conferences!;
    expect(conf).toMatchObject({ hosts: '共催 (主催者でない) 筑波大学', theme: 'テーマ', participants: 20 });
    expect(conf!.venue).toBeUndefined();
  });

  it('reports a one-cell line that continues no column (synthetic)', () => {
    const { ctx: c, s: sec } = synthetic('(4) 国際会議等の開催', ['セミナー\t2024/1/5 ~ 2024/1/5\tオンライン\t\t主催 筑波大学\tテーマ\t2か国/20人 (1人)', 'どこかの続き']);
    parseConferences(c, sec);
    expect(c.problems.map((p) => [p.severity, p.line])).toEqual([['error', 3]]);
  });

  const ROW = 'セミナー\t2024/1/5 ~ 2024/1/5\tオンライン\t\t主催 筑波大学\tテーマ\t2か国/20人';
  const HEADER = '会議名\t開催期間\t開催形態\t会場\t主催又は共催\tテーマ\t参加国数/参加者数';
  /** Conferences and problems of synthetic lines; line 1 is the heading. */
  const conferencesOf = (lines: string[]) => {
    const { ctx: c, s: sec } = synthetic('(4) 国際会議等の開催', lines);
    const list = parseConferences(c, sec).conferences!;
    return { c, list, errors: c.problems.filter((p) => p.severity === 'error') };
  };

  it('reports a line of garbage under a row at its line and joins none of it (synthetic)', () => {
    const alone = conferencesOf([ROW]).list;
    const { c, list, errors } = conferencesOf([ROW, 'qqq\tzzz\t%%%']);
    // line 3: "zzz" would continue the dates, "%%%" the format of the row of line 2
    expect(errors.map((e) => e.line)).toEqual([3]);
    expect(errors[0]!.message).toMatch(/^fits no shape: no date cell.*row of line 2.*"zzz" cannot continue its 開催期間.*"%%%" cannot continue its 開催形態/);
    expect(c.dispositionOf(3)).toBe('reported');
    expect(list).toEqual(alone);
  });

  it('reports garbage right after a page header instead of joining it to the row below (synthetic)', () => {
    const { list, errors } = conferencesOf([HEADER, 'qqq\tzzz\t%%%', ROW]);
    expect(errors.map((e) => [e.line, /^fits no shape: .*row of line 4/.test(e.message)])).toEqual([[3, true]]);
    expect(list.map((x) => x.source)).toEqual([{ id: ID, line: 4 }]);
  });

  it('joins a piece only when it is plausible for the cell it continues (synthetic)', () => {
    // A format stays a format, dates stay dates, a text cell gets letters, participation stays figures.
    for (const [line, cell] of [
      ['\t\t(一部対面)\t\t\t\t', '開催形態'],
      ['\t(予定)\t\t\t\t\t', '開催期間'],
      ['\t\t\t%%%\t\t\t', '会場'],
      ['\t\t\t\t\t###\t', 'テーマ'],
      ['\t\t\t\t\t\t非公表', '参加国数'],
    ] as const) {
      const { list, errors } = conferencesOf([ROW, line]);
      expect(errors.map((e) => e.line), line).toEqual([3]);
      expect(errors[0]!.message, line).toContain(`cannot continue its ${cell}`);
      expect(list[0]!.source, line).toEqual({ id: ID, line: 2 });
    }
    // The foreign participants broken onto the next line, and a wrapped English theme, do join.
    const { list, errors } = conferencesOf([ROW, '\t\t\t\t\tof materials\t(1人)']);
    expect(errors).toEqual([]);
    expect(list[0]).toMatchObject({ theme: 'テーマ of materials', participants: 20, foreignParticipants: 1, source: { line: 2, lines: [2, 3] } });
  });

  it('isDateCell: one date or a range, nothing else', () => {
    expect(isDateCell('2023/4/14 ~ 2023/4/15')).toBe(true);
    expect(isDateCell('2023/4/14 ~ 2023/ 4/15')).toBe(true);
    expect(isDateCell('2023/4/14')).toBe(true);
    expect(isDateCell('2023/4/14 ~ 2023/4/15 zzz')).toBe(false);
    expect(isDateCell('2023/4/14 ~ 2023/4/15 ~ 2023/4/16')).toBe(false);
    expect(isDateCell('(予定)')).toBe(false);
  });

  it('isText and isJapaneseName: what a broken text cell can go on with', () => {
    expect(isText('スケア分野')).toBe(true);
    expect(isText('Future')).toBe(true);
    expect(isText('%%%')).toBe(false);
    expect(isText('12')).toBe(false);
    expect(isJapaneseName('トンブリ校')).toBe(true);
    expect(isJapaneseName('IPB大学')).toBe(true);
    expect(isJapaneseName('(DAAD)')).toBe(true);
    expect(isJapaneseName('（HSE University）')).toBe(true);
    expect(isJapaneseName('qqq')).toBe(false);
    expect(isJapaneseName('%%%')).toBe(false);
  });
});

describe('tsukuba (5) visits', () => {
  const s = sections.visits!;
  const ctx = sliceContext(ID, s.heading, s.to);
  const visits = parseVisits(ctx, s).visits!;
  const at = (line: number) => visits.find((v) => v.source.line === line)!;

  it(`golden: the whole table, lines ${s.heading}–${s.to}`, () => {
    expect(unexplainedIn(ctx, s)).toEqual([]);
    expect(problemsOf(ctx)).toEqual([]);
    expectGolden('tsukuba-visits-991-1028', { visits, checks: ctx.checks });
  });

  it('reads 31 visits', () => {
    // Rows are lines 996–1026, one visit each, between the column labels (995) and 合計 (1027).
    expect(visits).toHaveLength(31);
  });

  it('reads the month written on the first row of a month only', () => {
    // line 996: 令和5.4 ⇥ ドイツ学術交流会 (DAAD) ⇥ 1 ⇥ 4
    expect(at(996)).toEqual({ id: 'tsukuba-fy2023-L996', home: 'tsukuba', fiscalYear: 2023, month: '2023-04', visitor: 'ドイツ学術交流会 (DAAD)', count: 1, persons: 4, source: { id: ID, line: 996 } });
    // line 997: (empty) ⇥ ベルギー ルーヴェン・カトリック大学 ⇥ 1 ⇥ 6 — still April 2023, country from the leading word
    expect(at(997)).toMatchObject({ month: '2023-04', visitor: 'ベルギー ルーヴェン・カトリック大学', country: 'BE', persons: 6 });
    // line 1022: 令和6.1 ⇥ トルクメニスタン第一副首相兼外務大臣 — January 2024; no leading country word
    expect(at(1022)).toMatchObject({ month: '2024-01', persons: 4 });
    expect(at(1022).country).toBeUndefined();
    // line 1017: (令和5.11) イタリア エミリアロマーニャ州知事 ⇥ 1 ⇥ 40
    expect(at(1017)).toMatchObject({ month: '2023-11', country: 'IT', persons: 40 });
  });

  it('checks the stated total', () => {
    // line 1027: 合 計 ⇥ ⇥ 31 ⇥ 175
    expect(ctx.checks.map(({ key, line, stated, computed }) => ({ key, line, stated, computed }))).toEqual([
      { key: 'count', line: 1027, stated: 31, computed: 31 },
      { key: 'persons', line: 1027, stated: 175, computed: 175 },
    ]);
  });

  it('parseMonth reads era, Western and bare months', () => {
    expect(parseMonth('令和5.4', 2023)).toBe('2023-04');
    expect(parseMonth('令和6.1', 2023)).toBe('2024-01');
    expect(parseMonth('R5.12', 2023)).toBe('2023-12');
    expect(parseMonth('2023.5', 2023)).toBe('2023-05');
    expect(parseMonth('2月', 2023)).toBe('2024-02');
    expect(parseMonth('ドイツ', 2023)).toBeUndefined();
    expect(parseMonth('令和5.13', 2023)).toBeUndefined();
  });

  it('joins a wrapped visitor, checks a month subtotal, and leaves a wrong total failing (synthetic)', () => {
    const { ctx: c, s: sec } = synthetic('(5) 外国人視察等の状況', [
      '年・月\t主な視察・来訪者\t件数\t人数',
      '令和5.4\tドイツ学術交流会\t1\t4',
      '\t(DAAD)\t\t',
      '\t駐日ウクライナ大使\t1\t3',
      '小計\t\t2\t7',
      '令和5.5\tインドネシア教育大学\t1\t3',
      '合計\t\t3\t11',
    ]);
    const visits2 = parseVisits(c, sec).visits!;
    expect(visits2[0]).toMatchObject({ visitor: 'ドイツ学術交流会 (DAAD)', source: { line: 3, lines: [3, 4] } });
    expect(c.checks.map(({ key, line, stated, computed }) => [key, line, stated, computed])).toEqual([
      ['count', 6, 2, 2], ['persons', 6, 7, 7], ['count', 8, 3, 3], ['persons', 8, 11, 10],
    ]);
    expect(c.unexplainedLines()).toEqual([1]);
  });

  /** Visits and problems of synthetic lines under the column labels; line 1 is the heading. */
  const visitsOf = (lines: string[]) => {
    const { ctx: c, s: sec } = synthetic('(5) 外国人視察等の状況', ['年・月\t主な視察・来訪者\t件数\t人数', ...lines]);
    const list = parseVisits(c, sec).visits!;
    return { c, list, errors: c.problems.filter((p) => p.severity === 'error') };
  };

  it('reports a line of garbage under a visit at its line and joins none of it (synthetic)', () => {
    const { c, list, errors } = visitsOf(['令和5.4\tドイツ学術交流会\t1\t4', 'qqq\tzzz\t%%%']);
    // line 4: three cells of no Japanese where only the rest of one visitor text could be
    expect(errors.map((e) => e.line)).toEqual([4]);
    expect(errors[0]!.message).toMatch(/^fits no shape: no 件数 and 人数.*row of line 3/);
    expect(c.dispositionOf(4)).toBe('reported');
    expect(list).toMatchObject([{ visitor: 'ドイツ学術交流会', source: { line: 3 } }]);
    expect(list[0]!.source.lines).toBeUndefined();
  });

  it('reports a month with no counts, text in the 件数 column, and garbage before the first visit (synthetic)', () => {
    const row = '令和5.4\tドイツ学術交流会\t1\t4';
    // line 4: a month alone starts no visit and continues no visitor
    expect(visitsOf([row, '令和5.5\t\t\t']).errors.map((e) => [e.line, e.message.includes('年・月 month')])).toEqual([[4, true]]);
    // line 4: "(DAAD)" in the 件数 column is no part of the visitor
    expect(visitsOf([row, '\t\t(DAAD)\t']).errors.map((e) => [e.line, e.message.includes('件数/人数')])).toEqual([[4, true]]);
    // line 3: right under the column labels, with no visit above to continue
    const first = visitsOf(['%%%', row]);
    expect(first.errors.map((e) => [e.line, /^fits no shape/.test(e.message)])).toEqual([[3, true]]);
    expect(first.list.map((v) => v.source)).toEqual([{ id: ID, line: 4 }]);
    // The rest of a visitor broken off above its row, in the visitor column, still joins it.
    expect(visitsOf(['\tドイツ学術交流会\t\t', '令和5.4\t(DAAD)\t1\t4']).list[0]).toMatchObject({ visitor: 'ドイツ学術交流会 (DAAD)', source: { line: 3, lines: [3, 4] } });
  });

  it('visitorMisfits: one piece of Japanese text (or a bracketed name) left of the counts', () => {
    expect(visitorMisfits(['', '(DAAD)', '', ''], 2023, 2)).toEqual([]);
    expect(visitorMisfits(['', 'ハノイ国家大学', '', ''], 2023, 2)).toEqual([]);
    expect(visitorMisfits(['qqq', 'zzz', '%%%'], 2023).map((m) => m.piece)).toEqual(['qqq', 'zzz', '%%%']);
    expect(visitorMisfits(['', '', '附属中高', ''], 2023, 2).map((m) => m.cell)).toEqual(['件数/人数 (counts)']);
  });
});

describe('tsukuba (6) double- and joint-degree programmes', () => {
  it('says a form in English when every degree word is known (修士－修士, 医学－博士 as printed in lines 1029–1065)', () => {
    expect(formEnglish('修士－修士')).toBe("Master's–Master's");
    expect(formEnglish('医学-博士')).toBe('Medicine–Doctoral');
    expect(formEnglish('修士')).toBe("Master's");
    expect(formEnglish('修士－専門職')).toBeUndefined();
  });
  const s = sections.degrees!;
  const ctx = sliceContext(ID, s.heading, s.to);
  const programmes = readDegreeProgrammes(ctx, s, ctx, known);
  const at = (line: number) => programmes.find((p) => p.source.line === line)!;

  it(`golden: both tables, lines ${s.heading}–${s.to}`, () => {
    expect(unexplainedIn(ctx, s)).toEqual([]);
    expect(problemsOf(ctx)).toEqual([]);
    expectGolden('tsukuba-degree-programmes-1029-1065', { programmes, checks: ctx.checks, notes: ctx.notes });
  });

  it('reads 22 programmes: 20 double, 2 joint', () => {
    // Double: rows No 1–20 on lines 1036–1055; joint: No 1–2 on lines 1062–1063.
    expect(programmes.filter((p) => p.kind === 'double')).toHaveLength(20);
    expect(programmes.filter((p) => p.kind === 'joint')).toHaveLength(2);
  });

  it('reads a row with two partners and a carried-over start year', () => {
    // line 1036: 1 ⇥ 人文社会ビジネス科学学術院 人文社会科学研究群 … ⇥ ボン大学 高麗大学 ⇥ 修士－修士 ⇥ R2 (H25)
    const p = at(1036);
    expect(p.partners.map((m) => [m.ja, m.country])).toEqual([['ボン大学', 'DE'], ['高麗大学', 'KR']]);
    expect(p.homeUnits).toEqual(['tsukuba-graduate-school-of-business-sciences-humanities-and-social-sciences', 'tsukuba-degree-programs-in-humanities-and-social-sciences']);
    expect(p).toMatchObject({ kind: 'double', form: '修士-修士', startRaw: 'R2 (H25)', startFiscalYears: [2020, 2013], startFiscalYear: 2013 });
  });

  it('reads a programme that started after the reorganisation', () => {
    // line 1039: 4 ⇥ 理工情報生命学術院 システム情報工学研究群 情報理工学位プログラム ⇥ グルノーブル・アルプ大学 ⇥ 修士－修士 ⇥ R5
    expect(at(1039)).toMatchObject({ startFiscalYears: [2023], startFiscalYear: 2023, partners: [{ ja: 'グルノーブル・アルプ大学', country: 'FR' }] });
  });

  it('finds partners spelled differently in the agreements table', () => {
    // line 1046: ベトナム国家大学ホーチミン校 — the agreements table (line 637) writes バトナム国家大学ホーチミン校 under バトナム
    expect(at(1046).partners).toMatchObject([{ ja: 'ベトナム国家大学ホーチミン校', country: 'VN' }]);
    // line 1062: マレーシア工科大学マレーシア日本国際工科院 — マレーシア工科大学 (line 659, MY) and its institute
    expect(at(1062)).toMatchObject({ kind: 'joint', form: '修士', partners: [{ ja: 'マレーシア工科大学', country: 'MY' }], partnerNames: ['マレーシア工科大学マレーシア日本国際工科院'], homeUnits: ['tsukuba-graduate-school-of-science-and-technology'] });
    // line 1063: 国立台湾大学 ボルドー大学 — two partners (lines 547, 824)
    expect(at(1063).partners.map((m) => [m.ja, m.country])).toEqual([['国立台湾大学', 'TW'], ['ボルドー大学', 'FR']]);
  });

  it('checks each table against its last No and keeps the footnote as a note', () => {
    expect(ctx.checks.map(({ key, line, stated, computed }) => ({ key, line, stated, computed }))).toEqual([
      { key: 'double-programmes', line: 1055, stated: 20, computed: 20 },
      { key: 'joint-programmes', line: 1063, stated: 2, computed: 2 },
    ]);
    // line 1065: ※令和2年度大学院改組以前より継続しているプログラムについては括弧書きで旧組織における開始年度を記載。
    expect(ctx.notes.map((n) => n.line)).toEqual([1065]);
  });

  it('lookupPartner: exact, 大学 for 大学校, a misspelled country label, a unit after the name, unknown, ambiguous', () => {
    const k = (name: string, country: string, line: number): KnownPartner => ({ name, country, line, keys: [jaKey(name)] });
    const list = [k('高麗大学校', 'KR', 1), k('マレーシア工科大学', 'MY', 2), k('東北大学', 'CN', 3)];
    expect(lookupPartner(list, '東北大学')).toEqual({ name: '東北大学', country: 'CN', line: 3 });
    expect(lookupPartner(list, '高麗大学')).toEqual({ name: '高麗大学', country: 'KR', line: 1 });
    expect(lookupPartner(list, 'マレーシア工科大学工学部')).toEqual({ name: 'マレーシア工科大学', unit: '工学部', country: 'MY', line: 2 });
    expect(lookupPartner(list, 'マレーシア工科大学ジョホール校')).toEqual({ name: 'マレーシア工科大学ジョホール校', country: 'MY', line: 2 });
    expect(lookupPartner(list, 'オックスフォード大学')).toBeUndefined();
    expect(lookupPartner([...list, k('東北大学', 'JP', 4)], '東北大学')).toBe('ambiguous');
    // From the real agreements table: バトナム国家大学ホーチミン校 (line 637) is found by its proper spelling.
    expect(lookupPartner(known, 'ベトナム国家大学ホーチミン校')).toMatchObject({ country: 'VN', line: 637 });
  });

  it('lookupPartners splits a cell into partners only when every name is known', () => {
    expect(lookupPartners(known, 'ボン大学 高麗大学').map((x) => x.written)).toEqual(['ボン大学', '高麗大学']);
    // line 807: ヘルシンキ芸術大学 美術アカデミー is one institution with a space inside
    expect(lookupPartners(known, 'ヘルシンキ芸術大学 美術アカデミー')).toHaveLength(1);
  });

  it('reports a partner the agreements do not name, and reads a broken row (synthetic)', () => {
    const { ctx: c, s: sec } = synthetic('(6) 海外大学とのダブル・ディグリー/ジョイント・ディグリー プログラム等一覧', [
      '【海外の大学とのダブル・ディグリー・プログラム】',
      'No\t主専攻\t副専攻\t形態\t開始年度※',
      '1\t人間総合科学学術院 人間総合科学研究群\t架空大学\t修士－修士\tR2 (H29)',
      '2\t理工情報生命学術院 生命地球科学研究群 生物学学位\t国立台湾大学\t修士－修士\tR3',
      '\tプログラム〔博士前期課程〕\t\t\t',
    ]);
    const list = readDegreeProgrammes(c, sec, c, known);
    expect(c.problems.map((p) => [p.severity, p.line])).toEqual([['error', 4]]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ programme: '理工情報生命学術院 生命地球科学研究群 生物学学位プログラム〔博士前期課程〕', source: { line: 5, lines: [5, 6] }, startFiscalYear: 2021 });
    expect(c.checks.map(({ stated, computed }) => [stated, computed])).toEqual([[2, 1]]);
  });

  const TITLE = '【海外の大学とのダブル・ディグリー・プログラム】';
  const ROW = '1\t理工情報生命学術院 生命地球科学研究群 生物学学位プログラム\t国立台湾大学\t修士－修士\tR2';
  /** Programmes and problems of synthetic lines; line 1 is the heading, line 2 the table title. */
  const programmesOf = (lines: string[]) => {
    const { ctx: c, s: sec } = synthetic('(6) 海外大学とのダブル・ディグリー/ジョイント・ディグリー プログラム等一覧', [TITLE, ...lines]);
    const list = readDegreeProgrammes(c, sec, c, known);
    return { c, list, errors: c.problems.filter((p) => p.severity === 'error') };
  };

  it('reports a line of garbage under a programme at its line and joins none of it (synthetic)', () => {
    const alone = programmesOf([ROW]).list;
    const { c, list, errors } = programmesOf([ROW, 'qqq\tzzz\t%%%']);
    // line 4: "qqq" and "zzz" would continue the programme, "%%%" the partners of the row of line 3
    expect(errors.map((e) => e.line)).toEqual([4]);
    expect(errors[0]!.message).toMatch(/^fits no shape: no No.*row of line 3.*"qqq" cannot continue its 主専攻.*"%%%" cannot continue its 副専攻/);
    expect(c.dispositionOf(4)).toBe('reported');
    expect(list).toEqual(alone);
  });

  it('joins a start year or form only while it stays era years or degree words (synthetic)', () => {
    // line 4: the old organisation's start year broken onto the next line joins the start year
    expect(programmesOf([ROW, '\t\t\t\t(H29)']).list[0]).toMatchObject({ startRaw: 'R2 (H29)', startFiscalYears: [2020, 2017], source: { lines: [3, 4] } });
    // line 4: "(H29) zzz" and "2年" are no era years or degree words
    expect(programmesOf([ROW, '\t\t\t\t(H29) zzz']).errors.map((e) => [e.line, e.message.includes('開始年度')])).toEqual([[4, true]]);
    expect(programmesOf([ROW, '\t\t\t2年\t']).errors.map((e) => [e.line, e.message.includes('形態')])).toEqual([[4, true]]);
  });

  it('does not continue a row of the table above a new table title (synthetic)', () => {
    const { list, errors } = programmesOf([ROW, '【海外の大学とのジョイント・ディグリー・プログラム（国際連携専攻）】', '\t〔修士課程〕\t\t\t']);
    expect(errors.map((e) => [e.line, /^fits no shape/.test(e.message)])).toEqual([[5, true]]);
    expect(list[0]!.programme).toBe('理工情報生命学術院 生命地球科学研究群 生物学学位プログラム');
  });
});

describe('tsukuba (3)–(6) in the full document', () => {
  const ctx = contextFor(ID);
  const result = parseTsukubaFactbook(ctx);
  const from = sections.agreements!.heading;
  const mine = (n: number) => n >= from;

  it('accounts for every line of sections (3)–(6) and reports no errors there', () => {
    expect(ctx.unexplainedLines().filter(mine)).toEqual([]);
    expect(ctx.problems.filter((p) => p.severity === 'error' && mine(p.line))).toEqual([]);
  });

  it('returns the record counts of each section', () => {
    // Counted in the tests above from the document's rows: 389 agreements, 78 conferences,
    // 31 visits, 22 programmes.
    expect(result.agreements).toHaveLength(389);
    expect(result.conferences).toHaveLength(78);
    expect(result.visits).toHaveLength(31);
    expect(result.degreeProgrammes).toHaveLength(22);
  });

  it('turns every stated total of the sections into a check', () => {
    // (5) line 1027 合計 (件数, 人数); (6) the last No of each table, lines 1055 and 1063.
    expect(ctx.checks.filter((c) => mine(c.line)).map((c) => [c.line, c.key, c.stated === c.computed])).toEqual([
      [1027, 'count', true], [1027, 'persons', true], [1055, 'double-programmes', true], [1063, 'joint-programmes', true],
    ]);
  });

  it('parseDegreeProgrammes finds the partners in the same document', () => {
    const c = contextFor(ID);
    expect(parseDegreeProgrammes(c, findSections(c).degrees!).degreeProgrammes).toHaveLength(22);
  });
});
