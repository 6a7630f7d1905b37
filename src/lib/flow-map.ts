/**
 * The flow map: lines from a home university to each country it received people from or sent
 * people to, drawn as SVG at build time with d3-geo over world-atlas (Natural Earth 1:110m; no
 * tiles, no network, nothing to run in the browser to see it).
 *
 * - A line's stroke width grows with the square root of its count (its area on the page, not its
 *   width, is what the eye compares); the scale's maximum can be given so that maps of one country
 *   keep the widths of the map of all of them. {@link referenceCounts} picks the 2–3 counts the
 *   legend (written in HTML by the page) shows at their widths.
 * - Received (inbound) in Okabe–Ito blue, sent (outbound) in orange, from charts.ts `seriesColours`.
 *   With both directions, each country has two curves bending to either side of the straight line,
 *   so both stay visible; thin lines are drawn first, thick ones last.
 * - A country's point is the centroid of its largest polygon at 1:110m (the mainland, not an
 *   overseas territory); a country with no shape at this scale (Singapore, Macao, Bahrain…) is
 *   placed at its `latlng` from the world-countries package and returned in `tooSmall`, for the page
 *   to name under the map.
 * - Each line is a mark: a <g> with `data-country`, `data-count` and `data-direction`
 *   (../shared/DATA-MODEL.md), a <title> ("China — received: 1,382") that src/scripts/charts.ts turns
 *   into a tooltip by mouse, keyboard and tap, a transparent wider hit line, and the visible line,
 *   which names its series in `data-series` (Received | Sent: the legend's swatches carry the same).
 *   `data-x` (the end's x) orders the marks west to east for the arrow keys.
 *
 * The projection is Equal Earth centred on 150°E, so that the map is cut in the Atlantic at 30°W:
 * Japan near the middle, the Americas whole (Brazil's easternmost point is 34.8°W).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoEqualEarth } from 'd3-geo';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { OKABE_ITO, seriesColours, worldCountries, isoNumeric } from './charts.ts';
import { esc, highlightPath, landPath, pathOf, svgOpen } from './partner-map.ts';
import { balance, type BalanceRow, type Population, type Ref } from './stats.ts';
import type { Country, Flow } from '../../scripts/schema/records.ts';

export type FlowDirection = 'inbound' | 'outbound';
export type FlowMode = FlowDirection | 'both';

/** One country's counts, as stats.ts `balance` gives them (a row per country). */
export interface FlowCounts {
  /** ISO 3166-1 alpha-2 */
  country: string;
  inbound: number;
  outbound: number;
}

/** The series names marks and legend swatches carry (data-series), one per direction. */
export const FLOW_SERIES: Record<FlowDirection, string> = { inbound: 'Received', outbound: 'Sent' };
const COLOURS = seriesColours([FLOW_SERIES.inbound, FLOW_SERIES.outbound], OKABE_ITO);
/** The colour of each direction: Okabe–Ito blue received, orange sent. */
export const flowColour = (d: FlowDirection): string => COLOURS.of(FLOW_SERIES[d]);

export interface FlowMapText {
  /** accessible name */
  label: string;
  /** accessible description */
  description: string;
  /** a mark's tooltip: "China — received: 1,382" */
  markTitle: (country: string, direction: FlowDirection, count: number) => string;
  /** the label of the home university's point */
  originLabel: string;
}

export interface FlowMark { country: string; direction: FlowDirection; count: number; width: number }

export interface FlowMapResult {
  svg: string;
  /** one per drawn line, in drawing order (thin first) */
  marks: FlowMark[];
  /** countries with a line but no shape at 1:110m, placed at their world-countries point (sorted) */
  tooSmall: string[];
  /** countries with a count that could not be placed at all (no shape and no point): none expected */
  notPlaced: string[];
  /** the widest count of the scale */
  maxCount: number;
}

const WIDTH_MIN = 0.8;
const WIDTH_MAX = 14;

/** Stroke width of a line of `count` on a scale whose widest line is `max`: 0.8 px + up to 13.2 px by the square root. */
export function flowWidth(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.round((WIDTH_MIN + (WIDTH_MAX - WIDTH_MIN) * Math.sqrt(Math.min(count, max) / max)) * 100) / 100;
}

