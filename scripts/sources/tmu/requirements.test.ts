/**
 * One test per requirement format met in tmu-2024-autumn's annex, each with the course number and
 * line it comes from. The texts are the cells as the parser composes them for the programme.
 */
import { describe, it, expect } from 'vitest';
import { notedRequirements, parseGpa, parseOther, parseRequirement, parseScore, parseSections, splitLevels, oneSkillRetake, cellText } from './requirements.ts';

const UG = { undergraduate: true, graduate: false };
const BOTH = { undergraduate: true, graduate: true };
const req = (raw: string, test: 'gpa' | 'ielts' | 'toefl' | 'other', eligible = UG) => parseRequirement(raw, test, eligible).requirement;

describe('GPA formats', () => {
  it('"3.0/4.0" is min 3 on a scale of 4', () => {
    // line 463, 10108003: 学部 3.0/4.0 (graduates ×)
    expect(req('学部 3.0/4.0', 'gpa')).toMatchObject({ format: 'min', min: 3, scale: 4 });
  });
  it('a bare number is a min without a scale', () => {
    // line 526, 50502004: 学部 2
    expect(req('学部 2', 'gpa')).toMatchObject({ format: 'min', min: 2 });
    expect(req('学部 2', 'gpa').scale).toBeUndefined();
  });
  it('"GPA3.0/4.3 or 75% average" keeps the equivalent in the raw text', () => {
    // line 511, 10122006-2
    expect(req('GPA3.0/4.3 or 75% average', 'gpa')).toEqual({ raw: 'GPA3.0/4.3 or 75% average', format: 'min', min: 3, scale: 4.3 });
  });
  it('"2.5 (scale of 4)" and "2.0 on a 4.0 GPA scale"', () => {
    // line 517, 50501004-1; line 525, 50502003
    expect(parseGpa('2.5 (scale of 4)')).toEqual({ format: 'min', min: 2.5, scale: 4 });
    expect(parseGpa('2.0 on a 4.0 GPA scale')).toEqual({ format: 'min', min: 2, scale: 4 });
  });
  it('"A minimum GPA of 2.5 on a 4.0 scale (GPA by US standard) or grades equivalent to a B average", repeated for both levels', () => {
    // line 470, 10113001: the cell holds the sentence twice (undergraduate and graduate)
    const s = 'A minimum GPA of 2.5 on a 4.0 scale (GPA by US standard) or grades equivalent to a B average';
    const r = req(`${s} ${s}`, 'gpa', BOTH);
    expect(r).toMatchObject({ format: 'min', min: 2.5, scale: 4 });
    expect(r.byLevel?.graduate).toMatchObject({ min: 2.5, scale: 4 });
  });
  it('a range is a range, not a minimum', () => {
    // line 460, 10107001
    const r = req('学部 2.5-3.0 (of 4.0 scale) depending on each program', 'gpa');
    expect(r).toMatchObject({ format: 'range', range: { from: 2.5, to: 3 }, scale: 4 });
    expect(r.min).toBeUndefined();
  });
  it('"Recommended(1.5/4.0)" is a recommendation', () => {
    // line 472, 10113003
    const r = req('Recommended(1.5/4.0) Recommended(1.5/4.0)', 'gpa', BOTH);
    expect(r).toMatchObject({ format: 'recommended', recommended: 1.5, scale: 4 });
    expect(r.min).toBeUndefined();
  });
  it('"No GPA requirement." and "N/A N/A" are none', () => {
    // line 515, 10122011-2; line 471, 10113002
    expect(req('No GPA requirement.', 'gpa').format).toBe('none');
    expect(req('N/A N/A', 'gpa', BOTH).format).toBe('none');
  });
  it('level labels with no value are not-stated', () => {
    // line 564, 70712001-2: the grade cell reads "学部 大学院"; lines 496–497: "学部" and "大学院"
    expect(req('学部 大学院', 'gpa', BOTH)).toEqual({ raw: '学部 大学院', format: 'not-stated' });
  });
  it('a level given twice, first without a value, is a problem, not a crash', () => {
    // synthetic: line 511 with its course number and eligibility cells swapped composes "学部 学部 6"
    const r = parseRequirement('学部 学部 6', 'ielts', UG);
    expect(r.requirement).toEqual({ raw: '学部 学部 6', format: 'not-stated' });
    expect(r.problems).toEqual(['undergraduate is given twice with different values ("", "6"); the first is kept']);
  });
  it('a value for one level when both are eligible stays per level', () => {
    // line 461, 10108001: 学部 3, graduates eligible too
    const r = req('学部 3', 'gpa', BOTH);
    expect(r.format).toBe('per-level');
    expect(r.min).toBeUndefined();
    expect(r.byLevel?.undergraduate).toMatchObject({ min: 3 });
  });
});

