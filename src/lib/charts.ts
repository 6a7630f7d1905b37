/**
 * Charts rendered at build time: Observable Plot over a linkedom document, serialised to an SVG
 * string the page writes into a <figure> (it shows without JavaScript). The SVG carries its
 * accessible name (role="img", aria-label) and description; Plot's <style> element is removed, its
 * rules live in global.css (.chart svg), because the Content-Security-Policy allows no inline style.
 *
 * Colours: the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies) for
 * categories, and a single-hue sequential scheme for the choropleth.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';

/** Okabe & Ito (2008), "Color Universal Design": safe for protanopia, deuteranopia and tritanopia. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/**
 * Colours for series beyond Okabe–Ito's eight: Paul Tol's wine, olive, dark brown, indigo and a
 * mid grey (Tol, "Colour schemes", SRON/EPS/TN/09-002), each distinct from the eight above.
 */
export const CATEGORICAL = [...OKABE_ITO, '#882255', '#999933', '#661100', '#332288', '#888888'] as const;

/** A legend entry: a series' label, its colour, and the shape of its marks where the chart uses shapes. */
export interface LegendEntry { label: string; color: string; symbol?: 'circle' | 'square' }

/**
 * One colour scale per chart, built from its series: the chart's `color` option and its legend both
 * come from here, so a swatch always has its marks' colour. Series get colours in the order given;
 * two series never share one: a chart with more series than colours, or a series named twice, is
 * an error at build time (it used to wrap around, and Southeast Asia was drawn in Africa's colour).
 */
export function seriesColours(series: readonly string[], palette: readonly string[] = CATEGORICAL): {
  color: { domain: string[]; range: string[] };
  of: (series: string) => string;
  legend: (symbols?: readonly ('circle' | 'square')[]) => LegendEntry[];
} {
  const dup = series.find((s, i) => series.indexOf(s) !== i);
  if (dup !== undefined) throw new Error(`seriesColours: the series "${dup}" is named twice`);
  if (series.length > palette.length) throw new Error(`seriesColours: ${series.length} series (${series.join(', ')}) but only ${palette.length} distinct colours`);
  const range = series.map((_, i) => palette[i]!);
  const of = (s: string): string => {
    const i = series.indexOf(s);
    if (i < 0) throw new Error(`seriesColours: "${s}" is not a series of this chart (${series.join(', ')})`);
    return range[i]!;
  };
  return {
    color: { domain: [...series], range },
    of,
    legend: (symbols) => series.map((label, i) => ({ label, color: range[i]!, ...(symbols?.[i] ? { symbol: symbols[i] } : {}) })),
  };
}

export interface ChartText {
  /** accessible name: what the chart shows */
  label: string;
  /** accessible description: what is counted, where and when, and the source */
  description: string;
}

const GEOMETRY_ATTRIBUTES = ['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'transform', 'points'];
/** Every decimal number in an attribute value to one decimal place ("-0.0" written "0"). */
export function roundNumbers(value: string): string {
  return value.replace(/-?\d+\.\d+/g, (x) => { const r = Math.round(Number(x) * 10) / 10; return String(Object.is(r, -0) ? 0 : r); });
}

/** Renders a Plot specification to an SVG string (no legend figure: legends are written in HTML). */
export function renderPlot(options: Plot.PlotOptions, text: ChartText): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document: document as unknown as Document, ariaLabel: text.label, ariaDescription: text.description }) as unknown as Element;
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('renderPlot: Plot returned no <svg> (a legend or title makes it a <figure>: write those in HTML)');
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  for (const el of [svg, ...svg.querySelectorAll('[style]')]) el.removeAttribute('style');
  // The SVG is one image (role="img") with one name; Plot's labels on its mark groups ("rule",
  // "geo") would be ARIA on elements with no role. A mark given an `ariaLabel` channel names the
  // series of each of its shapes: kept as data-series (the colour test and tooltips read it).
  for (const el of svg.querySelectorAll('[aria-label], [aria-description]')) {
    const label = el.getAttribute('aria-label');
    if (label !== null && el.tagName.toLowerCase() !== 'g') el.setAttribute('data-series', label);
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  // Geometry to a tenth of a pixel: finer is invisible and made a world map three times heavier.
  for (const el of svg.querySelectorAll('*')) {
    for (const name of GEOMETRY_ATTRIBUTES) {
      const v = el.getAttribute(name);
      if (v !== null && /\d\.\d{2}/.test(v)) el.setAttribute(name, roundNumbers(v));
    }
  }
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', 'plot');
  return svg.toString();
}

/** A table's rows as CSV (RFC 4180 quoting), for a chart's "download the plotted data" link. */
export function rowsToCsv(columns: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

const require = createRequire(import.meta.url);
let world: FeatureCollection<Geometry, { name: string }> | undefined;
let numericOf: Map<string, string> | undefined;

/** Country shapes (Natural Earth 1:110m via world-atlas), bundled: no tiles, no network. */
export function worldCountries(): FeatureCollection<Geometry, { name: string }> {
  if (!world) {
    const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    world = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  }
  return world;
}

/** ISO 3166-1 alpha-2 → numeric (world-atlas ids are numeric), from the world-countries package. */
export function isoNumeric(alpha2: string): string | undefined {
  if (!numericOf) {
    const all = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as { cca2: string; ccn3: string }[];
    numericOf = new Map(all.filter((c) => c.ccn3).map((c) => [c.cca2, c.ccn3]));
  }
  return numericOf.get(alpha2);
}

/**
 * A world choropleth: each country with a value filled on a sequential single-hue scale (zero and
 * missing in grey). Returns the SVG and the countries that have a value but no shape at this scale
 * (Hong Kong, Macao, Singapore… are too small), which the table beside the map still lists.
 */
export function renderChoropleth(values: ReadonlyMap<string, number>, text: ChartText, options: { width?: number; label?: string } = {}): { svg: string; notOnMap: string[] } {
  const geo = worldCountries();
  const byNumeric = new Map<string, number>();
  for (const [code, v] of values) { const n = isoNumeric(code); if (n) byNumeric.set(n, v); }
  const drawn = new Set(geo.features.map((f) => String(f.id)));
  const notOnMap = [...values.keys()].filter((code) => { const n = isoNumeric(code); return !n || !drawn.has(n); }).sort();
  const max = Math.max(1, ...values.values());
  const svg = renderPlot({
    width: options.width ?? 960,
    projection: 'equal-earth',
    color: { type: 'sqrt', domain: [0, max], range: ['#deebf7', '#08306b'], unknown: '#e6e6e6', label: options.label ?? null },
    marks: [
      Plot.geo(geo, {
        fill: (f: { id: string }) => { const v = byNumeric.get(String(f.id)); return v === undefined || v === 0 ? null : v; },
        stroke: '#ffffff',
        strokeWidth: 0.5,
      }),
      Plot.sphere({ stroke: '#9aa4ae', strokeWidth: 0.5 }),
    ],
  }, text);
  return { svg, notOnMap };
}
