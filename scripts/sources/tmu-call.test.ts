import { describe, it, expect } from 'vitest';
import { contextFor } from '../lib/testing.ts';
import { CallFact, draftSchema } from '../schema/records.ts';
import { parseTmuCall } from './tmu-call.ts';
import { buildProgrammes, findAnnex, readRows, splitNames } from './tmu/annex.ts';
import { parseCallText } from './tmu/facts.ts';
import { COURSE_CELL } from './tmu/places.ts';
import { dispositions, expectGolden, insertedContext, problems, rangesContext, SOURCE, syntheticContext } from './tmu/testing.ts';
import type { ProgrammeDraft } from './types.ts';
import type { SourceContext } from '../lib/context.ts';

const full = (() => {
  const ctx = contextFor(SOURCE);
  const result = parseTmuCall(ctx);
  return { ctx, programmes: result.programmes!, facts: result.callFacts! };
})();
const programme = (id: string): ProgrammeDraft => {
  const p = full.programmes.find((x) => x.id === id);
  if (!p) throw new Error(`no programme ${id}`);
  return p;
};
const fact = (line: number, key: string, k = 0): CallFact => {
  const f = full.facts.filter((x) => x.source.line === line && x.key === key)[k];
  if (!f) throw new Error(`no fact ${key} on line ${line}`);
  return f;
};

/** The parser on lines [from, to] of the annex, with the title (line 5) that the call needs. */
function annexSlice(from: number, to: number) {
  const ctx = rangesContext([5, 5], [from, to]);
  const { programmes } = parseTmuCall(ctx);
  return { programmes, problems: problems(ctx), lines: dispositions(ctx, from, to) };
}

/** The call-text parser on lines [from, to], with the title (line 5) that dates the schedule. */
function callSlice(from: number, to: number) {
  const ctx = rangesContext([5, 5], [from, to]);
  const callFacts = parseCallText(ctx, undefined);
  return { callFacts, problems: problems(ctx), lines: dispositions(ctx, from, to) };
}

describe('tmu-2024-autumn golden slices', () => {
  it('lines 454–463: the annex title, its page note, header and first programmes', () => {
    expectGolden('tmu-annex-first-rows-454-463', annexSlice(454, 463));
  });
  it('lines 474–490: a page break inside the Jilin pool (10116014-1 before it, -2 and -3 after), HTML <p> cells with links, cells carrying their own labels', () => {
    expectGolden('tmu-annex-page-break-474-490', annexSlice(474, 490));
  });
  it('lines 494–505: records on two lines (the 学部 row, then the English name and the 大学院 row) and a pool of three courses', () => {
    expectGolden('tmu-annex-two-line-records-494-505', annexSlice(494, 505));
  });
  it('lines 507–519: pools of two courses (NTNU, NTHU, NDHU), a row out of column order and a spill line (Regina)', () => {
    expectGolden('tmu-annex-shared-pools-507-519', annexSlice(507, 519));
  });
  it('lines 320–361: the stipend table by region class, the stipend months, the travel caps', () => {
    expectGolden('tmu-call-stipend-travel-320-361', callSlice(320, 361));
  });
  it('lines 237–252: the schedule table', () => {
    expectGolden('tmu-call-schedule-237-252', callSlice(237, 252));
  });
});

