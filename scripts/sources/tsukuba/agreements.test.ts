import { describe, it, expect } from 'vitest';
import { contextFor, sliceContext, sourceMeta } from '../../lib/testing.ts';
import { SourceContext } from '../../lib/context.ts';
import type { AgreementDraft } from '../types.ts';
import { findSections, parseTsukubaFactbook, type Section } from './index.ts';
import { parseAgreements, partnerParts } from './agreements.ts';
import { expectGolden } from '../../lib/golden.ts';

const ID = 'tsukuba-fy2023';
const full = contextFor(ID);
const sections = findSections(full);
const section = sections.agreements!;

/** Parses lines [from, to] of the real document with the real section bounds. */
function parseSlice(from: number, to: number) {
  const ctx = sliceContext(ID, from, to);
  const agreements = parseAgreements(ctx, section).agreements ?? [];
  const problems = ctx.problems.map(({ severity, line, message }) => ({ severity, line, message }));
  const unexplained = ctx.unexplainedLines().filter((n) => n >= from && n <= to);
  return { ctx, agreements, problems, checks: ctx.checks, unexplained };
}

/** A context over synthetic table lines; line 1 is the heading, the given lines start at line 2. */
function synthetic(lines: string[]): { ctx: SourceContext; s: Section } {
  const ctx = new SourceContext(sourceMeta(ID), ['(3) 国際交流協定', ...lines]);
  return { ctx, s: { heading: 1, from: 2, to: lines.length + 1 } };
}

const at = (list: AgreementDraft[], line: number) => list.find((a) => a.source.line === line)!;

describe('tsukuba (3) agreements: golden slices', () => {
  it('lines 492–535: a clean block (中国), rows shifted left with a trailing empty cell (526–529), a page break (530–531)', () => {
    const r = parseSlice(492, 535);
    expect(r.unexplained).toEqual([]);
    expect(r.problems).toEqual([]);
    expectGolden('tsukuba-agreements-492-535', { agreements: r.agreements, problems: r.problems, checks: r.checks });
  });

  it('lines 536–575: 台湾, then 韓国 shifted right (555) and partners in column 1 (556–570) across a page break', () => {
    const r = parseSlice(536, 575);
    expect(r.unexplained).toEqual([]);
    expectGolden('tsukuba-agreements-536-575', { agreements: r.agreements, problems: r.problems, checks: r.checks });
  });
});

