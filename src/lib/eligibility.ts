/**
 * The programme finder's eligibility engine: a student profile against one programme of an exchange
 * call — the partner's requirements as the pipeline read them (scripts/sources/tmu/requirements.ts)
 * and the home university's own minimums (call facts) on top. Pure: no DOM, no I/O; the page runs
 * it in the browser on the programmes embedded in it, the tests run it on data/build.
 *
 * A programme gets one status, the worst of its checks (ineligible > short > unknown > conditional >
 * eligible):
 *   ineligible   the programme does not take the profile's level;
 *   short        a numeric requirement is not met by a number the profile has — the margin is
 *                stated ("IELTS 6.5 needed, you have 6.0");
 *   unknown      nothing is short, but something cannot be decided: the requirement is prose or
 *                depends on a faculty or module (and its cases disagree), a GPA range that depends on
 *                the programme holds the profile's GPA, or the profile lacks the value a requirement
 *                needs;
 *   conditional  eligible on ONE condition the profile leaves open and the student can read off a
 *                score they entered: the section scores of the test whose overall score is met, when
 *                no lowest section is given (TMU's "every section 4.5", L92, or a partner's stricter
 *                minimum, which implies it: merged into one, `Verdict.condition`, with its line), or
 *                the sections a lowest section does not settle (L538: writing 6.0). Conditions on
 *                two different tests are not one condition: unknown;
 *   eligible     every requirement is met.
 * A requirement the engine cannot read is never treated as met: it makes the programme unknown.
 *
 * Rules of the 2026-12 reading (each with table tests in eligibility.test.ts):
 *   - a level whose ○/× mark was lost in the PDF (Programme.levelsMarkLost) is judged offered when
 *     the row states requirements for it, even "-" (statesLevel; L496–505, L564–570), with a note;
 *     contradictory marks (L518–519) stay unknown;
 *   - a conditional requirement whose every case gives a number (Requirement.branches: L462, L537,
 *     L539) is met when every case is met or has none, short when every case is short, else unknown
 *     (an "in all cases" clause or a part of a case left unread can only make a case stricter);
 *   - a requirement stated in the notes (Requirement.noted: L504–505, L528, L536, L569) stands in for
 *     a cell that states none at that level.
 *
 * How each requirement format is judged (for the profile's level: a cell with values per level is
 * read for that level; a level the cell does not mention has no requirement stated):
 *   none, not-stated   no requirement
 *   min                the number is the minimum (a GPA on the cell's scale, 4.0 when it names none;
 *                      the profile's GPA is converted proportionally from its own scale), plus section
 *                      minimums where stated: the profile's lowest section must reach the highest of
 *                      them; below the smallest is short, in between unknown (which section is lowest
 *                      is not known), no lowest section given is unknown
 *   range              "2.5–3.0 depending on each program": below the range short, at or above its
 *                      top met, inside it unknown
 *   recommended        advice, not a requirement: met, noted (and noted when the profile is below)
 *   cefr               in an English column, met when IELTS/TOEFL reaches the published CEFR
 *                      threshold (CEFR_THRESHOLDS); in the other-language column, by the profile's
 *                      CEFR level in the programme's language of instruction
 *   level              HSK n: met by an HSK level ≥ n
 *   conditional        its cases where they were read (see above); otherwise unknown
 *   text               unknown, the wording shown (in an English column, the home minimum, L442)
 * IELTS and TOEFL iBT are alternatives: met when the profile meets one stated column; short when it
 * falls below a stated column it has a score for; otherwise unknown. A column with "-" while the
 * other states a value is not an alternative.
 * The home university's minimums (CallMinimums, read from the call's facts) apply on top: a GPA
 * minimum for everyone, and for courses taught in English an IELTS or TOEFL minimum with section
 * minimums (tmu-2024-autumn L83, L92; L93 says courses in other languages have none; L443 says a
 * language requirement that scores cannot settle falls back on these minimums).
 */
import type { CallFact, Programme } from '../../scripts/schema/records.ts';

export type Level = 'undergraduate' | 'graduate';
export const LEVELS: readonly Level[] = ['undergraduate', 'graduate'];
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export type Cefr = (typeof CEFR_LEVELS)[number];
export type EnglishTest = 'ielts' | 'toefl';

export interface Profile {
  level?: Level;
  gpa?: number;
  /** the scale of `gpa` (4 unless said) */
  gpaScale: number;
  ielts?: number;
  /** lowest IELTS section (band) score */
  ieltsSection?: number;
  toefl?: number;
  /** lowest TOEFL iBT section score */
  toeflSection?: number;
  /** CEFR level per language (ISO 639-1 code: de, fr, es, zh, ko, …) */
  cefr: Partial<Record<string, Cefr>>;
  /** HSK level (1–6) */
  hsk?: number;
}

