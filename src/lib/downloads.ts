/**
 * The published dataset as files: every table as CSV and JSON, the JSON Schemas, datapackage.json,
 * validation.json (all written by the pipeline to data/build/), CITATION.cff, and one zip of all of
 * them. Served at stable URLs under /data/ (src/pages/data/[...file].ts) and listed on the dataset
 * page. Build time only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync, strToU8 } from 'fflate';

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
