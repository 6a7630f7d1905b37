import { describe, it, expect } from 'vitest';
import { SourceContext } from '../lib/context.ts';
import { contextFor, sourceMeta } from '../lib/testing.ts';
import { splitLines } from '../lib/text.ts';
import { expectGolden } from '../lib/golden.ts';
import {
  parseUtokyoStrategic, decodeCodes, parseLegendLine, readLegend, splitNameLine, tierOfHeader,
  countriesNamedIn, joinLines, extractFacts, splitMembers,
  isJapaneseText, isLatinWords, isEnglishTitle, isInstitutionList,
} from './utokyo-strategic.ts';

const SOURCE = 'utokyo-sp';
/** Legend lines of the real document: 71–102, 117–131, 162–177 (the legend is split by the PKU/ANU/ETHZ blocks). */
const LEGEND_RANGES: [number, number][] = [[71, 102], [117, 131], [162, 177]];

// ─── helpers ────────────────────────────────────────────────────────────────────────────────────

/** Context over the real document with every line outside `ranges` blanked (real line numbers kept). */
function rangesContext(ranges: [number, number][]): SourceContext {
  const meta = sourceMeta(SOURCE);
  const lines = splitLines(meta.text).map((l, i) => (ranges.some(([a, b]) => i + 1 >= a && i + 1 <= b) ? l : ''));
  return new SourceContext(meta, lines);
}

/** Context over synthetic lines, with the real document's manifest entry (home utokyo). */
function syntheticContext(lines: string[]): SourceContext {
  return new SourceContext(sourceMeta(SOURCE), lines);
}

/** The legend of the real brochure (lines 71–102, 117–131, 162–177): synthetic documents need it to decode codes. */
function legendLines(): string[] {
  const all = splitLines(sourceMeta(SOURCE).text);
  return LEGEND_RANGES.flatMap(([a, b]) => all.slice(a - 1, b));
}



/** What a parse produced, for golden files: records, checks and problems. */
function outcome(ctx: SourceContext) {
  const r = parseUtokyoStrategic(ctx);
  return {
    strategicPartnerships: r.strategicPartnerships ?? [],
    agreements: r.agreements ?? [],
    checks: ctx.checks.map(({ key, line, what, stated, computed }) => ({ key, line, what, stated, computed })),
    unverifiable: ctx.unverifiable.map(({ key, line, what, stated }) => ({ key, line, what, stated })),
    problems: ctx.problems.map(({ severity, line, message }) => ({ severity, line, message })),
    unexplained: ctx.unexplainedLines(),
  };
}

// ─── department codes and the legend ────────────────────────────────────────────────────────────

describe('decodeCodes (longest match over the legend)', () => {
  it('decodeCodes reads IIS as one code, never I + IS, when I, IS and IIS all exist', () => {
    const legend = ['I', 'IS', 'IIS', 'E', 'ES'];
    expect(decodeCodes('IIS', legend)).toEqual(['IIS']);
    expect(decodeCodes('IIS ES', legend)).toEqual(['IIS', 'ES']);
    expect(decodeCodes('IISES', legend)).toEqual(['IIS', 'ES']);
    expect(decodeCodes('ESE', legend)).toEqual(['ES', 'E']);
    expect(decodeCodes('IISI', legend)).toEqual(['IIS', 'I']);
  });
  it('decodeCodes falls back to a shorter code when the longest one leads to a dead end', () => {
    // AB + C fails (no C); A + BC succeeds.
    expect(decodeCodes('ABC', ['AB', 'A', 'BC'])).toEqual(['A', 'BC']);
  });
  it('decodeCodes ignores spaces: the extraction spaces one code out and runs two together', () => {
    const ctx = contextFor(SOURCE);
    const abbrs = [...readLegend(ctx, 'utokyo').keys()];
    // line 147: "工理 経 済 …" — 工理 is 工 + 理, 経 済 is 経済
    expect(decodeCodes('工理 経 済 総 文 公 共 地 震 大海研', abbrs)).toEqual(['工', '理', '経済', '総文', '公共', '地震', '大海研']);
    // line 325: "教 育数 理" is 教育 + 数理
    expect(decodeCodes('工 理 総 文 教 育数 理 社 研 IPMU', abbrs)).toEqual(['工', '理', '総文', '教育', '数理', '社研', 'IPMU']);
    // line 373: "病 院生 研" is 病院 + 生研
    expect(decodeCodes('工 学 環 病 院生 研 IFI', abbrs)).toEqual(['工', '学環', '病院', '生研', 'IFI']);
    // line 417: 医科研 (医科学研究所) is one code, not 医 (医学系研究科) + …
    expect(decodeCodes('医 経 済 薬 公 共 医科研', abbrs)).toEqual(['医', '経済', '薬', '公共', '医科研']);
    // line 389: 情理 and 情基 share 情
    expect(decodeCodes('数 理 情 理 大海研 情 基', abbrs)).toEqual(['数理', '情理', '大海研', '情基']);
    // line 311: Latin codes run together once spaces go
    expect(decodeCodes('IRCN IFI 産 学', abbrs)).toEqual(['IRCN', 'IFI', '産学']);
  });
  it('decodeCodes returns undefined when a character is no code', () => {
    expect(decodeCodes('工 X 理', ['工', '理'])).toBeUndefined();
    expect(decodeCodes('第3期', ['工', '理'])).toBeUndefined();
  });
});

