/**
 * (6) 海外大学とのダブル・ディグリー/ジョイント・ディグリー プログラム等一覧: two numbered tables,
 * double-degree programmes (【…ダブル・ディグリー・プログラム】) and joint-degree programmes
 * (【…ジョイント・ディグリー・プログラム（国際連携専攻）】). A row: No, the home programme
 * ("理工情報生命学術院 数理物質科学研究群 工学系の学位プログラム〔博士前期課程〕"), the partner
 * universities (one or more, separated by spaces: "国立台湾大学 ボルドー大学"), the form
 * (修士－修士, 博士－博士, 医学－博士; the joint table's 学位: 修士) and the start year.
 *
 * Start year. The table's footnote (※) says that a programme continuing from before the 2020
 * (令和2年度) graduate-school reorganisation gives, in brackets, its start year under the old
 * organisation: "R2 (H29)" is the current form since FY2020, first started in FY2017. Every year
 * is kept (startFiscalYears [2020, 2017]) and startFiscalYear is the earliest, 2017: the year the
 * programme first started.
 *
 * Partners' countries. The table names no countries. Each partner is looked up in this document's
 * own agreements table (3), which gives every partner's country: by name; a Korean "X大学" as the
 * table's "X大学校" (高麗大学 = 高麗大学校); a name whose leading country label the agreements table
 * misspells (ベトナム国家大学ホーチミン校 = バトナム国家大学ホーチミン校, row label バトナム = VN);
 * and a name that starts with a partner's name and goes on with one of its units
 * (マレーシア工科大学マレーシア日本国際工科院 → マレーシア工科大学, MY). A partner the agreements do
 * not name is an error: its country is never guessed.
 *
 * A line with no No continues cells the extraction broke, column by column, when each piece is
 * plausible for its cell (CELLS): Japanese text for the programme and the partners (the table writes
 * both in Japanese; a bracketed Latin abbreviation may follow a name), degree words for the
 * form, era years for the start year. Any other line fits no shape and is reported, never joined.
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean, despace } from '../../lib/text.ts';
import { eraYears } from '../../lib/dates.ts';
import { countryByCode } from '../../lib/countries.ts';
import { resolveUnit } from '../../lib/units.ts';
import { jaKey } from '../../lib/partners.ts';
import type { DegreeProgramme } from '../../schema/records.ts';
import type { DegreeProgrammeDraft, ParseResult, PartnerMention } from '../types.ts';
import { findSections, type Section } from './index.ts';
import { aliasOnly, partnerKind, readAgreements } from './agreements.ts';
import { cleanCells, isJapaneseName, joinIfFits, joinWrapped, readFiscalYearCaption, sourceRef, SILENT, type CellRule, type Sink } from './rows.ts';

/** A partner of the agreements table, with the keys its name can be looked up by. */
export interface KnownPartner {
  name: string;
  country: string;
  line: number;
  keys: string[];
}

/** The partners of this document's agreements table (read silently: (3) reports its own lines). */
export function knownPartners(ctx: SourceContext): KnownPartner[] {
  const s = findSections(ctx).agreements;
  if (!s) return [];
  return readAgreements(ctx, s, SILENT).map((a) => {
    const name = a.partner.ja ?? a.partnerName;
    const keys = new Set([jaKey(name), jaKey(a.partnerName)]);
    // The row's country label, when it is a misspelling mapped by country-aliases.json, may also
    // start the partner's name: look the name up with the country's own name too.
    const label = a.countryLabel;
    const code = a.countries[0];
    if (label && code && aliasOnly(label, code) && name.startsWith(label)) {
      const proper = countryByCode(code)?.name.ja;
      if (proper) keys.add(jaKey(proper + name.slice(label.length)));
    }
    return { name, country: a.partner.country, line: a.source.line, keys: [...keys] };
  });
}

export interface FoundPartner {
  /** The institution as the degree table writes it (without a unit). */
  name: string;
  unit?: string;
  country: string;
  /** Agreement line the country comes from. */
  line: number;
}

function only(candidates: KnownPartner[]): KnownPartner | 'ambiguous' | undefined {
  const countries = new Set(candidates.map((c) => c.country));
  if (countries.size > 1) return 'ambiguous';
  return candidates[0];
}

/** One institution name looked up in the agreements' partners (see the module comment). */
export function lookupPartner(known: KnownPartner[], text: string): FoundPartner | 'ambiguous' | undefined {
  const name = despace(text);
  const key = jaKey(name);
  const exact = only(known.filter((p) => p.keys.includes(key)));
  if (exact === 'ambiguous') return exact;
  if (exact) return { name, country: exact.country, line: exact.line };
  if (/大学$/.test(name)) {
    const korean = only(known.filter((p) => p.keys.includes(jaKey(`${name}校`))));
    if (korean === 'ambiguous') return korean;
    if (korean) return { name, country: korean.country, line: korean.line };
  }
  let best: { p: KnownPartner; k: string } | undefined;
  for (const p of known) {
    for (const k of p.keys) if (key.startsWith(k) && k.length < key.length && (!best || k.length > best.k.length)) best = { p, k };
  }
  if (!best) return undefined;
  const head = best.p.name;
  const rest = name.startsWith(head) ? name.slice(head.length).replace(/^[・\s]+/, '') : '';
  // A campus (…校) or a hospital is an institution of its own, not a unit.
  if (rest && !/校$/.test(rest) && !/(病院|医院)$/.test(rest)) return { name: head, unit: rest, country: best.p.country, line: best.p.line };
  return { name, country: best.p.country, line: best.p.line };
}

