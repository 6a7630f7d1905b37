/**
 * The bench's synthetic dataset (synthetic-data.ts) on the real pipeline output, k = 3: every table
 * k times as long (shared reference tables once), copy 0 the real data unchanged, distinct ids and
 * names, and every partner reference pointing into its own copy. (The bench itself is not a test.)
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeSyntheticData, type SyntheticSummary } from './synthetic-data.ts';
import type { Agreement, Partner } from '../schema/records.ts';

const FROM = resolve(import.meta.dirname, '../../data/build');
const read = <T>(dir: string, t: string) => JSON.parse(readFileSync(join(dir, `${t}.json`), 'utf8')) as T[];

describe('synthetic k× dataset', () => {
  let out: string;
  let summary: SyntheticSummary;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'koryu-synthetic-'));
    summary = writeSyntheticData(FROM, out, 3);
  });

  it('repeats every record table k times and keeps the shared tables once', () => {
    for (const t of ['partners', 'agreements', 'programmes', 'degree-programmes', 'strategic-partnerships', 'flows', 'visits']) {
      expect(summary.rows[t], t).toBe(read(FROM, t).length * 3);
    }
    for (const t of ['homes', 'countries', 'units', 'sources']) expect(summary.rows[t], t).toBe(read(FROM, t).length);
  });

  it('keeps copy 0 as the real data and gives the others distinct ids, names and partner references', () => {
    const real = read<Partner>(FROM, 'partners');
    const partners = read<Partner>(out, 'partners');
    expect(partners.slice(0, real.length)).toEqual(real);
    const copy2 = partners[2 * real.length]!;
    expect(copy2.id).toBe(`${real[0]!.id}-x2`);
    expect(copy2.name.ja).toBe(`${real[0]!.name.ja} 3`);
    expect(new Set(partners.map((p) => p.name.ja + (p.reading ?? ''))).size).toBe(partners.length);

    const ids = new Set(partners.map((p) => p.id));
    const agreements = read<Agreement>(out, 'agreements');
    const n = agreements.length / 3;
    for (const [i, a] of agreements.entries()) {
      expect(ids.has(a.partner)).toBe(true);
      const copy = Math.floor(i / n);
      expect(a.partner.endsWith(`-x${copy}`), a.id).toBe(copy > 0);
    }
  });
});
