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
  /** country code */
  c: string;
  /** region id */
  r: string;
  /** agreements and other links to home universities */
  g: AgreementTuple[];
  /** number of agreements */
  a: number;
  /** first year an agreement was signed */
  f?: number;
}

export interface IndexPayload {
  v: 1;
  /** home ids, level ids and unit ids the tuples point into */
  H: string[];
  L: string[];
  U: string[];
  /** country code → normalised names and aliases (ja, en, every spelling the sources use) */
  C: Record<string, string[]>;
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

/** A fuzzy matcher: doc indexes with a score in [0, 1], 0 best. */
export type Fuzzy = (normalizedQuery: string) => { idx: number; score: number }[];

interface Key {
  /** normalised, no spaces */
  f: string;
  /** word starts in f */
  w: number[];
}

function toKey(spaced: string): Key {
  const w: number[] = [];
  let f = '';
  let wordStart = true;
  for (const ch of spaced) {
    if (ch === ' ') { wordStart = true; continue; }
    if (wordStart) w.push(f.length);
    wordStart = false;
    f += ch;
  }
  return { f, w };
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
}

export function prepare(payload: IndexPayload): Prepared {
  const countries = new Map(Object.entries(payload.C).map(([code, keys]) => [code, keys.map(toKey)]));
  const countryByKey = new Map<string, string>();
  for (const [code, keys] of countries) for (const k of keys) if (!countryByKey.has(k.f)) countryByKey.set(k.f, code);
  return {
    payload,
    docs: payload.d,
    names: payload.d.map((d) => d.n.map(toKey)),
    units: payload.d.map((d) => (d.p ?? []).map(toKey)),
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
    if (t >= 0 && (tier < 0 || t < tier || (t === tier && k.f.length < len))) { tier = t; len = k.f.length; }
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
  prep.docs.forEach((d, i) => {
    let rank = Infinity;
    const nm = bestIn(prep.names[i]!, q, latin);
    if (nm.tier >= 0) rank = nm.tier * 1000 + Math.min(nm.len, 999);
    const ct = countryTier.get(d.c);
    if (ct !== undefined) rank = Math.min(rank, ct * 1000);
    if (rank === Infinity && bestIn(prep.units[i]!, q, latin).tier >= 0) rank = 4000 + 500;
    if (rank === Infinity && multi) {
      const all = words.every((w) => {
        const l = isLatinQuery(w);
        return bestIn(prep.names[i]!, w, l).tier >= 0 || bestIn(prep.units[i]!, w, l).tier >= 0 || bestIn(prep.countries.get(d.c) ?? [], w, l).tier >= 0;
      });
      if (all) rank = 5000;
    }
    if (rank !== Infinity) ranks.set(i, rank);
  });
  if (fuzzy && country === null && q.length >= 3) {
    for (const { idx, score } of fuzzy(q)) if (!ranks.has(idx)) ranks.set(idx, 6000 + Math.round(score * 999));
  }
  return { ranks, terms: multi ? [q, ...words] : [q], country };
}

export type FacetDim = 'home' | 'country' | 'region' | 'level' | 'unit' | 'target' | 'waiver';
export const FACET_DIMS: FacetDim[] = ['home', 'country', 'region', 'level', 'unit', 'target', 'waiver'];
export type FacetCounts = Record<FacetDim, Map<string, number>>;

export interface DirectoryResult {
  /** ids of the partners to show, in display order */
  ids: string[];
  /** per facet option: partners that would show if that option were chosen (other filters kept) */
  counts: FacetCounts;
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

  // Counting with typed arrays and a per-doc stamp (no Set per doc and dimension): this runs on
  // every keystroke over every doc that matches the query.
  const H = payload.H.length, L = payload.L.length, U = payload.U.length;
  const homeN = new Int32Array(H), levelN = new Int32Array(L), unitN = new Int32Array(U), targetN = new Int32Array(2), waiverN = new Int32Array(1);
  const homeSeen = new Int32Array(H), levelSeen = new Int32Array(L), unitSeen = new Int32Array(U);
  const country = new Map<string, number>();
  const region = new Map<string, number>();
  const visible: number[] = [];
  const dimActive = { home: agrActive('home'), level: agrActive('level'), unit: agrActive('unit'), target: agrActive('target'), waiver: agrActive('waiver') };

  if (!impossible) prep.docs.forEach((d, i) => {
    if (tm.ranks && !tm.ranks.has(i)) return;
    const stamp = i + 1;
    const cOk = !state.country || d.c === state.country;
    const rOk = !state.region || d.r === state.region;
    const agrOk = !anyActive || d.g.some((a) => agrPass(a, null));
    if (cOk && rOk && agrOk) visible.push(i);
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
  const counts: FacetCounts = {
    home: toMap(payload.H, homeN), level: toMap(payload.L, levelN), unit: toMap(payload.U, unitN),
    target: toMap(['researchers', 'students'], targetN), waiver: toMap(['yes'], waiverN), country, region,
  };

  const byName = (a: number, b: number) => baseOrder(a) - baseOrder(b);
  let cmp: (a: number, b: number) => number;
  const docs = prep.docs;
  if (state.sort === 'year') cmp = (a, b) => (docs[a]!.f ?? 9999) - (docs[b]!.f ?? 9999) || byName(a, b);
  else if (state.sort === 'agreements') cmp = (a, b) => docs[b]!.a - docs[a]!.a || byName(a, b);
  else if (state.sort === '' && tm.ranks) {
    const r = tm.ranks;
    cmp = (a, b) => r.get(a)! - r.get(b)! || byName(a, b);
  } else cmp = byName;
  visible.sort(cmp);
  return { ids: visible.map((i) => docs[i]!.i), counts, terms: tm.terms };
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
