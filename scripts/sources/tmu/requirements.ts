/**
 * Requirement cells of TMU's annex table (GPA, IELTS, TOEFL iBT, other languages) → numbers where
 * the text gives ONE clear minimum, always with the raw text. Every format this reads is listed
 * below with the course number and line where the 2024 autumn call (tmu-2024-autumn) shows it;
 * anything else keeps its raw text with format `text` (or `conditional` when it depends on a
 * faculty, module or subject). Nothing is invented from prose: a sentence with several numbers
 * for several cases gives no number.
 *
 * Level labels: a cell may give values per level ("学部 6.5 大学院 -"), as an unlabelled pair
 * ("5.5 5.5", undergraduate first, the order of the table's 学部/大学院 columns), or twice the
 * same text (the extraction repeats a cell that spans both levels).
 */
import type { Programme } from '../../schema/records.ts';
import { clean, stripHtml } from '../../lib/text.ts';

export type Requirement = Programme['requirements']['gpa'];
export type LevelRequirement = NonNullable<NonNullable<Requirement['byLevel']>['undergraduate']>;
export type Test = 'gpa' | 'ielts' | 'toefl' | 'other';
export type Level = 'undergraduate' | 'graduate';
export type Format = NonNullable<Requirement['format']>;
export interface Eligible { undergraduate: boolean; graduate: boolean }

/** One value read from one level's text. */
export interface Value {
  format: Format;
  min?: number;
  scale?: number;
  recommended?: number;
  range?: { from: number; to: number };
  sections?: NonNullable<Requirement['sections']>;
  cefr?: string;
  homeEditionMin?: number;
  tests?: NonNullable<Requirement['tests']>;
  branches?: NonNullable<Requirement['branches']>;
  allCases?: string;
  /** Why the text was not read as a number (unknown test name…), for a warning. */
  problem?: string;
}

export const LEVEL_LABEL = { 学部: 'undergraduate', 大学院: 'graduate' } as const;
const LABEL_RE = /(学部|大学院)/g;

/** "IELTS One Skill Retake: Acceptable" (and Non-acceptable), anywhere in a programme's cells. */
export const RETAKE_RE = /IELTS\s+One\s+Skill\s+Retake\s*:?\s*(Non-?\s*acceptable|Acceptable)/gi;

/** True/false when the text says whether IELTS One Skill Retake is accepted; undefined when silent. */
export function oneSkillRetake(text: string): boolean | undefined {
  let out: boolean | undefined;
  for (const m of text.matchAll(RETAKE_RE)) out = !/^non/i.test(m[1]!);
  return out;
}

/**
 * Text of a cell as read: HTML stripped, NFKC, whitespace collapsed. TMU's own notes are marked
 * "<<…>>" and links may be written "<https://…>": neither is a tag, so both are kept.
 */
export function cellText(s: string): string {
  const kept = s.replace(/<(https?:\/\/[^\s<>]+)>/g, '$1').replace(/<</g, '\u0001').replace(/>>/g, '\u0002');
  return clean(stripHtml(kept).replace(/\u0001/g, '<<').replace(/\u0002/g, '>>'));
}

/** The words that say "no requirement": -, N/A, ×, なし, "No GPA requirement.", "None required". */
const NONE_RE = /^(?:-+|―|N\/A|NA|n\/a|×|なし|none|none required\.?|no (?:gpa |language proficiency |language )?requirements?\.?)$/i;
export function isNoneWord(s: string): boolean {
  return NONE_RE.test(s.trim());
}

/** Words that make a requirement depend on a faculty, module, subject or programme. */
const CONDITIONAL_RE = /\bif you\b|\bto study\b|\bdepend|\bfor (?:non[- ]?)?final year\b|\bfor specific\b|\bfor science\b|\bfor liberal\b|\bfor journalism\b|\bfor the students who\b/i;

const CEFR_RE = /\b([ABC][12])\b/;
const NUM = '(\\d+(?:\\.\\d+)?)';

export interface Segment {
  level?: Level;
  text: string;
}

