/**
 * The programme finder's state as the query string holds it (DATA-MODEL.md, "Site routes"), pure:
 *
 *   profile  level (undergraduate | graduate), gpa, gpaScale (default 4), ielts, ieltsSection,
 *            toefl, toeflSection, CEFR levels in other languages as their ISO 639-1 code
 *            (de=B2, fr, es, zh, ko), hsk (1–6)
 *   filters  country (ISO code), region, lang (language of instruction, ISO 639-1), type (course
 *            kind), places (at least this many semester spots), rerec=1 (re-recruitment only),
 *            status (comma-separated statuses to show), sort (course | ielts | toefl | gpa | places)
 *   list     the shortlist: course numbers, comma-separated (up to SHORTLIST_MAX compared side by side)
 *
 * Malformed values are dropped, never guessed: a GPA above its scale, an IELTS band that is not a
 * half band, a TOEFL total over 120.
 */
import { CEFR_LEVELS, type Cefr, type Level, type Profile, type Status } from './eligibility.ts';

export const OTHER_LANGUAGES = ['de', 'fr', 'es', 'zh', 'ko'] as const;
export const SORTS = ['course', 'ielts', 'toefl', 'gpa', 'places'] as const;
export const STATUSES: readonly Status[] = ['eligible', 'short', 'unknown', 'ineligible'];
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
  sort: (typeof SORTS)[number];
}

export interface FinderState {
  profile: Profile;
  filters: Filters;
  list: string[];
}

export const PROFILE_KEYS = ['level', 'gpa', 'gpaScale', 'ielts', 'ieltsSection', 'toefl', 'toeflSection', ...OTHER_LANGUAGES, 'hsk'] as const;
export const FILTER_KEYS = ['country', 'region', 'lang', 'type', 'places', 'rerec', 'status', 'sort'] as const;

export function emptyFilters(): Filters {
  return { country: '', region: '', lang: '', type: '', places: null, rerec: false, status: [], sort: 'course' };
}

const num = (s: string | null, ok: (x: number) => boolean): number | undefined => {
  if (s === null || s.trim() === '') return undefined;
  const x = Number(s.trim().replace(',', '.'));
  return Number.isFinite(x) && ok(x) ? x : undefined;
};
const halfBand = (x: number) => x >= 0 && x <= 9 && Number.isInteger(x * 2);

export function readProfile(p: URLSearchParams): Profile {
  const level = p.get('level');
  const gpaScale = num(p.get('gpaScale'), (x) => x > 0 && x <= 100) ?? 4;
  const gpa = num(p.get('gpa'), (x) => x >= 0 && x <= gpaScale);
  const cefr: Partial<Record<string, Cefr>> = {};
  for (const l of OTHER_LANGUAGES) {
    const v = (p.get(l) ?? '').trim().toUpperCase();
    if ((CEFR_LEVELS as readonly string[]).includes(v)) cefr[l] = v as Cefr;
  }
  const out: Profile = { gpaScale, cefr };
  if (level === 'undergraduate' || level === 'graduate') out.level = level as Level;
  if (gpa !== undefined) out.gpa = gpa;
  const ielts = num(p.get('ielts'), halfBand);
  const ieltsSection = num(p.get('ieltsSection'), halfBand);
  const toefl = num(p.get('toefl'), (x) => x >= 0 && x <= 120 && Number.isInteger(x));
  const toeflSection = num(p.get('toeflSection'), (x) => x >= 0 && x <= 30 && Number.isInteger(x));
  const hsk = num(p.get('hsk'), (x) => x >= 1 && x <= 9 && Number.isInteger(x));
  if (ielts !== undefined) out.ielts = ielts;
  if (ieltsSection !== undefined) out.ieltsSection = ieltsSection;
  if (toefl !== undefined) out.toefl = toefl;
  if (toeflSection !== undefined) out.toeflSection = toeflSection;
  if (hsk !== undefined) out.hsk = hsk;
  return out;
}

export function readFilters(p: URLSearchParams): Filters {
  const f = emptyFilters();
  f.country = (p.get('country') ?? '').trim().toUpperCase().replace(/[^A-Z]/g, '').slice(0, 2);
  f.region = (p.get('region') ?? '').trim().replace(/[^a-z-]/g, '');
  f.lang = (p.get('lang') ?? '').trim().toLowerCase().replace(/[^a-z]/g, '').slice(0, 3);
  const type = p.get('type') ?? '';
  f.type = (COURSE_KINDS as readonly string[]).includes(type) ? type : '';
  f.places = num(p.get('places'), (x) => x >= 1 && x <= 100 && Number.isInteger(x)) ?? null;
  f.rerec = p.get('rerec') === '1';
  f.status = (p.get('status') ?? '').split(',').filter((s): s is Status => (STATUSES as readonly string[]).includes(s));
  const sort = p.get('sort') ?? '';
  f.sort = (SORTS as readonly string[]).includes(sort) ? (sort as Filters['sort']) : 'course';
  return f;
}

export function readFinderState(search: string | URLSearchParams): FinderState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const list = [...new Set((p.get('list') ?? '').split(',').map((s) => s.trim()).filter((s) => /^[0-9][0-9-]*$/.test(s)))];
  return { profile: readProfile(p), filters: readFilters(p), list };
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
  if (f.sort !== 'course') p.set('sort', f.sort);
  if (s.list.length) p.set('list', s.list.join(','));
  const str = p.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}

/** The profile part alone (what localStorage keeps). */
export function profileQuery(profile: Profile): string {
  return writeFinderState({ profile, filters: emptyFilters(), list: [] });
}
