/**
 * The Frictionless Table Schema of each published CSV, derived from the Zod record schemas (through
 * their JSON Schema) so the CSV columns, the types and the documentation cannot drift apart.
 *
 * One field per CSV column, in the order the record schema declares them: a nested object becomes
 * dotted columns (`source.id`), a list of scalars one column of values joined with "|" (type
 * string), a list of objects one column of JSON text (type array). A field is required when the
 * Zod schema guarantees a non-empty cell all the way down; keys and references come from the
 * `references` metadata of records.ts, and only where Table Schema can state them.
 */
import { z } from 'zod';
import { TABLES, type TableName } from '../schema/records.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'year' | 'yearmonth' | 'array' | 'any';

export interface Constraints {
  required?: boolean;
  enum?: string[];
  pattern?: string;
  minimum?: number;
}

export interface Field {
  name: string;
  type: FieldType;
  description?: string;
  constraints?: Constraints;
}

export interface ForeignKey {
  fields: string;
  /** resource "" is the table itself (Table Schema's self-reference). */
  reference: { resource: string; fields: string };
}

export interface TableSchema {
  fields: Field[];
  missingValues: string[];
  primaryKey: string | string[];
  foreignKeys?: ForeignKey[];
}

/** A reference Table Schema cannot declare: the values of a "|"-joined list, or inside JSON cells. */
export interface ListReference {
  field: string;
  /** How the values sit in the cell: "|"-joined, or as `key` of each object of a JSON array. */
  in: { list: true } | { json: string };
  resource: string;
  key: string;
}

/**
 * The primary key of each table. Flows have no id: a flow is one cell of a statistics table, so it
 * is named by its source line and the column it was read from (unique, and every part required).
 */
export const PRIMARY_KEYS: Record<TableName, string | string[]> = {
  sources: 'id',
  homes: 'id',
  countries: 'code',
  units: 'id',
  partners: 'id',
  agreements: 'id',
  programmes: 'id',
  'degree-programmes': 'id',
  'strategic-partnerships': 'id',
  flows: ['source.id', 'source.line', 'population', 'direction', 'category'],
  conferences: 'id',
  visits: 'id',
  'call-facts': 'id',
};

/** The JSON Schema nodes z.toJSONSchema writes for the record schemas (the part we read). */
interface Node {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  description?: string;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  anyOf?: Node[];
  minLength?: number;
  minItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  tableType?: string;
  references?: string;
}

const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);
const isScalar = (n: Node): boolean =>
  !n.properties && !n.items && (Array.isArray(n.type) ? n.type.every((t) => SCALARS.has(t)) : SCALARS.has(n.type ?? ''));

/** JSON Schema of one record, with the table metadata (references, tableType) kept in. */
function recordJsonSchema(name: TableName): Node {
  return z.toJSONSchema(TABLES[name], { target: 'draft-2020-12', unrepresentable: 'any' }) as Node;
}

/** A `table.field` reference split, checked against the tables that exist. */
function splitRef(ref: string, where: string): { resource: string; key: string } {
  const i = ref.lastIndexOf('.');
  const resource = ref.slice(0, i);
  if (i < 1 || !(resource in TABLES)) throw new Error(`table-schema: ${where}: reference "${ref}" names no table`);
  return { resource, key: ref.slice(i + 1) };
}

/** A JSON Schema regex as a Table Schema pattern (XML Schema style: implicitly anchored). */
function tablePattern(pattern: string): string | undefined {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) return undefined;
  return pattern.slice(1, -1);
}

const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);
/** A description followed by a note: sentences when there is a note, the description as written otherwise. */
const join = (text: string | undefined, note: string | undefined): string | undefined =>
  note ? [text, note].filter((x): x is string => !!x).map(sentence).join(' ') : text;

interface Derived {
  fields: Field[];
  foreignKeys: ForeignKey[];
  listReferences: ListReference[];
}

