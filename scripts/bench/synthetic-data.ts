/**
 * A synthetic dataset k times the real one, for `npm run bench` (scripts/bench/): every record of the
 * pipeline's output (data/build/) repeated k times with distinct ids, names suffixed so they stay
 * distinct, and every foreign key rewritten to the copy it belongs to. Copy 0 is the real data
 * unchanged (same ids, so real URLs still work); copy i (1 ≤ i < k) suffixes
 *   ids            `-x<i>`          partners, agreements, programmes (and their sharedWith course
 *                                   numbers), degree programmes, strategic partnerships,
 *                                   conferences, visits, call facts
 *   names          ` <i+1>`         partner ja/en names, reading and aliases, the partner names as
 *                                   written on agreement, programme and degree-programme lines,
 *                                   strategic partnership names, conference names, visitors
 *   foreign keys                    agreement.partner and .partners, programme.partner, degreeProgramme.partners,
 *                                   strategicPartnership.members
 * Shared reference tables (homes, countries, units, sources) are copied as they are, so source links
 * and home units stay valid; flows (statistics without ids) are repeated k times. Every table is
 * checked against its Zod schema and for unique ids and resolvable partner references.
 *
 *   node scripts/bench/synthetic-data.ts [--k 50] [--from data/build] [--out .cache/bench/x50/data]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TABLES, type Partner, type Agreement, type Programme, type DegreeProgramme, type StrategicPartnership } from '../schema/records.ts';

type Rec = Record<string, unknown> & { id?: string };

const read = <T>(dir: string, name: string): T => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as T;

export interface SyntheticSummary {
  k: number;
  out: string;
  rows: Record<string, number>;
  ms: number;
}

/** Writes the k× dataset (tables as JSON, plus validation.json) to `out` and checks it. */
export function writeSyntheticData(from: string, out: string, k: number): SyntheticSummary {
  const t0 = performance.now();
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, not ${k}`);
  const id = (x: string, i: number) => (i === 0 ? x : `${x}-x${i}`);
  const name = (x: string, i: number) => (i === 0 ? x : `${x} ${i + 1}`);
  const nameOpt = (x: string | undefined, i: number) => (x === undefined ? undefined : name(x, i));
  const times = <T>(rows: readonly T[], f: (r: T, i: number) => T): T[] => {
    const outRows: T[] = [];
    for (let i = 0; i < k; i++) for (const r of rows) outRows.push(f(r, i));
    return outRows;
  };
  const withId = <T extends Rec>(r: T, i: number): T => ({ ...r, id: id(r.id!, i) });
  const drop = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o)) as T; // undefined fields out

  const tables: Record<string, unknown[]> = {};
  tables.partners = times(read<Partner[]>(from, 'partners'), (p, i) =>
    drop({
      ...p,
      id: id(p.id, i),
      name: { ja: name(p.name.ja, i), en: name(p.name.en, i) },
      formerIds: p.formerIds.map((f) => id(f, i)),
      reading: nameOpt(p.reading, i),
      aliases: p.aliases.map((a) => name(a, i)),
    }),
  );
  tables.agreements = times(read<Agreement[]>(from, 'agreements'), (a, i) => ({
    ...a,
    id: id(a.id, i),
    partner: id(a.partner, i),
    partners: a.partners.map((p) => id(p, i)),
    partnerName: name(a.partnerName, i),
  }));
  tables.programmes = times(read<Programme[]>(from, 'programmes'), (p, i) =>
    drop({
      ...p,
      id: id(p.id, i),
      partner: id(p.partner, i),
      partnerName: { ja: name(p.partnerName.ja, i), en: nameOpt(p.partnerName.en, i) },
      places: { ...p.places, sharedWith: p.places.sharedWith.map((c) => id(c, i)) },
    }),
  );
  tables['degree-programmes'] = times(read<DegreeProgramme[]>(from, 'degree-programmes'), (d, i) =>
    drop({
      ...d,
      id: id(d.id, i),
      partners: d.partners.map((p) => id(p, i)),
      partnerNames: d.partnerNames?.map((n) => name(n, i)),
    }),
  );
  tables['strategic-partnerships'] = times(read<StrategicPartnership[]>(from, 'strategic-partnerships'), (s, i) => ({
    ...s,
    id: id(s.id, i),
    name: name(s.name, i),
    members: s.members.map((m) => id(m, i)),
  }));
  tables.conferences = times(read<Rec[]>(from, 'conferences'), (c, i) => ({ ...withId(c, i), name: name(c.name as string, i) }));
  tables.visits = times(read<Rec[]>(from, 'visits'), (v, i) => ({ ...withId(v, i), visitor: name(v.visitor as string, i) }));
  tables['call-facts'] = times(read<Rec[]>(from, 'call-facts'), withId);
  tables.flows = times(read<Rec[]>(from, 'flows'), (f) => f);
  for (const shared of ['homes', 'countries', 'units', 'sources']) tables[shared] = read<Rec[]>(from, shared);
  const missing = Object.keys(TABLES).filter((t) => !(t in tables));
  if (missing.length) throw new Error(`synthetic-data: no rule for table(s) ${missing.join(', ')} — add one`);

  // Checks: every row fits its schema, ids are unique, every partner reference resolves.
  for (const [t, rows] of Object.entries(tables)) {
    const schema = TABLES[t as keyof typeof TABLES];
    for (const r of rows) {
      const ok = schema.safeParse(r);
      if (!ok.success) throw new Error(`synthetic-data: ${t} row ${JSON.stringify(r).slice(0, 200)} does not fit its schema: ${ok.error.message}`);
    }
    const ids = rows.map((r) => (r as Rec).id).filter((x): x is string => typeof x === 'string');
    if (new Set(ids).size !== ids.length) throw new Error(`synthetic-data: duplicate ids in ${t}`);
  }
  const partnerIds = new Set((tables.partners as Partner[]).map((p) => p.id));
  const refs = [
    ...(tables.agreements as Agreement[]).flatMap((a) => [a.partner, ...a.partners]),
    ...(tables.programmes as Programme[]).map((p) => p.partner),
    ...(tables['degree-programmes'] as DegreeProgramme[]).flatMap((d) => d.partners),
    ...(tables['strategic-partnerships'] as StrategicPartnership[]).flatMap((s) => s.members),
  ];
  const dangling = refs.filter((r) => !partnerIds.has(r));
  if (dangling.length) throw new Error(`synthetic-data: ${dangling.length} partner reference(s) do not resolve, e.g. ${dangling[0]}`);

  mkdirSync(out, { recursive: true });
  const rows: Record<string, number> = {};
  for (const [t, r] of Object.entries(tables)) {
    writeFileSync(join(out, `${t}.json`), JSON.stringify(r));
    rows[t] = r.length;
  }
  writeFileSync(join(out, 'validation.json'), readFileSync(join(from, 'validation.json')));
  return { k, out, rows, ms: performance.now() - t0 };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { k: { type: 'string', default: '50' }, from: { type: 'string', default: 'data/build' }, out: { type: 'string' } } });
  const k = Number(values.k);
  const out = resolve(values.out ?? `.cache/bench/x${k}/data`);
  const s = writeSyntheticData(resolve(values.from), out, k);
  console.log(`synthetic ${k}× dataset in ${out} (${s.ms.toFixed(0)} ms): ${Object.entries(s.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`);
}
