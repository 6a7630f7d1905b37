/**
 * The tables by country/region ((1)イ staff, (2)イ students). A row is [region], country, counts.
 * The region cell is a merged cell: it is printed on a block's first row only, the rows below leave
 * it empty or lose it (cells shift left), and some pages print no region at all. So a row with one
 * label is a country of the current block, and a header row (page break) ends the block.
 *
 * Region labels are the source's own (アジア, 中東, CIS, 北米 …): they are returned as
 * sourceRegions, never used to place a country. Countries go through resolveCountry; a label no
 * table maps is an error naming the line, and the row's counts are kept with the label only, so the
 * document's totals stay comparable. "その他" and "国・地域不明" are the table's own rest rows:
 * flows without a country.
 */
import type { SourceContext } from '../../lib/context.ts';
import { resolveCountry, unresolvedReason } from '../../lib/countries.ts';
import type { Flow } from '../../schema/records.ts';
import type { ParseResult } from '../types.ts';
import {
  alignCounts, compact, isHeaderRow, leafFlows, readRow, rowChecks, totalChecks,
  type FlowBase, type LeafRow, type TableLayout,
} from './stats-table.ts';

/** Rows for counts the table does not assign to a country. */
const NO_COUNTRY = new Set(['その他', '国・地域不明', '不明']);

export interface CountryTableResult {
  flows: Flow[];
  sourceRegions: NonNullable<ParseResult['sourceRegions']>;
  /** The table's 合計 row, for comparisons with the table by unit. */
  grandTotal?: { line: number; values: Map<string, number> };
}

/** Parses the given lines (the table's lines, headings and notes already taken) of a table by country. */
export function parseCountryTable(ctx: SourceContext, lines: number[], layout: TableLayout, base: FlowBase): CountryTableResult {
  const flows: Flow[] = [];
  const sourceRegions: CountryTableResult['sourceRegions'] = [];
  const leaves: LeafRow[] = [];
  const seen = new Map<string, number>();
  let region: string | undefined;
  let grandTotal: CountryTableResult['grandTotal'];

  for (const n of lines) {
    const row = readRow(ctx, n);
    if (row.labels.length === 0 && row.counts.length === 0) {
      ctx.layout(n, 'empty cells');
      continue;
    }
    if (isHeaderRow(row, layout)) {
      ctx.layout(n, 'column labels');
      region = undefined;
      continue;
    }
    if (row.stray.length > 0) {
      ctx.error(n, `${layout.name}: text after the counts (${row.stray.join(', ')}): expected [region], country, counts`);
      continue;
    }
    if (row.counts.length === 0 || row.labels.length === 0 || row.labels.length > 2) {
      ctx.error(n, `${layout.name}: expected a row of [region], country and ${layout.columns.length} counts, or column labels`);
      continue;
    }
    const aligned = alignCounts(row.counts, layout);
    if (typeof aligned === 'string') {
      ctx.error(n, `${layout.name}: ${aligned}`);
      continue;
    }
    if (aligned.missing) {
      ctx.warn(n, `${layout.name}: the row has ${row.counts.length} counts for ${layout.columns.length} columns; read without its "${aligned.missing.label}" cell, the only reading in which the missing cell is a total`);
    }

    const label = row.labels[row.labels.length - 1]!;
    if (row.labels.every((l) => compact(l) === '合計')) {
      grandTotal = { line: n, values: aligned.values };
      totalChecks(ctx, layout, row, aligned.values, '合計', leaves);
      continue;
    }
    if (row.labels.length === 2) {
      region = row.labels[0]!;
      if (resolveCountry(region)) {
        ctx.error(n, `${layout.name}: two country labels (${row.labels.join(', ')}): expected region, country`);
        continue;
      }
    }

    const rest = NO_COUNTRY.has(compact(label));
    const country = rest ? undefined : resolveCountry(label);
    const ambiguous = !rest && !country ? unresolvedReason(label) : undefined;
    if (ambiguous) ctx.warn(n, `${layout.name}: country label "${label}" is deliberately left unresolved: ${ambiguous}`);
    else if (!rest && !country) {
      ctx.error(n, `${layout.name}: country label "${label}" is not mapped: add it to data/reference/country-aliases.json with a reason (the counts are kept with the label only)`);
    }
    if (country) {
      const first = seen.get(country);
      if (first !== undefined) ctx.warn(n, `${layout.name}: ${country} (${label}) is listed a second time (first on line ${first}); both rows are kept`);
      else seen.set(country, n);
      if (region && !sourceRegions.some((r) => r.country === country && r.label === region)) sourceRegions.push({ country, label: region });
    }
    flows.push(...leafFlows(ctx, layout, base, n, aligned.values, { ...(country ? { country } : {}), countryLabel: label }));
    ctx.record(n);
    rowChecks(ctx, layout, row, aligned.values, label);
    leaves.push({ line: n, values: aligned.values });
  }
  return { flows, sourceRegions, ...(grandTotal ? { grandTotal } : {}) };
}
