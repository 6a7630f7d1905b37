/**
 * Charts that cannot lie about colour. Every chart id the site renders (found by reading every page of
 * dist/, both languages) is opened in the browser, and the colours are read as the reader sees them
 * (computed style, after the stylesheet), not from the chart code:
 * - each legend entry's swatch has the colour of every mark of its series (marks name their series
 *   in data-series; lines are read by stroke, other marks by fill);
 * - every mark that names a series belongs to a series of the legend, and every legend entry has marks;
 * - no two series share a colour;
 * - a chart without a legend draws its marks in one colour (several would be series nobody named),
 *   except a choropleth, whose sequential shades are read from the table beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';
import { test, expect, expectCleanVisit } from './helpers.ts';

const DIST = resolve(import.meta.dirname, '../dist');

/** chart id → the first page (site path) that renders it, per language. */
function chartPages(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string, path: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${path}${e.name}/`);
      else if (e.name === 'index.html') {
        const html = readFileSync(join(dir, e.name), 'utf8');
        const lang = path.startsWith('/en/') ? 'en' : 'ja';
        for (const m of html.matchAll(/data-chart="([^"]+)"/g)) {
          // ids that embed a code (country-th-flows) are one kind of chart
          const kind = m[1]!.replace(/^country-[a-z]{2}-/, 'country-');
          const key = `${lang} ${kind}`;
          if (!out.has(key)) out.set(key, path);
        }
      }
    }
  };
  walk(DIST, '/');
  return out;
}

interface ChartColours {
  id: string;
  legend: { series: string; color: string }[];
  marks: { series: string | null; color: string }[];
  choropleth: boolean;
}

const PAGES = chartPages();
const byPage = new Map<string, string[]>();
for (const [key, path] of PAGES) byPage.set(path, [...(byPage.get(path) ?? []), key.split(' ')[1]!]);

describe('chart colours', () => {
  test('the site renders the charts this test expects to find', () => {
    // the stats page alone has more than twenty charts in each language; a walk that found few
    // would make every assertion below vacuous
    expect([...PAGES.keys()].filter((k) => k.startsWith('en ')).length).toBeGreaterThan(20);
    expect([...PAGES.keys()].filter((k) => k.startsWith('ja ')).length).toBe([...PAGES.keys()].filter((k) => k.startsWith('en ')).length);
  });

  for (const [path, kinds] of byPage) {
    test(`${path}: legend swatches equal their marks, and no two series share a colour (${kinds.join(', ')})`, async ({ visit }) => {
      const v = await visit(path);
      expectCleanVisit(v);
      const charts: ChartColours[] = await v.page.evaluate(() => {
        const colourOf = (el: Element) => {
          const cs = getComputedStyle(el);
          const fill = cs.fill;
          return fill && fill !== 'none' ? fill : cs.stroke;
        };
        return [...document.querySelectorAll('figure[data-chart]')].map((fig) => {
          const svg = fig.querySelector('.chart-svg svg');
          const marks = svg ? [...svg.querySelectorAll('rect, path, circle, line')].filter((el) => {
            // marks are the shapes in Plot's mark groups: not axes, ticks, grid, frame or the sphere
            const g = el.closest('g[aria-label]');
            return el.closest('[data-series]') === el || (g !== null && !/axis|tick|grid|frame|rule|sphere|text/.test(g.getAttribute('aria-label') ?? ''));
          }) : [];
          return {
            id: fig.getAttribute('data-chart')!,
            legend: [...fig.querySelectorAll('.legend li[data-series]')].map((li) => ({ series: li.getAttribute('data-series')!, color: colourOf(li.querySelector('svg > *')!) })),
            marks: marks.map((el) => ({ series: el.getAttribute('data-series'), color: colourOf(el) })),
            choropleth: svg?.querySelector('g[aria-label="geo"]') !== null && svg?.querySelector('g[aria-label="geo"]') !== undefined,
          };
        });
      });
      expect(charts.length).toBeGreaterThan(0);
      for (const c of charts) {
        const legendColour = new Map(c.legend.map((l) => [l.series, l.color]));
        if (c.legend.length > 0) {
          const colours = c.legend.map((l) => l.color);
          expect(new Set(colours).size, `${path} ${c.id}: two series share a colour: ${JSON.stringify(c.legend)}`).toBe(colours.length);
          const named = c.marks.filter((m) => m.series !== null);
          expect(named.length, `${path} ${c.id}: a chart with a legend whose marks name no series`).toBeGreaterThan(0);
          for (const m of named) {
            expect(legendColour.has(m.series!), `${path} ${c.id}: a mark of series "${m.series}" that the legend does not list`).toBe(true);
            expect(m.color, `${path} ${c.id}: a mark of "${m.series}" is drawn in ${m.color}, its legend swatch is ${legendColour.get(m.series!)}`).toBe(legendColour.get(m.series!));
          }
          for (const l of c.legend) expect(named.some((m) => m.series === l.series), `${path} ${c.id}: legend entry "${l.series}" has no marks`).toBe(true);
        } else if (!c.choropleth) {
          const colours = new Set(c.marks.map((m) => m.color).filter((x) => x !== 'none'));
          expect(colours.size, `${path} ${c.id}: marks in ${[...colours].join(', ')} without a legend`).toBeLessThanOrEqual(1);
        }
      }
      await v.context.close();
    });
  }
});
