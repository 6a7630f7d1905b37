/**
 * What the dataset page (/data/) and the validation report (/data/validation/) show, computed at
 * build time from data/build/: the data dictionary (every CSV column of every table with its type,
 * meaning, an example and the sources that fill it), file sizes, the changelog, and the
 * normalisation decisions of data/reference/. Pure apart from reading files.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flatten } from '../../scripts/lib/output.ts';
import { table } from './data.ts';

const BUILD = resolve(process.env.KORYU_DATA_DIR ?? 'data/build');

export interface TableField { name: string; type: string; format?: string; description?: string; constraints?: { required?: boolean; enum?: unknown[] } }
export interface Resource { name: string; path: string; description?: string; schema: { fields: TableField[]; primaryKey?: string | string[]; foreignKeys?: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[] } }
export interface DataPackage { name: string; title?: string; version: string; licenses?: { name: string; path?: string; title?: string }[]; resources: Resource[] }

export function dataPackage(): DataPackage {
  return JSON.parse(readFileSync(join(BUILD, 'datapackage.json'), 'utf8')) as DataPackage;
}

export function fileSize(path: string): number {
  return statSync(join(BUILD, path)).size;
}

export interface DictionaryRow extends TableField {
  /** the first value some record gives, as the CSV writes it */
  example?: string;
  /** ids of the sources whose records fill this column ('reference' for data/reference tables) */
  sources: string[];
  /** records that fill it */
  filled: number;
}

/** Sources behind the records of tables that carry no `source` of their own. */
function sourcesOfRecord(tableName: string, record: Record<string, unknown>, partnerSources: Map<string, Set<string>>): string[] {
  const src = record.source as { id?: string } | undefined;
  if (src?.id) return [src.id];
  if (tableName === 'partners') return [...(partnerSources.get(record.id as string) ?? [])].sort();
  if (tableName === 'sources') return [record.id as string];
  return ['reference'];
}

export function dictionary(pkg: DataPackage): Map<string, DictionaryRow[]> {
  // A partner is filled by the sources that mention it (agreements, programmes, …).
  const partnerSources = new Map<string, Set<string>>();
  const note = (id: string, s: string) => { const set = partnerSources.get(id) ?? new Set(); set.add(s); partnerSources.set(id, set); };
  for (const a of table<{ partner: string; partners?: string[]; source: { id: string } }>('agreements')) for (const x of a.partners ?? [a.partner]) note(x, a.source.id);
  for (const p of table<{ partner: string; source: { id: string } }>('programmes')) note(p.partner, p.source.id);
  for (const d of table<{ partners: string[]; source: { id: string } }>('degree-programmes')) for (const x of d.partners) note(x, d.source.id);
  for (const s of table<{ members: string[]; source: { id: string } }>('strategic-partnerships')) for (const x of s.members) note(x, s.source.id);

  const out = new Map<string, DictionaryRow[]>();
  for (const r of pkg.resources) {
    const rows = table<Record<string, unknown>>(r.name);
    const stats = new Map<string, { example?: string; sources: Set<string>; filled: number }>();
    for (const rec of rows) {
      const flat = flatten(rec);
      const srcs = sourcesOfRecord(r.name, rec, partnerSources);
      for (const [k, v] of Object.entries(flat)) {
        if (v === '') continue;
        const s = stats.get(k) ?? { sources: new Set<string>(), filled: 0 };
        s.example ??= String(v);
        s.filled++;
        for (const x of srcs) s.sources.add(x);
        stats.set(k, s);
      }
    }
    out.set(r.name, r.schema.fields.map((f) => {
      const s = stats.get(f.name);
      return { ...f, ...(s?.example !== undefined ? { example: s.example.length > 80 ? `${s.example.slice(0, 80)}…` : s.example } : {}), sources: [...(s?.sources ?? [])].sort(), filled: s?.filled ?? 0 };
    }));
  }
  return out;
}

/** The changelog (data/CHANGELOG.md) as blocks: headings, paragraphs, lists. Only what it uses. */
export type Block = { kind: 'h2' | 'p'; text: string } | { kind: 'ul'; items: string[] };
export function changelog(): Block[] {
  const text = readFileSync(resolve('data/CHANGELOG.md'), 'utf8');
  const blocks: Block[] = [];
  for (const chunk of text.split(/\n{2,}/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0 || lines[0]!.startsWith('# ')) continue;
    if (lines[0]!.startsWith('## ')) { blocks.push({ kind: 'h2', text: lines[0]!.slice(3) }); if (lines.length > 1) blocks.push({ kind: 'p', text: lines.slice(1).join(' ') }); continue; }
    if (lines[0]!.startsWith('- ')) {
      const items: string[] = [];
      for (const l of lines) if (l.startsWith('- ')) items.push(l.slice(2)); else items[items.length - 1] += ` ${l.trim()}`;
      blocks.push({ kind: 'ul', items });
      continue;
    }
    blocks.push({ kind: 'p', text: lines.join(' ') });
  }
  return blocks;
}

const readRef = <T,>(path: string): T => JSON.parse(readFileSync(resolve('data/reference', path), 'utf8')) as T;

/** The normalisation decisions the pipeline reads, each with its reason (data/reference/). */
export function decisions() {
  const units = ['tsukuba', 'hiroshima', 'osaka', 'utokyo', 'tmu'].flatMap((home) => {
    try {
      return readRef<{ repairs?: { label: string; unit: string; reason?: string }[] }>(`units/${home}.json`).repairs?.map((r) => ({ home, ...r })) ?? [];
    } catch { return []; }
  });
  return {
    countryAliases: readRef<{ label: string; code: string | null; reason: string }[]>('country-aliases.json'),
    unitRepairs: units,
    partnerAliases: readRef<{ country: string; names: string[]; reason: string }[]>('partner-aliases.json'),
    partnerDistinct: readRef<{ country: string; a: string; b: string; reason: string }[]>('partner-distinct.json'),
    partnerSpellings: readRef<{ country: string; printed: string; shown: string; reason: string }[]>('partner-spellings.json'),
    wholeNames: readRef<{ name: string; reason?: string }[]>('partner-whole-names.json'),
  };
}
