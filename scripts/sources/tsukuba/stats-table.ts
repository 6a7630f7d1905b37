/**
 * What the fact book's exchange-statistics tables have in common: a row is some label cells followed
 * by count cells; each table has a fixed list of columns, some of them counts (leaves, which become
 * flows) and some of them sums of leaves (subtotals and totals, which become checks).
 *
 * The extraction shifts cells: a row can lose its leading cells, gain an empty one in front or at the
 * end, or lose its last cell when an empty cell pushed everything right. So cells are classified by
 * content — labels are the non-count cells before the first count — and never by tab position.
 */
import type { SourceContext } from '../../lib/context.ts';
import { despace, splitCells, parseCount } from '../../lib/text.ts';
import type { Flow } from '../../schema/records.ts';

/** A column that holds a count of its own: one flow per row. */
export interface LeafColumn {
  kind: 'leaf';
  key: string;
  /** Column label as printed, with its header group where the label alone is ambiguous. */
  label: string;
  direction: Flow['direction'];
  category: string;
}
/** A column that the document computes from leaves of the same row (小計, 合計, 計). */
export interface SumColumn {
  kind: 'sum';
  key: string;
  label: string;
  /** Keys of the leaf columns it adds up. */
  of: string[];
}
export type Column = LeafColumn | SumColumn;

export interface TableLayout {
  /** Short name used in messages and check ids. */
  name: string;
  population: Flow['population'];
  columns: Column[];
  /** Every label the header rows print (spaces removed): a header row holds nothing else. */
  headerLabels: string[];
}

/** What every flow of a table shares. */
export interface FlowBase {
  home: Flow['home'];
  fiscalYear: number;
  /** Date the inbound counts are as of, where the document says so (see exchange-stats.ts). */
  inboundAsOf?: string;
}

/** A table row: label cells (cleaned, in order), then counts. */
export interface TableRow {
  line: number;
  labels: string[];
  counts: number[];
  /** Non-count cells after the first count: nothing of a known shape puts text there. */
  stray: string[];
}

/**
 * A cell as a label: NFKC, CJK spacing removed ("人 文 学 類" → "人文学類"), spaced capitals
 * joined ("C I S" → "CIS").
 */
export function labelOf(cell: string): string {
  return despace(cell).replace(/\b([A-Z]) (?=[A-Z]\b)/g, '$1');
}

/** A label without any spaces, for comparing header labels ("外国人 研究員" → "外国人研究員"). */
export function compact(label: string): string {
  return label.replace(/\s+/gu, '');
}

/** Reads line n as a table row; cells are classified by content, not position. */
export function readRow(ctx: SourceContext, n: number): TableRow {
  const labels: string[] = [];
  const counts: number[] = [];
  const stray: string[] = [];
  for (const cell of splitCells(ctx.raw(n))) {
    const t = labelOf(cell);
    if (t === '') continue;
    const c = parseCount(t);
    if (c !== undefined && c >= 0) counts.push(c);
    else if (counts.length > 0) stray.push(t);
    else labels.push(t);
  }
  return { line: n, labels, counts, stray };
}

/** True when the row is a header row of the layout: no counts, and only known column labels. */
export function isHeaderRow(row: TableRow, layout: TableLayout): boolean {
  return row.counts.length === 0 && row.labels.length > 0 && row.labels.every((l) => layout.headerLabels.includes(compact(l)));
}

/** The counts of a row, by column key; `missing` names the one column the row lacks, if any. */
export interface Aligned {
  values: Map<string, number>;
  missing?: SumColumn;
}

function sumOf(col: SumColumn, values: Map<string, number>): number {
  return col.of.reduce((s, k) => s + (values.get(k) ?? 0), 0);
}

/**
 * Assigns a row's counts to the layout's columns. A row with exactly one count fewer than the
 * layout has columns is read with one sum column missing — only when exactly one such reading
 * leaves every other sum of the row adding up (a missing count, a leaf, could not be recovered
 * and is never guessed). Returns a message when the row cannot be read.
 */