/**
 * Splits a cell into level segments: "学部 6 大学院 6" → [{undergraduate, "6"}, {graduate, "6"}];
 * "5.5 5.5" (unlabelled pair) and "X X" (a repeated text) → both levels; anything else → one
 * segment with no level. Text before the first label (rare) stays an unlabelled segment.
 */
export function splitLevels(text: string): Segment[] {
  const t = cellText(text);
  const marks = [...t.matchAll(LABEL_RE)];
  if (marks.length > 0) {
    const out: Segment[] = [];
    const head = t.slice(0, marks[0]!.index).trim();
    if (head) out.push({ text: head });
    marks.forEach((m, i) => {
      const end = i + 1 < marks.length ? marks[i + 1]!.index : t.length;
      out.push({ level: LEVEL_LABEL[m[1] as keyof typeof LEVEL_LABEL], text: t.slice(m.index! + m[1]!.length, end).trim() });
    });
    // "学部 大学院 5.5 5.5": labels first, values after: pair them in order.
    if (out.length === 2 && out[0]!.level && out[0]!.text === '' && out[1]!.level) {
      const pair = splitPair(out[1]!.text);
      if (pair) return [{ level: out[0]!.level, text: pair[0] }, { level: out[1]!.level, text: pair[1] }];
    }
    return out;
  }
  const dup = splitRepeat(t);
  if (dup !== undefined) return [{ level: 'undergraduate', text: dup }, { level: 'graduate', text: dup }];
  const pair = splitPair(t);
  if (pair) return [{ level: 'undergraduate', text: pair[0] }, { level: 'graduate', text: pair[1] }];
  return [{ text: t }];
}

/** "A minimum GPA … average A minimum GPA … average" → the repeated half; undefined otherwise. */
export function splitRepeat(t: string): string | undefined {
  const words = t.split(' ');
  if (words.length < 2 || words.length % 2 !== 0) return undefined;
  const half = words.length / 2;
  const a = words.slice(0, half).join(' ');
  return a === words.slice(half).join(' ') ? a : undefined;
}

/** A value short enough to stand as one half of an unlabelled pair: 5.5, 65, -, N/A, B2, Recommended(80). */
const SIMPLE = /^(?:-+|N\/A|\d+(?:\.\d+)?|[ABC][12](?:\([ABC][12]\))?|Recommended\(\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)?\))$/i;
function splitPair(t: string): [string, string] | undefined {
  const words = t.split(' ');
  return words.length === 2 && SIMPLE.test(words[0]!) && SIMPLE.test(words[1]!) ? [words[0]!, words[1]!] : undefined;
}

/** Section minimums: "L5.5, R5.5, S5.5, W6.0", "(W 17, L 17, R 18, S 20)", "no band below 6.0", "24 Writing". */
export function parseSections(s: string): Value['sections'] {
  const out: NonNullable<Value['sections']> = {};
  const all =
    /no (?:band|subtest|element|section|component)s? (?:score )?(?:below|less than|lower than)\s*(\d+(?:\.\d+)?)/i.exec(s) ??
    /minimum of (\d+(?:\.\d+)?) in each (?:component|skill|section|band)/i.exec(s) ??
    /subscores?\s*(\d+(?:\.\d+)?)/i.exec(s) ??
    /Reading, Writing, Listening,? and Speaking\s*:\s*(\d+(?:\.\d+)?)/i.exec(s) ??
    /(\d+(?:\.\d+)?) in each (?:component|skill|section)/i.exec(s);
  if (all) out.all = Number(all[1]);
  const names = { L: 'listening', R: 'reading', W: 'writing', S: 'speaking' } as const;
  for (const m of s.matchAll(/(?<![A-Za-z])([LRSW])\s*:?\s*(\d+(?:\.\d+)?)(?![\d.])/g)) out[names[m[1] as keyof typeof names]] = Number(m[2]);
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)\s+(Writing|Reading|Speaking|Listening)\b/gi)) {
    out[m[2]!.toLowerCase() as 'listening' | 'reading' | 'writing' | 'speaking'] = Number(m[1]);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Plausible minimums of each test: a number outside its range is not that test's score. */
const RANGE: Record<'gpa' | 'ielts' | 'toefl', [number, number]> = { gpa: [0, 5], ielts: [1, 9], toefl: [10, 120] };
const inRange = (test: 'gpa' | 'ielts' | 'toefl', n: number) => n >= RANGE[test][0] && n <= RANGE[test][1];

/** Numbers that could compete with the minimum (dates and years removed). */
function strayScores(rest: string, test: 'ielts' | 'toefl'): number[] {
  const t = rest
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b/gi, ' ')
    .replace(/\b(?:19|20)\d{2}\b/g, ' ');
  return [...t.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0])).filter((n) => inRange(test, n));
}

