/**
 * The flow map renderer against an independent count: every country's lines are summed here from
 * data/build/flows.json with none of the site's functions (the tables by country: flows that name
 * no unit; they give `total` cells only).
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderFlowMap, flowMapData, flowWidth, referenceCounts, countryPoint, flowHomes, type FlowMode } from './flow-map.ts';
import type { Country, Flow, Home } from '../../scripts/schema/records.ts';

const read = <T>(name: string): T[] => JSON.parse(readFileSync(new URL(`../../data/build/${name}.json`, import.meta.url), 'utf8')) as T[];
const flows = read<Flow>('flows');
const countries = read<Country>('countries');
const homes = read<Home>('homes');

/** Independent: the count of one country, direction, population, home and year in the tables by country. */
const count = (home: string, fy: number, population: string, direction: string, country: string) =>
  flows.filter((f) => f.home === home && f.fiscalYear === fy && f.population === population && f.direction === direction && !f.unit && f.country === country).reduce((s, f) => s + f.count, 0);

const text = { label: 'L', description: 'D', markTitle: (c: string, d: string, n: number) => `${c} — ${d}: ${n}`, originLabel: 'Home' };
const marksOf = (svg: string) => {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return [...document.querySelectorAll('[data-country]')].map((el) => ({
    country: el.getAttribute('data-country')!, direction: el.getAttribute('data-direction')!, count: Number(el.getAttribute('data-count')),
    title: el.querySelector('title')?.textContent ?? '', width: Number(el.querySelector('.flow-line')?.getAttribute('stroke-width')),
    series: el.querySelector('.flow-line')?.getAttribute('data-series'), stroke: el.querySelector('.flow-line')?.getAttribute('stroke'),
  }));
};

const withFlows = flowHomes(flows);

