/**
 * The CSVs for Excel (src/lib/excel-csv.ts): every plain CSV has no byte-order mark, and every Excel
 * variant is the BOM followed by the plain CSV's bytes, unchanged — the tables of data/build (as
 * /data/ serves them), the comparison CSVs, the charts' CSVs and the charts' data: URLs. Needs
 * data/build (`npm run data`).
 */
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { excelCsv, excelCsvPath, excelHref, plainCsvPath, csvDataUrl, csvAndExcel, UTF8_BOM } from './excel-csv.ts';
import { buildFiles, excelFiles, dataFile, readBuildFile, datasetZip } from './downloads.ts';
import { compareCsvFiles } from './compare-data.ts';
import { statsCharts, chartCsv, chartCsvDataUrl } from './stats-charts.ts';
import { unzipSync } from 'fflate';

const BUILD = resolve(process.env.KORYU_DATA_DIR ?? 'data/build');
const hasBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
const utf8 = (s: string) => new TextEncoder().encode(s);
/** The Excel variant is the BOM, then exactly the plain bytes. */
function expectVariant(plain: Uint8Array, excel: Uint8Array, what: string) {
  expect(hasBom(plain), `${what}: the plain CSV has a BOM`).toBe(false);
  expect(Buffer.from(excel.subarray(0, 3)).equals(Buffer.from(UTF8_BOM)), `${what}: no BOM`).toBe(true);
  expect(Buffer.from(excel.subarray(3)).equals(Buffer.from(plain)), `${what}: differs beyond the BOM`).toBe(true);
}

describe('names', () => {
  it('puts .excel before .csv, and back', () => {
    expect(excelCsvPath('/data/agreements.csv')).toBe('/data/agreements.excel.csv');
    expect(excelCsvPath('overlap.csv')).toBe('overlap.excel.csv');
    expect(plainCsvPath('agreements.excel.csv')).toBe('agreements.csv');
    expect(() => excelCsvPath('agreements.json')).toThrow(/no \.csv/);
    expect(() => excelCsvPath('agreements.excel.csv')).toThrow(/already/);
  });
  it('links the variant of a served file beside it, keeping a query or fragment, and of a data: URL as the BOM in front', () => {
    expect(excelHref('/koryu-atlas/stats/x.csv')).toBe('/koryu-atlas/stats/x.excel.csv');
    expect(excelHref('/stats/x.csv#top')).toBe('/stats/x.excel.csv#top');
    const csv = '地域,人数\nアジア,3\n';
    const url = excelHref(csvDataUrl(csv));
    expect(url.startsWith('data:text/csv;charset=utf-8,%EF%BB%BF')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(`\uFEFF${csv}`);
  });
  it('refuses to put a second BOM in front of a CSV that has one', () => {
    expect(() => excelCsv('\uFEFFa,b\n')).toThrow(/byte-order mark already/);
  });
});

describe('the tables under /data/', () => {
  const tables = buildFiles().filter((f) => f.endsWith('.csv'));
  it('every table CSV of data/build is listed (the same list the directory holds)', () => {
    expect(tables).toEqual(readdirSync(BUILD).filter((f) => f.endsWith('.csv')).sort());
    expect(tables.length).toBeGreaterThan(0);
  });
  it('each has one Excel variant: the BOM, then the CSV byte for byte', () => {
    expect(excelFiles()).toEqual(tables.map(excelCsvPath));
    for (const t of tables) {
      expect(Buffer.from(dataFile(t)).equals(Buffer.from(readBuildFile(t))), t).toBe(true);
      expectVariant(readBuildFile(t), dataFile(excelCsvPath(t)), t);
    }
  });
  it('the zip holds the plain CSVs only', () => {
    const names = Object.keys(unzipSync(datasetZip()));
    expect(names.filter((n) => n.endsWith('.excel.csv'))).toEqual([]);
    for (const t of tables) expect(names, t).toContain(`koryu-atlas-data/${t}`);
  });
});

describe('the other CSVs', () => {
  it('each comparison CSV and its variant', () => {
    for (const f of compareCsvFiles()) {
      const [plain, excel] = csvAndExcel(f.file, f.csv());
      expect(excel!.file).toBe(excelCsvPath(f.file));
      expectVariant(utf8(plain!.body as string), excel!.body as Uint8Array, f.file);
    }
  });
  it('each chart of /stats/ (both languages): the served variant, and the data: URL a page links', () => {
    for (const locale of ['ja', 'en'] as const) {
      for (const c of statsCharts(locale)) {
        const [plain, excel] = csvAndExcel(`${c.id}.csv`, chartCsv(c));
        expectVariant(utf8(plain!.body as string), excel!.body as Uint8Array, `${locale} ${c.id}`);
        const url = excelHref(chartCsvDataUrl(c));
        expect(decodeURIComponent(url.slice(url.indexOf(',') + 1)), c.id).toBe(`\uFEFF${chartCsv(c)}`);
      }
    }
  });
});