export type Status = 'eligible' | 'conditional' | 'short' | 'unknown' | 'ineligible';
/** A check's outcome; `none` when there is nothing to check. */
export type Outcome = 'met' | 'conditional' | 'short' | 'unknown' | 'ineligible' | 'none';

/** Section minimums, as a requirement states them: every section (`all`) and/or named ones. */
export interface SectionMins { all?: number; listening?: number; reading?: number; writing?: number; speaking?: number }
/**
 * The one thing a `conditional` verdict turns on: section minimums of the English test whose overall
 * score the profile has, when the profile gives no lowest section score. The student reads it off
 * the same score report.
 */
export interface Condition {
  test: EnglishTest;
  sections: SectionMins;
  /** source line of the requirement (of the strictest, when several are merged) */
  line?: number;
  /** when several requirements are merged: every one's line, strictest first */
  lines?: number[];
}

/** Why a check came out as it did: codes with their numbers, worded per language by eligibility-text.ts. */
export type Reason =
  | { code: 'level-not-taken'; level: Level }
  | { code: 'level-unsettled'; level: Level }
  | { code: 'level-not-stated'; level: Level }
  | { code: 'prose-home' }
  | { code: 'partner-gpa-first' }
  | { code: 'level-depends'; byLevel: Record<Level, Status> }
  | { code: 'no-requirement' }
  | { code: 'met'; test: Measure; need: number; have: number; converted?: ScaleNote }
  | { code: 'below'; test: Measure; need: number; have: number; converted?: ScaleNote }
  | { code: 'missing'; what: Missing; need?: number | string }
  | { code: 'range-below'; from: number; to: number; have: number }
  | { code: 'range-above'; from: number; to: number; have: number }
  | { code: 'range-inside'; from: number; to: number; have: number }
  | { code: 'recommended'; test: Measure; value?: number | string; have?: number | string; below: boolean }
  | { code: 'cefr-met'; test: EnglishTest; cefr: Cefr; threshold: number; have: number }
  | { code: 'cefr-below'; test: EnglishTest; cefr: Cefr; threshold: number; have: number }
  | { code: 'cefr-lang-met'; language: string; need: Cefr; have: Cefr }
  | { code: 'cefr-lang-below'; language: string; need: Cefr; have: Cefr }
  | { code: 'section-met'; test: EnglishTest; need: number; have: number }
  | { code: 'section-below'; test: EnglishTest; need: number; have: number }
  | { code: 'section-unclear'; test: EnglishTest; low: number; high: number; have: number }
  | { code: 'prose' }
  | { code: 'not-alternative'; test: EnglishTest }
  | { code: 'scale-assumed'; scale: number }
  | { code: 'section-condition'; test: EnglishTest; sections: SectionMins }
  | { code: 'level-mark-lost'; level: Level }
  | { code: 'cases-met'; cases: number }
  | { code: 'cases-short'; test: EnglishTest; needs: number[]; have: number }
  | { code: 'cases-differ'; cases: number }
  | { code: 'cases-unread'; cases: number }
  | { code: 'several-conditions' }
  | { code: 'noted'; text: string };

export type Measure = 'gpa' | EnglishTest | 'hsk';
export type Missing = 'gpa' | EnglishTest | 'ieltsSection' | 'toeflSection' | 'hsk' | `cefr:${string}`;
export interface ScaleNote { from: number; to: number; gpa: number }

export type CheckKind = 'level' | 'gpa' | 'english' | 'other' | 'home-gpa' | 'home-english';
export interface Check {
  kind: CheckKind;
  outcome: Outcome;
  reasons: Reason[];
  /** the requirement as written (the cell, or the call's sentence) */
  raw?: string;
  /** source line of the requirement */
  line?: number;
  /** what a `conditional` outcome turns on: one condition per test that would do (IELTS or TOEFL iBT) */
  conditions?: Condition[];
}

export interface Verdict {
  status: Status;
  checks: Check[];
  /** for a `conditional` verdict: the one condition, merged over the checks that turn on it */
  condition?: Condition;
}

/** The home university's own minimums, read from its call (CallFact keys min-gpa, min-ielts, …). */
export interface CallMinimums {
  gpa?: { min: number; scale: number; raw: string; line: number };
  english?: { ielts?: number; ieltsSection?: number; toefl?: number; toeflSection?: number; condition?: string; raw: string; line: number };
  /** courses taught in other languages have no internal language minimum (a test after applying) */
  otherLanguage?: { raw: string; line: number };
}

