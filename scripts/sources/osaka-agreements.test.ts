import { describe, it, expect } from 'vitest';
import { contextFor, sliceContext, sourceMeta } from '../lib/testing.ts';
import { SourceContext } from '../lib/context.ts';
import { unitsOf } from '../lib/units.ts';
import { draftSchema } from '../schema/records.ts';
import {
  parseOsakaAgreements, parseWaiver, parsePartnerCell, parseParty, homeUnitsOf, countriesOf,
} from './osaka-agreements.ts';
import type { AgreementDraft } from './types.ts';
import { expectGolden as golden } from '../lib/golden.ts';

const ID = 'osaka-2021';


/** Parser output on lines [from, to] of the real document, with what the context made of them. */
function slice(from: number, to: number) {
  const ctx = sliceContext(ID, from, to);
  const result = parseOsakaAgreements(ctx);
  return {
    agreements: result.agreements,
    sourceRegions: result.sourceRegions,
    problems: ctx.problems.map((p) => ({ severity: p.severity, line: p.line, message: p.message })),
    unexplained: ctx.unexplainedLines(),
  };
}

/** A context over synthetic lines (1-based in the order given), with the real document's metadata. */
function synthetic(lines: string[]): SourceContext {
  return new SourceContext(sourceMeta(ID), lines);
}
const HEADER = '地域\t国・地域名\t大学名 (対応部局)\t対応部局\t発効日\t授業料相互不徴収 (上限)';

const full = (() => {
  const ctx = contextFor(ID);
  const result = parseOsakaAgreements(ctx);
  return { ctx, result, agreements: result.agreements! };
})();
const at = (line: number): AgreementDraft => {
  const a = full.agreements.find((x) => x.source.line === line);
  if (!a) throw new Error(`no agreement on line ${line}`);
  return a;
};

describe('osaka-2021 golden slices', () => {
  it('lines 3–40: first header, India and Indonesia, nested-bracket unit (20), named consortium (36)', () => {
    golden('osaka-lines-3-40', slice(3, 40));
  });
  it('lines 54–78: compound date and waiver (57), date with extra words (69), page break 74–75 with a full-width header, wrapped home-unit names (56, 72)', () => {
    golden('osaka-lines-54-78', slice(54, 78));
  });
  it('lines 96–119: page-break header (97), two-country row 韓国/中国 (101), Thai consortium (117)', () => {
    golden('osaka-lines-96-119', slice(96, 119));
  });
  it('lines 298–312: member universities of one university (305), two dates with words (311)', () => {
    golden('osaka-lines-298-312', slice(298, 312));
  });
  it('lines 576–585: ロシア/ドイツ row (580), page break 582–583', () => {
    golden('osaka-lines-576-585', slice(576, 585));
  });
});

