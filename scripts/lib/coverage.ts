/**
 * What each source covers and leaves out, as reviewed data (data/reference/coverage.json): one entry
 * per source id, or per document kind for documents that come again year after year (a new fiscal
 * year of Tsukuba's fact book, a new TMU call) so that adding one stays a manifest entry. A source
 * with neither is an error: every document in the dataset says what it can and cannot tell.
 *
 * Texts may hold `{asOf}` (the source's as-of date as a month: 2021年8月 / Aug 2021) and `{fy}` (its
 * fiscal year: 2023年度 / FY2023); they are filled in per source here, so the published `sources`
 * table carries finished sentences.
 */
import { readReference } from './reference.ts';

export type Bilingual = { ja: string; en: string };
export type CoverageLevel = 'university' | 'department' | 'cic' | 'strategic';
export type CoverageRelation = 'agreement' | 'strategic-partnership' | 'programme' | 'flow' | 'degree-programme' | 'conference' | 'visit';

export interface CoverageEntry {
  source?: string;
  kind?: string;
  /** agreement levels the list covers (university, department, cic, strategic); none for a call */
  levels: CoverageLevel[];
  /** kinds of record the document gives */
  relations: CoverageRelation[];
  short: Bilingual;
  covers: Bilingual;
  leavesOut: Bilingual;
  reason: string;
}

export interface Coverage {
  levels: CoverageLevel[];
  relations: CoverageRelation[];
  short: Bilingual;
  covers: Bilingual;
  leavesOut: Bilingual;
}

const FILE = 'coverage.json';

export function coverageEntries(): CoverageEntry[] {
  return readReference<CoverageEntry[]>(FILE);
}

function month(iso: string, locale: 'ja' | 'en'): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: locale === 'ja' ? 'long' : 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** `{asOf}` and `{fy}` filled in for one source; a placeholder the source cannot fill is an error. */
export function fill(text: string, source: { id: string; asOf: string; fiscalYear?: number }, locale: 'ja' | 'en'): string {
  return text.replace(/\{(\w+)\}/g, (all, key: string) => {
    if (key === 'asOf') return month(source.asOf, locale);
    if (key === 'fy' && source.fiscalYear !== undefined) return locale === 'ja' ? `${source.fiscalYear}年度` : `FY${source.fiscalYear}`;
    throw new Error(`data/reference/${FILE}: ${all} cannot be filled for source ${source.id}${key === 'fy' ? ' (it has no fiscalYear)' : ''}`);
  });
}

/**
 * The coverage of one source: its own entry, else its kind's. Throws (naming the file) when there is
 * none, or when two entries claim it.
 */
export function coverageOf(source: { id: string; kind: string; asOf: string; fiscalYear?: number }, entries: readonly CoverageEntry[] = coverageEntries()): Coverage {
  const own = entries.filter((e) => e.source === source.id);
  const byKind = entries.filter((e) => e.source === undefined && e.kind === source.kind);
  if (own.length > 1 || (!own.length && byKind.length > 1)) throw new Error(`data/reference/${FILE}: ${own.length > 1 ? own.length : byKind.length} entries for source ${source.id} (kind ${source.kind}): one only`);
  const e = own[0] ?? byKind[0];
  if (!e) throw new Error(`data/reference/${FILE}: no entry for source ${source.id} (kind ${source.kind}): add one saying what the document covers (levels, relations, as-of) and what it leaves out, in ja and en`);
  const both = (b: Bilingual): Bilingual => ({ ja: fill(b.ja, source, 'ja'), en: fill(b.en, source, 'en') });
  return { levels: [...e.levels], relations: [...e.relations], short: both(e.short), covers: both(e.covers), leavesOut: both(e.leavesOut) };
}
