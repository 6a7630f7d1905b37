/**
 * The tables by organisational unit ((1)ア staff, (2)ア students). A row names a unit, often with
 * its group in front (学群 / 人文・文化学群, 人文・文化学群 / 人文学類, 博士課程 / 人文社会科学研究科),
 * then its counts. Units are resolved through data/reference/units/<home>.json, which also holds
 * the hierarchy: the group cell is only compared with it, because the extraction puts group labels
 * on the wrong row (a merged cell's label lands one row early) or drops them.
 *
 * Total rows (学群計, 博士課程小計, 大学院(旧)計, 合計 …) become checks over the unit rows they cover:
 *   合計             every unit row of the table;
 *   <course>小計     the unit rows of that degree course (修士課程 / 博士課程 / 専門職学位課程) since the
 *                    last …計 row;
 *   any other …計    the unit rows since the last …計 row (学群計, 大学院(旧)計, 大学院(新)計).
 */
import type { SourceContext } from '../../lib/context.ts';
import type { HomeId } from '../../lib/homes.ts';
import { resolveUnit, unitKey, unitsOf } from '../../lib/units.ts';
import type { Flow } from '../../schema/records.ts';
import {
  alignCounts, compact, isHeaderRow, leafFlows, readRow, rowChecks, totalChecks,
  type FlowBase, type LeafRow, type TableLayout, type TableRow,
} from './stats-table.ts';

type CourseLevel = NonNullable<Flow['courseLevel']>;
const COURSES: Record<string, CourseLevel> = { 修士課程: 'master', 博士課程: 'doctoral', 専門職学位課程: 'professional' };
const TOTAL = /(合計|小計|計)$/;

export interface UnitTableResult {
  flows: Flow[];
  /** The table's 合計 row, for comparisons with the table by country. */
  grandTotal?: { line: number; values: Map<string, number> };
}

function ancestors(home: HomeId, id: string): string[] {
  const parent = new Map(unitsOf(home).map((u) => [u.id, u.parent]));
  const out: string[] = [];
  for (let p = parent.get(id); p; p = parent.get(p)) out.push(p);
  return out;
}

function unitName(home: HomeId, id: string): string {
  return unitsOf(home).find((u) => u.id === id)?.name.ja ?? id;
}

/**
 * Unit id of a label: its name, alias or repair in the units table, or a unit written with its
 * enclosing unit in front ("人文社会ビジネス科学学術院人文社会科学研究群" → 人文社会科学研究群,
 * accepted only when the first part really is an ancestor of the second).
 */
export function resolveUnitLabel(home: HomeId, label: string): string | undefined {
  const direct = resolveUnit(home, label);
  if (direct) return direct.length === 1 ? direct[0] : undefined;
  const key = unitKey(label);
  for (const u of unitsOf(home)) {
    for (const name of [u.name.ja, ...(u.aliases ?? [])]) {
      const k = unitKey(name);
      if (key.length <= k.length || !key.startsWith(k)) continue;
      const rest = resolveUnit(home, key.slice(k.length));
      if (rest?.length === 1 && ancestors(home, rest[0]!).includes(u.id)) return rest[0];
    }
  }
  return undefined;
}

interface Classified {
  units: { label: string; id: string }[];
  totals: string[];
  courses: CourseLevel[];
  unknown: string[];
}

function classify(home: HomeId, labels: string[]): Classified {
  const out: Classified = { units: [], totals: [], courses: [], unknown: [] };
  for (const label of labels) {
    const id = resolveUnitLabel(home, label);
    const c = compact(label);
    if (id) out.units.push({ label, id });
    else if (COURSES[c]) out.courses.push(COURSES[c]);
    else if (TOTAL.test(c)) out.totals.push(c);
    else out.unknown.push(label);
  }
  return out;
}