/**
 * One level's IELTS or TOEFL text → a value. Formats (tmu-2024-autumn):
 * - a bare score: "6" (10108003, line 463), "6.5" (10116011, line 479), "79" (10108003, line 463);
 * - a score with sections: "6.0 (L5.5, R5.5, S5.5, W6.0)" (70707012-1, line 538), "83 R20, W20"
 *   (50501004-1, line 517), "minimum 72 L17,R18,S20,W17" (70707014, line 545), "IELTS 5.5 (no subtest
 *   below 5.5)" (70707014, line 545), "6.0 (Subscore 5.5) B2 CEFR" (70707017, line 547);
 * - "N overall" in a sentence, the rest sections or words: "we ask for 6.5 overall with a minimum of 6
 *   in each component score; …" (70707016, line 546), "75 overall (L:17, R:19, S:20, W:18) Please
 *   Check our website. https://…" (70707007-1, line 536);
 * - a Home Edition minimum beside the score: "78(Special Home Edition 86)L17, R18, S20, W21"
 *   (70707012-1, line 538) → min 78, homeEditionMin 86;
 * - a CEFR level with the score: "CEFR B2(IELTS 5.5)", "CEFR B2 TOEFL iBT72" (20202002, line 516);
 * - a CEFR level only: "B2" (70704001, line 530) → format cefr;
 * - recommended: "Recommended(5.5)" (10113003, line 472), "Recommend CEFR level B1" (10113007,
 *   line 478), "Recommendation of IELTS: Overall Band score of 6.5, with no band less than 6.0"
 *   (50501007, line 518) → format recommended, no min;
 * - conditional: "No requirement, but if you study in Faculty of … Law:6.0" (10108002, line 462),
 *   "For non final year module: 79(…) For final year module: 89(…)" (70707013, line 539), "To study
 *   Geography: 6.5 overall …" (70707009, line 537), "Depends on the faculty" (10107001, line 460);
 * - none: "-", "N/A", "No language proficiency requirement." (10122011-2, line 515).
 */
