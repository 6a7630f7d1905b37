/**
 * Helpers shared by the list sections (3)–(6) of the Tsukuba chapter: where a reader sends what it
 * finds, the fiscal-year caption under each heading, and the joining of cells broken over lines.
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean } from '../../lib/text.ts';
import { eraYears } from '../../lib/dates.ts';

/**
 * What a section reader tells about lines. The SourceContext is one; SILENT is another, for a
 * second, look-up-only reading of a section (the degree programmes read the agreements table to
 * learn their partners' countries) that must not mark lines or report problems twice.
 */
export type Sink = Pick<SourceContext, 'record' | 'layout' | 'note' | 'warn' | 'error' | 'check' | 'cannotVerify'>;

export const SILENT: Sink = {
  record() {},
  layout() {},
  note() {},
  warn() {},
  error() {},
  check() {},
  cannotVerify() {},
};

/** Fiscal year of a caption such as "(令和5年度)", or undefined when the line is not one. */
export function fiscalYearCaption(text: string): number | undefined {
  const t = clean(text);
  if (!/^\((令和|平成|R|H)\s*(\d{1,2}|元)\s*年度\)$/.test(t)) return undefined;
  return eraYears(t)[0];
}

/**
 * Marks a fiscal-year caption as layout and returns its year, warning when it is not the fiscal
 * year the manifest gives the document. Undefined (nothing marked) when the line is not a caption.
 */
export function readFiscalYearCaption(ctx: SourceContext, out: Sink, n: number): number | undefined {
  const fy = fiscalYearCaption(ctx.raw(n));
  if (fy === undefined) return undefined;
  out.layout(n, 'fiscal-year caption');
  if (ctx.source.fiscalYear !== undefined && fy !== ctx.source.fiscalYear) {
    out.warn(n, `the section is captioned fiscal year ${fy}, the manifest gives the document fiscal year ${ctx.source.fiscalYear}`);
  }
  return fy;
}

const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々・、。「」〔〕]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々・、。「」〔〕]/u;

/**
 * Joins the pieces of a cell the extraction broke over lines: Japanese text runs on without a
 * space ("ヘル" + "スケア分野"), anything else keeps one ("Design the" + "Future",
 * "ドイツ学術交流会" + "(DAAD)").
 */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const p of parts.map(clean).filter((x) => x !== '')) {
    out = out === '' ? p : CJK_END.test(out) && CJK_START.test(p) ? out + p : `${out} ${p}`;
  }
  return out;
}

const JAPANESE_OR_LATIN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Latin}]/u;

/**
 * True when a piece of a broken name, title or free-text cell is text: it has Japanese or Latin
 * letters (the lists hold English titles too). Digits and signs alone ("%%%", "12") continue no
 * text cell.
 */
export function isText(piece: string): boolean {
  return JAPANESE_OR_LATIN.test(piece);
}

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const BRACKETED_LATIN = /^[(（][^()（）]*\p{Script=Latin}[^()（）]*[)）]$/u;

/**
 * True when a piece of a broken name the tables write in Japanese (a partner institution, one of
 * Tsukuba's programmes) can continue it: it has Japanese letters ("トンブリ校", "IPB大学"), or it
 * is a bracketed Latin alternate name or abbreviation ("(E-JUST)", "(HSE University)").
 */
export function isJapaneseName(piece: string): boolean {
  return JAPANESE.test(piece) || BRACKETED_LATIN.test(clean(piece));
}

/** A piece of a line that cannot continue the cell of the row above its column would join it to. */
export interface Misfit {
  piece: string;
  /** The cell it would continue, as the table labels it. */
  cell: string;
  /** What that cell can be continued with. */
  expected: string;
}

/**
 * Reports a line that is neither a row nor a plausible continuation of the row above: `what` says
 * why it is not a row, the misfits which of its pieces no cell of row `rowLine` can take. The line
 * is not joined to anything.
 */
export function reportMisfits(out: Sink, line: number, what: string, rowLine: number, misfits: readonly Misfit[]): void {
  const pieces = misfits.map((m) => `"${m.piece}" cannot continue its ${m.cell} cell (expected ${m.expected})`);
  out.error(line, `fits no shape: ${what}, and it is no continuation of the row of line ${rowLine}: ${pieces.join('; ')}`);
}

/** What a cell of a table can be continued with, for joinIfFits. */
export interface CellRule {
  cell: string;
  expected: string;
  fits: (piece: string, joined: string) => boolean;
}

/**
 * Joins the pieces of a continuation line to the row `d`, field by field, when every piece fits the
 * cell it continues (after joining); otherwise reports the line with reportMisfits and joins nothing.
 * `notARow` says why the line is not a row of its own.
 */
export function joinIfFits<F extends string>(
  out: Sink, d: { lines: number[]; parts: Record<F, string[]> }, line: number,
  pieces: readonly { field: F; text: string }[], rules: Record<F, CellRule>, notARow: string,
): void {
  const joined: Record<F, string[]> = { ...d.parts };
  const misfits: Misfit[] = [];
  for (const p of pieces) {
    joined[p.field] = [...joined[p.field], p.text];
    const { cell, expected, fits } = rules[p.field];
    if (!fits(p.text, joinWrapped(joined[p.field]))) misfits.push({ piece: p.text, cell, expected });
  }
  if (misfits.length > 0) {
    reportMisfits(out, line, notARow, d.lines[0]!, misfits);
    return;
  }
  d.lines.push(line);
  for (const p of pieces) d.parts[p.field].push(p.text);
}

/** The cells of line n, cleaned (NFKC, collapsed spaces), in their positions; empty cells stay. */
export function cleanCells(ctx: SourceContext, n: number): string[] {
  return ctx.cells(n).map(clean);
}

/** Source reference of a record spanning `lines` (sorted, the first is the record's line). */
export function sourceRef(ctx: SourceContext, lines: readonly number[]): { id: string; line: number; lines?: number[] } {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  return { id: ctx.source.id, line: sorted[0]!, ...(sorted.length > 1 ? { lines: sorted } : {}) };
}
