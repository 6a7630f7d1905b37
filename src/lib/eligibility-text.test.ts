/**
 * The words of a `conditional` verdict, both languages: the condition as one sentence, from the
 * section minimums of the call's rows (tmu-2024-autumn).
 */
import { describe, it, expect } from 'vitest';
import { conditionText, reasonText, sectionsText, STATUS_LABEL } from './eligibility-text.ts';

describe('conditionText', () => {
  it.each([
    // [what, condition, en, ja]
    ['TMU’s every section 4.5 (L92)', { test: 'ielts', sections: { all: 4.5 }, line: 92 }, 'Eligible if every IELTS section is 4.5 or more', 'IELTS の各セクション 4.5 以上なら応募資格があります'],
    ['a partner’s “no subtest below 5.5” (L545)', { test: 'ielts', sections: { all: 5.5 }, line: 545 }, 'Eligible if every IELTS section is 5.5 or more', 'IELTS の各セクション 5.5 以上なら応募資格があります'],
    ['L5.5, R5.5, S5.5, W6.0 (L538)', { test: 'ielts', sections: { listening: 5.5, reading: 5.5, writing: 6, speaking: 5.5 }, line: 538 },
      'Eligible if your IELTS sections reach listening 5.5, reading 5.5, writing 6.0, speaking 5.5', 'IELTS のリスニング 5.5・リーディング 5.5・ライティング 6.0・スピーキング 5.5 以上なら応募資格があります'],
    ['writing only, the rest settled by the lowest section (L538)', { test: 'ielts', sections: { writing: 6 }, line: 538 }, 'Eligible if your IELTS writing score is 6.0 or more', 'IELTS のライティング 6.0 以上なら応募資格があります'],
    ['TOEFL iBT every section 14 (L92)', { test: 'toefl', sections: { all: 14 }, line: 92 }, 'Eligible if every TOEFL iBT section is 14 or more', 'TOEFL iBT の各セクション 14 以上なら応募資格があります'],
  ] as const)('%s', (_what, c, en, ja) => {
    expect(conditionText('en', c)).toBe(en);
    expect(conditionText('ja', c)).toBe(ja);
  });
  it('a minimum for every section with named ones above it names the rest too', () => {
    expect(sectionsText('en', 'ielts', { all: 5.5, writing: 6 })).toBe('writing 6.0, others 5.5 or more');
  });
});

describe('words for the new states and reasons', () => {
  it('labels conditional in both languages', () => {
    expect(STATUS_LABEL.en.conditional).toBe('Eligible if…');
    expect(STATUS_LABEL.ja.conditional).toBe('条件つきで応募資格あり');
  });
  it('says why a level with a lost mark is read as open, and what the cases came to', () => {
    expect(reasonText('en', { code: 'level-mark-lost', level: 'undergraduate' })).toMatch(/unreadable in the PDF.*read as open/);
    expect(reasonText('en', { code: 'cases-short', test: 'ielts', needs: [6.5, 6.5, 8, 9], have: 6 })).toBe('Below every case the requirement gives (6.5, 6.5, 8.0, 9.0); you have 6.0');
    expect(reasonText('ja', { code: 'noted', text: 'IELTS level 6.00 with no element below 5.5' })).toBe('要件欄は「なし」ですが、備考に記載があります:「IELTS level 6.00 with no element below 5.5」');
    expect(reasonText('en', { code: 'section-unclear', test: 'ielts', low: 5.5, high: 6, have: 5.5 })).toBe('Sections need 5.5–6.0 each; your lowest, 5.5, settles those that ask 5.5 or less');
  });
});
