/**
 * Chart data for /stats/: pure functions from the dataset's records (flows, agreements, degree
 * programmes, conferences, visits, validation) to plain rows, ready to plot and to print as the
 * chart's table. Nothing here reads files or touches the DOM: pages pass the tables in.
 *
 * Every row of the exchange statistics carries its fiscal year and the source cells it sums
 * (`sources`: document id and line), so a chart can link each mark back to `/sources/<id>/#L<line>`.
 *
 * The exchange statistics (flows) come as tables of one document. Tsukuba's FY2023 document has four:
 * - (1)ア 教職員等の交流 組織別, lines 11–90, by unit. Inbound staff: employed-researcher,
 *   employed-faculty, employed-other (雇用者) and own-, external-, other-funds (雇用者以外);
 *   outbound staff: own-, external-, other-funds.
 * - (1)イ 教職員等の交流 国・地域別, lines 96–258, by country: `total` only, both directions.
 * - (2)ア 学生の交流 組織別, lines 264–318, by unit. Inbound students: regular, non-regular (a head
 *   count on 2023-12-01, line 320); outbound students: `total` only.
 * - (2)イ 学生の交流 国・地域別, lines 324–486, by country: `total` only, both directions; its rows
 *   fall 37 (inbound) and 8 (outbound) short of its 合計 row (validation errata, line 486).
 *
 * Two rules keep sums honest:
 * - A chart sums the cells of ONE table: by-unit charts read only flows with a `unit`, by-country
 *   charts only flows without one (the unit and country tables count the same people twice over).
 * - Within a printed row, a `total` cell is used only when the row gives nothing finer: leaves and
 *   the total of one row are never added together (see {@link tableCells}).
 *
 * No table crosses unit and country (see {@link unitByCountryAvailable}): "which units send the
 * most students abroad, and to which regions?" is answered by two rankings side by side
 * ({@link sendersAndDestinations}), not by a matrix.
 */
import type { Agreement, Check, Conference, Country, DegreeProgramme, Flow, SourceRef, Unit, Visit } from '../../scripts/schema/records.ts';
import { LEVELS, yearOf, unitSubtree, unitAncestors } from './select.ts';

export type Population = Flow['population'];
export type Direction = Flow['direction'];
/** One source cell or record: document id and 1-based line (links to /sources/<id>/#L<line>). */
export type Ref = Pick<SourceRef, 'id' | 'line'>;

/** Region key of counts whose country the source does not name or the dataset leaves unresolved. */
export const UNKNOWN = 'unknown';

/** Categories in the order the sources print their columns; `total` (nothing finer given) last. */
export const CATEGORY_ORDER = [
  'regular', 'non-regular',
  'employed-researcher', 'employed-faculty', 'employed-other',
  'own-funds', 'external-funds', 'other-funds',
  'total',
] as const;

// ---------------------------------------------------------------------------------------------
// helpers

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Distinct refs of some records, sorted by document and line. */
export function refsOf(records: readonly { source: SourceRef }[]): Ref[] {
  const seen = new Map<string, Ref>();
  for (const r of records) seen.set(`${r.source.id}\u0000${String(r.source.line).padStart(8, '0')}`, { id: r.source.id, line: r.source.line });
  return [...seen.entries()].sort((a, b) => cmp(a[0], b[0])).map(([, v]) => v);
}

const sum = (flows: readonly Flow[]): number => flows.reduce((s, f) => s + f.count, 0);