export function alignCounts(counts: number[], layout: TableLayout): Aligned | string {
  const cols = layout.columns;
  if (counts.length === cols.length) return { values: new Map(cols.map((c, i) => [c.key, counts[i]!])) };
  if (counts.length !== cols.length - 1) {
    return `expected ${cols.length} counts (${cols.map((c) => c.label).join(', ')}), found ${counts.length}`;
  }
  const readings: Aligned[] = [];
  for (const gap of cols) {
    if (gap.kind !== 'sum') continue;
    const rest = cols.filter((c) => c !== gap);
    const values = new Map(rest.map((c, i) => [c.key, counts[i]!]));
    const holds = rest.every((c) => c.kind !== 'sum' || sumOf(c, values) === values.get(c.key));
    if (holds) readings.push({ values, missing: gap });
  }
  if (readings.length === 1) return readings[0]!;
  return `expected ${cols.length} counts, found ${counts.length}, and ${readings.length === 0 ? 'no' : 'more than one'} reading with one total cell missing adds up`;
}

/** Flows of a row's leaf columns. */
export function leafFlows(
  ctx: SourceContext,
  layout: TableLayout,
  base: FlowBase,
  line: number,
  values: Map<string, number>,
  where: Pick<Flow, 'unit' | 'country' | 'countryLabel' | 'courseLevel'>,
): Flow[] {
  const out: Flow[] = [];
  for (const col of layout.columns) {
    if (col.kind !== 'leaf') continue;
    const count = values.get(col.key);
    if (count === undefined) continue;
    const f: Flow = {
      home: base.home,
      fiscalYear: base.fiscalYear,
      population: layout.population,
      direction: col.direction,
      ...(where.country !== undefined ? { country: where.country } : {}),
      ...(where.countryLabel !== undefined ? { countryLabel: where.countryLabel } : {}),
      ...(where.unit !== undefined ? { unit: where.unit } : {}),
      category: col.category,
      count,
      ...(col.direction === 'inbound' && base.inboundAsOf ? { asOf: base.inboundAsOf } : {}),
      ...(where.courseLevel !== undefined ? { courseLevel: where.courseLevel } : {}),
      source: { id: ctx.source.id, line },
    };
    out.push(f);
  }
  return out;
}

/** Checks of a row's own sum columns against the leaves of the same row. */
export function rowChecks(ctx: SourceContext, layout: TableLayout, row: TableRow, values: Map<string, number>, name: string): void {
  for (const col of layout.columns) {
    if (col.kind !== 'sum') continue;
    const stated = values.get(col.key);
    if (stated === undefined) continue;
    ctx.check({
      key: col.key,
      line: row.line,
      what: `${layout.name}, ${name}: ${col.label} = ${col.of.map((k) => labelOfKey(layout, k)).join(' + ')}`,
      stated,
      computed: sumOf(col, values),
    });
  }
}

/** A row of leaves the totals add up. */
export interface LeafRow {
  line: number;
  values: Map<string, number>;
}

/**
 * Checks of a total row's every column against the sum of the leaf rows it covers: a leaf column
 * against the sum of that column, a sum column against the sum of its leaves over those rows.
 */
export function totalChecks(
  ctx: SourceContext,
  layout: TableLayout,
  row: TableRow,
  values: Map<string, number>,
  name: string,
  covered: LeafRow[],
): void {
  for (const col of layout.columns) {
    const stated = values.get(col.key);
    if (stated === undefined) continue;
    const keys = col.kind === 'leaf' ? [col.key] : col.of;
    const computed = covered.reduce((s, r) => s + keys.reduce((t, k) => t + (r.values.get(k) ?? 0), 0), 0);
    ctx.check({
      key: `column-${col.key}`,
      line: row.line,
      what: `${layout.name}, ${name}: ${col.label}, sum of ${covered.length} rows`,
      stated,
      computed,
      from: covered.map((r) => r.line),
    });
  }
}

function labelOfKey(layout: TableLayout, key: string): string {
  return layout.columns.find((c) => c.key === key)?.label ?? key;
}