describe('IELTS formats', () => {
  it('bare scores', () => {
    // line 463, 10108003: 学部 6; line 479, 10116011: 学部 6.5 大学院 - (graduates ×)
    expect(req('学部 6', 'ielts')).toMatchObject({ format: 'min', min: 6 });
    expect(req('学部 6.5 大学院 -', 'ielts')).toMatchObject({ format: 'min', min: 6.5 });
  });
  it('per-level values that differ: no single minimum', () => {
    // lines 498–499, 10116015-3: 5.5 on the 学部 row, 6 on the 大学院 row
    const r = req('学部 5.5 大学院 6', 'ielts', BOTH);
    expect(r.format).toBe('per-level');
    expect(r.min).toBeUndefined();
    expect(r.byLevel).toEqual({ undergraduate: { raw: '5.5', format: 'min', min: 5.5 }, graduate: { raw: '6', format: 'min', min: 6 } });
  });
  it('"6.0 (L5.5, R5.5, S5.5, W6.0)" has section minimums', () => {
    // line 538, 70707012-1
    expect(req('学部 6.0 (L5.5, R5.5, S5.5, W6.0) 大学院 -', 'ielts')).toMatchObject({
      format: 'min', min: 6, sections: { listening: 5.5, reading: 5.5, speaking: 5.5, writing: 6 },
    });
  });
  it('"IELTS 5.5 (no subtest below 5.5)" and "6.0 (Subscore 5.5) B2 CEFR"', () => {
    // line 545, 70707014; line 547, 70707017
    expect(parseScore('IELTS 5.5 (no subtest below 5.5)', 'ielts')).toEqual({ format: 'min', min: 5.5, sections: { all: 5.5 } });
    expect(parseScore('6.0 (Subscore 5.5) B2 CEFR', 'ielts')).toEqual({ format: 'min', min: 6, sections: { all: 5.5 }, cefr: 'B2' });
  });
  it('"we ask for 6.5 overall with a minimum of 6 in each component score; …"', () => {
    // line 546, 70707016
    expect(parseScore('IELTS we ask for 6.5 overall with a minimum of 6 in each component score; all taken in one test no more than two years before the start of the programme', 'ielts'))
      .toEqual({ format: 'min', min: 6.5, sections: { all: 6 } });
  });
  it('"CEFR B2(IELTS 5.5)": the score and the CEFR level', () => {
    // line 516, 20202002
    expect(parseScore('CEFR B2(IELTS 5.5)', 'ielts')).toEqual({ format: 'min', min: 5.5, cefr: 'B2' });
  });
  it('a CEFR level alone', () => {
    // line 530, 70704001: 学部 B2; line 567, 70713003: B2 B2
    expect(req('学部 B2', 'ielts')).toMatchObject({ format: 'cefr', cefr: 'B2' });
    expect(req('B2 B2', 'ielts', BOTH)).toMatchObject({ format: 'cefr', cefr: 'B2' });
  });
  it('recommendations give no minimum', () => {
    // line 518, 50501007; line 478, 10113007; line 472, 10113003
    expect(parseScore('Recommendation of IELTS: Overall Band score of 6.5, with no band less than 6.0', 'ielts'))
      .toEqual({ format: 'recommended', recommended: 6.5, sections: { all: 6 } });
    expect(parseScore('Recommend CEFR level B1', 'ielts')).toEqual({ format: 'recommended', cefr: 'B1' });
    const r = req('学部 N/A 大学院 Recommended(5.5)', 'ielts', BOTH);
    expect(r.format).toBe('per-level');
    expect(r.byLevel?.graduate).toMatchObject({ format: 'recommended', recommended: 5.5 });
  });
  it('conditions on faculty, subject or module: no single number; the cases only where every case gives one', () => {
    // line 539, 70707013: 79 is no IELTS score, so the IELTS cell gives no cases
    expect(parseScore('For non final year module: 79(R18, W17, L17, S20) For final year module: 6.5(subscore 5.5)', 'ielts')).toEqual({ format: 'conditional' });
    // line 460, 10107001: no number at all
    expect(parseScore('Depends on the faculty', 'ielts')).toEqual({ format: 'conditional' });
  });
  it.each([
    // [course, line, test, text, cases (none | min[/section]), all-cases clause]
    ['10108002', 462, 'ielts', 'No requirement, but if you study in Faculty of Business & Economics, Faculty of Law:6.0', ['none', '6'], undefined],
    ['10108002', 462, 'toefl', 'No requirement, but if you study in Faculty of Business & Economics, Faculty of Law:80', ['none', '80'], undefined],
    ['70707013', 539, 'toefl', 'For non final year module: 79(R18, W17, L17, S20) For final year module: 89(R18, W17, L17, S20) For non final year module: 79(R18, W17, L17, S20) For final year module: 89(R18, W17, L17, S20)', ['79', '89'], undefined],
    ['70707009', 537, 'ielts', 'To study Geography: 6.5 overall & 6.0 in each skill. To study Law: 6.5 overall & 6.0 in writing & 5.5 in speaking, listening, and reading. To study Chemistry, Computer Science, Engineering, Geology, Mathematics, Physics, or English language: 8.0. To study all other subjects: 9.0. In all cases, the minimum skill scores are: listening 17, reading 18, speaking 20, and writing 17. To study Geography: 6.5 overall & 6.0 in each skill.', ['6.5/6', '6.5+', '8', '9'], 'In all cases, the minimum skill scores are: listening 17, reading 18, speaking 20, and writing 17'],
  ] as const)('%s (line %i) %s: cases read out of conditional prose', (_course, _line, test, text, cases, allCases) => {
    const v = parseScore(text, test);
    expect(v.format).toBe('conditional');
    // "6.5/6": min 6.5 with every section 6; "6.5+": min 6.5 with more conditions left unread
    expect(v.branches?.map((b) => (b.none ? 'none' : `${b.min}${b.sections?.all !== undefined ? `/${b.sections.all}` : ''}${b.unread ? '+' : ''}`))).toEqual(cases);
    expect(v.allCases).toBe(allCases);
  });
  it('each case keeps the words that say when it applies', () => {
    // line 537, 70707009
    const v = parseScore('To study Geography: 6.5 overall & 6.0 in each skill. To study all other subjects: 9.0.', 'ielts');
    expect(v.branches?.map((b) => b.when)).toEqual(['To study Geography', 'To study all other subjects']);
  });
  it('a sentence with no score is text', () => {
    // line 470, 10113001
    expect(parseScore('Applicants should have good command of either Korean or English.', 'ielts')).toEqual({ format: 'text' });
  });
  it('IELTS One Skill Retake is read wherever the programme says it', () => {
    // line 519 (50501007): "IELTS One Skill Retake: Acceptable"; line 525 (50502003): ":Non-acceptable"; line 539: "Non- Acceptable"
    expect(oneSkillRetake('IELTS One Skill Retake: Acceptable')).toBe(true);
    expect(oneSkillRetake('IELTS One Skill Retake:Non-acceptable')).toBe(false);
    expect(oneSkillRetake('IELTS One Skill Retake: Non- Acceptable')).toBe(false);
    expect(oneSkillRetake('We do accept the IELTS One Skill Retake')).toBeUndefined();
  });
});

