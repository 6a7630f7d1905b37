/**
 * The places cell (募集枠数, "semester spots"): 4 semester spots = four students for a half year or
 * two for a year (the call's "別表の見方" ③). Courses that share one pool of places say so in the
 * cell: "4 semester spots (including 10122006-2 course)". Sharing is one pool, so it is symmetric
 * and transitive: the pool is every course a member names or is named by, and each member's
 * sharedWith lists the others.
 */
import { clean } from '../../lib/text.ts';

/** Course numbers as the annex writes them: 10107001, 10116012-1, "10116015- 1" (spaced). */
export const COURSE_RE = /\b(\d{8})(?:\s*-\s*(\d{1,2}))?\b/g;
export const COURSE_CELL = /^\d{8}(?:-\d{1,2})?$/;

export function courseNumbers(text: string): string[] {
  return [...clean(text).matchAll(COURSE_RE)].map((m) => (m[2] ? `${m[1]}-${m[2]}` : m[1]!));
}

export interface Places {
  semesterSpots?: number;
  /** Course numbers the cell itself names (self excluded), before pools are closed. */
  names: string[];
  raw: string;
}

/**
 * "4 semester spots" → 4; "2semester spots (up to 1 students per semester)" → 2; "8 semester spots;
 * 4 students for the fall …" → 8. A cell that counts students ("up to 2 students per a year/a
 * semester", "3~4 students per Semester", "2 students for each semester", "Same as the agreement (no
 * more than 5 per semester)") gives no semester-spot number: it is kept as written.
 */
export function parsePlaces(text: string, self: string): Places {
  const raw = clean(text);
  const spots = [...raw.matchAll(/(\d+)\s*semester\s+spots?\b/gi)].map((m) => Number(m[1]));
  const out: Places = { names: courseNumbers(raw).filter((c) => c !== self), raw };
  if (spots.length === 1) out.semesterSpots = spots[0];
  return out;
}

/** A problem with the pools: a course names one the table does not list, or names are one-sided. */
export interface PoolProblem {
  course: string;
  message: string;
}

/**
 * Pools from what each course names: course → the other members of its pool (sorted). Courses the
 * table does not list stay in the pools as named, with a problem.
 */
export function closePools(named: Map<string, string[]>): { sharedWith: Map<string, string[]>; problems: PoolProblem[] } {
  const problems: PoolProblem[] = [];
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  };
  for (const [course, others] of named) {
    if (!parent.has(course)) parent.set(course, course);
    for (const o of others) {
      union(course, o);
      if (!named.has(o)) problems.push({ course, message: `shares its places with course ${o}, which the table does not list` });
      else if (!named.get(o)!.includes(course)) {
        problems.push({ course: o, message: `does not name course ${course}, which says it shares its places with ${o}` });
      }
    }
  }
  const members = new Map<string, string[]>();
  for (const x of parent.keys()) {
    const r = find(x);
    members.set(r, [...(members.get(r) ?? []), x]);
  }
  const sharedWith = new Map<string, string[]>();
  for (const course of named.keys()) {
    sharedWith.set(course, members.get(find(course))!.filter((c) => c !== course).sort());
  }
  return { sharedWith, problems };
}
