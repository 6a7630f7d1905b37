/**
 * The published dataset as a Frictionless Tabular Data Package: datapackage.json against the
 * official profiles (vendored in scripts/schema/frictionless/, draft-04, checked with ajv), and
 * every CSV against its Table Schema — header, types, required fields, primary and foreign keys.
 * Reads the build (data/build, or KORYU_DATA_DIR): `npm run data` first.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import Papa from 'papaparse';
import { TABLES, type Home, type Source, type TableName } from '../schema/records.ts';
import { columnsOf, listReferences, tableSchema, type Field, type TableSchema } from './table-schema.ts';
import { dataPackage } from './datapackage.ts';
import { stableJson, toCsv } from './output.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = resolve(process.env.KORYU_DATA_DIR ?? join(ROOT, 'data/build'));
const PROFILES = join(ROOT, 'scripts/schema/frictionless');

interface Resource { name: string; path: string; schema: TableSchema; profile: string; [k: string]: unknown }
interface Package { version: string; resources: Resource[]; [k: string]: unknown }

const PACKAGE_FILE = join(DIR, 'datapackage.json');
if (!existsSync(PACKAGE_FILE)) throw new Error(`${PACKAGE_FILE} not found: run \`npm run data\` first`);
const packageText = readFileSync(PACKAGE_FILE, 'utf8');
const pkg = JSON.parse(packageText) as Package;
const json = <T,>(name: string): T => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;

/** A CSV as its header and its records (all cells as text, as Table Schema reads them). */
const csvCache = new Map<string, { header: string[]; rows: string[][] }>();
function csv(path: string): { header: string[]; rows: string[][] } {
  let c = csvCache.get(path);
  if (!c) {
    const parsed = Papa.parse<string[]>(readFileSync(join(DIR, path), 'utf8'), { header: false, skipEmptyLines: true });
    if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
    const [header = [], ...rows] = parsed.data;
    csvCache.set(path, (c = { header, rows }));
  }
  return c;
}
const resourceNamed = (name: string): Resource => {
  const r = pkg.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
};
/** The cells of some fields of each row, joined: the row's key. */
function keysOf(r: Resource, fields: string[]): (string | null)[] {
  const { header, rows } = csv(r.path);
  const idx = fields.map((f) => header.indexOf(f));
  if (idx.includes(-1)) throw new Error(`${r.name}: no column ${fields[idx.indexOf(-1)]}`);
  return rows.map((row) => (idx.some((i) => row[i] === '') ? null : idx.map((i) => row[i]).join('\u0000')));
}

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', (s: string) => URL.canParse(s));
ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
ajv.addFormat('textarea', true);
const profile = (name: string) => ajv.compile(JSON.parse(readFileSync(join(PROFILES, `${name}.json`), 'utf8')) as object);
const errorsOf = (validate: ReturnType<typeof profile>, data: unknown): string[] =>
  validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

describe('the Table Schema of a table', () => {
  const field = (t: TableName, name: string) => tableSchema(t).fields.find((f) => f.name === name);
  it('has a dotted field per leaf of a nested object, in the order the record schema declares them', () => {
    expect(columnsOf('homes')).toEqual(['id', 'name.ja', 'name.en', 'ror', 'location.lat', 'location.lon', 'location.precision']);
    expect(columnsOf('agreements').slice(-3)).toEqual(['source.id', 'source.line', 'source.lines']);
  });
  it('types a list of scalars as a string field that says it is "|"-joined, and a list of objects as a JSON array', () => {
    expect(field('agreements', 'homeUnits')).toMatchObject({ type: 'string', description: expect.stringContaining('joined with "|"') });
    expect(field('agreements', 'partnerMembers')).toMatchObject({ type: 'array', description: expect.stringContaining('JSON array') });
  });
  it('requires a field only when the record schema guarantees a non-empty cell', () => {
    expect(field('agreements', 'partner')?.constraints?.required).toBe(true);
    expect(field('agreements', 'homeUnits')?.constraints?.required).toBeUndefined(); // may be an empty list
    expect(field('programmes', 'notes')?.constraints?.required).toBeUndefined(); // may be empty text
    expect(field('agreements', 'tuitionWaiver.raw')?.constraints?.required).toBeUndefined(); // inside an optional object
  });
  it('declares a reference as a foreign key only where it is one value per cell', () => {
    expect(tableSchema('agreements').foreignKeys).toContainEqual({ fields: 'partner', reference: { resource: 'partners', fields: 'id' } });
    expect(tableSchema('units').foreignKeys).toContainEqual({ fields: 'parent', reference: { resource: '', fields: 'id' } });
    expect(tableSchema('degree-programmes').foreignKeys?.map((k) => k.fields)).not.toContain('partners');
    expect(listReferences('degree-programmes')).toContainEqual({ field: 'partners', in: { list: true }, resource: 'partners', key: 'id' });
  });
});