describe('tsukuba (3) agreements: values read from the document', () => {
  const { agreements } = parseSlice(section.from, section.to);

  it('reads a clean row', () => {
    // line 493: 中国 ⇥ 河北農業大学 ⇥ 部局間 ⇥ 研究者 学 生 ⇥ 両機関に共通する全ての領域（主に生命環境科学、…）
    const a = at(agreements, 493);
    expect(a.id).toBe('tsukuba-fy2023-L493');
    expect(a.partner).toEqual({ ja: '河北農業大学', country: 'CN', kind: 'university', source: { id: ID, line: 493 } });
    expect(a.countries).toEqual(['CN']);
    expect(a.countryLabel).toBe('中国');
    expect(a.level).toBe('department');
    expect(a.targets).toEqual({ researchers: true, students: true });
    expect(a.fields).toBe('両機関に共通する全ての領域(主に生命環境科学、バイオシステム科学・工学、バイオ環境科学・工学、地域システム経済学)');
    expect(a.homeUnits).toEqual([]);
  });

  it('carries the country down empty country cells', () => {
    // line 496: ⇥ 華東師範大学 ⇥ 全学 — under 中国 (line 493)
    expect(at(agreements, 496)).toMatchObject({ partnerName: '華東師範大学', countries: ['CN'], level: 'university' });
  });

  it('gives Hong Kong and Macao partners listed under 中国 their own codes', () => {
    // lines 500, 501: 香港科技大学, 香港中文大学; line 535: 澳門大学 (all under 中国, line 493)
    expect(at(agreements, 500)).toMatchObject({ countries: ['HK'], countryLabel: '中国', partner: { ja: '香港科技大学', country: 'HK' } });
    expect(at(agreements, 501).partner.country).toBe('HK');
    expect(at(agreements, 535)).toMatchObject({ countries: ['MO'], countryLabel: '中国', targets: { researchers: false, students: true } });
  });

  it('reads researchers-only rows and keeps a hospital whole', () => {
    // line 509: 青島大学附属医院 ⇥ 部局間 ⇥ 研究者 ⇥ 放射線治療分野、…
    const a = at(agreements, 509);
    expect(a.targets).toEqual({ researchers: true, students: false });
    expect(a.partner).toMatchObject({ ja: '青島大学附属医院', kind: 'hospital' });
    expect(a.partnerUnit).toBeUndefined();
  });

  it('splits an institute off an academy', () => {
    // line 512: 中国科学院 地理科学・資源研究所
    expect(at(agreements, 512)).toMatchObject({ partnerName: '中国科学院 地理科学・資源研究所', partnerUnit: '地理科学・資源研究所', partner: { ja: '中国科学院' } });
  });

  it('reads rows whose country cell is missing and whose cells moved left', () => {
    // line 526: 福建師範大学 ⇥ 部局間 ⇥ 研究者 学 生 ⇥ 日本語と日本文化を…関連分野 ⇥ (trailing empty cell)
    expect(at(agreements, 526)).toMatchObject({ partnerName: '福建師範大学', countries: ['CN'], level: 'department', fields: '日本語と日本文化を中心とする人文科学・社会科学及び関連分野' });
    // line 556: ソウル大学校 ⇥ (empty) ⇥ 部局間 ⇥ 研究者 学 生 ⇥ 体育・スポーツ科学及び関連分野
    expect(at(agreements, 556)).toMatchObject({ partnerName: 'ソウル大学校', countries: ['KR'], level: 'department', fields: '体育・スポーツ科学及び関連分野' });
  });

  it('reads a row whose cells moved right (the country in column 2)', () => {
    // line 555: (empty) ⇥ 韓国 ⇥ ソウル市立大学校 ⇥ 部局間 ⇥ 研究者 学 生 — no fields cell
    const a = at(agreements, 555);
    expect(a).toMatchObject({ partnerName: 'ソウル市立大学校', countries: ['KR'], countryLabel: '韓国', level: 'department' });
    expect(a.fields).toBeUndefined();
  });

  it('reads CiC agreements', () => {
    // line 539: 国立成功大学 ⇥ CiC; line 766: ユトレヒト大学 ⇥ CiC ⇥ 研究者
    expect(at(agreements, 539)).toMatchObject({ level: 'cic', countries: ['TW'] });
    expect(at(agreements, 766)).toMatchObject({ level: 'cic', countries: ['NL'], targets: { researchers: true, students: false } });
  });

  it('maps the misspelled country バトナム to VN and keeps partner names as written', () => {
    // line 629: バトナム ⇥ ダナン大学; line 636: バトナム国家大学ハノイ校
    expect(at(agreements, 629)).toMatchObject({ countries: ['VN'], countryLabel: 'バトナム' });
    expect(at(agreements, 636).partner).toMatchObject({ ja: 'バトナム国家大学ハノイ校', country: 'VN' });
  });

  it('leaves out an empty targets cell', () => {
    // line 642: ホーチミン市医科薬科大学 ⇥ 部局間 ⇥ (empty) ⇥ 医学、…ヘル スケア分野
    const a = at(agreements, 642);
    expect(a.targets).toBeUndefined();
    expect(a.fields).toBe('医学、医療科学、公衆衛生学、看護学、助産学を含む、ヘルスケア分野');
  });

  it('keeps an alternate name or abbreviation in brackets out of the partner unit', () => {
    // line 826: ベルギー ⇥ 国立工業工芸大学（パリ工科大学） (the document files it under ベルギー)
    expect(at(agreements, 826)).toMatchObject({ partnerName: '国立工業工芸大学(パリ工科大学)', partner: { ja: '国立工業工芸大学', country: 'BE' } });
    expect(at(agreements, 826).partnerUnit).toBeUndefined();
    // line 879: エジプト日本科学技術大学（E-JUST）
    expect(at(agreements, 879).partner.ja).toBe('エジプト日本科学技術大学');
  });

  it('does not split a name after a generic title', () => {
    // line 873: 国立研究大学 高等経済学院 (HSE University)
    expect(at(agreements, 873).partner.ja).toBe('国立研究大学高等経済学院');
    expect(at(agreements, 873).partnerUnit).toBeUndefined();
  });

  it('places an international organisation at its seat', () => {
    // line 900: 国際連合 ⇥ 国際連合食糧農業機関 ⇥ 全学 ⇥ 研究者; line 901: ⇥ 国際連合食糧農業機関 ⇥ 部局間 ⇥ 学生
    expect(at(agreements, 900)).toMatchObject({ countries: ['IT'], countryLabel: '国際連合', level: 'university', partner: { ja: '国際連合食糧農業機関', country: 'IT', kind: 'other' } });
    expect(at(agreements, 901)).toMatchObject({ level: 'department', targets: { researchers: false, students: true } });
  });
});

