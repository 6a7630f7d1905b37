/**
 * The pipeline as a pure-ish function: manifest in, dataset + validation report out (nothing is
 * written here; see output.ts). Stages: parse each source (its registered parser) → merge partner
 * mentions across sources → assemble tables → reconcile stated totals (errata applied) → validate
 * every record against its schema → coverage per source.
 */
import { readManifest, type SourceMeta } from './manifest.ts';
import { SourceContext, type Problem } from './context.ts';
import { splitLines } from './text.ts';
import { PARSERS } from '../sources/registry.ts';
import type { ParseResult, PartnerMention } from '../sources/types.ts';
import { mergePartners } from './merge-partners.ts';
import { countryByCode } from './countries.ts';
import { HOMES, type HomeId } from './homes.ts';
import { unitsOf } from './units.ts';
import { readReference } from './reference.ts';
import { TABLES, type TableName, type Check, type Source, type Unit, type Country } from '../schema/records.ts';

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

export interface Validation {
  checks: Check[];
  unverifiable: { id: string; source: string; line: number; what: string; stated: number | string; reason: string }[];
  errata: (Erratum & { source: string; line: number; stated: number; computed: number })[];
  corrections: RecordErratum[];
  coverage: Record<string, Coverage>;
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

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byLine = (a: { source: { id: string; line: number } }, b: { source: { id: string; line: number } }) =>
  cmp(a.source.id, b.source.id) || a.source.line - b.source.line;

export function runPipeline(manifestPath: string): PipelineResult {
  const sources = readManifest(manifestPath);
  return runSources(sources);
}

export function runSources(sources: SourceMeta[]): PipelineResult {
  const contexts: SourceContext[] = [];
  const results: { meta: SourceMeta; ctx: SourceContext; result: ParseResult }[] = [];
  const pipelineErrors: Problem[] = [];

  for (const meta of sources) {
    const ctx = new SourceContext(meta, splitLines(meta.text));
    contexts.push(ctx);
    if (meta.expectedSha256 && meta.expectedSha256 !== meta.sha256) {
      pipelineErrors.push({ severity: 'error', source: meta.id, file: meta.file, line: 0, raw: '', message: `sha256 ${meta.sha256} differs from the manifest's ${meta.expectedSha256}: raw documents are never edited — add a new manifest entry for a new version` });
    }
    const parser = PARSERS[meta.kind];
    if (!parser) {
      pipelineErrors.push({ severity: 'error', source: meta.id, file: meta.file, line: 0, raw: '', message: `unknown kind "${meta.kind}" (known: ${Object.keys(PARSERS).sort().join(', ')})` });
      continue;
    }
    let result: ParseResult = {};
    try {
      result = parser(ctx);
    } catch (e) {
      pipelineErrors.push({ severity: 'error', source: meta.id, file: meta.file, line: 0, raw: '', message: `parser crashed: ${(e as Error).stack ?? e}` });
    }
    for (const n of ctx.unexplainedLines()) ctx.unaccounted(n);
    results.push({ meta, ctx, result });
  }

  // Record errata: printed values the document itself gets wrong, corrected with a reason.
  const recordErrata = readReference<RecordErratum[]>('record-errata.json');
  const draftsById = new Map(results.flatMap(({ result }) => (result.agreements ?? []).map((a) => [a.id, a] as const)));
  for (const e of recordErrata) {
    const a = draftsById.get(e.record);
    if (!a) {
      if (sources.some((s) => e.record.startsWith(`${s.id}-`))) pipelineErrors.push({ severity: 'error', source: '', file: 'data/reference/record-errata.json', line: 0, raw: e.record, message: `record erratum names no agreement of this run: ${e.record}` });
      continue;
    }
    if (JSON.stringify(a.countries) !== JSON.stringify(e.printed)) {
      pipelineErrors.push({ severity: 'error', source: a.source.id, file: 'data/reference/record-errata.json', line: a.source.line, raw: e.record, message: `record erratum is stale: ${e.record} has countries ${JSON.stringify(a.countries)}, the erratum expects ${JSON.stringify(e.printed)}` });
      continue;
    }
    a.countries = e.corrected;
    a.partner = { ...a.partner, country: e.corrected[0]! };
    a.corrections = [...(a.corrections ?? []), { field: e.field, printed: JSON.stringify(e.printed), reason: e.reason }];
  }

  // Partners across all sources.
  const mentions: PartnerMention[] = [];
  for (const { result: r } of results) {
    for (const a of r.agreements ?? []) mentions.push(a.partner);
    for (const p of r.programmes ?? []) mentions.push(p.partner);
    for (const d of r.degreeProgrammes ?? []) mentions.push(...d.partners);
    for (const s of r.strategicPartnerships ?? []) mentions.push(...s.members);
  }
  const merged = mergePartners(mentions);
  for (const e of merged.errors) pipelineErrors.push({ severity: 'error', source: '', file: 'data/reference', line: 0, raw: '', message: e });
  const pid = (m: PartnerMention) => merged.idOf.get(m)!;

  type Item<K extends keyof ParseResult> = NonNullable<ParseResult[K]>[number];
  const all = <K extends keyof ParseResult>(k: K): Item<K>[] => results.flatMap(({ result }) => (result[k] ?? []) as Item<K>[]);
  const agreements = all('agreements').map((a) => ({ ...a, partner: pid(a.partner) })).sort(byLine);
  const programmes = all('programmes').map((p) => ({ ...p, partner: pid(p.partner) })).sort(byLine);
  const degreeProgrammes = all('degreeProgrammes').map((d) => ({ ...d, partners: d.partners.map(pid) })).sort(byLine);
  const strategic = all('strategicPartnerships').map((s) => ({ ...s, members: s.members.map(pid) })).sort(byLine);
  const flows = all('flows').sort((a, b) => byLine(a, b) || cmp(a.direction, b.direction) || cmp(a.category, b.category));
  const conferences = all('conferences').sort(byLine);
  const visits = all('visits').sort(byLine);
  const callFacts = all('callFacts').sort((a, b) => byLine(a, b) || cmp(a.id, b.id));

  // Countries present in the data, with the region labels the sources give them.
  const codes = new Set<string>();
  for (const a of agreements) a.countries.forEach((c) => codes.add(c));
  for (const p of merged.partners) codes.add(p.country);
  for (const p of programmes) codes.add(p.country);
  for (const f of flows) if (f.country) codes.add(f.country);
  for (const v of visits) if (v.country) codes.add(v.country);
  const sourceRegions = new Map<string, Set<string>>();
  for (const { result } of results) for (const r of result.sourceRegions ?? []) {
    const s = sourceRegions.get(r.country) ?? new Set<string>();
    s.add(r.label);
    sourceRegions.set(r.country, s);
  }
  for (const a of agreements) if (a.regionLabel) for (const c of a.countries) {
    const s = sourceRegions.get(c) ?? new Set<string>();
    s.add(a.regionLabel);
    sourceRegions.set(c, s);
  }
  const countries: Country[] = [...codes].sort().map((code) => {
    const row = countryByCode(code);
    if (!row) throw new Error(`country code ${code} is not in data/reference/countries.json`);
    return { code, name: row.name, region: row.region, sourceRegions: [...(sourceRegions.get(code) ?? [])].sort() };
  });

  const homesUsed = [...new Set(sources.map((s) => s.home))].sort() as HomeId[];
  const units: Unit[] = homesUsed.flatMap((h) => {
    try {
      return unitsOf(h).map((u) => ({ id: u.id, home: h, name: u.name, ...(u.parent ? { parent: u.parent } : {}), kind: u.kind, ...(u.countedIn ? { countedIn: u.countedIn.unit, countedInReason: u.countedIn.reason } : {}) }));
    } catch (e) {
      pipelineErrors.push({ severity: 'error', source: '', file: `data/reference/units/${h}.json`, line: 0, raw: '', message: (e as Error).message });
      return [];
    }
  }).sort((a, b) => cmp(a.id, b.id));

  const sourceRows: Source[] = contexts.map(({ source: s, lineCount }) => ({
    id: s.id, home: s.home, kind: s.kind, title: s.title, publisher: s.publisher, asOf: s.asOf,
    ...(s.asOfNote ? { asOfNote: s.asOfNote } : {}),
    ...(s.fiscalYear !== undefined ? { fiscalYear: s.fiscalYear } : {}),
    file: s.file.split('/').pop()!, sha256: s.sha256, lineCount,
    ...(s.licence ? { licence: s.licence } : {}), ...(s.url ? { url: s.url } : {}),
  }));

  const tables: Tables = {
    sources: sourceRows,
    homes: HOMES.filter((h) => homesUsed.includes(h.id)),
    countries,
    units,
    partners: merged.partners,
    agreements,
    programmes,
    'degree-programmes': degreeProgrammes,
    'strategic-partnerships': strategic,
    flows,
    conferences,
    visits,
    'call-facts': callFacts,
  };

  // Schema validation of every record: a failure is a bug in a parser, reported like bad input.
  for (const [name, rows] of Object.entries(tables) as [TableName, unknown[]][]) {
    const schema = TABLES[name];
    rows.forEach((row) => {
      const r = schema.safeParse(row);
      if (!r.success) {
        const src = (row as { source?: { id: string; line: number } }).source;
        pipelineErrors.push({ severity: 'error', source: src?.id ?? '', file: name, line: src?.line ?? 0, raw: JSON.stringify(row).slice(0, 300), message: `${name} record fails its schema: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
      }
    });
  }

  // Reconciliation: stated vs computed, errata applied.
  const errataList = readReference<Erratum[]>('errata.json');
  const errata = new Map(errataList.map((e) => [e.check, e]));
  const usedErrata = new Set<string>();
  const checks: Check[] = [];
  const appliedErrata: Validation['errata'] = [];
  for (const ctx of contexts) for (const c of ctx.checks) {
    const id = `${c.source}:L${c.line}:${c.key}`;
    const e = errata.get(id);
    let status: Check['status'] = c.stated === c.computed ? 'ok' : e ? 'erratum' : 'error';
    if (e) {
      usedErrata.add(id);
      if (c.stated === c.computed) {
        pipelineErrors.push({ severity: 'error', source: c.source, file: 'data/reference/errata.json', line: c.line, raw: ctx.raw(c.line), message: `erratum for ${id} is stale: the check now passes` });
      } else appliedErrata.push({ ...e, source: c.source, line: c.line, stated: c.stated, computed: c.computed });
    }
    checks.push({ id, source: c.source, line: c.line, what: c.what, stated: c.stated, computed: c.computed, status, ...(status === 'erratum' ? { erratum: e!.reason } : {}) });
    if (status === 'error') ctx.problems.push({ severity: 'error', source: c.source, file: ctx.source.file, line: c.line, raw: ctx.raw(c.line), message: `stated ${c.what} ${c.stated} ≠ computed ${c.computed} (${id}); if the document is wrong, record an erratum in data/reference/errata.json` });
  }
  for (const e of errataList) if (!usedErrata.has(e.check) && sources.some((s) => e.check.startsWith(`${s.id}:`))) {
    pipelineErrors.push({ severity: 'error', source: '', file: 'data/reference/errata.json', line: 0, raw: e.check, message: `erratum names no check of this run: ${e.check}` });
  }
  const ids = new Set<string>();
  for (const c of checks) { if (ids.has(c.id)) pipelineErrors.push({ severity: 'error', source: c.source, file: c.source, line: c.line, raw: '', message: `duplicate check id ${c.id}` }); ids.add(c.id); }

  const problems = [...pipelineErrors, ...contexts.flatMap((c) => c.problems)];
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');

  const coverage: Record<string, Coverage> = {};
  const summaries: string[] = [];
  const recordCount = (id: string) =>
    Object.entries(tables).filter(([k]) => !['sources', 'homes', 'countries', 'units', 'partners'].includes(k))
      .reduce((n, [, rows]) => n + (rows as { source?: { id: string } }[]).filter((r) => r.source?.id === id).length, 0);
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
    const errs = errors.filter((p) => p.source === ctx.source.id).length;
    summaries.push(
      `${ctx.source.id.padEnd(16)} ${String(ctx.lineCount).padStart(5)} lines → ${String(recordCount(ctx.source.id)).padStart(4)} records; ` +
      `lines: ${cov.records} record, ${cov.checks} check, ${cov.layout} layout, ${cov.notes} note, ${cov.reported} reported, ${cov.unexplained} unexplained; ` +
      `checks ${mine.filter((c) => c.status === 'ok').length} ok / ${mine.filter((c) => c.status === 'erratum').length} erratum / ${mine.filter((c) => c.status === 'error').length} error; ` +
      `${errs} error(s), ${warnings.filter((p) => p.source === ctx.source.id).length} warning(s)`,
    );
  }

  const unverifiable = contexts.flatMap((c) => c.unverifiable.map((u) => ({ id: `${u.source}:L${u.line}:${u.key}`, source: u.source, line: u.line, what: u.what, stated: u.stated, reason: u.reason })));
  const validation: Validation = {
    checks: checks.sort((a, b) => cmp(a.source, b.source) || a.line - b.line || cmp(a.id, b.id)),
    unverifiable,
    errata: appliedErrata.sort((a, b) => cmp(a.check, b.check)),
    corrections: recordErrata.filter((e) => draftsById.has(e.record)),
    coverage,
    errors,
    warnings,
    summary: {
      records: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length])),
      checks: { ok: checks.filter((c) => c.status === 'ok').length, erratum: checks.filter((c) => c.status === 'erratum').length, error: checks.filter((c) => c.status === 'error').length },
      errors: errors.length,
      warnings: warnings.length,
    },
  };
  return { tables, validation, summaries, ok: errors.length === 0 };
}