describe('toCsv', () => {
  it('writes exactly the columns it is given, in order, a column no record fills included', () => {
    expect(toCsv([{ b: 1, a: { x: 'p' } }], ['b', 'a.x', 'c'])).toBe('b,a.x,c\n1,p,\n');
  });
  it('refuses a value that has no column rather than dropping it', () => {
    expect(() => toCsv([{ b: 1, z: 2 }], ['b'])).toThrow(/row 0 has a value for z/);
  });
});

describe('datapackage.json', () => {
  it('is a valid Tabular Data Package (the official profile)', () => {
    expect(errorsOf(profile('tabular-data-package'), pkg)).toEqual([]);
  });
  it('is a valid Data Package; each resource is a valid Tabular Data Resource and its schema a valid Table Schema', () => {
    expect(errorsOf(profile('data-package'), pkg)).toEqual([]);
    const resource = profile('tabular-data-resource');
    const table = profile('table-schema');
    for (const r of pkg.resources) {
      expect(errorsOf(resource, r), r.name).toEqual([]);
      expect(errorsOf(table, r.schema), r.name).toEqual([]);
    }
  });
  it('has one CSV resource per table, named after it', () => {
    expect(pkg.resources.map((r) => r.name)).toEqual(Object.keys(TABLES));
    for (const r of pkg.resources) {
      expect(r.path, r.name).toBe(`${r.name}.csv`);
      expect(r.profile, r.name).toBe('tabular-data-resource');
    }
  });
  it('is what the record schemas generate now (run `npm run data` if not)', () => {
    const tables = { sources: json<Source[]>('sources.json'), homes: json<Home[]>('homes.json') };
    expect(stableJson(dataPackage(tables, pkg.resources.map((r) => r.name as TableName), pkg.version))).toBe(packageText);
  });
  it('names the site where SITE_URL gives it, and no host at all without it (never a placeholder)', () => {
    const tables = { sources: json<Source[]>('sources.json'), homes: json<Home[]>('homes.json') };
    const bare = dataPackage(tables, ['partners'], '0', undefined);
    expect('homepage' in bare).toBe(false);
    for (const s of bare.sources) expect('path' in s, s.title).toBe(false);
    for (const c of bare.contributors) expect('path' in c).toBe(false);
    expect(JSON.stringify(bare)).not.toContain('example.org');
    const at = dataPackage(tables, ['partners'], '0', 'https://host.example/koryu-atlas/');
    expect(at.homepage).toBe('https://host.example/koryu-atlas/');
    expect(at.sources[0]!.path).toBe(`https://host.example/koryu-atlas/sources/${tables.sources[0]!.id}/`);
  });
});

const TRUE = ['true', 'True', 'TRUE', '1'];
const FALSE = ['false', 'False', 'FALSE', '0'];
const isDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) === s;
};
const isJson = (s: string, array: boolean) => {
  try {
    const v: unknown = JSON.parse(s);
    return array ? Array.isArray(v) : !!v && typeof v === 'object' && !Array.isArray(v);
  } catch { return false; }
};
/** Whether a (non-missing) cell is a value of the field's type in its default format, within its constraints. */
function fits(field: Field, cell: string): boolean {
  const typed = {
    string: () => true,
    any: () => true,
    integer: () => /^-?\d+$/.test(cell),
    number: () => /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(cell),
    boolean: () => TRUE.includes(cell) || FALSE.includes(cell),
    date: () => isDate(cell),
    year: () => /^\d{4}$/.test(cell),
    yearmonth: () => /^\d{4}-(0[1-9]|1[0-2])$/.test(cell),
    array: () => isJson(cell, true),
    object: () => isJson(cell, false),
  }[field.type as string];
  if (!typed) throw new Error(`${field.name}: unknown type ${field.type}`);
  if (!typed()) return false;
  const c = field.constraints ?? {};
  if (c.enum && !c.enum.includes(cell)) return false;
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(cell)) return false;
  if (c.minimum !== undefined && !(Number(cell) >= c.minimum)) return false;
  return true;
}

