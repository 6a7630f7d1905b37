import { describe, it, expect } from 'vitest';
import { splitPartnerUnit, jaKey, enKey, institutionKind } from './partners.ts';

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
