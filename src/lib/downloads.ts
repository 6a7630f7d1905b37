/**
 * The published dataset as files: every table as CSV and JSON, the JSON Schemas, datapackage.json,
 * validation.json (all written by the pipeline to data/build/), CITATION.cff, and one zip of all of
 * them; and each table's CSV for Excel (<table>.excel.csv: src/lib/excel-csv.ts), which the zip
 * leaves out (it is the Data Package, for programs: a byte away from the plain CSV, and it would
 * nearly double the zip). Served at stable URLs under /data/ (src/pages/data/[...file].ts) and
 * listed on the dataset page. Build time only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { excelCsv, excelCsvPath, isExcelCsv, plainCsvPath } from './excel-csv.ts';

const BUILD = resolve(process.env.KORYU_DATA_DIR ?? 'data/build');

/** The zip's name: stable, so a link to it never breaks; the version is inside (datapackage.json). */
export const ZIP_NAME = 'koryu-atlas-data.zip';

/** Paths under /data/ of every file of data/build, sorted: tables, schemas, datapackage, validation. */
export function buildFiles(): string[] {
  const top = readdirSync(BUILD).filter((f) => /\.(csv|json)$/.test(f));
  const schemas = readdirSync(join(BUILD, 'schema')).filter((f) => f.endsWith('.json')).map((f) => `schema/${f}`);
  return [...top, ...schemas].sort();
}

export function readBuildFile(path: string): Uint8Array {
  return readFileSync(join(BUILD, path));
}

/** Paths under /data/ of the tables' Excel variants: <table>.excel.csv for each <table>.csv. */
export function excelFiles(): string[] {
  return buildFiles().filter((f) => f.endsWith('.csv') && !f.includes('/')).map(excelCsvPath);
}

/** A file served under /data/ from data/build: as built, or a table's Excel variant made from its CSV. */
export function dataFile(path: string): Uint8Array {
  return isExcelCsv(path) ? excelCsv(readBuildFile(plainCsvPath(path))) : readBuildFile(path);
}

/** CITATION.cff from the project root. */
export function citation(): string {
  return readFileSync(resolve('CITATION.cff'), 'utf8');
}

let zip: Uint8Array | undefined;
/**
 * Every file in one zip under a koryu-atlas-data/ folder. Deterministic: fixed file order and a
 * fixed timestamp (the dataset's version says what changed, not the clock).
 */
export function datasetZip(): Uint8Array {
  if (zip) return zip;
  const mtime = new Date('2000-01-01T00:00:00Z');
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of buildFiles()) files[`koryu-atlas-data/${f}`] = [readBuildFile(f), { mtime }];
  files['koryu-atlas-data/CITATION.cff'] = [strToU8(citation()), { mtime }];
  zip = zipSync(files, { level: 9 });
  return zip;
}

/** Content type of a download by its extension (what a static host should send). */
export function downloadType(path: string): string {
  if (path.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json; charset=utf-8';
  if (path.endsWith('.zip')) return 'application/zip';
  if (path.endsWith('.cff')) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}
