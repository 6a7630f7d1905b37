/**
 * The pipeline: manifest in, dataset and validation report out (nothing is written here; see
 * ../lib/output.ts). A short list of named stages, each in its own module:
 *
 *   parse → record errata → merge partners → identify partners → assemble tables → validate
 *   records → reconcile stated totals → report
 */
import { readManifest, type SourceMeta } from '../lib/manifest.ts';
import type { PartnerMention } from '../sources/types.ts';
import { parseSources } from './parse.ts';
import { applyRecordErrata } from './record-errata.ts';
import { mergeStage } from './merge.ts';
import { identifyPartners, readIdentityReference } from './identify.ts';
import { assembleTables } from './assemble.ts';
import { validateRecords } from './validate.ts';
import { reconcile } from './reconcile.ts';
import { report } from './report.ts';
import type { PipelineResult } from './types.ts';

export type * from './types.ts';

export function runPipeline(manifestPath: string): PipelineResult {
  return runSources(readManifest(manifestPath));
}

export function runSources(sources: SourceMeta[]): PipelineResult {
  const parse = parseSources(sources);
  const errata = applyRecordErrata(parse.parsed, sources);
  const merge = mergeStage(parse.parsed, sources);
  const registries = readIdentityReference();
  const identity = identifyPartners(merge.merged.partners, registries);
  const partnerId = (m: PartnerMention) => {
    const draft = merge.merged.idOf.get(m)!;
    return identity.idOf.get(draft) ?? draft;
  };
  const assembled = assembleTables(parse.parsed, parse.contexts, identity.partners, partnerId, registries.ror);
  const invalid = validateRecords(assembled.tables);
  const totals = reconcile(parse.contexts, sources);
  const { validation, summaries } = report({
    tables: assembled.tables,
    contexts: parse.contexts,
    checks: totals.checks,
    errata: totals.errata,
    corrections: errata.corrections,
    identity: identity.report,
    stageProblems: [...parse.errors, ...errata.errors, ...merge.errors, ...identity.errors, ...assembled.errors, ...invalid, ...totals.errors, ...identity.warnings],
  });
  return { tables: assembled.tables, validation, summaries, ok: validation.errors.length === 0 };
}