/** The one `asOf` all cells share, if they share one (inbound students are a head count on a day). */
function asOfOf(flows: readonly Flow[]): string | undefined {
  const days = new Set(flows.map((f) => f.asOf));
  return days.size === 1 ? [...days][0] : undefined;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Fiscal year (April–March, named by the year it starts) of a `YYYY-MM` month. */
export const fiscalYearOfMonth = (month: string): number => Number(month.slice(0, 4)) - (Number(month.slice(5, 7)) < 4 ? 1 : 0);

/** Every `YYYY-MM` from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (let guard = 0; guard < 12 * 500; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) break;
    out.push(month);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

// ---------------------------------------------------------------------------------------------
// flows: selecting the cells of one table

/** Which table of a document a flow belongs to: by unit (it names a unit) or by country. */
export type FlowTable = 'unit' | 'country';
export const tableOf = (f: Flow): FlowTable => (f.unit ? 'unit' : 'country');

export interface FlowSelection {
  population: Population;
  direction: Direction;
  fiscalYear: number;
  /** Only this home university (all homes when absent). */
  home?: string;
}

/** The fiscal years the flows cover, ascending. */
export function fiscalYears(flows: readonly Flow[]): number[] {
  return [...new Set(flows.map((f) => f.fiscalYear))].sort((a, b) => a - b);
}

/** Whether some table crosses unit and country (a flow naming both). None does in the current data. */
export function unitByCountryAvailable(flows: readonly Flow[]): boolean {
  return flows.some((f) => f.unit !== undefined && (f.country !== undefined || f.countryLabel !== undefined));
}

/**
 * The cells one chart may sum: the flows of one population, direction and fiscal year, from the
 * tables by unit or by country — never both — with no row counted twice: a printed row (one source
 * line, one unit or country, one course level) that gives finer categories contributes those, and
 * its `total` cell, if it had one, is left out. A row with only a `total` contributes the total.
 *
 * Throws when one home's table for the selection comes from more than one document: their counts
 * would be the same people twice, and which one to show is a decision for the manifest, not a sum.
 */
export function tableCells(flows: readonly Flow[], sel: FlowSelection & { table: FlowTable }): Flow[] {
  const picked = flows.filter((f) => f.population === sel.population && f.direction === sel.direction && f.fiscalYear === sel.fiscalYear
    && (sel.home === undefined || f.home === sel.home) && tableOf(f) === sel.table);
  const docs = new Map<string, Set<string>>();
  for (const f of picked) {
    const s = docs.get(f.home) ?? new Set<string>();
    s.add(f.source.id);
    docs.set(f.home, s);
  }
  for (const [home, ids] of docs) {
    if (ids.size > 1) {
      throw new Error(`flows of ${home} FY${sel.fiscalYear} ${sel.population} ${sel.direction} by ${sel.table} come from several documents (${[...ids].sort().join(', ')}): a chart would count them twice`);
    }
  }
  const rows = new Map<string, Flow[]>();
  for (const f of picked) {
    push(rows, [f.home, f.source.id, f.source.line, f.unit ?? '', f.country ?? '', f.countryLabel ?? '', f.courseLevel ?? ''].join('\u0000'), f);
  }
  const out: Flow[] = [];
  for (const cells of rows.values()) {
    const leaves = cells.filter((f) => f.category !== 'total');
    out.push(...(leaves.length ? leaves : cells));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// flows by region / country

/** What every statistics row carries: its count, the selection it belongs to, and the cells it sums. */
export interface StatRow {
  value: number;
  fiscalYear: number;
  population: Population;
  direction: Direction;
  /** Day the count is as of, where the table states one (inbound students: 2023-12-01). */
  asOf?: string;
  sources: Ref[];
}

export interface GroupRow extends StatRow {
  /** Region id or country code; `unknown` (region) or `unknown:<printed label>` (country) when unresolved. */
  key: string;
  by: 'region' | 'country';
  /** Project region of the row (`unknown` for unresolved labels and codes missing from countries.json). */
  region: string;
  /** The country code (by country, when resolved). */
  country?: string;
  /** The label as printed (by country): 中国(香港含む), ドミニカ, 国・地域不明… */
  label?: string;
  /** Codes of the countries summed (sorted). */
  countries: string[];
  /** Printed labels of the cells that name no country (その他, 国・地域不明, ドミニカ…): kept, never dropped. */
  unresolved: string[];
}

const byValueUnknownLast = <T extends { value: number; key: string; region: string }>(a: T, b: T): number =>
  Number(a.region === UNKNOWN) - Number(b.region === UNKNOWN) || b.value - a.value || cmp(a.key, b.key);

/**
 * Counts per region or per country from the tables by country, sorted by value descending with
 * unresolved rows last. Zero rows the source prints (ブータン 0) are kept: filter `value > 0` to
 * plot. Cells naming no country are kept under the region `unknown`, and by country as one row per
 * printed label (`unknown:<label>`). A country listed twice (キプロス, lines 356 and 383) is one
 * row with both lines.
 */
export function flowsByGroup(flows: readonly Flow[], countries: readonly Country[], opts: FlowSelection & { by: 'region' | 'country' }): GroupRow[] {
  const regionOf = new Map(countries.map((c) => [c.code, c.region]));
  const groups = new Map<string, Flow[]>();
  for (const f of tableCells(flows, { ...opts, table: 'country' })) {
    const region = (f.country && regionOf.get(f.country)) || UNKNOWN;
    const key = opts.by === 'region' ? region : (f.country ?? `${UNKNOWN}:${f.countryLabel ?? ''}`);
    push(groups, key, f);
  }
  const rows: GroupRow[] = [...groups].map(([key, cells]) => {
    const first = cells[0]!;
    const codes = [...new Set(cells.map((f) => f.country).filter((c): c is string => c !== undefined))].sort();
    const unresolved = [...new Set(cells.filter((f) => !f.country).map((f) => f.countryLabel ?? ''))].sort();
    const asOf = asOfOf(cells);
    return {
      key,
      by: opts.by,
      region: opts.by === 'region' ? key : ((first.country && regionOf.get(first.country)) || UNKNOWN),
      ...(opts.by === 'country' && first.country ? { country: first.country } : {}),
      ...(opts.by === 'country' && first.countryLabel ? { label: first.countryLabel } : {}),
      countries: codes,
      unresolved,
      value: sum(cells),
      fiscalYear: opts.fiscalYear,
      population: opts.population,
      direction: opts.direction,
      ...(asOf ? { asOf } : {}),
      sources: refsOf(cells),
    };
  });
  return rows.sort(byValueUnknownLast);
}

export interface BalanceRow extends Pick<GroupRow, 'key' | 'by' | 'region' | 'country' | 'label' | 'countries' | 'unresolved'> {
  inbound: number;
  outbound: number;
  /** inbound − outbound: positive where more come than go. */
  net: number;
  fiscalYear: number;
  population: Population;
  /** As-of day of the inbound count, where stated (students: a head count on 2023-12-01, not a year's flow). */
  inboundAsOf?: string;
  outboundAsOf?: string;
  sources: Ref[];
}

/**
 * Inbound, outbound and net (inbound − outbound) per region or country, from the tables by country,
 * sorted by inbound + outbound descending, unresolved rows last.
 */
export function balance(flows: readonly Flow[], countries: readonly Country[], opts: Omit<FlowSelection, 'direction'> & { by: 'region' | 'country' }): BalanceRow[] {
  const inbound = flowsByGroup(flows, countries, { ...opts, direction: 'inbound' });
  const outbound = flowsByGroup(flows, countries, { ...opts, direction: 'outbound' });
  const keys = new Map<string, { in?: GroupRow; out?: GroupRow }>();
  for (const r of inbound) keys.set(r.key, { in: r });
  for (const r of outbound) keys.set(r.key, { ...keys.get(r.key), out: r });
  const rows = [...keys].map(([key, { in: i, out: o }]) => {
    const any = (i ?? o)!;
    const inV = i?.value ?? 0;
    const outV = o?.value ?? 0;
    const refs = new Map<string, Ref>();
    for (const r of [...(i?.sources ?? []), ...(o?.sources ?? [])]) refs.set(`${r.id}\u0000${String(r.line).padStart(8, '0')}`, r);
    return {
      key,
      by: opts.by,
      region: any.region,
      ...(any.country ? { country: any.country } : {}),
      ...(any.label ? { label: any.label } : {}),
      countries: [...new Set([...(i?.countries ?? []), ...(o?.countries ?? [])])].sort(),
      unresolved: [...new Set([...(i?.unresolved ?? []), ...(o?.unresolved ?? [])])].sort(),
      inbound: inV,
      outbound: outV,
      net: inV - outV,
      fiscalYear: opts.fiscalYear,
      population: opts.population,
      ...(i?.asOf ? { inboundAsOf: i.asOf } : {}),
      ...(o?.asOf ? { outboundAsOf: o.asOf } : {}),
      sources: [...refs].sort((a, b) => cmp(a[0], b[0])).map(([, v]) => v),
      value: inV + outV,
    };
  });
  rows.sort(byValueUnknownLast);
  return rows.map(({ value: _volume, ...row }) => row);
}

// ---------------------------------------------------------------------------------------------
// flows by unit

export interface UnitRow {
  id: string;
  /** Enclosing unit (units.json); absent for a root. */
  parent?: string;
  /** 0 for a root. */
  depth: number;
  name: { ja: string; en?: string };
  kind: string;
  /** The unit's own cells (its printed rows); 0 when the table has no row for it. */
  own: number;
  /** own + the values of its children: the unit with everything under it. */
  value: number;
  /** The table prints a row for this unit (false for a group only summed from its children). */
  printed: boolean;
  fiscalYear: number;
  population: Population;
  direction: Direction;
  asOf?: string;
  /** Lines of every cell summed into `value` (the unit's and its descendants'). */
  sources: Ref[];
  /** Lines of the unit's own cells. */
  ownSources: Ref[];
}

interface UnitNode { unit: Unit; cells: Flow[]; children: UnitNode[]; all: Flow[] }

function unitTree(flows: readonly Flow[], units: readonly Unit[], opts: FlowSelection): UnitNode[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const cells = tableCells(flows, { ...opts, table: 'unit' });
  const nodes = new Map<string, UnitNode>();
  const node = (id: string): UnitNode => {
    let n = nodes.get(id);
    if (!n) {
      // A unit missing from units.json is kept as a root of its own, named by its id.
      n = { unit: byId.get(id) ?? { id, home: cells.find((f) => f.unit === id)!.home, name: { ja: id }, kind: UNKNOWN }, cells: [], children: [], all: [] };
      nodes.set(id, n);
    }
    return n;
  };
  for (const f of cells) node(f.unit!).cells.push(f);
  // Walk each unit's parent chain (guarded against cycles), creating the groups above it.
  for (const id of [...nodes.keys()]) {
    const seen = new Set<string>([id]);
    let cur = node(id);
    while (cur.unit.parent && byId.has(cur.unit.parent) && !seen.has(cur.unit.parent)) {
      seen.add(cur.unit.parent);
      const parentExisted = nodes.has(cur.unit.parent);
      const parent = node(cur.unit.parent);
      if (!parent.children.includes(cur)) parent.children.push(cur);
      if (parentExisted) break;
      cur = parent;
    }
  }
  const childIds = new Set([...nodes.values()].flatMap((n) => n.children.map((c) => c.unit.id)));
  const fill = (n: UnitNode): Flow[] => (n.all = [...n.cells, ...n.children.flatMap(fill)]);
  const roots = [...nodes.values()].filter((n) => !childIds.has(n.unit.id));
  roots.forEach(fill);
  return roots;
}

/**
 * Counts per unit from the tables by unit, as a tree flattened in pre-order (children sorted by
 * value descending): each row has its parent id and depth (units.json parent chain), its own
 * printed cells (`own`) and `value` = own + the values of its children. A parent printed as a row of
 * its own (人間総合科学学術院, line 31) keeps its own count and adds its children's. Groups that the
 * table never prints (学群, 系, 大学院…) appear as roots with own = 0.
 */
export function flowsByUnit(flows: readonly Flow[], units: readonly Unit[], opts: FlowSelection): UnitRow[] {
  const out: UnitRow[] = [];
  const order = (a: UnitNode, b: UnitNode) => sum(b.all) - sum(a.all) || cmp(a.unit.id, b.unit.id);
  const visit = (n: UnitNode, depth: number): void => {
    const asOf = asOfOf(n.all);
    out.push({
      id: n.unit.id,
      ...(depth > 0 && n.unit.parent ? { parent: n.unit.parent } : {}),
      depth,
      name: n.unit.name,
      kind: n.unit.kind,
      own: sum(n.cells),
      value: sum(n.all),
      printed: n.cells.length > 0,
      fiscalYear: opts.fiscalYear,
      population: opts.population,
      direction: opts.direction,
      ...(asOf ? { asOf } : {}),
      sources: refsOf(n.all),
      ownSources: refsOf(n.cells),
    });
    [...n.children].sort(order).forEach((c) => visit(c, depth + 1));
  };
  unitTree(flows, units, opts).sort(order).forEach((r) => visit(r, 0));
  return out;
}

export interface RankedUnitRow extends StatRow {
  id: string;
  name: { ja: string; en?: string };
  kind: string;
  depth: number;
}

/**
 * Units ranked by value, descending. Without `depth`: the units as the table prints them (each
 * row's own cells). With `depth`: every printed count rolled up to its ancestor at that depth (0 =
 * the top groups 学群 / 大学院 / 系 / センター・機構等 …); a unit printed above that depth stays itself.
 */
export function rankUnits(flows: readonly Flow[], units: readonly Unit[], opts: FlowSelection & { depth?: number }): RankedUnitRow[] {
  const rows = flowsByUnit(flows, units, opts);
  const d = opts.depth;
  const picked = d === undefined
    ? rows.filter((r) => r.printed).map((r) => ({ ...r, value: r.own, sources: r.ownSources }))
    : rows.filter((r) => r.depth === d || (r.depth < d && r.printed))
        .map((r) => (r.depth === d ? r : { ...r, value: r.own, sources: r.ownSources }));
  return picked
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind, depth: r.depth, value: r.value, fiscalYear: r.fiscalYear, population: r.population, direction: r.direction, sources: r.sources }))
    .sort((a, b) => b.value - a.value || cmp(a.id, b.id));
}