describe('tsukuba (3) agreements: the full document', () => {
  const ctx = contextFor(ID);
  const result = parseTsukubaFactbook(ctx);
  const mine = (n: number) => n >= section.heading && n <= section.to;

  it('accounts for every line of the section', () => {
    expect(ctx.unexplainedLines().filter(mine)).toEqual([]);
    expect(ctx.problems.filter((p) => p.severity === 'error' && mine(p.line))).toEqual([]);
  });

  it('reads 389 agreements', () => {
    // Lines 493–901 are the table: 409 lines, of which 10 are blank page breaks (530, 571, …, 886)
    // and 10 repeat the column labels (531, 572, …, 887); each of the other 389 has exactly one
    // level cell. Counted by level with grep on those lines: 全学 173, 部局間 203, CiC 13.
    const agreements = result.agreements ?? [];
    expect(agreements).toHaveLength(389);
    expect(agreements.filter((a) => a.level === 'university')).toHaveLength(173);
    expect(agreements.filter((a) => a.level === 'department')).toHaveLength(203);
    expect(agreements.filter((a) => a.level === 'cic')).toHaveLength(13);
  });

  it('warns about exactly the damaged rows', () => {
    const warnings = ctx.problems.filter((p) => p.severity === 'warning' && mine(p.line)).map((p) => p.line);
    // 555, 648: no fields cell; 635–638: names starting with バトナム; 642: empty targets cell.
    expect(warnings).toEqual([555, 635, 636, 637, 638, 642, 648]);
  });

  it('states no totals for the section, so it adds no checks', () => {
    expect(ctx.checks.filter((c) => mine(c.line))).toEqual([]);
  });
});

