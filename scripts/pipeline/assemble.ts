/**
 * Stage 5, assemble: the drafts of every source become the dataset's tables, each sorted by source
 * line, with partner mentions replaced by partner ids; countries and units present in the data.
 */
import type { Problem } from '../lib/context.ts';
import type { SourceContext } from '../lib/context.ts';
import { countryByCode } from '../lib/countries.ts';
import { HOMES, type HomeId } from '../lib/homes.ts';
import { unitsOf } from '../lib/units.ts';
import type { ParseResult, PartnerMention } from '../sources/types.ts';
import type { Source, Unit, Country, Partner } from '../schema/records.ts';
import type { Parsed } from './parse.ts';
import { byLine, cmp, stageProblem, type Tables } from './types.ts';
import { coverageOf, type Coverage } from '../lib/coverage.ts';
import type { RorRecord } from '../lib/registry.ts';
import { locateHomes } from './locate-homes.ts';

export function assembleTables(parsed: Parsed[], contexts: SourceContext[], partners: Partner[], partnerId: (m: PartnerMention) => string, ror: ReadonlyMap<string, RorRecord>): { tables: Tables; errors: Problem[] } {
  const errors: Problem[] = [];
  type Item<K extends keyof ParseResult> = NonNullable<ParseResult[K]>[number];
  const all = <K extends keyof ParseResult>(k: K): Item<K>[] => parsed.flatMap(({ result }) => (result[k] ?? []) as Item<K>[]);
  const agreements = all('agreements').map((a) => ({ ...a, partner: partnerId(a.partner) })).sort(byLine);
  const programmes = all('programmes').map((p) => ({ ...p, partner: partnerId(p.partner) })).sort(byLine);
  const degreeProgrammes = all('degreeProgrammes').map((d) => ({ ...d, partners: d.partners.map(partnerId) })).sort(byLine);
  const strategic = all('strategicPartnerships').map((s) => ({ ...s, members: s.members.map(partnerId) })).sort(byLine);
  const flows = all('flows').sort((a, b) => byLine(a, b) || cmp(a.direction, b.direction) || cmp(a.category, b.category));
  const conferences = all('conferences').sort(byLine);
  const visits = all('visits').sort(byLine);
  const callFacts = all('callFacts').sort((a, b) => byLine(a, b) || cmp(a.id, b.id));

  // Countries present in the data, with the region labels the sources give them.
  const codes = new Set<string>();
  for (const a of agreements) a.countries.forEach((c) => codes.add(c));
  for (const p of partners) if (p.country) codes.add(p.country);
  for (const p of programmes) codes.add(p.country);
  for (const f of flows) if (f.country) codes.add(f.country);
  for (const v of visits) if (v.country) codes.add(v.country);
  const sourceRegions = new Map<string, Set<string>>();
  const addRegion = (country: string, label: string) => {
    const s = sourceRegions.get(country) ?? new Set<string>();
    s.add(label);
    sourceRegions.set(country, s);
  };
  for (const { result } of parsed) for (const r of result.sourceRegions ?? []) addRegion(r.country, r.label);
  for (const a of agreements) if (a.regionLabel) for (const c of a.countries) addRegion(c, a.regionLabel);
  const countries: Country[] = [...codes].sort().map((code) => {
    const row = countryByCode(code);
    if (!row) throw new Error(`country code ${code} is not in data/reference/countries.json`);
    return { code, name: row.name, region: row.region, sourceRegions: [...(sourceRegions.get(code) ?? [])].sort() };
  });

  const homesUsed = [...new Set(parsed.map((p) => p.meta.home))].sort() as HomeId[];
  const units: Unit[] = homesUsed.flatMap((h) => {
    try {
      return unitsOf(h).map((u) => ({ id: u.id, home: h, name: u.name, ...(u.parent ? { parent: u.parent } : {}), kind: u.kind, ...(u.countedIn ? { countedIn: u.countedIn.unit, countedInReason: u.countedIn.reason } : {}) }));
    } catch (e) {
      errors.push(stageProblem(`data/reference/units/${h}.json`, (e as Error).message));
      return [];
    }
  }).sort((a, b) => cmp(a.id, b.id));

  const sources: Source[] = contexts.map(({ source: s, lineCount }) => {
    let coverage: Coverage | undefined;
    try {
      coverage = coverageOf(s);
    } catch (e) {
      errors.push(stageProblem('data/reference/coverage.json', (e as Error).message, { source: s.id }));
    }
    return {
      id: s.id, home: s.home, kind: s.kind, title: s.title, publisher: s.publisher, asOf: s.asOf,
      ...(s.asOfNote ? { asOfNote: s.asOfNote } : {}),
      ...(s.fiscalYear !== undefined ? { fiscalYear: s.fiscalYear } : {}),
      file: s.file.split('/').pop()!, sha256: s.sha256, lineCount,
      ...(s.licence ? { licence: s.licence } : {}), ...(s.url ? { url: s.url } : {}),
      ...(coverage ? { coverage } : {}),
    };
  });

  // Each home with its ROR id and place (data/reference/homes.json).
  const located = locateHomes(HOMES.filter((h) => homesUsed.includes(h.id)), ror);
  errors.push(...located.errors);

  const tables: Tables = {
    sources,
    homes: located.homes,
    countries,
    units,
    partners,
    agreements,
    programmes,
    'degree-programmes': degreeProgrammes,
    'strategic-partnerships': strategic,
    flows,
    conferences,
    visits,
    'call-facts': callFacts,
  };
  return { tables, errors };
}
