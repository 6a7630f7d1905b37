/**
 * The programme finder's state as the query string holds it (DATA-MODEL.md, "Site routes"), pure:
 *
 *   profile  level (undergraduate | graduate), gpa, gpaScale (default 4), ielts, ieltsSection,
 *            toefl, toeflSection, CEFR levels in other languages as their ISO 639-1 code
 *            (de=B2, fr, es, zh, ko), hsk (1–6)
 *   filters  country (ISO code), region, lang (language of instruction, ISO 639-1), type (course
 *            kind), places (at least this many semester spots), rerec=1 (re-recruitment only),
 *            status (comma-separated statuses to show), class (the call's stipend class of the
 *            destination: designated | a | b | c | unknown), sort (match — the default: best status
 *            first, then course number | deadline | stipend | course | ielts | toefl | gpa | places)
 *   list     the shortlist: course numbers, comma-separated (up to SHORTLIST_MAX compared side by side)
 *
 * Malformed values are dropped, never guessed: a GPA above its scale, an IELTS band that is not a
 * half band, a TOEFL total over 120.
 */
import { CEFR_LEVELS, type Cefr, type Level, type Profile, type Status } from './eligibility.ts';
import { matchCode, type UrlProblem } from './url-state.ts';

export const OTHER_LANGUAGES = ['de', 'fr', 'es', 'zh', 'ko'] as const;
export const SORTS = ['match', 'deadline', 'stipend', 'course', 'ielts', 'toefl', 'gpa', 'places'] as const;
/** The destination classes of the call's stipend table (stipend-class.ts), and a class not known. */
export const DESTINATION_CLASSES = ['designated', 'a', 'b', 'c', 'unknown'] as const;
export const STATUSES: readonly Status[] = ['eligible', 'conditional', 'short', 'unknown', 'ineligible'];
export const COURSE_KINDS = ['regular', 'language-only', 'language+regular'] as const;
export const SHORTLIST_MAX = 4;

export interface Filters {
  country: string;
  region: string;
  lang: string;
  type: string;
  places: number | null;
  rerec: boolean;
  status: Status[];
  /** the destination's stipend class ('' = any) */
  dest: '' | (typeof DESTINATION_CLASSES)[number];
  sort: (typeof SORTS)[number];
}

export interface FinderState {
  profile: Profile;
  filters: Filters;
  list: string[];
}

export const PROFILE_KEYS = ['level', 'gpa', 'gpaScale', 'ielts', 'ieltsSection', 'toefl', 'toeflSection', ...OTHER_LANGUAGES, 'hsk'] as const;
export const FILTER_KEYS = ['country', 'region', 'lang', 'type', 'places', 'rerec', 'status', 'class', 'sort'] as const;

export function emptyFilters(): Filters {
  return { country: '', region: '', lang: '', type: '', places: null, rerec: false, status: [], dest: '', sort: 'match' };
}

const num = (s: string | null, ok: (x: number) => boolean): number | undefined => {
  if (s === null || s.trim() === '') return undefined;
  const x = Number(s.trim().replace(',', '.'));
  return Number.isFinite(x) && ok(x) ? x : undefined;
};
const halfBand = (x: number) => x >= 0 && x <= 9 && Number.isInteger(x * 2);

/** The values the page offers for its coded filters and shortlist (its form's options, its course numbers). */
export type FinderVocabulary = Partial<Record<'country' | 'region' | 'lang' | 'list', readonly string[]>>;

/** A number from the address, or undefined; a value given but not a number in range is a problem. */
function numberOf(p: URLSearchParams, key: string, ok: (x: number) => boolean, problems: UrlProblem[]): number | undefined {
  const raw = p.get(key);
  const x = num(raw, ok);
  if (x === undefined && raw !== null && raw.trim() !== '') problems.push({ key, value: raw, why: 'malformed' });
  return x;
}
/** A code from the address matched ignoring case, or ''; a value given but not offered is a problem. */
function codeOf(p: URLSearchParams, key: string, allowed: readonly string[] | undefined, problems: UrlProblem[], normal: (s: string) => string = (s) => s): string {
  const raw = (p.get(key) ?? '').trim();
  if (raw === '') return '';
  if (!allowed) return normal(raw);
  const m = matchCode(raw, allowed);
  if (m === undefined) problems.push({ key, value: raw, why: 'unknown' });
  return m ?? '';
}

export function readProfile(p: URLSearchParams, problems: UrlProblem[] = []): Profile {
  const level = codeOf(p, 'level', ['undergraduate', 'graduate'], problems);
  const gpaScale = numberOf(p, 'gpaScale', (x) => x > 0 && x <= 100, problems) ?? 4;
  const gpa = numberOf(p, 'gpa', (x) => x >= 0 && x <= gpaScale, problems);
  const cefr: Partial<Record<string, Cefr>> = {};
  for (const l of OTHER_LANGUAGES) {
    const v = codeOf(p, l, CEFR_LEVELS, problems);
    if (v) cefr[l] = v as Cefr;
  }
  const out: Profile = { gpaScale, cefr };
  if (level) out.level = level as Level;
  if (gpa !== undefined) out.gpa = gpa;
  const ielts = numberOf(p, 'ielts', halfBand, problems);
  const ieltsSection = numberOf(p, 'ieltsSection', halfBand, problems);
  const toefl = numberOf(p, 'toefl', (x) => x >= 0 && x <= 120 && Number.isInteger(x), problems);
  const toeflSection = numberOf(p, 'toeflSection', (x) => x >= 0 && x <= 30 && Number.isInteger(x), problems);
  const hsk = numberOf(p, 'hsk', (x) => x >= 1 && x <= 6 && Number.isInteger(x), problems);
  if (ielts !== undefined) out.ielts = ielts;
  if (ieltsSection !== undefined) out.ieltsSection = ieltsSection;
  if (toefl !== undefined) out.toefl = toefl;
  if (toeflSection !== undefined) out.toeflSection = toeflSection;
  if (hsk !== undefined) out.hsk = hsk;
  return out;
}

