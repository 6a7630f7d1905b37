/**
 * Stage 8, report: what became of every line of every source (coverage; `unexplained` must be 0),
 * one summary line per source, and the validation report.
 */
import type { Problem, SourceContext } from '../lib/context.ts';
import type { Check } from '../schema/records.ts';
import type { Coverage, IdentityReport, Tables, Validation } from './types.ts';

const NOT_SOURCED = new Set(['sources', 'homes', 'countries', 'units', 'partners']);

export interface ReportInput {
  tables: Tables;
  contexts: SourceContext[];
  checks: Check[];
  errata: Validation['errata'];
  corrections: Validation['corrections'];
  identity: IdentityReport;
  /** problems found by stages (the parsers' own are on their contexts) */
  stageProblems: Problem[];
}

export function report({ tables, contexts, checks, errata, corrections, identity, stageProblems }: ReportInput): { validation: Validation; summaries: string[] } {
  const problems = [...stageProblems, ...contexts.flatMap((c) => c.problems)];
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');

  const recordCount = (id: string) =>
    Object.entries(tables).filter(([k]) => !NOT_SOURCED.has(k))
      .reduce((n, [, rows]) => n + (rows as { source?: { id: string } }[]).filter((r) => r.source?.id === id).length, 0);
  const coverage: Record<string, Coverage> = {};
  const summaries: string[] = [];
  for (const ctx of contexts) {
    const cov: Coverage = { lines: ctx.lineCount, records: 0, layout: 0, checks: 0, notes: 0, reported: 0, unexplained: 0 };
    for (let n = 1; n <= ctx.lineCount; n++) {
      const d = ctx.dispositionOf(n);
      if (d === 'record') cov.records++;
      else if (d === 'layout') cov.layout++;
      else if (d === 'check') cov.checks++;
      else if (d === 'note') cov.notes++;
      else if (d === 'reported') cov.reported++;
      else cov.unexplained++;
    }
    coverage[ctx.source.id] = cov;
    const mine = checks.filter((c) => c.source === ctx.source.id);
    const count = (s: Check['status']) => mine.filter((c) => c.status === s).length;
    summaries.push(
      `${ctx.source.id.padEnd(16)} ${String(ctx.lineCount).padStart(5)} lines → ${String(recordCount(ctx.source.id)).padStart(4)} records; ` +
      `lines: ${cov.records} record, ${cov.checks} check, ${cov.layout} layout, ${cov.notes} note, ${cov.reported} reported, ${cov.unexplained} unexplained; ` +
      `checks ${count('ok')} ok / ${count('erratum')} erratum / ${count('error')} error; ` +
      `${errors.filter((p) => p.source === ctx.source.id).length} error(s), ${warnings.filter((p) => p.source === ctx.source.id).length} warning(s)`,
    );
  }
  const unverifiable = contexts.flatMap((c) => c.unverifiable.map((u) => ({ id: `${u.source}:L${u.line}:${u.key}`, source: u.source, line: u.line, what: u.what, stated: u.stated, reason: u.reason })));
  const validation: Validation = {
    checks,
    unverifiable,
    errata,
    corrections,
    coverage,
    identity,
    errors,
    warnings,
    summary: {
      records: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])),
      checks: { ok: checks.filter((c) => c.status === 'ok').length, erratum: checks.filter((c) => c.status === 'erratum').length, error: checks.filter((c) => c.status === 'error').length },
      errors: errors.length,
      warnings: warnings.length,
    },
  };
  return { validation, summaries };
}