export function parseScore(text: string, test: 'ielts' | 'toefl'): Value {
  let t = text.replace(RETAKE_RE, '').trim().replace(/[.;,]\s*$/, '').trim();
  if (t === '') return { format: 'not-stated' };
  if (isNoneWord(t)) return { format: 'none' };
  if (CONDITIONAL_RE.test(t)) return { format: 'conditional', ...conditionalCases(t, test) };
  const recommended = /recommend/i.test(t);
  t = t.replace(/^(?:recommendation of \w+\s*:|recommended|recommend)\s*/i, '');
  let cefr: string | undefined;
  const cefrM = /\bCEFR\s*(?:level\s*)?([ABC][12])\b|\b([ABC][12])\s*CEFR\b/i.exec(t);
  if (cefrM) {
    cefr = (cefrM[1] ?? cefrM[2])!.toUpperCase();
    t = (t.slice(0, cefrM.index) + t.slice(cefrM.index + cefrM[0].length)).trim();
  }
  if (t === '' && cefr) return recommended ? { format: 'recommended', cefr } : { format: 'cefr', cefr };
  if (/^[ABC][12]$/.test(t)) return recommended ? { format: 'recommended', cefr: t } : { format: 'cefr', cefr: t };
  let homeEditionMin: number | undefined;
  const home = /\(?\s*Special Home Edition\s*(\d+)\s*\)?/i.exec(t);
  if (home) {
    homeEditionMin = Number(home[1]);
    t = (t.slice(0, home.index) + ' ' + t.slice(home.index + home[0].length)).trim();
  }
  if (/^\(.*\)$/.test(t) && !/\)\s*\S.*\(/.test(t.slice(1, -1))) t = t.slice(1, -1).trim(); // "(5.5)", "(IELTS 5.5)"
  t = t.replace(/^(?:IELTS|TOEFL(?:\s*iBT)?)\s*:?\s*/i, '').trim();
  const lead = new RegExp(
    `^(?:minimum\\s+|min\\.?\\s+|we ask for\\s+|internet based\\s*:\\s*overall\\s+|overall band score of\\s+|overall\\s+)?${NUM}(?:\\s*overall)?(?![\\d.])(.*)$`,
    'i',
  ).exec(t);
  if (!lead) return { format: 'text' };
  const n = Number(lead[1]);
  const rest = lead[2]!;
  if (!inRange(test, n)) return { format: 'text' };
  const sections = parseSections(rest);
  // Whatever is left must not hold another candidate score for this test.
  const restNoSections = rest
    .replace(/\([^()]*\)/g, ' ')
    .replace(/(?<![A-Za-z])[LRSW]\s*:?\s*\d+(?:\.\d+)?/g, ' ')
    .replace(/no (?:band|subtest|element|section|component)s? (?:score )?(?:below|less than|lower than)\s*\d+(?:\.\d+)?/gi, ' ')
    .replace(/minimum of \d+(?:\.\d+)? in each \w+/gi, ' ')
    .replace(/\d+(?:\.\d+)? in each (?:component|skill|section|band)s?\b/gi, ' ')
    .replace(/subscores?\s*\d+(?:\.\d+)?/gi, ' ')
    .replace(/Reading, Writing, Listening,? and Speaking\s*:\s*\d+(?:\.\d+)?/gi, ' ')
    .replace(/\d+(?:\.\d+)?\s+(?:Writing|Reading|Speaking|Listening)\b/gi, ' ');
  if (strayScores(restNoSections, test).length > 0) return { format: 'text' };
  const v: Value = recommended ? { format: 'recommended', recommended: n } : { format: 'min', min: n };
  if (sections) v.sections = sections;
  if (cefr) v.cefr = cefr;
  if (homeEditionMin !== undefined) v.homeEditionMin = homeEditionMin;
  return v;
}

type Branch = NonNullable<Requirement['branches']>[number];

/**
 * The cases of a conditional IELTS or TOEFL text, read only when every case gives its overall
 * number (or says there is none); otherwise nothing is read and the text stays conditional:
 * - "No requirement, but if you study in Faculty of Business & Economics, Faculty of Law:6.0"
 *   (10108002, line 462) → none | 6.0 (TOEFL: none | 80);
 * - "To study Geography: 6.5 overall & 6.0 in each skill. To study Law: 6.5 overall & 6.0 in writing
 *   & 5.5 in speaking, listening, and reading. To study Chemistry, …: 8.0. To study all other
 *   subjects: 9.0. In all cases, the minimum skill scores are: listening 17, …" (70707009, line 537;
 *   the cell repeats itself) → 6.5 (each 6.0) | 6.5 (the rest unread) | 8.0 | 9.0, and the "in all
 *   cases" clause kept as a condition on every case;
 * - "For non final year module: 79(R18, W17, L17, S20) For final year module: 6.5(subscore 5.5)"
 *   (70707013, line 539): 79 is no IELTS score, so the IELTS cell gives no cases; its TOEFL cell
 *   gives 79 | 89, each with sections;
 * - "Depends on the faculty" (10107001, line 460): no number, no cases.
 */
