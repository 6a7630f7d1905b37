/**
 * Matching, filtering, ranking and facet counts of the partner directory, as pure functions over
 * the search index (built by src/lib/search-index.ts, fetched by the page on first use). No DOM and
 * no Fuse import here: fuzzy matching comes in as a function, so this runs in unit tests on small
 * data. The browser side is src/scripts/directory-engine.ts.
 *
 * Text matching, best first:
 *   tier 0  a name key equals the query          (names: ja, en, romanised readings, every alias)
 *   tier 1  a name key starts with the query
 *   tier 2  a name key contains the query — for a Latin query only at a word start, so `usa` does
 *           not match Upp·sa·la; Japanese text has no word boundaries, so anywhere
 *   tier 3  the partner's country: a country name or alias equals the query (米国, USA, United States)
 *   tier 4  a country name starts with / contains the query, or a partner unit (faculty) contains it
 *   tier 5  a query of several words: every word matches some key
 *   tier 6  fuzzy (Fuse) — never when the query is a whole country name (then the country's partners
 *           are what was asked for) and never for queries shorter than 3 characters
 * Exact matches (tiers 0–5) are always included, whatever the fuzzy matcher returns.
 */
import type { FuseOptionKey, IFuseOptions } from 'fuse.js';
import { normalize, normalizeWithMap, isLatinQuery, romanizeWithMap, type Normalized } from './normalize.ts';
import type { DirectoryState } from './directory-state.ts';

/**
 * One agreement of a partner, compactly: [home index, level index (-1: not an agreement — a
 * programme, degree programme or strategic partnership that links the home), year signed (0: not
 * known), targets (1 researchers | 2 students), tuition waiver (0/1), ...unit indexes].
 */
export type AgreementTuple = number[];

/** One partner in the search index (short keys keep the JSON small). */
export interface SearchDoc {
  /** partner id */
  i: string;
  /** name keys, normalised with word starts as spaces (normalizeWords) */
  n: string[];
  /** partner units (faculties etc.) named in its agreements, normalised likewise */
  p?: string[];
  /** country code; '' for a partner with no country (a network spanning countries) */
  c: string;
  /** region id */
  r: string;
  /** agreements and other links to home universities */
  g: AgreementTuple[];
  /** number of agreements */
  a: number;
  /** first year an agreement was signed */
  f?: number;
  /** its city on the partner map: an index into IndexPayload.M (absent when the partner has no location) */
  k?: number;
}

export interface IndexPayload {
  v: 1;
  /** home ids, level ids and unit ids the tuples point into */
  H: string[];
  L: string[];
  U: string[];
  /** country code → normalised names and aliases (ja, en, every spelling the sources use) */
  C: Record<string, string[]>;
  /** the partner map's city keys ("<country>|<city>", as data-city on its marks) */
  M: string[];
  d: SearchDoc[];
  /** prebuilt Fuse index (Fuse.createIndex(FUSE_KEYS, d).toJSON()), its texts left out (see dehydrateFuseIndex) */
  x: FuseIndexJson;
}

interface FuseSubRecord { v?: string; i?: number; n: number }
/** The shape of FuseIndex.toJSON() for object docs (fuse.js types: IndexRecord, SubRecord). */
export interface FuseIndexJson {
  keys: { id: string }[];
  records: { i: number; $: Record<string, FuseSubRecord | FuseSubRecord[]> }[];
}

const flat = (s: string) => s.replace(/ /g, '');
const flatAll = (xs: readonly string[] | undefined) => (xs ?? []).map(flat);

/** Fuse keys: names weigh most; matched without the word-start spaces. Same at build and in the browser. */
export const FUSE_KEYS: FuseOptionKey<SearchDoc>[] = [
  { name: 'n', weight: 3, getFn: (d) => flatAll(d.n) },
  { name: 'p', weight: 1, getFn: (d) => flatAll(d.p) },
];

/**
 * The prebuilt Fuse index without its texts: each text is the flattened key at the same position in
 * the doc (`d.n[i]`, `d.p[i]`), which the index JSON already carries, so shipping both would double
 * the file. hydrateFuseIndex puts them back before Fuse.parseIndex; a unit test checks the round trip.
 */
