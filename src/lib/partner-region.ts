/**
 * Where a partner is grouped by region. A network spanning countries (`country: null`, `scope:
 * international`) is grouped as International ("International / 国際"), in place of a region and
 * of a country, and counted under none of them. Pure and import-free (client bundles reach it
 * through relations.ts → select.ts).
 */
export const INTERNATIONAL = 'international';

/** A partner's region: its country's, International where it has no country, `unknown` for an unknown code. */
export function partnerRegion(countryByCode: ReadonlyMap<string, { region: string }>, country: string | null): string {
  return country === null ? INTERNATIONAL : countryByCode.get(country)?.region ?? 'unknown';
}