describe('osaka-2021 hand-checked rows', () => {
  it('reads a plain row', () => {
    // line 4: アジア ⇥ イラン ⇥ シャリフ工科大学 ⇥ 基礎工学部 基礎工学研究科 ⇥ 2017/12/27 ⇥ 5
    const a = at(4);
    expect(a.id).toBe('osaka-2021-L4');
    expect(a.level).toBe('department');
    expect(a.regionLabel).toBe('アジア');
    expect(a.countries).toEqual(['IR']);
    expect(a.partner).toEqual({ ja: 'シャリフ工科大学', country: 'IR', kind: 'university', source: { id: ID, line: 4 } });
    expect(a.partnerUnit).toBeUndefined();
    expect(a.homeUnits).toEqual(['osaka-engineering-science-faculty', 'osaka-engineering-science-graduate-school']);
    expect(a.homeUnitsRaw).toBe('基礎工学部 基礎工学研究科');
    expect(a.signedOn).toBe('2017-12-27');
    expect(a.dates).toBeUndefined();
    expect(a.tuitionWaiver).toEqual({ max: 5, raw: '5' });
    expect(a.source).toEqual({ id: ID, line: 4 });
  });
  it('reads × as no waiver and a campus as part of the name', () => {
    // line 7: インド工科大学ハイデラバード校 ⇥ 接合科学研究所 ⇥ 2012/11/6 ⇥ ×
    expect(at(7).tuitionWaiver).toEqual({ max: 0, raw: '×' });
    expect(at(7).partnerName).toBe('インド工科大学ハイデラバード校');
    expect(at(7).homeUnits).toEqual(['osaka-joining-and-welding-research-institute']);
  });
  it('splits the partner department off in brackets, nested brackets kept whole', () => {
    // line 27: アイルランガ大学 (歯学部)
    expect(at(27).partnerName).toBe('アイルランガ大学');
    expect(at(27).partnerUnit).toBe('歯学部');
    // line 20: デリー大学 (ヒンディー語専攻[人文学研究科]/東アジア学専攻[社会科学研究科])
    expect(at(20).partnerUnit).toBe('ヒンディー語専攻[人文学研究科]/東アジア学専攻[社会科学研究科]');
    // line 536: ポール・サバティエ大学 (理論物理学研究所 (LPT)) / フランス国立科学研究センター (トゥールーズ数学研究所 (IMT))
    expect(at(536).partnerMembers).toEqual([
      { name: 'ポール・サバティエ大学', unit: '理論物理学研究所(LPT)', country: 'FR' },
      { name: 'フランス国立科学研究センター', unit: 'トゥールーズ数学研究所(IMT)', country: 'FR' },
    ]);
    // line 472: パラツキー大学 (オロモウツ) (哲学部): only the last group is the department
    expect(at(472).partnerName).toBe('パラツキー大学(オロモウツ)');
    expect(at(472).partnerUnit).toBe('哲学部');
  });
  it('makes a named consortium the partner and keeps its members', () => {
    // line 36: インドネシア学術コンソーシアム ・バンドン工科大学 (生命科学技術学部) ・ガジャマダ大学 (大学院) ⇥ 工学研究科 生物工学国際交流センター ⇥ 2013/7/22 ⇥ 16※
    const a = at(36);
    expect(a.partner.ja).toBe('インドネシア学術コンソーシアム');
    expect(a.partner.kind).toBe('consortium');
    expect(a.partnerUnit).toBeUndefined();
    expect(a.partnerMembers).toEqual([
      { name: 'バンドン工科大学', unit: '生命科学技術学部', country: 'ID' },
      { name: 'ガジャマダ大学', unit: '大学院', country: 'ID' },
    ]);
    expect(a.homeUnits).toEqual(['osaka-engineering-graduate-school', 'osaka-international-center-for-biotechnology']);
    expect(a.tuitionWaiver).toEqual({ max: 16, raw: '16※' });
    // line 117: タイ学術コンソーシアム ・マヒドン大学（理学部） ・チュラロンコン大学（理学部） ⇥ … ⇥ 40
    expect(at(117).partner.ja).toBe('タイ学術コンソーシアム');
    expect(at(117).partnerMembers?.map((m) => m.name)).toEqual(['マヒドン大学', 'チュラロンコン大学']);
    expect(at(117).tuitionWaiver).toEqual({ max: 40, raw: '40' });
  });
  it('gives a two-country row both codes and each member its country', () => {
    // line 101: アジア ⇥ 韓国/中国 ⇥ 韓国原子力研究所 / 中国科学院上海光学精密機械研究所
    expect(at(101).countries).toEqual(['KR', 'CN']);
    expect(at(101).countryLabel).toBe('韓国/中国');
    expect(at(101).partner.kind).toBe('consortium');
    expect(at(101).partnerMembers?.map((m) => m.country)).toEqual(['KR', 'CN']);
    // line 580: ロシア/ドイツ ⇥ ロシア極東連邦総合大学 (高等教育機関) / ドルトムント工科大学 (機械工学科)
    expect(at(580).countries).toEqual(['RU', 'DE']);
    expect(at(580).partnerMembers).toEqual([
      { name: 'ロシア極東連邦総合大学', unit: '高等教育機関', country: 'RU' },
      { name: 'ドルトムント工科大学', unit: '機械工学科', country: 'DE' },
    ]);
  });
  it('keeps a compound waiver and both dates of a compound date cell', () => {
    // line 57: 慶熙大学校 … ⇥ ①2011/1/1 ②2012/1/25 ⇥ ①2 ②35 (院生25・学部生10)
    const a = at(57);
    expect(a.tuitionWaiver).toEqual({ max: null, raw: '①2 ②35 (院生25・学部生10)' });
    expect(a.dates).toEqual(['2011-01-01', '2012-01-25']);
    expect(a.signedOn).toBe('2011-01-01');
    expect(a.dateRaw).toBe('①2011/1/1 ②2012/1/25');
    // line 69: (一般) 2006/11/16 (ラボ設置覚 書)
    expect(at(69).signedOn).toBe('2006-11-16');
    expect(at(69).dates).toEqual(['2006-11-16']);
    expect(at(69).dateRaw).toBe('(一般) 2006/11/16 (ラボ設置覚 書)');
    // line 311: 2017/3/20 (一般) 2017/4/20 (学生)
    expect(at(311).dates).toEqual(['2017-03-20', '2017-04-20']);
    expect(at(311).signedOn).toBe('2017-03-20');
  });
  it('re-joins home-unit names broken by a wrap and maps repaired labels', () => {
    // line 56: レーザーエネルギー学研究 センター (the centre's name before 2017)
    expect(at(56).homeUnits).toEqual(['osaka-institute-of-laser-engineering']);
    // line 470: レーザーエネルギー学 研究センター
    expect(at(470).homeUnits).toEqual(['osaka-institute-of-laser-engineering']);
    // line 72: 医学系研究科(保健学専 攻) 医学部
    expect(at(72).homeUnits).toEqual(['osaka-health-sciences-division', 'osaka-medicine-faculty']);
    // line 280: グローバルイニシアティ ブ・センター
    expect(at(280).homeUnits).toEqual(['osaka-global-initiative-center']);
    // line 357: 外国語学部 言語文化研究科 日本語日本文化教育セン (truncated: repair)
    expect(at(357).homeUnits).toEqual(['osaka-foreign-studies-faculty', 'osaka-language-and-culture-graduate-school', 'osaka-center-for-japanese-language-and-culture']);
    // line 459: 基礎工学研究科/基礎工学部
    expect(at(459).homeUnits).toEqual(['osaka-engineering-science-graduate-school', 'osaka-engineering-science-faculty']);
    // line 175: 人間研究部 人間科学研究科 (typo: repair)
    expect(at(175).homeUnits).toEqual(['osaka-human-sciences-faculty', 'osaka-human-sciences-graduate-school']);
    // line 601: 超高压電子顕微鏡センター (simplified 压: repair)
    expect(at(601).homeUnits).toEqual(['osaka-research-center-for-ultra-high-voltage-electron-microscopy']);
  });
  it('maps variant country labels', () => {
    // line 255: 中国(香港) is Hong Kong
    expect(at(255).countries).toEqual(['HK']);
    expect(at(255).countryLabel).toBe('中国(香港)');
    // lines 268–269: バングラディ / バングラディ シュ (one country cell broken by the extraction)
    expect(at(268).countries).toEqual(['BD']);
    expect(at(269).countries).toEqual(['BD']);
    // line 451: クロアチア共和国; line 323: ミャンマー
    expect(at(451).countries).toEqual(['HR']);
    expect(at(323).countries).toEqual(['MM']);
  });
  it('reads English written after the Japanese name and acronyms in brackets', () => {
    // line 398: シカゴ大学 The Ben May Department for Cancer Research University of Chicago
    expect(at(398).partner).toMatchObject({ ja: 'シカゴ大学', en: 'University of Chicago' });
    expect(at(398).partnerUnit).toBe('The Ben May Department for Cancer Research');
    // line 87: 韓国窯業技術院（KICET）: the institute's acronym, not a department
    expect(at(87).partner.ja).toBe('韓国窯業技術院');
    expect(at(87).partnerName).toBe('韓国窯業技術院 (KICET)');
    expect(at(87).partnerUnit).toBeUndefined();
  });
  it('reads "A / B" in one country with no department of its own as B within A', () => {
    // line 84: 韓国原子力研究所/ 高度放射線技術研究所
    expect(at(84).partner.ja).toBe('韓国原子力研究所');
    expect(at(84).partnerUnit).toBe('高度放射線技術研究所');
    // line 281: two campuses after "/" stay in the name
    expect(at(281).partnerName).toBe('ライシウム・オブ・ザ・フィリピン大学パタンガス校/ラグナ校');
    expect(at(281).partnerUnit).toBeUndefined();
  });
  it('makes member universities listed after their university a group', () => {
    // line 305: ホーチミン市国家大学工科大学・自然科学大学・国際大学
    expect(at(305).partner.kind).toBe('consortium');
    expect(at(305).partnerMembers?.map((m) => m.name)).toEqual([
      'ホーチミン市国家大学工科大学', 'ホーチミン市国家大学自然科学大学', 'ホーチミン市国家大学国際大学',
    ]);
  });
  it('reads the last line, which has no final newline', () => {
    // line 624: 中央フロリダ大学 （電子光学レーザー研究センター） ⇥ レーザーエネルギー学研究 センター ⇥ 1994/5/9 ⇥ ×
    expect(at(624).partnerName).toBe('中央フロリダ大学');
    expect(at(624).signedOn).toBe('1994-05-09');
  });
});

