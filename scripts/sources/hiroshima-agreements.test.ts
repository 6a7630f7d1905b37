import { describe, it, expect } from 'vitest';
import { SourceContext } from '../lib/context.ts';
import { contextFor, sourceMeta } from '../lib/testing.ts';
import { splitLines } from '../lib/text.ts';
import { parseHiroshimaAgreements, resolveCountries, resolveHomeUnits } from './hiroshima-agreements.ts';
import type { AgreementDraft } from './types.ts';
import { expectGolden } from '../lib/golden.ts';

const ID = 'hiroshima-2024';

/** Context over the given line ranges of the real document, every other line blanked (real line numbers). */
function slicesContext(ranges: [number, number][]): SourceContext {
  const meta = sourceMeta(ID);
  const keep = (n: number) => ranges.some(([a, b]) => n >= a && n <= b);
  return new SourceContext(meta, splitLines(meta.text).map((l, i) => (keep(i + 1) ? l : '')));
}

/** Context over synthetic lines in this document's layout. */
function syntheticContext(lines: string[]): SourceContext {
  return new SourceContext(sourceMeta(ID), lines);
}

/** Everything the parser says about a slice: what each line became, the records, checks and problems. */
function snapshot(ctx: SourceContext, ranges: [number, number][]) {
  const result = parseHiroshimaAgreements(ctx);
  const lines: Record<number, string | undefined> = {};
  for (const [a, b] of ranges) for (let n = a; n <= b; n++) if (ctx.raw(n).trim() !== '') lines[n] = ctx.dispositionOf(n) ?? 'UNEXPLAINED';
  return {
    ranges,
    lines,
    agreements: result.agreements,
    sourceRegions: result.sourceRegions,
    checks: ctx.checks,
    unverifiable: ctx.unverifiable,
    notes: ctx.notes,
    problems: ctx.problems.map(({ severity, line, message }) => ({ severity, line, message })),
  };
}


function goldenSlice(name: string, ranges: [number, number][]): void {
  expectGolden(name, snapshot(slicesContext(ranges), ranges));
}

// Golden values were checked by hand against the document. In a slice, a check recomputes only the
// rows inside the slice (e.g. インドネシア 39 stated, 15 computed in lines 11–40): the full-document
// tests below hold the real comparisons.
describe('hiroshima-2024 golden slices', () => {
  it('lines 11–40: region アジア with "254機関", column labels, India (10 rows) and the first Indonesia rows', () => {
    goldenSlice('hiroshima-asia-india-indonesia', [[11, 40]]);
  });
  it('lines 11–15, 26, 45–70: Indonesia continues across the page break at line 50 with its cells moved left; 大韓民国 (26機関) stands alone on line 66', () => {
    goldenSlice('hiroshima-page-break-shifted', [[11, 15], [26, 26], [45, 70]]);
  });
  it('lines 279–300: region 欧州 with "65機関"; Italy continues after the page break at line 295 with an empty country cell', () => {
    goldenSlice('hiroshima-europe-page-break', [[279, 300]]);
  });
  it('lines 352–363: region オセアニア "7機関", Australia (6) and New Zealand (1): every count matches', () => {
    goldenSlice('hiroshima-oceania', [[352, 363]]);
  });
  it('lines 435–440: the 複数国 section, its note and the row naming ten countries', () => {
    goldenSlice('hiroshima-multi-country', [[435, 440]]);
  });
});