describe('TOEFL iBT formats', () => {
  it('bare scores and unlabelled pairs', () => {
    // line 463, 10108003: 79; line 564, 70712001-2: 72 72; line 569, 70723001: 65 -
    expect(req('79', 'toefl')).toMatchObject({ format: 'min', min: 79 });
    expect(req('72 72', 'toefl', BOTH)).toMatchObject({ format: 'min', min: 72 });
    const r = req('65 -', 'toefl', BOTH);
    expect(r.format).toBe('per-level');
    expect(r.byLevel).toEqual({ undergraduate: { raw: '65', format: 'min', min: 65 }, graduate: { raw: '-', format: 'none', none: true } });
  });
  it('scores with sections in several spellings', () => {
    // line 517, 50501004-1; line 545, 70707014; line 547, 70707017; line 536, 70707007-1
    expect(parseScore('83 R20, W20', 'toefl')).toEqual({ format: 'min', min: 83, sections: { reading: 20, writing: 20 } });
    expect(parseScore('minimum 72 L17,R18,S20,W17', 'toefl')).toEqual({ format: 'min', min: 72, sections: { listening: 17, reading: 18, speaking: 20, writing: 17 } });
    expect(parseScore('80 (W 17, L 17, R 18, S 20)', 'toefl')).toEqual({ format: 'min', min: 80, sections: { writing: 17, listening: 17, reading: 18, speaking: 20 } });
    expect(parseScore('75 overall (L:17, R:19, S:20, W:18) Please Check our website. https://www.bangor.ac.uk/international/future/englishlanguage', 'toefl'))
      .toEqual({ format: 'min', min: 75, sections: { listening: 17, reading: 19, speaking: 20, writing: 18 } });
  });
  it('"TOEFL we ask for 92 overall (24 Writing, …)": the years in the sentence are not scores', () => {
    // line 546, 70707016
    expect(parseScore('TOEFL we ask for 92 overall (24 Writing, 23 Reading, 22 Speaking, 21 Listening). We can accept both the main TOEFL and the iBT Special Home Edition. For 2023 entry we would accept a date taken before 1 June 2021.', 'toefl'))
      .toEqual({ format: 'min', min: 92, sections: { writing: 24, reading: 23, speaking: 22, listening: 21 } });
  });
  it('a separate Home Edition minimum', () => {
    // line 538, 70707012-1
    expect(parseScore('78(Special Home Edition 86)L17, R18, S20, W21', 'toefl'))
      .toEqual({ format: 'min', min: 78, sections: { listening: 17, reading: 18, speaking: 20, writing: 21 }, homeEditionMin: 86 });
  });
  it('"CEFR B2 TOEFL iBT72"', () => {
    // line 516, 20202002
    expect(parseScore('CEFR B2 TOEFL iBT72', 'toefl')).toEqual({ format: 'min', min: 72, cefr: 'B2' });
  });
  it('recommendations', () => {
    // line 518, 50501007; line 472, 10113003
    expect(parseScore('Recommendation of TOEFL: Internet Based: Overall 83; Reading, Writing, Listening, and Speaking: 20', 'toefl'))
      .toEqual({ format: 'recommended', recommended: 83, sections: { all: 20 } });
    expect(req('N/A Recommended(80)', 'toefl', BOTH).byLevel?.graduate).toMatchObject({ format: 'recommended', recommended: 80 });
  });
  it('"No language proficiency requirement." is none', () => {
    // line 515, 10122011-2
    expect(parseScore('No language proficiency requirement.', 'toefl')).toEqual({ format: 'none' });
  });
});