describe('legend', () => {
  it('parseLegendLine splits the unit name from its (spaced) abbreviation', () => {
    expect(parseLegendLine('人文社会系研究科人 文')).toEqual({ name: '人文社会系研究科', abbr: '人文' }); // line 77
    expect(parseLegendLine('附属病院病 院')).toEqual({ name: '附属病院', abbr: '病院' }); // line 102
    expect(parseLegendLine('医科学研究所医科研')).toEqual({ name: '医科学研究所', abbr: '医科研' }); // line 117
    expect(parseLegendLine('カブリ数物連携宇宙研究機構IPMU')).toEqual({ name: 'カブリ数物連携宇宙研究機構', abbr: 'IPMU' }); // line 164
    expect(parseLegendLine('情報学環・学際情報学府学 環')).toEqual({ name: '情報学環・学際情報学府', abbr: '学環' }); // line 97
    // prose is not a legend line
    expect(parseLegendLine('これを皮切りに、薬学系研究科、公共政策大学院、工学系研究科、生産技')).toBeUndefined(); // line 337
  });
  it('readLegend joins the two entries broken over two lines', () => {
    const ctx = contextFor(SOURCE);
    const legend = readLegend(ctx, 'utokyo');
    // lines 99–100: "公共政策学連携研究部・" + "教育部公 共"
    expect(legend.get('公共')).toMatchObject({ name: '公共政策学連携研究部・教育部', lines: [99, 100], unit: 'utokyo-public-policy-graduate-school' });
    // lines 166–167: "ニューロインテリジェンス" + "国際研究機構（IRCN）IRCN"
    expect(legend.get('IRCN')).toMatchObject({ name: 'ニューロインテリジェンス国際研究機構(IRCN)', lines: [166, 167], unit: 'utokyo-international-research-center-for-neurointelligence' });
    // 16 entries on lines 71–102, 8 on 117–131, 8 on 162–177
    expect(legend.size).toBe(32);
    expect([...legend.values()].every((e) => e.unit)).toBe(true);
  });
  it('golden: the legend of the whole document (lines 71–102, 117–131, 162–177)', () => {
    const ctx = contextFor(SOURCE);
    expectGolden('utokyo-legend', [...readLegend(ctx, 'utokyo').values()]);
    expect(ctx.problems).toEqual([]);
  });
  it('a legend abbreviation the unit table maps elsewhere is an error on the legend line', () => {
    // 工 is the Graduate School of Engineering in data/reference/units/utokyo.json
    const ctx = syntheticContext(['医学系研究科工']);
    readLegend(ctx, 'utokyo');
    expect(ctx.problems.map((p) => [p.line, p.severity])).toEqual([[1, 'error']]);
    expect(ctx.problems[0]!.message).toMatch(/maps 工 to utokyo-engineering-graduate-school/);
  });
});

// ─── names, tiers, countries, facts ─────────────────────────────────────────────────────────────

