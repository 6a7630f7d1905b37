/**
 * Stage 7, reconcile: every total a document states, recomputed from the records; a mismatch is an
 * error unless data/reference/errata.json records that the document itself is wrong.
 */
import type { Problem, SourceContext } from '../lib/context.ts';
import type { SourceMeta } from '../lib/manifest.ts';
import { readReference } from '../lib/reference.ts';
import type { Check } from '../schema/records.ts';
import { cmp, type Erratum, type Validation } from './types.ts';

const FILE = 'data/reference/errata.json';

export function reconcile(contexts: SourceContext[], sources: SourceMeta[], errataList = readReference<Erratum[]>('errata.json')): { checks: Check[]; errata: Validation['errata']; errors: Problem[] } {
  const errors: Problem[] = [];
  const errata = new Map(errataList.map((e) => [e.check, e]));
  const used = new Set<string>();
  const checks: Check[] = [];
  const applied: Validation['errata'] = [];
  for (const ctx of contexts) for (const c of ctx.checks) {
    const id = `${c.source}:L${c.line}:${c.key}`;
    const e = errata.get(id);
    const status: Check['status'] = c.stated === c.computed ? 'ok' : e ? 'erratum' : 'error';
    if (e) {
      used.add(id);
      if (c.stated === c.computed) errors.push({ severity: 'error', source: c.source, file: FILE, line: c.line, raw: ctx.raw(c.line), message: `erratum for ${id} is stale: the check now passes` });
      else applied.push({ ...e, source: c.source, line: c.line, stated: c.stated, computed: c.computed });
    }
    checks.push({ id, source: c.source, line: c.line, what: c.what, stated: c.stated, computed: c.computed, status, ...(status === 'erratum' ? { erratum: e!.reason } : {}) });
    if (status === 'error') ctx.problems.push({ severity: 'error', source: c.source, file: ctx.source.file, line: c.line, raw: ctx.raw(c.line), message: `stated ${c.what} ${c.stated} ≠ computed ${c.computed} (${id}); if the document is wrong, record an erratum in ${FILE}` });
  }
  for (const e of errataList) if (!used.has(e.check) && sources.some((s) => e.check.startsWith(`${s.id}:`))) {
    errors.push({ severity: 'error', source: '', file: FILE, line: 0, raw: e.check, message: `erratum names no check of this run: ${e.check}` });
  }
  const ids = new Set<string>();
  for (const c of checks) {
    if (ids.has(c.id)) errors.push({ severity: 'error', source: c.source, file: c.source, line: c.line, raw: '', message: `duplicate check id ${c.id}` });
    ids.add(c.id);
  }
  return { checks: checks.sort((a, b) => cmp(a.source, b.source) || a.line - b.line || cmp(a.id, b.id)), errata: applied.sort((a, b) => cmp(a.check, b.check)), errors };
}
