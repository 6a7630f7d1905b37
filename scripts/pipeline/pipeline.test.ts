/**
 * Invariants over the full output of the real manifest: what must hold for every record of every
 * table, whatever the documents say. Values come from the records themselves, never typed in.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import Papa from 'papaparse';
import { runPipeline, type PipelineResult } from './index.ts';
import { readIdentityReference } from './identify.ts';
import { toCsv, flatten } from '../lib/output.ts';
import { columnsOf } from '../lib/table-schema.ts';
import { MANIFEST, sourceMeta } from '../lib/testing.ts';
import { splitLines } from '../lib/text.ts';
import { resolveCountry } from '../lib/countries.ts';
import type { TableName } from '../schema/records.ts';

let r: PipelineResult;
type Rec = { source?: { id: string; line: number; lines?: number[] } } & Record<string, unknown>;
const rows = (t: string) => (r.tables as Record<string, Rec[]>)[t]!;
const linesOf = (id: string) => splitLines(sourceMeta(id).text);

beforeAll(() => {
  r = runPipeline(MANIFEST);
});

describe('the real sources', () => {
  it('every line of every source is accounted for', () => {
    for (const [id, c] of Object.entries(r.validation.coverage)) {
      expect(c.unexplained, id).toBe(0);
      expect(c.records + c.layout + c.checks + c.notes + c.reported + c.unexplained, id).toBe(c.lines);
      expect(c.lines, id).toBe(linesOf(id).length);
    }
  });
  it('has no errors and no failing check', () => {
    expect(r.validation.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([]);
    expect(r.validation.checks.filter((c) => c.status === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
  });
  it('every erratum explains a check whose stated and computed values differ', () => {
    for (const e of r.validation.errata) expect(e.stated).not.toBe(e.computed);
  });
  it('every record points at a real, non-blank line of its source', () => {
    for (const [t, list] of Object.entries(r.tables)) for (const rec of list as Rec[]) {
      if (!rec.source) continue;
      const lines = linesOf(rec.source.id);
      for (const n of rec.source.lines ?? [rec.source.line]) {
        expect(n, `${t} ${JSON.stringify(rec).slice(0, 120)}`).toBeLessThanOrEqual(lines.length);
        expect(lines[n - 1]!.trim(), `${t} line ${n}`).not.toBe('');
      }
      if (rec.source.lines) expect(rec.source.lines).toContain(rec.source.line);
    }
  });
  it('foreign keys resolve: agreement → partner → country, units, homes', () => {
    const partners = new Set(rows('partners').map((p) => p.id as string));
    const countries = new Set(rows('countries').map((c) => c.code as string));
    const units = new Set(rows('units').map((u) => u.id as string));
    const homes = new Set(rows('homes').map((h) => h.id as string));
    // a partner with no country is a network spanning countries (scope international)
    for (const p of rows('partners')) expect(p.country === null ? p.scope === 'international' : countries.has(p.country as string), p.id as string).toBe(true);
    for (const a of rows('agreements')) {
      expect(partners.has(a.partner as string)).toBe(true);
      expect((a.partners as string[])[0]).toBe(a.partner);
      for (const p of a.partners as string[]) expect(partners.has(p), `${a.id} ${p}`).toBe(true);
      expect(homes.has(a.home as string)).toBe(true);
      for (const c of a.countries as string[]) expect(countries.has(c)).toBe(true);
      for (const u of a.homeUnits as string[]) expect(units.has(u), `${a.id} ${u}`).toBe(true);
    }
    for (const p of rows('programmes')) expect(partners.has(p.partner as string)).toBe(true);
    for (const d of rows('degree-programmes')) for (const p of d.partners as string[]) expect(partners.has(p)).toBe(true);
    for (const s of rows('strategic-partnerships')) for (const p of s.members as string[]) expect(partners.has(p)).toBe(true);
    for (const f of rows('flows')) {
      if (f.unit) expect(units.has(f.unit as string), f.unit as string).toBe(true);
      if (f.country) expect(countries.has(f.country as string)).toBe(true);
    }
    for (const u of rows('units')) if (u.parent) expect(units.has(u.parent as string), u.id as string).toBe(true);
  });
  it('ids are unique in every table that has them', () => {
    for (const t of ['partners', 'agreements', 'programmes', 'units', 'countries', 'conferences', 'visits', 'degree-programmes', 'strategic-partnerships', 'call-facts']) {
      const ids = rows(t).map((x) => (x.id ?? x.code) as string);
      expect(new Set(ids).size, t).toBe(ids.length);
    }
  });
  it('a partner is one institution in one country; its aliases include its Japanese name, its English name is its reviewed identity\'s', () => {
    const entries = readIdentityReference().entries;
    for (const p of rows('partners')) {
      const name = p.name as { ja: string; en: string };
      expect(p.aliases as string[]).toContain(name.ja);
      const entry = entries.find((e) => e.id === p.id);
      expect(entry?.en, String(p.id)).toBe(name.en);
      expect(entry?.country).toBe(p.country);
    }
  });
  it('every country label that a flow keeps resolves to the flow\'s country', () => {
    for (const f of rows('flows')) if (f.countryLabel && f.country) expect(resolveCountry(f.countryLabel as string)).toBe(f.country);
  });
  it('flows are leaves: counts are non-negative integers and no category is a subtotal', () => {
    for (const f of rows('flows')) {
      expect(Number.isInteger(f.count) && (f.count as number) >= 0).toBe(true);
      expect(['subtotal', 'sum', '小計', '計', '合計']).not.toContain(f.category);
    }
  });
  it('a list value holding the CSV list separator "|" (or empty) is an error naming the row and its source line, never written ambiguously', () => {
    expect(flatten({ aliases: ['a', 'b'] })).toEqual({ aliases: 'a|b' });
    expect(() => toCsv([{ aliases: ['A|B', 'C'], source: { id: 'doc', line: 7 } }], ['aliases', 'source.id', 'source.line'])).toThrow(/row 0 \(doc line 7\): list aliases: the value "A\|B" holds "\|"/);
    expect(() => flatten({ aliases: ['a', ''] })).toThrow(/is empty/);
  });

  it('each CSV round-trips through papaparse to the flattened JSON records', () => {
    for (const [t, list] of Object.entries(r.tables) as [TableName, unknown[]][]) {
      const csv = toCsv(list, columnsOf(t));
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
      expect(parsed.errors, t).toEqual([]);
      expect(parsed.data.length, t).toBe(list.length);
      parsed.data.forEach((row, i) => {
        const flat = flatten(list[i]);
        for (const [k, v] of Object.entries(flat)) expect(row[k], `${t}[${i}].${k}`).toBe(String(v));
      });
    }
  });
});