/** 2–3 round counts (1, 2, 5 × 10ⁿ) for the width legend: the largest not above the maximum, then about a tenth and a hundredth of it. */
export function referenceCounts(max: number): number[] {
  const nice = (x: number): number => {
    if (x < 1) return 0;
    const p = 10 ** Math.floor(Math.log10(x));
    return [5, 2, 1].map((m) => m * p).find((v) => v <= x)!;
  };
  return [...new Set([nice(max / 100), nice(max / 10), nice(max)].filter((v) => v >= 1))];
}

const require = createRequire(import.meta.url);
interface WorldCountry { cca2: string; ccn3: string; latlng: [number, number]; name: { common: string } }
let worldCountryList: WorldCountry[] | undefined;
const worldCountryOf = (code: string): WorldCountry | undefined => {
  worldCountryList ??= JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as WorldCountry[];
  return worldCountryList.find((c) => c.cca2 === code);
};

/** The centroid of a shape's largest polygon, [lon, lat]. */
function largestPolygonCentroid(f: Feature<Geometry>): [number, number] | undefined {
  const g = f.geometry;
  const polygons: Polygon[] = g.type === 'Polygon' ? [g] : g.type === 'MultiPolygon' ? (g as MultiPolygon).coordinates.map((coordinates) => ({ type: 'Polygon', coordinates })) : [];
  let best: Polygon | undefined;
  let area = -1;
  for (const p of polygons) { const a = geoArea(p); if (a > area) { area = a; best = p; } }
  return best ? (geoCentroid(best) as [number, number]) : undefined;
}

/**
 * Where a country's lines end: the centroid of its largest polygon at 1:110m (matched by ISO
 * numeric code, or by name for the shapes world-atlas gives no code: Kosovo), else the point
 * world-countries gives it (`small`). Undefined for a code neither knows.
 */
export function countryPoint(code: string): { lon: number; lat: number; small: boolean } | undefined {
  const wc = worldCountryOf(code);
  const n = isoNumeric(code);
  const shape = worldCountries().features.find((f) => (n !== undefined && String(f.id) === n) || (f.id === undefined && wc !== undefined && f.properties.name === wc.name.common));
  const c = shape ? largestPolygonCentroid(shape as Feature<Geometry>) : undefined;
  if (c) return { lon: c[0], lat: c[1], small: false };
  if (wc) return { lon: wc.latlng[1], lat: wc.latlng[0], small: true };
  return undefined;
}

const r1 = (n: number) => Math.round(n * 10) / 10;
/** The map's central meridian (the cut is at 30°W), and a longitude relative to it (−180…180). */
const CENTRE = 150;
const rel = (lon: number) => ((((lon - CENTRE) % 360) + 540) % 360) - 180;

/**
 * Renders the flow map of one home university. `rows` are the countries' counts (rows without a
 * country, or with a zero count in a direction, draw no line in it); `mode` picks the directions.
 */
