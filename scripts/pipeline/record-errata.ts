/**
 * Stage 2, record errata: printed values the document itself gets wrong
 * (data/reference/record-errata.json) are corrected on the drafts, with the reason kept beside them.
 */
import type { Problem } from '../lib/context.ts';
import type { SourceMeta } from '../lib/manifest.ts';
import { readReference } from '../lib/reference.ts';
import type { Parsed } from './parse.ts';
import type { RecordErratum } from './types.ts';

const FILE = 'data/reference/record-errata.json';

export function applyRecordErrata(parsed: Parsed[], sources: SourceMeta[], errata = readReference<RecordErratum[]>('record-errata.json')): { corrections: RecordErratum[]; errors: Problem[] } {
  const errors: Problem[] = [];
  const drafts = new Map(parsed.flatMap(({ result }) => (result.agreements ?? []).map((a) => [a.id, a] as const)));
  for (const e of errata) {
    const a = drafts.get(e.record);
    if (!a) {
      if (sources.some((s) => e.record.startsWith(`${s.id}-`))) errors.push({ severity: 'error', source: '', file: FILE, line: 0, raw: e.record, message: `record erratum names no agreement of this run: ${e.record}` });
      continue;
    }
    if (JSON.stringify(a.countries) !== JSON.stringify(e.printed)) {
      errors.push({ severity: 'error', source: a.source.id, file: FILE, line: a.source.line, raw: e.record, message: `record erratum is stale: ${e.record} has countries ${JSON.stringify(a.countries)}, the erratum expects ${JSON.stringify(e.printed)}` });
      continue;
    }
    a.countries = e.corrected;
    a.partner = { ...a.partner, country: e.corrected[0]! };
    a.corrections = [...(a.corrections ?? []), { field: e.field, printed: JSON.stringify(e.printed), reason: e.reason }];
  }
  return { corrections: errata.filter((e) => drafts.has(e.record)), errors };
}