export const POPULATIONS: readonly Population[] = ['student', 'staff'];
export const DIRECTIONS: readonly Direction[] = ['inbound', 'outbound'];

export interface UnitFlowChild {
  id: string;
  name: { ja: string; en?: string };
  kind: string;
  /** The sub-unit with everything under it, per population and direction it is counted in. */
  cells: UnitRow[];
}

export interface UnitFlowSummary {
  unit: string;
  fiscalYear: number;
  /**
   * The unit with everything under it (flowsByUnit's roll-up), one row per population and direction
   * whose table counts it or a unit below it: students before staff, inbound before outbound.
   */
  totals: UnitRow[];
  /** Its direct sub-units that some table counts, by their summed values descending. */
  children: UnitFlowChild[];
  /** The finer categories summed over the unit and everything under it (categoryBreakdown). */
  categories: CategoryRow[];
  /**
   * Units whose rows the document counts in another group's subtotal (units.json `countedIn`):
   * `elsewhere`, under this unit here but counted by the document outside it; `here`, not under this
   * unit here but counted by the document in this unit's subtotal. Each with its own rolled-up rows.
   */
  countedElsewhere: CountedApart[];
  countedHere: CountedApart[];
}

export interface CountedApart {
  id: string;
  name: { ja: string; en?: string };
  /** The group the document counts it in. */
  countedIn: string;
  reason?: string;
  cells: UnitRow[];
}

