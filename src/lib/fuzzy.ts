/**
 * The directory's fuzzy matcher: Fuse over the prebuilt index, run only on the docs that can match
 * at all (fuzzyCandidates). Used in a Web Worker (src/scripts/fuzzy-worker.ts), so its long runs on
 * large data never hold up a keystroke, and in tests.
 */
import Fuse from 'fuse.js/basic';
import { prepare, hydrateFuseIndex, fuzzyCandidates, FUSE_OPTIONS, type IndexPayload, type Fuzzy, type SearchDoc } from './directory-filter.ts';

type IndexJson = Parameters<typeof Fuse.parseIndex>[0];

export function createFuzzy(payload: IndexPayload): Fuzzy {
  const prep = prepare(payload);
  const json = hydrateFuseIndex(payload.x, payload.d) as unknown as IndexJson;
  const fuse = new Fuse<SearchDoc>(payload.d, FUSE_OPTIONS, Fuse.parseIndex<SearchDoc>(json));
  const recordOf = new Map(json.records.map((r) => [r.i, r]));
  return (q) => {
    const candidates = fuzzyCandidates(prep, q);
    if (candidates.length === 0) return [];
    // Every search sets the collection it runs on: a subset left from the previous query would
    // otherwise hide matches of the next one.
    const records = candidates.length < payload.d.length ? candidates.map((i) => recordOf.get(i)!) : json.records;
    fuse.setCollection(payload.d, Fuse.parseIndex<SearchDoc>({ keys: json.keys, records }));
    return fuse.search(q).map((r) => ({ idx: r.refIndex, score: r.score ?? 1 }));
  };
}