export function conditionalCases(text: string, test: 'ielts' | 'toefl'): Pick<Value, 'branches' | 'allCases'> {
  const clauses = text
    .replace(/,?\s*but\s+(?=if\b)/gi, '\n')
    .replace(/\s+(?=(?:To study|For (?:non[- ]?)?final year|In all cases)\b)/gi, '\n')
    .split('\n')
    .map((c) => c.trim().replace(/[.;,]\s*$/, '').trim())
    .filter(Boolean);
  const branches: Branch[] = [];
  const seen = new Set<string>();
  let allCases: string | undefined;
  for (const c of clauses) {
    if (seen.has(c)) continue;
    seen.add(c);
    if (/^in all cases\b/i.test(c)) {
      allCases = c;
      continue;
    }
    if (isNoneWord(c) || /^no (?:language )?(?:proficiency )?requirements?$/i.test(c)) {
      branches.push({ when: '', none: true, raw: c });
      continue;
    }
    const colon = c.lastIndexOf(':');
    if (colon < 0) return {};
    const when = c.slice(0, colon).trim();
    const body = c.slice(colon + 1).trim();
    const v = parseScore(body, test);
    if (v.format === 'min' && v.min !== undefined) {
      branches.push({ when, min: v.min, ...(v.sections ? { sections: v.sections } : {}), raw: c });
      continue;
    }
    // "6.5 overall & 6.0 in writing & 5.5 in speaking, …": the overall minimum; the rest is kept unread
    const overall = new RegExp(`^${NUM}\\s*overall\\b\\s*&?\\s*(.*)$`, 'i').exec(body);
    if (overall && inRange(test, Number(overall[1]))) {
      branches.push({ when, min: Number(overall[1]), ...(overall[2] ? { unread: overall[2] } : {}), raw: c });
      continue;
    }
    return {};
  }
  return branches.length >= 2 ? { branches, ...(allCases ? { allCases } : {}) } : {};
}

export type Noted = NonNullable<Requirement['noted']>;

/**
 * Requirements a row states in its notes rather than in its requirement cells. The engine uses one
 * only where the cell it belongs to states none ("-", "N/A", blank). Sentences read (tmu-2024-autumn):
 * - "certificate of English proficiency of IELTS level 6.00 with no element below 5.5" (70707007-1,
 *   line 536; its IELTS cell reads "N/A") → IELTS 6.0, every section 5.5;
 * - "You must have B1 level at least for Bachelor students" (70723001, line 569; IELTS "- -") and
 *   "You must have B1 level. B2 is recommended" (70702001, line 528) → English CEFR B1 (for
 *   undergraduates where the sentence says so), for IELTS and TOEFL iBT alike;
 * - "Chinese Proficiency requirements for specific departments: Department of History : TOCFL Level 4
 *   or New HSK 6 …" (10122006-1, lines 504–505; other-language cell "-") → other languages, depends on
 *   the department.
 */
export function notedRequirements(notes: string): Partial<Record<Test, Noted>> {
  const out: Partial<Record<Test, Noted>> = {};
  // Sentence by sentence: advice ("we recommend …") is not a requirement.
  const sentences = notes.split(/(?<=[.!?])\s+|\n/).map((x) => x.trim()).filter((x) => x && !/recommend/i.test(x));
  const OTHER_LANGUAGE = /\b(?:German|French|Spanish|Chinese|Italian|Polish|Korean|Japanese|Portuguese|Russian|Swedish|Finnish|Dutch)\b/i;
  for (const t of sentences) {
    const ielts = /IELTS\s+(?:level\s+|score\s+(?:of\s+)?|band\s+)?(\d(?:\.\d+)?)\s+with no (?:element|band|section|component|subtest)s?\s+(?:score\s+)?(?:below|less than|lower than)\s+(\d(?:\.\d+)?)/i.exec(t);
    if (ielts && !out.ielts) out.ielts = { format: 'min', min: Number(ielts[1]), sections: { all: Number(ielts[2]) }, raw: ielts[0] };
    // a CEFR level with no test named, in English (a sentence naming another language is about that language)
    const cefr = /must have ([ABC][12]) level(?: at least)?(?: for (Bachelor(?:'s|’s)?|undergraduate|Master(?:'s|’s)?|graduate) students)?/i.exec(t);
    if (cefr && !OTHER_LANGUAGE.test(t) && !out.toefl) {
      const level = cefr[2] ? (/bachelor|undergraduate/i.test(cefr[2]) ? 'undergraduate' : 'graduate') : undefined;
      const noted: Noted = { format: 'cefr', cefr: cefr[1]!.toUpperCase(), ...(level ? { level } : {}), raw: cefr[0] };
      out.ielts ??= noted;
      out.toefl = noted;
    }
  }
  // requirements in another language that depend on the department
  const dept = /\b(\w+) proficiency requirements? for specific departments\b/i.exec(notes);
  if (dept && OTHER_LANGUAGE.test(dept[1]!)) out.other = { format: 'conditional', raw: notes.slice(dept.index).split('\n')[0]!.trim() };
  return out;
}

