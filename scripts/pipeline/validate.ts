/** Stage 6, validate: every record against its table's schema; a failure is a bug in a parser, reported like bad input. */
import type { Problem } from '../lib/context.ts';
import { TABLES, type TableName } from '../schema/records.ts';
import type { Tables } from './types.ts';

export function validateRecords(tables: Tables): Problem[] {
  const errors: Problem[] = [];
  for (const [name, rows] of Object.entries(tables) as [TableName, unknown[]][]) {
    const schema = TABLES[name];
    for (const row of rows) {
      const r = schema.safeParse(row);
      if (r.success) continue;
      const src = (row as { source?: { id: string; line: number } }).source;
      errors.push({ severity: 'error', source: src?.id ?? '', file: name, line: src?.line ?? 0, raw: JSON.stringify(row).slice(0, 300), message: `${name} record fails its schema: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
    }
  }
  return errors;
}