export function dehydrateFuseIndex(x: FuseIndexJson): FuseIndexJson {
  return {
    keys: x.keys,
    records: x.records.map((r) => ({
      i: r.i,
      $: Object.fromEntries(Object.entries(r.$).map(([k, subs]) => [k, Array.isArray(subs) ? subs.map(({ v: _v, ...rest }) => rest) : subs])),
    })),
  };
}

export function hydrateFuseIndex(x: FuseIndexJson, docs: readonly SearchDoc[]): FuseIndexJson {
  const keyIds = x.keys.map((k) => k.id as 'n' | 'p');
  return {
    keys: x.keys,
    records: x.records.map((r) => {
      const doc = docs[r.i]!;
      const $: FuseIndexJson['records'][number]['$'] = {};
      for (const [k, subs] of Object.entries(r.$)) {
        const values = flatAll(doc[keyIds[Number(k)]!]);
        $[k] = Array.isArray(subs) ? subs.map((sub) => ({ v: values[sub.i!]!, i: sub.i!, n: sub.n })) : subs;
      }
      return { i: r.i, $ };
    }),
  };
}

export const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: FUSE_KEYS,
  // The text is normalised already (normalize.ts): no case or accent folding by Fuse.
  isCaseSensitive: true,
  ignoreDiacritics: false,
  ignoreLocation: true,
  threshold: 0.3,
  includeScore: true,
  shouldSort: true,
};

/** Shortest normalised query the fuzzy matcher is asked about (shorter ones match too much). */
export const FUZZY_MIN_LENGTH = 3;

/** A fuzzy matcher: doc indexes with a score in [0, 1], 0 best. */
export type Fuzzy = (normalizedQuery: string) => { idx: number; score: number }[];

interface Key {
  /** normalised, no spaces */
  f: string;
  /** word starts in f */
  w: number[];
  /** length of f without the words every institution name has (university, of, de…): ranks "Bordeaux University" before "Bordeaux INP" for `bordeaux` */
  c: number;
}

/** Words of institution names that tell nothing apart, left out of a key's ranking length. */
const GENERIC_WORDS = new Set(['university', 'universite', 'universidad', 'universitat', 'universita', 'universiteit', 'universitas', 'universiti', 'universidade', 'universitet', 'of', 'the', 'de', 'du', 'des', 'la', 'le', 'di', 'del', 'der', 'and']);

function toKey(spaced: string): Key {
  const w: number[] = [];
  let f = '';
  let c = 0;
  for (const word of spaced.split(' ')) {
    if (word === '') continue;
    w.push(f.length);
    f += word;
    if (!GENERIC_WORDS.has(word)) c += word.length;
  }
  return { f, w, c: c || f.length };
}

export interface Prepared {
  payload: IndexPayload;
  docs: SearchDoc[];
  names: Key[][];
  units: Key[][];
  /** per doc, per Fuse text (names and units): its bigrams, for fuzzyCandidates */
  grams: Set<string>[][];
  countries: Map<string, Key[]>;
  /** a whole country name or alias (flat) → its code */
  countryByKey: Map<string, string>;
  codes: Set<string>;
  /** doc indexes per country code */
  docsByCountry: Map<string, number[]>;
  /** every doc's flat name keys in one string (see Haystack), to find the docs a query can match */
  nameHay: Haystack;
  unitHay: Haystack;
}

/**
 * The flat keys of every doc in one string, each key followed by a separator that no normalised
 * text contains, and where each doc's part starts. Any doc whose key contains q (as a prefix, a word
 * start or anywhere) has q in this string inside its part, so one indexOf pass over it finds a
 * superset of the docs a query matches, and only those are looked at key by key.
 */
export interface Haystack { text: string; starts: Int32Array }

const SEP = '\u0001';

function haystack(keys: Key[][]): Haystack {
  const starts = new Int32Array(keys.length + 1);
  let text = '';
  keys.forEach((ks, i) => {
    starts[i] = text.length;
    for (const k of ks) text += k.f + SEP;
  });
  starts[keys.length] = text.length;
  return { text, starts };
}

/** Indexes of the docs whose part of the haystack contains q, ascending. */
export function hayHits(h: Haystack, q: string): number[] {
  const out: number[] = [];
  const { text, starts } = h;
  let at = text.indexOf(q);
  let lo = 0;
  while (at >= 0) {
    // the doc whose part holds `at`: the last start ≤ at (binary search from the previous hit on)
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid; else hi = mid - 1;
    }
    if (starts[lo + 1]! > starts[lo]!) out.push(lo);
    at = text.indexOf(q, starts[lo + 1]!);
    lo++;
  }
  return out;
}

