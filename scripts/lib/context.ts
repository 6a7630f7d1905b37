/**
 * Per-source bookkeeping: every line of a document ends up with a disposition (record, check,
 * note, layout or reported) and every problem names file, line and raw text. Parsers receive a
 * SourceContext and only parse; they never print or throw for bad input.
 */
import { splitCells } from './text.ts';
import type { SourceMeta } from './manifest.ts';

export type Disposition = 'record' | 'check' | 'note' | 'layout' | 'reported';
/** Order of precedence when one line has several dispositions: what the line became, first. */
const PRECEDENCE: Disposition[] = ['record', 'check', 'reported', 'note', 'layout'];

export type Severity = 'error' | 'warning';
export interface Problem {
  severity: Severity;
  source: string;
  file: string;
  line: number;
  raw: string;
  message: string;
}

/** A stated figure compared with the value recomputed from parsed records. */
export interface CheckInput {
  /** Short stable slug, unique within the line: becomes part of the check id. */
  key: string;
  line: number;
  what: string;
  stated: number;
  computed: number;
  /** Lines of the records that were summed (for the report). */
  from?: number[];
}

/** A stated figure the document gives no way to recompute. */
export interface UnverifiableInput {
  key: string;
  line: number;
  what: string;
  stated: number | string;
  reason: string;
}

export interface LineNote {
  line: number;
  text: string;
}

export class SourceContext {
  readonly source: SourceMeta;
  readonly lines: readonly string[];
  readonly problems: Problem[] = [];
  readonly checks: (CheckInput & { source: string })[] = [];
  readonly unverifiable: (UnverifiableInput & { source: string })[] = [];
  readonly notes: LineNote[] = [];
  private readonly marks: Set<Disposition>[];

  constructor(source: SourceMeta, lines: readonly string[]) {
    this.source = source;
    this.lines = lines;
    this.marks = lines.map(() => new Set<Disposition>());
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Raw text of 1-based line n. */
  raw(n: number): string {
    const t = this.lines[n - 1];
    if (t === undefined) throw new RangeError(`${this.source.file}: line ${n} does not exist (${this.lines.length} lines)`);
    return t;
  }

  /** Tab-separated cells of line n, untrimmed. */
  cells(n: number): string[] {
    return splitCells(this.raw(n));
  }

  private mark(lines: number | readonly number[], d: Disposition): void {
    for (const n of typeof lines === 'number' ? [lines] : lines) {
      const m = this.marks[n - 1];
      if (!m) throw new RangeError(`${this.source.file}: line ${n} does not exist`);
      m.add(d);
    }
  }

  /** The line(s) became (part of) a record. */
  record(lines: number | readonly number[]): void {
    this.mark(lines, 'record');
  }

  /** The line is page layout: header, title, page number, blank, column labels. */
  layout(lines: number | readonly number[], _why?: string): void {
    this.mark(lines, 'layout');
  }

  /** The line is prose kept as a note on the source (explanations, footnotes). */
  note(line: number, text?: string): void {
    this.mark(line, 'note');
    this.notes.push({ line, text: text ?? this.raw(line) });
  }

  /** A stated total/subtotal/count compared with the recomputed value. Marks the line as a check. */
  check(c: CheckInput): void {
    this.mark(c.line, 'check');
    this.checks.push({ ...c, source: this.source.id });
  }

  /** A stated figure that nothing in the document lets us recompute. */
  cannotVerify(u: UnverifiableInput): void {
    this.mark(u.line, 'check');
    this.unverifiable.push({ ...u, source: this.source.id });
  }

  /** A problem that stops the line from being read: the line is reported. */
  error(line: number, message: string): void {
    this.mark(line, 'reported');
    this.problems.push({ severity: 'error', source: this.source.id, file: this.source.file, line, raw: this.raw(line), message });
  }

  /** Reports a line nothing accounted for (the pipeline's job, after the parser ran). Stays unexplained in coverage. */
  unaccounted(line: number): void {
    this.problems.push({ severity: 'error', source: this.source.id, file: this.source.file, line, raw: this.raw(line), message: 'line not accounted for: no record, layout, check or note came from it' });
  }

  /** A problem worth reading that does not stop the record (compound date, odd spelling). */
  warn(line: number, message: string): void {
    this.problems.push({ severity: 'warning', source: this.source.id, file: this.source.file, line, raw: this.raw(line), message });
  }

  /** Disposition of line n, by precedence; blank lines are layout; undefined when unexplained. */
  dispositionOf(n: number): Disposition | undefined {
    const m = this.marks[n - 1]!;
    for (const d of PRECEDENCE) if (m.has(d)) return d;
    if (this.raw(n).trim() === '') return 'layout';
    return undefined;
  }

  /** Line numbers nothing accounted for. The pipeline reports each as an error. */
  unexplainedLines(): number[] {
    const out: number[] = [];
    for (let n = 1; n <= this.lines.length; n++) if (this.dispositionOf(n) === undefined) out.push(n);
    return out;
  }
}
