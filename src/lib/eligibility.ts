/**
 * The programme finder's eligibility engine: a student profile against one programme of an exchange
 * call — the partner's requirements as the pipeline read them (scripts/sources/tmu/requirements.ts)
 * and the home university's own minimums (call facts) on top. Pure: no DOM, no I/O; the page runs
 * it in the browser on the programmes embedded in it, the tests run it on data/build.
 *
 * A programme gets one status, the worst of its checks (ineligible > short > unknown > eligible):
 *   ineligible  the programme does not take the profile's level;
 *   short       a numeric requirement is not met by a number the profile has — the margin is
 *               stated ("IELTS 6.5 needed, you have 6.0");
 *   unknown     nothing is short, but something cannot be decided: the requirement is prose or
 *               depends on a faculty or module, a GPA range that depends on the programme holds the
 *               profile's GPA, or the profile lacks the value a requirement needs;
 *   eligible    every requirement is met.
 * A requirement the engine cannot read is never treated as met: it makes the programme unknown.
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
 *   conditional, text  unknown, the wording shown
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

export type Status = 'eligible' | 'short' | 'unknown' | 'ineligible';
/** A check's outcome; `none` when there is nothing to check. */
export type Outcome = 'met' | 'short' | 'unknown' | 'ineligible' | 'none';

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
  | { code: 'scale-assumed'; scale: number };

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
}

export interface Verdict {
  status: Status;
  checks: Check[];
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
type AtLevel = ReturnType<typeof atLevel>;
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
type Result = { outcome: Outcome; reasons: Reason[] };

function englishColumn(test: EnglishTest, r: Resolved, p: Profile, proseFallback?: Result): Result {
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
      if (section === undefined) return { outcome: 'unknown', reasons: [...reasons, { code: 'missing', what: test === 'ielts' ? 'ieltsSection' : 'toeflSection', need: high }] };
      if (atLeast(section, high)) return { outcome: 'met', reasons: [...reasons, { code: 'section-met', test, need: high, have: section }] };
      if (!atLeast(section, low)) return { outcome: 'short', reasons: [...reasons, { code: 'section-below', test, need: low, have: section }] };
      return { outcome: 'unknown', reasons: [...reasons, { code: 'section-unclear', test, low, high, have: section }] };
    }
    case 'cefr': {
      const threshold = isCefr(r.cefr) ? CEFR_THRESHOLDS[test][r.cefr] : undefined;
      if (!isCefr(r.cefr) || threshold === undefined) return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
      if (have === undefined) return { outcome: 'unknown', reasons: [{ code: 'missing', what: test, need: threshold }] };
      const ok = atLeast(have, threshold);
      const reason: Reason = ok ? { code: 'cefr-met', test, cefr: r.cefr, threshold, have } : { code: 'cefr-below', test, cefr: r.cefr, threshold, have };
      return { outcome: ok ? 'met' : 'short', reasons: [reason] };
    }
    // Prose that scores cannot settle ("good command of English"): the call replaces it with the
    // home university's own minimum (tmu-2024-autumn L442, ④). A condition on faculty or module is
    // not that: it stays unknown.
    case 'text': return proseFallback ? { outcome: proseFallback.outcome, reasons: [{ code: 'prose-home' }, ...proseFallback.reasons] } : { outcome: 'unknown', reasons: [{ code: 'prose' }] };
    default: return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
  }
}

/** IELTS and TOEFL iBT as alternatives (see the module comment). */
function englishCheck(columns: Record<EnglishTest, Resolved>, p: Profile, proseFallback?: Result): Result {
  const results = (['ielts', 'toefl'] as const).map((t) => ({ t, ...englishColumn(t, columns[t], p, proseFallback) }));
  const stated = results.filter((r) => r.outcome !== 'none');
  if (stated.length === 0) return { outcome: 'none', reasons: [{ code: 'no-requirement' }] };
  const notAlternative: Reason[] = results.filter((r) => r.outcome === 'none').map((r) => ({ code: 'not-alternative', test: r.t }));
  const met = stated.find((r) => r.outcome === 'met');
  if (met) return { outcome: 'met', reasons: met.reasons };
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
    case 'text': return proseFallback ? { outcome: proseFallback.outcome, reasons: [{ code: 'prose-home' }, ...proseFallback.reasons] } : { outcome: 'unknown', reasons: [{ code: 'prose' }] };
    default: return { outcome: 'unknown', reasons: [{ code: 'prose' }] };
  }
}

const STATUS_RANK: Record<Status, number> = { eligible: 0, unknown: 1, short: 2, ineligible: 3 };
const OUTCOME_STATUS: Record<Outcome, Status> = { none: 'eligible', met: 'eligible', unknown: 'unknown', short: 'short', ineligible: 'ineligible' };
const worst = (xs: Status[]): Status => xs.reduce((a, b) => (STATUS_RANK[b] > STATUS_RANK[a] ? b : a), 'eligible' as Status);

