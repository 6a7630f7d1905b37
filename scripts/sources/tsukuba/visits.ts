/**
 * (5) 外国人視察等の状況: official visits by month — 年・月 (written on the first row of a month
 * only, e.g. "令和5.4" = April 2023), the visitor, 件数 (visits) and 人数 (persons). The last two
 * cells of a row are the counts; a month cell, where present, comes first. A visitor text that
 * starts with a country name ("ベルギー ルーヴェン・カトリック大学") gives the visit its country;
 * otherwise it has none (駐日ウクライナ大使 names a country, but not as its leading word).
 * The 合計 row (and any 小計 / 月計 row) is a stated total: a check, never a visit.
 *
 * A line with no counts is the rest of a visitor text the extraction broke when it is what such a
 * rest can be: one cell of Japanese text or a bracketed Latin abbreviation such as "(DAAD)" (the
 * table writes visitors in Japanese; the visitor is its only text column), not a month, left
 * of the row's 件数 column. It joins the visit above (right after a page header, the one below);
 * any other line fits no shape and is reported, never joined.
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean, despace, parseCount } from '../../lib/text.ts';
import { eraYear } from '../../lib/dates.ts';
import { resolveCountry } from '../../lib/countries.ts';
import type { Visit } from '../../schema/records.ts';
import type { ParseResult } from '../types.ts';
import type { Section } from './index.ts';
import { cleanCells, isJapaneseName, joinWrapped, readFiscalYearCaption, reportMisfits, sourceRef, type Misfit, type Sink } from './rows.ts';

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
  /** The line holding the visit's counts. */
  line: number;
  /** Column index of its 件数 cell: a broken visitor text lies left of it. */
  countAt: number;
  month: string | undefined;
  visitor: string[];
  count: number;
  persons: number;
}

const VISITOR_CELL = '主な視察・来訪者 (visitor)';

/**
 * Why the cells of a line with no counts cannot be the rest of a wrapped visitor text: each piece
 * must be Japanese text (or a bracketed Latin name) and no month; there is one, the visitor being
 * the only text column; and it lies left of the 件数 column of the row it continues (countAt, when
 * that row is known). Empty when they can.
 */
export function visitorMisfits(cells: readonly string[], fiscalYear: number | undefined, countAt?: number): Misfit[] {
  const pieces = cells.map((c, i) => ({ c, i })).filter((x) => x.c !== '');
  return pieces.flatMap(({ c: piece, i }, k): Misfit[] => {
    if (countAt !== undefined && i >= countAt) return [{ piece, cell: '件数/人数 (counts)', expected: 'counts, and a line with counts is a visit row of its own' }];
    if (parseMonth(piece, fiscalYear)) return [{ piece, cell: VISITOR_CELL, expected: 'text, not a 年・月 month: a month starts a visit row with its 件数 and 人数' }];
    if (!isJapaneseName(piece)) return [{ piece, cell: VISITOR_CELL, expected: 'Japanese text (or a bracketed Latin name such as "(DAAD)")' }];
    if (k > 0) return [{ piece, cell: VISITOR_CELL, expected: 'nothing beside the first piece: the visitor is the only text column' }];
    return [];
  });
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
      // The rest of a visitor text broken over lines, if it can be one.
      const prev = drafts[drafts.length - 1];
      const misfits = visitorMisfits(cells, fiscalYear, prev && !afterHeader ? prev.countAt : undefined);
      if (misfits.length > 0) {
        if (prev && !afterHeader) reportMisfits(out, n, 'no 件数 and 人数, so not a visit row', prev.line, misfits);
        else out.error(n, `fits no shape: no 件数 and 人数, so not a visit row, and not the rest of a visitor text: ${misfits.map((m) => `"${m.piece}" (expected ${m.expected})`).join('; ')}`);
        continue;
      }
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
    // Cells' own indices: the 件数 cell is the second last filled one.
    const countAt = cells.reduce<number[]>((at, c, i) => (c === '' ? at : [...at, i]), []).at(-2)!;
    // Pieces broken off above the row (right after a page header) come first, if left of its 件数.
    const above = leading.filter((l) => {
      const misfits = visitorMisfits(cleanCells(ctx, l), fiscalYear, countAt);
      if (misfits.length > 0) reportMisfits(out, l, 'no 件数 and 人数, so not a visit row', n, misfits);
      return misfits.length === 0;
    });
    const d: Draft = { lines: [...above, n], line: n, countAt, month, visitor: [...above.map((l) => clean(ctx.raw(l))), ...body], count: counts[0]!, persons: counts[1]! };
    leading = [];
    drafts.push(d);
    afterHeader = false;
  }
  for (const n of leading) out.error(n, 'fits no shape: no 件数 and 人数, so not a visit row, and no visit to continue: expected 年・月, visitor, 件数, 人数');

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
