/**
 * The comparison pages' data at build time: relations from the dataset (src/lib/relations.ts), the
 * homes in alphabetical order, every pair, and the CSVs published under /data/compare/. Build only
 * (reads data/build through dataset()).
 */
import { dataset } from './dataset.ts';
import { relations, type Relation } from './relations.ts';
import { memberships, pairsOf, pairId, comparePair, intersections, coverage, type PairComparison } from './compare.ts';
import { toCsv } from '../../scripts/lib/output.ts';
import { groupBy } from './select.ts';
import { partnerRegion } from './partner-region.ts';

let cached: { rels: Relation[]; homes: string[]; members: Map<string, string[]> } | undefined;

/** Relations, homes (alphabetical) and each partner's homes, computed once per build. */
export function compareBase() {
  if (cached) return cached;
  const d = dataset();
  const rels = relations(d);
  const homes = d.homes.map((h) => h.id).sort();
  cached = { rels, homes, members: memberships(rels) };
  return cached;
}

let byPartner: Map<string, Relation[]> | undefined;
/** Every relation of one partner (with any home). */
export function relationsOfPartner(partner: string): Relation[] {
  byPartner ??= groupBy(compareBase().rels, (r) => [r.partner]);
  return byPartner.get(partner) ?? [];
}

export function allPairs(): { id: string; a: string; b: string }[] {
  return pairsOf(compareBase().homes).map(([a, b]) => ({ id: pairId(a, b), a, b }));
}

const pairCache = new Map<string, PairComparison>();
export function pairComparison(a: string, b: string): PairComparison {
  const id = pairId(a, b);
  if (!pairCache.has(id)) pairCache.set(id, comparePair(compareBase().rels, a, b));
  return pairCache.get(id)!;
}

const regionOf = (partner: string): string => {
  const d = dataset();
  return partnerRegion(d.countryByCode, d.partnerById.get(partner)?.country ?? null);
};
/** A partner's country; '' for a network spanning countries, which is counted under no country. */
const countryOf = (partner: string): string => dataset().partnerById.get(partner)?.country ?? '';

/** Relations in one cell of a CSV, "|"-separated as the dataset's lists: "agreement:department:2015:hiroshima-2024:16|…" (kind:level:year:source:line). */
const relationsCell = (rs: readonly Relation[]) => rs.map((r) => [r.kind, r.level ?? '', r.year ?? '', r.source.id, r.source.line].join(':')).join('|');

/** /data/compare/<a>-<b>-shared.csv: the partners both have, with each side's relations and their lines. */
export function sharedCsv(a: string, b: string): string {
  const d = dataset();
  const c = pairComparison(a, b);
  const rows = c.shared.map((s) => {
    const p = d.partnerById.get(s.partner)!;
    return { partner: s.partner, 'name.ja': p.name.ja, 'name.en': p.name.en ?? '', country: p.country ?? '', region: regionOf(s.partner), [`${a}.relations`]: s.a.length, [`${a}.records`]: relationsCell(s.a), [`${b}.relations`]: s.b.length, [`${b}.records`]: relationsCell(s.b) };
  });
  return toCsv(rows, ['partner', 'name.ja', 'name.en', 'country', 'region', `${a}.relations`, `${a}.records`, `${b}.relations`, `${b}.records`]);
}

/** Partners per country (and its region) for the given homes, and for a pair how many both have. */
export function countryRows(homes: readonly string[]): { country: string; region: string; counts: Record<string, number>; shared?: number }[] {
  const { members } = compareBase();
  const cov = coverage(members, homes, countryOf);
  const countries = [...new Set([...cov.values()].flatMap((m) => [...m.keys()]))].filter((c) => c !== '');
  const sharedBy = new Map<string, number>();
  if (homes.length === 2) for (const [p, hs] of members) if (homes.every((h) => hs.includes(h))) sharedBy.set(countryOf(p), (sharedBy.get(countryOf(p)) ?? 0) + 1);
  return countries
    .map((country) => ({ country, region: dataset().countryByCode.get(country)?.region ?? 'unknown', counts: Object.fromEntries(homes.map((h) => [h, cov.get(h)!.get(country) ?? 0])), ...(homes.length === 2 ? { shared: sharedBy.get(country) ?? 0 } : {}) }))
    .sort((x, y) => (x.region === y.region ? (x.country < y.country ? -1 : 1) : x.region < y.region ? -1 : 1));
}

/** /data/compare/<a>-<b>-countries.csv (and countries.csv for all five): partners per country. */
export function countriesCsv(homes: readonly string[]): string {
  const d = dataset();
  const rows = countryRows(homes).map((r) => ({ country: r.country, 'name.ja': d.countryByCode.get(r.country)?.name.ja ?? '', 'name.en': d.countryByCode.get(r.country)?.name.en ?? '', region: r.region, ...r.counts, ...(r.shared !== undefined ? { shared: r.shared } : {}) }));
  return toCsv(rows, ['country', 'name.ja', 'name.en', 'region', ...homes, ...(homes.length === 2 ? ['shared'] : [])]);
}

/** /data/compare/overlap.csv: the UpSet chart's bars (exclusive intersections of all five). */
export function overlapCsv(): string {
  const { members, homes } = compareBase();
  const rows = intersections(members, homes).map((x) => ({ homes: x.homes.join('|'), count: x.partners.length, ...Object.fromEntries(homes.map((h) => [h, x.homes.includes(h) ? 1 : 0])) }));
  return toCsv(rows, ['homes', 'count', ...homes]);
}

/** Every CSV under /data/compare/, by file name. */
export function compareCsvFiles(): { file: string; csv: () => string }[] {
  const { homes } = compareBase();
  return [
    { file: 'overlap.csv', csv: overlapCsv },
    { file: 'countries.csv', csv: () => countriesCsv(homes) },
    ...allPairs().flatMap(({ id, a, b }) => [
      { file: `${id}-shared.csv`, csv: () => sharedCsv(a, b) },
      { file: `${id}-countries.csv`, csv: () => countriesCsv([a, b]) },
    ]),
  ];
}