export function callMinimums(facts: readonly CallFact[], home: string): CallMinimums {
  const mine = facts.filter((f) => f.home === home && f.topic === 'eligibility');
  const num = (key: string) => {
    const f = mine.find((x) => x.key === key);
    return f && typeof f.value === 'number' ? f : undefined;
  };
  const out: CallMinimums = {};
  const gpa = num('min-gpa');
  if (gpa) out.gpa = { min: gpa.value as number, scale: /(\d+(?:\.\d+)?)-point/.exec(gpa.unit ?? '')?.[1] ? Number(/(\d+(?:\.\d+)?)-point/.exec(gpa.unit ?? '')![1]) : 4, raw: gpa.raw, line: gpa.source.line };
  const [ielts, ieltsSection, toefl, toeflSection] = ['min-ielts', 'min-ielts-section', 'min-toefl', 'min-toefl-section'].map(num);
  const any = ielts ?? toefl;
  if (any) {
    out.english = {
      ...(ielts ? { ielts: ielts.value as number } : {}),
      ...(ieltsSection ? { ieltsSection: ieltsSection.value as number } : {}),
      ...(toefl ? { toefl: toefl.value as number } : {}),
      ...(toeflSection ? { toeflSection: toeflSection.value as number } : {}),
      ...(any.condition ? { condition: any.condition } : {}),
      raw: any.raw,
      line: any.source.line,
    };
  }
  const other = mine.find((x) => x.key === 'language-criterion-other');
  if (other) out.otherLanguage = { raw: other.raw, line: other.source.line };
  return out;
}

/**
 * Published CEFR thresholds: IELTS (British Council / IELTS partners' CEFR mapping) and TOEFL iBT
 * (ETS score mapping to CEFR, 2023): the lowest score at each level.
 */
export const CEFR_THRESHOLDS: Record<EnglishTest, Partial<Record<Cefr, number>>> = {
  ielts: { B1: 4.0, B2: 5.5, C1: 7.0, C2: 8.5 },
  toefl: { B1: 42, B2: 72, C1: 95, C2: 114 },
};

/** Language of instruction as written → ISO 639-1 code. */
const LANGUAGE_CODES: Record<string, string> = {
  english: 'en', chinese: 'zh', french: 'fr', german: 'de', spanish: 'es', korean: 'ko', japanese: 'ja',
  italian: 'it', russian: 'ru', portuguese: 'pt', thai: 'th', indonesian: 'id', vietnamese: 'vi',
};
export function languageCodes(language: string): string[] {
  return language.split(/[\s,/、・&+]+|\band\b/i).map((w) => LANGUAGE_CODES[w.trim().toLowerCase()]).filter((c): c is string => !!c);
}

type Requirement = Programme['requirements']['gpa'];
/** What judging a programme reads: the record without its prose (notes, links, names), which the finder's page does not send its script. */
export type JudgedProgramme = Omit<Programme, 'notes' | 'links' | 'partnerName' | 'courseType' | 'countryNameEn'>;
/** A requirement as it applies at one level. */
interface Resolved {
  format: NonNullable<Requirement['format']>;
  min?: number;
  scale?: number;
  recommended?: number;
  range?: { from: number; to: number };
  sections?: Requirement['sections'];
  cefr?: string;
  tests?: Requirement['tests'];
  branches?: Requirement['branches'];
  allCases?: string;
  raw: string;
}

/**
 * The requirement at `level`: that level's value when the cell gives values per level. A cell that
 * gives a value for the other level only ("学部 3" for a programme open to both) leaves this
 * level's requirement unknown (`omitted`), not absent: the label scopes the value, it does not say
 * the other level has none.
 */
export function atLevel(req: Requirement, level: Level): Resolved & { omitted?: boolean } {
  const own = req.byLevel?.[level];
  if (own) return { ...own, format: own.format ?? 'text' };
  if (req.format === 'per-level') return { format: 'not-stated', raw: '', omitted: true };
  return { ...req, format: req.format ?? 'text' };
}
type AtLevel = ReturnType<typeof atLevel> & { noted?: boolean };

/**
 * A requirement the row states in its notes (Requirement.noted) stands in for a cell that states
 * none at this level: "IELTS level 6.00 with no element below 5.5" beside an IELTS cell "N/A" (L536).
 */
