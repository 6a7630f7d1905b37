/**
 * datapackage.json: the dataset as a Frictionless Tabular Data Package (v1) — one CSV resource per
 * table with its Table Schema inline, the source documents, the licence of the derived data.
 */
import type { Home, Source, TableName } from '../schema/records.ts';
import { tableDescription, tableSchema } from './table-schema.ts';
import { parseSiteUrl } from './site-url.ts';

/**
 * The site's address (SITE_URL: origin and base path, as astro.config.mjs reads it), or undefined:
 * then the package names no homepage and no page URLs, rather than a placeholder host.
 */
export function siteAddress(): string | undefined {
  const u = parseSiteUrl();
  return u ? `${u.origin}${u.base}` : undefined;
}

/** How toCsv writes: papaparse's quoting, "\n" between rows, a header row. */
const DIALECT = { delimiter: ',', doubleQuote: true, quoteChar: '"', lineTerminator: '\n', skipInitialSpace: false, header: true };

export function dataPackage(tables: { sources: Source[]; homes: Home[] }, names: TableName[], version: string, site: string | undefined = siteAddress()) {
  const homes = tables.homes.map((h) => h.name.en);
  return {
    profile: 'tabular-data-package',
    name: 'koryu-atlas',
    title: 'Koryu Atlas — international exchange of Japanese universities',
    description: [
      `The international-exchange documents of ${homes.length} Japanese universities (${homes.join(', ')}), read line by line into one reconciled dataset:`,
      'agreements, partner institutions, exchange programmes, double and joint degrees, strategic partnerships, exchange statistics, conferences, visits and the facts of a call for applications.',
      'Every record names the document and the line it was read from (source.id, source.line); the totals the documents state are recomputed in validation.json.',
      'Each table is also published as <table>.json, described by schema/<table>.schema.json (JSON Schema).',
      'The derived dataset is licensed CC BY 4.0; the source documents remain their publishers\'.',
    ].join(' '),
    ...(site ? { homepage: site } : {}),
    version,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0 International' }],
    sources: tables.sources.map((s) => ({ title: s.title, ...(site ? { path: `${site}sources/${s.id}/` } : {}), publisher: s.publisher })),
    contributors: [{ title: 'Koryu Atlas', ...(site ? { path: site } : {}), role: 'author' }],
    resources: names.map((name) => ({
      name,
      path: `${name}.csv`,
      profile: 'tabular-data-resource',
      description: tableDescription(name),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: DIALECT,
      schema: tableSchema(name),
    })),
  };
}