/**
 * One unit's flows for its page: its totals rolled up its hierarchy, its sub-units and the finer
 * categories; undefined when no table of that fiscal year counts the unit or anything under it.
 */
export function unitFlows(flows: readonly Flow[], units: readonly Unit[], unitId: string, fiscalYear: number): UnitFlowSummary | undefined {
  const sub = unitSubtree(units, unitId);
  const mine = flows.filter((f) => f.unit !== undefined && sub.has(f.unit) && f.fiscalYear === fiscalYear);
  if (mine.length === 0) return undefined;
  const totals: UnitRow[] = [];
  const children = new Map<string, UnitFlowChild>();
  const categories: CategoryRow[] = [];
  for (const population of POPULATIONS) {
    for (const direction of DIRECTIONS) {
      const sel = { population, direction, fiscalYear };
      const rows = flowsByUnit(mine, units, sel);
      const me = rows.find((r) => r.id === unitId);
      if (!me) continue;
      totals.push(me);
      for (const r of rows.filter((x) => x.parent === unitId)) {
        const c = children.get(r.id) ?? { id: r.id, name: r.name, kind: r.kind, cells: [] };
        c.cells.push(r);
        children.set(r.id, c);
      }
      categories.push(...categoryBreakdown(mine, { ...sel, by: 'total' }));
    }
  }
  const weight = (c: UnitFlowChild) => c.cells.reduce((n, r) => n + r.value, 0);
  // The unit's line of ancestors and descendants: a group counted in any of them is not "apart".
  const related = new Set([...sub, ...unitAncestors(units, unitId)]);
  const apart = (u: Unit): CountedApart | undefined => {
    const f = flows.filter((x) => x.unit !== undefined && unitSubtree(units, u.id).has(x.unit) && x.fiscalYear === fiscalYear);
    if (f.length === 0) return undefined;
    const cells = POPULATIONS.flatMap((population) => DIRECTIONS.map((direction) => flowsByUnit(f, units, { population, direction, fiscalYear }).find((r) => r.id === u.id)))
      .filter((r): r is UnitRow => r !== undefined);
    return { id: u.id, name: u.name, countedIn: u.countedIn!, ...(u.countedInReason ? { reason: u.countedInReason } : {}), cells };
  };
  const countedElsewhere = units.filter((u) => u.countedIn && sub.has(u.id) && !related.has(u.countedIn)).map(apart).filter((x): x is CountedApart => x !== undefined);
  const countedHere = units.filter((u) => u.countedIn && sub.has(u.countedIn) && !sub.has(u.id)).map(apart).filter((x): x is CountedApart => x !== undefined);
  return {
    unit: unitId,
    fiscalYear,
    totals,
    children: [...children.values()].sort((a, b) => weight(b) - weight(a) || cmp(a.id, b.id)),
    categories,
    countedElsewhere,
    countedHere,
  };
}

