/**
 * (5) 外国人視察等の状況: official visits by month — 年・月 (written on the first row of a month
 * only, e.g. "令和5.4" = April 2023), the visitor, 件数 (visits) and 人数 (persons). The last two
 * cells of a row are the counts; a month cell, where present, comes first. A visitor text that
 * starts with a country name ("ベルギー ルーヴェン・カトリック大学") gives the visit its country;
 * otherwise it has none (駐日ウクライナ大使 names a country, but not as its leading word).
 * The 合計 row (and any 小計 / 月計 row) is a stated total: a check, never a visit.
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean, despace, parseCount } from '../../lib/text.ts';
import { eraYear } from '../../lib/dates.ts';
import { resolveCountry } from '../../lib/countries.ts';
import type { Visit } from '../../schema/records.ts';
import type { ParseResult } from '../types.ts';
import type { Section } from './index.ts';
import { cleanCells, joinWrapped, readFiscalYearCaption, sourceRef, type Sink } from './rows.ts';

const HEADER_RE = /^(年・月|主な視察|件数|人数)/;
const TOTAL_RE = /^(合計|総計|計)$/;
const SUBTOTAL_RE = /^(小計|月計)$/;

/**
 * The month of a 年・月 cell as YYYY-MM: "令和5.4" → 2023-04, "R6.1" → 2024-01, "2023.4" →
 * 2023-04, "5月" → the month of the fiscal year (April–December in its first calendar year,
 * January–March in the next). Undefined when the cell is not a month.
 */
export function parseMonth(text: string, fiscalYear: number | undefined): string | undefined {
  const t = despace(text).replace(/\s+/g, '');
  let m = /^(令和|平成|R|H)(\d{1,2}|元)[./年](\d{1,2})月?$/.exec(t);
  let year: number | undefined;
  let month: number;
  if (m) {
    year = eraYear(m[1]!, m[2]!);
    month = Number(m[3]);
  } else if ((m = /^(\d{4})[./年](\d{1,2})月?$/.exec(t))) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else if ((m = /^(\d{1,2})月$/.exec(t)) && fiscalYear !== undefined) {
    month = Number(m[1]);
    year = month >= 4 ? fiscalYear : fiscalYear + 1;
  } else return undefined;
  if (year === undefined || month < 1 || month > 12) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

interface Draft {
  lines: number[];
  month: string | undefined;
  visitor: string[];
  count: number;
  persons: number;
}

export function readVisits(ctx: SourceContext, s: Section, out: Sink): Visit[] {
  const drafts: Draft[] = [];
  const totals: { line: number; kind: 'total' | 'subtotal'; month: string | undefined; count?: number; persons?: number }[] = [];
  let fiscalYear = ctx.source.fiscalYear;
  let month: string | undefined;
  let leading: number[] = [];
  let afterHeader = true;

  for (let n = s.from; n <= s.to; n++) {
    if (ctx.raw(n).trim() === '') continue;
    const fy = readFiscalYearCaption(ctx, out, n);
    if (fy !== undefined) {
      fiscalYear = fy;
      continue;
    }
    const cells = cleanCells(ctx, n);
    const filled = cells.filter((c) => c !== '');
    if (filled.some((c) => HEADER_RE.test(despace(c)))) {
      out.layout(n, 'column labels');
      afterHeader = true;
      continue;
    }
    const first = despace(filled[0] ?? '').replace(/\s+/g, '');
    const counts = filled.slice(-2).map(parseCount);
    const hasCounts = filled.length >= 2 && counts.every((c) => c !== undefined);
    if (TOTAL_RE.test(first) || SUBTOTAL_RE.test(first)) {
      const nums = filled.slice(1).map(parseCount);
      if (nums.length < 2 || nums.some((x) => x === undefined)) {
        out.error(n, 'a total row whose figures are not counts: expected 件数 and 人数');
        continue;
      }
      totals.push({ line: n, kind: TOTAL_RE.test(first) ? 'total' : 'subtotal', month, count: nums[nums.length - 2], persons: nums[nums.length - 1] });
      continue;
    }
    if (!hasCounts) {
      // The rest of a visitor text broken over lines.
      const prev = drafts[drafts.length - 1];
      if (prev && !afterHeader) {
        prev.visitor.push(...filled);
        prev.lines.push(n);
      } else leading.push(n);
      continue;
    }
    const body = filled.slice(0, -2);
    const m = body.length > 0 ? parseMonth(body[0]!, fiscalYear) : undefined;
    if (m) {
      month = m;
      body.shift();
    }
    const d: Draft = { lines: [...leading, n], month, visitor: [...leading.map((l) => clean(ctx.raw(l))), ...body], count: counts[0]!, persons: counts[1]! };
    leading = [];
    drafts.push(d);
    afterHeader = false;
  }
  for (const n of leading) out.error(n, 'a line with no counts and no visit to continue: expected 年・月, visitor, 件数, 人数');

  const visits: Visit[] = [];
  for (const d of drafts) {
    const first = Math.min(...d.lines);
    const visitor = joinWrapped(d.visitor);
    if (!d.month) {
      out.error(first, 'a visit with no month: no 年・月 cell on this row or above it');
      continue;
    }
    if (!visitor) {
      out.error(first, 'a visit with counts but no visitor (主な視察・来訪者)');
      continue;
    }
    const leadWord = visitor.split(/\s+/)[0]!;
    const country = resolveCountry(leadWord);
    out.record(d.lines);
    const source = sourceRef(ctx, d.lines);
    visits.push({
      id: `${ctx.source.id}-L${source.line}`,
      home: ctx.source.home,
      ...(fiscalYear !== undefined ? { fiscalYear } : {}),
      month: d.month,
      visitor,
      ...(country ? { country } : {}),
      count: d.count,
      persons: d.persons,
      source,
    });
  }

  for (const t of totals) {
    const rows = visits.filter((v) => t.kind === 'total' || v.month === t.month);
    const what = t.kind === 'total' ? '(5) visits' : `(5) visits in ${t.month}`;
    const from = rows.map((v) => v.source.line);
    if (t.count !== undefined) out.check({ key: 'count', line: t.line, what: `${what}: 件数`, stated: t.count, computed: rows.reduce((a, v) => a + v.count, 0), from });
    if (t.persons !== undefined) out.check({ key: 'persons', line: t.line, what: `${what}: 人数`, stated: t.persons, computed: rows.reduce((a, v) => a + v.persons, 0), from });
  }
  return visits;
}

export function parseVisits(ctx: SourceContext, s: Section): ParseResult {
  return { visits: readVisits(ctx, s, ctx) };
}