describe('hiroshima-2024 full document', () => {
  const ctx = contextFor(ID);
  const { agreements = [], sourceRegions = [] } = parseHiroshimaAgreements(ctx);
  const at = (line: number): AgreementDraft => {
    const a = agreements.find((r) => r.source.line === line);
    if (!a) throw new Error(`no record on line ${line}`);
    return a;
  };
  const check = (line: number, key: string) => ctx.checks.find((c) => c.line === line && c.key === key);

  it('accounts for every line', () => {
    expect(ctx.unexplainedLines()).toEqual([]);
  });

  it('reports no errors, and warns only about the odd date and the joint partner', () => {
    expect(ctx.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ctx.problems.map((p) => `${p.severity} ${p.line}`)).toEqual(['warning 52', 'warning 134']);
  });

  it('reads 378 agreement rows', () => {
    // Counted by hand from the document: the six regions state 254 + 65 + 7 + 13 + 6 + 32 = 377
    // 機関, each of which equals the rows of its countries (every "(N機関)" of a country was counted
    // row by row and matches), plus the one row of the 複数国 section (line 440): 378 rows, one
    // record each. Cross-check: 378 lines of the file end in a date cell.
    expect(agreements).toHaveLength(378);
    const dated = ctx.lines.filter((l) => /\t\d{4}\.\d{1,2}\.\d{1,2}\s*$/.test(l)).length;
    expect(agreements).toHaveLength(dated);
    expect(new Set(agreements.map((a) => a.id)).size).toBe(378);
    expect(agreements.every((a) => a.level === 'department' && a.home === 'hiroshima')).toBe(true);
    expect(agreements.every((a) => a.homeUnits.length > 0)).toBe(true);
  });

  it('reads a row with its country cell', () => {
    // line 16: インド (10機関) | インド国際情報技術大学ハイデラバード校 | 工学部・先進理工系科学研究科 | 2015.11.09
    expect(at(16)).toMatchObject({
      id: 'hiroshima-2024-L16',
      partner: { ja: 'インド国際情報技術大学ハイデラバード校', country: 'IN', kind: 'university' },
      partnerName: 'インド国際情報技術大学ハイデラバード校',
      countries: ['IN'],
      regionLabel: 'アジア',
      homeUnits: ['hiroshima-engineering-faculty', 'hiroshima-advanced-science-and-engineering-graduate-school'],
      homeUnitsRaw: '工学部・先進理工系科学研究科',
      signedOn: '2015-11-09',
      dateRaw: '2015.11.09',
      source: { id: ID, line: 16 },
    });
    expect(at(16).partnerUnit).toBeUndefined();
  });

  it('splits the faculty off the partner and keeps campuses in the name', () => {
    // line 34: ガジャマダ大学獣医学部 | 医学部・歯学部・薬学部・医系科学研究科 | 2016.08.15
    expect(at(34)).toMatchObject({
      partner: { ja: 'ガジャマダ大学', country: 'ID' },
      partnerUnit: '獣医学部',
      homeUnits: ['hiroshima-medicine-faculty', 'hiroshima-dentistry-faculty', 'hiroshima-pharmaceutical-sciences-faculty', 'hiroshima-biomedical-and-health-sciences-graduate-school'],
      signedOn: '2016-08-15',
    });
    // line 17: spaced "インド工科大学 ハイデラバード校" — one campus name
    expect(at(17).partner.ja).toBe('インド工科大学ハイデラバード校');
    // line 102: キングモンクット工科大学トンブリ校工学部
    expect(at(102)).toMatchObject({ partner: { ja: 'キングモンクット工科大学トンブリ校' }, partnerUnit: '工学部' });
    // line 20: "スレッシュュ ギャン ビバル大学" written with spaces
    expect(at(20).partner.ja).toBe('スレッシュュギャンビバル大学');
  });

  it('keeps hospitals as institutions of their own', () => {
    // line 53: ドクター・ソエトモ総合病院 | 大学病院
    expect(at(53)).toMatchObject({ partner: { ja: 'ドクター・ソエトモ総合病院', kind: 'hospital' }, homeUnits: ['hiroshima-university-hospital'] });
    // line 161: 北京大学第三医院 is not a unit of 北京大学
    expect(at(161)).toMatchObject({ partner: { ja: '北京大学第三医院', kind: 'hospital' } });
    expect(at(161).partnerUnit).toBeUndefined();
    // line 134: a medical college and its hospital named together: one mention, as written, with a warning
    expect(at(134).partner).toMatchObject({ ja: 'マツカイ医科大学及びマツカイ記念病院', kind: 'consortium' });
  });

  it('carries the country across page breaks', () => {
    // line 51: after the page break at line 50 the row starts with the partner (cells moved left): still Indonesia
    expect(at(51)).toMatchObject({ partner: { ja: 'テレコム大学', country: 'ID' }, countries: ['ID'] });
    // line 67: first row under "大韓民国 (26機関)" standing alone on line 66
    expect(at(67)).toMatchObject({ partner: { ja: '慶南大学', country: 'KR' }, partnerUnit: '自然科学部' });
    // line 92: after the page break at line 91, an empty country cell: still Korea
    expect(at(92)).toMatchObject({ partner: { ja: '嶺南大学校', country: 'KR' }, partnerUnit: '工科大学' });
    // line 213: after the page break at line 212: still China
    expect(at(213).countries).toEqual(['CN']);
  });

  it('maps home units through the unit table, unit names with ・ and typos included', () => {
    // line 238: ナノデバイス・バイオ融合科学研究所 is one unit (its former name), not two
    expect(at(238).homeUnits).toEqual(['hiroshima-advanced-science-and-engineering-graduate-school', 'hiroshima-nanodevices-institute']);
    // line 31: 人間社会科学研究所 (sic) is the graduate school 人間社会科学研究科
    expect(at(31).homeUnits).toEqual(['hiroshima-education-faculty', 'hiroshima-humanities-and-social-sciences-graduate-school']);
    // line 339: 先進理工科学研究科 (系 dropped)
    expect(at(339).homeUnits).toContain('hiroshima-advanced-science-and-engineering-graduate-school');
    // line 403: スマートサイエティ実践科学研究院 (ソ dropped)
    expect(at(403).homeUnits).toEqual(['hiroshima-smart-society-graduate-school']);
    // line 228: 大学院 (the graduate school as a whole)
    expect(at(228).homeUnits).toEqual(['hiroshima-graduate-school']);
  });

  it('keeps a date written other than YYYY.MM.DD, with a warning', () => {
    // line 52: "2021.10.1" — one-digit day where every other row has two
    expect(at(52)).toMatchObject({ signedOn: '2021-10-01', dateRaw: '2021.10.1' });
    expect(ctx.problems.find((p) => p.line === 52)?.message).toMatch(/not written YYYY\.MM\.DD/);
  });

  it('maps country cells, formal names and Hong Kong included', () => {
    // line 225: 香港(HKSR)(3機関)
    expect(at(225).countries).toEqual(['HK']);
    // line 118: 台湾（23機関）
    expect(at(118).countries).toEqual(['TW']);
    // line 284: 連合王国 (10機関)
    expect(at(284).countries).toEqual(['GB']);
    // line 248: ブルネイ・ダルサラーム国 — a country name containing ・
    expect(at(248).countries).toEqual(['BN']);
  });

  it('keeps every country of the multi-country row; the mention takes the first named', () => {
    // line 440: オーストラリア連邦・ブラジル連邦共和国・カナダ・中華人民共和国・デンマーク王国・シンガポール共和国・
    // 大韓民国・南アフリカ共和国・連合王国・アメリカ合衆国 | 教育研究機関国際ネットワーク | 人間社会科学研究科 | 2019.11.08
    expect(at(440)).toMatchObject({
      countries: ['AU', 'BR', 'CA', 'CN', 'DK', 'SG', 'KR', 'ZA', 'GB', 'US'],
      partner: { ja: '教育研究機関国際ネットワーク', country: 'AU', kind: 'consortium' },
      regionLabel: '複数国',
      signedOn: '2019-11-08',
    });
    // Denmark and Singapore appear only there: no source region is claimed for them
    expect(sourceRegions.find((r) => r.country === 'DK' || r.country === 'SG')).toBeUndefined();
    expect(sourceRegions).toContainEqual({ country: 'RU', label: '欧州' });
  });

  it('states every count as a check', () => {
    // 55 countries with "(N機関)", 6 regions with "N機関", and the headline's countries and institutions
    expect(ctx.checks).toHaveLength(55 + 6 + 2);
    // line 16: インド (10機関)
    expect(check(16, 'institutions')).toMatchObject({ stated: 10, computed: 10 });
    // line 26: インドネシア共和国 (39機関), rows on both sides of the page break at line 50
    expect(check(26, 'institutions')).toMatchObject({ stated: 39, computed: 39 });
    // line 66: 大韓民国 (26機関), alone on its line
    expect(check(66, 'institutions')).toMatchObject({ stated: 26, computed: 26 });
    // line 142: 中華人民共和国 (80機関)
    expect(check(142, 'institutions')).toMatchObject({ stated: 80, computed: 80 });
    // line 427: カナダ (7機関)
    expect(check(427, 'institutions')).toMatchObject({ stated: 7, computed: 7 });
    // lines 13, 281, 354, 367, 387, 399: アジア 254, 欧州 65, オセアニア 7, 中東・アフリカ 13, 中南米 6, 北米 32
    expect([13, 281, 354, 367, 387, 399].map((l) => [check(l, 'institutions')?.stated, check(l, 'institutions')?.computed])).toEqual([
      [254, 254], [65, 65], [7, 7], [13, 13], [6, 6], [32, 32],
    ]);
    // every per-country and per-region count matches its rows
    expect(ctx.checks.filter((c) => c.line !== 5 && c.stated !== c.computed)).toEqual([]);
  });

  it('checks the headline "(55ヶ国・地域 378機関423協定)" without forcing it', () => {
    // line 5: 55 countries/regions = the distinct countries of the six regions (the 複数国 section,
    // "機関数には含まない" on line 437, is left out: with it there would be 57)
    expect(check(5, 'countries')).toMatchObject({ stated: 55, computed: 55 });
    // line 5: 378 institutions, but the six regions hold 377 rows (their own counts add up to 377);
    // only with the 複数国 row, which line 437 says is not counted, would it be 378: stated ≠ computed
    expect(check(5, 'institutions')).toMatchObject({ stated: 378, computed: 377 });
    // line 5: 423 agreements cannot be recomputed (line 9: several agreements, one row)
    expect(ctx.unverifiable).toEqual([expect.objectContaining({ key: 'agreements', line: 5, stated: 423 })]);
  });

  it('keeps the notes and marks titles and labels as layout', () => {
    // line 9: how rows are listed; line 437: (機関数には含まない。)
    expect(ctx.notes.map((n) => n.line)).toEqual([9, 437]);
    // line 3 title, 7 as-of date, 11 region heading, 15 column labels, 439 column labels of 複数国
    expect([3, 7, 11, 15, 439].map((n) => ctx.dispositionOf(n))).toEqual(['layout', 'layout', 'layout', 'layout', 'layout']);
  });
});