// ---------------------------------------------------------------------------------------------
// categories

export interface CategoryRow extends StatRow {
  /** The unit (by: 'unit'), as printed: its own cells, no roll-up. */
  unit?: string;
  category: string;
  /** For inbound staff: employed (雇用者) or not employed, by funding (雇用者以外). */
  group?: 'employed' | 'not-employed';
}

/** Employed (雇用者) or not (雇用者以外, by funding): the two halves of the inbound staff columns. */
export function categoryGroup(category: string, direction: Direction): CategoryRow['group'] {
  if (category.startsWith('employed-')) return 'employed';
  if (direction === 'inbound' && category.endsWith('-funds')) return 'not-employed';
  return undefined;
}

const categoryRank = (c: string): number => {
  const i = (CATEGORY_ORDER as readonly string[]).indexOf(c);
  return i < 0 ? CATEGORY_ORDER.length : i;
};

/**
 * The finer categories the source gives, from the tables by unit (the country tables give totals
 * only): regular / non-regular inbound students; inbound staff employed (researcher, faculty,
 * other) or not (own, external, other funds); outbound staff by funding. Where a table gives only a
 * total (outbound students) the one category is `total`. `by: 'total'` sums each category over the
 * table (in CATEGORY_ORDER); `by: 'unit'` gives one row per unit and category (units by their
 * total descending).
 */
export function categoryBreakdown(flows: readonly Flow[], opts: FlowSelection & { by: 'unit' | 'total' }): CategoryRow[] {
  const cells = tableCells(flows, { ...opts, table: 'unit' });
  const groups = new Map<string, Flow[]>();
  for (const f of cells) push(groups, opts.by === 'unit' ? `${f.unit}\u0000${f.category}` : f.category, f);
  const unitTotals = new Map<string, number>();
  for (const f of cells) unitTotals.set(f.unit!, (unitTotals.get(f.unit!) ?? 0) + f.count);
  const rows: CategoryRow[] = [...groups.values()].map((g) => {
    const first = g[0]!;
    const group = categoryGroup(first.category, opts.direction);
    const asOf = asOfOf(g);
    return {
      ...(opts.by === 'unit' ? { unit: first.unit! } : {}),
      category: first.category,
      ...(group ? { group } : {}),
      value: sum(g),
      fiscalYear: opts.fiscalYear,
      population: opts.population,
      direction: opts.direction,
      ...(asOf ? { asOf } : {}),
      sources: refsOf(g),
    };
  });
  return rows.sort((a, b) =>
    (a.unit && b.unit ? (unitTotals.get(b.unit) ?? 0) - (unitTotals.get(a.unit) ?? 0) || cmp(a.unit, b.unit) : 0)
    || categoryRank(a.category) - categoryRank(b.category) || cmp(a.category, b.category));
}

// ---------------------------------------------------------------------------------------------
// years

export interface YearTotalRow { fiscalYear: number; value: number; asOf?: string; sources: Ref[] }

/**
 * The total of one table (by unit or by country) per fiscal year present: the year-over-year line.
 * With one year of data it has one row (the chart should say so).
 */
export function totalsByYear(flows: readonly Flow[], opts: Omit<FlowSelection, 'fiscalYear'> & { table: FlowTable }): YearTotalRow[] {
  return fiscalYears(flows.filter((f) => f.population === opts.population && f.direction === opts.direction && tableOf(f) === opts.table
    && (opts.home === undefined || f.home === opts.home))).map((fiscalYear) => {
    const cells = tableCells(flows, { ...opts, fiscalYear });
    const asOf = asOfOf(cells);
    return { fiscalYear, value: sum(cells), ...(asOf ? { asOf } : {}), sources: refsOf(cells) };
  });
}

// ---------------------------------------------------------------------------------------------
// the administrator's question

export interface SendersAndDestinations {
  /** Always false for the current data: no table crosses unit and country, so no unit × region matrix. */
  crossTabulated: boolean;
  /** Units ranked by their count (as printed, or rolled up to `depth`), from the table by unit. */
  units: RankedUnitRow[];
  /** Regions ranked by count, from the table by country. */
  regions: GroupRow[];
  /** Total of the table by unit and of the table by country: they differ where the country table is short (students FY2023: 1,992 against 1,984). */
  unitTableTotal: number;
  countryTableTotal: number;
}

/**
 * "Which units send the most students abroad, and to which regions?" The documents count students
 * sent abroad by unit in one table and by country in another, and never by both (no flow names a
 * unit and a country), so the answer is the two rankings side by side: units by outbound count,
 * regions by outbound count. When a source crosses the two, `crossTabulated` turns true.
 */
