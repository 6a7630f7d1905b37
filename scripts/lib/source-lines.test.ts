/**
 * Every record points at the line that prints it: for every record of every table (and every check
 * of the validation report), the line(s) its `source` names contain the record's key value as the
 * document prints it. Text is compared the way the pipeline cleans it (text.ts: NFKC, spaced-out
 * CJK joined; HTML stripped as the TMU parser does) and then without any whitespace or thousands
 * separator, so "1 , 1 5 6" cells, full-width digits and names broken over cells still match.
 * Numbers (counts) are compared as numbers, never as substrings: 10 is not found in "100".
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { runPipeline, type PipelineResult } from '../pipeline/index.ts';
import { MANIFEST, sourceMeta } from './testing.ts';
import { clean, despace, splitLines, stripHtml, cellsOf, parseCount } from './text.ts';
import type {
  TableName, Agreement, Programme, DegreeProgramme, StrategicPartnership, Flow, Conference, Visit, CallFact, Unit, SourceRef,
} from '../schema/records.ts';

/** A text as compared here: links unwrapped and tags stripped, cleaned and despaced, then no whitespace and no thousands separators. */
function printed(s: string): string {
  return despace(stripHtml(s.replace(/<(https?:\/\/[^\s<>]+)>/g, '$1')))
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/\s+/g, '');
}

/** Every number printed in a text: "1,156" → 1156, "１２" → 12, "2.5" → 2.5. */
function numbersIn(s: string): Set<number> {
  return new Set([...clean(stripHtml(s)).matchAll(/\d+(?:,\d{3})*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, ''))));
}

/** Counts of a table row as the parsers read them: one per tab-separated cell. */
function countCells(s: string): Set<number> {
  return new Set(cellsOf(s).map(parseCount).filter((n): n is number => n !== undefined));
}

/** A value to find on a record's lines: text (compared on `printed`), a number anywhere, or a count filling a cell. */
type Key = { text: string } | { number: number } | { cell: number };

interface Keyed<T> {
  /** What the key is, as the document prints it. */
  what: string;
  keys: (r: T) => Key[];
}

/** Tables whose records come from no single line: reference tables and the merged partners. */
const NO_SOURCE = ['sources', 'homes', 'countries', 'units', 'partners'] as const;

/** The key of every table whose records carry a `source`. */
const KEYS: { [K in Exclude<TableName, (typeof NO_SOURCE)[number]>]: Keyed<never> } = {
  agreements: {
    what: 'partnerName, the partner as printed; a line naming several parties (osaka "A (unit) / B (unit)") is joined with " / " by the parser, so each party is looked for',
    keys: (a: Agreement) => a.partnerName.split(' / ').map((text) => ({ text })),
  },
  programmes: { what: 'id, the course number', keys: (p: Programme) => [{ text: p.id }] },
  'degree-programmes': {
    what: 'partnerNames, every partner as printed (the home programme where none is kept)',
    keys: (d: DegreeProgramme) => (d.partnerNames ?? [d.programme]).map((text) => ({ text })),
  },
  'strategic-partnerships': { what: 'name, the partner or group as printed', keys: (s: StrategicPartnership) => [{ text: s.name }] },
  flows: { what: 'count, one cell of the row', keys: (f: Flow) => [{ cell: f.count }] },
  conferences: { what: 'name, the conference title', keys: (c: Conference) => [{ text: c.name }] },
  visits: { what: 'visitor, as printed', keys: (v: Visit) => [{ text: v.visitor }] },
  'call-facts': { what: 'raw, the text of the fact', keys: (f: CallFact) => [{ text: f.raw }] },
};

/**
 * Records whose line genuinely does not print their key, each with the reason ("<table> <record>
 * <key>" → why). None today: a record added here must say why its line lacks the key.
 */
const NOT_ON_THEIR_LINES: Record<string, string> = {};

let r: PipelineResult;
type Rec = { id?: string; source?: SourceRef } & Record<string, unknown>;
const rows = (t: string) => (r.tables as unknown as Record<string, Rec[]>)[t]!;
const documents = new Map<string, string[]>();
const linesOf = (id: string) => {
  if (!documents.has(id)) documents.set(id, splitLines(sourceMeta(id).text));
  return documents.get(id)!;
};
/** The text of the lines a source reference names, joined (a value may wrap from one line to the next). */
const textOf = (s: { id: string; line: number; lines?: number[] }) => (s.lines ?? [s.line]).map((n) => linesOf(s.id)[n - 1] ?? '').join('\n');

function found(key: Key, text: string): boolean {
  if ('text' in key) return printed(text).includes(printed(key.text));
  if ('number' in key) return numbersIn(text).has(key.number);
  return text.split('\n').some((l) => countCells(l).has(key.cell));
}
const show = (key: Key) => JSON.stringify('text' in key ? key.text : 'number' in key ? key.number : key.cell).slice(0, 60);

