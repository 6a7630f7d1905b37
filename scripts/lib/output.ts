/**
 * Writes the dataset: one JSON array and one CSV per table, validation.json, JSON Schemas derived
 * from the Zod schemas, and datapackage.json (a Tabular Data Package whose Table Schemas fix the CSV
 * columns). Deterministic: sorted keys, sorted records, no clock.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { TABLES, type TableName, type Source, type Home } from '../schema/records.ts';
import type { PipelineResult } from '../pipeline/index.ts';
import { columnsOf } from './table-schema.ts';
import { dataPackage } from './datapackage.ts';

/** JSON with object keys sorted at every depth and a final newline. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value), null, 1) + '\n';
}

/** Flattens a record for CSV: nested objects → dotted columns, arrays of scalars → "a|b", others → JSON. */
export function flatten(record: unknown, prefix = '', out: Record<string, string | number | boolean> = {}): Record<string, string | number | boolean> {
  for (const [k, v] of Object.entries(record as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) {
      // "a|b" must split back into the list it came from: a value holding "|" (or an empty value)
      // would not, so it is an error, never written ambiguously.
      const bad = v.find((x) => String(x).includes('|') || String(x) === '');
      if (bad !== undefined) throw new Error(`list ${key}: the value ${JSON.stringify(bad)} ${String(bad) === '' ? 'is empty' : 'holds "|"'}, the CSV list separator; it could not be read back`);
      out[key] = v.join('|');
    } else if (Array.isArray(v)) out[key] = JSON.stringify(v);
    else if (typeof v === 'object') flatten(v, key, out);
    else out[key] = v as string | number | boolean;
  }
  return out;
}

/**
 * A CSV of the rows with exactly these columns (the table's Table Schema fields: columnsOf), in
 * order, a column no record fills included. A value with no column is an error, never dropped.
 */
export function toCsv(rows: unknown[], columns: readonly string[]): string {
  const known = new Set(columns);
  const flat = rows.map((r, i) => {
    let f: Record<string, string | number | boolean>;
    try {
      f = flatten(r);
    } catch (e) {
      const src = (r as { source?: { id: string; line: number } }).source;
      throw new Error(`toCsv: row ${i}${src ? ` (${src.id} line ${src.line})` : ''}: ${(e as Error).message}`);
    }
    for (const k of Object.keys(f)) if (!known.has(k)) throw new Error(`toCsv: row ${i} has a value for ${k}, which is no column (${JSON.stringify(r).slice(0, 120)})`);
    return f;
  });
  // (with no rows Papa already ends the header with a newline: one, never a blank record)
  const text = Papa.unparse({ fields: [...columns], data: flat.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n' });
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** The table metadata keys of records.ts (read by table-schema.ts), which are no JSON Schema keywords. */
const TABLE_META = ['references', 'tableType'];

export function jsonSchemas(): Record<TableName, unknown> {
  return Object.fromEntries(
    Object.entries(TABLES).map(([name, schema]) => [name, z.toJSONSchema(z.array(schema), {
      target: 'draft-2020-12',
      unrepresentable: 'any',
      override: (ctx) => { for (const k of TABLE_META) delete (ctx.jsonSchema as Record<string, unknown>)[k]; },
    })]),
  ) as Record<TableName, unknown>;
}

export function writeOutputs(outDir: string, result: PipelineResult): string[] {
  mkdirSync(join(outDir, 'schema'), { recursive: true });
  const written: string[] = [];
  const put = (name: string, text: string) => { writeFileSync(join(outDir, name), text); written.push(name); };
  const names = Object.keys(result.tables) as TableName[];
  for (const name of names) {
    const rows = result.tables[name] as unknown[];
    put(`${name}.json`, stableJson(rows));
    put(`${name}.csv`, toCsv(rows, columnsOf(name)));
  }
  put('validation.json', stableJson(result.validation));
  for (const [name, schema] of Object.entries(jsonSchemas())) put(`schema/${name}.schema.json`, stableJson(schema));
  const { sources, homes } = result.tables as { sources: Source[]; homes: Home[] };
  put('datapackage.json', stableJson(dataPackage({ sources, homes }, names, versionOf(result))));
  return written;
}

/**
 * The dataset's release: raised by hand, with an entry in data/CHANGELOG.md, when the published
 * records change shape or meaning (0.2.0: partners identified, with new ids; 0.3.0: programmes' lost level marks, conditional cases and noted requirements; 0.4.0: English beside the Japanese the pages show).
 */
export const DATASET_RELEASE = '0.4.0';

/** Dataset version: the release, plus a hash derived from the sources' checksums (never from a clock). */
export function versionOf(result: PipelineResult): string {
  const sums = (result.tables.sources as { id: string; sha256: string }[]).map((s) => `${s.id}:${s.sha256}`).sort().join('\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < sums.length; i++) { h ^= sums.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return `${DATASET_RELEASE}+${h.toString(16).padStart(8, '0')}`;
}