describe('osaka-2021 whole document', () => {
  it('accounts for every line', () => {
    expect(full.ctx.unexplainedLines()).toEqual([]);
    expect(full.ctx.lineCount).toBe(624);
  });
  it('reports no errors', () => {
    expect(full.ctx.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
  it('emits exactly the warnings the document calls for', () => {
    expect(full.ctx.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '36: tuition-waiver figure "16※" carries a footnote mark, and the document has no footnote',
      '57: date cell "①2011/1/1 ②2012/1/25": 2 dates in one cell',
      '57: tuition-waiver cell "①2 ②35 (院生25・学部生10)" gives no single maximum: max left null, the text kept',
      '69: date cell "(一般) 2006/11/16 (ラボ設置覚 書)": extra text beside the date: "(一般)(ラボ設置覚書)"',
      '84: "韓国原子力研究所 / 高度放射線技術研究所": one country and no department of its own after "/", so "高度放射線技術研究所" is read as a part of 韓国原子力研究所',
      '206: date cell "①2006/5/30 ②2006/6/1": 2 dates in one cell',
      '311: date cell "2017/3/20 (一般) 2017/4/20 (学生)": 2 dates in one cell',
      '547: "国立トゥールーズ理工科学院 / 国立高等化学工学学院": one country and no department of its own after "/", so "国立高等化学工学学院" is read as a part of 国立トゥールーズ理工科学院',
    ]);
  });
  it('finds 585 agreements', () => {
    // Counted from the document: 624 lines = 20 blank lines (1, 2 and the one before each of the 18
    // repeated headers) + 19 header rows (line 3 and lines 41, 75, 97, …, 620) + 585 table rows with
    // six tab-separated cells each. No row wraps onto a second line in this extraction, so every
    // table row is one agreement.
    expect(full.agreements).toHaveLength(585);
    expect(full.agreements.every((a) => !a.source.lines)).toBe(true);
    expect(full.ctx.lines.filter((l) => l.split('\t').length === 6 && !l.startsWith('地域\t'))).toHaveLength(585);
  });
  it('distributes the waiver kinds as the 授業料相互不徴収 column does', () => {
    // From the column's values: 296 bare numbers + "16※" (line 36) = 297 figures, 287 ×, one
    // compound cell (line 57).
    const kinds = { number: 0, none: 0, compound: 0 };
    for (const a of full.agreements) {
      const w = a.tuitionWaiver!;
      if (w.max === null) kinds.compound++;
      else if (w.max === 0) kinds.none++;
      else kinds.number++;
    }
    expect(kinds).toEqual({ number: 297, none: 287, compound: 1 });
    expect(full.agreements.filter((a) => a.tuitionWaiver?.max === 0).every((a) => a.tuitionWaiver?.raw === '×')).toBe(true);
  });
  it('states no totals, so makes no checks', () => {
    // The list has no total, subtotal or count line (every non-blank line is a header or a row).
    expect(full.ctx.checks).toEqual([]);
    expect(full.ctx.unverifiable).toEqual([]);
  });
  it('dates every row; the latest date is the as-of date of the manifest', () => {
    expect(full.agreements.every((a) => a.signedOn)).toBe(true);
    const latest = full.agreements.map((a) => a.signedOn!).sort().at(-1);
    // line 593: アイオワ州立大学 ⇥ 人間科学研究科 ⇥ 2021/8/31
    expect(latest).toBe('2021-08-31');
    expect(latest).toBe(sourceMeta(ID).asOf);
  });
  it('maps every home unit to a unit of the Osaka table', () => {
    const ids = new Set(unitsOf('osaka').map((u) => u.id));
    for (const a of full.agreements) {
      expect(a.homeUnits.length, `line ${a.source.line}`).toBeGreaterThan(0);
      for (const u of a.homeUnits) expect(ids.has(u), `${u} on line ${a.source.line}`).toBe(true);
    }
  });
  it('keeps the source region labels, Iran under both アジア and 中東', () => {
    // line 4: アジア ⇥ イラン; line 366: 中東 ⇥ イラン
    expect(full.result.sourceRegions).toContainEqual({ country: 'IR', label: 'アジア' });
    expect(full.result.sourceRegions).toContainEqual({ country: 'IR', label: '中東' });
    const labels = new Set(full.agreements.map((a) => a.regionLabel));
    expect([...labels].sort()).toEqual(['アジア', 'アフリカ', 'オセアニア', 'ヨーロッパ', '中南米', '中東', '北米'].sort());
  });
  it('produces records that satisfy the Agreement schema once a partner id is filled in', () => {
    for (const a of full.agreements) {
      const r = draftSchema('agreements').safeParse({ ...a, partner: 'x', partners: ['x'] });
      expect(r.success, `line ${a.source.line}: ${r.error?.message}`).toBe(true);
    }
  });
});

describe('osaka layout damage (synthetic)', () => {
  it('joins a row wrapped over two lines (all six cells kept)', () => {
    const ctx = synthetic([
      HEADER,
      'アジア\tインドネシア\tインドネシア学術コンソーシアム ・バンドン工科大学 (生命科学技術学部)\t工学研究科 生物工学国際\t2013/7/22\t16',
      '\t\t・ガジャマダ大学 (大学院)\t交流センター\t\t',
      'アジア\tタイ\tランシット大学\t外国語学部 言語文化研究科\t2013/9/12\t5',
    ]);
    const r = parseOsakaAgreements(ctx);
    expect(ctx.unexplainedLines()).toEqual([]);
    // A continuation is never joined silently: one warning names the line and the row it joins.
    expect(ctx.problems.map(({ severity, line }) => ({ severity, line }))).toEqual([{ severity: 'warning', line: 3 }]);
    expect(ctx.problems[0]!.message).toMatch(/continues the row of line 2/);
    expect(r.agreements).toHaveLength(2);
    const a = r.agreements![0]!;
    expect(a.source).toEqual({ id: ID, line: 2, lines: [2, 3] });
    expect(a.partner.ja).toBe('インドネシア学術コンソーシアム');
    expect(a.partnerMembers?.map((m) => m.name)).toEqual(['バンドン工科大学', 'ガジャマダ大学']);
    expect(a.homeUnits).toEqual(['osaka-engineering-graduate-school', 'osaka-international-center-for-biotechnology']);
    expect(a.homeUnitsRaw).toBe('工学研究科 生物工学国際 交流センター');
    expect(r.agreements![1]!.source).toEqual({ id: ID, line: 4 });
  });
  it('reports a line that is neither a row nor a plausible continuation, instead of joining it', () => {
    const ctx = synthetic([
      HEADER,
      'アジア\tタイ\tランシット大学\t外国語学部 言語文化研究科\t2013/9/12\t5',
      'ZZZ garbage row that is no agreement ZZZ',
    ]);
    const r = parseOsakaAgreements(ctx);
    expect(r.agreements).toHaveLength(1);
    expect(r.agreements![0]!.source).toEqual({ id: ID, line: 2 });
    expect(ctx.problems.map(({ severity, line }) => ({ severity, line }))).toEqual([{ severity: 'error', line: 3 }]);
    expect(ctx.dispositionOf(3)).toBe('reported');
  });
  it('joins a continuation line whose empty cells were dropped, by content', () => {
    const ctx = synthetic([
      HEADER,
      'アジア\tインドネシア\tインドネシア学術コンソーシアム ・バンドン工科大学 (生命科学技術学部)\t工学研究科 生物工学国際\t2013/7/22\t16',
      '・ガジャマダ大学 (大学院)\t交流センター',
      'アジア\t韓国\t忠南大学校 (自然科学大学)\t産業科学研究所\t(一般) 2006/11/16 (ラボ設置覚\t×',
      '書)',
      'アジア\t韓国\t鮮文大学校\t工学研究科 レーザーエネルギー学研究',
      'センター\t2015/6/22\t×',
    ]);
    const r = parseOsakaAgreements(ctx);
    expect(ctx.unexplainedLines()).toEqual([]);
    const [a, b, c] = r.agreements!;
    expect(a!.source.lines).toEqual([2, 3]);
    expect(a!.partnerMembers?.[1]).toEqual({ name: 'ガジャマダ大学', unit: '大学院', country: 'ID' });
    expect(a!.homeUnits).toEqual(['osaka-engineering-graduate-school', 'osaka-international-center-for-biotechnology']);
    // The unclosed bracket of the date cell takes the fragment on the next line.
    expect(b!.source.lines).toEqual([4, 5]);
    expect(b!.dateRaw).toBe('(一般) 2006/11/16 (ラボ設置覚 書)');
    expect(b!.partnerUnit).toBe('自然科学大学');
    // Date and waiver on the second line of the row: still one row.
    expect(c!.source.lines).toEqual([6, 7]);
    expect(c!.homeUnits).toEqual(['osaka-engineering-graduate-school', 'osaka-institute-of-laser-engineering']);
    expect(c!.signedOn).toBe('2015-06-22');
    expect(c!.tuitionWaiver).toEqual({ max: 0, raw: '×' });
  });
  it('carries region and country over a page break whose leading cells are missing', () => {
    const ctx = synthetic([
      HEADER,
      'アジア\tシンガポール\tシンガポール国立大学 （医学部生化学科）\t工学研究科\t2016/1/7\t×',
      '',
      '地域\t国・地域名\t大学名（対応部局）\t対応部局\t発効日\t授業料相互不徴収',
      '（上限）',
      'シンガポール国立大学 （工学部）\t基礎工学研究科 基礎工学部\t2008/1/1\t2',
      'タイ\tカセサート大学 （工学部）\t接合科学研究所\t2013/9/10\t×',
    ]);
    const r = parseOsakaAgreements(ctx);
    expect(ctx.unexplainedLines()).toEqual([]);
    expect(ctx.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.agreements).toHaveLength(3);
    const shifted = r.agreements![1]!;
    expect(shifted.source).toEqual({ id: ID, line: 6 });
    expect(shifted.countries).toEqual(['SG']);
    expect(shifted.regionLabel).toBe('アジア');
    expect(shifted.partnerUnit).toBe('工学部');
    expect(shifted.signedOn).toBe('2008-01-01');
    expect(shifted.tuitionWaiver).toEqual({ max: 2, raw: '2' });
    // Only the region is missing: the country cell is read by content.
    expect(r.agreements![2]!.countries).toEqual(['TH']);
    expect(r.agreements![2]!.regionLabel).toBe('アジア');
    expect(ctx.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '6: region/country cells missing (cells shifted after a page break?): taken from the row on line 2',
      '7: region/country cells missing (cells shifted after a page break?): taken from the row on line 6',
    ]);
  });
  it('classifies compound date and waiver cells by content when the leading cells are missing', () => {
    const ctx = synthetic([
      HEADER,
      'アジア\t韓国\t慶南大学校 (産学共同研究センター)\t接合科学研究所\t2009/7/31\t×',
      '慶熙大学校 (汎太平洋国際関係大学院 /国際関係学部)\t国際公共政策研究科 法学部\t①2011/1/1 ②2012/1/25\t①2 ②35 (院生25・学部生10)',
    ]);
    const [, a] = parseOsakaAgreements(ctx).agreements!;
    expect(a!.countries).toEqual(['KR']);
    expect(a!.dates).toEqual(['2011-01-01', '2012-01-25']);
    expect(a!.tuitionWaiver).toEqual({ max: null, raw: '①2 ②35 (院生25・学部生10)' });
    expect(a!.homeUnits).toEqual(['osaka-international-public-policy-graduate-school', 'osaka-law-faculty']);
  });
  it('reads spaced-out characters', () => {
    const ctx = synthetic([HEADER, 'ア ジ ア\t韓 国\t慶 熙 大 学 校\t外 国 語 学 部 言 語 文 化 研 究 科\t2007/10/1\t5']);
    const [a] = parseOsakaAgreements(ctx).agreements!;
    expect(a!.regionLabel).toBe('アジア');
    expect(a!.countries).toEqual(['KR']);
    expect(a!.partner.ja).toBe('慶熙大学校');
    expect(a!.homeUnits).toEqual(['osaka-foreign-studies-faculty', 'osaka-language-and-culture-graduate-school']);
  });
  it('treats titles, page numbers and footnotes as layout and notes', () => {
    const ctx = synthetic([
      '部局間学術交流協定一覧',
      HEADER,
      'アジア\tインドネシア\tインドネシア学術コンソーシアム\t工学研究科\t2013/7/22\t16※',
      '- 2 -',
      '※ 上限はコンソーシアム全体',
    ]);
    const r = parseOsakaAgreements(ctx);
    expect(ctx.unexplainedLines()).toEqual([]);
    expect(ctx.dispositionOf(1)).toBe('layout');
    expect(ctx.dispositionOf(4)).toBe('layout');
    expect(ctx.dispositionOf(5)).toBe('note');
    expect(r.agreements).toHaveLength(1);
    // The footnote exists, so the ※ mark is no longer a warning.
    expect(ctx.problems).toEqual([]);
  });
  it('reports an unmapped home unit and an unknown country as errors naming them', () => {
    const ctx = synthetic([
      HEADER,
      'アジア\tインド\tデリー大学\t未来工学研究 センター\t2015/10/27\t5',
      'アジア\tアトランティス\tデリー大学\t工学研究科\t2015/10/27\t5',
    ]);
    const r = parseOsakaAgreements(ctx);
    expect(ctx.unexplainedLines()).toEqual([]);
    expect(r.agreements).toHaveLength(1);
    expect(ctx.problems.filter((p) => p.severity === 'error').map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: home unit "未来工学研究 センター" is not in data/reference/units/osaka.json (cell: "未来工学研究 センター")',
      '3: country "アトランティス" is not in data/reference/countries.json or country-aliases.json',
    ]);
  });
  it('reports a line that fits no shape', () => {
    const ctx = synthetic([HEADER, 'アジア\tインド\tデリー大学\t工学研究科\t2015/10/27\t5', '2021/8/31\t3']);
    parseOsakaAgreements(ctx);
    expect(ctx.unexplainedLines()).toEqual([]);
    expect(ctx.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([3]);
  });
});

describe('osaka cell readers', () => {
  it('parseWaiver reads a number, × and compound text', () => {
    expect(parseWaiver('5')).toMatchObject({ waiver: { max: 5, raw: '5' }, kind: 'number' });
    expect(parseWaiver('１０')).toMatchObject({ waiver: { max: 10, raw: '１０' }, kind: 'number' });
    expect(parseWaiver('×')).toMatchObject({ waiver: { max: 0, raw: '×' }, kind: 'none' });
    expect(parseWaiver('16※')).toMatchObject({ waiver: { max: 16, raw: '16※' }, mark: true });
    expect(parseWaiver('①2 ②35 (院生25・学部生10)')).toMatchObject({ waiver: { max: null }, kind: 'compound' });
    expect(parseWaiver('工学部3 理学部2')).toMatchObject({ waiver: { max: null, raw: '工学部3 理学部2' }, kind: 'compound' });
  });
  it('countriesOf reads one country or two joined by ・ or /', () => {
    expect(countriesOf('韓国/中国')).toEqual(['KR', 'CN']);
    expect(countriesOf('ロシア・ドイツ')).toEqual(['RU', 'DE']);
    expect(countriesOf('ボスニア・ヘルツェゴビナ')).toEqual(['BA']);
    expect(countriesOf('アトランティス')).toBeUndefined();
  });
  it('homeUnitsOf re-joins names split over spaces', () => {
    expect(homeUnitsOf('osaka', '太陽エネルギー化学研究セ ンター').ids).toEqual(['osaka-research-center-for-solar-energy-chemistry']);
    expect(homeUnitsOf('osaka', 'ナノサイエンスデザイン教 育研究センター 工学部').ids).toEqual(['osaka-institute-for-nanoscience-design', 'osaka-engineering-faculty']);
    expect(homeUnitsOf('osaka', '工学研究科 謎の部局').unmapped).toEqual(['謎の部局']);
  });
  it('parseParty splits a department written after a space, but keeps campuses and second universities', () => {
    // line 385, line 32, line 139, line 280
    expect(parseParty('サンパウロ大学 エスコラポリテクニカ')).toEqual({ name: 'サンパウロ大学', unit: 'エスコラポリテクニカ' });
    expect(parseParty('インドネシア科学院 冶金・素材研究所')).toEqual({ name: 'インドネシア科学院', unit: '冶金・素材研究所' });
    expect(parseParty('モンクット王工科大学 ラドクラバン校')).toEqual({ name: 'モンクット王工科大学ラドクラバン校' });
    expect(parseParty('ミンダナオステイト大学 イリガン工科大学')).toEqual({ name: 'ミンダナオステイト大学イリガン工科大学' });
  });
  it('parsePartnerCell reads "/" between parties with their own departments as a group', () => {
    expect(parsePartnerCell('A大学 (理学部) / B大学 (工学部)', 1)).toMatchObject({ name: 'A大学 / B大学', kind: 'consortium' });
    expect(parsePartnerCell('ザ・ムーブ コンソーシアム', 1)).toMatchObject({ name: 'ザ・ムーブコンソーシアム', kind: 'consortium' });
  });
});
