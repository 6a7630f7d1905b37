/**
 * Dates and Japanese era years. Fiscal year = the calendar year it starts in (FY2023 = 令和5年度 =
 * April 2023 – March 2024). Everything is a plain calendar date: no clock, no time zone.
 */
import { clean } from './text.ts';

/** First Gregorian year of each era: 令和1 = 2019, 平成1 = 1989, 昭和1 = 1926. */
const ERAS: Record<string, number> = { R: 2019, 令和: 2019, H: 1989, 平成: 1989, S: 1926, 昭和: 1926 };

/** Gregorian year for an era year: eraYear('R', 2) = 2020, eraYear('平成', '元') = 1989. */
export function eraYear(era: string, year: number | string): number | undefined {
  const base = ERAS[era];
  if (base === undefined) return undefined;
  const y = year === '元' ? 1 : Number(year);
  return Number.isInteger(y) && y >= 1 ? base + y - 1 : undefined;
}

/** Parses all era years in a text such as "R2 (H29)" or "令和5年度": [2020, 2017]. */
export function eraYears(text: string): number[] {
  const out: number[] = [];
  for (const m of clean(text).matchAll(/(令和|平成|昭和|[RHS])\s*(\d{1,2}|元)/g)) {
    const y = eraYear(m[1]!, m[2]!);
    if (y !== undefined) out.push(y);
  }
  return out;
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO date from y/m/d numbers, or undefined when the date does not exist. */
export function isoDate(y: number, m: number, d: number): string | undefined {
  return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

export interface ParsedDate {
  /** ISO date when the text is exactly one valid date. */
  iso?: string;
  /** Every valid date found in the text, in order (compound cells give several). */
  all: string[];
  raw: string;
  /** Why the text is not one clean date, when it is not. */
  problem?: string;
}

const DATE_RE = /(\d{4})\s*[./\-年]\s*(\d{1,2})\s*[./\-月]\s*(\d{1,2})\s*日?/g;

/**
 * Parses a date cell: "2015.11.09", "2012/10/24", "2023年4月17日", "令和5年4月1日". A cell with
 * several dates or extra words keeps its raw text, lists the dates in `all` and says why.
 */
export function parseDate(text: string): ParsedDate {
  const raw = text;
  let t = clean(text);
  t = t.replace(/(令和|平成|昭和)(\d{1,2}|元)年/g, (_, e: string, y: string) => `${eraYear(e, y)}年`);
  const all: string[] = [];
  const invalid: string[] = [];
  for (const m of t.matchAll(DATE_RE)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) all.push(iso);
    else invalid.push(m[0]);
  }
  const rest = t.replace(DATE_RE, '').replace(/[\s,、]/g, '');
  if (all.length === 1 && invalid.length === 0 && rest === '') return { iso: all[0], all, raw };
  const problem =
    invalid.length > 0 ? `not a calendar date: ${invalid.join(', ')}` :
    all.length === 0 ? 'no date found' :
    all.length > 1 ? `${all.length} dates in one cell` : `extra text beside the date: "${rest}"`;
  return { all, raw, problem };
}

/** Fiscal year (April–March) a date falls in: 2024-03-31 → 2023. */
export function fiscalYearOf(iso: string): number {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}
