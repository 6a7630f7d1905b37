/**
 * Country names → ISO 3166-1 alpha-2, through data/reference/countries.json (every ISO country with
 * ja/en names and the project region) and data/reference/country-aliases.json (every other spelling
 * the sources use, each with a reason). A label nobody mapped resolves to undefined: the parser
 * reports it as an error naming file and line. Nothing is guessed.
 */
import { readReference } from './reference.ts';

export type RegionId =
  | 'east-asia' | 'southeast-asia' | 'south-asia' | 'central-asia' | 'middle-east'
  | 'europe' | 'africa' | 'north-america' | 'latin-america' | 'oceania' | 'antarctica';

export const REGIONS: { id: RegionId; name: { ja: string; en: string } }[] = [
  { id: 'east-asia', name: { ja: '東アジア', en: 'East Asia' } },
  { id: 'southeast-asia', name: { ja: '東南アジア', en: 'Southeast Asia' } },
  { id: 'south-asia', name: { ja: '南アジア', en: 'South Asia' } },
  { id: 'central-asia', name: { ja: '中央アジア・コーカサス', en: 'Central Asia & Caucasus' } },
  { id: 'middle-east', name: { ja: '中東', en: 'Middle East' } },
  { id: 'europe', name: { ja: 'ヨーロッパ', en: 'Europe' } },
  { id: 'africa', name: { ja: 'アフリカ', en: 'Africa' } },
  { id: 'north-america', name: { ja: '北米', en: 'North America' } },
  { id: 'latin-america', name: { ja: '中南米', en: 'Latin America & Caribbean' } },
  { id: 'oceania', name: { ja: 'オセアニア', en: 'Oceania' } },
  { id: 'antarctica', name: { ja: '南極', en: 'Antarctica' } },
];

export interface CountryRow {
  code: string;
  name: { ja: string; en: string };
  region: RegionId;
  unSubregion: string;
  aliases: string[];
}
export interface CountryAlias {
  label: string;
  /** null: the label is ambiguous and deliberately left unresolved (the reason says why). */
  code: string | null;
  reason: string;
}

/** Key under which a country label is looked up: NFKC, no spaces or middle dots, lower-case Latin. */
export function countryKey(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/[\s・･.]/gu, '')
    .toLowerCase();
}

let table: Map<string, string> | undefined;
let unresolved: Map<string, string> | undefined;
let rows: Map<string, CountryRow> | undefined;

function load(): void {
  const countries = readReference<CountryRow[]>('countries.json');
  const aliases = readReference<CountryAlias[]>('country-aliases.json');
  rows = new Map(countries.map((c) => [c.code, c]));
  table = new Map();
  unresolved = new Map();
  for (const c of countries) {
    for (const n of [c.name.ja, c.name.en, ...c.aliases]) table.set(countryKey(n), c.code);
  }
  for (const a of aliases) {
    if (a.code === null) {
      unresolved.set(countryKey(a.label), a.reason);
      continue;
    }
    if (!rows.has(a.code)) throw new Error(`data/reference/country-aliases.json: "${a.label}" maps to unknown code ${a.code}`);
    const k = countryKey(a.label);
    const prev = table.get(k);
    if (prev && prev !== a.code) throw new Error(`data/reference/country-aliases.json: "${a.label}" maps to ${a.code} but the country table says ${prev}`);
    table.set(k, a.code);
  }
}

/** ISO code for a country label as written in a source, or undefined when no table maps it. */
export function resolveCountry(label: string): string | undefined {
  if (!table) load();
  return table!.get(countryKey(label));
}

let places: Map<string, string> | undefined;

/**
 * Country of a place or institution name that a source gives without any country (北京, ケンブリッジ,
 * 清華大学), through data/reference/places.json: each entry says which source needs it and why.
 * Kept apart from country names so that no place name can ever be read as a country label.
 */
export function resolvePlace(label: string): string | undefined {
  if (!places) {
    if (!rows) load();
    places = new Map();
    for (const a of readReference<CountryAlias[]>('places.json')) {
      if (!a.code || !rows!.has(a.code)) throw new Error(`data/reference/places.json: "${a.label}" maps to unknown code ${a.code}`);
      places.set(countryKey(a.label), a.code);
    }
  }
  return places.get(countryKey(label));
}

/**
 * The reason a label is deliberately left without a country (an ambiguous name such as ドミニカ,
 * which may be Dominica or the Dominican Republic), or undefined. Parsers keep such rows with the
 * label only and warn instead of reporting an error.
 */
export function unresolvedReason(label: string): string | undefined {
  if (!unresolved) load();
  return unresolved!.get(countryKey(label));
}

let starts: Set<string> | undefined;

/**
 * True when some country name, alias or place name begins with this character (after the same
 * normalisation as the lookup): a cheap filter for scanning a text for country names.
 */
export function mayStartCountryName(ch: string): boolean {
  if (!starts) {
    if (!table) load();
    resolvePlace('');
    starts = new Set([...table!.keys(), ...places!.keys()].map((k) => k[0]!).filter(Boolean));
  }
  return starts.has(countryKey(ch)[0] ?? '');
}

/** The country row for an ISO code. */
export function countryByCode(code: string): CountryRow | undefined {
  if (!rows) load();
  return rows!.get(code);
}