export function renderFlowMap(rows: readonly FlowCounts[], origin: { lat: number; lon: number }, mode: FlowMode, text: FlowMapText,
  options: { width?: number; maxCount?: number; highlight?: ReadonlySet<string>; fit?: 'world' | 'lines'; height?: number } = {}): FlowMapResult {
  const width = options.width ?? 960;
  const directions: FlowDirection[] = mode === 'both' ? ['inbound', 'outbound'] : [mode];
  const maxCount = options.maxCount ?? Math.max(0, ...rows.flatMap((r) => directions.map((d) => r[d])));

  // Equal Earth centred on 150°E, cut at 30°W. The world: the Southern Ocean below 58°S left out (no
  // lines go there). `fit: 'lines'` (a country's map): the area around the home and the countries'
  // ends, at least 40° by 22°, so that a short line (Korea) is not a dot.
  const projection = geoEqualEarth().rotate([-CENTRE, 0]);
  let height: number;
  const endPoints = rows.filter((r) => directions.some((d) => r[d] > 0)).map((r) => countryPoint(r.country)).filter((p) => p !== undefined);
  if (options.fit === 'lines' && endPoints.length > 0) {
    height = options.height ?? 400;
    const pts = [origin, ...endPoints].map((p) => ({ x: rel(p.lon), y: p.lat }));
    let [w, e, s, n] = [Math.min(...pts.map((p) => p.x)), Math.max(...pts.map((p) => p.x)), Math.min(...pts.map((p) => p.y)), Math.max(...pts.map((p) => p.y))];
    const padX = Math.max((40 - (e - w)) / 2, (e - w) * 0.15);
    const padY = Math.max((22 - (n - s)) / 2, (n - s) * 0.15);
    [w, e, s, n] = [Math.max(-180, w - padX), Math.min(180, e + padX), Math.max(-80, s - padY), Math.min(84, n + padY)];
    // the box as a grid of points (its edges are curves in this projection)
    const grid: [number, number][] = [];
    for (let i = 0; i <= 8; i++) for (let j = 0; j <= 8; j++) grid.push([w + ((e - w) * i) / 8 + CENTRE, s + ((n - s) * j) / 8]);
    projection.fitExtent([[8, 8], [width - 8, height - 8]], { type: 'MultiPoint', coordinates: grid });
  } else {
    projection.fitWidth(width - 8, { type: 'Sphere' });
    const [tx, ty] = projection.translate();
    projection.translate([tx + 4, ty + 4]);
    height = Math.round(projection([CENTRE, -58])![1]);
  }
  projection.clipExtent([[0, 0], [width, height]]);

  const home = projection([origin.lon, origin.lat])!;
  const tooSmall = new Set<string>();
  const notPlaced: string[] = [];
  interface Line { country: string; direction: FlowDirection; count: number; width: number; d: string; end: [number, number] }
  const lines: Line[] = [];
  for (const row of rows) {
    const counts = directions.filter((d) => row[d] > 0);
    if (counts.length === 0) continue;
    const at = countryPoint(row.country);
    const end = at ? projection([at.lon, at.lat]) : null;
    if (!at || !end) { notPlaced.push(row.country); continue; }
    if (at.small) tooSmall.add(row.country);
    const [dx, dy] = [end[0] - home[0], end[1] - home[1]];
    const len = Math.hypot(dx, dy) || 1;
    // the unit normal to the right of home → country: sent bends one way, received the other
    const [nx, ny] = [-dy / len, dx / len];
    for (const direction of counts) {
      const count = row[direction];
      const w = flowWidth(count, maxCount);
      // a gentle curve: a sixth of the length, and at least half its width and a few pixels more, so
      // that two lines of one country stay apart
      const bend = (0.16 * len + w / 2 + 3) * (mode === 'both' ? (direction === 'outbound' ? 1 : -1) : 1);
      const c = [home[0] + dx / 2 + nx * bend, home[1] + dy / 2 + ny * bend];
      lines.push({ country: row.country, direction, count, width: w, d: `M${r1(home[0])},${r1(home[1])}Q${r1(c[0]!)},${r1(c[1]!)} ${r1(end[0])},${r1(end[1])}`, end: [end[0], end[1]] });
    }
  }
  // thin first, thick last; ties in a stable order
  lines.sort((a, b) => a.width - b.width || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0) || (a.direction < b.direction ? -1 : 1));

  const path = pathOf(projection);
  const parts: string[] = [svgOpen(width, height, text, options.fit === 'lines' ? 'fmap fmap-fit' : 'fmap')];
  parts.push(`<path class="sphere" d="${path({ type: 'Sphere' })}"/>`);
  // the land without borders (a world of borders would weigh more than the rest of the page), the countries of a country's map shaded
  parts.push(landPath(projection));
  if (options.highlight?.size) parts.push(highlightPath(projection, options.highlight));
  // the countries too small to draw, as small dots where their lines end
  const ends = new Map(lines.map((l) => [l.country, l.end]));
  parts.push(`<g class="flow-ends">${[...ends].filter(([c]) => tooSmall.has(c)).map(([, e]) => `<circle cx="${r1(e[0])}" cy="${r1(e[1])}" r="2.5"/>`).join('')}</g>`);
  parts.push('<g class="flows">');
  for (const l of lines) {
    parts.push(`<g class="flow flow-${l.direction}" data-country="${esc(l.country)}" data-count="${l.count}" data-direction="${l.direction}" data-x="${r1(l.end[0])}">`
      + `<title>${esc(text.markTitle(l.country, l.direction, l.count))}</title>`
      + `<path class="flow-hit" d="${l.d}" stroke-width="${Math.max(10, r1(l.width + 6))}"/>`
      + `<path class="flow-line" data-series="${FLOW_SERIES[l.direction]}" d="${l.d}" stroke="${flowColour(l.direction)}" stroke-width="${l.width}"/></g>`);
  }
  parts.push('</g>');
  // the label on the side away from the lines where it fits (an estimate of its width at 14 px),
  // else on the side with room: never clipped
  const labelWidth = [...text.originLabel].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 14 : 8), 10);
  const westward = lines.length > 0 && lines.reduce((sum, l) => sum + l.end[0], 0) / lines.length < home[0];
  const roomRight = home[0] + labelWidth < width;
  const roomLeft = home[0] - labelWidth > 0;
  const right = westward ? roomRight || !roomLeft : !roomLeft && roomRight;
  parts.push(`<g class="flow-origin" transform="translate(${r1(home[0])},${r1(home[1])})"><circle r="4"/><text x="${right ? 6 : -6}" y="-6"${right ? '' : ' text-anchor="end"'}>${esc(text.originLabel)}</text></g>`);
  parts.push('</svg>');
  return {
    svg: parts.join(''),
    marks: lines.map(({ country, direction, count, width: w }) => ({ country, direction, count, width: w })),
    tooSmall: [...tooSmall].sort(),
    notPlaced: notPlaced.sort(),
    maxCount,
  };
}

