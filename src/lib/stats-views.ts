/**
 * The statistics explorer's views: every combination of population (students, staff), direction
 * (received, sent, or the balance of the two) and breakdown (region, country, unit) is one view,
 * with its chart, its table (all rows), CSV and source lines — a complete page at
 * /stats/view/<population>-<direction>-<breakdown>/ that the explorer on /stats/ switches between.
 * And the headline figures of /stats/: the totals as the document prints them, each with its lines.
 *
 * Counting is src/lib/stats.ts (flowsByGroup, balance, rankUnits, totalsByYear); words and notes
 * come from src/lib/stats-charts.ts, so a view says what the chart wall said.
 */
import * as Plot from '@observablehq/plot';
import { table } from './data.ts';
import { REGIONS } from '../../scripts/lib/countries.ts';
import { renderPlot, seriesColours, OKABE_ITO } from './charts.ts';
import {
  fiscalYears, flowsByGroup, balance, rankUnits, totalsByYear, shortfalls, statedTotal,
  type Ref, type Population, type Direction,
} from './stats.ts';
import { WORDS, citeLines, homeName, dataNotes, report, type ChartDef, type ChartNote } from './stats-charts.ts';
import type { Locale } from '../i18n/ui.ts';
import { formatNumber } from './site.ts';
import type { Country, Flow, Unit } from '../../scripts/schema/records.ts';

export const VIEW_POPULATIONS = ['student', 'staff'] as const;
export const VIEW_DIRECTIONS = ['inbound', 'outbound', 'balance'] as const;
export const VIEW_BREAKDOWNS = ['region', 'country', 'unit'] as const;
export type ViewDirection = (typeof VIEW_DIRECTIONS)[number];
export type Breakdown = (typeof VIEW_BREAKDOWNS)[number];
export interface ViewKey { population: Population; direction: ViewDirection; breakdown: Breakdown }

/** The view /stats/ opens on: students received and sent, by country (its Map tab: the flow map). */
export const DEFAULT_VIEW = 'student-balance-country';
/** How many bars a chart by country or unit draws; its table and CSV have every row. */
export const TOP = 25;

export const viewId = (k: ViewKey): string => `${k.population}-${k.direction}-${k.breakdown}`;
export function parseViewId(id: string): ViewKey | undefined {
  const [population, direction, breakdown] = id.split('-');
  if (!VIEW_POPULATIONS.includes(population as Population) || !VIEW_DIRECTIONS.includes(direction as ViewDirection) || !VIEW_BREAKDOWNS.includes(breakdown as Breakdown) || id.split('-').length !== 3) return undefined;
  return { population: population as Population, direction: direction as ViewDirection, breakdown: breakdown as Breakdown };
}
/** All 18 views, in the order of the explorer's choices. */
export function viewKeys(): ViewKey[] {
  return VIEW_POPULATIONS.flatMap((population) => VIEW_DIRECTIONS.flatMap((direction) => VIEW_BREAKDOWNS.map((breakdown) => ({ population, direction, breakdown }))));
}

/** The explorer's words, ja and en. */
export const VIEW_WORDS = {
  ja: {
    population: '対象', direction: '向き', breakdown: '内訳',
    student: '学生', staff: '教職員等', inbound: '受入', outbound: '派遣', balance: '受入と派遣',
    region: '地域別', country: '国・地域別', unit: '組織別',
    received: '受入', sent: '派遣', chart: 'グラフ', map: '地図', table: '表',
  },
  en: {
    population: 'People', direction: 'Direction', breakdown: 'Breakdown',
    student: 'Students', staff: 'Staff', inbound: 'Received', outbound: 'Sent', balance: 'Both (balance)',
    region: 'By region', country: 'By country', unit: 'By unit',
    received: 'received', sent: 'sent', chart: 'Chart', map: 'Map', table: 'Table',
  },
} as const;

export interface StatsView extends ViewKey {
  id: string;
  fiscalYear: number;
  /** chart, table rows (every row), notes and sources: rendered by Chart.astro */
  chart: ChartDef;
  /** rows the chart leaves out (by country and unit: beyond the top TOP) */
  notDrawn: number;
}

const flows = () => table<Flow>('flows');