export function sendersAndDestinations(flows: readonly Flow[], units: readonly Unit[], countries: readonly Country[],
  opts: { fiscalYear: number; population?: Population; direction?: Direction; home?: string; depth?: number }): SendersAndDestinations {
  const sel: FlowSelection = { population: opts.population ?? 'student', direction: opts.direction ?? 'outbound', fiscalYear: opts.fiscalYear, ...(opts.home ? { home: opts.home } : {}) };
  return {
    crossTabulated: unitByCountryAvailable(flows),
    units: rankUnits(flows, units, { ...sel, ...(opts.depth !== undefined ? { depth: opts.depth } : {}) }),
    regions: flowsByGroup(flows, countries, { ...sel, by: 'region' }),
    unitTableTotal: sum(tableCells(flows, { ...sel, table: 'unit' })),
    countryTableTotal: sum(tableCells(flows, { ...sel, table: 'country' })),
  };
}

// ---------------------------------------------------------------------------------------------
// agreements, degree programmes, conferences, visits

export interface YearCountRow {
  group: string;
  /** Calendar year signed (agreements) or fiscal year started (degree programmes). */
  year: number;
  /** New in that year. */
  count: number;
  /** Up to and including that year. */
  cumulative: number;
  sources: Ref[];
}

export interface UndatedRow { group: string; count: number; sources: Ref[] }

export interface OverTime { rows: YearCountRow[]; undated: UndatedRow[] }

/**
 * Per group, one row for every year from the first year of any group to the last — or, where
 * `until` gives a group's last year (the year its list stops: its as-of date), to that year and no
 * further: after it the group's series is absent, not zero (zeros included before it).
 */
function overTime<T extends { source: SourceRef }>(items: readonly T[], yearOfItem: (x: T) => number | undefined, groupOf: (x: T) => string,
  groupOrder: (a: string, b: string) => number, until?: (group: string) => number | undefined): OverTime {
  const dated = new Map<string, Map<number, T[]>>();
  const undated = new Map<string, T[]>();
  const years: number[] = [];
  for (const x of items) {
    const g = groupOf(x);
    const y = yearOfItem(x);
    if (y === undefined) { push(undated, g, x); continue; }
    years.push(y);
    const m = dated.get(g) ?? new Map<number, T[]>();
    push(m, y, x);
    dated.set(g, m);
  }
  const rows: YearCountRow[] = [];
  if (years.length) {
    const first = Math.min(...years);
    const last = Math.max(...years);
    for (const g of [...dated.keys()].sort(groupOrder)) {
      let cumulative = 0;
      const end = until?.(g);
      // a list never stops before an agreement it lists: an end before the group's last year is ignored
      const groupLast = Math.max(...dated.get(g)!.keys());
      for (const year of range(first, end === undefined ? last : Math.max(end, groupLast))) {
        const xs = dated.get(g)!.get(year) ?? [];
        cumulative += xs.length;
        rows.push({ group: g, year, count: xs.length, cumulative, sources: refsOf(xs) });
      }
    }
  }
  return {
    rows,
    undated: [...undated.keys()].sort(groupOrder).map((g) => ({ group: g, count: undated.get(g)!.length, sources: refsOf(undated.get(g)!) })),
  };
}

const orderBy = (first: readonly string[]) => (a: string, b: string): number => {
  const ia = first.indexOf(a);
  const ib = first.indexOf(b);
  return (ia < 0 ? first.length : ia) - (ib < 0 ? first.length : ib) || cmp(a, b);
};

/** Region key of an agreement whose countries lie in several regions (a network: hiroshima-2024 line 440). */
export const MULTIPLE = 'multiple';

/**
 * New agreements per year signed and the cumulative count, per home, region, level or in all
 * (`all`). The year is the year of `signedOn`, or `signedYear` where the source gives only a year.
 * Agreements without any year (all of Tsukuba's list, most of UTokyo's) are not dropped: they are
 * counted per group in `undated`. An agreement whose countries lie in more than one region counts
 * once, under `multiple`; a country missing from countries.json under `unknown`.
 * `groups` puts those group keys first, in that order (e.g. the ids of homes.json).
 */
export function agreementsOverTime(agreements: readonly Agreement[], countries: readonly Country[],
  opts: { by: 'home' | 'region' | 'level' | 'all'; groups?: readonly string[]; until?: (group: string) => number | undefined }): OverTime {
  const regionOf = new Map(countries.map((c) => [c.code, c.region]));
  const groupOf = (a: Agreement): string => {
    if (opts.by === 'home') return a.home;
    if (opts.by === 'level') return a.level;
    if (opts.by === 'all') return 'all';
    const regions = new Set(a.countries.map((c) => regionOf.get(c) ?? UNKNOWN));
    return regions.size === 1 ? [...regions][0]! : MULTIPLE;
  };
  const first = opts.groups ?? (opts.by === 'level' ? LEVELS : []);
  return overTime(agreements, yearOf, groupOf, orderBy(first), opts.until);
}

/** Where a university's list of agreements stops: the latest as-of date of the sources its agreements come from. */
export interface ListEnd { home: string; asOf: string; year: number; sources: string[] }

/** Per home with agreements, where its list stops (sources' `asOf`, ISO dates). */
export function listEnds(agreements: readonly Agreement[], sources: readonly { id: string; asOf: string }[]): Map<string, ListEnd> {
  const asOf = new Map(sources.map((s) => [s.id, s.asOf]));
  const out = new Map<string, ListEnd>();
  for (const a of agreements) {
    const d = asOf.get(a.source.id);
    if (!d) throw new Error(`listEnds: agreement ${a.id} comes from source ${a.source.id}, which the sources table does not list`);
    const cur = out.get(a.home);
    if (!cur) out.set(a.home, { home: a.home, asOf: d, year: Number(d.slice(0, 4)), sources: [a.source.id] });
    else {
      if (!cur.sources.includes(a.source.id)) cur.sources.push(a.source.id);
      if (d > cur.asOf) { cur.asOf = d; cur.year = Number(d.slice(0, 4)); }
    }
  }
  return out;
}

