/**
 * (4) 国際会議等の開催: one conference per table row — name, dates ("2023/4/14 ~ 2023/4/15"),
 * format (オンサイト / オンライン / ハイブリッド), venue, hosts (主催又は共催), theme, and the
 * participation cell "参加国数/参加者数 (うち、本学教職員以外の外国人参加者数)", e.g.
 * "13か国/823人(823人)": 13 countries, 823 participants, 823 of them foreigners not on
 * Tsukuba's staff.
 *
 * The date cell anchors a row; the other cells are found by content around it (format words, the
 * 主催/共催 prefix of the hosts, the 人 of the participation cell), so a missing venue does not
 * shift the hosts into it. A line without a date cell continues a cell the extraction broke: its
 * pieces join the row above, column by column (right after a page header, the row below), but only
 * when every piece is plausible for the cell it continues (CELLS): names, venues, hosts and themes
 * go on with text, a date cell still reads as dates, a format stays one of the formats, the
 * participation cell stays figures. Any other line fits no shape and is reported, never joined.
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean, despace } from '../../lib/text.ts';
import { parseDate } from '../../lib/dates.ts';
import type { Conference } from '../../schema/records.ts';
import type { ParseResult } from '../types.ts';
import type { Section } from './index.ts';
import { cleanCells, isText, joinIfFits, joinWrapped, readFiscalYearCaption, sourceRef, type CellRule, type Sink } from './rows.ts';

/** A cell holding a date (the anchor of a row). */
const DATE_CELL = /\d{4}\s*[/.年]\s*\d{1,2}\s*[/.月]\s*\d{1,2}/;
const FORMAT_RE = /^(オンサイト|オンライン|ハイブリッド|対面|オンデマンド)$/;
/** Each format word in English (the record's `mode`). */
const MODE: Record<string, 'on-site' | 'online' | 'hybrid' | 'on-demand'> = { オンサイト: 'on-site', 対面: 'on-site', オンライン: 'online', ハイブリッド: 'hybrid', オンデマンド: 'on-demand' };
const HOSTS_RE = /^(主催|共催|後援)/;
const PARTICIPATION_RE = /\d\s*人|\d\s*[かカヶケ]国/;
const HEADER_RE = /^(会議名|開催期間|開催形態|参加国数)/;

/** One date, as the table writes it: "2023/4/14" (also "2023.4.14", "2023年4月14日"). */
const ONE_DATE = /^\d{4}\s*[/.年-]\s*\d{1,2}\s*[/.月-]\s*\d{1,2}\s*日?$/;
/** A piece of the participation cell: figures, か国 / 地域 / 人, brackets, slashes. */
const PARTICIPATION_PIECE = /^(?=.*\d)[\d\s,，.かカヶケ国地域・/／人()（）以上最低]+$/;

type Field = 'name' | 'dates' | 'format' | 'venue' | 'hosts' | 'theme' | 'participation';

/** True when a date cell (whole, or joined from broken pieces) is one date or "start ~ end" and nothing else. */
export function isDateCell(text: string): boolean {
  const parts = clean(text).split(/\s*[~〜～]\s*/).filter((p) => p !== '');
  return parts.length >= 1 && parts.length <= 2 && parts.every((p) => ONE_DATE.test(p));
}

/**
 * What each cell can be continued with on a line of its own: `fits` gets the piece and the cell
 * joined with it.
 */
const CELLS: Record<Field, CellRule> = {
  name: { cell: '会議名 (name)', expected: 'Japanese or Latin text', fits: (p) => isText(p) },
  dates: { cell: '開催期間 (dates)', expected: 'the rest of a date or "start ~ end" such as "2023/4/14 ~ 2023/4/15", nothing else', fits: (_, all) => isDateCell(all) },
  format: { cell: '開催形態 (format)', expected: 'one of オンサイト / オンライン / ハイブリッド / 対面 / オンデマンド', fits: (_, all) => FORMAT_RE.test(despace(all)) },
  venue: { cell: '会場 (venue)', expected: 'Japanese or Latin text', fits: (p) => isText(p) },
  hosts: { cell: '主催又は共催 (hosts)', expected: 'Japanese or Latin text', fits: (p) => isText(p) },
  theme: { cell: 'テーマ (theme)', expected: 'Japanese or Latin text', fits: (p) => isText(p) },
  participation: { cell: '参加国数/参加者数 (participation)', expected: 'figures such as "13か国/823人(823人)"', fits: (p) => PARTICIPATION_PIECE.test(p) },
};

