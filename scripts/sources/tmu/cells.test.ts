/** The requirement cells of a row, placed by content: the damage kinds of tmu-2024-autumn's annex. */
import { describe, it, expect } from 'vitest';
import { assignZone, classify, endsRequirements, splitLabelled } from './cells.ts';

const zone = (...texts: string[]) => texts.map((text, i) => ({ col: 8 + i, text }));
const slots = (a: ReturnType<typeof assignZone>) => Object.fromEntries(Object.entries(a.slots).map(([k, v]) => [k, v!.text]));

describe('classify', () => {
  it('reads a cell by what it says', () => {
    expect(classify('学部 2.75/4.0 大学院 2.75/4.0')).toBe('gpa'); // line 469
    expect(classify('学部 6 大学院 6')).toBe('ielts'); // line 469
    expect(classify('79')).toBe('toefl'); // line 469
    expect(classify('N/A Recommended(80)')).toBe('toefl'); // line 472
    expect(classify('CEFR B2(IELTS 5.5)')).toBe('ielts'); // line 516
    expect(classify('CEFR B2 TOEFL iBT72')).toBe('toefl'); // line 516
    expect(classify('<p>HSK4 (Score 180)</p> <p>HSK4 (Score 180)</p>')).toBe('other'); // line 482
    expect(classify('学部 German: B2 大学院 German: B2')).toBe('other'); // line 549
    expect(classify('B2 B2')).toBe('cefr'); // line 567
    expect(classify('学部 - 大学院 -')).toBe('none');
    expect(classify('学部 大学院')).toBe('blank');
    expect(classify('Duolingo:100 IELTS One Skill Retake:Acceptable')).toBe('prose'); // line 526
    expect(classify('Other English certificate: A TOEFL® Test, min 550 (paper-based)')).toBe('prose-tests'); // line 469
  });
  it('a cell with a URL ends the requirements unless it starts with a score', () => {
    expect(endsRequirements('https://www.utm.my/international/')).toBe(true);
    expect(endsRequirements('75 overall (L:17, R:19, S:20, W:18) Please Check our website. https://www.bangor.ac.uk/')).toBe(false); // line 536
  });
  it('splits cells that carry their own column labels', () => {
    // line 488
    expect(splitLabelled('IELTS - TOEFL iBT -')).toEqual([{ slot: 'ielts', text: '-' }, { slot: 'toefl', text: '-' }]);
    expect(splitLabelled('英語以外の言語 - 語学要件に関する注意事項等 Programs in Chinese: 1) Chinese Language')).toEqual([
      { slot: 'other', text: '-' }, { slot: 'langNotes', text: 'Programs in Chinese: 1) Chinese Language' },
    ]);
  });
});

describe('assignZone', () => {
  it('cells in column order', () => {
    // line 469 (10110004)
    const a = assignZone(zone('学部 2.75/4.0 大学院 2.75/4.0', '学部 6 大学院 6', '79', '-', 'Other English certificate: A TOEFL® Test, min 550'), false);
    expect(slots(a)).toEqual({ gpa: '学部 2.75/4.0 大学院 2.75/4.0', ielts: '学部 6 大学院 6', toefl: '79', other: '-', langNotes: 'Other English certificate: A TOEFL® Test, min 550' });
  });
  it('empty cells collapsed: the TOEFL score moved into the IELTS column', () => {
    // line 463 (10108003): the grade cell repeated, no other-language cell
    const a = assignZone(zone('学部 3.0/4.0', '学部 3.0/4.0', '学部 6', '79'), false);
    expect(slots(a)).toEqual({ gpa: '学部 3.0/4.0', ielts: '学部 6', toefl: '79' });
    expect(a.repeats).toHaveLength(1);
  });
  it('the IELTS text in the grade column and the GPA after it', () => {
    // line 518 (50501007)
    const a = assignZone(zone('Recommendation of IELTS: Overall Band score of 6.5, with no band less than 6.0', '学部 2.5', 'Recommendation of TOEFL: Overall 83', 'Recommendation of TOEFL: Overall 83'), false);
    expect(slots(a)).toMatchObject({ gpa: '学部 2.5', toefl: 'Recommendation of TOEFL: Overall 83' });
    expect(a.slots.ielts?.text).toMatch(/^Recommendation of IELTS/);
    expect(a.outOfOrder).toHaveLength(1);
  });
  it('labels in cells of their own are merged with their values when the row splits its labels', () => {
    // line 525 (50502003): 学部 | 2.0 on a 4.0 GPA scale | 学部 | 5.5 | 61 | - | IELTS One Skill Retake:Non-acceptable
    const a = assignZone(zone('学部', '2.0 on a 4.0 GPA scale', '学部', '5.5', '61', '-', 'IELTS One Skill Retake:Non-acceptable'), true);
    expect(slots(a)).toEqual({ gpa: '学部 2.0 on a 4.0 GPA scale', ielts: '学部 5.5', toefl: '61', other: '-', langNotes: 'IELTS One Skill Retake:Non-acceptable' });
  });
  it('a level label with no value holds the grade column of its row', () => {
    // line 498 (10116015-3): 学部 | 5.5 | 68 | -
    const a = assignZone(zone('学部', '5.5', '68', '-'), false);
    expect(slots(a)).toEqual({ gpa: '学部', ielts: '5.5', toefl: '68', other: '-' });
  });
  it('a leftover "-" between the grade and the IELTS cell goes to the second grade column', () => {
    // line 516 (20202002): N/A | 学部 - | CEFR B2(IELTS 5.5) | CEFR B2 TOEFL iBT72
    const a = assignZone(zone('N/A', '学部 -', 'CEFR B2(IELTS 5.5)', 'CEFR B2 TOEFL iBT72'), false);
    expect(slots(a)).toEqual({ gpa: 'N/A', gpa2: '学部 -', ielts: 'CEFR B2(IELTS 5.5)', toefl: 'CEFR B2 TOEFL iBT72' });
  });
  it('a sentence naming English tests never becomes the other-language requirement', () => {
    // line 505 (10122006-1, the 大学院 row): 大学院 | - | - | - | Chinese Proficiency … TOEFL iBT 71 or (2) IELTS 5.5 …
    const a = assignZone(zone('大学院', '-', '-', '-', 'Chinese Proficiency requirements for specific departments: Department of History : TOCFL Level 4 or New HSK 6 … (1) TOEFL iBT 71 or (2) IELTS 5.5 or (3) TOEIC 750'), false);
    expect(a.slots.other?.text).toBe('-');
    expect(a.slots.langNotes?.text).toMatch(/^Chinese Proficiency/);
  });
});

describe('joinBrokenUrls', () => {
  it('joins a URL broken after a hyphen, and nothing else', async () => {
    const { joinBrokenUrls } = await import('./annex.ts');
    // line 517
    expect(joinBrokenUrls('https://www.mun.ca/regoff/visiting-students- inbound/')).toBe('https://www.mun.ca/regoff/visiting-students-inbound/');
    // line 527: "…termselectio?n7mode=se arch" is left alone (no hyphen: the break cannot be told from a space)
    expect(joinBrokenUrls('https://x.edu/a?mode=se arch')).toBe('https://x.edu/a?mode=se arch');
    expect(joinBrokenUrls('see https://x.edu/a- and more')).toBe('see https://x.edu/a- and more');
  });
});