describe('other-language formats', () => {
  it('a test level', () => {
    // line 500, 10116016-1; line 481, 10116012-2; line 482, 10116014-1
    expect(parseOther('HSK level 5')).toEqual({ format: 'level', tests: [{ test: 'HSK', level: 5 }] });
    expect(parseOther('HSK grade 3 (or Chinese proficiency has the equivalent level)')).toEqual({ format: 'level', tests: [{ test: 'HSK', level: 3 }] });
    expect(parseOther('HSK4 (Score 180)')).toEqual({ format: 'level', tests: [{ test: 'HSK', level: 4, score: 180 }] });
  });
  it('several levels for several kinds of students are conditional', () => {
    // line 490, 10116015-1
    expect(parseOther('(1) HSK Band 4 with scores above 180 For Science and/or Engineering students; (2) HSK Band 5 with scores above 180 For Liberal Arts').format).toBe('conditional');
  });
  it('CEFR levels, with a language or recommended', () => {
    // line 556, 70711008-1; line 549, 70711006-1; line 567, 70713003; line 570, 70715005
    expect(parseOther('B2')).toEqual({ format: 'cefr', cefr: 'B2' });
    expect(parseOther('German: B2')).toEqual({ format: 'cefr', cefr: 'B2', tests: [{ test: 'CEFR', cefr: 'B2', language: 'German' }] });
    expect(parseOther('B1 level of Spanish is recommended')).toEqual({ format: 'recommended', cefr: 'B1', tests: [{ test: 'CEFR', cefr: 'B1', language: 'Spanish' }] });
    expect(parseOther('B1 is recommended')).toEqual({ format: 'recommended', cefr: 'B1' });
  });
  it('"B2(B1)" names two levels: conditional', () => {
    // line 565, 70712004-1: B2, or B1 as examined by TMU's faculty
    expect(req('B2(B1) B2(B1)', 'other', BOTH).format).toBe('conditional');
  });
  it('an unknown test name is text, with a problem', () => {
    // line 480, 10116012-1: "HK level 5"
    const r = parseRequirement('HK level 5', 'other', BOTH);
    expect(r.requirement).toEqual({ raw: 'HK level 5', format: 'text' });
    expect(r.problems[0]).toMatch(/"HK" is not a language test/);
  });
});