export function prepare(payload: IndexPayload): Prepared {
  const countries = new Map(Object.entries(payload.C).map(([code, keys]) => [code, keys.map(toKey)]));
  const countryByKey = new Map<string, string>();
  for (const [code, keys] of countries) for (const k of keys) if (!countryByKey.has(k.f)) countryByKey.set(k.f, code);
  const names = payload.d.map((d) => d.n.map(toKey));
  const units = payload.d.map((d) => (d.p ?? []).map(toKey));
  const docsByCountry = new Map<string, number[]>();
  payload.d.forEach((d, i) => {
    const list = docsByCountry.get(d.c);
    if (list) list.push(i); else docsByCountry.set(d.c, [i]);
  });
  return {
    payload,
    docs: payload.d,
    names,
    units,
    docsByCountry,
    nameHay: haystack(names),
    unitHay: haystack(units),
    grams: payload.d.map((d) =>
      [...flatAll(d.n), ...flatAll(d.p)].map((t) => {
        const g = new Set<string>();
        for (let i = 0; i + 1 < t.length; i++) g.add(t.slice(i, i + 2));
        return g;
      }),
    ),
    countries,
    countryByKey,
    codes: new Set(Object.keys(payload.C)),
  };
}

/**
 * Docs that can possibly match `q` fuzzily (a superset of what Fuse finds), so Fuse runs on a
 * handful of records instead of all of them. Fuse (Bitap, ignoreLocation) accepts a text when some
 * part of it is within k = ⌊threshold·m⌋ edits of the m-character pattern; each edit spoils at most
 * two of the pattern's m−1 bigrams, so at least m−1−2k of them occur in that text (the q-gram lemma).
 */
export function fuzzyCandidates(prep: Prepared, q: string, threshold = FUSE_OPTIONS.threshold ?? 0.6): number[] {
  const m = q.length;
  const need = m - 1 - 2 * Math.floor(threshold * m + 1e-9);
  // Fuse cuts patterns longer than 32 characters into chunks and accepts a match of any chunk.
  if (need <= 0 || m > 32) return prep.docs.map((_, i) => i);
  const grams: string[] = [];
  for (let i = 0; i + 1 < m; i++) grams.push(q.slice(i, i + 2));
  const out: number[] = [];
  prep.grams.forEach((texts, i) => {
    for (const g of texts) {
      let hits = 0;
      for (let j = 0; j < grams.length && hits < need; j++) if (g.has(grams[j]!)) hits++;
      if (hits >= need) { out.push(i); return; }
    }
  });
  return out;
}

/** 0 equal, 1 prefix, 2 contained (Latin: at a word start), -1 no match. */
export function matchKey(k: Key, q: string, latin: boolean): number {
  if (k.f === q) return 0;
  if (k.f.startsWith(q)) return 1;
  if (latin) {
    for (const w of k.w) if (w > 0 && k.f.startsWith(q, w)) return 2;
    return -1;
  }
  return k.f.includes(q) ? 2 : -1;
}

const bestIn = (keys: Key[], q: string, latin: boolean): { tier: number; len: number } => {
  let tier = -1;
  let len = 0;
  for (const k of keys) {
    const t = matchKey(k, q, latin);
    if (t >= 0 && (tier < 0 || t < tier || (t === tier && k.c < len))) { tier = t; len = k.c; }
  }
  return { tier, len };
};

export interface TextMatch {
  /** doc index → rank (lower is better); null when there is no query (everything matches) */
  ranks: Map<number, number> | null;
  /** normalised terms to highlight: the whole query, and its words when it has several */
  terms: string[];
  /** the country the query names as a whole, if any */
  country: string | null;
}

