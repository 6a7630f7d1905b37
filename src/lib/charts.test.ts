import { describe, it, expect } from 'vitest';
import * as Plot from '@observablehq/plot';
import { renderPlot, rowsToCsv, roundNumbers, OKABE_ITO } from './charts.ts';

const data = [{ region: 'Europe', n: 12 }, { region: 'East Asia', n: 30 }, { region: 'Oceania', n: 3 }];
const bars = () => renderPlot({ marks: [Plot.barX(data, { x: 'n', y: 'region', fill: OKABE_ITO[0] })], marginLeft: 80 }, { label: 'Students by region', description: 'Outbound students, FY2023, tsukuba-fy2023 line 486' });

describe('renderPlot', () => {
  it('gives an <svg> with an accessible name and description, no inline style, and one bar per row', () => {
    const svg = bars();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/role="img"/);
    expect(svg).toMatch(/aria-label="Students by region"/);
    expect(svg).toMatch(/aria-description="Outbound students, FY2023, tsukuba-fy2023 line 486"/);
    expect(svg).not.toMatch(/<style|style="/);
    expect(svg.match(/<rect /g)?.length).toBe(3);
  });
  it('is deterministic (the same data renders the same SVG)', () => {
    expect(bars()).toBe(bars());
  });
  it('escapes text from the data', () => {
    const svg = renderPlot({ marks: [Plot.text([{ t: '<script>x</script>' }], { text: 't', x: 0, y: 0 })] }, { label: 'a', description: 'b' });
    expect(svg).not.toContain('<script>');
  });
});

describe('rowsToCsv', () => {
  it('quotes what needs quoting', () => {
    expect(rowsToCsv(['a', 'b'], [['x,y', 1], ['say "hi"', null]])).toBe('a,b\n"x,y",1\n"say ""hi""",\n');
  });
});

describe('renderChoropleth', () => {
  it('draws every country shape, filled where there is a value, and names the countries too small to draw', async () => {
    const { renderChoropleth, worldCountries } = await import('./charts.ts');
    const { svg, notOnMap } = renderChoropleth(new Map([['JP', 10], ['FR', 3], ['HK', 5]]), { label: 'map', description: 'd' });
    expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(worldCountries().features.length);
    expect(notOnMap).toEqual(['HK']);
    expect(svg).toMatch(/role="img"/);
  });
});

describe('roundNumbers', () => {
  it('rounds every decimal of an attribute to a tenth, and never writes -0', () => {
    expect(roundNumbers('M943.967,296.311L944.812,295.73')).toBe('M944,296.3L944.8,295.7');
    expect(roundNumbers('translate(40,125.00000000000001)')).toBe('translate(40,125)');
    expect(roundNumbers('-0.04')).toBe('0');
    expect(roundNumbers('12')).toBe('12');
  });
});