describe.each(pkg.resources.map((r) => [r.name, r] as const))('%s.csv', (name, r) => {
  const schema = r.schema;
  const missing = new Set(schema.missingValues);
  const problems = (check: (field: Field, cell: string) => string | undefined): string[] => {
    const { rows } = csv(r.path);
    const out: string[] = [];
    rows.forEach((row, i) => schema.fields.forEach((f, j) => {
      const p = check(f, row[j] ?? '');
      if (p && out.length < 20) out.push(`record ${i + 1}, ${f.name}: ${p}`);
    }));
    return out;
  };

  it('exists, and its header is the Table Schema field names, in order', () => {
    expect(existsSync(join(DIR, r.path)), r.path).toBe(true);
    expect(csv(r.path).header).toEqual(schema.fields.map((f) => f.name));
  });
  it('has one record per JSON record, each with one cell per field', () => {
    const { rows } = csv(r.path);
    expect(rows.length).toBe(json<unknown[]>(`${name}.json`).length);
    expect(rows.filter((row) => row.length !== schema.fields.length).map((row) => row.slice(0, 3).join(','))).toEqual([]);
  });
  it('every cell is a missing value or a value of its field type, within its constraints', () => {
    expect(problems((f, cell) => (missing.has(cell) || fits(f, cell) ? undefined : `${JSON.stringify(cell.slice(0, 80))} is no ${f.type}${f.constraints ? ` within ${JSON.stringify({ ...f.constraints, required: undefined })}` : ''}`))).toEqual([]);
  });
  it('every required field is filled', () => {
    expect(problems((f, cell) => (f.constraints?.required && missing.has(cell) ? 'required, missing' : undefined))).toEqual([]);
  });
  it('primary key values are filled and unique', () => {
    const keys = keysOf(r, [schema.primaryKey].flat());
    expect(keys.filter((k) => k === null).length, 'missing').toBe(0);
    const seen = new Set<string | null>();
    expect(keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false))).slice(0, 10)).toEqual([]);
  });
  it('every foreign key points at the primary key of a resource and resolves', () => {
    for (const fk of schema.foreignKeys ?? []) {
      const target = fk.reference.resource === '' ? r : resourceNamed(fk.reference.resource);
      expect([fk.reference.fields].flat(), `${fk.fields} → ${target.name}`).toEqual([target.schema.primaryKey].flat());
      const known = new Set(keysOf(target, [fk.reference.fields].flat()));
      const dangling = keysOf(r, [fk.fields].flat()).filter((k) => k !== null && !known.has(k));
      expect(dangling.slice(0, 10), `${fk.fields} → ${target.name}.${fk.reference.fields}`).toEqual([]);
    }
  });
  it('every reference Table Schema cannot declare (in lists and JSON cells) resolves as well', () => {
    for (const ref of listReferences(name as TableName)) {
      const known = new Set(keysOf(resourceNamed(ref.resource), [ref.key]));
      const cells = keysOf(r, [ref.field]).filter((k): k is string => k !== null);
      const values = 'list' in ref.in ? cells.flatMap((c) => c.split('|'))
        : cells.flatMap((c) => (JSON.parse(c) as Record<string, string>[]).map((o) => o[(ref.in as { json: string }).json]).filter((v): v is string => v !== undefined));
      expect(values.filter((v) => !known.has(v)).slice(0, 10), `${ref.field} → ${ref.resource}.${ref.key}`).toEqual([]);
    }
  });
});
