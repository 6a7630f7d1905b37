import { describe, it, expect } from 'vitest';
import { splitPartnerUnitInline, splitJointInstitutions } from './partners.ts';
import { splitPartnerUnit, splitTrailingGroup, jaKey, enKey, institutionKind } from './partners.ts';

describe('partners', () => {
  it('splitPartnerUnit splits a faculty off a university name', () => {
    // hiroshima-2024 line 34
    expect(splitPartnerUnit('ガジャマダ大学獣医学部')).toEqual({ name: 'ガジャマダ大学', unit: '獣医学部' });
    // osaka-2021 line 27
    expect(splitPartnerUnit('アイルランガ大学 (歯学部)')).toEqual({ name: 'アイルランガ大学', unit: '歯学部' });
  });
  it('splitPartnerUnit keeps campuses and hospitals in the name', () => {
    expect(splitPartnerUnit('インド工科大学 ハイデラバード校')).toEqual({ name: 'インド工科大学ハイデラバード校' });
    expect(splitPartnerUnit('ソウル大学校病院')).toEqual({ name: 'ソウル大学校病院' });
    expect(splitPartnerUnit('ソウル大学校')).toEqual({ name: 'ソウル大学校' });
  });
  it('jaKey folds spelling, never meaning', () => {
    expect(jaKey('ボルドー大学')).toBe(jaKey('ボルドー 大学'));
    expect(jaKey('ヴェネツィア大学')).toBe(jaKey('ベネツィア大学'));
    expect(jaKey('清華大学')).not.toBe(jaKey('国立清華大学'));
    expect(jaKey('アイオワ大学')).not.toBe(jaKey('アイオワ州立大学'));
    expect(jaKey('ソウル大学校')).not.toBe(jaKey('ソウル大学'));
  });
  it('enKey folds case, accents, punctuation and a leading article', () => {
    expect(enKey('The University of Bordeaux')).toBe(enKey('university of bordeaux'));
    expect(enKey('Université de Lyon')).toBe('universite de lyon');
  });
  it('institutionKind reads the name ending', () => {
    expect(institutionKind('ソウル大学校病院')).toBe('hospital');
    expect(institutionKind('ボルドー大学')).toBe('university');
    expect(institutionKind('ユーリッヒ総合研究機構')).toBe('institute');
  });
});

describe('bracketed partner units', () => {
  it('splitTrailingGroup keeps nested brackets inside the unit', () => {
    // osaka-2021 line 536
    expect(splitTrailingGroup('ポール・サバティエ大学 (理論物理学研究所 (LPT))')).toEqual({ name: 'ポール・サバティエ大学', unit: '理論物理学研究所 (LPT)' });
    // osaka-2021 line 204: a bracket inside an English unit name
    expect(splitTrailingGroup('北京航空航天大学 (School of Physics and Nuclear Energy Engineering(SPANEE))')).toEqual({
      name: '北京航空航天大学', unit: 'School of Physics and Nuclear Energy Engineering(SPANEE)',
    });
  });
  it('splitTrailingGroup takes only the last group as the unit, full-width brackets included', () => {
    // osaka-2021 line 472
    expect(splitTrailingGroup('パラツキー大学 (オロモウツ) (哲学部)')).toEqual({ name: 'パラツキー大学 (オロモウツ)', unit: '哲学部' });
    // osaka-2021 line 76
    expect(splitTrailingGroup('浦項科学技術大学校 （浦項加速器研究所）')).toEqual({ name: '浦項科学技術大学校', unit: '浦項加速器研究所' });
  });
  it('splitTrailingGroup is undefined without a balanced final group', () => {
    expect(splitTrailingGroup('ソウル大学校')).toBeUndefined();
    expect(splitTrailingGroup('(理学部)')).toBeUndefined();
    expect(splitTrailingGroup('A 理学部)')).toBeUndefined();
  });
  it('splitPartnerUnit splits a nested bracketed unit whole', () => {
    // osaka-2021 line 20: square brackets inside the unit stay as written
    expect(splitPartnerUnit('デリー大学 (ヒンディー語専攻[人文学研究科]/東アジア学専攻[社会科学研究科])')).toEqual({
      name: 'デリー大学', unit: 'ヒンディー語専攻[人文学研究科]/東アジア学専攻[社会科学研究科]',
    });
    // despace drops the space between CJK text and a bracket
    expect(splitPartnerUnit('ポール・サバティエ大学 (理論物理学研究所 (LPT))')).toEqual({ name: 'ポール・サバティエ大学', unit: '理論物理学研究所(LPT)' });
  });
});

