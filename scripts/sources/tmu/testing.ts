/** Test helpers for the TMU call parser: contexts over parts of the real document and over synthetic lines. */
import { SourceContext } from '../../lib/context.ts';
import { sourceMeta } from '../../lib/testing.ts';
import { splitLines } from '../../lib/text.ts';

export { expectGolden } from '../../lib/golden.ts';

export const SOURCE = 'tmu-2024-autumn';

/** Context over the given 1-based line ranges of the real call, every other line blanked. */
export function rangesContext(...ranges: [number, number][]): SourceContext {
  const meta = sourceMeta(SOURCE);
  const lines = splitLines(meta.text).map((l, i) => (ranges.some(([a, b]) => i + 1 >= a && i + 1 <= b) ? l : ''));
  return new SourceContext(meta, lines);
}

/** Context over the real call with `line` inserted at line `at` (the lines from `at` on move down one). */
export function insertedContext(at: number, line: string): SourceContext {
  const meta = sourceMeta(SOURCE);
  const lines = splitLines(meta.text);
  lines.splice(at - 1, 0, line);
  return new SourceContext(meta, lines);
}

/** Context over synthetic lines (tab-separated cells), under the real call's manifest entry. */
export function syntheticContext(lines: string[]): SourceContext {
  return new SourceContext(sourceMeta(SOURCE), lines);
}

/** What the context made of lines [from, to]: "n disposition" for every non-blank line. */
export function dispositions(ctx: SourceContext, from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) if (ctx.raw(n).trim() !== '') out.push(`${n} ${ctx.dispositionOf(n) ?? 'UNEXPLAINED'}`);
  return out;
}

export function problems(ctx: SourceContext): { severity: string; line: number; message: string }[] {
  return ctx.problems.map((p) => ({ severity: p.severity, line: p.line, message: p.message }));
}