/** The verdict at one level the programme takes. */
function atOneLevel(prog: Programme, level: Level, p: Profile, mins: CallMinimums): Verdict {
  const line = prog.source.line;
  const req = prog.requirements;
  const checks: Check[] = [];
  if (prog.levelsUnsettled?.includes(level)) {
    checks.push({ kind: 'level', outcome: 'unknown', reasons: [{ code: 'level-unsettled', level }], line });
  }
  const col = (r: AtLevel, check: () => Result): Result => (r.omitted ? omittedCheck(level) : check());
  // The home university's English minimum, for courses taught in English (L92; L121: it must be met
  // even where the partner asks less).
  let homeEnglish: Check | undefined;
  if (mins.english && languageCodes(prog.language).includes('en')) {
    const e = mins.english;
    const column = (min?: number, section?: number): Resolved => (min === undefined ? { format: 'none', raw: '' } : { format: 'min', min, ...(section !== undefined ? { sections: { all: section } } : {}), raw: e.raw });
    homeEnglish = { kind: 'home-english', ...englishCheck({ ielts: column(e.ielts, e.ieltsSection), toefl: column(e.toefl, e.toeflSection) }, p), raw: e.raw, line: e.line };
  }
  const gpa = atLevel(req.gpa, level);
  checks.push({ kind: 'gpa', ...col(gpa, () => gpaCheck(gpa, p)), raw: req.gpa.raw, line });
  const ielts = atLevel(req.ielts, level);
  const toefl = atLevel(req.toefl, level);
  const english = ielts.omitted && toefl.omitted ? omittedCheck(level)
    : englishCheck({ ielts: ielts.omitted ? { format: 'not-stated', raw: '' } : ielts, toefl: toefl.omitted ? { format: 'not-stated', raw: '' } : toefl }, p, homeEnglish);
  if ((ielts.omitted || toefl.omitted) && english.outcome !== 'met' && !(ielts.omitted && toefl.omitted)) english.reasons.push({ code: 'level-not-stated', level });
  checks.push({ kind: 'english', ...(english.outcome === 'none' && (ielts.omitted || toefl.omitted) ? omittedCheck(level) : english), raw: [req.ielts.raw, req.toefl.raw].filter(Boolean).join(' / '), line });
  const other = atLevel(req.other, level);
  checks.push({ kind: 'other', ...col(other, () => otherLanguageCheck(other, prog.language, p, homeEnglish)), raw: req.other.raw, line });
  // The home GPA minimum (L83) applies only where the partner asks for no GPA: a partner's GPA
  // requirement takes priority over it (L110).
  if (mins.gpa && !gpa.omitted && ['none', 'not-stated', 'recommended'].includes(gpa.format)) {
    checks.push({ kind: 'home-gpa', ...gpaCheck({ format: 'min', min: mins.gpa.min, scale: mins.gpa.scale, raw: mins.gpa.raw }, p), raw: mins.gpa.raw, line: mins.gpa.line });
  } else if (mins.gpa) {
    checks.push({ kind: 'home-gpa', outcome: 'none', reasons: [{ code: 'partner-gpa-first' }], raw: mins.gpa.raw, line: mins.gpa.line });
  }
  if (homeEnglish) checks.push(homeEnglish);
  return { status: worst(checks.map((c) => OUTCOME_STATUS[c.outcome])), checks };
}

/** The verdict for a profile (see the module comment). */
export function evaluate(prog: Programme, p: Profile, mins: CallMinimums): Verdict {
  if (p.level) {
    if (!prog.levels[p.level]) {
      return { status: 'ineligible', checks: [{ kind: 'level', outcome: 'ineligible', reasons: [{ code: 'level-not-taken', level: p.level }], line: prog.source.line }] };
    }
    return atOneLevel(prog, p.level, p, mins);
  }
  // No level in the profile: every level the programme takes; one answer only if they agree.
  const verdicts = LEVELS.filter((l) => prog.levels[l]).map((l) => ({ l, v: atOneLevel(prog, l, p, mins) }));
  if (verdicts.length === 0) return { status: 'ineligible', checks: [] };
  if (verdicts.every((x) => x.v.status === verdicts[0]!.v.status)) return verdicts[0]!.v;
  const byLevel = Object.fromEntries(verdicts.map((x) => [x.l, x.v.status])) as Record<Level, Status>;
  return { status: 'unknown', checks: [{ kind: 'level', outcome: 'unknown', reasons: [{ code: 'level-depends', byLevel }], line: prog.source.line }, ...verdicts[0]!.v.checks] };
}

/** True when the profile says anything at all (otherwise nothing is marked). */
export function hasProfile(p: Profile): boolean {
  return p.level !== undefined || p.gpa !== undefined || p.ielts !== undefined || p.ieltsSection !== undefined || p.toefl !== undefined ||
    p.toeflSection !== undefined || p.hsk !== undefined || Object.keys(p.cefr).length > 0;
}