interface Draft {
  lines: number[];
  /** Column index where each field starts, for joining the pieces of broken cells. */
  columns: { field: Field; at: number }[];
  parts: Record<Field, string[]>;
}

/** Participation figures of a cell such as "32か国・1地域/338人(158人)". */
export interface Participation {
  countries?: number;
  regions?: number;
  countriesAtLeast?: boolean;
  participants?: number;
  foreignParticipants?: number;
}

export function parseParticipation(text: string): Participation {
  const t = clean(text).replace(/[,，](?=\d{3})/g, '');
  const out: Participation = {};
  const countries = /(\d+)\s*[かカヶケ]国(以上)?/.exec(t);
  if (countries) {
    out.countries = Number(countries[1]);
    if (countries[2] || /最低/.test(t)) out.countriesAtLeast = true;
  }
  const regions = /(\d+)\s*地域/.exec(t);
  if (regions) out.regions = Number(regions[1]);
  const participants = /(?:^|[/／])\s*(\d+)\s*人/.exec(t) ?? /(\d+)\s*人(?![^(]*\))/.exec(t);
  if (participants) out.participants = Number(participants[1]);
  const foreign = /\(\s*(\d+)\s*人\s*\)/.exec(t);
  if (foreign) out.foreignParticipants = Number(foreign[1]);
  return out;
}

/** Start and end dates of a cell such as "2023/4/14 ~ 2023/4/15" (a single date is both). */
export function parseDateRange(text: string): { start?: string; end?: string; problem?: string } {
  const parts = clean(text).split(/\s*[~〜～]\s*/).filter((p) => p !== '');
  const dates = parts.map((p) => parseDate(p));
  const bad = dates.find((d) => !d.iso);
  if (parts.length === 0 || parts.length > 2 || bad) {
    return { problem: bad ? `"${bad.raw}": ${bad.problem}` : `expected one date or "start ~ end", got "${clean(text)}"` };
  }
  const start = dates[0]!.iso!;
  const end = dates[dates.length - 1]!.iso!;
  return end < start ? { start, end, problem: `the end date ${end} is before the start date ${start}` } : { start, end };
}

function fiscalYearBounds(fy: number): [string, string] {
  return [`${fy}-04-01`, `${fy + 1}-03-31`];
}

export function readConferences(ctx: SourceContext, s: Section, out: Sink): Conference[] {
  const drafts: Draft[] = [];
  let fiscalYear = ctx.source.fiscalYear;
  let leading: { line: number; cells: string[] }[] = [];
  let afterHeader = true;

  /** Joins the pieces of a line with no dates to row d, column by column, when each fits its cell. */
  const append = (d: Draft, line: number, cells: string[]) => {
    if (cells.length === 1) {
      out.error(line, 'fits no shape: one cell and no dates: expected a conference row, or the rest of broken cells in the columns of the row above');
      return;
    }
    const pieces = cells.flatMap((c, i) => (c === '' ? [] : [{ field: fieldAt(d, i), text: c }]));
    joinIfFits(out, d, line, pieces, CELLS, 'no date cell, so not a conference row');
  };

  for (let n = s.from; n <= s.to; n++) {
    if (ctx.raw(n).trim() === '') continue;
    const fy = readFiscalYearCaption(ctx, out, n);
    if (fy !== undefined) {
      fiscalYear = fy;
      continue;
    }
    const cells = cleanCells(ctx, n);
    if (cells.some((c) => HEADER_RE.test(despace(c)))) {
      out.layout(n, 'column labels');
      afterHeader = true;
      continue;
    }
    const dateIdx = cells.findIndex((c) => DATE_CELL.test(c));
    if (dateIdx < 0) {
      const prev = drafts[drafts.length - 1];
      if (prev && !afterHeader) append(prev, n, cells);
      else leading.push({ line: n, cells });
      continue;
    }
    const after = (i: number) => cells.map((c, j) => ({ c, j })).filter((x) => x.j > i && x.c !== '');
    const formatAt = after(dateIdx).find((x) => FORMAT_RE.test(despace(x.c)))?.j;
    const rest = after(formatAt ?? dateIdx);
    const participationAt = [...rest].reverse().find((x) => PARTICIPATION_RE.test(x.c))?.j;
    const hostsAt = rest.find((x) => HOSTS_RE.test(x.c) && (participationAt === undefined || x.j < participationAt))?.j;
    const columns: Draft['columns'] = [{ field: 'name', at: 0 }, { field: 'dates', at: dateIdx }];
    if (formatAt !== undefined) columns.push({ field: 'format', at: formatAt });
    const venueAt = (formatAt ?? dateIdx) + 1;
    if (hostsAt !== undefined) {
      if (venueAt < hostsAt) columns.push({ field: 'venue', at: venueAt });
      columns.push({ field: 'hosts', at: hostsAt });
      if (participationAt === undefined || hostsAt + 1 < participationAt) columns.push({ field: 'theme', at: hostsAt + 1 });
    } else {
      // No 主催/共催 cell: venue and theme by position.
      columns.push({ field: 'venue', at: venueAt });
      if (participationAt === undefined || venueAt + 1 < participationAt) columns.push({ field: 'theme', at: venueAt + 1 });
    }
    if (participationAt !== undefined) columns.push({ field: 'participation', at: participationAt });
    columns.sort((a, b) => a.at - b.at);
    const d: Draft = {
      lines: [n],
      columns,
      parts: { name: [], dates: [], format: [], venue: [], hosts: [], theme: [], participation: [] },
    };
    cells.forEach((c, i) => {
      if (c === '') return;
      const col = [...columns].reverse().find((x) => x.at <= i)!;
      d.parts[col.field].push(c);
    });
    for (const f of leading) append(d, f.line, f.cells);
    leading = [];
    drafts.push(d);
    afterHeader = false;
  }
  for (const f of leading) out.error(f.line, 'fits no shape: no date cell, so not a conference row, and no conference row to continue: expected a conference row (name, dates "2023/4/14 ~ 2023/4/15", format, venue, hosts, theme, participation)');
  return drafts.map((d) => finish(ctx, out, d, fiscalYear));
}