describe('flow map of every home with flows by country', () => {
  it('there is at least one (Tsukuba FY2023 today): the checks below are not vacuous', () => {
    expect(withFlows.map((h) => h.home)).toContain('tsukuba');
  });
  for (const { home, fiscalYears } of withFlows) {
    const fy = fiscalYears.at(-1)!;
    const origin = homes.find((h) => h.id === home)!.location!;
    for (const population of ['student', 'staff'] as const) {
      it(`${home} FY${fy} ${population}, both directions: one mark per country and direction with a count, its data-count the sum of flows.json`, () => {
        const data = flowMapData(flows, countries, { home, population, fiscalYear: fy, mode: 'both' });
        const { svg, marks } = renderFlowMap(data.rows, origin, 'both', text, { maxCount: data.maxCount });
        const got = marksOf(svg);
        expect(got.length).toBe(marks.length);
        const codes = [...new Set(flows.filter((f) => f.home === home && f.fiscalYear === fy && !f.unit && f.country).map((f) => f.country!))];
        let expected = 0;
        for (const code of codes) {
          for (const direction of ['inbound', 'outbound']) {
            const n = count(home, fy, population, direction, code);
            const mine = got.filter((m) => m.country === code && m.direction === direction);
            if (n > 0) {
              expected++;
              expect(mine.length, `${code} ${direction}`).toBe(1);
              expect(mine[0]!.count, `${code} ${direction}`).toBe(n);
              expect(mine[0]!.title, `${code} ${direction}`).toBe(`${code} — ${direction}: ${n}`);
              expect(mine[0]!.series).toBe(direction === 'inbound' ? 'Received' : 'Sent');
              expect(mine[0]!.stroke).toBe(direction === 'inbound' ? '#0072B2' : '#E69F00');
            } else expect(mine.length, `${code} ${direction}: no line for 0`).toBe(0);
          }
        }
        expect(got.length).toBe(expected);
        expect(expected).toBeGreaterThan(10);
      });
    }
    it(`${home} FY${fy}: wider lines for larger counts, drawn thin first`, () => {
      const data = flowMapData(flows, countries, { home, population: 'student', fiscalYear: fy, mode: 'both' });
      const got = marksOf(renderFlowMap(data.rows, origin, 'both', text, { maxCount: data.maxCount }).svg);
      const byCount = [...got].sort((a, b) => a.count - b.count);
      for (let i = 1; i < byCount.length; i++) expect(byCount[i]!.width, `${byCount[i]!.count} vs ${byCount[i - 1]!.count}`).toBeGreaterThanOrEqual(byCount[i - 1]!.width);
      expect(byCount.at(-1)!.width).toBeGreaterThan(byCount[0]!.width * 5);
      // document order: thin first
      for (let i = 1; i < got.length; i++) expect(got[i]!.width).toBeGreaterThanOrEqual(got[i - 1]!.width);
    });
    for (const mode of ['inbound', 'outbound'] as FlowMode[]) {
      it(`${home} FY${fy} students, ${mode} only: lines of that direction only`, () => {
        const data = flowMapData(flows, countries, { home, population: 'student', fiscalYear: fy, mode });
        const got = marksOf(renderFlowMap(data.rows, origin, mode, text, { maxCount: data.maxCount }).svg);
        expect(got.length).toBeGreaterThan(0);
        expect(new Set(got.map((m) => m.direction))).toEqual(new Set([mode]));
      });
    }
  }

  it('names the countries too small to draw: Singapore, where it has flows', () => {
    const fy = withFlows.find((h) => h.home === 'tsukuba')!.fiscalYears.at(-1)!;
    expect(count('tsukuba', fy, 'student', 'outbound', 'SG')).toBeGreaterThan(0);
    const data = flowMapData(flows, countries, { home: 'tsukuba', population: 'student', fiscalYear: fy, mode: 'both' });
    const r = renderFlowMap(data.rows, homes.find((h) => h.id === 'tsukuba')!.location!, 'both', text);
    expect(r.tooSmall).toContain('SG');
    expect(r.tooSmall).not.toContain('CN');
    expect(r.notPlaced).toEqual([]);
    // a country page's map: only its country, widths of the whole map
    const sg = flowMapData(flows, countries, { home: 'tsukuba', population: 'student', fiscalYear: fy, mode: 'both', only: ['SG'] });
    expect(sg.maxCount).toBe(data.maxCount);
    const one = renderFlowMap(sg.rows, homes.find((h) => h.id === 'tsukuba')!.location!, 'both', text, { maxCount: sg.maxCount, fit: 'lines', highlight: new Set(['SG']) });
    expect(new Set(one.marks.map((m) => m.country))).toEqual(new Set(['SG']));
    expect(one.tooSmall).toEqual(['SG']);
  });

  it('keeps the counts that name no country apart (国・地域不明), never on the map', () => {
    const fy = withFlows.find((h) => h.home === 'tsukuba')!.fiscalYears.at(-1)!;
    const unknown = flows.filter((f) => f.home === 'tsukuba' && f.fiscalYear === fy && !f.unit && !f.country && f.population === 'staff' && f.direction === 'inbound').reduce((s, f) => s + f.count, 0);
    const data = flowMapData(flows, countries, { home: 'tsukuba', population: 'staff', fiscalYear: fy, mode: 'both' });
    expect(data.unresolved.reduce((s, u) => s + u.inbound, 0)).toBe(unknown);
  });
});

describe('scales and points', () => {
  it('flowWidth grows with the count, up to the maximum', () => {
    expect(flowWidth(0, 100)).toBe(0);
    expect(flowWidth(1, 100)).toBeLessThan(flowWidth(4, 100));
    expect(flowWidth(100, 100)).toBe(14);
    // a square-root scale: four times the count, twice the width above the minimum
    expect(flowWidth(100, 100) - 0.8).toBeCloseTo(2 * (flowWidth(25, 100) - 0.8), 1);
  });
  it('referenceCounts gives 2–3 round counts not above the maximum', () => {
    expect(referenceCounts(1382)).toEqual([10, 100, 1000]);
    expect(referenceCounts(39)).toEqual([2, 20]);
    expect(referenceCounts(3)).toEqual([2]);
  });
  it("a country's point is the centroid of its largest polygon; a country not drawn at 1:110m gets world-countries' point", () => {
    const us = countryPoint('US')!;
    expect(us.small).toBe(false);
    expect(us.lon).toBeGreaterThan(-125); // the contiguous states, not Alaska
    expect(us.lon).toBeLessThan(-66);
    const fr = countryPoint('FR')!;
    expect(fr.lat).toBeGreaterThan(42); // metropolitan France, not French Guiana
    expect(countryPoint('XK')!.small).toBe(false); // Kosovo: drawn, matched by name
    const sg = countryPoint('SG')!;
    expect(sg.small).toBe(true);
    expect(sg.lat).toBeCloseTo(1.37, 1);
  });
});