import { isUnitName, splitAcademyUnit } from './partners.ts';

describe('academies, hospitals and generic titles', () => {
  it('splitPartnerUnit keeps a Chinese hospital (医院) whole', () => {
    // tsukuba-fy2023 line 509: the affiliated hospital of Qingdao University is its own institution
    expect(splitPartnerUnit('青島大学附属医院')).toEqual({ name: '青島大学附属医院' });
  });
  it('splitPartnerUnit does not split after a generic title', () => {
    // tsukuba-fy2023 line 873: HSE University's Japanese name starts with its status 国立研究大学
    expect(splitPartnerUnit('国立研究大学 高等経済学院')).toEqual({ name: '国立研究大学高等経済学院' });
  });
  it('splitAcademyUnit splits an institute off an academy or research council', () => {
    // tsukuba-fy2023 line 512
    expect(splitAcademyUnit('中国科学院 地理科学・資源研究所')).toEqual({ name: '中国科学院', unit: '地理科学・資源研究所' });
    // tsukuba-fy2023 line 635
    expect(splitAcademyUnit('バトナム科学技術アカデミー・バイオテクノロジー研究所')).toEqual({ name: 'バトナム科学技術アカデミー', unit: 'バイオテクノロジー研究所' });
    // tsukuba-fy2023 line 741
    expect(splitAcademyUnit('イタリア学術研究会議地球水文保護研究所')).toEqual({ name: 'イタリア学術研究会議', unit: '地球水文保護研究所' });
  });
  it('splitAcademyUnit leaves an academy that is named alone', () => {
    // tsukuba-fy2023 lines 522, 831
    expect(splitAcademyUnit('内蒙古農牧業科学院')).toBeUndefined();
    expect(splitAcademyUnit('高圧物理研究所・ポーランド科学技術アカデミー')).toBeUndefined();
    expect(splitAcademyUnit('中国原子能科学研究院')).toBeUndefined();
  });
  it('isUnitName tells a faculty from an alternate name or an abbreviation', () => {
    expect(isUnitName('歯学部')).toBe(true);
    expect(isUnitName('パリ工科大学')).toBe(false);
    expect(isUnitName('E-JUST')).toBe(false);
  });
});