/** The field of row d whose column takes cell i (cells left of the first column go to the name). */
function fieldAt(d: Draft, i: number): Field {
  return ([...d.columns].reverse().find((x) => x.at <= i) ?? d.columns[0]!).field;
}

function finish(ctx: SourceContext, out: Sink, d: Draft, fiscalYear: number | undefined): Conference {
  const source = sourceRef(ctx, d.lines);
  const line = source.line;
  const text = (f: Field) => {
    const t = joinWrapped(d.parts[f]);
    return t === '' ? undefined : t;
  };
  const name = text('name');
  if (!name) out.warn(line, 'the conference has no name (会議名) cell');
  const dateRaw = text('dates') ?? '';
  const range = parseDateRange(dateRaw);
  if (range.problem) out.warn(line, `dates: ${range.problem}`);
  if (fiscalYear !== undefined && range.start && range.end) {
    const [from, to] = fiscalYearBounds(fiscalYear);
    for (const [what, iso] of [['start', range.start], ['end', range.end]] as const) {
      if (iso < from || iso > to) out.warn(line, `the ${what} date ${iso} falls outside fiscal year ${fiscalYear} (${from} – ${to})`);
    }
  }
  const participationRaw = text('participation');
  const p = participationRaw ? parseParticipation(participationRaw) : {};
  if (!participationRaw) out.warn(line, 'no participation cell (参加国数/参加者数)');
  else {
    if (p.countries === undefined) out.warn(line, `no number of countries (…か国) in "${participationRaw}"`);
    if (p.participants === undefined) out.warn(line, `no number of participants (…人) in "${participationRaw}"`);
    if (p.participants !== undefined && p.foreignParticipants !== undefined && p.foreignParticipants > p.participants) {
      out.warn(line, `more foreign participants (${p.foreignParticipants}) than participants (${p.participants})`);
    }
    if (p.participants !== undefined && p.countries !== undefined && p.countries > p.participants) {
      out.warn(line, `more countries (${p.countries}) than participants (${p.participants})`);
    }
  }
  if (!text('hosts')) out.warn(line, 'no 主催/共催 (hosts) cell');
  out.record(d.lines);
  const format = text('format');
  const mode = format ? MODE[despace(format)] : undefined;
  const venue = text('venue');
  const hosts = text('hosts');
  const theme = text('theme');
  return {
    id: `${ctx.source.id}-L${line}`,
    home: ctx.source.home,
    ...(fiscalYear !== undefined ? { fiscalYear } : {}),
    name: name ?? '',
    ...(range.start ? { startDate: range.start } : {}),
    ...(range.end ? { endDate: range.end } : {}),
    dateRaw,
    ...(format ? { format } : {}),
    ...(mode ? { mode } : {}),
    ...(venue ? { venue } : {}),
    ...(hosts ? { hosts } : {}),
    ...(theme ? { theme } : {}),
    ...p,
    ...(participationRaw ? { participantsRaw: participationRaw } : {}),
    source,
  };
}

export function parseConferences(ctx: SourceContext, s: Section): ParseResult {
  return { conferences: readConferences(ctx, s, ctx) };
}