/** "<table> <record> <key>" of every key not found on its record's lines. */
function misses(table: string, list: readonly Rec[], keys: (r: never) => Key[]): string[] {
  const out: string[] = [];
  for (const [i, rec] of list.entries()) {
    for (const key of keys(rec as never)) {
      if (!found(key, textOf(rec.source!))) out.push(`${table} ${rec.id ?? `#${i} (${rec.source!.id} L${rec.source!.line})`} ${show(key)}`);
    }
  }
  return out;
}

beforeAll(() => {
  r = runPipeline(MANIFEST);
});

describe('the compared form', () => {
  it('printed(s) joins spaced-out CJK, folds full-width forms, drops whitespace and thousands separators', () => {
    expect(printed('人 文 ・ 文 化 学 群')).toBe(printed('人文・文化学群'));
    expect(printed('１，１５６人')).toBe('1156人');
    expect(printed('The  University\tof Tokyo')).toBe('TheUniversityofTokyo');
  });
  it('printed(s) reads HTML as the TMU parser does: tags stripped, <url> unwrapped, entities decoded', () => {
    expect(printed('<u>kibaco</u> &amp; <https://example.org/a>')).toBe('kibaco&https://example.org/a');
  });
  it('numbersIn(s) finds whole numbers, never a part of one', () => {
    expect([...numbersIn('2023/4/14 ~ 13か国/1,823人 (2.5)')]).toEqual([2023, 4, 14, 13, 1823, 2.5]);
    expect(numbersIn('100名').has(10)).toBe(false);
  });
  it('countCells(s) reads the counts of a row cell by cell', () => {
    expect([...countCells('\t人文・文化学群\t0\t1,156\t３\t計')]).toEqual([0, 1156, 3]);
  });
});

describe('every record sits on a line that prints its key', () => {
  it('every table is keyed, or carries no source', () => {
    const keyed = Object.keys(KEYS);
    expect(Object.keys(r.tables).sort()).toEqual([...keyed, ...NO_SOURCE].sort());
    for (const t of NO_SOURCE) expect(rows(t).filter((x) => x.source), t).toEqual([]);
    for (const t of keyed) {
      expect(rows(t).length, t).toBeGreaterThan(0);
      for (const x of rows(t)) expect(x.source, `${t} ${x.id}`).toBeDefined();
    }
  });
  for (const [table, k] of Object.entries(KEYS)) {
    it(`${table}: ${k.what}`, () => {
      const known = Object.keys(NOT_ON_THEIR_LINES).filter((x) => x.startsWith(`${table} `)).sort();
      expect(misses(table, rows(table), k.keys).sort()).toEqual(known);
    });
  }
  it('checks and unverifiable figures of the validation report: the stated figure is printed on the check\'s line', () => {
    const all = [...r.validation.checks, ...r.validation.unverifiable];
    expect(all.length).toBeGreaterThan(0);
    const bad = all.filter((c) => !found(typeof c.stated === 'number' ? { number: c.stated } : { text: c.stated }, textOf({ id: c.source, line: c.line })));
    expect(bad.map((c) => `${c.id} ${c.stated}`)).toEqual([]);
  });
  it('facts of a strategic partnership: the clause is printed over lines that include the fact\'s line', () => {
    const bad: string[] = [];
    for (const s of rows('strategic-partnerships') as unknown as StrategicPartnership[]) {
      const lines = s.source.lines ?? [s.source.line];
      // Offsets of each line in the joined, compared text, to tell on which lines the clause sits.
      let text = '';
      const starts: number[] = [];
      for (const n of lines) { starts.push(text.length); text += printed(linesOf(s.source.id)[n - 1] ?? ''); }
      for (const f of s.facts ?? []) {
        if (!f.raw) continue;
        const at = text.indexOf(printed(f.raw));
        const i = lines.indexOf(f.line);
        const from = starts[i] ?? -1, to = i + 1 < starts.length ? starts[i + 1]! : text.length;
        if (at < 0 || i < 0 || at >= to || at + printed(f.raw).length <= from) bad.push(`${s.id} L${f.line} ${f.raw.slice(0, 40)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('fields kept as written are printed on the record\'s lines too', () => {
  const units = () => new Map((rows('units') as unknown as Unit[]).map((u) => [u.id, u]));
  const asWritten: { [table: string]: (x: never) => (string | number | undefined)[] } = {
    agreements: (a: Agreement) => [a.partnerUnit, a.homeUnitsRaw, a.dateRaw, a.tuitionWaiver?.raw, a.fields],
    programmes: (p: Programme) => [p.partnerName.ja, p.partnerName.en, p.places.raw],
    'degree-programmes': (d: DegreeProgramme) => [d.programme, d.form, d.startRaw],
    conferences: (c: Conference) => [c.dateRaw, c.participantsRaw],
    visits: (v: Visit) => [v.count, v.persons],
  };
  for (const [table, fields] of Object.entries(asWritten)) {
    it(table, () => {
      const keys = (x: never) => fields(x).filter((v) => v !== undefined).map((v): Key => (typeof v === 'number' ? { number: v } : { text: v }));
      expect(misses(table, rows(table), keys)).toEqual([]);
    });
  }
  it('flows: the row names the country (as printed) or the unit (its Japanese name)', () => {
    const byId = units();
    const keys = (f: Flow): Key[] => [{ text: f.countryLabel ?? byId.get(f.unit ?? '')?.name.ja ?? `no country or unit: ${JSON.stringify(f)}` }];
    expect(misses('flows', rows('flows'), keys as (x: never) => Key[])).toEqual([]);
  });
});
