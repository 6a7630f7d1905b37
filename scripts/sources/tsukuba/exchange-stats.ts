/**
 * Sections (1) 教職員等の交流 and (2) 学生の交流 of the fact book's chapter 5: each has a table by
 * organisational unit (ア 組織別) and a table by country/region (イ 国・地域別). This module splits a
 * section into its sub-sections, takes the lines around the tables (sub-headings, the fiscal-year
 * line, notes), and hands the table lines to unit-table.ts and country-table.ts. Column layouts and
 * flow categories: layouts.ts.
 *
 * Dates: flows carry the fiscal year of the manifest (the "(令和5年度)" lines are compared with it).
 * A note such as "(注) 外国人留学生については、令和5年12月1日現在の現員を示す。" makes its date the
 * `asOf` of every inbound student flow of the section: the note names international students as a
 * whole, and the by-country table's 外国人留学生 total is the same head-count as the unit table's.
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean } from '../../lib/text.ts';
import { eraYears, parseDate } from '../../lib/dates.ts';
import type { Flow } from '../../schema/records.ts';
import type { ParseResult } from '../types.ts';
import type { Section } from './index.ts';
import { STAFF_BY_COUNTRY, STAFF_BY_UNIT, STUDENTS_BY_COUNTRY, STUDENTS_BY_UNIT } from './layouts.ts';
import type { FlowBase, TableLayout } from './stats-table.ts';
import { parseUnitTable, type UnitTableResult } from './unit-table.ts';
import { parseCountryTable, type CountryTableResult } from './country-table.ts';

const SUBSECTIONS = [
  { key: 'byUnit', re: /^ア\s*組織別$/, label: 'ア 組織別' },
  { key: 'byCountry', re: /^イ\s*国・地域別$/, label: 'イ 国・地域別' },
] as const;
type SubKey = (typeof SUBSECTIONS)[number]['key'];

const FISCAL_YEAR_LINE = /^\(\s*(令和|平成)\s*(\d{1,2}|元)\s*年度\s*\)$/;
const NOTE_LINE = /^(\(注\d*\)|注\d*[).:：]|※)/;
const AS_OF_NOTE = /外国人留学生.*?((?:令和|平成)\s*(?:\d{1,2}|元)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*現在/;

interface SplitSection {
  lines: Record<SubKey, number[]>;
  base?: FlowBase;
  /** Date of the international-student head-count, from the section's note. */
  studentsAsOf?: string;
}

/**
 * Sorts a section's lines: sub-headings and fiscal-year lines are layout, notes are notes, every
 * other line belongs to the table of the sub-section it sits in.
 */
function splitSection(ctx: SourceContext, s: Section, name: string): SplitSection {
  const lines: Record<SubKey, number[]> = { byUnit: [], byCountry: [] };
  const found = new Set<SubKey>();
  let current: SubKey | undefined;
  let fiscalYear = ctx.source.fiscalYear;
  let studentsAsOf: string | undefined;
  for (let n = s.from; n <= s.to; n++) {
    const t = clean(ctx.raw(n));
    if (t === '') continue;
    const sub = SUBSECTIONS.find((x) => x.re.test(t));
    if (sub) {
      ctx.layout(n, 'sub-heading');
      current = sub.key;
      found.add(sub.key);
      continue;
    }
    if (FISCAL_YEAR_LINE.test(t)) {
      ctx.layout(n, 'fiscal year of the table');
      const fy = eraYears(t)[0];
      if (fiscalYear === undefined) fiscalYear = fy;
      else if (fy !== fiscalYear) ctx.warn(n, `${name}: the table is for FY${fy}, the manifest says FY${fiscalYear}`);
      continue;
    }
    if (NOTE_LINE.test(t)) {
      ctx.note(n, t);
      const m = AS_OF_NOTE.exec(t);
      if (m) {
        const d = parseDate(m[1]!);
        if (d.iso) studentsAsOf = d.iso;
        else ctx.warn(n, `${name}: the note's date "${m[1]}" is not a date (${d.problem})`);
      }
      continue;
    }
    if (current) lines[current].push(n);
    else ctx.error(n, `${name}: expected the sub-heading "${SUBSECTIONS[0].label}" before any table row`);
  }
  for (const sub of SUBSECTIONS) {
    if (!found.has(sub.key)) ctx.error(s.heading, `${name}: sub-section "${sub.label}" not found: the section's layout has changed`);
  }
  if (fiscalYear === undefined) {
    ctx.error(s.heading, `${name}: no fiscal year in the manifest nor in the section`);
    return { lines };
  }
  return { lines, base: { home: ctx.source.home, fiscalYear }, ...(studentsAsOf ? { studentsAsOf } : {}) };
}

/** The by-country table's 合計 row against the by-unit table: both count the same people. */
function crossChecks(ctx: SourceContext, byCountry: CountryTableResult, byUnit: UnitTableResult, countryLayout: TableLayout): void {
  const total = byCountry.grandTotal;
  if (!total) return;
  const sum = (pred: (f: Flow) => boolean) => byUnit.flows.filter(pred).reduce((s, f) => s + f.count, 0);
  const sides: { key: string; pred: (f: Flow) => boolean }[] = [
    { key: 'inbound', pred: (f) => f.direction === 'inbound' },
    { key: 'outbound', pred: (f) => f.direction === 'outbound' },
    { key: 'total', pred: () => true },
  ];
  for (const { key, pred } of sides) {
    const stated = total.values.get(key);
    if (stated === undefined) continue;
    const label = countryLayout.columns.find((c) => c.key === key)?.label ?? key;
    ctx.check({
      key: `${key}-by-unit`,
      line: total.line,
      what: `${countryLayout.name}, 合計: ${label} against the table by unit (sum of its ${key === 'total' ? 'counts' : `${key} counts`})`,
      stated,
      computed: sum(pred),
      from: [...new Set(byUnit.flows.filter(pred).map((f) => f.source.line))],
    });
  }
}

function parseExchange(ctx: SourceContext, s: Section, name: string, byUnitLayout: TableLayout, byCountryLayout: TableLayout): ParseResult {
  const split = splitSection(ctx, s, name);
  const { lines } = split;
  if (!split.base) return {};
  const asOf = byUnitLayout.population === 'student' ? split.studentsAsOf : undefined;
  const base: FlowBase = { ...split.base, ...(asOf ? { inboundAsOf: asOf } : {}) };
  const byUnit = parseUnitTable(ctx, lines.byUnit, byUnitLayout, base);
  const byCountry = parseCountryTable(ctx, lines.byCountry, byCountryLayout, base);
  crossChecks(ctx, byCountry, byUnit, byCountryLayout);
  return { flows: [...byUnit.flows, ...byCountry.flows], sourceRegions: byCountry.sourceRegions };
}

/** (1) 教職員等の交流: staff by unit and by country/region. */
export function parseStaffExchange(ctx: SourceContext, s: Section): ParseResult {
  return parseExchange(ctx, s, '(1) 教職員等の交流', STAFF_BY_UNIT, STAFF_BY_COUNTRY);
}

/** (2) 学生の交流: students by unit and by country/region. */
export function parseStudentExchange(ctx: SourceContext, s: Section): ParseResult {
  return parseExchange(ctx, s, '(2) 学生の交流', STUDENTS_BY_UNIT, STUDENTS_BY_COUNTRY);
}
