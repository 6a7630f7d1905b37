/**
 * Registry candidates for a partner's English name, for the review behind
 * data/reference/partner-identities.json. A local review aid: the pipeline and CI never run it.
 *
 *   node scripts/reference/identity-candidates.ts --country TH --name "Mahidol University" [--name …]
 *   printf 'TH\tMahidol University\nTW\tNational Tsing Hua University\n' | node scripts/reference/identity-candidates.ts --stdin
 *   node scripts/reference/identity-candidates.ts --ror-id 01znkr924     (one record in full)
 *
 * Reads the full registry extracts (default ../shared/registries/, or --registries DIR): ROR
 * (Research Organization Registry) and the Hipo university-domains list. Candidates come from the
 * named country only (Soochow University exists in CN and TW). Each candidate shows how it matched:
 * `exact` (a name, label, alias or acronym equal after folding accents, case and punctuation) or
 * `words:S` (share S of distinctive words in common), with status, types, city, website and, for an
 * inactive record, its successor. A candidate is evidence to read, never an answer.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldName, nameWords, rorNames, type RorRecord, type HipoRecord } from '../lib/registry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    country: { type: 'string' },
    name: { type: 'string', multiple: true },
    stdin: { type: 'boolean' },
    'ror-id': { type: 'string', multiple: true },
    registries: { type: 'string', default: join(ROOT, '../shared/registries') },
    top: { type: 'string', default: '6' },
  },
});

const records = <T>(file: string): T[] => (JSON.parse(readFileSync(join(args.registries!, file), 'utf8')) as { records: T[] }).records;
const ror = records<RorRecord>('ror-records.json');
const hipo = records<HipoRecord>('hipo-university-domains.json');
const rorById = new Map(ror.map((r) => [r.id, r]));

if (args['ror-id']) {
  for (const id of args['ror-id']) console.log(JSON.stringify(rorById.get(id) ?? `no ROR record ${id} in the extract`, null, 1));
  process.exit(0);
}


function score(query: string, names: string[]): { how: string; s: number } {
  const q = foldName(query);
  if (names.some((n) => foldName(n) === q)) return { how: 'exact', s: 2 };
  const qw = new Set(nameWords(query));
  if (qw.size === 0) return { how: '', s: 0 };
  let best = 0;
  for (const n of names) {
    const nw = new Set(nameWords(n));
    if (nw.size === 0) continue;
    const common = [...qw].filter((w) => nw.has(w)).length;
    best = Math.max(best, (2 * common) / (qw.size + nw.size));
  }
  return { how: `words:${best.toFixed(2)}`, s: best };
}

const top = Number(args.top);
function candidates(country: string, name: string): void {
  console.log(`\n== ${country}  ${name}`);
  const rs = ror.filter((r) => r.country === country).map((r) => ({ r, ...score(name, rorNames(r)) }))
    .filter((x) => x.s >= 0.5).sort((a, b) => b.s - a.s).slice(0, top);
  if (rs.length === 0) console.log('  ROR: no candidate in this country');
  for (const { r, how } of rs) {
    const succ = r.successor?.length ? ` → successor ${r.successor.join(',')} ${r.successor.map((s) => rorById.get(s)?.name ?? '(not in extract)').join(', ')}` : '';
    console.log(`  ROR ${r.id} [${how}] ${r.name} | ${r.status} ${(r.types ?? []).join('/')} | ${r.city}${r.admin1 ? `, ${r.admin1}` : ''} | ${r.website ?? '-'}${succ}`);
    const other = rorNames(r).filter((n) => n !== r.name);
    if (other.length) console.log(`      also: ${other.slice(0, 8).join(' · ')}`);
  }
  const hs = hipo.filter((h) => h.country === country).map((h) => ({ h, ...score(name, [h.name]) }))
    .filter((x) => x.s >= 0.5).sort((a, b) => b.s - a.s).slice(0, top);
  if (hs.length === 0) console.log('  Hipo: no candidate in this country');
  for (const { h, how } of hs) console.log(`  Hipo [${how}] ${h.name} | ${h.domains.join(' ')} | ${h.webPages.join(' ')}`);
}

const queries: [string, string][] = [];
if (args.stdin) {
  for (const line of readFileSync(0, 'utf8').split(/\r?\n/)) {
    const [c, n] = line.split('\t');
    if (c && n) queries.push([c.trim().toUpperCase(), n.trim()]);
  }
}
for (const n of args.name ?? []) queries.push([(args.country ?? '').toUpperCase(), n]);
if (queries.length === 0 || queries.some(([c]) => !/^[A-Z]{2}$/.test(c))) {
  console.error('usage: --country XX --name "English name" [--name …] | --stdin (lines "XX<TAB>name") | --ror-id ID');
  process.exit(2);
}
for (const [c, n] of queries) candidates(c, n);
