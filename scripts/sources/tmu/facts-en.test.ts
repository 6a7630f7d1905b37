import { describe, expect, test } from 'vitest';
import { countriesEn, daysEn, factEnglish, timeEn } from './facts-en.ts';

describe('call facts in English', () => {
  test('times of day: 正午 is noon (L249 "11月22日金曜日 正午 (目途)"), a range keeps its clock times (L240)', () => {
    expect(timeEn('正午')).toBe('noon');
    expect(timeEn('12:10~12:45')).toBe('12:10–12:45');
    expect(timeEn('午後')).toBeUndefined();
  });
  test('day ranges of the stipend months, both spacings the call prints (L340 "8 日 ～ 31 日", L1239 "342日～365(366*)日")', () => {
    expect(daysEn('8 日 ~ 31 日')).toBe('8–31 days');
    expect(daysEn('342 日 ~ 365 日 (366 日*)')).toBe('342–365 days (366*)');
    expect(daysEn('342日~365(366*)日')).toBe('342–365 days (366*)');
    expect(daysEn('半年')).toBeUndefined();
  });
  test('a list of countries through the country table, or nothing when one name is unknown', () => {
    expect(countriesEn('インド、タイ')).toBe('India, Thailand');
    expect(countriesEn('インド、ボルネオ')).toBeUndefined();
  });
  test('a stipend row (L329): the class and its areas from data/reference/call-english.json, matched whatever the spacing', () => {
    const raw = '乙地域 7 万円 9 万円 指定都市、甲地域、丙地域以外の地域 （主な都市） ウェリントン、クアラルンプール、サンクトペテルブルク、シドニー、ジャカルタ、ソウル、ソフィア、タシケント、バンコク、プラハ、ブダペスト、マニラ、メルボルン、ヤンゴン';
    const en = factEnglish({ topic: 'stipend', key: 'stipend', what: '奨学金月額 乙地域 (授業料減免適用者)', value: 90000, unit: 'JPY/month', region: '乙地域', condition: '授業料減免適用者', raw });
    expect(en).toMatchObject({ region: 'Class B', condition: 'with a tuition waiver' });
    expect(en?.areas).toMatch(/^Everywhere not in the designated cities, Class A or Class C\. Main cities: Wellington, .* Yangon$/);
    // the areas of another text get no English: the table's translation is of that text only
    expect(factEnglish({ topic: 'stipend', key: 'stipend', what: 'x', value: 1, region: '乙地域', raw: '乙地域 7 万円 9 万円 どこか' })?.areas).toBeUndefined();
  });
});
