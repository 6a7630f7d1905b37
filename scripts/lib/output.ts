/**
 * Writes the dataset: one JSON array and one CSV per table, validation.json, JSON Schemas derived
 * from the Zod schemas, and datapackage.json. Deterministic: sorted keys, sorted records, no clock.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { TABLES, type TableName } from '../schema/records.ts';
import type { PipelineResult } from './pipeline.ts';

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
    if (Array.isArray(v)) out[key] = v.every((x) => typeof x !== 'object' || x === null) ? v.join('|') : JSON.stringify(v);
    else if (typeof v === 'object') flatten(v, key, out);
    else out[key] = v as string | number | boolean;
  }
  return out;
}

export function toCsv(rows: unknown[]): string {
  const flat = rows.map((r) => flatten(r));
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of flat) for (const k of Object.keys(r)) if (!seen.has(k)) { seen.add(k); columns.push(k); }
  columns.sort();
  return Papa.unparse({ fields: columns, data: flat.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n' }) + '\n';
}

export function jsonSchemas(): Record<TableName, unknown> {
  return Object.fromEntries(
    Object.entries(TABLES).map(([name, schema]) => [name, z.toJSONSchema(z.array(schema), { target: 'draft-2020-12', unrepresentable: 'any' })]),
  ) as Record<TableName, unknown>;
}

export function writeOutputs(outDir: string, result: PipelineResult): string[] {
  mkdirSync(join(outDir, 'schema'), { recursive: true });
  const written: string[] = [];
  const put = (name: string, text: string) => { writeFileSync(join(outDir, name), text); written.push(name); };
  for (const [name, rows] of Object.entries(result.tables)) {
    put(`${name}.json`, stableJson(rows));
    put(`${name}.csv`, toCsv(rows));
  }
  put('validation.json', stableJson(result.validation));
  for (const [name, schema] of Object.entries(jsonSchemas())) put(`schema/${name}.schema.json`, stableJson(schema));
  put('datapackage.json', stableJson({
    profile: 'tabular-data-package',
    name: 'koryu-atlas',
    title: 'Koryu Atlas — international exchange of Japanese universities',
    version: versionOf(result),
    resources: Object.keys(result.tables).map((name) => ({
      name, path: `${name}.csv`, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
      schema: `schema/${name}.schema.json`,
    })),
  }));
  return written;
}

/** Dataset version: derived from the sources' checksums, never from a clock. */
export function versionOf(result: PipelineResult): string {
  const sums = (result.tables.sources as { id: string; sha256: string }[]).map((s) => `${s.id}:${s.sha256}`).sort().join('\n');
  let h = 0x811c9dc5;
  for (let i = 0; i < sums.length; i++) { h ^= sums.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return `0.1.0+${h.toString(16).padStart(8, '0')}`;
}