export function withNoted(req: Requirement, r: AtLevel, level: Level): AtLevel {
  const n = req.noted;
  if (!n || r.omitted || (n.level && n.level !== level) || (r.format !== 'none' && r.format !== 'not-stated')) return r;
  return { format: n.format, ...(n.min !== undefined ? { min: n.min } : {}), ...(n.sections ? { sections: n.sections } : {}), ...(n.cefr ? { cefr: n.cefr } : {}), raw: n.raw, noted: true };
}
const omittedCheck = (level: Level) => ({ outcome: 'unknown' as const, reasons: [{ code: 'level-not-stated', level } as Reason] });

const EPS = 1e-9;
const atLeast = (have: number, need: number) => have + EPS >= need;
const round = (x: number) => Math.round(x * 100) / 100;
const isCefr = (s: string | undefined): s is Cefr => !!s && (CEFR_LEVELS as readonly string[]).includes(s);

function gpaCheck(r: Resolved, p: Profile): { outcome: Outcome; reasons: Reason[] } {
  switch (r.format) {
    case 'none': case 'not-stated': return { outcome: 'none', reasons: [{ code: 'no-requirement' }] };
    case 'recommended': {
      const scale = r.scale ?? 4;
      const have = p.gpa === undefined ? undefined : round((p.gpa / p.gpaScale) * scale);
      return { outcome: 'met', reasons: [{ code: 'recommended', test: 'gpa', ...(r.recommended !== undefined ? { value: r.recommended } : {}), ...(have !== undefined ? { have } : {}), below: have !== undefined && r.recommended !== undefined && !atLeast(have, r.recommended) }] };
    }
    case 'min': case 'range': {
      const scale = r.scale ?? 4;
      const reasons: Reason[] = r.scale === undefined ? [{ code: 'scale-assumed', scale }] : [];
      if (p.gpa === undefined) return { outcome: 'unknown', reasons: [...reasons, { code: 'missing', what: 'gpa', ...(r.min !== undefined ? { need: r.min } : {}) }] };
      const have = (p.gpa / p.gpaScale) * scale;
      const converted = p.gpaScale !== scale ? { converted: { from: p.gpaScale, to: scale, gpa: p.gpa } } : {};
      if (r.format === 'range' && r.range) {
        const { from, to } = r.range;
        const h = round(have);
        if (!atLeast(have, from)) return { outcome: 'short', reasons: [...reasons, { code: 'range-below', from, to, have: h }] };
        if (atLeast(have, to)) return { outcome: 'met', reasons: [...reasons, { code: 'range-above', from, to, have: h }] };
        return { outcome: 'unknown', reasons: [...reasons, { code: 'range-inside', from, to, have: h }] };
      }
      if (r.min === undefined) return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
      const ok = atLeast(have, r.min);
      return { outcome: ok ? 'met' : 'short', reasons: [...reasons, { code: ok ? 'met' : 'below', test: 'gpa', need: r.min, have: round(have), ...converted }] };
    }
    default: return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
  }
}

/** One English column (IELTS or TOEFL iBT) at a level. */
type Result = { outcome: Outcome; reasons: Reason[]; conditions?: Condition[] };

function englishColumn(test: EnglishTest, r: Resolved & { noted?: boolean }, p: Profile, proseFallback?: Result): Result {
  const out = englishColumnAsWritten(test, r, p, proseFallback);
  // a requirement read from the notes says so, wherever this column's reasons are shown
  return r.noted ? { ...out, reasons: [{ code: 'noted', text: r.raw }, ...out.reasons] } : out;
}