describe('name lines and tiers', () => {
  it('splitNameLine reads name, abbreviation (spaced or attached) and the rest', () => {
    expect(splitNameLine('北京大学 （PKU） 法 工 総 文 数 理 公 共 東文研')).toEqual({ name: '北京大学', abbreviation: 'PKU', rest: '法 工 総 文 数 理 公 共 東文研' }); // line 115
    expect(splitNameLine('ミュンヘン工科大学（TUM）')).toEqual({ name: 'ミュンヘン工科大学', abbreviation: 'TUM', rest: '' }); // line 179
    expect(splitNameLine('プリンストン大学 ＊プリンストン共同研究教育プロジェクトとして活動')).toEqual({ name: 'プリンストン大学', rest: '*プリンストン共同研究教育プロジェクトとして活動' }); // line 266
    expect(splitNameLine('パリ・グランゼコール群 工 総 文')).toMatchObject({ name: 'パリ・グランゼコール群' }); // line 446
    // tier headers end in 校/大学 but are no names
    expect(splitNameLine('主要な戦略的パートナーシップ校')).toBeUndefined(); // line 64
    expect(splitNameLine('国立台湾大学との交流は、農学生命科学研究科が主幹部局となり、合計8部局が参画し')).toBeUndefined(); // line 378
  });
  it('tierOfHeader knows both tiers in Japanese and English, and not the combined column header', () => {
    expect(tierOfHeader('主要な戦略的パートナーシップ校')).toBe('primary'); // line 64
    expect(tierOfHeader('Prospective Strategic Partner Universities')).toBe('prospective'); // line 376
    expect(tierOfHeader('主要な戦略的パートナーシップ校 戦略的パートナーシップ構築を見通せる大学')).toBeUndefined(); // line 62
  });
  it('splitMembers joins a member list broken over lines (lines 184–186)', () => {
    expect(splitMembers(['The University of Chile, Pontificia Universidad Católica de Chile,', 'Universidad de Magallanes, National Autonomous University of Mexico, ', 'El Colegio de México']))
      .toEqual(['The University of Chile', 'Pontificia Universidad Católica de Chile', 'Universidad de Magallanes', 'National Autonomous University of Mexico', 'El Colegio de México']);
  });
});

describe('countriesNamedIn', () => {
  it('finds country and place names inside names and prose', () => {
    expect(countriesNamedIn('オーストラリア国立大学')).toEqual(['AU']); // line 147
    expect(countriesNamedIn('スイス連邦工科大学チューリッヒ校')).toEqual(['CH']); // line 160
    expect(countriesNamedIn('国立台湾大学')).toEqual(['TW']); // line 389
    expect(countriesNamedIn('Pontificia Universidad Católica de Chile')).toEqual(['CL']); // line 429
    expect(countriesNamedIn('El Colegio de México')).toEqual(['MX']); // line 430
    expect(countriesNamedIn('「高齢化社会」などスウェーデンと日本の共通の課題')).toEqual(['SE', 'JP']); // line 283
  });
  it('reads katakana and Latin names only as whole words', () => {
    expect(countriesNamedIn('日本ラテンアメリカ学術会議')).toEqual(['JP']); // line 419: アメリカ inside ラテンアメリカ
    expect(countriesNamedIn('Chileans')).toEqual([]);
  });
  it('keeps 国立清華大学 (Taiwan) apart from 清華大学 (China)', () => {
    expect(countriesNamedIn('清華大学')).toEqual(['CN']); // line 311
    expect(countriesNamedIn('国立清華大学')).toEqual(['TW']);
  });
});

describe('paragraph facts', () => {
  it('joinLines joins over lines, with a space only between two Latin words', () => {
    const j = joinLines([
      { line: 299, text: 'クショップがすべてオンラインで行われ、Innovative thinking and ' },
      { line: 301, text: 'teamwork（ものづくり工学に関するチーム作業）では' },
    ]);
    expect(j.text).toBe('クショップがすべてオンラインで行われ、Innovative thinking and teamwork(ものづくり工学に関するチーム作業)では');
    expect(joinLines([{ line: 270, text: '本学から9' }, { line: 272, text: '部局が参画し' }]).text).toBe('本学から9部局が参画し');
    expect(joinLines([{ line: 258, text: 'にはPrinceton-' }, { line: 260, text: 'UTokyo Day （オンライン）' }]).text).toBe('にはPrinceton-UTokyo Day (オンライン)');
  });
  it('extractFacts reads years, MoU and counts with qualifiers, on the line of the figure', () => {
    const j = joinLines([
      { line: 10, text: '2015年に戦略的パートナーシップ覚書を締結して以来、両校間で年間' },
      { line: 11, text: '100名近い教員学生の派遣・受入が行われてきました。2017年度より開催し、' },
      { line: 12, text: '約250名の参加者があり、第3回シンポジウムを実施し、COVID-19の影響、第2期では' },
    ]);
    const { facts, unread } = extractFacts(j);
    expect(facts.map(({ what, value, line, qualifier }) => ({ what, value, line, ...(qualifier ? { qualifier } : {}) }))).toEqual([
      { what: 'strategic partnership MoU signed', value: 2015, line: 10 },
      { what: 'faculty and students sent and received per year', value: 100, line: 11, qualifier: 'nearly' },
      { what: 'since (fiscal year)', value: 2017, line: 11 },
      { what: 'participants', value: 250, line: 12, qualifier: 'about' },
      { what: 'edition (第N回)', value: 3, line: 12 },
    ]);
    expect(unread).toEqual([]);
  });
  it('extractFacts reports figures no rule reads', () => {
    const { unread } = extractFacts(joinLines([{ line: 1, text: '毎年42件の共同研究を実施' }]));
    expect(unread.map((u) => u.text)).toEqual(['42']);
  });
});