/**
 * One level's GPA text → a value. Formats (tmu-2024-autumn):
 * - "3" (10108001, line 461), "2.75" (70707013, line 539) → min, no scale;
 * - "3.0/4.0" (10108002, line 462), "GPA3.0/4.3 or 75% average" (10122006-2, line 511) → min, scale
 *   (an "or …" equivalent stays in the raw text);
 * - "2.5 (scale of 4)" (50501004-1, line 517), "2.0 on a 4.0 GPA scale" (50502003, line 525),
 *   "A minimum GPA of 2.5 on a 4.0 scale (GPA by US standard) or grades equivalent to a B average"
 *   (10113001, line 470) → min, scale;
 * - "2.5-3.0 (of 4.0 scale) depending on each program" (10107001, line 460) → range, scale;
 * - "Recommended(1.5/4.0)" (10113003, line 472) → recommended, scale;
 * - "No GPA requirement." (10122011-2, line 515), "N/A", "-" → none.
 */
export function parseGpa(text: string): Value {
  let t = text.trim().replace(/[.;,]\s*$/, '').trim();
  if (t === '') return { format: 'not-stated' };
  if (isNoneWord(t)) return { format: 'none' };
  const range = new RegExp(`^${NUM}\\s*[-~～–]\\s*${NUM}\\s*\\((?:of|on)?\\s*(?:a\\s*)?${NUM}\\s*(?:GPA\\s*)?scale\\)`, 'i').exec(t);
  if (range) return { format: 'range', range: { from: Number(range[1]), to: Number(range[2]) }, scale: Number(range[3]) };
  if (CONDITIONAL_RE.test(t)) return { format: 'conditional' };
  const recommended = /recommend/i.test(t);
  t = t.replace(/^(?:recommended|recommend)\s*\(?\s*/i, '').replace(/^(?:a\s+)?(?:minimum\s+)?(?:GPA|CGPA)?\s*(?:of\s+)?/i, '').trim();
  const m =
    new RegExp(`^${NUM}\\s*\\/\\s*${NUM}\\)?(.*)$`).exec(t) ??
    new RegExp(`^${NUM}\\s*\\(\\s*(?:on a\\s+)?scale of\\s+${NUM}\\s*\\)(.*)$`, 'i').exec(t) ??
    new RegExp(`^${NUM}\\s+on an?\\s+${NUM}\\s*(?:GPA\\s*)?scale(.*)$`, 'i').exec(t);
  let min: number;
  let scale: number | undefined;
  let rest: string;
  if (m) {
    min = Number(m[1]);
    scale = Number(m[2]);
    rest = m[3]!;
  } else {
    const bare = new RegExp(`^${NUM}\\)?$`).exec(t);
    if (!bare) return { format: 'text' };
    min = Number(bare[1]);
    rest = '';
  }
  if (!inRange('gpa', min) || (scale !== undefined && min > scale)) return { format: 'text' };
  // Allowed after the GPA: "(GPA by US standard)" and an "or <equivalent>" clause.
  const tail = rest.replace(/\([^()]*\)/g, ' ').trim();
  if (tail !== '' && !/^or\b/i.test(tail)) return { format: 'text' };
  const v: Value = recommended ? { format: 'recommended', recommended: min } : { format: 'min', min };
  if (scale !== undefined) v.scale = scale;
  return v;
}

const TEST_NAMES = ['HSK', 'TOCFL', 'TOPIK', 'DELF', 'DALF', 'DELE', 'JLPT', 'TestDaF', 'CILS', 'TORFL'];
const LANGUAGES = 'German|French|Spanish|Italian|Polish|Chinese|Korean|Portuguese|Swedish|Finnish|Norwegian|Dutch|Hungarian|Turkish|Thai|Malay|Indonesian';

/**
 * One level's other-language text → a value. Formats (tmu-2024-autumn):
 * - a test level: "HSK level 5" (10116016-1, line 500), "HSK grade 3 (or Chinese proficiency has the
 *   equivalent level)" (10116012-2, line 481), "HSK4 (Score 180)" (10116014-1, line 482) → format
 *   level, tests [{test, level, score?}];
 * - several tests or levels for different students: "(1) HSK Band 4 with scores above 180 For
 *   Science … (2) HSK Band 5 …" (10116015-1, line 490) → conditional;
 * - a CEFR level: "B2" (70711008-1, line 556), "German: B2" (70711006-1, line 549) → format cefr;
 * - "B2(B1)" (70712004-1, line 565): B2, or B1 with TMU's own examination → conditional;
 * - recommended: "B1 level of Spanish is recommended" (70713003, line 567), "B1 is recommended"
 *   (70715005, line 570) → format recommended, cefr;
 * - a level of an unknown test: "HK level 5" (10116012-1, line 480) → text, with a problem.
 */
export function parseOther(text: string): Value {
  const t = text.trim().replace(/[.;,]\s*$/, '').trim();
  if (t === '') return { format: 'not-stated' };
  if (isNoneWord(t)) return { format: 'none' };
  const tests = [...t.matchAll(new RegExp(`\\b(${TEST_NAMES.join('|')})\\s*(?:level|grade|band)?\\s*(\\d)\\b`, 'gi'))];
  if (tests.length > 0) {
    const distinct = new Set(tests.map((m) => `${m[1]!.toUpperCase()}${m[2]}`));
    if (distinct.size > 1 || CONDITIONAL_RE.test(t)) return { format: 'conditional' };
    const m = tests[0]!;
    const score = /\(\s*score\s*(\d{2,3})\s*\)|scores?\s+(?:above|of|over)\s+(\d{2,3})/i.exec(t);
    const test: NonNullable<Value['tests']>[number] = { test: m[1]!.toUpperCase(), level: Number(m[2]) };
    if (score) test.score = Number(score[1] ?? score[2]);
    return { format: 'level', tests: [test] };
  }
  const unknown = /^([A-Z]{2,6})\s*(?:level|grade|band)\s*(\d)$/.exec(t);
  if (unknown) return { format: 'text', problem: `"${unknown[1]}" is not a language test this parser knows (${TEST_NAMES.join(', ')})` };
  if (/^[ABC][12]\s*\([ABC][12]\)$/.test(t)) return { format: 'conditional' };
  const lang = new RegExp(`^(?:(${LANGUAGES})\\s*:\\s*)?([ABC][12])$`, 'i').exec(t);
  if (lang) {
    const v: Value = { format: 'cefr', cefr: lang[2]!.toUpperCase() };
    if (lang[1]) v.tests = [{ test: 'CEFR', cefr: v.cefr!, language: cap(lang[1]) }];
    return v;
  }
  const rec = new RegExp(`^([ABC][12])(?:\\s+level)?(?:\\s+(?:of|in)\\s+(${LANGUAGES}))?\\s+is\\s+recommended$`, 'i').exec(t);
  if (rec) {
    const v: Value = { format: 'recommended', cefr: rec[1]!.toUpperCase() };
    if (rec[2]) v.tests = [{ test: 'CEFR', cefr: v.cefr!, language: cap(rec[2]) }];
    return v;
  }
  return { format: CONDITIONAL_RE.test(t) ? 'conditional' : 'text' };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

export function parseValue(test: Test, text: string): Value {
  if (test === 'gpa') return parseGpa(text);
  if (test === 'other') return parseOther(text);
  return parseScore(text, test);
}

function levelRequirement(v: Value, raw: string): LevelRequirement {
  const out: LevelRequirement = { raw, format: v.format };
  if (v.min !== undefined) out.min = v.min;
  if (v.scale !== undefined) out.scale = v.scale;
  if (v.recommended !== undefined) out.recommended = v.recommended;
  if (v.cefr !== undefined) out.cefr = v.cefr;
  if (v.format === 'none') out.none = true;
  if (v.range) out.range = v.range;
  if (v.sections) out.sections = v.sections;
  if (v.homeEditionMin !== undefined) out.homeEditionMin = v.homeEditionMin;
  if (v.tests) out.tests = v.tests;
  if (v.branches) out.branches = v.branches;
  if (v.allCases) out.allCases = v.allCases;
  return out;
}

/** Two values say the same thing (for deciding whether levels agree). */
function sameValue(a: Value, b: Value): boolean {
  return JSON.stringify({ ...a, problem: undefined }) === JSON.stringify({ ...b, problem: undefined });
}

function fromValue(v: Value, raw: string): Requirement {
  const out: Requirement = { raw, format: v.format };
  if (v.min !== undefined) out.min = v.min;
  if (v.scale !== undefined) out.scale = v.scale;
  if (v.recommended !== undefined) out.recommended = v.recommended;
  if (v.range) out.range = v.range;
  if (v.sections) out.sections = v.sections;
  if (v.cefr !== undefined) out.cefr = v.cefr;
  if (v.homeEditionMin !== undefined) out.homeEditionMin = v.homeEditionMin;
  if (v.tests) out.tests = v.tests;
  if (v.branches) out.branches = v.branches;
  if (v.allCases) out.allCases = v.allCases;
  return out;
}

export interface ParsedRequirement {
  requirement: Requirement;
  problems: string[];
}

/**
 * A requirement cell (as composed for the programme) → Requirement. Per-level values go to byLevel;
 * the top-level min (and format) is set only when every eligible level is covered by the same
 * value, so a number never applies to a level the text did not give it for.
 */
export function parseRequirement(raw: string, test: Test, eligible: Eligible): ParsedRequirement {
  const text = cellText(raw);
  const problems: string[] = [];
  const segments = splitLevels(text);
  const labelled = segments.filter((s) => s.level);
  if (labelled.length === 0) {
    const v = parseValue(test, segments[0]?.text ?? '');
    if (v.problem) problems.push(v.problem);
    return { requirement: fromValue(v, text), problems };
  }
  // An unlabelled head before the labels ("2.5 学部 …") is unusual: keep it as text.
  if (segments.some((s) => !s.level && s.text)) {
    return { requirement: { raw: text, format: 'text' }, problems: [`text before the level labels: "${segments.find((s) => !s.level)!.text}"`] };
  }
  const byLevel: NonNullable<Requirement['byLevel']> = {};
  const values: Partial<Record<Level, Value>> = {};
  const firstText: Partial<Record<Level, string>> = {};
  for (const s of labelled) {
    const level = s.level!;
    const v = parseValue(test, s.text);
    if (v.problem) problems.push(v.problem);
    if (values[level]) {
      if (!sameValue(values[level]!, v) && v.format !== 'none' && v.format !== 'not-stated') {
        problems.push(`${level} is given twice with different values ("${firstText[level]}", "${s.text}"); the first is kept`);
      }
      continue;
    }
    values[level] = v;
    firstText[level] = s.text;
    if (v.format !== 'not-stated') byLevel[level] = levelRequirement(v, s.text);
  }
  const stated = (Object.keys(values) as Level[]).filter((l) => values[l]!.format !== 'not-stated');
  if (stated.length === 0) return { requirement: { raw: text, format: 'not-stated' }, problems };
  const levels = (['undergraduate', 'graduate'] as Level[]).filter((l) => eligible[l]);
  const relevant = levels.length > 0 ? levels : stated;
  const covered = relevant.every((l) => values[l] && values[l]!.format !== 'not-stated');
  const first = values[relevant[0]!];
  const agree = covered && first !== undefined && relevant.every((l) => sameValue(values[l]!, first));
  const requirement: Requirement = agree ? fromValue(first, text) : { raw: text, format: 'per-level' };
  if (!agree && stated.every((l) => values[l]!.format === 'none')) requirement.format = 'none';
  if (Object.keys(byLevel).length > 0) requirement.byLevel = byLevel;
  return { requirement, problems };
}
