import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, expect } from 'vitest';
import { normalize, normalizeWords, normalizeWithMap, romanizeWithMap, isLatinQuery } from './normalize.ts';

describe('normalize', () => {
  it('applies NFKC: full-width Latin and digits, half-width kana with voicing marks', () => {
    expect(normalize('ＡＢＣ連邦大学')).toBe('abc連邦大学');
    expect(normalize('第１大学')).toBe('第1大学');
    expect(normalize('ｶﾞｼﾞｬﾏﾀﾞ')).toBe('ガジャマダ');
  });
  it('lower-cases and strips accents from Latin text, including letters without a decomposition', () => {
    expect(normalize('Université de Bordeaux')).toBe('universitedebordeaux');
    expect(normalize('Łódź')).toBe('lodz');
    expect(normalize('Straße')).toBe('strasse');
    expect(normalize('Ørsted')).toBe('orsted');
    expect(normalize('MÜNCHEN')).toBe('munchen');
  });
  it('folds hiragana into katakana', () => {
    expect(normalize('ぼるどー')).toBe(normalize('ボルドー'));
    expect(normalize('がじゃまだ')).toBe('ガジャマダ');
  });
  it('drops long vowel marks, middle dots, spaces, hyphens and punctuation', () => {
    expect(normalize('ボルドー・モンテーニュ大学')).toBe('ボルドモンテニュ大学');
    expect(normalize('ボルドー･モンテーニュ')).toBe('ボルドモンテニュ'); // half-width middle dot
    expect(normalize('Paris-Sorbonne')).toBe('parissorbonne');
    expect(normalize('U.S.A.')).toBe('usa');
    expect(normalize('  United\u3000States ')).toBe('unitedstates');
    expect(normalize("King's College")).toBe('kingscollege');
  });
  it('folds the ヴ row into the バ row', () => {
    expect(normalize('ヴァ')).toBe('バ');
    expect(normalize('ヴィ')).toBe('ビ');
    expect(normalize('ヴ')).toBe('ブ');
    expect(normalize('ヴェ')).toBe('ベ');
    expect(normalize('ヴォ')).toBe('ボ');
    expect(normalize('ヴェネツィア')).toBe(normalize('ベネツィア'));
    expect(normalize('ヴィクトリア大学')).toBe(normalize('ビクトリア大学'));
    expect(normalize('ゔぃくとりあ')).toBe('ビクトリア');
  });
  it('keeps small kana and voicing marks distinct', () => {
    expect(normalize('キャ')).not.toBe(normalize('キヤ'));
    expect(normalize('ァ')).toBe('ァ');
    expect(normalize('ガ')).not.toBe(normalize('カ'));
    expect(normalize('パ')).not.toBe(normalize('ハ'));
  });
  it('is idempotent', () => {
    for (const s of ['ボルドー大学', 'Université de Bordeaux', 'ヴァイオリン', 'ｶﾞｼﾞｬﾏﾀﾞ', 'U.S.A.', '米国']) expect(normalize(normalize(s))).toBe(normalize(s));
  });
  it('normalizeWords keeps word starts as single spaces; without them it is normalize', () => {
    expect(normalizeWords('Université de Bordeaux')).toBe('universite de bordeaux');
    expect(normalizeWords('ボルドー・モンテーニュ大学')).toBe('ボルド モンテニュ大学');
    expect(normalizeWords('ボルドー大学')).toBe('ボルド大学');
    for (const s of ['Université de Bordeaux', 'U.S.A.', 'ボルドー・モンテーニュ大学']) expect(normalizeWords(s).replace(/ /g, '')).toBe(normalize(s));
  });
  it('normalizeWithMap maps each output character back to the input', () => {
    const n = normalizeWithMap('ヴァイオリン');
    expect(n.text).toBe('バイオリン');
    expect([n.start[0], n.end[0]]).toEqual([0, 2]); // バ came from ヴァ
    const m = normalizeWithMap('Université de Bordeaux');
    const at = m.text.indexOf('bordeaux');
    expect('Université de Bordeaux'.slice(m.start[at], m.end[at + 7])).toBe('Bordeaux');
    expect(m.words).toEqual([0, 10, 12]);
  });
  it('romanizeWithMap reads the kana of a normalised name, each letter pointing at its syllable', () => {
    const r = romanizeWithMap(normalize('ボルドー大学'));
    expect(r.text).toBe('borudo大学');
    expect(r.start.slice(0, 6)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(romanizeWithMap(normalize('マッコーリー')).text).toBe('makkori');
    expect(romanizeWithMap('キャンベラ').text).toBe('kyanbera');
  });
  it('isLatinQuery', () => {
    expect(isLatinQuery('borudo')).toBe(true);
    expect(isLatinQuery('ボルド')).toBe(false);
    expect(isLatinQuery('borudo大学')).toBe(false);
  });

  // Real example: the partner whose aliases include ボルドー大学 (read from the pipeline's output).
  it('Bordeaux, ボルドー and borudo each fold into a key of ボルドー大学 in data/build', () => {
    const partners = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/build/partners.json'), 'utf8')) as { id: string; name: { ja: string; en?: string }; aliases: string[]; reading?: string }[];
    const p = partners.find((x) => x.aliases.includes('ボルドー大学'));
    expect(p, 'a partner with the alias ボルドー大学').toBeDefined();
    const keys = [p!.name.ja, p!.name.en, p!.reading, ...p!.aliases].filter((x): x is string => !!x).map(normalize);
    for (const q of ['Bordeaux', 'ボルドー', 'borudo', 'ぼるどー', 'ＢＯＲＤＥＡＵＸ']) expect(keys.some((k) => k.includes(normalize(q))), q).toBe(true);
  });
});
