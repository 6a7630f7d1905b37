import { describe, it, expect } from 'vitest';
import { romanize, toKatakana, hasKana } from './kana.ts';

describe('kana', () => {
  it('romanize gives a Hepburn-style reading that Latin search input matches', () => {
    expect(romanize('ボルドー')).toBe('borudo');
    expect(romanize('ガジャマダ')).toBe('gajamada');
    expect(romanize('シャリフ')).toBe('sharifu');
    expect(romanize('ユトレヒト')).toBe('yutorehito');
    expect(romanize('サラマンカ')).toBe('saramanka');
    expect(romanize('マッコーリー')).toBe('makkori');
    expect(romanize('ヴェネツィア')).toBe('venetsia');
  });
  it('romanize leaves kanji as they are and turns middle dots into spaces', () => {
    expect(romanize('カリフォルニア大学')).toBe('kariforunia大学');
    expect(romanize('デ・ラ・サル')).toBe('de ra saru');
  });
  it('toKatakana folds hiragana', () => {
    expect(toKatakana('ぼるどー')).toBe('ボルドー');
  });
  it('hasKana', () => {
    expect(hasKana('清華大学')).toBe(false);
    expect(hasKana('ソウル大学校')).toBe(true);
  });
});