describe('run-on partner names (splitPartnerUnitInline)', () => {
  it('splits a faculty written straight after the university', () => {
    // hiroshima-2024 line 34
    expect(splitPartnerUnitInline('ガジャマダ大学獣医学部')).toEqual({ name: 'ガジャマダ大学', unit: '獣医学部' });
    // hiroshima-2024 line 55: a graduate school (大学院…) is a unit
    expect(splitPartnerUnitInline('ハサヌディン大学大学院海洋科学水産部')).toEqual({ name: 'ハサヌディン大学', unit: '大学院海洋科学水産部' });
    // hiroshima-2024 lines 215, 347, 361: 学系, …部 and libraries are units
    expect(splitPartnerUnitInline('復旦大学歴史学系')).toEqual({ name: '復旦大学', unit: '歴史学系' });
    expect(splitPartnerUnitInline('モスクワ国立大学計算数学・サイバネティクス部')).toEqual({ name: 'モスクワ国立大学', unit: '計算数学・サイバネティクス部' });
    expect(splitPartnerUnitInline('フリントダース大学図書館')).toEqual({ name: 'フリントダース大学', unit: '図書館' });
  });
  it('keeps a campus in the name, also when a faculty follows it', () => {
    // hiroshima-2024 lines 16, 17, 102, 210, 395
    expect(splitPartnerUnitInline('インド国際情報技術大学ハイデラバード校')).toEqual({ name: 'インド国際情報技術大学ハイデラバード校' });
    expect(splitPartnerUnitInline('インド工科大学 ハイデラバード校')).toEqual({ name: 'インド工科大学ハイデラバード校' });
    expect(splitPartnerUnitInline('キングモンクット工科大学トンブリ校工学部')).toEqual({ name: 'キングモンクット工科大学トンブリ校', unit: '工学部' });
    expect(splitPartnerUnitInline('東北大学秦皇島分校言語学院')).toEqual({ name: '東北大学秦皇島分校', unit: '言語学院' });
    expect(splitPartnerUnitInline('グアナファト大学イラファト－サラマンカーキャンパス工学部')).toEqual({ name: 'グアナファト大学イラファト-サラマンカーキャンパス', unit: '工学部' });
    // hiroshima-2024 line 259: a member university of a national university is not a unit
    expect(splitPartnerUnitInline('バトナム国家大学ハノイ校人文社会科学大学')).toEqual({ name: 'バトナム国家大学ハノイ校人文社会科学大学' });
  });
  it('keeps a bracketed qualifier after the head in the name', () => {
    // hiroshima-2024 lines 152, 411
    expect(splitPartnerUnitInline('中国石油大学(華東)文学院')).toEqual({ name: '中国石油大学(華東)', unit: '文学院' });
    expect(splitPartnerUnitInline('テキサス大学(オースティン分校)化学部')).toEqual({ name: 'テキサス大学(オースティン分校)', unit: '化学部' });
  });
  it('reads a final bracket as the unit only when it names one', () => {
    // hiroshima-2024 lines 341, 132: a list of faculties / institutes in brackets
    expect(splitPartnerUnitInline('オレンブルグ国立大学(物理学部・自然科学部・数学部)')).toEqual({ name: 'オレンブルグ国立大学', unit: '物理学部・自然科学部・数学部' });
    expect(splitPartnerUnitInline('中央研究院(細胞与個体生物学研究所及び化学研究所)')).toEqual({ name: '中央研究院', unit: '細胞与個体生物学研究所及び化学研究所' });
    // hiroshima-2024 lines 95, 63, 30: an acronym, part of the name, a parent body stay in the name
    expect(splitPartnerUnitInline('カンボジア開発資源研究所(CDRI)')).toEqual({ name: 'カンボジア開発資源研究所(CDRI)' });
    expect(splitPartnerUnitInline('ムストボ教授大学(ベラガマ)')).toEqual({ name: 'ムストボ教授大学(ベラガマ)' });
    expect(splitPartnerUnitInline('インドネシア甘味料・繊維作物研究所(インドネシア農業研究開発庁)')).toEqual({ name: 'インドネシア甘味料・繊維作物研究所(インドネシア農業研究開発庁)' });
    // hiroshima-2024 lines 121, 392, 101: after a unit, the bracket qualifies the unit
    expect(splitPartnerUnitInline('国立政治大学経済系(DDP)')).toEqual({ name: '国立政治大学', unit: '経済系(DDP)' });
    expect(splitPartnerUnitInline('サンパウロ大学歯学部（サンパウロ校）')).toEqual({ name: 'サンパウロ大学', unit: '歯学部(サンパウロ校)' });
    expect(splitPartnerUnitInline('カセサート大学5学部(農学部・水産学部)')).toEqual({ name: 'カセサート大学', unit: '5学部(農学部・水産学部)' });
  });
  it("splits a Korean 大学校's colleges (…大学) off", () => {
    // hiroshima-2024 lines 70, 82; 大学校 names alone stay whole (line 79)
    expect(splitPartnerUnitInline('国立ソウル大学校師範大学')).toEqual({ name: '国立ソウル大学校', unit: '師範大学' });
    expect(splitPartnerUnitInline('慶北大学校中央図書館')).toEqual({ name: '慶北大学校', unit: '中央図書館' });
    expect(splitPartnerUnitInline('釜山カトリック大学校')).toEqual({ name: '釜山カトリック大学校' });
    // hiroshima-2024 line 430: a university of a university network is not a unit
    expect(splitPartnerUnitInline('ケベック大学高等工科大学')).toEqual({ name: 'ケベック大学高等工科大学' });
  });
  it('splits units off academies, colleges, ministries and bureaus', () => {
    // hiroshima-2024 lines 83, 143, 171, 196, 305, 350
    expect(splitPartnerUnitInline('光州科学技術院環境科学工学研究科')).toEqual({ name: '光州科学技術院', unit: '環境科学工学研究科' });
    expect(splitPartnerUnitInline('外交学院外国語学部')).toEqual({ name: '外交学院', unit: '外国語学部' });
    expect(splitPartnerUnitInline('国家海洋局第二海洋研究所')).toEqual({ name: '国家海洋局', unit: '第二海洋研究所' });
    expect(splitPartnerUnitInline('中国科学院物理研究所超伝導国家重点実験室')).toEqual({ name: '中国科学院', unit: '物理研究所超伝導国家重点実験室' });
    expect(splitPartnerUnitInline('カロリンスカ研究所分子医学および外科部門')).toEqual({ name: 'カロリンスカ研究所', unit: '分子医学および外科部門' });
    expect(splitPartnerUnitInline('ロシア医科学アカデミー・医学放射線研究センター')).toEqual({ name: 'ロシア医科学アカデミー', unit: '医学放射線研究センター' });
    // hiroshima-2024 lines 65, 18: no unit after the head
    expect(splitPartnerUnitInline('環境省環境政策・制度局')).toEqual({ name: '環境省環境政策・制度局' });
    expect(splitPartnerUnitInline('社会基盤工学管理研究所')).toEqual({ name: '社会基盤工学管理研究所' });
    // hiroshima-2024 line 285: a katakana name followed by a kanji faculty
    expect(splitPartnerUnitInline('インペリアル・カレッジ・ロンドン医学部')).toEqual({ name: 'インペリアル・カレッジ・ロンドン', unit: '医学部' });
  });
  it('never makes a hospital a unit', () => {
    // hiroshima-2024 lines 161, 76, 134
    expect(splitPartnerUnitInline('北京大学第三医院')).toEqual({ name: '北京大学第三医院' });
    expect(splitPartnerUnitInline('垂州大学病院')).toEqual({ name: '垂州大学病院' });
    expect(splitPartnerUnitInline('マツカイ医科大学及びマツカイ記念病院')).toEqual({ name: 'マツカイ医科大学及びマツカイ記念病院' });
  });
  it('splitJointInstitutions lists institutions joined by 及び, not faculties', () => {
    // hiroshima-2024 line 134
    expect(splitJointInstitutions('マツカイ医科大学及びマツカイ記念病院')).toEqual(['マツカイ医科大学', 'マツカイ記念病院']);
    expect(splitJointInstitutions('理学部及び工学部')).toBeUndefined();
    expect(splitJointInstitutions('ソウル大学校')).toBeUndefined();
  });
  it('institutionKind knows academies, campuses, 医院 and networks', () => {
    expect(institutionKind('中国科学院')).toBe('institute');
    expect(institutionKind('光州科学技術院')).toBe('institute');
    expect(institutionKind('キングモンクット工科大学トンブリ校')).toBe('university');
    expect(institutionKind('中国石油大学(華東)')).toBe('university');
    expect(institutionKind('インペリアル・カレッジ・ロンドン')).toBe('university');
    expect(institutionKind('北京大学第三医院')).toBe('hospital');
    expect(institutionKind('教育研究機関国際ネットワーク')).toBe('consortium');
    expect(institutionKind('広島大学附属高等学校')).not.toBe('university');
    // Spanish and Portuguese names (utokyo-sp line 429)
    expect(institutionKind('Pontificia Universidad Católica de Chile')).toBe('university');
    expect(institutionKind('Universidad de Magallanes')).toBe('university');
    expect(institutionKind('Universidade de São Paulo')).toBe('university');
    // unchanged
    expect(institutionKind('外交学院')).toBe('university');
    expect(institutionKind('ソウル大学校病院')).toBe('hospital');
  });
});