describe('level segments', () => {
  it('splitLevels reads labels, pairs and repeats', () => {
    expect(splitLevels('学部 6 大学院 6')).toEqual([{ level: 'undergraduate', text: '6' }, { level: 'graduate', text: '6' }]);
    expect(splitLevels('5.5 5.5')).toEqual([{ level: 'undergraduate', text: '5.5' }, { level: 'graduate', text: '5.5' }]);
    expect(splitLevels('学部 大学院 5.5 5.5')).toEqual([{ level: 'undergraduate', text: '5.5' }, { level: 'graduate', text: '5.5' }]);
    expect(splitLevels('83 R20, W20')).toEqual([{ text: '83 R20, W20' }]);
  });
  it('a level given twice with different values keeps the first, with a problem', () => {
    const r = parseRequirement('学部 2.5 学部 3.0', 'gpa', UG);
    expect(r.requirement.byLevel?.undergraduate?.min).toBe(2.5);
    expect(r.problems).toHaveLength(1);
  });
  it('parseSections reads every spelling the annex uses', () => {
    expect(parseSections('(no band below 6.0)')).toEqual({ all: 6 });
    expect(parseSections('Reading, Writing, Listening, and Speaking: 20')).toEqual({ all: 20 });
    expect(parseSections('(L:17, R:19, S:20, W:18)')).toEqual({ listening: 17, reading: 19, speaking: 20, writing: 18 });
  });
  it('cellText keeps TMU\'s "<<…>>" notes and autolinks, strips tags', () => {
    expect(cellText('<p>HSK4 (Score 180)</p>')).toBe('HSK4 (Score 180)');
    expect(cellText('<<Only available for X>> - Y')).toBe('<<Only available for X>> - Y');
    expect(cellText('see <https://kibaco.tmu.ac.jp/portal>')).toBe('see https://kibaco.tmu.ac.jp/portal');
  });
});

describe('requirements stated in the notes (notedRequirements)', () => {
  it.each([
    // [course, line, notes as written (excerpt), expected]
    ['70707007-1', 536, 'Students will be reminded to attend … You provide recent certificate of English proficiency of IELTS level 6.00 with no element below 5.5 (or equivalent) for UKVI to apply for a Study Visa',
      { ielts: { format: 'min', min: 6, sections: { all: 5.5 }, raw: 'IELTS level 6.00 with no element below 5.5' } }],
    ['70723001', 569, 'You must have B1 level at least for Bachelor students',
      { ielts: { format: 'cefr', cefr: 'B1', level: 'undergraduate', raw: 'must have B1 level at least for Bachelor students' }, toefl: { format: 'cefr', cefr: 'B1', level: 'undergraduate', raw: 'must have B1 level at least for Bachelor students' } }],
    ['70702001', 528, 'No certificate required. You must have B1 level. B2 is recommended IELTS One Skill Retake: Acceptable',
      { ielts: { format: 'cefr', cefr: 'B1', raw: 'must have B1 level' }, toefl: { format: 'cefr', cefr: 'B1', raw: 'must have B1 level' } }],
    ['10122006-1', 505, 'Please note …\nChinese Proficiency requirements for specific departments: Department of History : TOCFL Level 4 or New HSK 6',
      { other: { format: 'conditional', raw: 'Chinese Proficiency requirements for specific departments: Department of History : TOCFL Level 4 or New HSK 6' } }],
    // a recommendation is not a requirement: 70715005 (line 570), 70711006-2 (line 555)
    ['70715005', 570, 'We recommend to have an Italian level B1 for the courses held in Italian, English level B2 for the courses held in English', {}],
    ['70711006-2', 555, 'In general, we recommend all international students to have at least a B2 level language proficiency in English or German', {}],
    // wordings the call does not use, which must not be read as an English requirement
    ['(none)', 0, 'Recommendation: IELTS score of 6.5 with no band below 6.0.', {}],
    ['(none)', 0, 'You must have B2 level in German for courses taught in German.', {}],
    ['(none)', 0, 'English proficiency requirements for specific departments: see the website.', {}],
    ['(none)', 0, "You must have B1 level at least for Bachelor's students", { ielts: { format: 'cefr', cefr: 'B1', level: 'undergraduate', raw: "must have B1 level at least for Bachelor's students" }, toefl: { format: 'cefr', cefr: 'B1', level: 'undergraduate', raw: "must have B1 level at least for Bachelor's students" } }],
  ] as const)('%s (line %i)', (_course, _line, notes, expected) => {
    expect(notedRequirements(notes)).toEqual(expected);
  });
});
