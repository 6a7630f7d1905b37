/**
 * The programme finder's list logic, pure: which programmes a state shows and in what order. The
 * page renders every programme at build time; the script (src/scripts/finder.ts) hides, orders and
 * marks them with this and eligibility.ts.
 */
import { atLevel, withNoted, evaluate, hasProfile, languageCodes, CEFR_THRESHOLDS, type CallMinimums, type JudgedProgramme, type Level, type Verdict } from './eligibility.ts';
import type { FinderState } from './finder-state.ts';

/**
 * What the call says a programme pays and when it closes, in the few figures the list sorts and
 * filters by (from programme-money.ts at build time): the destination's stipend class, the monthly
 * stipend without and with a tuition waiver (null when the class is not known), the first
 * application deadline (ISO; null when the call gives none).
 */
export interface FinderMoney { class: string; stipend: number | null; stipendWith: number | null; deadline: string | null }

/** What the page embeds per programme for its script: the record without its prose, plus the country's region and its money. */
export type FinderProgramme = JudgedProgramme & { region: string; money?: FinderMoney };

/** A value missing (null/undefined) sorts last, whatever the direction of `cmp`. */
const missingLast = <T,>(x: T | null | undefined, y: T | null | undefined, cmp: (x: T, y: T) => number): number =>
  (x == null || y == null ? (x == null ? (y == null ? 0 : 1) : -1) : cmp(x, y));

/** Highest monthly stipend first (without a waiver, then with one); a class not known last; 0 on a tie. */
export function byStipend(a: FinderMoney | undefined, b: FinderMoney | undefined): number {
  return missingLast(a?.stipend, b?.stipend, (x, y) => y - x) || missingLast(a?.stipendWith, b?.stipendWith, (x, y) => y - x);
}
/** Earliest first application deadline first; none last; 0 on a tie. */
export function byDeadline(a: FinderMoney | undefined, b: FinderMoney | undefined): number {
  return missingLast(a?.deadline, b?.deadline, (x, y) => x.localeCompare(y));
}

/** Status order of the default sort: the programmes the reader can apply to first. */
export const STATUS_ORDER: readonly Verdict['status'][] = ['eligible', 'conditional', 'unknown', 'short', 'ineligible'];

/**
 * The minimum a programme asks for on one test at a level, for sorting by requirement: 0 when it
 * asks nothing, the number when it states one (a CEFR level as its IELTS/TOEFL threshold, a GPA on
 * a 4-point scale), Infinity when it cannot be read.
 */
export function requirementKey(p: JudgedProgramme, test: 'gpa' | 'ielts' | 'toefl', level: Level): number {
  // a requirement stated in the notes counts where the cell states none (eligibility.ts withNoted)
  const r = withNoted(p.requirements[test], atLevel(p.requirements[test], level), level);
  switch (r.format) {
    case 'none': case 'not-stated': case 'recommended': return 0;
    case 'min': return r.min === undefined ? Infinity : test === 'gpa' ? (r.min / (r.scale ?? 4)) * 4 : r.min;
    case 'range': return r.range ? (r.range.from / (r.scale ?? 4)) * 4 : Infinity;
    case 'cefr': {
      if (test === 'gpa') return Infinity;
      const t = r.cefr ? CEFR_THRESHOLDS[test][r.cefr as keyof (typeof CEFR_THRESHOLDS)['ielts']] : undefined;
      return t ?? Infinity;
    }
    default: return Infinity;
  }
}

export interface Shown {
  /** course numbers to show, in order */
  ids: string[];
  /** verdict per course number; empty when the profile is empty */
  verdicts: Map<string, Verdict>;
}

export function showProgrammes(progs: readonly FinderProgramme[], state: FinderState, mins: CallMinimums): Shown {
  const { profile, filters: f } = state;
  const verdicts = new Map<string, Verdict>();
  if (hasProfile(profile)) for (const p of progs) verdicts.set(p.id, evaluate(p, profile, mins));
  const level: Level = profile.level ?? 'undergraduate';
  const shown = progs.filter((p) => {
    if (f.country && p.country !== f.country) return false;
    if (f.region && p.region !== f.region) return false;
    if (f.lang && !languageCodes(p.language).includes(f.lang)) return false;
    if (f.type && p.courseKind !== f.type) return false;
    if (f.places !== null && (p.places.semesterSpots ?? 0) < f.places) return false;
    if (f.rerec && !p.reRecruitment) return false;
    if (f.status.length && verdicts.size && !f.status.includes(verdicts.get(p.id)!.status)) return false;
    if (f.dest && (p.money?.class ?? 'unknown') !== f.dest) return false;
    return true;
  });
  const byCourse = (a: FinderProgramme, b: FinderProgramme) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorted = [...shown];
  if (f.sort === 'places') sorted.sort((a, b) => (b.places.semesterSpots ?? -1) - (a.places.semesterSpots ?? -1) || byCourse(a, b));
  else if (f.sort === 'course') sorted.sort(byCourse);
  else if (f.sort === 'match') {
    const rank = (p: FinderProgramme) => { const v = verdicts.get(p.id); return v ? STATUS_ORDER.indexOf(v.status) : 0; };
    sorted.sort((a, b) => rank(a) - rank(b) || byCourse(a, b));
  } else if (f.sort === 'deadline') sorted.sort((a, b) => byDeadline(a.money, b.money) || byCourse(a, b));
  else if (f.sort === 'stipend') sorted.sort((a, b) => byStipend(a.money, b.money) || byCourse(a, b));
  else {
    const test = f.sort;
    sorted.sort((a, b) => {
      const ka = requirementKey(a, test, level);
      const kb = requirementKey(b, test, level);
      return ka === kb ? byCourse(a, b) : ka === Infinity ? 1 : kb === Infinity ? -1 : ka - kb;
    });
  }
  return { ids: sorted.map((p) => p.id), verdicts };
}