describe('hiroshima layout, synthetic cases', () => {
  const head = ['アジア', '', '3機関', '', '国・地域\t協定機関名\t部局\t締結年月日'];

  it('follows a country across a page break with a page number, a repeated header and cells moved left', () => {
    const ctx = syntheticContext([
      ...head,
      'インド (3機関)\tデリー大学理学部\t理学部\t2020.02.12',
      '',
      '- 2 -',
      '国・地域\t協定機関名\t部局\t締結年月日',
      'パンジャブ大学理学部\t理学部\t2000.03.31',
      '\tマドラス大学\t工学部\t2001.04.01',
    ]);
    const { agreements = [] } = parseHiroshimaAgreements(ctx);
    expect(agreements.map((a) => [a.source.line, a.partner.ja, a.countries[0]])).toEqual([
      [6, 'デリー大学', 'IN'], [10, 'パンジャブ大学', 'IN'], [11, 'マドラス大学', 'IN'],
    ]);
    expect(ctx.unexplainedLines()).toEqual([]);
    expect([8, 9].map((n) => ctx.dispositionOf(n))).toEqual(['layout', 'layout']);
    expect(ctx.checks.map((c) => [c.line, c.stated, c.computed])).toEqual([[6, 3, 3], [3, 3, 3]]);
  });

  it('reads spaced characters in the unit cell', () => {
    const ctx = syntheticContext([...head, 'インド (1機関)\tデリー大学\t工 学 部・先 進 理 工 系 科 学 研 究 科\t2020.02.12']);
    const { agreements = [] } = parseHiroshimaAgreements(ctx);
    expect(agreements[0]!.homeUnits).toEqual(['hiroshima-engineering-faculty', 'hiroshima-advanced-science-and-engineering-graduate-school']);
    expect(ctx.problems).toEqual([]);
  });

  it('joins a home-unit cell wrapped onto the next line', () => {
    const ctx = syntheticContext([...head, 'インド (1機関)\tデリー大学\t工学部・先進理工系科学\t2020.02.12', '研究科']);
    const { agreements = [] } = parseHiroshimaAgreements(ctx);
    expect(agreements[0]).toMatchObject({
      homeUnits: ['hiroshima-engineering-faculty', 'hiroshima-advanced-science-and-engineering-graduate-school'],
      homeUnitsRaw: '工学部・先進理工系科学研究科',
      source: { line: 6, lines: [6, 7] },
    });
    expect(ctx.problems).toEqual([]);
    expect(ctx.unexplainedLines()).toEqual([]);
  });

  it('joins a partner and a unit cell wrapped together', () => {
    const ctx = syntheticContext([...head, 'インド (1機関)\tインド工科大学\t工学部・先進理工系\t2012.12.27', 'ハイデラバード校\t科学研究科']);
    const { agreements = [] } = parseHiroshimaAgreements(ctx);
    expect(agreements[0]).toMatchObject({ partner: { ja: 'インド工科大学ハイデラバード校' }, source: { lines: [6, 7] } });
  });

  it('reports what it cannot read, naming the line, and never throws', () => {
    const ctx = syntheticContext([
      ...head,
      'ナルニア国 (1機関)\tケア・パラベル大学\t理学部\t2020.02.12',
      'インド (1機関)\tデリー大学\t魔法学部\t2020.02.12',
      'インド (1機関)\tデリー大学\t理学部\t2020.13.45',
      'インド (1機関)\tデリー大学\t理学部',
      '何かの表\tここに\tある\tかもしれない\tもの',
    ]);
    const { agreements = [] } = parseHiroshimaAgreements(ctx);
    const problems = ctx.problems.map((p) => [p.severity, p.line, p.message]);
    expect(problems).toContainEqual(['error', 6, expect.stringMatching(/country "ナルニア国" is not mapped/)]);
    expect(problems).toContainEqual(['error', 7, expect.stringMatching(/home unit "魔法学部"/)]);
    expect(problems).toContainEqual(['warning', 8, expect.stringMatching(/not a calendar date/)]);
    expect(problems).toContainEqual(['error', 9, expect.stringMatching(/expected an agreement row/)]);
    expect(problems).toContainEqual(['error', 10, expect.stringMatching(/expected an agreement row/)]);
    // the malformed date keeps its raw text and no signedOn
    expect(agreements.find((a) => a.source.line === 8)).toMatchObject({ dateRaw: '2020.13.45' });
    expect(agreements.find((a) => a.source.line === 8)?.signedOn).toBeUndefined();
    expect(ctx.unexplainedLines()).toEqual([]);
  });

  it('leaves a region out of the headline counts when its note says so', () => {
    const ctx = syntheticContext([
      '(1ヶ国・地域 1機関2協定)',
      ...head.slice(0, 1), '', '1機関', '', head[4]!,
      'インド (1機関)\tデリー大学\t理学部\t2020.02.12',
      '複数国', '(機関数には含まない。)', '国名\t協定機関名\t部局\t締結年月日',
      'インド・タイ王国\tあるネットワーク\t理学部\t2020.02.12',
    ]);
    const { agreements = [] } = parseHiroshimaAgreements(ctx);
    expect(agreements.map((a) => a.countries)).toEqual([['IN'], ['IN', 'TH']]);
    expect(ctx.checks.filter((c) => c.line === 1).map((c) => [c.key, c.stated, c.computed])).toEqual([['countries', 1, 1], ['institutions', 1, 1]]);
    expect(ctx.unexplainedLines()).toEqual([]);
  });
});

describe('hiroshima cell readers', () => {
  it('resolveCountries splits a ・ list, keeping names that contain ・', () => {
    expect(resolveCountries('ブルネイ・ダルサラーム国')).toEqual({ codes: ['BN'], unmapped: [] });
    expect(resolveCountries('イラン・イスラム共和国・カナダ')).toEqual({ codes: ['IR', 'CA'], unmapped: [] });
    expect(resolveCountries('カナダ・ナルニア国')).toEqual({ codes: [], unmapped: ['ナルニア国'] });
  });
  it('resolveHomeUnits keeps unit names that contain ・ whole', () => {
    expect(resolveHomeUnits('hiroshima', '先進理工系科学研究科・ナノデバイス・バイオ融合科学研究所')).toEqual({
      ids: ['hiroshima-advanced-science-and-engineering-graduate-school', 'hiroshima-nanodevices-institute'], unmapped: [],
    });
    expect(resolveHomeUnits('hiroshima', '工学部・先進理工系科学研究科・工学部').ids).toHaveLength(2);
  });
});