describe('tmu-2024-autumn, the whole document', () => {
  it('accounts for every line', () => {
    expect(full.ctx.unexplainedLines()).toEqual([]);
  });
  it('reports no error', () => {
    expect(full.ctx.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
  it('reads one programme per course number', () => {
    // Counted from the document: the annex (lines 454–570) has 55 rows with a course number in the
    // column 大学別コース番号 (8 digits, optionally "-n"), all distinct; the lines that continue a
    // row (497, 499, 501, 503, 505, 519) have none. `grep -cP '^[^\t]*\t[^\t]*\t[^\t]*\t\d{8}(-\d)?\t'`
    // on the raw file gives the same 55.
    expect(full.programmes).toHaveLength(55);
    const inText = full.ctx.lines.flatMap((l) => l.split('\t').map((c) => c.trim()).filter((c) => COURSE_CELL.test(c)));
    expect(new Set(inText).size).toBe(inText.length);
    expect(full.programmes.map((p) => p.id).sort()).toEqual([...inText].sort());
  });
  it('states no count of partner universities or programmes, so it has no checks', () => {
    // The call gives no total of universities or courses (the table of contents gives page numbers only).
    expect(full.ctx.checks).toEqual([]);
    expect(full.ctx.unverifiable).toEqual([]);
  });
  it('gives records the schemas accept', () => {
    for (const p of full.programmes) {
      const r = draftSchema('programmes').safeParse({ ...p, partner: 'partner-id' });
      expect(r.success, `${p.id}: ${r.error?.message}`).toBe(true);
    }
    for (const f of full.facts) expect(CallFact.safeParse(f).success, f.id).toBe(true);
    expect(new Set(full.facts.map((f) => f.id)).size).toBe(full.facts.length);
  });
  it('warns exactly where the document is odd', () => {
    expect(full.ctx.problems.map((p) => `${p.line} ${p.message.replace(/^course [\d-]+:? /, '')}`)).toEqual([
      // line 498: 10116015-3 names 10116015-2 (and itself) but not 10116015-1, which names it
      '498 does not name course 10116015-1, which says it shares its places with 10116015-3',
      // line 517: the pool names 50501004-2, which no row of the annex lists
      '517 shares its places with course 50501004-2, which the table does not list',
      // line 480: "HK level 5" (HSK?)
      expect.stringMatching(/^480 other: "HK" is not a language test/),
      ...[496, 498, 500, 502, 504].map((n) => `${n} eligibility lists 学部 and 大学院 without a ○/× mark; read as open to that level`),
      // line 519 repeats 学部 with ×, under line 518's 学部 ○
      '519 eligibility given twice with different marks (学部 ○ / 学部 ×); the first is kept',
      // line 518: the IELTS recommendation sits in the grade column, the GPA after it
      expect.stringMatching(/^518 the gpa cell \("学部 2.5"\) stands after the ielts cell/),
      ...[564, 565, 566, 567, 568, 569, 570].map((n) => `${n} eligibility lists 学部 and 大学院 without a ○/× mark; read as open to that level`),
    ]);
  });
});

describe('tmu-2024-autumn programmes, by hand', () => {
  it('10107001 Thammasat (line 460): names, places, levels, a GPA range', () => {
    const p = programme('10107001');
    expect(p.partner).toMatchObject({ ja: 'タマサート大学', en: 'Thammasat University', country: 'TH', kind: 'university' });
    expect(p.places).toEqual({ semesterSpots: 4, sharedWith: [], raw: '4 semester spots' });
    expect(p.levels).toEqual({ undergraduate: true, graduate: false }); // 学部 ○
    expect(p.language).toBe('English');
    expect(p.requirements.gpa).toMatchObject({ format: 'range', range: { from: 2.5, to: 3 }, scale: 4 });
    expect(p.reRecruitment).toBe(false);
  });
  it('10116011 City University of Hong Kong (line 479): the college is the partner unit; HTML links', () => {
    const p = programme('10116011');
    expect(p.partner).toMatchObject({ ja: '香港城市大学', en: 'City University of Hong Kong', country: 'HK' });
    expect(p.partnerName).toEqual({ ja: '香港城市大学人文社会科学学院', en: 'City University of Hong Kong (College of Liberal Arts and Social Sciences (CLASS))' });
    expect(p.partnerUnit).toBe('人文社会科学学院');
    expect(p.requirements.ielts).toMatchObject({ format: 'min', min: 6.5, oneSkillRetake: true }); // 学部 6.5 大学院 -, graduates ×
    expect(p.requirements.toefl).toMatchObject({ format: 'min', min: 79 });
    // <p>http://www.cityu.edu.hk/class/exchange/content/default.asp?xref=course</p> …
    expect(p.links).toContain('http://www.cityu.edu.hk/class/exchange/content/default.asp?xref=course');
    expect(p.notes).not.toMatch(/<p>/);
  });
  it('only the four courses marked ● are re-recruited (lines 470–472, 478)', () => {
    expect(full.programmes.filter((p) => p.reRecruitment).map((p) => p.id)).toEqual(['10113001', '10113002', '10113003', '10113007']);
  });
  it('10116015-3 South China University of Technology (lines 498–499): the English name and the 大学院 values on the next line', () => {
    const p = programme('10116015-3');
    expect(p.source).toEqual({ id: SOURCE, line: 498, lines: [498, 499] });
    expect(p.partnerName).toEqual({ ja: '華南理工大学', en: 'South China University of Technology' });
    expect(p.levels).toEqual({ undergraduate: true, graduate: true });
    expect(p.requirements.ielts.byLevel).toEqual({ undergraduate: { raw: '5.5', format: 'min', min: 5.5 }, graduate: { raw: '6', format: 'min', min: 6 } });
    expect(p.requirements.toefl.byLevel?.graduate?.min).toBe(80);
    expect(p.requirements.ielts.min).toBeUndefined();
    // pool: line 490 names -2 and -3; the closure puts all three together
    expect(p.places.sharedWith).toEqual(['10116015-1', '10116015-2']);
  });
  it('the Jilin pool spans the page break (lines 482, 488, 489)', () => {
    expect(programme('10116014-1').places.sharedWith).toEqual(['10116014-2', '10116014-3']);
    expect(programme('10116014-3').places).toMatchObject({ semesterSpots: 4, sharedWith: ['10116014-1', '10116014-2'] });
    // line 489: "IELTS One Skill Retake: Non-acceptable" at the end of the language notes
    expect(programme('10116014-3').requirements.ielts.oneSkillRetake).toBe(false);
  });
  it('50501004-1 Memorial University (line 517): TOEFL with section minimums', () => {
    expect(programme('50501004-1').requirements.toefl).toEqual({ raw: '83 R20, W20', format: 'min', min: 83, sections: { reading: 20, writing: 20 } });
    expect(programme('50501004-1').requirements.gpa).toMatchObject({ min: 2.5, scale: 4 });
  });
  it('spaced characters and course types as written (lines 481, 548, 566)', () => {
    expect(programme('70710002-1').partner.ja).toBe('ロッテルダム応用科学大学'); // "ロッテルダム応用科学 大学"
    expect(programme('10116012-2')).toMatchObject({ courseType: '語学のみのみ', courseKind: 'language-only' });
    expect(programme('70712004-2')).toMatchObject({ courseType: '語学 + 正規課程', courseKind: 'language+regular' });
  });
  it('TMU units a programme is restricted to (line 461)', () => {
    expect(programme('10108001').homeUnits).toEqual([
      'tmu-science-faculty', 'tmu-science-graduate-school',
      'tmu-urban-environmental-sciences-faculty', 'tmu-urban-environmental-sciences-graduate-school',
      'tmu-systems-design-faculty', 'tmu-systems-design-graduate-school',
    ]);
    expect(full.programmes.filter((p) => p.homeUnits).map((p) => p.id)).toEqual(['10108001', '10113002', '10113003', '10116016-1', '10116016-3', '70707016', '70707017', '70723001']);
  });
});

describe('tmu-2024-autumn call facts, by hand', () => {
  it('TMU\'s own minimums (lines 83, 92)', () => {
    expect(fact(83, 'min-gpa').value).toBe(2); // 成績評価係数が、2.0以上
    expect(fact(92, 'min-ielts').value).toBe(5.5); // IELTS 5.5 以上
    expect(fact(92, 'min-ielts-section').value).toBe(4.5); // 各セクション4.5 以上
    expect(fact(92, 'min-toefl').value).toBe(60); // TOEFL iBT 60 以上
    expect(fact(92, 'min-toefl-section').value).toBe(14); // 各セクション14 以上
  });
  it('stipends by region class (lines 328–331), JPY a month', () => {
    const row = (line: number) => full.facts.filter((f) => f.source.line === line && f.key === 'stipend').map((f) => [f.region, f.condition, f.value, f.unit]);
    expect(row(328)).toEqual([['指定都市', '授業料減免適用者を除く', 100000, 'JPY/month'], ['指定都市', '授業料減免適用者', 100000, 'JPY/month']]);
    expect(row(329).map((r) => r[2])).toEqual([80000, 100000]); // 甲地域 8 万円 10 万円
    expect(row(330).map((r) => r[2])).toEqual([70000, 90000]); // 乙地域 7 万円 9 万円
    expect(row(331).map((r) => r[2])).toEqual([60000, 80000]); // 丙地域 6 万円 8 万円
    // lines 1216–1219 repeat the table in the full 実施要領
    expect(full.facts.filter((f) => f.key === 'stipend').length).toBe(16);
  });
  it('travel caps (lines 360, 361, 661)', () => {
    expect(fact(360, 'travel-cap')).toMatchObject({ region: 'アジア地域', value: 150000, unit: 'JPY' }); // 15 万円
    expect(fact(361, 'travel-cap')).toMatchObject({ region: '上記以外の地域', value: 250000 }); // 25 万円
    expect([fact(661, 'travel-cap').value, fact(661, 'travel-cap', 1).value]).toEqual([150000, 250000]);
  });
  it('the additional scholarship (lines 270–274) and the test-fee subsidy (line 1274)', () => {
    expect(fact(272, 'scholarship-amount')).toMatchObject({ value: 50000, unit: 'JPY/month' }); // 月額5万円
    expect(fact(273, 'scholarship-recipients')).toMatchObject({ value: 15, unit: 'persons', approx: true }); // 15名程度
    expect(fact(1274, 'test-fee-share').value).toBe(0.5); // 語学試験受験費用の半額を支給する
    expect(fact(1046, 'stipend-max-months').value).toBe(12); // 給付月数の上限は、12 ヶ月
  });
  it('schedule (lines 11, 177, 241, 249, 250)', () => {
    expect(fact(11, 'first-entry')).toMatchObject({ date: '2024-10-01', endDate: '2024-10-22', source: { line: 11, lines: [9, 11] } });
    expect(fact(177, 'first-entry')).toMatchObject({ what: '第1次エントリー 応募期間', date: '2024-10-01', endDate: '2024-10-22' });
    expect(fact(241, 'first-entry')).toMatchObject({ date: '2024-10-01', endDate: '2024-10-22' });
    expect(fact(249, 'first-selection-result')).toMatchObject({ date: '2024-11-22', time: '正午', approx: true });
    expect(fact(250, 'interview').date).toBe('2024-12-07'); // 12月7日土曜日
    expect(fact(47, 'departure-from').value).toBe('2025-07'); // 2025年7月以降に渡航する
  });
});

describe('a line of garbage is reported at its line, never read as a record, layout or a note', () => {
  const GARBAGE = 'qqq\tzzz\t%%%';
  /** The whole call with the garbage inserted at line `at`; what became of it and of the records. */
  const insert = (at: number) => {
    const ctx = insertedContext(at, GARBAGE);
    const result = parseTmuCall(ctx);
    const records = [...result.programmes!, ...result.callFacts!];
    return {
      disposition: ctx.dispositionOf(at),
      errors: ctx.problems.filter((p) => p.severity === 'error').map((p) => ({ line: p.line, message: p.message })),
      absorbed: records.filter((r) => (r.source.lines ?? [r.source.line]).includes(at)).map((r) => r.id),
      noted: ctx.notes.some((n) => n.line === at),
      counts: [result.programmes!.length, result.callFacts!.length],
      unexplained: ctx.unexplainedLines(),
    };
  };
  const reported = (at: number) => {
    const r = insert(at);
    expect(r.disposition).toBe('reported');
    expect(r.errors.map((e) => e.line)).toEqual([at]);
    expect(r.absorbed).toEqual([]);
    expect(r.noted).toBe(false);
    // nothing else is lost: 55 programmes and 88 facts as in the document without the garbage
    expect(r.counts).toEqual([55, 88]);
    expect(r.unexplained).toEqual([]);
    return r.errors[0]!.message;
  };
  it('in the call text (between the sentence of line 65 and the heading "2 概要" of line 67)', () => {
    expect(reported(66)).toMatch(/^fits no shape: "qqq" is no word, number or mark of a form; expected prose, a heading, a list item, a form field or a table row, like the lines around it: sentence \(line 65\), numbered heading \(line 68\)$/);
  });
  it('between a schedule label and its dates (lines 9 and 11): the label still labels the dates', () => {
    expect(reported(10)).toMatch(/like the lines around it: title or heading \(line 9\), title or heading \(line 12\)$/);
    const ctx = insertedContext(10, GARBAGE);
    const facts = parseTmuCall(ctx).callFacts!;
    expect(facts.find((f) => f.source.line === 12)).toMatchObject({ key: 'first-entry', date: '2024-10-01', source: { lines: [9, 12] } });
  });
  it('in the annex, between two rows (lines 500 and 501) and between a row and its continuation (lines 498 and 499)', () => {
    for (const at of [501, 499]) {
      expect(reported(at)).toMatch(/^fits no shape: 3 cells where a line of the table has 8 or more; expected in the annex a row with a course number/);
    }
  });
  it('in the application form (line 587, between two rows of fields)', () => {
    expect(reported(587)).toMatch(/like the lines around it: table header, labels or form fields \(line 586\), table header, labels or form fields \(line 588\)$/);
  });
  it('in the regulations (line 1128, inside the list of article 12)', () => {
    expect(reported(1128)).toMatch(/^fits no shape: "qqq"/);
  });
});

describe('synthetic damage', () => {
  const header = '大学名 (上段:日本語、下段:英語)\t国・地域\t募集枠数 (semester spots/換算)\t大学別コース番号\t【再募集】\tコース 設定\tEligibility\t受講言語\t成績要件\t語学要件\t\t\t派遣先情報\t\t\tその他の注意事項';
  const sub = '\t\t\t\t\t\t\t\t\tIELTS\tTOEFL iBT\t英語以外の言語\t概要ページ URL\t\t\t';
  const note = '※【再募集】欄は、2024年度春募集で交換派遣学生を募集したが、募集枠数が充足されていないため、引き続き2024年度秋募集にて半期のみの募集を行う大学を示す。';
  const run = (lines: string[]): { ctx: SourceContext; programmes: ProgrammeDraft[] } => {
    const ctx = syntheticContext(lines);
    const annex = findAnnex(ctx)!;
    return { ctx, programmes: buildProgrammes(ctx, readRows(ctx, annex.from, annex.to)) };
  };
  it('a record continued after a page break (page note and header between its lines)', () => {
    const { ctx, programmes } = run([
      header, sub,
      '華南理工大学\t中国\t2 semester spots\t10116015-3\t\t正規課程\t学部\tEnglish\t学部\t5.5\t68\t-\thttps://example.org/a\t\t\tnote',
      '', note, '', header, sub,
      'South China University of Technology\t大学院\t\t\t\t\t大学院\t6\t80\t-\tMaster and Ph.D need find supervisor\t\t\t\t\t',
    ]);
    expect(ctx.unexplainedLines()).toEqual([]);
    expect(programmes[0]!.source.lines).toEqual([3, 9]);
    expect(programmes[0]!.partnerName.en).toBe('South China University of Technology');
    expect(programmes[0]!.requirements.toefl.byLevel?.graduate?.min).toBe(80);
  });
  it('a row whose places cell is missing: cells read by content, not position', () => {
    const { ctx, programmes } = run([header, sub, 'タマサート大学 Thammasat University\tタイ\t10107001\t\t正規課程\t学部 ○\tEnglish\t学部 3.0/4.0\t学部 6\t79\t-\thttps://example.org/']);
    expect(ctx.problems).toEqual([]);
    expect(programmes[0]).toMatchObject({ id: '10107001', country: 'TH', places: { raw: '', sharedWith: [] } });
    expect(programmes[0]!.requirements.ielts.min).toBe(6);
  });
  it('an unmapped country is an error naming the line, and the row is still accounted for', () => {
    const { ctx, programmes } = run([header, sub, 'どこか大学 Somewhere University\tアトランティス\t4 semester spots\t10199001\t\t正規課程\t学部 ○\tEnglish\t-\t-\t-\t-']);
    expect(programmes).toEqual([]);
    expect(ctx.problems.map((p) => [p.severity, p.line])).toEqual([['error', 3]]);
    expect(ctx.unexplainedLines()).toEqual([]);
  });
  it('a line of another shape inside the annex is reported there, and the rows after it are still read', () => {
    const row = (course: string) => `タマサート大学 Thammasat University\tタイ\t4 semester spots\t${course}\t\t正規課程\t学部 ○\tEnglish\t学部 3.0/4.0\t学部 6\t79\t-\thttps://example.org/`;
    const { ctx, programmes } = run([header, sub, row('10107001'), 'qqq\tzzz\t%%%', row('10107002'), '', '12', '', row('10107003')]);
    expect(programmes.map((p) => p.id)).toEqual(['10107001', '10107002', '10107003']);
    expect(ctx.problems.map((p) => [p.severity, p.line])).toEqual([['error', 4]]);
    expect(ctx.dispositionOf(7)).toBe('layout'); // a page number between two pages of the table
  });
  it('a continuation line must be plausible for the cells it continues', () => {
    const main = '華南理工大学\t中国\t2 semester spots\t10116015-3\t\t正規課程\t学部\tEnglish\t学部\t5.5\t68\t-\thttps://example.org/a';
    const cont = 'South China University of Technology\t大学院\t\t\t\t\t大学院\t6\t80\t-\tnote\t\t'; // line 499
    const cases: [string, RegExp][] = [
      // a header with its cells out of order (line 467 with 大学名 and 国・地域 swapped)
      ['国・地域\t大学名 (上段:日本語、下段:英語)\t募集枠数 (semester spots/換算)\t大学別コース番号\t【再募集】\tコース 設定\tEligibility\t受講言語\t成績要件', /labels of the table's header/],
      // the sub-header cut short after its IELTS cell (line 477 cut at its 10th cell)
      ['\t\t\t\t\t\t\t\t\tIELTS', /labels of the table's header/],
      // a row whose course number moved past the first six cells (line 511, cells 4 and 7 swapped)
      ['国立台湾師範大学 National Taiwan Normal University\t台湾\t4 semester spots\t学部 ○\t\t正規課程\t10122006-2\tEnglish\t-', /the course number 10122006-2 stands in cell 7/],
      // a row without a course number: a country beside the name
      ['仁川大学校 Incheon National University\t韓国\t4 semester spots\t\t●\t正規課程\t学部 ○ 大学院 ×\tEnglish\t-', /a row of its own, without its course number/],
      // the sub-header cut short: level labels and nothing they label
      ['\t\t\t\t\t\t\t\t学部\t大学院', /level labels \(学部, 大学院\) and nothing they label/],
      // a Japanese first cell that names no university
      ['備考\t大学院\t\t\t\t\t大学院\t6\t80', /is no university name/],
      // a token of no language in a cell
      ['\t\t\t\t\t\t学部 ×\t%%%\t\t学部 -', /holds "%%%"/],
    ];
    for (const [line, message] of cases) {
      const { ctx, programmes } = run([header, sub, main, line]);
      expect(ctx.problems.filter((p) => p.severity === 'error').map((p) => p.line), line).toEqual([4]);
      expect(ctx.problems.find((p) => p.line === 4)!.message, line).toMatch(message);
      expect(programmes[0]!.source.lines, line).toBeUndefined(); // the row keeps only its own line
    }
    const { ctx, programmes } = run([header, sub, main, cont]);
    expect(ctx.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(programmes[0]!.source.lines).toEqual([3, 4]);
  });
  it('a cell of no language in a row is a warning, the row still read', () => {
    const { ctx, programmes } = run([header, sub, 'タマサート大学 Thammasat University\tタイ\t4 semester spots\t10107001\t\t正規課程\t学部 ○\tEnglish\t学部 3.0/4.0\t###\t79\t-\thttps://example.org/']);
    expect(programmes.map((p) => p.id)).toEqual(['10107001']);
    expect(ctx.problems.map((p) => [p.severity, p.line, p.message])).toEqual([['warning', 3, 'course 10107001: cell 10 holds "###", no word, value or link of the table; read as it is']]);
  });
  it('splitNames splits Japanese from English and removes CJK spacing', () => {
    expect(splitNames('ロッテルダム応用科学 大学 Rotterdam University of Applied Sciences')).toEqual({ ja: 'ロッテルダム応用科学大学', en: 'Rotterdam University of Applied Sciences' }); // line 548
    expect(splitNames('ア・コルーニャ大学 University of A Coruña')).toEqual({ ja: 'ア・コルーニャ大学', en: 'University of A Coruña' }); // line 567
    expect(splitNames('University of Jyväskylä')).toEqual({ en: 'University of Jyväskylä' });
  });
});