// ─── golden slices of the real document ─────────────────────────────────────────────────────────

describe('golden slices', () => {
  it('golden: one primary partnership block, 北京大学 (lines 104–115, with the tier header 64–65 and the legend)', () => {
    const ctx = rangesContext([...LEGEND_RANGES, [64, 65], [104, 115]]);
    const out = outcome(ctx);
    expectGolden('utokyo-primary-pku', out);
    expect(out.unexplained).toEqual([]);
    expect(out.problems).toEqual([]);
  });
  it('golden: one group partnership, チリ・メキシコ大学群 (lines 419–432, with the tier header 375–376 and the legend)', () => {
    const ctx = rangesContext([...LEGEND_RANGES, [375, 376], [419, 432]]);
    const out = outcome(ctx);
    expectGolden('utokyo-group-chile-mexico', out);
    expect(out.unexplained).toEqual([]);
    expect(out.problems).toEqual([]);
  });
});

// ─── the whole document ─────────────────────────────────────────────────────────────────────────

describe('the whole brochure', () => {
  const ctx = contextFor(SOURCE);
  const r = parseUtokyoStrategic(ctx);
  const sp = r.strategicPartnerships ?? [];
  const ag = r.agreements ?? [];
  const byName = (name: string) => sp.find((s) => s.name === name)!;

  it('accounts for every line, with no problems', () => {
    expect(ctx.unexplainedLines()).toEqual([]);
    expect(ctx.problems).toEqual([]);
  });

  it('finds 16 partnerships: 9 primary and 7 prospective', () => {
    // Counted by hand from the document: 16 name lines carrying department codes or a ＊ remark
    // (115, 147, 160, 266, 280, 296, 311, 325, 347, 361, 373, 389, 402, 417, 432, 446).
    // Primary = those on the pages headed 主要な戦略的パートナーシップ校: page 59–247 (header 64–65:
    // PKU, ANU, ETHZ) and page 248–350 (header 349–350: Princeton, SNU, Stockholm, Tsinghua, UCB,
    // Cambridge) = 9. Prospective = page 351–448 (header 375–376, printed after VNU and YTU but on
    // their page: VNU, YTU, NTU, TUM, Chicago, Chile–Mexico, Paris) = 7. The brochure's own counts
    // (lines 28–29 and 67–68: 9校 and 7校) agree, and the Department List's column order (prospective
    // column TUM…Chicago extracted first) puts VNU and YTU among the prospective too.
    expect(sp.length).toBe(16);
    expect(sp.filter((s) => s.tier === 'primary').map((s) => s.abbreviation ?? s.name)).toEqual(['PKU', 'ANU', 'ETHZ', 'プリンストン大学', 'SNU', 'ストックホルム大学群', '清華大学', 'UCB', 'ケンブリッジ大学']);
    expect(sp.filter((s) => s.tier === 'prospective').map((s) => s.abbreviation ?? s.name)).toEqual(['VNU', 'YTU', '国立台湾大学', 'TUM', 'シカゴ大学', 'チリ・メキシコ大学群', 'パリ・グランゼコール群']);
  });

  it('emits one strategic agreement per member institution: 27', () => {
    // 13 single partners + Stockholm group 3 (line 294) + Chile–Mexico 5 (lines 429–430) + Paris 6 (line 448) = 27
    expect(ag.length).toBe(27);
    expect(ag.every((a) => a.level === 'strategic' && a.home === 'utokyo' && a.countries.length === 1)).toBe(true);
    expect(ag.filter((a) => a.id.startsWith('utokyo-sp-L446-')).map((a) => a.partnerName)).toEqual(['École Polytechnique', 'ENPC', 'ENS Paris-Saclay', 'ENS-PSL', 'CNRS', 'Bordeaux University']);
  });

  it('reads names, abbreviations, department codes and units as printed', () => {
    // line 115: 北京大学 （PKU） 法 工 総 文 数 理 公 共 東文研
    expect(byName('北京大学')).toMatchObject({ abbreviation: 'PKU', homeUnitCodes: ['法', '工', '総文', '数理', '公共', '東文研'], mouYear: 2015 });
    expect(byName('北京大学').homeUnits).toEqual([
      'utokyo-law-and-politics-graduate-school', 'utokyo-engineering-graduate-school', 'utokyo-arts-and-sciences-graduate-school',
      'utokyo-mathematical-sciences-graduate-school', 'utokyo-public-policy-graduate-school', 'utokyo-institute-for-advanced-studies-on-asia',
    ]);
    // line 311: 清華大学 … 11 codes, ending IRCN IFI 産 学
    expect(byName('清華大学').homeUnitCodes).toEqual(['工', '理', '総文', '新領域', '学環', '生研', '物性研', '先端研', 'IRCN', 'IFI', '産学']);
    // line 266: プリンストン大学 ＊プリンストン共同研究教育プロジェクトとして活動 — no codes
    expect(byName('プリンストン大学')).toMatchObject({ homeUnitCodes: [], homeUnits: [], mouYear: 2013 });
    expect(byName('プリンストン大学').facts).toContainEqual({ what: 'remark', value: 'プリンストン共同研究教育プロジェクトとして活動', line: 266 });
  });

  it('reads group members with the countries the brochure gives them', () => {
    // line 294: Stockholm University, KTH …, Karolinska Institutet; paragraph line 283: スウェーデンと日本
    expect(byName('ストックホルム大学群').members.map((m) => [m.en, m.country, m.source.line])).toEqual([
      ['Stockholm University', 'SE', 294], ['KTH Royal Institute of Technology', 'SE', 294], ['Karolinska Institutet', 'SE', 294],
    ]);
    // lines 429–430: Chile and Mexico from the names themselves
    expect(byName('チリ・メキシコ大学群').members.map((m) => m.country)).toEqual(['CL', 'CL', 'CL', 'MX', 'MX']);
    // line 448 comes after its name line 446; paragraph line 437: フランスENS
    expect(byName('パリ・グランゼコール群').members.map((m) => m.country)).toEqual(['FR', 'FR', 'FR', 'FR', 'FR', 'FR']);
    expect(byName('パリ・グランゼコール群').source.lines).toEqual(expect.arrayContaining([231, 233, 234, 235, 446, 448]));
  });

  it('reads the paragraphs into notes and facts', () => {
    const snu = byName('ソウル国立大学');
    // line 270: 2015年に戦略的パートナーシップ覚書を締結し、本学から9 / line 272: 部局が参画し、両校間で年間100名超
    expect(snu.facts).toContainEqual(expect.objectContaining({ what: 'strategic partnership MoU signed', value: 2015, line: 270 }));
    expect(snu.facts).toContainEqual(expect.objectContaining({ what: 'participating UTokyo departments', value: 9, line: 270 }));
    expect(snu.facts).toContainEqual(expect.objectContaining({ what: 'faculty and students sent and received per year', value: 100, qualifier: 'more than', line: 272 }));
    expect(snu.notes).toContain('本学から9部局が参画し');
    // lines 248–250: 2013年1月 … 9回公募し、合計29プロジェクトを採択
    const pu = byName('プリンストン大学');
    expect(pu.facts).toContainEqual(expect.objectContaining({ what: 'strategic partnership MoU signed', value: '2013-01', line: 248 }));
    expect(pu.facts).toContainEqual(expect.objectContaining({ what: 'calls for proposals', value: 9, line: 250 }));
    expect(pu.facts).toContainEqual(expect.objectContaining({ what: 'projects selected', value: 29, line: 250 }));
    // line 306: 両校から学部生・大学院生60名あわせて120名の学生が参加
    const ts = byName('清華大学');
    expect(ts.facts).toContainEqual(expect.objectContaining({ what: 'participants from each university', value: 60, line: 306 }));
    expect(ts.facts).toContainEqual(expect.objectContaining({ what: 'participants in total', value: 120, line: 306 }));
    // line 370: （5～6回／年）
    expect(byName('ヤンゴン工科大学').facts).toContainEqual(expect.objectContaining({ what: 'times per year', value: '5-6', line: 370 }));
  });

  it('gives agreements the MoU year when the brochure has no full date', () => {
    // line 248: 2013年1月 — a month, no day: signedYear, no signedOn
    const pu = ag.find((a) => a.partnerName === 'プリンストン大学')!;
    expect(pu).toMatchObject({ signedYear: 2013, signedMonth: '2013-01', dateRaw: '2013年1月' });
    expect(pu.signedOn).toBeUndefined();
    // line 104: 2015年
    expect(ag.find((a) => a.partnerName === '北京大学')).toMatchObject({ signedYear: 2015, dateRaw: '2015年', homeUnitsRaw: '法 工 総 文 数 理 公 共 東文研' });
    expect(ag.find((a) => a.partnerName === '北京大学')?.signedMonth).toBeUndefined(); // a year alone gives no month
    // no MoU year stated for ETHZ (lines 149–158)
    expect(ag.find((a) => a.partnerName.startsWith('スイス'))!.signedYear).toBeUndefined();
  });

  it('checks every stated count, and all agree', () => {
    const checks = ctx.checks.map((c) => [c.line, c.key, c.stated, c.computed]);
    expect(checks).toEqual(expect.arrayContaining([
      [22, 'phases', 3, 3], // line 22: 3つの工程
      [28, 'primary-partners', 9, 9], // line 28: 主要な戦略的パートナーシップ校9校
      [29, 'prospective-partners', 7, 7], // line 29: …見通せる大学7校
      [67, 'primary-partners', 9, 9], // line 67
      [68, 'prospective-partners', 7, 7], // line 68
      [270, 'departments-L280', 9, 9], // line 270: 本学から9部局 (SNU)
      [290, 'institutions-L296', 4, 4], // line 290: 4機関 (Stockholm group of 3 + UTokyo)
      [378, 'departments-L389', 8, 8], // line 378: 合計8部局 (NTU)
    ]));
    expect(checks.length).toBe(8);
    expect(ctx.checks.every((c) => c.stated === c.computed)).toBe(true);
  });

  it('lists the figures it cannot recompute', () => {
    expect(ctx.unverifiable.map((u) => [u.line, u.stated])).toEqual([
      [41, '9+7'], [49, 26], [58, '10+9'], // phase diagram bullets (9＋7, 26, 10＋9 の海外大学)
      [462, 18], [462, 19], // line 462: 18大学による19プロジェクト (the MEXT forum)
    ]);
  });

  it('marks the Department List lines as part of their partnership records', () => {
    // line 231 (codes of Paris, printed above its name 233) and 245 (the rest of Tsinghua's codes, line 243)
    for (const n of [179, 181, 204, 206, 231, 243, 245]) expect(ctx.dispositionOf(n)).toBe('record');
    expect(byName('清華大学').source.lines).toEqual(expect.arrayContaining([242, 243, 245]));
    expect(byName('プリンストン大学').source.lines).toEqual(expect.arrayContaining([204, 206]));
  });

  it('keeps headings and diagram labels as layout, legend and prose as notes', () => {
    for (const n of [1, 2, 3, 17, 30, 32, 33, 59, 60, 62, 64, 65, 247, 349, 350, 375, 376, 473, 477]) expect(ctx.dispositionOf(n)).toBe('layout');
    for (const n of [5, 69, 71, 99, 100, 166, 167, 449, 475, 490]) expect(ctx.dispositionOf(n)).toBe('note');
  });
});

