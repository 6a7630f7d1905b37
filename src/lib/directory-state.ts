/**
 * The partner directory's state as the query string holds it (DATA-MODEL.md, "Site routes"):
 * `q`, `home`, `country`, `region`, `level`, `unit`, `from`, `to`, `target`, `waiver`, `sort`.
 * Pure and tiny: the page's script imports it before the search engine is loaded.
 */
export const STATE_KEYS = ['q', 'home', 'country', 'region', 'level', 'unit', 'from', 'to', 'target', 'waiver', 'sort'] as const;
export type StateKey = (typeof STATE_KEYS)[number];
export type DirectoryState = Record<StateKey, string>;

export const SORTS = ['', 'name', 'year', 'agreements'] as const;
export const TARGETS = ['researchers', 'students'] as const;

export function emptyState(): DirectoryState {
  return { q: '', home: '', country: '', region: '', level: '', unit: '', from: '', to: '', target: '', waiver: '', sort: '' };
}

/** Reads the state from a query string; unknown keys are ignored, malformed values dropped. */
export function readState(search: string | URLSearchParams): DirectoryState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const s = emptyState();
  for (const k of STATE_KEYS) s[k] = (p.get(k) ?? '').trim();
  s.q = p.get('q') ?? '';
  for (const k of ['from', 'to'] as const) if (!/^\d{4}$/.test(s[k])) s[k] = '';
  if (!(TARGETS as readonly string[]).includes(s.target)) s.target = '';
  if (s.waiver !== 'yes') s.waiver = '';
  if (!(SORTS as readonly string[]).includes(s.sort)) s.sort = '';
  return s;
}

/** The query string of a state ('' or '?…'), keys in a fixed order, empty values left out. */
export function writeState(s: DirectoryState): string {
  const p = new URLSearchParams();
  for (const k of STATE_KEYS) {
    const v = k === 'q' ? s.q.trim() : s[k];
    if (v) p.set(k, v);
  }
  const str = p.toString();
  return str ? `?${str}` : '';
}

export function hasState(s: DirectoryState): boolean {
  return STATE_KEYS.some((k) => (k === 'q' ? s.q.trim() : s[k]) !== '');
}