import { splitWholeName, reviewedWholeNames } from './partners.ts';

describe('reviewed whole names', () => {
  const names = ['ロンドン大学東洋アフリカ研究学院', 'ルール大学ボーフム'];
  it('splitWholeName keeps a whole name whole and splits what follows it as the unit', () => {
    expect(splitWholeName('ロンドン大学 東洋アフリカ研究学院', names)).toEqual({ name: 'ロンドン大学東洋アフリカ研究学院' });
    expect(splitWholeName('ルール大学ボーフム医学部', names)).toEqual({ name: 'ルール大学ボーフム', unit: '医学部' });
    expect(splitWholeName('ルール大学ボーフム (医学部 (臨床))', names)).toEqual({ name: 'ルール大学ボーフム', unit: '医学部(臨床)' });
    expect(splitWholeName('ルール大学ボーフム・医学部', names)).toEqual({ name: 'ルール大学ボーフム', unit: '医学部' });
  });
  it('splitWholeName is undefined for a name that does not begin with a whole name', () => {
    expect(splitWholeName('ロンドン大学クイーンメアリー', names)).toBeUndefined();
    expect(splitWholeName('ルール大学', names)).toBeUndefined();
  });
  it('the reviewed table is read, despaced and longest first', () => {
    const table = reviewedWholeNames();
    expect(table).toContain('ロンドン大学東洋アフリカ研究学院');
    expect([...table].sort((a, b) => b.length - a.length)).toEqual(table);
  });
  it('splitPartnerUnit and splitPartnerUnitInline never split a reviewed whole name', () => {
    // osaka-2021 L433: SOAS is a member institution of the University of London, not its faculty
    expect(splitPartnerUnit('ロンドン大学東洋アフリカ研究学院')).toEqual({ name: 'ロンドン大学東洋アフリカ研究学院' });
    // hiroshima-2024 L318: the city belongs to Ruhr-Universität Bochum's name
    expect(splitPartnerUnitInline('ルール大学ボーフム医学部')).toEqual({ name: 'ルール大学ボーフム', unit: '医学部' });
    // hiroshima-2024 L316
    expect(splitPartnerUnitInline('ユリウス・マクシミリアン大学ヴェルツブルク物理学・天文学部')).toEqual({ name: 'ユリウス・マクシミリアン大学ヴェルツブルク', unit: '物理学・天文学部' });
    // a look-alike that is not on the list still splits as before (hiroshima-2024 L293)
    expect(splitPartnerUnitInline('ロンドン大学教育学研究院国際高等教育センター')).toEqual({ name: 'ロンドン大学', unit: '教育学研究院国際高等教育センター' });
  });
});

describe('observatories', () => {
  it('splitPartnerUnitInline splits an observatory off an academy', () => {
    // hiroshima-2024 L148: the Ngari observatory of the National Astronomical Observatories of CAS
    expect(splitPartnerUnitInline('中国科学院国家天文台阿里観測所')).toEqual({ name: '中国科学院', unit: '国家天文台阿里観測所' });
    // an observatory that is an institution of its own stays whole (osaka-2021 L343)
    expect(splitPartnerUnitInline('南アフリカ天文台')).toEqual({ name: '南アフリカ天文台' });
  });
});
