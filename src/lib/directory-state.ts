/**
 * The partner directory's state as the query string holds it (DATA-MODEL.md, "Site routes"):
 * `q`, `home`, `country`, `region`, `level`, `unit`, `from`, `to`, `target`, `waiver`, `sort`.
 * Pure and tiny: the page's script imports it before the search engine is loaded.
 */
import { matchCode, type UrlProblem } from './url-state.ts';
export const STATE_KEYS = ['q', 'home', 'country', 'region', 'level', 'unit', 'from', 'to', 'target', 'waiver', 'sort'] as const;
export type StateKey = (typeof STATE_KEYS)[number];
export type DirectoryState = Record<StateKey, string>;

export const SORTS = ['', 'name', 'year', 'agreements'] as const;
export const TARGETS = ['researchers', 'students'] as const;

export function emptyState(): DirectoryState {
  return { q: '', home: '', country: '', region: '', level: '', unit: '', from: '', to: '', target: '', waiver: '', sort: '' };
}

/** The values the page offers for its coded keys (its form's options), to read an address against. */
export type Vocabulary = Partial<Record<'home' | 'country' | 'region' | 'level' | 'unit', readonly string[]>>;

/**
 * Reads the state from a query string, with the problems found: codes are matched ignoring case
 * against `vocab` (country=th → TH, home=Osaka → osaka); a value the page does not offer, or one
 * not of its form (from=20x4), is dropped and reported. Unknown keys are ignored (they are no
 * filter). Without a vocabulary, coded values are kept as given (trimmed).
 */
export function parseState(search: string | URLSearchParams, vocab: Vocabulary = {}): { state: DirectoryState; problems: UrlProblem[] } {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const s = emptyState();
  const problems: UrlProblem[] = [];
  for (const k of STATE_KEYS) s[k] = (p.get(k) ?? '').trim();
  s.q = p.get('q') ?? '';
  const pick = (k: StateKey, allowed: readonly string[] | undefined) => {
    if (s[k] === '' || !allowed) return;
    const m = matchCode(s[k], allowed);
    if (m === undefined) problems.push({ key: k, value: s[k], why: 'unknown' });
    s[k] = m ?? '';
  };
  for (const k of ['home', 'country', 'region', 'level', 'unit'] as const) pick(k, vocab[k]);
  for (const k of ['from', 'to'] as const) if (s[k] !== '' && !/^\d{4}$/.test(s[k])) { problems.push({ key: k, value: s[k], why: 'malformed' }); s[k] = ''; }
  pick('target', TARGETS);
  pick('waiver', ['yes']);
  pick('sort', SORTS.filter(Boolean));
  return { state: s, problems };
}

/** The state of a query string, problems dropped (see parseState). */
export function readState(search: string | URLSearchParams, vocab: Vocabulary = {}): DirectoryState {
  return parseState(search, vocab).state;
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