function englishColumnAsWritten(test: EnglishTest, r: Resolved, p: Profile, proseFallback?: Result): Result {
  const have = p[test];
  const section = test === 'ielts' ? p.ieltsSection : p.toeflSection;
  switch (r.format) {
    case 'none': case 'not-stated': return { outcome: 'none', reasons: [] };
    case 'recommended': {
      const value = r.recommended ?? r.cefr;
      const below = have !== undefined && (typeof r.recommended === 'number' ? !atLeast(have, r.recommended)
        : isCefr(r.cefr) && CEFR_THRESHOLDS[test][r.cefr] !== undefined ? !atLeast(have, CEFR_THRESHOLDS[test][r.cefr]!) : false);
      return { outcome: 'met', reasons: [{ code: 'recommended', test, ...(value !== undefined ? { value } : {}), ...(have !== undefined ? { have } : {}), below }] };
    }
    case 'min': {
      if (r.min === undefined) return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
      if (have === undefined) return { outcome: 'unknown', reasons: [{ code: 'missing', what: test, need: r.min }] };
      if (!atLeast(have, r.min)) return { outcome: 'short', reasons: [{ code: 'below', test, need: r.min, have }] };
      const reasons: Reason[] = [{ code: 'met', test, need: r.min, have }];
      const mins = Object.values(r.sections ?? {}).filter((x): x is number => typeof x === 'number');
      if (mins.length === 0) return { outcome: 'met', reasons };
      const high = Math.max(...mins);
      const low = Math.min(...mins);
      // The overall score is met and only the sections are open: the student's score report
      // settles them at a glance, so the programme is eligible on that one condition.
      if (section === undefined) {
        const sections = { ...r.sections } as SectionMins;
        return { outcome: 'conditional', reasons: [...reasons, { code: 'section-condition', test, sections }], conditions: [{ test, sections }] };
      }
      if (atLeast(section, high)) return { outcome: 'met', reasons: [...reasons, { code: 'section-met', test, need: high, have: section }] };
      if (!atLeast(section, low)) return { outcome: 'short', reasons: [...reasons, { code: 'section-below', test, need: low, have: section }] };
      // The lowest section settles the sections that ask no more than it; the rest are on the same
      // score report: eligible on the condition that they reach their minimums (L538: writing 6.0).
      const open = Object.fromEntries(Object.entries(r.sections ?? {}).filter(([, x]) => typeof x === 'number' && !atLeast(section, x))) as SectionMins;
      return { outcome: 'conditional', reasons: [...reasons, { code: 'section-unclear', test, low, high, have: section }], conditions: [{ test, sections: open }] };
    }
    case 'cefr': {
      const threshold = isCefr(r.cefr) ? CEFR_THRESHOLDS[test][r.cefr] : undefined;
      if (!isCefr(r.cefr) || threshold === undefined) return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
      if (have === undefined) return { outcome: 'unknown', reasons: [{ code: 'missing', what: test, need: threshold }] };
      const ok = atLeast(have, threshold);
      const reason: Reason = ok ? { code: 'cefr-met', test, cefr: r.cefr, threshold, have } : { code: 'cefr-below', test, cefr: r.cefr, threshold, have };
      return { outcome: ok ? 'met' : 'short', reasons: [reason] };
    }
    // A requirement that depends on the faculty, subject or module, with a number for every case:
    // settled when every case gives the same answer for the profile.
    case 'conditional': return r.branches && r.branches.length > 1 ? casesColumn(test, r, p) : { outcome: 'unknown', reasons: [{ code: 'prose' }] };
    // Prose that scores cannot settle ("good command of English"): the call replaces it with the
    // home university's own minimum (tmu-2024-autumn L442, ④). A condition on faculty or module is
    // not that: it stays unknown.
    case 'text': return byHomeMinimum(proseFallback);
    default: return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
  }
}

/**
 * Every case of a conditional requirement judged on its own: met when every case is met or has no
 * requirement, short when every case is short (a further condition stated for all cases, or a part
 * of a case left unread, can only make a case stricter, so it cannot undo short), otherwise unknown.
 */
function casesColumn(test: EnglishTest, r: Resolved, p: Profile): Result {
  const branches = r.branches!;
  const have = p[test];
  const results = branches.map((b): Result => {
    if (b.none) return { outcome: 'none', reasons: [] };
    const o = englishColumn(test, { format: 'min', ...(b.min !== undefined ? { min: b.min } : {}), ...(b.sections ? { sections: b.sections } : {}), raw: b.raw }, p);
    // a part left unread can only make the case stricter: it cannot undo short, but leaves the rest open
    return (b.unread || r.allCases) && o.outcome !== 'short' ? { outcome: 'unknown', reasons: [{ code: 'cases-unread', cases: branches.length }] } : o;
  });
  const outcomes = results.map((x) => x.outcome);
  if (outcomes.every((o) => o === 'met' || o === 'none')) return { outcome: 'met', reasons: [{ code: 'cases-met', cases: branches.length }] };
  if (have !== undefined && outcomes.every((o) => o === 'short')) {
    return { outcome: 'short', reasons: [{ code: 'cases-short', test, needs: branches.map((b) => b.min!), have }] };
  }
  // every case met but for section scores the profile leaves open: one condition, the strictest
  if (outcomes.every((o) => o === 'met' || o === 'none' || o === 'conditional') && outcomes.includes('conditional')) {
    const merged = mergeConditions(results.flatMap((x) => x.conditions ?? []));
    if (merged) return { outcome: 'conditional', reasons: [{ code: 'cases-met', cases: branches.length }, ...results.flatMap((x) => x.reasons)], conditions: [merged] };
  }
  if (have === undefined && outcomes.every((o) => o === 'unknown' || o === 'none' || o === 'conditional')) {
    return { outcome: 'unknown', reasons: [{ code: 'missing', what: test }] };
  }
  if (outcomes.includes('unknown')) return { outcome: 'unknown', reasons: [{ code: 'cases-unread', cases: branches.length }] };
  return { outcome: 'unknown', reasons: [{ code: 'cases-differ', cases: branches.length }] };
}

