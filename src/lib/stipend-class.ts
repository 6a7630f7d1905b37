/**
 * The stipend class (指定都市 designated cities, 甲地域 Class A, 乙地域 Class B, 丙地域 Class C) a
 * destination falls in, by the rules of data/reference/stipend-classes.json — reviewed judgements
 * of the call's own wording, each with its reason. In order:
 *
 * 1. no country → unknown;
 * 2. a designated city, by the GeoNames id of the partner's city (`partners.cityGeonames`);
 * 3. a country with a designated city but no known city → unknown (it may be that city);
 * 4. a country the call's words do not settle → unknown, with the reason;
 * 5. a country a class excepts (Poland from Class A; Korea from Class C's Asia) → the class it goes to;
 * 6. the class of the call's region word the country is in (欧州 → Class A);
 * 7. otherwise Class B (乙地域: everywhere else).
 *
 * Never a guess: what the rules do not decide is `unknown` with the reason. The rules are checked
 * against the call's wording (checkStipendWording): a call that words its classes differently stops
 * the build until the rules are reviewed again.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CallFact } from '../../scripts/schema/records.ts';

export type StipendClassId = 'designated' | 'a' | 'b' | 'c';
export const STIPEND_CLASSES: readonly StipendClassId[] = ['designated', 'a', 'b', 'c'];

export interface StipendRules {
  kind: string;
  classes: { id: StipendClassId; region: string; areas: string; reason: string }[];
  designatedCities: { ja: string; name: string; geonamesName?: string; country: string; geonames: number; reason: string }[];
  regions: { ja: string; en: string; class: StipendClassId; projectRegions: string[]; reason: string }[];
  exceptions: { from: StipendClassId; class: StipendClassId; reason: string; countries: { ja: string; code: string; note?: string }[] }[];
  unsettled: { code: string; reason: string }[];
  otherwise: { class: StipendClassId; reason: string };
  mainCities: Record<'a' | 'b' | 'c', [string, string][]> & { about: string };
  travel: {
    listed: { region: string; reason: string; countries: { ja: string; code: string }[] };
    otherwise: { region: string; reason: string };
  };
}

const FILE = 'data/reference/stipend-classes.json';
let cached: StipendRules | undefined;

/** The reviewed rules (read once; from the project root, where the build and the tests run). */
export function stipendRules(): StipendRules {
  if (cached) return cached;
  const rules = JSON.parse(readFileSync(resolve(FILE), 'utf8')) as StipendRules;
  const reasons: [string, string | undefined][] = [
    ...rules.classes.map((c) => [c.region, c.reason] as [string, string]),
    ...rules.designatedCities.map((c) => [c.ja, c.reason] as [string, string]),
    ...rules.regions.map((r) => [r.ja, r.reason] as [string, string]),
    ...rules.exceptions.map((e) => [`exceptions from ${e.from}`, e.reason] as [string, string]),
    ...rules.unsettled.map((u) => [u.code, u.reason] as [string, string]),
    ['otherwise', rules.otherwise.reason], [rules.travel.listed.region, rules.travel.listed.reason], [rules.travel.otherwise.region, rules.travel.otherwise.reason],
  ];
  for (const [what, reason] of reasons) if (!reason?.trim()) throw new Error(`${FILE}: "${what}" needs a reason`);
  const ids = new Set(rules.classes.map((c) => c.id));
  for (const id of STIPEND_CLASSES) if (!ids.has(id)) throw new Error(`${FILE}: no class "${id}"`);
  cached = rules;
  return rules;
}

/** Where a programme goes: its partner's country and city (the GeoNames place). */
export interface Destination {
  country: string | null;
  city?: string | null;
  cityGeonames?: number | undefined;
}

export type ClassRule = 'designated-city' | 'excepted' | 'region' | 'otherwise' | 'unsettled' | 'no-country' | 'city-unknown';

/** The class a destination falls in and the rule that decided it. */
export interface ClassDecision {
  class: StipendClassId | 'unknown';
  rule: ClassRule;
  /** the classes whose rows of the call's table the decision rests on (the class; for an exception, also the class that excepts it) */
  rows: StipendClassId[];
  /** the designated city (designated-city; city-unknown: the country's designated cities) */
  cities?: { ja: string; name: string }[];
  /** the call's region word (region rule): 欧州, Europe */
  callRegion?: { ja: string; en: string };
  /** the country as the call writes it (excepted rule) */
  excepted?: { ja: string; from: StipendClassId };
  /** the reviewed reason of the rule (reference data, English) */
  reason: string;
}