// ─── synthetic damage ───────────────────────────────────────────────────────────────────────────

describe('synthetic layouts', () => {
  it('a block takes the tier of the header on its own page, even when the header comes after it', () => {
    const lines = [
      ...legendLines(),
      ' 甲大学とは、2016年に戦略的パートナーシップ覚書を締結しました。',
      '',
      '甲大学 （KOU） 工 理',
      '',
      '主要な戦略的パートナーシップ校',
      'Primary Strategic Partnership Universities',
      ' 乙大学とは交流を進めています。',
      '',
      '乙大学 工',
      '',
      '戦略的パートナーシップ構築を見通せる大学',
      'Prospective Strategic Partner Universities',
    ];
    const ctx = syntheticContext(lines);
    const r = parseUtokyoStrategic(ctx);
    expect(r.strategicPartnerships!.map((s) => [s.name, s.tier, s.mouYear])).toEqual([['甲大学', 'primary', 2016], ['乙大学', 'prospective', undefined]]);
    // 甲大学 and 乙大学 name no country: reported, not guessed
    expect(ctx.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      expect.stringMatching(/^no country for 甲大学/), expect.stringMatching(/^no country for 乙大学/),
    ]);
    expect(ctx.unexplainedLines()).toEqual([]);
  });

  it('an unknown department code is an error naming it', () => {
    const lines = [...legendLines(), ' 主要な戦略的パートナーシップ校', '', 'シカゴ大学との交流です。', '', 'シカゴ大学 医 経 済 宙']; // 宙 is no code
    const ctx = syntheticContext(lines);
    parseUtokyoStrategic(ctx);
    expect(ctx.problems.map((p) => [p.line, p.message])).toEqual([[lines.length, expect.stringContaining('"宙"')]]);
  });

  it('Department List code lines go to the neighbouring entry whose block they continue', () => {
    const lines = [
      ...legendLines(),
      ' 主要な戦略的パートナーシップ校',
      '',
      'シカゴ大学', '医 経 済', '', '工 総 文', '', 'ストックホルム大学群', 'Stockholm University, Karolinska Institutet', '',
      'シカゴ大学との交流です。', '', 'シカゴ大学 医 経 済',
      'スウェーデンとの交流です。', '', 'Stockholm University, Karolinska Institutet', '', 'ストックホルム大学群 工 総 文',
    ];
    const ctx = syntheticContext(lines);
    const r = parseUtokyoStrategic(ctx);
    expect(ctx.problems).toEqual([]);
    expect(ctx.unexplainedLines()).toEqual([]);
    const base = legendLines().length;
    // "工 総 文" (after Chicago's complete codes) belongs to the Stockholm group below it
    expect(r.strategicPartnerships!.find((s) => s.name === 'ストックホルム大学群')!.source.lines).toContain(base + 6);
    expect(r.strategicPartnerships!.find((s) => s.name === 'シカゴ大学')!.source.lines).not.toContain(base + 6);
  });

  it('a Department List that disagrees with the block is a warning', () => {
    const lines = [...legendLines(), ' 主要な戦略的パートナーシップ校', '', 'シカゴ大学', '医', '', 'シカゴ大学との交流です。', '', 'シカゴ大学 医 経 済'];
    const ctx = syntheticContext(lines);
    parseUtokyoStrategic(ctx);
    expect(ctx.problems.map((p) => [p.severity, p.message])).toEqual([['warning', expect.stringContaining('gives シカゴ大学 1 department(s)')]]);
  });

  it('a group without its member list is an error', () => {
    const lines = [...legendLines(), ' 主要な戦略的パートナーシップ校', '', 'スウェーデンとの交流です。', '', 'ストックホルム大学群 工'];
    const ctx = syntheticContext(lines);
    const r = parseUtokyoStrategic(ctx);
    expect(ctx.problems.map((p) => p.message)).toEqual([expect.stringContaining('has no list of its institutions')]);
    expect(r.strategicPartnerships![0]!.members).toEqual([]);
  });
});