function derive(name: TableName): Derived {
  const out: Derived = { fields: [], foreignKeys: [], listReferences: [] };
  const root = recordJsonSchema(name);
  const walk = (node: Node, path: string[], required: boolean, inherited: string | undefined) => {
    const where = `${name}.${path.join('.')}`;
    let nullable = false;
    if (node.anyOf) {
      const rest = node.anyOf.filter((n) => n.type !== 'null');
      if (rest.length !== 1 || rest.length === node.anyOf.length) throw new Error(`table-schema: ${where}: cannot map anyOf ${JSON.stringify(node.anyOf)}`);
      nullable = true;
      node = { ...rest[0]!, description: node.description ?? rest[0]!.description };
    }
    // A nullable scalar (["string", "null"]): its one type, and an empty cell when null.
    if (Array.isArray(node.type) && node.type.includes('null') && node.type.length === 2) {
      nullable = true;
      node = { ...node, type: node.type.find((x) => x !== 'null')! };
    }
    if (node.type === 'object' && node.properties) {
      for (const [k, child] of Object.entries(node.properties)) {
        walk(child, [...path, k], required && !nullable && (node.required ?? []).includes(k), node.description ?? inherited);
      }
      return;
    }
    const field: Field = { name: path.join('.'), type: 'string' };
    const constraints: Constraints = {};
    const own = node.description ?? inherited;
    let filled = required && !nullable; // the record always has a value …
    let note: string | undefined;
    if (node.type === 'array') {
      const items = node.items;
      if (!items) throw new Error(`table-schema: ${where}: array without items`);
      filled &&= (node.minItems ?? 0) >= 1; // … and an empty list is an empty cell
      if (isScalar(items)) {
        field.type = 'string';
        const values = items.enum ? `, each one of ${items.enum.join(', ')}`
          : items.format === 'date' ? ', each an ISO 8601 date'
          : items.tableType === 'year' ? ', each a year'
          : items.type === 'integer' ? ', each an integer'
          : items.type === 'number' ? ', each a number' : '';
        note = `A list: values joined with "|"${values}${filled ? '' : '; empty when there are none'}`;
        if (items.references) {
          const r = splitRef(items.references, where);
          out.listReferences.push({ field: field.name, in: { list: true }, ...r });
          note = join(note, `Each value is a ${items.references} (not declared as a foreign key: Table Schema cannot express a reference from a list)`);
        }
      } else if (items.type === 'object' && items.properties) {
        field.type = 'array';
        const keys = Object.keys(items.properties).map((k) => ((items.required ?? []).includes(k) ? k : `${k}?`));
        note = `JSON array of objects {${keys.join(', ')}}`;
        for (const [k, p] of Object.entries(items.properties)) {
          if (!p.references) continue;
          const r = splitRef(p.references, `${where}[].${k}`);
          out.listReferences.push({ field: field.name, in: { json: k }, ...r });
          note = join(note, `Each ${k} is a ${p.references} (not declared as a foreign key: Table Schema cannot reach inside JSON)`);
        }
      } else throw new Error(`table-schema: ${where}: cannot map array items ${JSON.stringify(items)}`);
    } else if (Array.isArray(node.type)) {
      if (!isScalar(node)) throw new Error(`table-schema: ${where}: cannot map type ${JSON.stringify(node.type)}`);
      field.type = 'any';
      note = `Type any: a cell holds a ${node.type.join(' or a ')}, as the value is`;
      filled &&= !node.type.includes('string');
    } else if (node.type === 'string') {
      if (node.tableType === 'yearmonth') field.type = 'yearmonth';
      else if (node.format === 'date') field.type = 'date';
      else if (node.tableType) throw new Error(`table-schema: ${where}: tableType ${node.tableType} on a string`);
      else {
        const pattern = node.pattern ? tablePattern(node.pattern) : undefined;
        if (pattern) constraints.pattern = pattern;
        if (node.enum) constraints.enum = node.enum.map(String);
        const canBeEmpty = !node.enum && !(node.minLength && node.minLength > 0) && !(node.pattern && !new RegExp(node.pattern).test(''));
        filled &&= !canBeEmpty;
      }
    } else if (node.type === 'integer' || node.type === 'number') {
      if (node.tableType === 'year') field.type = 'year';
      else if (node.tableType) throw new Error(`table-schema: ${where}: tableType ${node.tableType} on a number`);
      else {
        field.type = node.type;
        const min = node.exclusiveMinimum !== undefined ? (node.type === 'integer' ? node.exclusiveMinimum + 1 : undefined) : node.minimum;
        if (min !== undefined && min > Number.MIN_SAFE_INTEGER) constraints.minimum = min;
      }
    } else if (node.type === 'boolean') field.type = 'boolean';
    else throw new Error(`table-schema: ${where}: cannot map ${JSON.stringify(node)}`);

    if (node.references && node.type !== 'array') {
      const r = splitRef(node.references, where);
      out.foreignKeys.push({ fields: field.name, reference: { resource: r.resource === name ? '' : r.resource, fields: r.key } });
    }
    if (filled) constraints.required = true;
    const description = join(own, note);
    if (description) field.description = description;
    if (Object.keys(constraints).length) field.constraints = constraints;
    out.fields.push(field);
  };
  walk(root, [], true, undefined);
  return out;
}

const cache = new Map<TableName, Derived>();
const derived = (name: TableName): Derived => {
  let d = cache.get(name);
  if (!d) cache.set(name, (d = derive(name)));
  return d;
};

/** The Table Schema of a table's CSV. */
export function tableSchema(name: TableName): TableSchema {
  const { fields, foreignKeys } = derived(name);
  const primaryKey = PRIMARY_KEYS[name];
  for (const k of [primaryKey].flat()) {
    const f = fields.find((x) => x.name === k);
    if (!f?.constraints?.required) throw new Error(`table-schema: ${name}: primary key ${k} is not a required field`);
  }
  return { fields, missingValues: [''], primaryKey, ...(foreignKeys.length ? { foreignKeys } : {}) };
}

/** The CSV columns of a table, in order: the Table Schema's field names. */
export function columnsOf(name: TableName): string[] {
  return derived(name).fields.map((f) => f.name);
}

/** References the Table Schema cannot declare (lists, JSON cells): named in descriptions, checked by tests. */
export function listReferences(name: TableName): ListReference[] {
  return derived(name).listReferences;
}

/** The description of a table: its record schema's. */
export function tableDescription(name: TableName): string {
  const d = TABLES[name].description;
  if (!d) throw new Error(`table-schema: ${name}: the record schema has no description`);
  return sentence(d);
}