/** A list's last years, thin against the years before: a list not kept up to date, read as such. */
export interface ThinTail { from: number; to: number; count: number; before: { from: number; to: number; median: number } }

/**
 * The years at the end of a list (up to the year of its as-of date) in which it records far fewer
 * agreements than it did before: each year of the tail has under a fifth of the median of the five
 * years before the tail, and the tail is at least two years long. Osaka's list (as of 2021-08) has
 * 38 agreements signed in 2018, none in 2019 or 2020 and one in 2021: a list that was not kept up to
 * date in its last years, not a university that stopped signing. Undefined when the end is not thin
 * (or there are not five years before it to compare with). `rows`: one group's per-year rows.
 */
export function thinTail(rows: readonly { year: number; count: number }[], endYear: number): ThinTail | undefined {
  const byYear = new Map(rows.map((r) => [r.year, r.count]));
  const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
  let best: ThinTail | undefined;
  for (let from = endYear - 1; from >= endYear - 10; from--) {
    const before = range(from - 5, from - 1).map((y) => byYear.get(y));
    if (before.some((x) => x === undefined)) break;
    const m = median(before as number[]);
    const tail = range(from, endYear).map((y) => byYear.get(y) ?? 0);
    if (m < 5 || tail.some((x) => x >= m / 5)) continue;
    best = { from, to: endYear, count: tail.reduce((a, b) => a + b, 0), before: { from: from - 5, to: from - 1, median: m } };
  }
  return best;
}

/**
 * Degree programmes per fiscal year started and cumulative, by kind (double / joint). The start
 * year is `startFiscalYear`, the earliest the source gives: a programme carried over from before a
 * reorganisation counts from its first start (R2 (H29) → 2017). Programmes without one are in `undated`.
 */
export function degreeProgrammesByStartYear(programmes: readonly DegreeProgramme[]): OverTime {
  return overTime(programmes, (p) => p.startFiscalYear, (p) => p.kind, orderBy(['double', 'joint']));
}

export interface ConferenceFormatRow {
  /** As printed: オンサイト, オンライン, ハイブリッド; `unknown` when the cell is empty. */
  format: string;
  /** The format in English (the records' `formatEn`: on-site, online, hybrid), when the records give one. */
  formatEn?: string;
  count: number;
  /** Sum of the stated participants (records that state none are not in it: see withParticipants). */
  participants: number;
  foreignParticipants: number;
  withParticipants: number;
  sources: Ref[];
}

export interface ConferenceMonthRow {
  /** Month of the first day, YYYY-MM. */
  month: string;
  fiscalYear: number;
  count: number;
  participants: number;
  foreignParticipants: number;
  /** Conferences per format that month. */
  formats: Record<string, number>;
  sources: Ref[];
}

export interface ConferencesSummary {
  byFormat: ConferenceFormatRow[];
  byMonth: ConferenceMonthRow[];
  /** Conferences without a start date (not in byMonth; in byFormat). */
  undated: Ref[];
  total: { count: number; participants: number; foreignParticipants: number };
}

/**
 * Conferences by format (count and participants, largest count first) and by month of their first
 * day (every month from the first to the last, zeros included), optionally of one fiscal year.
 * Participant sums are as printed: a few rows state more foreign participants than participants,
 * and one symposium (Tsukuba line 979, 14,410) outweighs all others together.
 */
export function conferencesSummary(conferences: readonly Conference[], opts: { fiscalYear?: number; home?: string } = {}): ConferencesSummary {
  const cs = conferences.filter((c) => (opts.fiscalYear === undefined || c.fiscalYear === opts.fiscalYear) && (opts.home === undefined || c.home === opts.home));
  const totals = (xs: readonly Conference[]) => ({
    participants: xs.reduce((s, c) => s + (c.participants ?? 0), 0),
    foreignParticipants: xs.reduce((s, c) => s + (c.foreignParticipants ?? 0), 0),
  });
  const formats = new Map<string, Conference[]>();
  for (const c of cs) push(formats, c.format || UNKNOWN, c);
  const byFormat = [...formats].map(([format, xs]) => ({
    format, ...(xs[0]?.formatEn ? { formatEn: xs[0].formatEn } : {}), count: xs.length, ...totals(xs), withParticipants: xs.filter((c) => c.participants !== undefined).length, sources: refsOf(xs),
  })).sort((a, b) => b.count - a.count || cmp(a.format, b.format));
  const months = new Map<string, Conference[]>();
  for (const c of cs) if (c.startDate) push(months, c.startDate.slice(0, 7), c);
  const keys = [...months.keys()].sort();
  const byMonth = keys.length ? monthsBetween(keys[0]!, keys[keys.length - 1]!).map((month) => {
    const xs = months.get(month) ?? [];
    const f: Record<string, number> = {};
    for (const c of xs) f[c.format || UNKNOWN] = (f[c.format || UNKNOWN] ?? 0) + 1;
    return { month, fiscalYear: fiscalYearOfMonth(month), count: xs.length, ...totals(xs), formats: f, sources: refsOf(xs) };
  }) : [];
  return { byFormat, byMonth, undated: refsOf(cs.filter((c) => !c.startDate)), total: { count: cs.length, ...totals(cs) } };
}

