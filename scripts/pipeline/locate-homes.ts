/**
 * Where each home university is: one reviewed entry per home in data/reference/homes.json (its ROR
 * id and the reason), joined with the ROR record vendored in data/reference/registries/ror.json
 * (scripts/reference/reduce-registries.ts vendors the records these entries name, as it does for
 * partners). A home's `location` is its ROR record's place — a GeoNames city, as for partners
 * identified by ROR — at `registry` precision.
 *
 * Errors, each naming the entry: a home with no entry, an entry for no home, a ROR id missing from the
 * vendored records, a record outside Japan, an entry without a reason.
 */
import type { Problem } from '../lib/context.ts';
import { readReference } from '../lib/reference.ts';
import { HOME_IDS } from '../lib/homes.ts';
import type { RorRecord } from '../lib/registry.ts';
import type { Home } from '../schema/records.ts';
import { REGISTRY_DIR } from './identify.ts';
import { stageProblem } from './types.ts';

export const HOMES_FILE = 'homes.json';

/** One reviewed entry of data/reference/homes.json. */
export interface HomeEntry {
  id: string;
  /** ROR id, the 9-character part */
  ror: string;
  /** Why this is the record, and how far its place is from the main campus */
  reason: string;
}

export const readHomeEntries = (): HomeEntry[] => readReference<HomeEntry[]>(HOMES_FILE);

type BareHome = Pick<Home, 'id' | 'name'>;

export function locateHomes(homes: readonly BareHome[], ror: ReadonlyMap<string, RorRecord>, entries: readonly HomeEntry[] = readHomeEntries()): { homes: Home[]; errors: Problem[] } {
  const file = `data/reference/${HOMES_FILE}`;
  const errors: Problem[] = [];
  const err = (raw: string, message: string) => errors.push({ ...stageProblem(file, message), raw });
  for (const e of entries) {
    if (!(HOME_IDS as readonly string[]).includes(e.id)) err(JSON.stringify(e), `"${e.id}" is not a home university id (${HOME_IDS.join(', ')})`);
    if (!e.reason || e.reason.trim().length < 10) err(JSON.stringify(e), `the entry for ${e.id} gives no reason`);
  }
  const out = homes.map((h): Home => {
    const e = entries.find((x) => x.id === h.id);
    if (!e) { err('', `no entry for the home university ${h.id}: add its ROR id with a reason`); return { ...h, ror: null, location: null }; }
    const r = ror.get(e.ror);
    if (!r) { err(JSON.stringify(e), `ROR ${e.ror} (${h.id}) is not among the vendored records (data/reference/${REGISTRY_DIR}/ror.json): run scripts/reference/reduce-registries.ts`); return { ...h, ror: null, location: null }; }
    if (r.country !== 'JP') err(JSON.stringify(e), `ROR ${r.id} (${r.name}) is in ${r.country}, not Japan`);
    return { ...h, ror: r.id, location: { lat: r.lat, lon: r.lng, precision: 'registry' } };
  });
  return { homes: out, errors };
}