// ---------------------------------------------------------------------------------------------
// the counts a map draws

export interface FlowMapData {
  home: string;
  fiscalYear: number;
  population: Population;
  /** countries with a count in some direction (stats.ts `balance` rows), largest first */
  rows: (FlowCounts & { sources: Ref[]; inboundAsOf?: string; outboundAsOf?: string })[];
  /** counts the table gives under no country (国・地域不明, その他…), by printed label, where not zero */
  unresolved: { label: string; inbound: number; outbound: number }[];
  /** the widest count of the whole selection (every country), so that one country's map keeps its widths */
  maxCount: number;
  /** the source cells summed */
  sources: Ref[];
  inboundAsOf?: string;
  outboundAsOf?: string;
}

/**
 * The counts of a flow map: per country, received and sent, from the tables by country of one home
 * university and fiscal year (stats.ts `balance`, which sums the cells as every statistics chart
 * does). `only` restricts the rows to some countries (a country page); the width scale's maximum
 * stays that of every country in `mode`'s directions.
 */
export function flowMapData(flows: readonly Flow[], countries: readonly Country[], opts: { home: string; population: Population; fiscalYear: number; mode: FlowMode; only?: readonly string[] }): FlowMapData {
  const all = balance(flows, countries, { population: opts.population, fiscalYear: opts.fiscalYear, home: opts.home, by: 'country' });
  const dirs: FlowDirection[] = opts.mode === 'both' ? ['inbound', 'outbound'] : [opts.mode];
  const placed = all.filter((r) => r.country !== undefined);
  const maxCount = Math.max(0, ...placed.flatMap((r) => dirs.map((d) => r[d])));
  const keep = (r: BalanceRow) => (opts.only === undefined || (r.country !== undefined && opts.only.includes(r.country))) && dirs.some((d) => r[d] > 0);
  const rows = placed.filter(keep).map((r) => ({
    country: r.country!, inbound: r.inbound, outbound: r.outbound, sources: r.sources,
    ...(r.inboundAsOf ? { inboundAsOf: r.inboundAsOf } : {}), ...(r.outboundAsOf ? { outboundAsOf: r.outboundAsOf } : {}),
  }));
  const unresolved = opts.only ? [] : all.filter((r) => r.country === undefined && dirs.some((d) => r[d] > 0))
    .map((r) => ({ label: r.label ?? r.unresolved.join('・'), inbound: r.inbound, outbound: r.outbound }));
  const shown = [...(opts.only ? all.filter((r) => r.country !== undefined && opts.only!.includes(r.country)) : all)];
  const refs = new Map<string, Ref>();
  for (const r of shown) for (const s of r.sources) refs.set(`${s.id}\u0000${String(s.line).padStart(8, '0')}`, s);
  const inboundAsOf = all.find((r) => r.inboundAsOf)?.inboundAsOf;
  const outboundAsOf = all.find((r) => r.outboundAsOf)?.outboundAsOf;
  return {
    home: opts.home, fiscalYear: opts.fiscalYear, population: opts.population, rows, unresolved, maxCount,
    sources: [...refs].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v),
    ...(inboundAsOf ? { inboundAsOf } : {}), ...(outboundAsOf ? { outboundAsOf } : {}),
  };
}

/** The homes that have counts by country, with the fiscal years of each (ascending). */
export function flowHomes(flows: readonly Flow[]): { home: string; fiscalYears: number[] }[] {
  const byHome = new Map<string, Set<number>>();
  for (const f of flows) if (!f.unit) { const s = byHome.get(f.home) ?? new Set<number>(); s.add(f.fiscalYear); byHome.set(f.home, s); }
  return [...byHome].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([home, ys]) => ({ home, fiscalYears: [...ys].sort((a, b) => a - b) }));
}
