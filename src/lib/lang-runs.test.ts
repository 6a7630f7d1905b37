import { describe, expect, test } from 'vitest';
import { hasJapanese, japaneseRuns } from './lang-runs.ts';

const marked = (text: string) => japaneseRuns(text).map((p) => (p.ja ? `[${p.text}]` : p.text)).join('');

describe('japaneseRuns', () => {
  test('joined again, the pieces give the text back', () => {
    for (const s of ['', 'plain English', 'ドミニカ may be Dominica (ドミニカ国, DM)', '「Korean Language Class」 and 正午']) {
      expect(japaneseRuns(s).map((p) => p.text).join('')).toBe(s);
    }
  });
  test('marks each run of Japanese, and only those', () => {
    // wording of a country-alias reason in data/reference/country-aliases.json
    expect(marked('ambiguous: ドミニカ may be Dominica (ドミニカ国, DM) or the Dominican Republic (ドミニカ共和国, DO)')).toBe(
      'ambiguous: [ドミニカ] may be Dominica ([ドミニカ国], DM) or the Dominican Republic ([ドミニカ共和国], DO)',
    );
    expect(marked('plain English')).toBe('plain English');
  });
  test('keeps a name or quotation whole: spaces, Latin words, digits and brackets between Japanese characters', () => {
    expect(marked('The missing cell is read as “合計 (派遣)”, a total column')).toBe('The missing cell is read as “[合計 (派遣)]”, a total column');
    expect(marked('テラーメイドQOLプログラム開発研究センター')).toBe('[テラーメイドQOLプログラム開発研究センター]');
    expect(marked('osaka-2021 L211 names 安徽工業大学 （工商学院）: the college')).toBe('osaka-2021 L211 names [安徽工業大学 （工商学院）]: the college');
    expect(marked('the country cell as written (e.g. 中国(香港), 韓国/中国)')).toBe('the country cell as written (e.g. [中国(香港)], [韓国/中国])');
  });
  test('Japanese punctuation and fullwidth forms count as Japanese', () => {
    expect(hasJapanese('one searchable dataset。')).toBe(true);
    expect(hasJapanese('（')).toBe(true);
    expect(hasJapanese('Africa · 1 institution — Zürich')).toBe(false);
  });
});
