/**
 * The coverage entries (data/reference/coverage.json) are claims about the documents; these tests hold
 * them to the data the pipeline read (data/build): the levels an entry names are exactly the agreement
 * levels of its source's records, and every kind of relation it names has records from that source
 * (and no kind of record from the source goes unnamed). A new document without an entry is an error.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { coverageEntries, coverageOf, fill, type CoverageEntry } from './coverage.ts';

const BUILD = resolve(import.meta.dirname, '../../data/build');
const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(BUILD, `${name}.json`), 'utf8')) as T;
type Src = { id: string; kind: string; asOf: string; fiscalYear?: number; coverage?: ReturnType<typeof coverageOf> };
const sources = read<Src[]>('sources');
const TABLES = { agreement: 'agreements', 'strategic-partnership': 'strategic-partnerships', programme: 'programmes', flow: 'flows', 'degree-programme': 'degree-programmes', conference: 'conferences', visit: 'visits' } as const;
const fromSource = (table: string, id: string) => read<{ source: { id: string }; level?: string }[]>(table).filter((r) => r.source.id === id);

describe('coverage of each source', () => {
  it('every source in the dataset carries its coverage, in ja and en', () => {
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.coverage, s.id).toBeDefined();
      for (const f of ['short', 'covers', 'leavesOut'] as const) {
        expect(s.coverage![f].ja, `${s.id} ${f}.ja`).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
        expect(s.coverage![f].en, `${s.id} ${f}.en`).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u);
        expect(s.coverage![f].en + s.coverage![f].ja, `${s.id} ${f}: a placeholder left unfilled`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  for (const s of sources) {
    it(`${s.id}: the levels it names are the levels of its agreements`, () => {
      const levels = [...new Set(fromSource('agreements', s.id).map((a) => a.level!))].sort();
      expect([...s.coverage!.levels].sort()).toEqual(levels);
    });
    it(`${s.id}: the kinds of relation it names are the kinds of record read from it`, () => {
      const kinds = Object.entries(TABLES).filter(([, table]) => fromSource(table, s.id).length > 0).map(([k]) => k).sort();
      expect([...s.coverage!.relations].sort()).toEqual(kinds);
    });
  }

  it("Osaka's says where its list stops (the latest date in effect, L593 2021/8/31) in both languages", () => {
    const o = sources.find((s) => s.id === 'osaka-2021')!;
    expect(o.coverage!.short.en).toContain('Aug 2021');
    expect(o.coverage!.short.ja).toContain('2021年8月');
    expect(o.coverage!.levels).toEqual(['department']);
  });
});

describe('coverageOf', () => {
  const entries: CoverageEntry[] = [
    { kind: 'k', levels: [], relations: ['flow'], short: { ja: '{fy}の1年度分', en: 'one year ({fy}), as of {asOf}' }, covers: { ja: 'x', en: 'x' }, leavesOut: { ja: 'y', en: 'y' }, reason: 'test' },
    { source: 'own', levels: ['department'], relations: ['agreement'], short: { ja: '自分', en: 'own' }, covers: { ja: 'x', en: 'x' }, leavesOut: { ja: 'y', en: 'y' }, reason: 'test' },
  ];
  it('a new year of a known kind takes its kind’s entry, filled in for that year', () => {
    expect(coverageOf({ id: 'k-2025', kind: 'k', asOf: '2026-03-31', fiscalYear: 2025 }, entries).short).toEqual({ ja: '2025年度の1年度分', en: 'one year (FY2025), as of Mar 2026' });
  });
  it("a source's own entry wins over its kind's", () => {
    expect(coverageOf({ id: 'own', kind: 'k', asOf: '2020-01-01' }, entries).short.en).toBe('own');
  });
  it('a source with no entry is an error naming the file and the source', () => {
    expect(() => coverageOf({ id: 'new-doc', kind: 'unknown-kind', asOf: '2020-01-01' }, entries)).toThrow(/coverage\.json: no entry for source new-doc \(kind unknown-kind\)/);
  });
  it('a placeholder the source cannot fill is an error', () => {
    expect(() => fill('{fy}', { id: 'x', asOf: '2020-01-01' }, 'en')).toThrow(/\{fy\} cannot be filled for source x/);
  });
  it('every committed entry has a reason', () => {
    for (const e of coverageEntries()) expect(e.reason.length, e.source ?? e.kind).toBeGreaterThan(20);
  });
});