/**
 * Prose that scores cannot settle, judged by the home university's own minimum where there is one
 * (tmu-2024-autumn L442, ④): its outcome, reasons and conditions, never its kind or line.
 */
function byHomeMinimum(home: Result | undefined): Result {
  if (!home) return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
  return { outcome: home.outcome, reasons: [{ code: 'prose-home' }, ...home.reasons], ...(home.conditions ? { conditions: home.conditions } : {}) };
}

/** IELTS and TOEFL iBT as alternatives (see the module comment). */
function englishCheck(columns: Record<EnglishTest, Resolved>, p: Profile, proseFallback?: Result): Result {
  const results = (['ielts', 'toefl'] as const).map((t) => ({ t, ...englishColumn(t, columns[t], p, proseFallback) }));
  const stated = results.filter((r) => r.outcome !== 'none');
  if (stated.length === 0) return { outcome: 'none', reasons: [{ code: 'no-requirement' }] };
  const notAlternative: Reason[] = results.filter((r) => r.outcome === 'none').map((r) => ({ code: 'not-alternative', test: r.t }));
  const met = stated.find((r) => r.outcome === 'met');
  if (met) return { outcome: 'met', reasons: met.reasons };
  // Conditional on each test that could do: the student meets one of them (IELTS or TOEFL iBT sections).
  const conditional = stated.filter((r) => r.outcome === 'conditional');
  if (conditional.length) return { outcome: 'conditional', reasons: conditional.flatMap((r) => r.reasons), conditions: conditional.flatMap((r) => r.conditions ?? []) };
  const short = stated.filter((r) => r.outcome === 'short');
  if (short.length) return { outcome: 'short', reasons: [...stated.flatMap((r) => r.reasons), ...notAlternative] };
  return { outcome: 'unknown', reasons: [...stated.flatMap((r) => r.reasons), ...notAlternative] };
}

function otherLanguageCheck(r: Resolved, language: string, p: Profile, proseFallback?: Result): Result {
  switch (r.format) {
    case 'none': case 'not-stated': return { outcome: 'none', reasons: [{ code: 'no-requirement' }] };
    case 'recommended': {
      const lang = r.tests?.find((x) => x.language)?.language ?? language;
      const code = languageCodes(lang)[0];
      const have = code ? p.cefr[code] : undefined;
      const below = !!(have && isCefr(r.cefr) && CEFR_LEVELS.indexOf(have) < CEFR_LEVELS.indexOf(r.cefr));
      return { outcome: 'met', reasons: [{ code: 'recommended', test: 'hsk', ...(r.cefr ? { value: `${lang} ${r.cefr}` } : {}), ...(have ? { have } : {}), below }] };
    }
    case 'cefr': {
      const lang = r.tests?.find((x) => x.language)?.language ?? language;
      const code = languageCodes(lang).find((c) => c !== 'en');
      if (!isCefr(r.cefr) || !code) return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
      const have = p.cefr[code];
      if (!have) return { outcome: 'unknown', reasons: [{ code: 'missing', what: `cefr:${code}`, need: r.cefr }] };
      const ok = CEFR_LEVELS.indexOf(have) >= CEFR_LEVELS.indexOf(r.cefr);
      const reason: Reason = ok ? { code: 'cefr-lang-met', language: code, need: r.cefr, have } : { code: 'cefr-lang-below', language: code, need: r.cefr, have };
      return { outcome: ok ? 'met' : 'short', reasons: [reason] };
    }
    case 'level': {
      const hsk = r.tests?.filter((x) => /^HSK$/i.test(x.test) && x.level !== undefined) ?? [];
      if (hsk.length !== 1) return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
      const need = hsk[0]!.level!;
      if (p.hsk === undefined) return { outcome: 'unknown', reasons: [{ code: 'missing', what: 'hsk', need }] };
      const ok = atLeast(p.hsk, need);
      return { outcome: ok ? 'met' : 'short', reasons: [{ code: ok ? 'met' : 'below', test: 'hsk', need, have: p.hsk }] };
    }
    // As in englishColumn: prose replaced by the home minimum (L442), which exists for courses taught in English.
    case 'text': return byHomeMinimum(proseFallback);
    default: return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
  }
}

const STATUS_RANK: Record<Status, number> = { eligible: 0, conditional: 1, unknown: 2, short: 3, ineligible: 4 };
const OUTCOME_STATUS: Record<Outcome, Status> = { none: 'eligible', met: 'eligible', conditional: 'conditional', unknown: 'unknown', short: 'short', ineligible: 'ineligible' };
const SECTIONS = ['listening', 'reading', 'writing', 'speaking'] as const;

