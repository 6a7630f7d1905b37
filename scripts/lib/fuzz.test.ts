/**
 * Fuzz: random deletions and corruptions of source lines never crash a parser and never make a
 * record vanish silently. After each mutation, every record of the unmutated run whose lines were
 * not touched must still be produced, unless the run reports the damage (a new error or warning, or a
 * check whose computed value changed), and an inserted line of garbage is always reported as an
 * error at its line. Seeded, so a failure reproduces.
 */
import { describe, it, expect } from 'vitest';
import { runSources, type PipelineResult } from '../pipeline/index.ts';
import { readManifest, type SourceMeta } from './manifest.ts';
import { MANIFEST } from './testing.ts';
import { splitLines } from './text.ts';

function mulberry32(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rec = { source?: { id: string; line: number; lines?: number[] } };
/** Records keyed by table + the raw text of every line they span (stable under line shifts). */
function recordKeys(r: PipelineResult, lines: string[], skip: (rec: Rec) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const [t, list] of Object.entries(r.tables)) for (const rec of list as Rec[]) {
    if (!rec.source || skip(rec)) continue;
    const k = `${t}|${(rec.source.lines ?? [rec.source.line]).map((n) => lines[n - 1]).join('\n')}`;
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}
const checkSig = (r: PipelineResult) => new Map(r.validation.checks.map((c) => [`${c.what}|${c.stated}`, c.computed]));

const MUTATIONS = ['delete', 'corrupt-cell', 'swap-cells', 'truncate', 'garbage', 'duplicate'] as const;

describe('fuzz', () => {
  const sources = readManifest(MANIFEST);
  for (const meta of sources) {
    it(`${meta.id}: 30 random mutations never crash and never drop a record silently`, () => {
      const rand = mulberry32([...meta.id].reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
      const lines = splitLines(meta.text);
      const base = runSources([meta]);
      const baseChecks = checkSig(base);
      const nonBlank = lines.map((l, i) => (l.trim() ? i + 1 : 0)).filter(Boolean);
      for (let k = 0; k < 30; k++) {
        const L = nonBlank[Math.floor(rand() * nonBlank.length)]!;
        const kind = MUTATIONS[Math.floor(rand() * MUTATIONS.length)]!;
        const mutated = [...lines];
        const cells = lines[L - 1]!.split('\t');
        const c = Math.floor(rand() * cells.length);
        switch (kind) {
          case 'delete': mutated.splice(L - 1, 1); break;
          case 'corrupt-cell': cells[c] = '###'; mutated[L - 1] = cells.join('\t'); break;
          case 'swap-cells': { const d = Math.floor(rand() * cells.length); [cells[c], cells[d]] = [cells[d]!, cells[c]!]; mutated[L - 1] = cells.join('\t'); break; }
          case 'truncate': mutated[L - 1] = cells.slice(0, c).join('\t'); break;
          case 'garbage': mutated.splice(L - 1, 0, 'qqq\tzzz\t%%%'); break;
          case 'duplicate': mutated.splice(L - 1, 0, lines[L - 1]!); break;
        }
        const m: SourceMeta = { ...meta, text: mutated.join('\n') + '\n' };
        let r: PipelineResult;
        expect(() => { r = runSources([m]); }, `${kind} at line ${L}`).not.toThrow();
        const crashed = r!.validation.errors.filter((e) => e.message.startsWith('parser crashed'));
        expect(crashed.map((e) => e.message.slice(0, 300)), `${kind} at line ${L}`).toEqual([]);
        if (kind === 'garbage') {
          // A line of no language at all is never a record, a layout line or a note: it is reported.
          const reported = r!.validation.errors.some((e) => e.source === meta.id && e.line === L && e.raw.includes('qqq'));
          expect(reported, `garbage line inserted at line ${L} was not reported`).toBe(true);
        }
        const touched = (rec: Rec) => (rec.source!.lines ?? [rec.source!.line]).some((n) => Math.abs(n - L) <= 1);
        const before = recordKeys(base, lines, touched);
        const after = recordKeys(r!, mutated, () => false);
        const missing = [...before].filter(([key, n]) => (after.get(key) ?? 0) < n).map(([key]) => key);
        if (missing.length === 0) continue;
        const signalled =
          r!.validation.errors.length > base.validation.errors.length ||
          r!.validation.warnings.length > base.validation.warnings.length ||
          [...checkSig(r!)].some(([key, v]) => baseChecks.get(key) !== v) || checkSig(r!).size !== baseChecks.size;
        expect(signalled, `${kind} at line ${L} dropped ${missing.length} record(s) silently, e.g. ${missing[0]!.slice(0, 160)}`).toBe(true);
      }
    });
  }
});
