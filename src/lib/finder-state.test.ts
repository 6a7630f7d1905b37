import { describe, it, expect } from 'vitest';
import { parseFinderState, writeFinderState } from './finder-state.ts';

describe('parseFinderState: addresses that forgive, and say so', () => {
  // What the finder's form offers (a few of its options) and some course numbers of the call.
  const vocab = { country: ['TH', 'GB', 'DE'], region: ['europe', 'southeast-asia'], lang: ['en', 'de', 'zh'], list: ['70707016', '10113003'] };
  const cases: [string, string, { key: string; value: string; why: string }[]][] = [
    // address → the address it is read as (canonical) → what is named
    ['?country=th&lang=EN&region=Europe', '?country=TH&region=europe&lang=en', []],
    ['?level=Undergraduate&gpa=3&ielts=6&de=b2', '?level=undergraduate&gpa=3&ielts=6&de=B2', []],
    ['?gpa=abc&ielts=6.3&toefl=130', '', [{ key: 'gpa', value: 'abc', why: 'malformed' }, { key: 'ielts', value: '6.3', why: 'malformed' }, { key: 'toefl', value: '130', why: 'malformed' }]],
    ['?gpa=3.5&gpaScale=3', '', [{ key: 'gpa', value: '3.5', why: 'malformed' }]],
    ['?level=phd&fr=Z9', '', [{ key: 'level', value: 'phd', why: 'unknown' }, { key: 'fr', value: 'Z9', why: 'unknown' }]],
    ['?country=zz&type=Regular&places=0&rerec=yes', '?type=regular', [{ key: 'country', value: 'zz', why: 'unknown' }, { key: 'places', value: '0', why: 'malformed' }, { key: 'rerec', value: 'yes', why: 'malformed' }]],
    ['?status=Eligible,maybe&sort=IELTS', '?status=eligible&sort=ielts', [{ key: 'status', value: 'maybe', why: 'unknown' }]],
    ['?list=70707016,99999999,abc,70707016', '?list=70707016', [{ key: 'list', value: '99999999', why: 'unknown' }, { key: 'list', value: 'abc', why: 'malformed' }]],
    ['?hsk=4&utm_source=x', '?hsk=4', []],
    // the destination class and the new sorts; the default sort (match) is left out
    ['?class=A&sort=Stipend', '?class=a&sort=stipend', []],
    ['?class=z&sort=match', '', [{ key: 'class', value: 'z', why: 'unknown' }]],
    ['?sort=deadline&sort=course', '?sort=deadline', []],
  ];
  for (const [qs, canonical, problems] of cases) {
    it(`${qs} is read as "${canonical}"${problems.length ? `, naming ${problems.map((p) => `${p.key}=${p.value}`).join(', ')}` : ''}`, () => {
      const r = parseFinderState(qs, vocab);
      expect(writeFinderState(r.state)).toBe(canonical);
      expect(r.problems).toEqual(problems);
    });
  }
  it('keeps at most four in the shortlist and names a fifth as more than can be compared', () => {
    const r = parseFinderState('?list=10108003,70704001,10122006-2,10113002,10107001,70704001');
    expect(writeFinderState(r.state)).toBe('?list=10108003,70704001,10122006-2,10113002');
    expect(r.problems).toEqual([{ key: 'list', value: '10107001', why: 'excess' }]);
  });
});
