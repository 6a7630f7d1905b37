/**
 * Stage 5, assemble: the drafts of every source become the dataset's tables, each sorted by source
 * line, with partner mentions replaced by partner ids; countries and units present in the data; and
 * the English columns (records.ts ENGLISH_FIELDS) filled from partners, countries, units and
 * data/reference/labels-en.json — a label with no English there is an error naming its line.
 */
import type { Problem } from '../lib/context.ts';
import type { SourceContext } from '../lib/context.ts';
import { countryByCode, REGIONS } from '../lib/countries.ts';
import { conferenceFormatEn, regionLabelEn, LABELS_EN_FILE } from '../lib/labels-en.ts';
import { HOMES, type HomeId } from '../lib/homes.ts';
import { unitsOf } from '../lib/units.ts';
import type { ParseResult, PartnerMention } from '../sources/types.ts';
import type { Source, Unit, Country, Partner, Conference } from '../schema/records.ts';
import type { Parsed } from './parse.ts';
import { byLine, cmp, stageProblem, type Tables } from './types.ts';
import { coverageOf, type Coverage } from '../lib/coverage.ts';
import type { RorRecord } from '../lib/registry.ts';
import { locateHomes } from './locate-homes.ts';

export function assembleTables(parsed: Parsed[], contexts: SourceContext[], partners: Partner[], partnerId: (m: PartnerMention) => string, ror: ReadonlyMap<string, RorRecord>): { tables: Tables; errors: Problem[] } {
  const errors: Problem[] = [];
  type Item<K extends keyof ParseResult> = NonNullable<ParseResult[K]>[number];
  const all = <K extends keyof ParseResult>(k: K): Item<K>[] => parsed.flatMap(({ result }) => (result[k] ?? []) as Item<K>[]);

  // English columns: names the dataset holds elsewhere, beside the Japanese-only labels and the codes.
  const partnerEn = new Map(partners.map((p) => [p.id, p.name.en]));
  // A partner the identify stage could not identify has no record (an error of that stage): its
  // records get no English partner names, rather than a second error for the same cause.
  const partnerNames = (ids: string[]): string[] | undefined => (ids.every((id) => partnerEn.has(id)) ? ids.map((id) => partnerEn.get(id)!) : undefined);
  const countryEn = (code: string): string => {
    const row = countryByCode(code);
    if (!row) throw new Error(`country code ${code} is not in data/reference/countries.json`);
    return row.name.en;
  };
  const regionEn = (id: string): string => {
    const r = REGIONS.find((x) => x.id === id);
    if (!r) throw new Error(`region ${id} is not in REGIONS (scripts/lib/countries.ts)`);
    return r.name.en;
  };
  const regionOf = (code: string): string => regionEn(countryByCode(code)?.region ?? `(no region of ${code})`);
  /** A label's English from labels-en.json, or an error naming the record's line and the label. */
  const labelEn = (kind: string, lookup: (l: string) => string | undefined, label: string, src: { id: string; line: number }): string | undefined => {
    const en = lookup(label);
    if (en === undefined) errors.push(stageProblem(LABELS_EN_FILE, `${kind} "${label}" (${src.id} line ${src.line}) has no English: add it to ${LABELS_EN_FILE} with a reason`, { source: src.id, line: src.line, raw: label }));
    return en;
  };

  const agreements = all('agreements').map((a) => {
    const partners = (a.partners ?? [a.partner]).map(partnerId);
    if (new Set(partners).size < partners.length) errors.push(stageProblem('data/reference/partner-splits.json', `agreement ${a.id}: two members of its split are one partner (${partners.join(', ')})`, { source: a.source.id, line: a.source.line, raw: a.partnerName }));
    const partner = partners[0]!;
    const regionLabel = a.regionLabel ? labelEn('region label', regionLabelEn, a.regionLabel, a.source) : undefined;
    return {
      ...a, partner, partners, ...(partnerEn.has(partner) ? { partnerNameEn: partnerEn.get(partner)! } : {}),
      countryNamesEn: a.countries.map(countryEn), regionNamesEn: [...new Set(a.countries.map(regionOf))],
      ...(regionLabel ? { regionLabelEn: regionLabel } : {}),
    };
  }).sort(byLine);
  const programmes = all('programmes').map((p) => ({ ...p, partner: partnerId(p.partner), countryNameEn: countryEn(p.country) })).sort(byLine);
  const degreeProgrammes = all('degreeProgrammes').map((d) => {
    const ids = d.partners.map(partnerId);
    const en = partnerNames(ids);
    return { ...d, partners: ids, ...(en ? { partnerNamesEn: en } : {}) };
  }).sort(byLine);
  const strategic = all('strategicPartnerships').map((s) => {
    const ids = s.members.map(partnerId);
    const en = partnerNames(ids);
    return { ...s, members: ids, ...(en ? { memberNamesEn: en } : {}) };
  }).sort(byLine);
  const flowDrafts = all('flows').sort((a, b) => byLine(a, b) || cmp(a.direction, b.direction) || cmp(a.category, b.category));
  const conferences = all('conferences').map((c) => {
    const en = c.format ? labelEn('conference format', conferenceFormatEn, c.format, c.source) : undefined;
    return { ...c, ...(en ? { formatEn: en as Conference['formatEn'] } : {}) };
  }).sort(byLine);
  const visits = all('visits').map((v) => ({ ...v, ...(v.country ? { countryNameEn: countryEn(v.country) } : {}) })).sort(byLine);
  const partnersEn = partners.map((p) => (p.country ? { ...p, countryNameEn: countryEn(p.country) } : p));
  const callFacts = all('callFacts').sort((a, b) => byLine(a, b) || cmp(a.id, b.id));

  // Countries present in the data, with the region labels the sources give them.
  const codes = new Set<string>();
  for (const a of agreements) a.countries.forEach((c) => codes.add(c));
  for (const p of partners) if (p.country) codes.add(p.country);
  for (const p of programmes) codes.add(p.country);
  for (const f of flowDrafts) if (f.country) codes.add(f.country);
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
    const labels = [...(sourceRegions.get(code) ?? [])].sort();
    const en = labels.map((l) => regionLabelEn(l) ?? '');
    labels.forEach((l, i) => { if (!en[i]) errors.push(stageProblem(LABELS_EN_FILE, `region label "${l}" of country ${code} has no English: add it to ${LABELS_EN_FILE} with a reason`, { raw: l })); });
    return { code, name: row.name, region: row.region, regionNameEn: regionEn(row.region), sourceRegions: labels, sourceRegionsEn: en.filter((x) => x !== '') };
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
  const unitEn = new Map(units.map((u) => [u.id, u.name.en]));
  const flows = flowDrafts.map((f) => {
    const unitName = f.unit ? unitEn.get(f.unit) : undefined;
    return { ...f, ...(f.country ? { countryNameEn: countryEn(f.country) } : {}), ...(unitName ? { unitNameEn: unitName } : {}) };
  });

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
    partners: partnersEn,
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