/** The partners of a cell: the whole cell as one institution, or one per space-separated name. */
export function lookupPartners(known: KnownPartner[], cell: string): { written: string; found: FoundPartner | 'ambiguous' | undefined }[] {
  const whole = clean(cell);
  const exact = known.some((p) => p.keys.includes(jaKey(whole)));
  const pieces = whole.split(/\s+/).filter((x) => x !== '');
  if (!exact && pieces.length > 1) {
    const each = pieces.map((w) => ({ written: w, found: lookupPartner(known, w) }));
    if (each.every((x) => x.found && x.found !== 'ambiguous')) return each;
  }
  return [{ written: whole, found: lookupPartner(known, whole) }];
}

const HEADER_RE = /^(No|主専攻|副専攻|専攻名|連携大学|形態|学位|開始年度)/i;
const UNIT_TOKEN = /(学術院|研究群|研究科)$/;

type Field = 'programme' | 'partners' | 'form' | 'start';

/** A form cell: degree words joined by dashes ("修士－修士", "医学－博士"), or one ("修士"). */
const FORM_CELL = /^(?=.*\p{Script=Han})[\p{Script=Han}\s\-－‐–—−・/()]+$/u;
/** The degree words of a form cell in English: 修士－修士 → Master's–Master's. A form with any other word gets none. */
const DEGREE_WORD: Record<string, string> = { 修士: "Master's", 博士: 'Doctoral', 医学: 'Medicine', 学士: "Bachelor's" };
export function formEnglish(form: string): string | undefined {
  const words = form.replace(/\s+/g, '').split(/[-－‐–—−]/);
  return words.every((w) => DEGREE_WORD[w]) ? words.map((w) => DEGREE_WORD[w]).join('–') : undefined;
}
/** A start-year cell: era years, the old organisation's in brackets ("R2 (H29)", "令和5年度"). */
const START_CELL = /^(\(?\s*(令和|平成|R|H)\s*(\d{1,2}|元)\s*(年度?)?\s*\)?\s*)+$/;

/** What each cell can be continued with on a line of its own: `fits` gets the piece and the cell joined with it. */
const CELLS: Record<Field, CellRule> = {
  programme: { cell: '主専攻 (programme)', expected: 'Japanese text (or a bracketed Latin name)', fits: (p) => isJapaneseName(p) },
  partners: { cell: '副専攻/連携大学 (partners)', expected: 'Japanese text (or a bracketed Latin name)', fits: (p) => isJapaneseName(p) },
  form: { cell: '形態 (form)', expected: 'degree words such as 修士－修士', fits: (_, all) => FORM_CELL.test(despace(all)) },
  start: { cell: '開始年度 (start year)', expected: 'era years such as "R2 (H29)"', fits: (_, all) => START_CELL.test(clean(all)) },
};
interface Draft {
  kind: DegreeProgramme['kind'];
  no: number;
  lines: number[];
  columns: { field: Field; at: number }[];
  parts: Record<Field, string[]>;
}

