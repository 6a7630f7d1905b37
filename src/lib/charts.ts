/**
 * Charts rendered at build time: Observable Plot over a linkedom document, serialised to an SVG
 * string the page writes into a <figure> (it shows without JavaScript). The SVG carries its
 * accessible name (role="img", aria-label) and description; Plot's <style> element is removed, its
 * rules live in global.css (.chart svg), because the Content-Security-Policy allows no inline style.
 *
 * Colours: the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies) for
 * categories, and a single-hue sequential scheme for the choropleth.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Okabe & Ito (2008), "Color Universal Design": safe for protanopia, deuteranopia and tritanopia. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export interface ChartText {
  /** accessible name: what the chart shows */
  label: string;
  /** accessible description: what is counted, where and when, and the source */
  description: string;
}

/** Renders a Plot specification to an SVG string (no legend figure: legends are written in HTML). */
export function renderPlot(options: Plot.PlotOptions, text: ChartText): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document: document as unknown as Document, ariaLabel: text.label, ariaDescription: text.description }) as unknown as Element;
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('renderPlot: Plot returned no <svg> (a legend or title makes it a <figure>: write those in HTML)');
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  for (const el of [svg, ...svg.querySelectorAll('[style]')]) el.removeAttribute('style');
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