export interface VisitMonthRow {
  month: string;
  fiscalYear: number;
  /** Sum of 件数 (visits) that month. */
  count: number;
  /** Sum of 人数 (persons). */
  persons: number;
  /** Rows of the source that month. */
  visits: number;
  sources: Ref[];
}

/** Official visits per month (every month from the first to the last, zeros included), optionally of one fiscal year. */
export function visitsByMonth(visits: readonly Visit[], opts: { fiscalYear?: number; home?: string } = {}): VisitMonthRow[] {
  const vs = visits.filter((v) => (opts.fiscalYear === undefined || fiscalYearOfMonth(v.month) === opts.fiscalYear) && (opts.home === undefined || v.home === opts.home));
  const months = new Map<string, Visit[]>();
  for (const v of vs) push(months, v.month, v);
  const keys = [...months.keys()].sort();
  if (!keys.length) return [];
  return monthsBetween(keys[0]!, keys[keys.length - 1]!).map((month) => {
    const xs = months.get(month) ?? [];
    return {
      month, fiscalYear: fiscalYearOfMonth(month),
      count: xs.reduce((s, v) => s + v.count, 0), persons: xs.reduce((s, v) => s + v.persons, 0), visits: xs.length, sources: refsOf(xs),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// validation notes

/** A warning of validation.json (a row with a missing cell, a label left unresolved…). */
export interface ValidationWarning { source: string; line: number; message: string; raw?: string; severity?: string; file?: string }
export interface ValidationReport { checks: readonly Check[]; warnings?: readonly ValidationWarning[] }

export interface Shortfall extends Check {
  /** stated − computed: how far the table's rows fall short of its own stated figure (negative if over). */
  shortBy: number;
}

/** The table a check names: the text of `what` before its first ", " (学生の交流 国・地域別). */
const tableTitle = (c: Check): string | undefined => {
  const i = c.what.indexOf(', ');
  return i > 0 ? c.what.slice(0, i) : undefined;
};

/**
 * What a chart must say about its table: the checks with status `erratum` or `error` that concern
 * the table its cells come from, and the warnings on those cells' lines (a row with a missing
 * cell, a country label left unresolved, a country listed twice). A check concerns the table when
 * it is on a line of the cells (within the first and last line), or names the same table as a
 * check on one of those lines (its stated totals: 学生の交流 国・地域別, 合計 … on line 486), or
 * is on one of `lines`. With `direction`, checks whose id names only the other direction
 * (`column-outbound` for an inbound chart) are left out.
 */
export function shortfalls(validation: ValidationReport, refs: readonly Ref[], opts: { direction?: Direction; lines?: readonly number[] } = {}): { checks: Shortfall[]; warnings: ValidationWarning[] } {
  const linesBySource = new Map<string, Set<number>>();
  for (const r of refs) {
    const s = linesBySource.get(r.id) ?? new Set<number>();
    s.add(r.line);
    linesBySource.set(r.id, s);
  }
  const titles = new Set<string>();
  const spans = new Map<string, [number, number]>();
  for (const [id, lines] of linesBySource) {
    const ls = [...lines];
    spans.set(id, [Math.min(...ls), Math.max(...ls)]);
  }
  for (const c of validation.checks) {
    const t = tableTitle(c);
    if (t && linesBySource.get(c.source)?.has(c.line)) titles.add(`${c.source}\u0000${t}`);
  }
  const other = opts.direction === 'inbound' ? 'outbound' : opts.direction === 'outbound' ? 'inbound' : undefined;
  const concerns = (c: Check): boolean => {
    const span = spans.get(c.source);
    if (!span) return false;
    const t = tableTitle(c);
    return (c.line >= span[0] && c.line <= span[1]) || (t !== undefined && titles.has(`${c.source}\u0000${t}`)) || (opts.lines?.includes(c.line) ?? false);
  };
  const checks = validation.checks
    .filter((c) => c.status !== 'ok' && concerns(c))
    .filter((c) => !other || !(c.id.includes(other) && !c.id.includes(opts.direction!)))
    .map((c) => ({ ...c, shortBy: c.stated - c.computed }))
    .sort((a, b) => cmp(a.source, b.source) || a.line - b.line || cmp(a.id, b.id));
  const warnings = (validation.warnings ?? [])
    .filter((w) => linesBySource.get(w.source)?.has(w.line))
    .slice()
    .sort((a, b) => cmp(a.source, b.source) || a.line - b.line || cmp(a.message, b.message));
  return { checks, warnings };
}

/**
 * The document's own total that a sum of its cells equals: the `ok` check of the same table as the
 * cells (`refs`) printed after every one of them (a grand-total row, not a subtotal inside the
 * table) that states exactly `value`; undefined when the document states no such total.
 */
export function statedTotal(validation: ValidationReport, refs: readonly Ref[], value: number): Check | undefined {
  const last = new Map<string, number>();
  for (const r of refs) last.set(r.id, Math.max(last.get(r.id) ?? 0, r.line));
  const titles = new Set(validation.checks.filter((c) => refs.some((r) => r.id === c.source && r.line === c.line)).map((c) => `${c.source}\u0000${tableTitle(c)}`));
  const titleOfTable = (c: Check) => `${c.source}\u0000${tableTitle(c)}`;
  return validation.checks
    .filter((c) => c.status === 'ok' && c.stated === value && c.computed === value && last.has(c.source) && c.line > last.get(c.source)!)
    .filter((c) => titles.size === 0 || titles.has(titleOfTable(c)))
    .sort((a, b) => a.line - b.line)[0];
}
