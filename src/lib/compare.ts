/**
 * Comparing the home universities' partner portfolios: overlaps (UpSet intersections), coverage by
 * region and country, the partners most of them share, and one pair side by side. Every number is
 * counted from relations (src/lib/relations.ts), the one definition of "a relation". Pure: no I/O;
 * the /compare/ page's script runs the same functions on the embedded portfolio.
 */
import { byHomeAndPartner, type Relation, type RelationLevel } from './relations.ts';

/** A pair's id: the two home ids in alphabetical order, joined by "-" (/compare/osaka-tsukuba/). */
export const pairId = (a: string, b: string): string => [a, b].sort().join('-');

/** Every pair of homes, each once, in alphabetical order. */
export function pairsOf(homes: readonly string[]): [string, string][] {
  const sorted = [...homes].sort();
  const out: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.push([sorted[i]!, sorted[j]!]);
  return out;
}

/** For each partner, the homes it has a relation with, sorted. */
export type Memberships = ReadonlyMap<string, readonly string[]>;

export function memberships(rels: readonly Relation[]): Map<string, string[]> {
  const m = new Map<string, Set<string>>();
  for (const r of rels) {
    const s = m.get(r.partner);
    if (s) s.add(r.home);
    else m.set(r.partner, new Set([r.home]));
  }
  return new Map([...m].map(([p, s]) => [p, [...s].sort()]));
}

/** One bar of an UpSet chart: the partners that exactly these homes (of those chosen) share. */
export interface Intersection {
  homes: string[];
  partners: string[];
}

/**
 * Exclusive intersections of the chosen homes' partner sets: each partner counted once, under the
 * exact set of chosen homes it has relations with. Largest first; ties by more homes, then by the
 * order of `chosen`.
 */
export function intersections(members: Memberships, chosen: readonly string[]): Intersection[] {
  const keep = new Set(chosen);
  const groups = new Map<string, Intersection>();
  for (const [partner, homes] of members) {
    const mine = homes.filter((h) => keep.has(h));
    if (mine.length === 0) continue;
    const key = chosen.filter((h) => mine.includes(h)).join('|');
    const g = groups.get(key);
    if (g) g.partners.push(partner);
    else groups.set(key, { homes: chosen.filter((h) => mine.includes(h)), partners: [partner] });
  }
  const order = (x: Intersection) => x.homes.map((h) => chosen.indexOf(h));
  return [...groups.values()]
    .map((g) => ({ ...g, partners: g.partners.sort() }))
    .sort((a, b) => b.partners.length - a.partners.length || b.homes.length - a.homes.length || compareArrays(order(a), order(b)));
}

function compareArrays(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Each chosen home's number of partners under each key (region, country): `keyOf` gives a partner's key. */
export function coverage(members: Memberships, chosen: readonly string[], keyOf: (partner: string) => string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>(chosen.map((h) => [h, new Map()]));
  for (const [partner, homes] of members) {
    const key = keyOf(partner);
    for (const h of homes) {
      const m = out.get(h);
      if (m) m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  return out;
}

/** Partners that at least `min` of the chosen homes have relations with, most shared first. */
export function sharedByAtLeast(members: Memberships, chosen: readonly string[], min: number): { partner: string; homes: string[] }[] {
  const keep = new Set(chosen);
  return [...members]
    .map(([partner, homes]) => ({ partner, homes: homes.filter((h) => keep.has(h)) }))
    .filter((x) => x.homes.length >= min)
    .sort((a, b) => b.homes.length - a.homes.length || (a.partner < b.partner ? -1 : 1));
}

/** The kinds of relation a portfolio is made of, for the "levels" table of a pair. */
export const PORTFOLIO_LEVELS = ['university', 'department', 'cic', 'strategic', 'programme', 'degree'] as const;
export type PortfolioLevel = (typeof PORTFOLIO_LEVELS)[number];

/** Which row of the levels table a relation counts in: an agreement's level, or the kind of a programme or degree programme. */
export const portfolioLevel = (r: Relation): PortfolioLevel => (r.kind === 'programme' ? 'programme' : r.kind === 'degree' ? 'degree' : (r.level as RelationLevel));

export interface Side {
  home: string;
  /** partners with any relation */
  partners: number;
  relations: number;
  /** per level: relations, and partners with at least one */
  levels: Record<PortfolioLevel, { relations: number; partners: number }>;
  /** the earliest year any relation began, and the median of each partner's first year */
  firstYear?: number;
  medianFirstYear?: number;
  /** partners by the year their first relation with this home began (partners with no year left out) */
  firstYears: Map<number, number>;
  /** partners whose relations give no year */
  undated: number;
}

export interface PairComparison {
  a: Side;
  b: Side;
  /** partners both have relations with, with each side's relations */
  shared: { partner: string; a: Relation[]; b: Relation[] }[];
  /** partners only one of them has */
  onlyA: string[];
  onlyB: string[];
}

function side(rels: readonly Relation[], home: string): Side {
  const mine = rels.filter((r) => r.home === home);
  const partners = new Set(mine.map((r) => r.partner));
  const levels = Object.fromEntries(PORTFOLIO_LEVELS.map((l) => {
    const rs = mine.filter((r) => portfolioLevel(r) === l);
    return [l, { relations: rs.length, partners: new Set(rs.map((r) => r.partner)).size }];
  })) as Side['levels'];
  const firstByPartner = new Map<string, number>();
  for (const r of mine) if (r.year !== undefined) firstByPartner.set(r.partner, Math.min(r.year, firstByPartner.get(r.partner) ?? Infinity));
  const years = [...firstByPartner.values()].sort((x, y) => x - y);
  const firstYears = new Map<number, number>();
  for (const y of years) firstYears.set(y, (firstYears.get(y) ?? 0) + 1);
  const mid = years.length ? (years.length % 2 ? years[(years.length - 1) / 2]! : Math.round((years[years.length / 2 - 1]! + years[years.length / 2]!) / 2)) : undefined;
  return {
    home,
    partners: partners.size,
    relations: mine.length,
    levels,
    ...(years.length ? { firstYear: years[0]!, medianFirstYear: mid! } : {}),
    firstYears,
    undated: partners.size - firstByPartner.size,
  };
}

/** Two homes side by side. */
export function comparePair(rels: readonly Relation[], a: string, b: string): PairComparison {
  const idx = byHomeAndPartner(rels);
  const ra = idx.get(a) ?? new Map<string, Relation[]>();
  const rb = idx.get(b) ?? new Map<string, Relation[]>();
  const shared = [...ra.keys()].filter((p) => rb.has(p)).sort().map((p) => ({ partner: p, a: ra.get(p)!, b: rb.get(p)! }));
  return {
    a: side(rels, a),
    b: side(rels, b),
    shared,
    onlyA: [...ra.keys()].filter((p) => !rb.has(p)).sort(),
    onlyB: [...rb.keys()].filter((p) => !ra.has(p)).sort(),
  };
}