/** The stipend class of a destination by the rules (see the top of this file for their order). */
export function stipendClassOf(dest: Destination, rules: StipendRules, regionOf: (code: string) => string | undefined): ClassDecision {
  const country = dest.country;
  if (!country) return { class: 'unknown', rule: 'no-country', rows: [], reason: 'the partner has no country (an international network)' };
  const city = dest.cityGeonames !== undefined ? rules.designatedCities.find((c) => c.geonames === dest.cityGeonames) : undefined;
  if (city) return { class: 'designated', rule: 'designated-city', rows: ['designated'], cities: [{ ja: city.ja, name: city.name }], reason: city.reason };
  const here = rules.designatedCities.filter((c) => c.country === country);
  if (here.length && dest.cityGeonames === undefined) {
    return { class: 'unknown', rule: 'city-unknown', rows: ['designated'], cities: here.map((c) => ({ ja: c.ja, name: c.name })), reason: `the partner's city is not known, and ${country} has a designated city (${here.map((c) => c.name).join(', ')})` };
  }
  const unsettled = rules.unsettled.find((u) => u.code === country);
  if (unsettled) return { class: 'unknown', rule: 'unsettled', rows: [], reason: unsettled.reason };
  for (const e of rules.exceptions) {
    const hit = e.countries.find((c) => c.code === country);
    if (hit) return { class: e.class, rule: 'excepted', rows: [e.from, e.class], excepted: { ja: hit.ja, from: e.from }, reason: e.reason };
  }
  const region = regionOf(country);
  const r = region ? rules.regions.find((x) => x.projectRegions.includes(region)) : undefined;
  if (r) return { class: r.class, rule: 'region', rows: [r.class], callRegion: { ja: r.ja, en: r.en }, reason: r.reason };
  return { class: rules.otherwise.class, rule: 'otherwise', rows: [rules.otherwise.class], reason: rules.otherwise.reason };
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

/**
 * Holds the rules to the call they were reviewed for: each class's row must word its areas exactly
 * as the rules hold them, and the travel-cost table must list the same countries. Throws an error
 * naming the document, the line and the text otherwise.
 */
export function checkStipendWording(rules: StipendRules, facts: readonly CallFact[], source: { id: string; file: string }): void {
  const mine = facts.filter((f) => f.source.id === source.id);
  const where = (f: CallFact) => `${source.file}:${f.source.line} (${source.id} L${f.source.line})`;
  for (const c of rules.classes) {
    const rows = mine.filter((f) => f.key === 'stipend' && f.region === c.region);
    if (rows.length === 0) throw new Error(`${FILE}: the call ${source.id} (${source.file}) states no stipend for ${c.region}; review the stipend classes`);
    for (const f of rows) {
      if (!squash(f.raw).endsWith(squash(c.areas))) {
        throw new Error(`${where(f)}: the call words ${c.region} as "${f.raw}", the rules of ${FILE} were reviewed for "${c.areas}": review them for this call`);
      }
    }
  }
  const listed = mine.filter((f) => f.key === 'travel-cap' && f.region === rules.travel.listed.region && f.condition);
  if (listed.length === 0) throw new Error(`${FILE}: the call ${source.id} (${source.file}) has no travel-cost table for ${rules.travel.listed.region}; review the travel rules`);
  const want = rules.travel.listed.countries.map((c) => squash(c.ja)).join('、');
  for (const f of listed) {
    const got = f.condition!.split(/[、,]/).map((s) => squash(s)).filter(Boolean).join('、');
    if (got !== want) throw new Error(`${where(f)}: the call lists ${rules.travel.listed.region} as "${f.condition}", the rules of ${FILE} were reviewed for "${want}": review them for this call`);
  }
  if (!mine.some((f) => f.key === 'travel-cap' && f.region === rules.travel.otherwise.region)) {
    throw new Error(`${FILE}: the call ${source.id} (${source.file}) has no travel cap for ${rules.travel.otherwise.region}; review the travel rules`);
  }
}

/** The travel-cost region of a country: the listed one (アジア地域) or the rest; unknown without a country. */
export function travelRegionOf(country: string | null, rules: StipendRules): { region: string; listed: boolean } | undefined {
  if (!country) return undefined;
  return rules.travel.listed.countries.some((c) => c.code === country)
    ? { region: rules.travel.listed.region, listed: true }
    : { region: rules.travel.otherwise.region, listed: false };
}
