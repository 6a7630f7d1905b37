/**
 * The directory's search engine in the browser, loaded on first use (a separate chunk, with Fuse):
 * the prebuilt index from /search-index.json, Fuse over it for fuzzy matches, and the pure
 * matching/filtering/ranking of src/lib/directory-filter.ts.
 */
import Fuse from 'fuse.js/basic';
import {
  prepare, runDirectory, highlightRanges, hydrateFuseIndex, fuzzyCandidates, FUSE_OPTIONS,
  type IndexPayload, type Fuzzy, type SearchDoc, type DirectoryResult, type HighlightCacheEntry,
} from '../lib/directory-filter.ts';
import type { DirectoryState } from '../lib/directory-state.ts';

export interface Engine {
  /** Results for a state; fuzzy (Fuse) matches only when asked. */
  run(state: DirectoryState, withFuzzy: boolean): DirectoryResult;
  highlight(text: string, terms: readonly string[]): [number, number][];
  /** partner id of each doc index (DirectoryResult.order points into it) */
  docIds: readonly string[];
}

type IndexJson = Parameters<typeof Fuse.parseIndex>[0];

/** `nameOrder`: partner id → position in the page's (locale's) name order. */
export function createEngine(payload: IndexPayload, nameOrder: ReadonlyMap<string, number>): Engine {
  const prep = prepare(payload);
  const json = hydrateFuseIndex(payload.x, payload.d) as unknown as IndexJson;
  const fuse = new Fuse<SearchDoc>(payload.d, FUSE_OPTIONS, Fuse.parseIndex<SearchDoc>(json));
  const recordOf = new Map(json.records.map((r) => [r.i, r]));
  const fuzzy: Fuzzy = (q) => {
    // Fuse over the records that can match at all (fuzzyCandidates), not all of them.
    const candidates = fuzzyCandidates(prep, q);
    if (candidates.length === 0) return [];
    // Every search sets the collection it runs on: a subset left from the previous query would
    // otherwise hide matches of the next one (results then depended on what was typed before).
    const records = candidates.length < payload.d.length ? candidates.map((i) => recordOf.get(i)!) : json.records;
    fuse.setCollection(payload.d, Fuse.parseIndex<SearchDoc>({ keys: json.keys, records }));
    return fuse.search(q).map((r) => ({ idx: r.refIndex, score: r.score ?? 1 }));
  };
  const order = payload.d.map((d) => nameOrder.get(d.i) ?? Number.MAX_SAFE_INTEGER);
  const cache = new Map<string, HighlightCacheEntry>();
  return {
    run: (state, withFuzzy) => runDirectory(prep, state, (i) => order[i]!, withFuzzy ? fuzzy : undefined),
    highlight: (text, terms) => highlightRanges(text, terms, cache),
    docIds: payload.d.map((d) => d.i),
  };
}