describe('tsukuba (3) agreements: damage kinds (synthetic)', () => {
  it('joins fields broken over two lines into one record', () => {
    const { ctx, s } = synthetic([
      '中国\t河北農業大学\t部局間\t研究者 学 生\t両機関に共通する全ての領域（主に生命環境科学、',
      '\t\t\t\tバイオシステム科学）',
    ]);
    const [a] = parseAgreements(ctx, s).agreements!;
    expect(a!.fields).toBe('両機関に共通する全ての領域(主に生命環境科学、バイオシステム科学)');
    expect(a!.source).toEqual({ id: ID, line: 2, lines: [2, 3] });
    expect(ctx.unexplainedLines()).toEqual([1]);
  });

  it('joins a long partner name broken over two lines', () => {
    const { ctx, s } = synthetic(['タイ\tキング・モンクット工科大学\t部局間\t研究者\t工学', '\tトンブリ校\t\t\t']);
    const [a] = parseAgreements(ctx, s).agreements!;
    expect(a!.partnerName).toBe('キング・モンクット工科大学トンブリ校');
    expect(a!.source.lines).toEqual([2, 3]);
  });

  it('joins a one-cell line to the fields of the row above', () => {
    const { ctx, s } = synthetic(['英国\tエディンバラ大学\t全学\t研究者 学 生\t計算科学、ロボット、', '地球科学、医学分野']);
    const [a] = parseAgreements(ctx, s).agreements!;
    expect(a!.fields).toBe('計算科学、ロボット、地球科学、医学分野');
  });

  it('joins a broken piece right after a page header to the row below', () => {
    const { ctx, s } = synthetic([
      '国名・地域名\t協定締結先機関名\t全学協定 部局間協定\t交流対象\t交流分野',
      '\t\t\t\t全領域',
      '米国\tパデュー大学\t全学\t研究者 学 生\t（協議により決定）',
    ]);
    const [a] = parseAgreements(ctx, s).agreements!;
    expect(a!.source).toEqual({ id: ID, line: 3, lines: [3, 4] });
    expect(a!.fields).toBe('全領域(協議により決定)');
    expect(ctx.unexplainedLines()).toEqual([1]);
  });

  it('reads spaced characters and level cells written with 協定', () => {
    const { ctx, s } = synthetic(['ドイツ\tボン大学\t全学協定\t研 究 者 学 生\t全分野']);
    expect(parseAgreements(ctx, s).agreements![0]).toMatchObject({ level: 'university', targets: { researchers: true, students: true } });
  });

  it('keeps region labels and a country named on its own line', () => {
    const { ctx, s } = synthetic(['アジア', 'インド\t\t\t\t', '\tインド工科大学ボンベイ校\t全学\t研究者 学 生\t交流可能な全分野']);
    const [a] = parseAgreements(ctx, s).agreements!;
    expect(a).toMatchObject({ countries: ['IN'], regionLabel: 'アジア', source: { line: 3, lines: [3, 4] } });
    expect(ctx.unexplainedLines()).toEqual([1]);
  });

  it('makes a stated total a check, recomputed from the rows', () => {
    const { ctx, s } = synthetic(['チリ\tチリ大学\t全学\t研究者 学 生\t協議により決定', 'ヨルダン\tヨルダン科学技術大学\t全学\t研究者 学 生\t全領域', '合計\t3件\t2機関']);
    parseAgreements(ctx, s);
    expect(ctx.checks.map(({ key, line, stated, computed }) => ({ key, line, stated, computed }))).toEqual([
      { key: 'agreements', line: 4, stated: 3, computed: 2 },
      { key: 'institutions', line: 4, stated: 2, computed: 2 },
    ]);
  });

  it('reports an unmapped country, an organisation with no seat, and a row with no country', () => {
    const { ctx, s } = synthetic([
      '\tどこか大学\t全学\t研究者\t全領域',
      'アトランティス\tアトランティス大学\t全学\t研究者\t全領域',
      '国際機関\t架空国際機構\t全学\t研究者\t全領域',
    ]);
    expect(parseAgreements(ctx, s).agreements).toEqual([]);
    expect(ctx.problems.map((p) => [p.severity, p.line])).toEqual([['error', 2], ['error', 3], ['error', 4]]);
    expect(ctx.problems[1]!.message).toMatch(/アトランティス.*country-aliases\.json/);
  });

  it('reports a line that fits no shape', () => {
    const { ctx, s } = synthetic(['これは表の行ではない']);
    parseAgreements(ctx, s);
    expect(ctx.problems).toHaveLength(1);
    expect(ctx.problems[0]).toMatchObject({ severity: 'error', line: 2 });
  });

  const ROW = '中国\t河北農業大学\t部局間\t研究者\t生命環境科学';
  /** Agreements and error problems of synthetic lines. */
  const agreementsOf = (lines: string[]) => {
    const { ctx, s } = synthetic(lines);
    const list = parseAgreements(ctx, s).agreements ?? [];
    return { ctx, list, errors: ctx.problems.filter((p) => p.severity === 'error') };
  };

  it('reports a line of garbage under a row at its line and joins none of it', () => {
    const alone = agreementsOf([ROW]).list;
    const { ctx, list, errors } = agreementsOf([ROW, 'qqq\tzzz\t%%%']);
    // line 3: "qqq" would continue the partner (no Japanese), "%%%" sits in the level column of the row of line 2
    expect(errors.map((e) => e.line)).toEqual([3]);
    expect(errors[0]!.message).toMatch(/^fits no shape: no level cell.*row of line 2.*"qqq" cannot continue its 協定締結先.*"%%%" cannot continue its 全学\/部局間/);
    expect(ctx.dispositionOf(3)).toBe('reported');
    expect(list).toEqual(alone);
  });

  it('reports garbage under a row whose cells moved left, and right after a page header', () => {
    // line 4: under a row with its level in column 1 (line 3), "zzz" lands in the level column
    const left = agreementsOf(['中国\t\t\t\t', '福建師範大学\t部局間\t研究者 学 生\t人文科学\t', 'qqq\tzzz\t%%%']);
    expect(left.errors.map((e) => [e.line, e.message.includes('"zzz" cannot continue its 全学/部局間')])).toEqual([[4, true]]);
    expect(left.list[0]!.partnerName).toBe('福建師範大学');
    // line 3: right under the column labels, it would join the row below (line 4)
    const top = agreementsOf(['国名・地域名\t協定締結先機関名\t全学協定 部局間協定\t交流対象\t交流分野', 'qqq\tzzz\t%%%', ROW]);
    expect(top.errors.map((e) => [e.line, /^fits no shape: .*row of line 4/.test(e.message)])).toEqual([[3, true]]);
    expect(top.list.map((a) => a.source)).toEqual([{ id: ID, line: 4 }]);
  });

  it('joins targets only while they stay 研究者 / 学生, and a Latin partner piece only in brackets', () => {
    // line 3: 学生 broken off the targets joins them; 教員 is no exchange target
    expect(agreementsOf([ROW, '\t\t\t学 生\t']).list[0]!.targets).toEqual({ researchers: true, students: true });
    expect(agreementsOf([ROW, '\t\t\t教員\t']).errors.map((e) => [e.line, e.message.includes('交流対象')])).toEqual([[3, true]]);
    // line 3: a bracketed English name follows a Japanese one; bare Latin words are no part of it
    const row = 'ロシア\t国立研究大学 高等経済学院\t全学\t研究者 学 生\t全分野';
    expect(agreementsOf([row, '\t(HSE University)\t\t\t']).list[0]!.partnerName).toBe('国立研究大学 高等経済学院 (HSE University)');
    expect(agreementsOf([row, '\tHSE University\t\t\t']).errors.map((e) => [e.line, e.message.includes('協定締結先')])).toEqual([[3, true]]);
    // line 3: a one-cell line of signs continues no fields
    expect(agreementsOf([ROW, '%%%']).errors.map((e) => [e.line, e.message.includes('交流分野')])).toEqual([[3, true]]);
  });

  it('partnerParts splits units and keeps alternate names out of them', () => {
    expect(partnerParts('ガジャマダ大学獣医学部')).toEqual({ name: 'ガジャマダ大学', unit: '獣医学部' });
    expect(partnerParts('アイルランガ大学 (歯学部)')).toEqual({ name: 'アイルランガ大学', unit: '歯学部' });
    expect(partnerParts('エジプト日本科学技術大学（E-JUST）')).toEqual({ name: 'エジプト日本科学技術大学' });
    expect(partnerParts('イタリア学術研究会議地球水文保護研究所')).toEqual({ name: 'イタリア学術研究会議', unit: '地球水文保護研究所' });
  });
});