/** Ranks every doc against a raw query (see the tiers in the module comment). */
export function matchText(prep: Prepared, raw: string, fuzzy?: Fuzzy): TextMatch {
  const q = normalize(raw);
  if (q === '') return { ranks: null, terms: [], country: null };
  const latin = isLatinQuery(q);
  const trimmed = raw.trim();
  const country = prep.countryByKey.get(q) ?? (/^[A-Z]{2}$/.test(trimmed) && prep.codes.has(trimmed) ? trimmed : null);
  const words = raw.split(/[\s\u3000]+/).map(normalize).filter((w) => w !== '');
  const multi = words.length > 1;
  const ranks = new Map<number, number>();
  const countryTier = new Map<string, number>();
  for (const [code, keys] of prep.countries) {
    const b = bestIn(keys, q, latin);
    if (code === country) countryTier.set(code, 3);
    else if (b.tier >= 0) countryTier.set(code, b.tier === 0 ? 3 : 4);
  }
  // Names: only the docs whose haystack part contains the query can match (see Haystack).
  for (const i of hayHits(prep.nameHay, q)) {
    const nm = bestIn(prep.names[i]!, q, latin);
    // A query that is a whole country name (USA, 米国) asks for that country's partners: a name
    // elsewhere counts only when it is that very name, not when it merely starts so (USAL).
    if (nm.tier >= 0 && (country === null || nm.tier === 0)) ranks.set(i, nm.tier * 1000 + Math.min(nm.len, 999));
  }
  for (const [code, tier] of countryTier) {
    for (const i of prep.docsByCountry.get(code) ?? []) {
      const r = ranks.get(i);
      if (r === undefined || tier * 1000 < r) ranks.set(i, tier * 1000);
    }
  }
  for (const i of hayHits(prep.unitHay, q)) {
    if (!ranks.has(i) && bestIn(prep.units[i]!, q, latin).tier >= 0) ranks.set(i, 4000 + 500);
  }
  if (multi) {
    // Every word somewhere: the docs that hold the first word (in a name, a unit or their country)
    // are the only candidates; each is then checked word by word.
    const w0 = words[0]!;
    const l0 = isLatinQuery(w0);
    const candidates = new Set([...hayHits(prep.nameHay, w0), ...hayHits(prep.unitHay, w0)]);
    for (const [code, keys] of prep.countries) {
      if (bestIn(keys, w0, l0).tier >= 0) for (const i of prep.docsByCountry.get(code) ?? []) candidates.add(i);
    }
    for (const i of candidates) {
      if (ranks.has(i)) continue;
      const d = prep.docs[i]!;
      const all = words.every((w) => {
        const l = isLatinQuery(w);
        return bestIn(prep.names[i]!, w, l).tier >= 0 || bestIn(prep.units[i]!, w, l).tier >= 0 || bestIn(prep.countries.get(d.c) ?? [], w, l).tier >= 0;
      });
      if (all) ranks.set(i, 5000);
    }
  }
  if (fuzzy && country === null && q.length >= FUZZY_MIN_LENGTH) {
    for (const { idx, score } of fuzzy(q)) if (!ranks.has(idx)) ranks.set(idx, 6000 + Math.round(score * 999));
  }
  return { ranks, terms: multi ? [q, ...words] : [q], country };
}

export type FacetDim = 'home' | 'country' | 'region' | 'level' | 'unit' | 'target' | 'waiver';
export const FACET_DIMS: FacetDim[] = ['home', 'country', 'region', 'level', 'unit', 'target', 'waiver'];
export type FacetCounts = Record<FacetDim, Map<string, number>>;

export interface DirectoryResult {
  /** indexes (into the index's docs) of the partners to show, in display order */
  order: number[];
  /** their ids (computed when first read) */
  readonly ids: string[];
  /**
   * Per facet option: partners that would show if that option were chosen (other filters kept).
   * Computed when first read: the page shows the results first and counts in idle time.
   */
  readonly counts: FacetCounts;
  terms: string[];
}

const TARGET_BITS: Record<string, number> = { researchers: 1, students: 2 };

/**
 * Applies the query, the facets and the sort. `baseOrder[i]` is doc i's position in name order
 * (the server-rendered order of the page's locale); unknown docs go last.
 */
