/**
 * Stage 6, validate: every record against its table's schema; a failure is a bug in a parser,
 * reported like bad input. Then the agreements' partners: each must be in a country its line
 * names (a split of a fused cell, data/reference/partner-splits.json, must give each member a
 * country of the line; a partner with no country, a network spanning countries, is in none and
 * passes; a partner missing from the table is the identify stage's error).
 */
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
  const country = new Map((tables.partners as { id: string; country: string | null }[]).map((p) => [p.id, p.country]));
  for (const a of tables.agreements as { id: string; partner: string; partners?: string[]; countries: string[]; partnerName: string; source: { id: string; line: number } }[]) {
    for (const id of a.partners ?? [a.partner]) {
      const c = country.get(id);
      if (c === undefined || c === null || a.countries.includes(c)) continue;
      errors.push({ severity: 'error', source: a.source.id, file: 'agreements', line: a.source.line, raw: a.partnerName, message: `agreement ${a.id} names partner ${id} in ${c}, a country its line does not name (${a.countries.join(', ')})` });
    }
  }
  return errors;
}