/**
 * The conditions of several checks on one test as one: each section at the highest minimum any of
 * them sets (a partner's "no band below 5.5" implies TMU's "every section 4.5 or more"). Undefined
 * when they are on different tests: then the programme turns on more than one thing.
 */
export function mergeConditions(conditions: readonly Condition[]): Condition | undefined {
  const test = conditions[0]?.test;
  if (!test || conditions.some((c) => c.test !== test)) return undefined;
  const each = SECTIONS.map((k) => {
    const xs = conditions.map((c) => c.sections[k] ?? c.sections.all).filter((x): x is number => x !== undefined);
    return xs.length ? Math.max(...xs) : undefined;
  });
  const sections: SectionMins = each.every((x) => x !== undefined && x === each[0])
    ? { all: each[0]! }
    : Object.fromEntries(SECTIONS.flatMap((k, i) => (each[i] === undefined ? [] : [[k, each[i]!]])));
  // The line of the condition that sets the highest minimum (the first of them on a tie).
  const highest = (c: Condition) => Math.max(...SECTIONS.map((k) => c.sections[k] ?? c.sections.all ?? 0));
  const strictest = conditions.reduce((a, c) => (highest(c) > highest(a) ? c : a));
  const lines = [...new Set([strictest, ...conditions].flatMap((c) => c.lines ?? (c.line !== undefined ? [c.line] : [])))];
  return { test, sections, ...(strictest.line !== undefined ? { line: strictest.line } : {}), ...(lines.length > 1 ? { lines } : {}) };
}

/**
 * The one condition several conditional checks come to: a test every one of them can be settled by
 * (each check lists the tests that would do), merged on it; IELTS is tried first. Undefined when no
 * test serves them all: then the programme turns on more than one thing.
 */
export function commonCondition(alternatives: readonly (readonly Condition[])[]): Condition | undefined {
  for (const test of ['ielts', 'toefl'] as const) {
    const picks = alternatives.map((alts) => alts.find((c) => c.test === test));
    if (picks.every((c): c is Condition => c !== undefined)) return mergeConditions(picks);
  }
  return undefined;
}

/** True when some requirement cell of the row gives a value labelled for `level` (even "-"). */
export function statesLevel(prog: JudgedProgramme, level: Level): boolean {
  return Object.values(prog.requirements).some((r) => r.byLevel?.[level] !== undefined);
}
const worst = (xs: Status[]): Status => xs.reduce((a, b) => (STATUS_RANK[b] > STATUS_RANK[a] ? b : a), 'eligible' as Status);