/** The view's title: "Students received, by region (FY2023)". */
export function viewTitle(k: ViewKey, locale: Locale, fy: number): string {
  const W = WORDS[locale];
  const V = VIEW_WORDS[locale];
  if (locale === 'ja') {
    const what = k.direction === 'balance' ? `${V[k.population]}の受入と派遣` : `${V[k.population]}の${V[k.direction]}`;
    return `${what}（${V[k.breakdown]}、${W.fy(fy)}）`;
  }
  const who = k.population === 'student' ? 'Students' : 'Staff';
  const what = k.direction === 'balance' ? `${who} received and sent` : `${who} ${k.direction === 'inbound' ? 'received' : 'sent abroad'}`;
  return `${what}, ${V[k.breakdown].toLowerCase()} (${W.fy(fy)})`;
}

/**
 * One view of the statistics for the latest fiscal year (or `year`): the chart, every row as a
 * table and CSV, notes (the document's errata where its rows fall short of its totals) and sources.
 */
export function statsView(k: ViewKey, locale: Locale, year?: number): StatsView {
  const W = WORDS[locale];
  const ja = locale === 'ja';
  const all = flows();
  const years = fiscalYears(all);
  const fy = year ?? years[years.length - 1]!;
  const countries = table<Country>('countries');
  const units = table<Unit>('units');
  const rep = report();
  const source = all.find((f) => f.fiscalYear === fy)?.source.id ?? '';
  const home = homeName(all.find((f) => f.fiscalYear === fy)?.home, locale);
  const n = (x: number) => formatNumber(locale, x);
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name[locale] ?? code;
  const regionName = (id: string) => REGIONS.find((r) => r.id === id)?.name[locale] ?? (id === 'unknown' ? W.unknown : id);
  const unitName = (u: { name: { ja: string; en?: string } }) => (ja ? u.name.ja : u.name.en ?? u.name.ja);
  const unitHref = (id: string) => (units.some((u) => u.id === id) ? `/units/${id}/` : undefined);
  const id = viewId(k);
  const title = viewTitle(k, locale, fy);
  const yearNote: ChartNote[] = years.length === 1 ? [{ kind: 'caveat', text: W.oneYear(W.fy(fy)), page: true }] : [];
  const studentAsOf = k.population === 'student' ? (ja ? '受入は12月1日現在の在籍者数、派遣は年度内の人数。' : 'Received: enrolled on 1 December; sent: over the year. ') : '';
  const subtitleOf = (refs: readonly Ref[], table: 'country' | 'unit') => (ja
    ? `${W.fy(fy)}、${home}の${table === 'country' ? '国・地域別' : '組織別'}の表。${studentAsOf}${citeLines(refs, locale, source)}`
    : `${W.fy(fy)}, ${home}, the table by ${table === 'country' ? 'country' : 'unit'}. ${studentAsOf}${citeLines(refs, locale, source)}`);

  interface Row { key: string; label: string; href?: string; inbound: number; outbound: number; sources: Ref[] }
  let rows: Row[];
  let first: string;
  const notes: ChartNote[] = [];
  if (k.breakdown === 'unit') {
    first = W.unit;
    const side = (direction: Direction) => rankUnits(all, units, { population: k.population, direction, fiscalYear: fy });
    const byId = new Map<string, Row>();
    for (const direction of ['inbound', 'outbound'] as const) {
      for (const r of side(direction)) {
        const row = byId.get(r.id) ?? { key: r.id, label: unitName(r), ...(unitHref(r.id) ? { href: unitHref(r.id)! } : {}), inbound: 0, outbound: 0, sources: [] };
        row[direction] = r.value;
        row.sources.push(...r.sources);
        byId.set(r.id, row);
      }
    }
    rows = [...byId.values()];
  } else {
    first = k.breakdown === 'region' ? W.region : W.country;
    const label = (key: string, g: { country?: string; label?: string }) => (k.breakdown === 'region' ? regionName(key) : g.country ? countryName(g.country) : g.label ? (ja ? g.label : `Country unresolved: “${g.label}” as printed`) : W.unknown);
    const byKey = new Map<string, Row>();
    for (const direction of ['inbound', 'outbound'] as const) {
      for (const g of flowsByGroup(all, countries, { population: k.population, direction, fiscalYear: fy, by: k.breakdown })) {
        const row = byKey.get(g.key) ?? { key: g.key, label: label(g.key, g), ...(g.country ? { href: `/countries/${g.country.toLowerCase()}/` } : {}), inbound: 0, outbound: 0, sources: [] };
        row[direction] = g.value;
        row.sources.push(...g.sources);
        byKey.set(g.key, row);
      }
    }
    rows = [...byKey.values()];
    if (k.breakdown === 'country' || rows.some((r) => r.key === 'east-asia')) notes.push({ kind: 'caveat', text: W.hk, page: true });
  }
  const value = (r: Row) => (k.direction === 'inbound' ? r.inbound : k.direction === 'outbound' ? r.outbound : r.inbound + r.outbound);
  const unknownLast = (r: Row) => Number(r.key.startsWith('unknown'));
  rows = rows.filter((r) => value(r) > 0).sort((a, b) => unknownLast(a) - unknownLast(b) || value(b) - value(a) || a.label.localeCompare(b.label));
  const refs = rows.flatMap((r) => r.sources);
  const tableKind = k.breakdown === 'unit' ? 'unit' : 'country';
  const subtitle = subtitleOf(refs, tableKind);
  for (const direction of k.direction === 'balance' ? (['inbound', 'outbound'] as const) : [k.direction]) {
    const dirRefs = tableCellsRefs(all, k.population, direction, fy, tableKind);
    notes.push(...dataNotes(rep, dirRefs, direction, locale));
  }
  const drawn = k.breakdown === 'region' ? rows : rows.slice(0, TOP);
  const notDrawn = rows.length - drawn.length;
  // students received are a head count on one day, students sent a count over the year: their difference is no net flow
  if (k.direction === 'balance' && k.population === 'student') notes.push({ kind: 'caveat', text: ja ? '受入は12月1日現在の在籍者数、派遣は年度内に派遣した人数で、数え方が違います。差は目安で、正味の出入りではありません。' : 'Received counts students enrolled on 1 December; sent counts those who went abroad during the year. They are counted differently, so the difference is a rough balance, not a net flow.' });
  if (notDrawn > 0) notes.push({ kind: 'caveat', text: ja ? `グラフは上位${TOP}件です。表と CSV にはすべての${rows.length}件があります。` : `The chart shows the top ${TOP}; the table and CSV have all ${rows.length}.` });
  const marginLeft = Math.min(280, 14 + Math.max(...drawn.map((d) => d.label.length)) * (ja ? 12 : 6.5));
  let svg: string;
  let columns: string[];
  let tableRows: (string | number | null)[][];
  let legend: ChartDef['legend'];
  if (k.direction === 'balance') {
    const inOut = seriesColours([W.inboundN, W.outboundN]);
    const data = drawn.flatMap((r) => [
      { label: r.label, kind: W.inboundN, value: r.inbound, tip: `${r.label} — ${W.inboundN}: ${n(r.inbound)}` },
      { label: r.label, kind: W.outboundN, value: r.outbound, tip: `${r.label} — ${W.outboundN}: ${n(r.outbound)}` },
    ]);
    svg = renderPlot({
      width: 760, height: 24 * drawn.length + 60, marginLeft,
      x: { label: W.count, grid: true, zero: true }, y: { label: null, domain: drawn.map((r) => r.label) },
      color: inOut.color, symbol: { domain: [W.inboundN, W.outboundN], range: ['circle', 'square'] },
      marks: [
        Plot.ruleY(drawn, { y: 'label', x1: 'inbound', x2: 'outbound', stroke: '#9aa4ae' }),
        Plot.dot(data, { x: 'value', y: 'label', fill: 'kind', r: 4.5, symbol: 'kind', ariaLabel: 'kind', title: 'tip' }),
      ],
    }, { label: title, description: subtitle });
    columns = [first, W.inboundN, W.outboundN, W.net];
    tableRows = rows.map((r) => [r.label, r.inbound, r.outbound, r.inbound - r.outbound]);
    legend = inOut.legend(['circle', 'square']);
  } else {
    const data = drawn.map((r) => ({ label: r.label, value: value(r), tip: `${r.label}: ${n(value(r))}` }));
    svg = renderPlot({
      width: 760, height: Math.max(120, 24 * data.length + 40), marginLeft,
      x: { label: W.count, grid: true }, y: { label: null, domain: data.map((d) => d.label) },
      marks: [
        Plot.barX(data, { x: 'value', y: 'label', fill: OKABE_ITO[k.direction === 'inbound' ? 0 : 1], title: 'tip' }),
        Plot.text(data, { x: 'value', y: 'label', text: (d: { value: number }) => n(d.value), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    }, { label: title, description: subtitle });
    columns = [first, W.count];
    tableRows = rows.map((r) => [r.label, value(r)]);
  }
  const chart: ChartDef = {
    id: `view-${id}`, title, subtitle, svg, columns, rows: tableRows, notes: [...new Map([...notes, ...yearNote].map((x) => [x.text, x])).values()], sources: refs,
    ...(rows.some((r) => r.href) ? { rowLinks: rows.map((r) => r.href) } : {}),
    ...(legend ? { legend } : {}),
  };
  return { ...k, id, fiscalYear: fy, chart, notDrawn };
}

/** The source lines of one table's cells (for its notes: where the table falls short of its total). */
function tableCellsRefs(all: readonly Flow[], population: Population, direction: Direction, fiscalYear: number, tableKind: 'country' | 'unit'): Ref[] {
  return all.filter((f) => f.population === population && f.direction === direction && f.fiscalYear === fiscalYear && (tableKind === 'unit' ? f.unit !== undefined : f.unit === undefined))
    .map((f) => ({ id: f.source.id, line: f.source.line }));
}

// ---------------------------------------------------------------------------------------------
// Headline figures

export interface HeadlineFigure {
  population: Population;
  direction: Direction;
  /** the total as the document prints it (its 合計 row), or the sum of the rows where it prints none */
  value: number;
  printed: boolean;
  /** the lines that print it (the table by unit and the table by country) */
  lines: Ref[];
  /** where the rows of a table add up to less than the printed total: that table's sum and the line */
  short?: { computed: number; line: Ref; by: number };
  /** the change from the fiscal year before, when the data has one */
  change?: { from: number; value: number; delta: number };
  fiscalYear: number;
}

/**
 * Students and staff, received and sent, of the latest fiscal year (or `year`): the total as the
 * document prints it — the stated total the sum of the table by unit agrees with — with every line
 * printing it, and the table by country's own sum where its rows fall short of it (tsukuba-fy2023
 * L486: 2,536 of 2,573 students received).
 */
export function headlineFigures(year?: number): HeadlineFigure[] {
  const all = flows();
  const years = fiscalYears(all);
  if (!years.length) return [];
  const fy = year ?? years[years.length - 1]!;
  const rep = report();
  const figure = (population: Population, direction: Direction, y: number): HeadlineFigure | undefined => {
    const totals = (t: 'unit' | 'country') => totalsByYear(all, { population, direction, table: t }).find((r) => r.fiscalYear === y);
    const byUnit = totals('unit');
    const byCountry = totals('country');
    const base = byUnit ?? byCountry;
    if (!base) return undefined;
    const unitCheck = byUnit ? statedTotal(rep, byUnit.sources, byUnit.value) : undefined;
    const countryShort = byCountry ? shortfalls(rep, byCountry.sources, { direction }).checks.filter((c) => c.shortBy > 0 && c.id.includes(direction)) : [];
    const countryCheck = byCountry ? statedTotal(rep, byCountry.sources, byCountry.value) : undefined;
    const stated = unitCheck?.stated ?? countryShort[0]?.stated ?? countryCheck?.stated;
    const lines = [unitCheck, countryShort[0] ?? countryCheck].filter((c): c is NonNullable<typeof c> => c !== undefined && c.stated === stated).map((c) => ({ id: c.source, line: c.line }));
    const s = countryShort[0];
    return {
      population, direction, fiscalYear: y,
      value: stated ?? base.value, printed: stated !== undefined, lines,
      ...(s && byCountry ? { short: { computed: byCountry.value, line: { id: s.source, line: s.line }, by: s.shortBy } } : {}),
    };
  };
  const out: HeadlineFigure[] = [];
  for (const population of ['student', 'staff'] as const) {
    for (const direction of ['inbound', 'outbound'] as const) {
      const f = figure(population, direction, fy);
      if (!f) continue;
      const prevYear = years.filter((y) => y < fy).at(-1);
      const prev = prevYear === undefined ? undefined : figure(population, direction, prevYear);
      out.push(prev ? { ...f, change: { from: prevYear!, value: prev.value, delta: f.value - prev.value } } : f);
    }
  }
  return out;
}