// ─── lines that fit no shape ────────────────────────────────────────────────────────────────────

describe('what real text looks like', () => {
  it('isJapaneseText: Japanese letters with the punctuation prose uses', () => {
    expect(isJapaneseText('2015年に戦略的パートナーシップ覚書を締結して以来、両校間で年間')).toBe(true); // line 104
    expect(isJapaneseText('2018年から交流分野を冠したUTokyo-TUM Workshop for Excellence, Diversity, ')).toBe(true); // line 391
    expect(isJapaneseText('第1期')).toBe(true); // line 30
    expect(isJapaneseText('qqq\tzzz\t%%%')).toBe(false);
    expect(isJapaneseText('###')).toBe(false);
    expect(isJapaneseText('交流 %%% 大学')).toBe(false); // a symbol prose does not use
    expect(isJapaneseText('参加率は80%です')).toBe(true); // % after a figure
  });
  it('isLatinWords / isEnglishTitle / isInstitutionList: words, not letters at random', () => {
    expect(isLatinWords('teamwork and Mobility')).toBe(true);
    expect(isLatinWords('qqq zzz %%%')).toBe(false);
    expect(isEnglishTitle('What are Strategic Partnerships?')).toBe(true); // line 3
    expect(isEnglishTitle('Aims')).toBe(true); // line 11
    expect(isEnglishTitle('qqq zzz')).toBe(false);
    expect(isInstitutionList('École Polytechnique, ENPC, ENS Paris-Saclay, ENS-PSL, CNRS,  ')).toBe(true); // line 234
    expect(isInstitutionList('El Colegio de México')).toBe(true); // line 186
    expect(isInstitutionList('qqq, zzz')).toBe(false);
  });
});

