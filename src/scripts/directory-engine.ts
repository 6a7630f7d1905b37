/**
 * The directory's search engine in the browser, loaded on first use (a separate chunk): the pure
 * matching/filtering/ranking of src/lib/directory-filter.ts over the prebuilt index. Fuzzy matches
 * come from a Web Worker (src/scripts/fuzzy-worker.ts) and are kept per query: `run` with fuzzy
 * uses those a worker has sent (setFuzzy), so it never runs Fuse on the main thread.
 */
import {
  prepare, runDirectory, highlightRanges, FUZZY_MIN_LENGTH,
  type IndexPayload, type Fuzzy, type DirectoryResult, type HighlightCacheEntry,
} from '../lib/directory-filter.ts';
import { normalize } from '../lib/normalize.ts';
import type { DirectoryState } from '../lib/directory-state.ts';

export interface Engine {
  /** Results for a state; with fuzzy, the fuzzy matches known for its query are added. */
  run(state: DirectoryState, withFuzzy: boolean): DirectoryResult;
  highlight(text: string, terms: readonly string[]): [number, number][];
  /** partner id of each doc index (DirectoryResult.order points into it) */
  docIds: readonly string[];
  /** the partner map's city key of each doc index (data-city of its mark), or undefined */
  docCities: readonly (string | undefined)[];
  /** The normalised query the fuzzy matcher would be asked, or null when it is not asked (too short). */
  fuzzyQuery(raw: string): string | null;
  hasFuzzy(q: string): boolean;
  setFuzzy(q: string, results: ReturnType<Fuzzy>): void;
}

/** `nameOrder`: partner id → position in the page's (locale's) name order. */
export function createEngine(payload: IndexPayload, nameOrder: ReadonlyMap<string, number>): Engine {
  const prep = prepare(payload);
  const known = new Map<string, ReturnType<Fuzzy>>();
  const fuzzy: Fuzzy = (q) => known.get(q) ?? [];
  const order = payload.d.map((d) => nameOrder.get(d.i) ?? Number.MAX_SAFE_INTEGER);
  const cache = new Map<string, HighlightCacheEntry>();
  return {
    run: (state, withFuzzy) => runDirectory(prep, state, (i) => order[i]!, withFuzzy ? fuzzy : undefined),
    highlight: (text, terms) => highlightRanges(text, terms, cache),
    docIds: payload.d.map((d) => d.i),
    docCities: payload.d.map((d) => (d.k === undefined ? undefined : payload.M[d.k])),
    fuzzyQuery: (raw) => { const q = normalize(raw); return q.length >= FUZZY_MIN_LENGTH ? q : null; },
    hasFuzzy: (q) => known.has(q),
    setFuzzy: (q, results) => { known.set(q, results); },
  };
}
