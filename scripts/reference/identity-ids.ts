/**
 * Gives every entry of data/reference/partner-identities/ that has no `id` yet its published id: a
 * slug of the English name, with the city (else the country code) added only where another entry
 * already takes the plain slug. Ids already given are never changed: they are published URLs (a
 * partner that must move keeps its old id in formerIds). A local review step:
 *
 *   node scripts/reference/identity-ids.ts [--write]     (without --write: print what it would assign)
 *
 * Entries with the same plain slug are assigned together, so two institutions sharing a name both
 * get a qualifier ("soochow-university-suzhou", "soochow-university-taipei").
 */
import { parseArgs } from 'node:util';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DIR } from '../lib/reference.ts';
import { slugify } from '../lib/text.ts';
import { IDENTITY_DIR, REGISTRY_DIR, idSlug, type IdentityEntry } from '../pipeline/identify.ts';
import type { RorRecord } from '../lib/registry.ts';

const { values: args } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
const dir = join(REFERENCE_DIR, IDENTITY_DIR);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const data = new Map(files.map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as IdentityEntry[]]));
const all = [...data.values()].flat();
let ror = new Map<string, RorRecord>();
try {
  ror = new Map((JSON.parse(readFileSync(join(REFERENCE_DIR, REGISTRY_DIR, 'ror.json'), 'utf8')) as { records: RorRecord[] }).records.map((r) => [r.id, r]));
} catch { /* no vendored records yet: cities from entries only */ }

const plain = (e: IdentityEntry) => idSlug(e.en);
const cityOf = (e: IdentityEntry) => e.city?.name ?? (e.ror ? ror.get(e.ror)?.city : undefined);
const taken = new Set(all.flatMap((e) => [e.id ?? '', ...e.formerIds]).filter(Boolean));
const sharing = new Map<string, number>();
for (const e of all) sharing.set(plain(e), (sharing.get(plain(e)) ?? 0) + 1);
let assigned = 0;
for (const e of all) {
  if (e.id) continue;
  const base = plain(e);
  const city = cityOf(e);
  // a network with no country (country null) is qualified by "int"
  const country = (e.country ?? 'int').toLowerCase();
  const options = sharing.get(base)! > 1
    ? [city ? `${base}-${slugify(city)}` : '', `${base}-${country}`]
    : [base, city ? `${base}-${slugify(city)}` : '', `${base}-${country}`];
  // An entry may take back an id it was published under (its own former id): that is no clash.
  const free = (o: string) => o && (!taken.has(o) || (e.formerIds.includes(o) && !all.some((x) => x !== e && (x.id === o || x.formerIds.includes(o)))));
  let id = options.find(free);
  for (let n = 2; !id; n++) if (!taken.has(`${base}-${n}`)) id = `${base}-${n}`;
  taken.add(id);
  e.id = id;
  assigned++;
  console.log(`${e.country} ${e.ja} → ${id}`);
}
if (args.write) {
  // id first, then the fields in their usual order
  const order = ['id', 'formerIds', 'country', 'ja', 'en', 'status', 'ror', 'registry', 'city', 'signedAs', 'scope', 'reason'];
  for (const [f, entries] of data) {
    const sorted = entries.map((e) => Object.fromEntries(Object.entries(e).sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))));
    writeFileSync(join(dir, f), `[\n${sorted.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`);
  }
}
console.log(`${assigned} id(s) ${args.write ? 'assigned' : 'would be assigned (--write to save)'}`);