/** The verdict at one level the programme takes. */
function atOneLevel(prog: JudgedProgramme, level: Level, p: Profile, mins: CallMinimums): Verdict {
  const line = prog.source.line;
  const req = prog.requirements;
  const checks: Check[] = [];
  if (prog.levelsUnsettled?.includes(level)) {
    // A mark lost in the PDF (a label with no ○/×) on a row that states this level's requirements:
    // the level is judged offered, with a note. Contradictory marks stay unsettled.
    if (prog.levelsMarkLost?.includes(level) && statesLevel(prog, level)) checks.push({ kind: 'level', outcome: 'met', reasons: [{ code: 'level-mark-lost', level }], line });
    else checks.push({ kind: 'level', outcome: 'unknown', reasons: [{ code: 'level-unsettled', level }], line });
  }
  const col = (r: AtLevel, check: () => Result): Result => (r.omitted ? omittedCheck(level) : check());
  // The home university's English minimum, for courses taught in English (L92; L121: it must be met
  // even where the partner asks less).
  let homeEnglish: Check | undefined;
  if (mins.english && languageCodes(prog.language).includes('en')) {
    const e = mins.english;
    const column = (min?: number, section?: number): Resolved => (min === undefined ? { format: 'none', raw: '' } : { format: 'min', min, ...(section !== undefined ? { sections: { all: section } } : {}), raw: e.raw });
    const result = englishCheck({ ielts: column(e.ielts, e.ieltsSection), toefl: column(e.toefl, e.toeflSection) }, p);
    homeEnglish = { kind: 'home-english', ...result, ...(result.conditions ? { conditions: result.conditions.map((c) => ({ ...c, line: e.line })) } : {}), raw: e.raw, line: e.line };
  }
  const gpa = atLevel(req.gpa, level);
  checks.push({ kind: 'gpa', ...col(gpa, () => gpaCheck(gpa, p)), raw: req.gpa.raw, line });
  const ielts = withNoted(req.ielts, atLevel(req.ielts, level), level);
  const toefl = withNoted(req.toefl, atLevel(req.toefl, level), level);
  const english = ielts.omitted && toefl.omitted ? omittedCheck(level)
    : englishCheck({ ielts: ielts.omitted ? { format: 'not-stated', raw: '' } : ielts, toefl: toefl.omitted ? { format: 'not-stated', raw: '' } : toefl }, p, homeEnglish);
  if ((ielts.omitted || toefl.omitted) && english.outcome !== 'met' && !(ielts.omitted && toefl.omitted)) english.reasons.push({ code: 'level-not-stated', level });
  checks.push({ kind: 'english', ...(english.outcome === 'none' && (ielts.omitted || toefl.omitted) ? omittedCheck(level) : english), raw: [req.ielts.raw, req.toefl.raw].filter(Boolean).join(' / '), line });
  const other = withNoted(req.other, atLevel(req.other, level), level);
  const otherResult = col(other, () => otherLanguageCheck(other, prog.language, p, homeEnglish));
  if (other.noted) otherResult.reasons.unshift({ code: 'noted', text: other.raw });
  checks.push({ kind: 'other', ...otherResult, raw: req.other.raw, line });
  // The home GPA minimum (L83) applies only where the partner asks for no GPA: a partner's GPA
  // requirement takes priority over it (L110).
  if (mins.gpa && !gpa.omitted && ['none', 'not-stated', 'recommended'].includes(gpa.format)) {
    checks.push({ kind: 'home-gpa', ...gpaCheck({ format: 'min', min: mins.gpa.min, scale: mins.gpa.scale, raw: mins.gpa.raw }, p), raw: mins.gpa.raw, line: mins.gpa.line });
  } else if (mins.gpa) {
    checks.push({ kind: 'home-gpa', outcome: 'none', reasons: [{ code: 'partner-gpa-first' }], raw: mins.gpa.raw, line: mins.gpa.line });
  }
  if (homeEnglish) checks.push(homeEnglish);
  for (const c of checks) if (c.conditions && c.line !== undefined) c.conditions = c.conditions.map((x) => (x.line === undefined ? { ...x, line: c.line } : x));
  const status = worst(checks.map((c) => OUTCOME_STATUS[c.outcome]));
  if (status !== 'conditional') return { status, checks };
  const condition = commonCondition(checks.filter((c) => c.outcome === 'conditional').map((c) => c.conditions ?? []));
  if (condition) return { status, checks, condition };
  return { status: 'unknown', checks: [...checks, { kind: 'english', outcome: 'unknown', reasons: [{ code: 'several-conditions' }] }] };
}

/** The verdict for a profile (see the module comment). */
export function evaluate(prog: JudgedProgramme, p: Profile, mins: CallMinimums): Verdict {
  if (p.level) {
    if (!prog.levels[p.level]) {
      return { status: 'ineligible', checks: [{ kind: 'level', outcome: 'ineligible', reasons: [{ code: 'level-not-taken', level: p.level }], line: prog.source.line }] };
    }
    return atOneLevel(prog, p.level, p, mins);
  }
  // No level in the profile: every level the programme takes; one answer only if they agree.
  const verdicts = LEVELS.filter((l) => prog.levels[l]).map((l) => ({ l, v: atOneLevel(prog, l, p, mins) }));
  if (verdicts.length === 0) return { status: 'ineligible', checks: [] };
  if (verdicts.every((x) => x.v.status === verdicts[0]!.v.status)) {
    if (verdicts[0]!.v.status !== 'conditional') return verdicts[0]!.v;
    // both levels conditional: one answer only if one condition serves both (the stricter)
    const condition = commonCondition(verdicts.map((x) => [x.v.condition!]));
    if (condition) return { ...verdicts[0]!.v, condition };
  }
  const byLevel = Object.fromEntries(verdicts.map((x) => [x.l, x.v.status])) as Record<Level, Status>;
  return { status: 'unknown', checks: [{ kind: 'level', outcome: 'unknown', reasons: [{ code: 'level-depends', byLevel }], line: prog.source.line }, ...verdicts[0]!.v.checks] };
}

/** True when the profile says anything at all (otherwise nothing is marked). */
export function hasProfile(p: Profile): boolean {
  return p.level !== undefined || p.gpa !== undefined || p.ielts !== undefined || p.ieltsSection !== undefined || p.toefl !== undefined ||
    p.toeflSection !== undefined || p.hsk !== undefined || Object.keys(p.cefr).length > 0;
}