export function runDirectory(prep: Prepared, state: DirectoryState, baseOrder: (i: number) => number, fuzzy?: Fuzzy, text?: TextMatch): DirectoryResult {
  const { payload } = prep;
  const tm = text ?? matchText(prep, state.q, fuzzy);
  const home = state.home ? payload.H.indexOf(state.home) : -1;
  const level = state.level ? payload.L.indexOf(state.level) : -1;
  const unit = state.unit ? payload.U.indexOf(state.unit) : -1;
  const from = state.from ? Number(state.from) : 0;
  const to = state.to ? Number(state.to) : 0;
  const target = TARGET_BITS[state.target] ?? 0;
  const waiver = state.waiver === 'yes';
  // An option that names nothing in the index matches nothing (a stale shared link shows an empty state).
  const none = (v: string, idx: number) => v !== '' && idx < 0;
  const impossible = none(state.home, home) || none(state.level, level) || none(state.unit, unit);

  type Skip = 'home' | 'level' | 'unit' | 'target' | 'waiver' | null;
  const agrActive = (skip: Skip) =>
    (skip !== 'home' && home >= 0) || (skip !== 'level' && level >= 0) || (skip !== 'unit' && unit >= 0) || from > 0 || to > 0 ||
    (skip !== 'target' && target > 0) || (skip !== 'waiver' && waiver);
  const agrPass = (a: AgreementTuple, skip: Skip): boolean => {
    if (skip !== 'home' && home >= 0 && a[0] !== home) return false;
    if (skip !== 'level' && level >= 0 && a[1] !== level) return false;
    if (from > 0 || to > 0) {
      const y = a[2]!;
      if (y === 0 || (from > 0 && y < from) || (to > 0 && y > to)) return false;
    }
    if (skip !== 'target' && target > 0 && !(a[3]! & target)) return false;
    if (skip !== 'waiver' && waiver && a[4] !== 1) return false;
    if (skip !== 'unit' && unit >= 0 && !a.slice(5).includes(unit)) return false;
    return true;
  };
  const anyActive = agrActive(null);

  const docs = prep.docs;
  const matched = (i: number) => !tm.ranks || tm.ranks.has(i);
  const visible: number[] = [];
  if (!impossible) {
    const scan = (i: number) => {
      const d = docs[i]!;
      if (state.country && d.c !== state.country) return;
      if (state.region && d.r !== state.region) return;
      if (anyActive && !d.g.some((a) => agrPass(a, null))) return;
      visible.push(i);
    };
    if (tm.ranks) for (const i of tm.ranks.keys()) scan(i);
    else for (let i = 0; i < docs.length; i++) scan(i);
  }

  // Sorting: one number per result, sorted natively — (primary key, name order, doc index) packed
  // into a double (exact below 2^53), no comparator calls. 17 bits each for order and index (up to
  // 131,071 docs); the primary key gets the rest.
  const B = 131072;
  const primary: (i: number) => number =
    state.sort === 'year' ? (i) => docs[i]!.f ?? 9999
      : state.sort === 'agreements' ? (i) => 65535 - Math.min(docs[i]!.a, 65535)
        : state.sort === '' && tm.ranks ? (i) => tm.ranks!.get(i)!
          : () => 0;
  const order: number[] = new Array(visible.length);
  if (docs.length < B) {
    const keys = new Float64Array(visible.length);
    for (let k = 0; k < visible.length; k++) {
      const i = visible[k]!;
      keys[k] = (primary(i) * B + Math.min(Math.max(baseOrder(i), 0), B - 1)) * B + i;
    }
    keys.sort();
    for (let k = 0; k < keys.length; k++) order[k] = keys[k]! % B;
  } else {
    visible.sort((a, b) => primary(a) - primary(b) || baseOrder(a) - baseOrder(b) || a - b);
    for (let k = 0; k < visible.length; k++) order[k] = visible[k]!;
  }

  // Counting with typed arrays and a per-doc stamp (no Set per doc and dimension), over every doc
  // the query matches: the costliest part of an update, so done only when asked for.
  const countFacets = (): FacetCounts => {
    const H = payload.H.length, L = payload.L.length, U = payload.U.length;
    const homeN = new Int32Array(H), levelN = new Int32Array(L), unitN = new Int32Array(U), targetN = new Int32Array(2), waiverN = new Int32Array(1);
    const homeSeen = new Int32Array(H), levelSeen = new Int32Array(L), unitSeen = new Int32Array(U);
    const country = new Map<string, number>();
    const region = new Map<string, number>();
    const dimActive = { home: agrActive('home'), level: agrActive('level'), unit: agrActive('unit'), target: agrActive('target'), waiver: agrActive('waiver') };
    if (!impossible) docs.forEach((d, i) => {
      if (!matched(i)) return;
      const stamp = i + 1;
      const cOk = !state.country || d.c === state.country;
      const rOk = !state.region || d.r === state.region;
      const agrOk = !anyActive || d.g.some((a) => agrPass(a, null));
      if (rOk && agrOk) country.set(d.c, (country.get(d.c) ?? 0) + 1);
      if (cOk && agrOk) region.set(d.r, (region.get(d.r) ?? 0) + 1);
      if (!(cOk && rOk)) return;
      let researchers = false, students = false, waived = false;
      for (const a of d.g) {
        const h = a[0]!, l = a[1]!;
        if ((!dimActive.home || agrPass(a, 'home')) && h >= 0 && homeSeen[h] !== stamp) { homeSeen[h] = stamp; homeN[h]!++; }
        if (l >= 0 && levelSeen[l] !== stamp && (!dimActive.level || agrPass(a, 'level'))) { levelSeen[l] = stamp; levelN[l]!++; }
        if (a.length > 5 && (!dimActive.unit || agrPass(a, 'unit'))) {
          for (let k = 5; k < a.length; k++) { const u = a[k]!; if (unitSeen[u] !== stamp) { unitSeen[u] = stamp; unitN[u]!++; } }
        }
        if (a[3]! > 0 && (!dimActive.target || agrPass(a, 'target'))) { if (a[3]! & 1) researchers = true; if (a[3]! & 2) students = true; }
        if (a[4] === 1 && (!dimActive.waiver || agrPass(a, 'waiver'))) waived = true;
      }
      if (researchers) targetN[0]!++;
      if (students) targetN[1]!++;
      if (waived) waiverN[0]!++;
    });
    const toMap = (ids: readonly string[], n: Int32Array) => {
      const m = new Map<string, number>();
      ids.forEach((id, k) => { if (n[k]) m.set(id, n[k]!); });
      return m;
    };
    return {
      home: toMap(payload.H, homeN), level: toMap(payload.L, levelN), unit: toMap(payload.U, unitN),
      target: toMap(['researchers', 'students'], targetN), waiver: toMap(['yes'], waiverN), country, region,
    };
  };

  let ids: string[] | undefined;
  let counts: FacetCounts | undefined;
  return {
    order,
    get ids() { return (ids ??= order.map((i) => docs[i]!.i)); },
    get counts() { return (counts ??= countFacets()); },
    terms: tm.terms,
  };
}

