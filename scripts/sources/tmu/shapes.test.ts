/** Shapes of the call's lines that state no fact: prose (note), page furniture (layout) or an error. */
import { describe, it, expect } from 'vitest';
import { isJunkToken, junkIn, lineShape, numbered, type Around } from './shapes.ts';

const kind = (raw: string, around: Around = {}, inToc = false) => lineShape(raw, around, inToc).kind;

describe('tokens of no language', () => {
  it('words, numbers, URLs, addresses and the marks of forms are not junk', () => {
    for (const t of ['kibaco', 'TEL', 'iBT', 'PC', 'L', '1-1', '2', '×××', '_____', '〒', '-', '/', '@', '※', '☑', '&', '(ID:agz2023ryuoubo)', 'https://calendly.com/lisasaki/30min', 'outbound@jmj.tmu.ac.jp', '\\times', 'pdf', 'PhD']) {
      expect(isJunkToken(t), t).toBe(false);
    }
    // abbreviations with a capital and no vowel, as the annex writes them: "213 cBT." (line 548), "MSc." (line 570)
    for (const t of ['MSc.', 'cBT.', 'SDGs']) {
      expect(isJunkToken(t), t).toBe(false);
    }
  });
  it('letters making no word and punctuation outside forms and sentences are junk', () => {
    for (const t of ['qqq', 'zzz', 'xkcd', 'aaa', '%%%', '###', '$$$', '{}']) expect(isJunkToken(t), t).toBe(true);
    expect(junkIn('qqq zzz %%%')).toBe('qqq');
    // line 85: the GPA formula written in LaTeX holds words and numbers
    expect(junkIn('$$\\frac{(\\text{「5」の単位数} \\times 4) + (\\text{「4」の単位数} \\times 3)}{\\text{前年度取得単位数}}$$')).toBeUndefined();
  });
});

describe('numbered', () => {
  it('reads the number and its kind, circled numbers kept apart from plain ones', () => {
    expect(numbered('(2) 本学を休学した場合')).toMatchObject({ kind: 'paren', n: 2 }); // line 1128
    expect(numbered('① 学業成績について')).toMatchObject({ kind: 'circled', n: 1 }); // line 103
    expect(numbered('5-1. **交換留学** 東京都立大学の…')).toMatchObject({ kind: 'plain', n: 5 }); // line 399
    expect(numbered('A. ゼミ・研究室に所属している学生は…')).toMatchObject({ kind: 'letter', n: 1 }); // line 288
    expect(numbered('2024 年度 交換留学 秋募集')).toBeUndefined(); // line 5: a year, not an item
  });
});

describe('lineShape', () => {
  it('prose of the call and the regulations is a note', () => {
    expect(kind('本学との学生交換協定に基づき本学から派遣する学生に対し、…を目的とする。')).toBe('note'); // line 65
    expect(kind('第 3 条 経済支援の内訳は、奨学金及び渡航費の給付とする。')).toBe('note'); // line 1038
    expect(kind(' - 本学を休学した場合')).toBe('note'); // line 672: a bullet item
    expect(kind('- ・ 留学申込書の「担当教員欄」への署名')).toBe('note'); // line 300
    expect(kind('東京都立大学管理部国際課留学生交流係 E-mail: outbound@jmj.tmu.ac.jp')).toBe('note'); // line 318
    expect(kind('国際課：月額奨学金に係る手続きに使用するため')).toBe('note'); // line 1011: label and value
    expect(kind('（令 2 首都大管国第 1348 号・一部改正）')).toBe('note'); // line 1025: amendment history
    expect(kind('※ A. B. いずれの方法でも担当教員を依頼することが不可能な場合：')).toBe('note'); // line 292: continues below
    expect(kind('(首都大学東京留学生の派遣及び受入れに関する要綱)')).toBe('note'); // line 985: a remark, not a caption
  });
  it('a numbered item is a list item beside the next number of its list, a heading alone', () => {
    // lines 1126–1128: "(1) 本学学生の身分を失った場合" above "(2) 本学を休学した場合"
    expect(kind('(2) 本学を休学した場合', { prev: '(1) 本学学生の身分を失った場合', next: '(3) 本学の学則及び大学院学則等に基づき懲戒処分を受けた場合' })).toBe('note');
    expect(kind('(1) 本学学生の身分を失った場合', { prev: '第12条 学長は、…', next: '(2) 本学を休学した場合' })).toBe('note');
    // line 81: "(1) 応募要件" between a sentence and a circled item
    expect(lineShape('(1) 応募要件', { prev: '本学に在籍している正規学生…者。', next: '- ① 各在籍学年の…こと。' })).toEqual({ kind: 'layout', why: 'numbered heading' });
    expect(kind('① 担当教員とは', { next: '本学の留学プログラムで…' })).toBe('layout'); // line 280
  });
  it('headings, captions, the table of contents and form scaffolding are layout', () => {
    expect(kind('【派遣先協定校にて、学業成績要件がある場合】')).toBe('layout'); // line 108
    expect(kind('(目的)')).toBe('layout'); // line 1021: caption of an article
    expect(kind('別表 1（第 4 条関係）')).toBe('layout'); // line 322
    expect(kind('附 則 (平成25年4月30日25 首都大管国第80号)')).toBe('layout'); // line 1154
    expect(kind('25 首都大管国第 80 号')).toBe('layout'); // line 1018
    expect(kind('東京都立大学 学長 殿')).toBe('layout'); // line 574
    expect(kind('- ・ 誓約書', {}, true)).toBe('layout'); // line 32, under 目次
    expect(kind('_____年 ____月 ____日')).toBe('layout'); // line 576
    expect(kind('受講言語\t本学学内応募語学基準')).toBe('layout'); // line 91: table header
    expect(kind('フリガナ\t\t\t\tローマ 字\t※パスポートと同じ綴りを書いてください')).toBe('layout'); // line 580
    expect(kind('\t<input type="checkbox"/> IELTS 総合得点: _____点 (_____年 ____月)')).toBe('layout'); // line 600
    expect(kind('9 9 0 0\t\t\t\t0 0 1 8\t\t\t\t1 2 3 4 5 × ×\t\t\t')).toBe('layout'); // line 855: a sample's digits
    expect(kind('--\t----------------------------------')).toBe('layout'); // line 845: a rule
    expect(kind('正)')).toBe('layout'); // line 1098: the end of line 1096 cut by the page
  });
  it('a table row with a sentence or a contact in a cell is a note', () => {
    expect(kind('上記誓約書に記載されている事項及び学生本人の交換留学に同意し、…保証します。\t\t')).toBe('note'); // line 685
    expect(kind('伊藤大将先生 taisho_ito_yeswecan@tmu.ac.jp\t交換・派遣留学の応募前相談\t火曜日 午後')).toBe('note'); // line 968
  });
  it('a line of no language is an error saying what was expected, with the lines around it', () => {
    const s = lineShape('qqq\tzzz\t%%%', { prev: '\t電話番号\t\t\t\t携帯電話番号', prevLine: 586, next: '電話番号\t\t\t\tEmail(大学付与アドレス) _____@ed.tmu.ac.jp', nextLine: 588 });
    expect(s.kind).toBe('error');
    expect(s.kind === 'error' && s.message).toMatch(/^fits no shape: "qqq" is no word.*expected prose, a heading, a list item, a form field or a table row, like the lines around it: .*\(line 586\), form row .*\(line 588\)$/);
    expect(kind('%%%')).toBe('error');
    expect(kind('年\tqqq\t日')).toBe('error');
    expect(kind('\t###\t')).toBe('error');
  });
});