/** Parses the given lines (the table's lines, headings and notes already taken) of a table by unit. */
export function parseUnitTable(ctx: SourceContext, lines: number[], layout: TableLayout, base: FlowBase): UnitTableResult {
  const home = ctx.source.home;
  const flows: Flow[] = [];
  const leaves: (LeafRow & { course?: CourseLevel })[] = [];
  let segmentStart = 0;
  let course: CourseLevel | undefined;
  let grandTotal: UnitTableResult['grandTotal'];

  for (const n of lines) {
    const row = readRow(ctx, n);
    if (row.labels.length === 0 && row.counts.length === 0) {
      ctx.layout(n, 'empty cells');
      continue;
    }
    if (isHeaderRow(row, layout)) {
      ctx.layout(n, 'column labels');
      continue;
    }
    if (row.stray.length > 0) {
      ctx.error(n, `${layout.name}: text after the counts (${row.stray.join(', ')}): expected a unit row (labels, then counts)`);
      continue;
    }
    if (row.counts.length === 0) {
      ctx.error(n, `${layout.name}: expected a unit row (unit label, then ${layout.columns.length} counts), a total row or column labels`);
      continue;
    }
    const c = classify(home, row.labels);
    if (c.unknown.length > 0) {
      ctx.error(n, `${layout.name}: unit label ${c.unknown.map((u) => `"${u}"`).join(', ')} is not in data/reference/units/${home}.json`);
      continue;
    }
    const aligned = alignCounts(row.counts, layout);
    if (typeof aligned === 'string') {
      ctx.error(n, `${layout.name}: ${aligned}`);
      continue;
    }
    if (aligned.missing) {
      ctx.warn(n, `${layout.name}: the row has ${row.counts.length} counts for ${layout.columns.length} columns; read without its "${aligned.missing.label}" cell, the only reading in which the missing cell is a total and the row's other totals add up`);
    }
    if (c.courses.length > 0) course = c.courses[c.courses.length - 1];

    if (c.units.length === 0) {
      const kinds = new Set(c.totals);
      if (kinds.size !== 1) {
        ctx.error(n, `${layout.name}: expected a unit label or one total label (…計), found ${row.labels.join(' / ')}`);
        continue;
      }
      const label = c.totals[0]!;
      const courseTotal = /^(.+)小計$/.exec(label);
      const level = courseTotal ? COURSES[courseTotal[1]!] : undefined;
      let covered: typeof leaves;
      if (label === '合計') {
        covered = leaves;
        grandTotal = { line: n, values: aligned.values };
      } else if (level) {
        covered = leaves.slice(segmentStart).filter((r) => r.course === level);
        course = undefined;
      } else {
        covered = leaves.slice(segmentStart);
        segmentStart = leaves.length;
        course = undefined;
      }
      totalChecks(ctx, layout, row, aligned.values, label, covered);
      continue;
    }

    const unit = c.units[c.units.length - 1]!;
    if (unitsOf(home).find((u) => u.id === unit.id)?.kind === 'group') {
      ctx.error(n, `${layout.name}: the row names only the group "${unit.label}", no unit`);
      continue;
    }
    groupWarnings(ctx, layout, row, c, unit, home);
    flows.push(...leafFlows(ctx, layout, base, n, aligned.values, { unit: unit.id, ...(course ? { courseLevel: course } : {}) }));
    ctx.record(n);
    rowChecks(ctx, layout, row, aligned.values, unit.label);
    leaves.push({ line: n, values: aligned.values, ...(course ? { course } : {}) });
  }
  return { flows, ...(grandTotal ? { grandTotal } : {}) };
}

/** The group cell must name the unit or one of its ancestors; a total label has no place on a unit row. */
function groupWarnings(
  ctx: SourceContext,
  layout: TableLayout,
  row: TableRow,
  c: Classified,
  unit: { label: string; id: string },
  home: HomeId,
): void {
  for (const g of c.units.slice(0, -1)) {
    if (g.id === unit.id || ancestors(home, unit.id).includes(g.id)) continue;
    const parent = ancestors(home, unit.id)[0];
    ctx.warn(row.line, `${layout.name}: the group cell "${g.label}" does not contain ${unit.label}${parent ? ` (part of ${unitName(home, parent)})` : ''}: the group label sits on the wrong row; the unit is read from its own cell`);
  }
  for (const t of c.totals) {
    ctx.warn(row.line, `${layout.name}: the total label "${t}" stands on the row of ${unit.label}; read as that unit's row (the counts are not a total)`);
  }
}