/** What highlightRanges keeps per displayed text between keystrokes. */
export interface HighlightCacheEntry { n: Normalized; roman?: ReturnType<typeof romanizeWithMap> }

/**
 * Ranges [start, end) of `text` (as displayed) that match any of the normalised terms: directly,
 * or — for a Latin term in a Japanese name — through the romanised reading of its kana. Sorted and
 * merged. `cache` keeps the normalisation of each displayed text between keystrokes.
 */
export function highlightRanges(text: string, terms: readonly string[], cache?: Map<string, HighlightCacheEntry>): [number, number][] {
  if (terms.length === 0 || text === '') return [];
  let entry = cache?.get(text);
  if (!entry) {
    entry = { n: normalizeWithMap(text) };
    cache?.set(text, entry);
  }
  const { n } = entry;
  const out: [number, number][] = [];
  const romanOf = (e: HighlightCacheEntry) => (e.roman ??= romanizeWithMap(e.n.text));
  for (const t of terms) {
    if (t === '') continue;
    let found = false;
    for (let at = n.text.indexOf(t); at >= 0; at = n.text.indexOf(t, at + t.length)) {
      out.push([n.start[at]!, n.end[at + t.length - 1]!]);
      found = true;
    }
    if (!found && isLatinQuery(t) && /[\u30a1-\u30fa]/.test(n.text)) {
      const roman = romanOf(entry);
      for (let at = roman.text.indexOf(t); at >= 0; at = roman.text.indexOf(t, at + t.length)) {
        const s = roman.start[at]!;
        const e = roman.end[at + t.length - 1]! - 1;
        out.push([n.start[s]!, n.end[e]!]);
      }
    }
  }
  // A long vowel mark right after a match belongs to it (ボルドー for ボルド).
  for (const r of out) while (r[1] < text.length && /[ーｰ〜]/.test(text[r[1]]!)) r[1]++;
  out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