describe('a line of garbage is reported at its line, never read as a record, layout or note', () => {
  const GARBAGE = 'qqq\tzzz\t%%%';
  const base = parseUtokyoStrategic(contextFor(SOURCE));
  /** What a partnership record says, independent of line numbers. */
  const summary = (r: ReturnType<typeof parseUtokyoStrategic>) =>
    (r.strategicPartnerships ?? []).map((s) => [s.name, s.tier, s.homeUnitCodes.join(' '), s.members.map((m) => m.ja ?? m.en).join('|'), s.notes, (s.facts ?? []).map((f) => f.value).join(',')]);

  /** The real document with the garbage inserted right after the one line that reads `after` (spaces at the ends aside). */
  function withGarbageAfter(after: string) {
    const real = splitLines(sourceMeta(SOURCE).text);
    const at = real.filter((l) => l.trim() === after.trim());
    expect(at, `exactly one line reads ${after}`).toHaveLength(1);
    const L = real.indexOf(at[0]!) + 2; // 1-based line of the inserted garbage
    const lines = [...real];
    lines.splice(L - 1, 0, GARBAGE);
    const ctx = new SourceContext(sourceMeta(SOURCE), lines);
    const r = parseUtokyoStrategic(ctx);
    return { ctx, r, L };
  }

  /** The garbage line L is an error "fits no shape: expected …" at L, and nothing else took it. */
  function expectReported({ ctx, r, L }: ReturnType<typeof withGarbageAfter>, expected: RegExp) {
    const errors = ctx.problems.filter((p) => p.severity === 'error' && p.line === L);
    expect(errors.map((p) => p.message)).toEqual([expect.stringMatching(/^fits no shape: expected /)]);
    expect(errors[0]!.message).toMatch(expected);
    expect(errors[0]!.raw).toBe(GARBAGE);
    expect(ctx.dispositionOf(L)).toBe('reported');
    expect(ctx.notes.some((n) => n.line === L)).toBe(false);
    for (const list of [r.strategicPartnerships ?? [], r.agreements ?? []]) {
      for (const rec of list) expect(rec.source.lines ?? [rec.source.line]).not.toContain(L);
    }
    expect(ctx.unexplainedLines()).toEqual([]);
  }

  it('inside a paragraph (after line 105, PKU): the paragraph continues past it, the record is unchanged', () => {
    const g = withGarbageAfter('100名近い教員学生の派遣・受入が行われてきました。キャンパスアジ');
    expect(g.L).toBe(106);
    expectReported(g, /expected prose/);
    expect(g.ctx.problems).toHaveLength(1);
    expect(summary(g.r)).toEqual(summary(base));
  });

  it('in a partnership block, between its paragraph and its name line (after line 113, PKU)', () => {
    const g = withGarbageAfter('よる研究・教育交流を強化していきます。');
    expectReported(g, /expected (?=.*prose)(?=.*name line)/);
    expect(g.ctx.problems).toHaveLength(1);
    expect(summary(g.r)).toEqual(summary(base));
  });

  it('in a group\'s list of institutions (after line 429, Chile–Mexico)', () => {
    const g = withGarbageAfter('The University of Chile, Pontificia Universidad Católica de Chile, Universidad de Magallanes, ');
    expectReported(g, /expected institutions' names separated by commas/);
  });

  it('in the legend, between two entries (after line 73) and inside an entry broken over two lines (after line 99)', () => {
    const g = withGarbageAfter('医学系研究科医');
    expectReported(g, /expected a legend entry/);
    expect(g.ctx.problems).toHaveLength(1);
    const split = withGarbageAfter('公共政策学連携研究部・');
    expectReported(split, /expected a legend entry/);
    // the entry 公共 is still read across the reported line: its codes still decode
    expect(split.ctx.problems).toHaveLength(1);
    expect(summary(split.r)).toEqual(summary(base));
  });

  it('in the Department List, under a code line (after line 181) and between a name and its codes (after line 198)', () => {
    const g = withGarbageAfter('工 理情 理 学 環');
    expectReported(g, /expected a Department List entry/);
    expect(g.ctx.problems).toHaveLength(1);
    expect(summary(g.r)).toEqual(summary(base));
    const h = withGarbageAfter('国立台湾大学');
    expectReported(h, /expected a Department List entry/);
    expect(h.ctx.problems).toHaveLength(1);
  });

  it('on a page break: after the legend caption, before the indented first line of the next page (after line 247)', () => {
    const g = withGarbageAfter('参画部局凡例');
    expect(g.L).toBe(248);
    expectReported(g, /expected prose/);
    expect(g.ctx.problems).toHaveLength(1);
    expect(summary(g.r)).toEqual(summary(base));
  });

  it('between a heading and its English title (after line 2), and among the bullets of the phase diagram (after line 39)', () => {
    const g = withGarbageAfter('戦略的パートナーシップ大学とは');
    expectReported(g, /expected a heading/);
    const b = withGarbageAfter('築する');
    expectReported(b, /expected .*bullet/);
  });
});