export function readDegreeProgrammes(ctx: SourceContext, s: Section, out: Sink, known: KnownPartner[]): DegreeProgrammeDraft[] {
  const drafts: Draft[] = [];
  const tables: { kind: DegreeProgramme['kind']; line: number; drafts: Draft[] }[] = [];
  let kind: DegreeProgramme['kind'] | undefined;

  for (let n = s.from; n <= s.to; n++) {
    const raw = ctx.raw(n);
    if (raw.trim() === '') continue;
    if (readFiscalYearCaption(ctx, out, n) !== undefined) continue;
    const t = clean(raw);
    if (/^【.*】$/.test(t)) {
      kind = /ジョイント/.test(t) ? 'joint' : /ダブル/.test(t) ? 'double' : undefined;
      if (kind) {
        out.layout(n, 'table title');
        tables.push({ kind, line: n, drafts: [] });
      } else out.error(n, 'a table title naming neither ダブル・ディグリー nor ジョイント・ディグリー');
      continue;
    }
    if (/^\([^\t]*\)$/.test(t) && !raw.includes('\t')) {
      out.layout(n, 'caption (ordering of the table)');
      continue;
    }
    if (/^※/.test(t)) {
      out.note(n);
      continue;
    }
    const cells = cleanCells(ctx, n);
    if (HEADER_RE.test(despace(cells[0] ?? '')) && cells.slice(1).some((c) => HEADER_RE.test(despace(c)))) {
      out.layout(n, 'column labels');
      continue;
    }
    if (!/^\d+$/.test(cells[0] ?? '')) {
      // Only a row of the current table can go on: a table title ends the one above.
      const prev = tables[tables.length - 1]?.drafts.at(-1);
      if (!prev || cells.length === 1) {
        out.error(n, 'fits no shape: expected a numbered programme row (No, programme, partners, form, start year) or the rest of its broken cells');
        continue;
      }
      append(out, prev, n, cells);
      continue;
    }
    if (!kind) {
      out.error(n, 'a programme row before any 【…ダブル・ディグリー…】 or 【…ジョイント・ディグリー…】 title');
      continue;
    }
    const filled = cells.map((c, i) => ({ c, i })).filter((x) => x.c !== '' && x.i > 0);
    if (filled.length < 4) {
      out.error(n, `a programme row with ${filled.length} cells after No: expected programme, partners, form and start year`);
      continue;
    }
    // From the right: start year, form, partners; everything before them is the programme.
    const [startAt, formAt, partnersAt] = [filled.at(-1)!.i, filled.at(-2)!.i, filled.at(-3)!.i];
    const columns: Draft['columns'] = [
      { field: 'programme', at: 1 },
      { field: 'partners', at: partnersAt },
      { field: 'form', at: formAt },
      { field: 'start', at: startAt },
    ];
    const d: Draft = { kind, no: Number(cells[0]), lines: [n], columns, parts: { programme: [], partners: [], form: [], start: [] } };
    for (const { c, i } of filled) d.parts[[...columns].reverse().find((x) => x.at <= i)!.field].push(c);
    drafts.push(d);
    tables[tables.length - 1]!.drafts.push(d);
  }

  const programmes = drafts.flatMap((d) => finish(ctx, out, d, known) ?? []);
  // The No column numbers each table's rows 1, 2, 3…: its last number is a stated count.
  for (const t of tables) {
    const last = t.drafts[t.drafts.length - 1];
    if (!last) continue;
    t.drafts.forEach((d, i) => {
      if (d.no !== i + 1) out.warn(d.lines[0]!, `No ${d.no} where the numbering expects ${i + 1}`);
    });
    const computed = programmes.filter((p) => p.kind === t.kind && t.drafts.some((d) => d.lines[0] === p.source.line)).length;
    out.check({ key: `${t.kind}-programmes`, line: last.lines[0]!, what: `(6) ${t.kind}-degree programmes: the last row's No`, stated: last.no, computed, from: t.drafts.map((d) => d.lines[0]!) });
  }
  return programmes;
}

/** Joins the pieces of a line with no No to row d, column by column, when each fits its cell. */
function append(out: Sink, d: Draft, line: number, cells: string[]): void {
  const fieldAt = (i: number) => ([...d.columns].reverse().find((x) => x.at <= i) ?? d.columns[0]!).field;
  const pieces = cells.flatMap((c, i) => (c === '' ? [] : [{ field: fieldAt(i), text: c }]));
  joinIfFits(out, d, line, pieces, CELLS, 'no No, so not a programme row');
}

function finish(ctx: SourceContext, out: Sink, d: Draft, known: KnownPartner[]): DegreeProgrammeDraft | undefined {
  const source = sourceRef(ctx, d.lines);
  const line = source.line;
  const programme = joinWrapped(d.parts.programme);
  const form = joinWrapped(d.parts.form);
  const startRaw = joinWrapped(d.parts.start);
  const years = eraYears(startRaw);
  if (years.length === 0) {
    out.error(line, `start year "${startRaw}" has no era year (R2, H29, 令和2…)`);
    return undefined;
  }
  const homeUnits: string[] = [];
  for (const token of programme.split(/\s+/)) {
    if (!UNIT_TOKEN.test(token)) continue;
    const ids = resolveUnit(ctx.source.home, token);
    if (ids) homeUnits.push(...ids.filter((id) => !homeUnits.includes(id)));
    else out.error(line, `unit "${token}" is not in data/reference/units/${ctx.source.home}.json`);
  }
  const partners: PartnerMention[] = [];
  const partnerNames: string[] = [];
  for (const { written, found } of lookupPartners(known, joinWrapped(d.parts.partners))) {
    if (!found) {
      out.error(line, `partner "${written}" is named by no row of the agreements table (3): its country is unknown`);
      continue;
    }
    if (found === 'ambiguous') {
      out.error(line, `partner "${written}" matches agreements in more than one country`);
      continue;
    }
    partners.push({ ja: found.name, country: found.country, kind: partnerKind(found.name), source });
    partnerNames.push(despace(written));
  }
  if (partners.length === 0) return undefined;
  out.record(d.lines);
  return {
    id: `${ctx.source.id}-L${line}`,
    kind: d.kind,
    home: ctx.source.home,
    programme,
    homeUnits,
    partners,
    partnerNames,
    form,
    ...(formEnglish(form) ? { formEn: formEnglish(form) } : {}),
    startFiscalYear: Math.min(...years),
    startFiscalYears: years,
    startRaw,
    source,
  };
}

export function parseDegreeProgrammes(ctx: SourceContext, s: Section): ParseResult {
  return { degreeProgrammes: readDegreeProgrammes(ctx, s, ctx, knownPartners(ctx)) };
}
