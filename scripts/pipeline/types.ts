/** What the pipeline's stages pass along and what the pipeline returns. */
import type { Problem } from '../lib/context.ts';
import type { TableName, Check } from '../schema/records.ts';

export interface Erratum {
  /** Check id the erratum explains: "<source>:L<line>:<key>". */
  check: string;
  reason: string;
  /** What the correct figure would be, where the document lets us tell. */
  expected?: number;
}

/**
 * A record whose printed value is wrong in the document itself (data/reference/record-errata.json):
 * the corrected value is published, the printed one is kept on the record beside the reason.
 */
export interface RecordErratum {
  /** Agreement id, "<source>-L<line>". */
  record: string;
  field: 'countries';
  printed: unknown;
  corrected: string[];
  reason: string;
}

export interface Coverage {
  lines: number;
  records: number;
  layout: number;
  checks: number;
  notes: number;
  reported: number;
  unexplained: number;
}

/** How partners were identified (the identify stage), for the validation report. */
export interface IdentityReport {
  /** partners by identity status */
  byStatus: Record<string, number>;
  /** partners with a ROR id or a registry website */
  withRegistry: number;
  /** partners with a location */
  withLocation: number;
  /** every partner without a registry record, with its reason */
  withoutRegistry: { partner: string; name: string; country: string | null; status: string; reason: string }[];
}

export interface Validation {
  checks: Check[];
  unverifiable: { id: string; source: string; line: number; what: string; stated: number | string; reason: string }[];
  errata: (Erratum & { source: string; line: number; stated: number; computed: number })[];
  corrections: RecordErratum[];
  coverage: Record<string, Coverage>;
  identity: IdentityReport;
  errors: Problem[];
  warnings: Problem[];
  summary: { records: Record<string, number>; checks: Record<Check['status'], number>; errors: number; warnings: number };
}

export type Tables = { [K in TableName]: unknown[] };

export interface PipelineResult {
  tables: Tables;
  validation: Validation;
  /** One line per source, for the console. */
  summaries: string[];
  ok: boolean;
}

export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const byLine = (a: { source: { id: string; line: number } }, b: { source: { id: string; line: number } }) =>
  cmp(a.source.id, b.source.id) || a.source.line - b.source.line;

/** A problem found by a stage rather than a parser: names the reference file or table at fault. */
export function stageProblem(file: string, message: string, extra: Partial<Problem> = {}): Problem {
  return { severity: 'error', source: '', file, line: 0, raw: '', message, ...extra };
}