export function readFilters(p: URLSearchParams, vocab: FinderVocabulary = {}, problems: UrlProblem[] = []): Filters {
  const f = emptyFilters();
  f.country = codeOf(p, 'country', vocab.country, problems, (s) => s.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 2));
  f.region = codeOf(p, 'region', vocab.region, problems, (s) => s.toLowerCase().replace(/[^a-z-]/g, ''));
  f.lang = codeOf(p, 'lang', vocab.lang, problems, (s) => s.toLowerCase().replace(/[^a-z]/g, '').slice(0, 3));
  f.type = codeOf(p, 'type', COURSE_KINDS, problems);
  f.places = numberOf(p, 'places', (x) => x >= 1 && x <= 100 && Number.isInteger(x), problems) ?? null;
  const rerec = (p.get('rerec') ?? '').trim();
  f.rerec = rerec === '1';
  if (rerec !== '' && rerec !== '1') problems.push({ key: 'rerec', value: rerec, why: 'malformed' });
  for (const raw of (p.get('status') ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const m = matchCode(raw, STATUSES);
    if (m) { if (!f.status.includes(m as Status)) f.status.push(m as Status); }
    else problems.push({ key: 'status', value: raw, why: 'unknown' });
  }
  f.dest = codeOf(p, 'class', DESTINATION_CLASSES, problems) as Filters['dest'];
  const sort = codeOf(p, 'sort', SORTS, problems);
  f.sort = (sort || 'match') as Filters['sort'];
  return f;
}

/**
 * Reads the finder's state from a query string, with the problems found: codes matched ignoring
 * case against what the page offers (`vocab`), numbers checked against their range; a value that
 * cannot be used is dropped and reported, for the page's notice.
 */
export function parseFinderState(search: string | URLSearchParams, vocab: FinderVocabulary = {}): { state: FinderState; problems: UrlProblem[] } {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: UrlProblem[] = [];
  const profile = readProfile(p, problems);
  const filters = readFilters(p, vocab, problems);
  const list: string[] = [];
  for (const raw of (p.get('list') ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const ok = /^[0-9][0-9-]*$/.test(raw) && (!vocab.list || vocab.list.includes(raw));
    if (!ok) problems.push({ key: 'list', value: raw, why: /^[0-9][0-9-]*$/.test(raw) ? 'unknown' : 'malformed' });
    else if (list.length >= SHORTLIST_MAX && !list.includes(raw)) problems.push({ key: 'list', value: raw, why: 'excess' });
    else if (!list.includes(raw)) list.push(raw);
  }
  return { state: { profile, filters, list }, problems };
}

export function readFinderState(search: string | URLSearchParams, vocab: FinderVocabulary = {}): FinderState {
  return parseFinderState(search, vocab).state;
}

/** The query string of a state ('' or '?…'), keys in a fixed order, defaults left out. */
export function writeFinderState(s: FinderState): string {
  const p = new URLSearchParams();
  const pr = s.profile;
  if (pr.level) p.set('level', pr.level);
  if (pr.gpa !== undefined) p.set('gpa', String(pr.gpa));
  if (pr.gpa !== undefined && pr.gpaScale !== 4) p.set('gpaScale', String(pr.gpaScale));
  if (pr.ielts !== undefined) p.set('ielts', String(pr.ielts));
  if (pr.ieltsSection !== undefined) p.set('ieltsSection', String(pr.ieltsSection));
  if (pr.toefl !== undefined) p.set('toefl', String(pr.toefl));
  if (pr.toeflSection !== undefined) p.set('toeflSection', String(pr.toeflSection));
  for (const l of OTHER_LANGUAGES) if (pr.cefr[l]) p.set(l, pr.cefr[l]!);
  if (pr.hsk !== undefined) p.set('hsk', String(pr.hsk));
  const f = s.filters;
  if (f.country) p.set('country', f.country);
  if (f.region) p.set('region', f.region);
  if (f.lang) p.set('lang', f.lang);
  if (f.type) p.set('type', f.type);
  if (f.places !== null) p.set('places', String(f.places));
  if (f.rerec) p.set('rerec', '1');
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.dest) p.set('class', f.dest);
  if (f.sort !== 'match') p.set('sort', f.sort);
  if (s.list.length) p.set('list', s.list.join(','));
  const str = p.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}

/** The profile part alone (what localStorage keeps). */
export function profileQuery(profile: Profile): string {
  return writeFinderState({ profile, filters: emptyFilters(), list: [] });
}
