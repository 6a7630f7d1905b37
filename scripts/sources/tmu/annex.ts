/**
 * The annex table of TMU's exchange call: "学生交換協定に基づく派遣学生募集対象大学一覧" — one programme
 * per course number. The whole table is read first (rows and the rows that continue them), then
 * each programme is built, so places shared between courses can be checked both ways.
 *
 * A row: name (Japanese and English), country, places, course number, 【再募集】 mark, course type,
 * eligible levels, language of instruction, then the requirement cells (see cells.ts), the web
 * pages and notes. A record may continue on the next lines: the English name and a 大学院 row with
 * the graduate values (lines 496–505 of tmu-2024-autumn), or a spill line under the row (line 519).
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean, despace, extractLinks, stripHtml } from '../../lib/text.ts';
import { resolveCountry } from '../../lib/countries.ts';
import { institutionKind, splitPartnerUnit, splitTrailingGroup } from '../../lib/partners.ts';
import type { ProgrammeDraft } from '../types.ts';
import { assignZone, endsRequirements, isLabelOnly, type Assignment, type ZoneCell } from './cells.ts';
import { COURSE_CELL, closePools, parsePlaces, type Places } from './places.ts';
import { cellText, isNoneWord, notedRequirements, oneSkillRetake, parseRequirement, splitLevels, type Eligible, type Level, type Requirement, type Test } from './requirements.ts';
import { parseHomeUnits } from './home-units.ts';
import { junkIn } from './shapes.ts';

export interface Row {
  line: number;
  cells: string[];
}

/** A programme's lines: the row with its course number and the rows that continue it. */
export interface RecordRows {
  main: Row;
  cont: Row[];
}

const HEADER = /^大学名/;
const PAGE_NOTE = /^※\s*【再募集】欄/;
const LANGUAGE_CELL = /^[A-Z][a-z]+(?:\s*(?:\/|,|&|and|・)\s*[A-Z][a-z]+)*$/;
const COURSE_TYPE = /正規|語学/;
const LEVEL_CELL = /^(学部|大学院)(?:\s*([○×]))?$/;

/** A line of the table that is its header (大学名 … / the sub-header with IELTS, TOEFL). */
export function isHeader(cells: string[]): boolean {
  const first = clean(cells[0] ?? '');
  if (HEADER.test(first) && cells.some((c) => /国・地域/.test(c))) return true;
  return first === '' && cells.some((c) => /^IELTS$/.test(clean(c))) && cells.some((c) => /^TOEFL/i.test(clean(c)));
}

function isTableRow(cells: string[]): boolean {
  return cells.length >= 8;
}

export function courseIndex(cells: string[]): number {
  return cells.findIndex((c, i) => i < 6 && COURSE_CELL.test(clean(c)));
}

/** A line that belongs to the annex by its shape: a page note, a header, a row with a course number, a table row. */
function isAnnexLine(ctx: SourceContext, n: number): boolean {
  const cells = ctx.cells(n);
  return PAGE_NOTE.test(clean(ctx.raw(n))) || isHeader(cells) || courseIndex(cells) >= 0 || isTableRow(cells);
}

/** At most this many non-blank lines of another shape inside the annex are read as damage in it. */
const MAX_GAP = 3;

/**
 * Lines of the annex table: from its first header (with the page notes and blank lines just
 * before it) to the last line that is a header, a page note, a row or a line continuing one. A few
 * lines of another shape between two lines of the table (a stray line, a row cut short) stay in
 * it, to be reported there; the table ends where no line of it follows.
 */
export function findAnnex(ctx: SourceContext): { from: number; to: number } | undefined {
  let header = 0;
  for (let n = 1; n <= ctx.lineCount && !header; n++) if (isHeader(ctx.cells(n))) header = n;
  if (!header) return undefined;
  let from = header;
  for (let n = header - 1; n >= 1; n--) {
    const t = clean(ctx.raw(n));
    if (t === '' || PAGE_NOTE.test(t)) from = n;
    else break;
  }
  while (clean(ctx.raw(from)) === '') from++;
  let to = header;
  let gap = 0;
  for (let n = header + 1; n <= ctx.lineCount && gap <= MAX_GAP; n++) {
    if (clean(ctx.raw(n)) === '') continue;
    if (isAnnexLine(ctx, n)) {
      to = n;
      gap = 0;
    } else gap++;
  }
  return { from, to };
}

const PAGE_NUMBER = /^[-–—\s]*\d{1,3}[-–—\s]*$/;

/** Labels of the table's header, as cells: a line with two of them, or only them, is a header (damaged). */
const HEADER_LABEL = /^(?:大学名.*|国・地域|募集枠数.*|大学別\s*コース番号|【再募集】|コース\s*設定|Eligibility|受講言語|成績要件|語学要件|派遣先情報|その他.*|IELTS|TOEFL\s*i?BT|英語以外の言語|.*注意事項等?|概要ページ\s*URL|派遣先学年度?\s*URL|科目ページ\s*URL)$/i;
const LEVEL_LABEL = /^(?:学部|大学院)(?:\s+(?:学部|大学院))*$/;

/**
 * Why a line cannot continue the row above, if it cannot. A continuation is a table line (8 cells
 * or more) that carries the rest of a record: in the name column the English name (Latin words) or
 * the end of a Japanese name, then level labels with their marks, scores, "-", notes and URLs. It is
 * not a header (cells such as 国・地域, IELTS, 概要ページ URL), not a row of its own (a country or a
 * number of places beside the name, a course number), it carries more than level labels, and no
 * cell holds a token of no language.
 */
export function continuationProblem(cells: string[]): string | undefined {
  if (!isTableRow(cells)) return `${cells.length} cells where a line of the table has 8 or more`;
  const filled = cells.map((c) => clean(stripHtml(c.replace(/<<|>>/g, ' ')))).filter((c) => c !== '');
  if (filled.length === 0) return 'no cell holds anything';
  for (const c of filled) {
    const junk = junkIn(c);
    if (junk !== undefined) return `the cell "${c.slice(0, 40)}" holds "${junk.slice(0, 20)}", no word, value or link of the table`;
  }
  const labels = filled.filter((c) => HEADER_LABEL.test(c)).length;
  if (labels >= 2 || labels === filled.length) return 'its cells are labels of the table\'s header, out of their order or cut short';
  const course = cells.findIndex((c) => COURSE_CELL.test(clean(c)));
  if (course >= 0) return `the course number ${clean(cells[course]!)} stands in cell ${course + 1}, past the cells where a row has it`;
  if (cells.slice(1, 3).some((c) => clean(c) !== '' && (resolveCountry(clean(c)) !== undefined || /semester|spots?|students?/i.test(c)))) {
    return 'a country or a number of places beside the name: a row of its own, without its course number';
  }
  const name = clean(cells[0] ?? '');
  if (name !== '' && !/^[A-Z"“(]/.test(name) && !/大学|学院|校/.test(name)) return `the first cell "${name.slice(0, 40)}" is no university name (the English name, or the end of the Japanese one)`;
  if (filled.every((c) => LEVEL_LABEL.test(c))) return 'it holds level labels (学部, 大学院) and nothing they label';
  return undefined;
}

/** Reads the table's lines into records; headers and page notes are marked on the way. */
export function readRows(ctx: SourceContext, from: number, to: number): RecordRows[] {
  const out: RecordRows[] = [];
  let noted = false;
  for (let n = from; n <= to; n++) {
    const t = clean(ctx.raw(n));
    if (t === '') continue;
    const cells = ctx.cells(n);
    if (PAGE_NOTE.test(t)) {
      // The same note heads every page of the annex: kept once, the repeats are page furniture.
      if (noted) ctx.layout(n, 'repeated page note');
      else ctx.note(n);
      noted = true;
      continue;
    }
    if (isHeader(cells)) {
      ctx.layout(n, 'table header');
      continue;
    }
    if (courseIndex(cells) >= 0) {
      out.push({ main: { line: n, cells }, cont: [] });
      continue;
    }
    if (cells.length === 1 && PAGE_NUMBER.test(t)) {
      ctx.layout(n, 'page number');
      continue;
    }
    const last = out[out.length - 1];
    const problem = continuationProblem(cells);
    if (problem || !last) {
      const expected = 'expected in the annex a row with a course number (8 digits, e.g. 10107001), a line continuing the row above, a page note (※【再募集】欄…) or the table header';
      ctx.error(n, `fits no shape: ${problem ?? 'a continuation line before any row'}; ${expected}`);
      continue;
    }
    last.cont.push({ line: n, cells });
  }
  return out;
}

const ASCII_START = /^(.*?[^\x00-\x7F])\s+([A-Za-z"“].*)$/;

/** "タマサート大学 Thammasat University" → { ja, en }; a Latin-only or Japanese-only cell gives one. */
export function splitNames(text: string): { ja?: string; en?: string } {
  const t = clean(text);
  if (t === '') return {};
  if (!/[^\x00-\x7F]/.test(t.replace(/[äöüåéèêáíóúñłńśźżčřšž’]/gi, ''))) return { en: t };
  const m = ASCII_START.exec(t);
  if (m) return { ja: despace(m[1]!), en: clean(m[2]!) };
  return { ja: despace(t) };
}

/** The row's leading cells (before the course number), classified by content. */
function leading(row: Row, ci: number): { name: string; countryLabel?: string; country?: string; places?: string } {
  const out: { name: string; countryLabel?: string; country?: string; places?: string } = { name: '' };
  for (const c of row.cells.slice(0, ci)) {
    const t = clean(c);
    if (t === '') continue;
    const code = out.country ? undefined : resolveCountry(t);
    if (code) {
      out.country = code;
      out.countryLabel = t;
    } else if (!out.places && /semester|spots?|students?|agreement|per\b/i.test(t)) out.places = t;
    else if (!out.name) out.name = t;
    else if (!out.countryLabel) out.countryLabel = t;
  }
  return out;
}

interface Levels {
  undergraduate?: boolean;
  graduate?: boolean;
  /** Levels listed without a ○/× mark. */
  unmarked: string[];
  /** Levels given twice with different marks. */
  conflicts: string[];
}

/** Eligibility text ("学部 ○ 大学院 ×", "学部 大学院", "学部") into levels. */
export function readLevels(text: string, into: Levels = { unmarked: [], conflicts: [] }): Levels {
  for (const m of clean(text).matchAll(/(学部|大学院)\s*([○×〇])?/g)) {
    const key = m[1] === '学部' ? 'undergraduate' : 'graduate';
    const value = m[2] ? m[2] !== '×' : true;
    if (!m[2]) into.unmarked.push(m[1]!);
    if (into[key] !== undefined && into[key] !== value) into.conflicts.push(`${m[1]} ${m[2] ?? ''}`.trim());
    else into[key] ??= value;
  }
  return into;
}

interface MainCells {
  line: number;
  names: { ja?: string; en?: string };
  countryLabel?: string;
  country?: string;
  places?: string;
  course: string;
  reRecruitment: boolean;
  courseType: string;
  eligibility: string;
  splitLabels: boolean;
  language: string;
  zone: ZoneCell[];
  rest: string[];
}

/** The main row's cells by content; undefined (with an error) when a cell the row needs is missing. */
function readMain(ctx: SourceContext, row: Row): MainCells | undefined {
  const { cells, line } = row;
  const ci = courseIndex(cells);
  const lead = leading(row, ci);
  const course = clean(cells[ci]!);
  const ti = cells.findIndex((c, i) => i > ci && COURSE_TYPE.test(c));
  if (ti < 0) {
    ctx.error(line, `course ${course}: expected a course type (正規課程, 語学のみ, 語学 + 正規課程) after the course number`);
    return undefined;
  }
  const li = cells.findIndex((c, i) => i > ti && LANGUAGE_CELL.test(clean(c)));
  if (li < 0) {
    ctx.error(line, `course ${course}: expected the language of instruction (English, Chinese…) after the eligibility cell`);
    return undefined;
  }
  const elig = cells.slice(ti + 1, li).map(clean).filter((c) => c !== '');
  const splitLabels = elig.some((c, i) => /^(学部|大学院)$/.test(c) && /^[○×〇]$/.test(elig[i + 1] ?? ''));
  let end = li + 1;
  while (end < cells.length && !endsRequirements(cells[end]!)) end++;
  return {
    line,
    names: splitNames(lead.name),
    ...(lead.countryLabel !== undefined ? { countryLabel: lead.countryLabel } : {}),
    ...(lead.country !== undefined ? { country: lead.country } : {}),
    ...(lead.places !== undefined ? { places: lead.places } : {}),
    course,
    reRecruitment: cells.slice(ci + 1, ti).some((c) => /[●◯○]/.test(c)),
    courseType: clean(cells[ti]!),
    eligibility: elig.join(' '),
    splitLabels,
    language: clean(cells[li]!),
    zone: cells.slice(li + 1, end).map((text, k) => ({ col: li + 1 + k, text })),
    rest: cells.slice(end),
  };
}

interface ContCells {
  line: number;
  name?: string;
  level?: { label: string; mark?: string };
  zone: ZoneCell[];
  rest: string[];
}

/** A continuation line: maybe the English name, maybe a level cell (学部/大学院 with its mark), values. */
function readCont(row: Row): ContCells {
  const { cells, line } = row;
  const out: ContCells = { line, zone: [], rest: [] };
  const first = clean(cells[0] ?? '');
  if (first !== '') out.name = first;
  const ei = cells.findIndex((c, i) => i >= 1 && LEVEL_CELL.test(clean(c)));
  let start = 1;
  if (ei >= 0) {
    const m = LEVEL_CELL.exec(clean(cells[ei]!))!;
    out.level = { label: m[1]!, ...(m[2] ? { mark: m[2] } : {}) };
    start = ei + 1;
  }
  let end = start;
  while (end < cells.length && !endsRequirements(cells[end]!)) end++;
  out.zone = cells.slice(start, end).map((text, k) => ({ col: start + k, text }));
  out.rest = cells.slice(end);
  return out;
}

const TESTS: Test[] = ['gpa', 'ielts', 'toefl', 'other'];

/** The text of a requirement composed from the main row and a continuation row for another level. */
function compose(main: string, cont: string | undefined, contLevel: string | undefined, mainLevel: string | undefined): string {
  if (!cont || isLabelOnly(cont) || !contLevel) return main;
  const value = cont.replace(/^(?:学部|大学院)\s*/, '').trim();
  const mainSegments = splitLevels(main);
  const labelled = mainSegments.some((s) => s.level);
  const levelKey = contLevel === '学部' ? 'undergraduate' : 'graduate';
  if (labelled && isNoneWord(value) && mainSegments.some((s) => s.level === levelKey && s.text)) return main;
  if (labelled) return `${main} ${contLevel} ${value}`.trim();
  const head = isLabelOnly(main) || main === '' ? '' : main;
  if (mainLevel && mainLevel !== contLevel) return `${mainLevel} ${head} ${contLevel} ${value}`.replace(/\s+/g, ' ').trim();
  return `${head} ${contLevel} ${value}`.trim();
}

/**
 * A URL the extraction broke after a hyphen: "https://www.mun.ca/regoff/visiting-students- inbound/"
 * (line 517). Only a URL ending in "-" followed by a path fragment (no space, ending in "/" or
 * holding a "/" or ".") is joined; any other space inside a URL is left as it is.
 */
export function joinBrokenUrls(s: string): string {
  return s.replace(/(https?:\/\/\S*-)\s+([\w\-.~%]+(?:\/[\w\-.~%/?=&#]*)?)(?=\s|$|<)/g, (m, url: string, rest: string) =>
    /\/|\./.test(rest) ? `${url}${rest}` : m);
}

function notesFrom(texts: string[]): string[] {
  const out: string[] = [];
  for (const raw of texts) {
    const t = cellText(raw);
    const words = t.replace(/https?:\/\/\S+/g, '').replace(/学部|大学院/g, '').replace(/[-\s:;,.。]/g, '');
    if (words === '' || out.includes(t)) continue;
    out.push(t);
  }
  return out;
}

interface ReadRecord {
  rec: RecordRows;
  main: MainCells;
  cont: ContCells[];
  places: Places;
}

/** Builds the programme drafts of the table. */
export function buildProgrammes(ctx: SourceContext, records: RecordRows[]): ProgrammeDraft[] {
  const read: ReadRecord[] = [];
  for (const rec of records) {
    const main = readMain(ctx, rec.main);
    if (!main) {
      for (const c of rec.cont) ctx.error(c.line, `continues the row on line ${rec.main.line}, which could not be read`);
      continue;
    }
    rec.main.cells.forEach((c, i) => {
      const junk = junkIn(clean(stripHtml(c.replace(/<<|>>/g, ' '))));
      if (junk !== undefined) ctx.warn(rec.main.line, `course ${main.course}: cell ${i + 1} holds "${junk.slice(0, 20)}", no word, value or link of the table; read as it is`);
    });
    read.push({ rec, main, cont: rec.cont.map(readCont), places: parsePlaces(main.places ?? '', main.course) });
  }
  const seen = new Map<string, number>();
  for (const r of read) {
    const prev = seen.get(r.main.course);
    if (prev !== undefined) ctx.warn(r.rec.main.line, `course ${r.main.course} is listed twice (first on line ${prev})`);
    else seen.set(r.main.course, r.rec.main.line);
  }
  const { sharedWith, problems } = closePools(new Map(read.map((r) => [r.main.course, r.places.names])));
  for (const p of problems) {
    const r = read.find((x) => x.main.course === p.course);
    if (r) ctx.warn(r.rec.main.line, `course ${p.course} ${p.message}`);
  }
  const out: ProgrammeDraft[] = [];
  for (const r of read) {
    const draft = buildOne(ctx, r, sharedWith.get(r.main.course) ?? []);
    if (draft) {
      ctx.record([r.rec.main.line, ...r.rec.cont.map((c) => c.line)]);
      out.push(draft);
    } else {
      for (const c of r.rec.cont) ctx.error(c.line, `continues the row on line ${r.rec.main.line}, which could not be read`);
    }
  }
  return out;
}

function buildOne(ctx: SourceContext, { rec, main, cont, places }: ReadRecord, sharedWith: string[]): ProgrammeDraft | undefined {
  const lines = [rec.main.line, ...rec.cont.map((r) => r.line)];
  const line = rec.main.line;
  const source = lines.length > 1 ? { id: ctx.source.id, line, lines } : { id: ctx.source.id, line };
  const names = namesOf(main, cont);
  if (!main.country) {
    ctx.error(line, `course ${main.course}: country "${main.countryLabel ?? ''}" is not in data/reference/countries.json or country-aliases.json`);
    return undefined;
  }
  if (!names.ja && !names.en) {
    ctx.error(line, `course ${main.course}: expected the university name (Japanese and English) before the course number`);
    return undefined;
  }
  const { eligible, unsettled, markLost } = levelsOf(ctx, main, cont, lines);
  const zone = assignZone(main.zone, main.splitLabels);
  for (const o of zone.outOfOrder) {
    ctx.warn(line, `course ${main.course}: the ${o.cell.slot} cell ("${o.cell.text.slice(0, 40)}") stands after the ${o.after} cell; cells read by content`);
  }
  const contZones = cont.map((c) => ({ c, zone: assignZone(c.zone, false) }));
  const requirements = requirementsOf(ctx, main, zone, contZones, eligible);
  const cells = [...rec.main.cells.slice(rec.main.cells.findIndex((c) => clean(c) === main.language) + 1), ...rec.cont.flatMap((r) => r.cells)];
  const retake = oneSkillRetake(cells.map(cellText).join(' '));
  if (retake !== undefined) requirements.ielts.oneSkillRetake = retake;
  // Notes: the notes on the language requirements, cells no requirement took, everything after.
  const notes = notesFrom([
    zone.slots.langNotes?.text ?? '',
    ...zone.extra.map((e) => e.text),
    ...main.rest,
    ...contZones.flatMap(({ c, zone: cz }) => [cz.slots.langNotes?.text ?? '', ...cz.extra.map((e) => e.text), ...c.rest]),
  ]).join('\n');
  for (const [test, noted] of Object.entries(notedRequirements(notes)) as [Test, NonNullable<Requirement['noted']>][]) requirements[test].noted = noted;
  const languageNotes = notesFrom([zone.slots.langNotes?.text ?? '', ...contZones.map(({ zone: cz }) => cz.slots.langNotes?.text ?? '')]).join('\n');
  const { partner, unit } = partnerOf(names, main.country, source);
  const draft: ProgrammeDraft = {
    id: main.course,
    home: 'tmu',
    partner,
    partnerName: { ja: names.ja ?? names.en ?? '', ...(names.en ? { en: names.en } : {}) },
    ...(unit ? { partnerUnit: unit } : {}),
    country: main.country,
    places: {
      ...(places.semesterSpots !== undefined ? { semesterSpots: places.semesterSpots } : {}),
      sharedWith,
      raw: places.raw,
    },
    courseType: main.courseType,
    courseKind: /語学/.test(main.courseType) ? (/正規/.test(main.courseType) ? 'language+regular' : 'language-only') : 'regular',
    levels: eligible,
    ...(unsettled.length ? { levelsUnsettled: unsettled } : {}),
    ...(markLost.length ? { levelsMarkLost: markLost } : {}),
    language: main.language,
    requirements,
    ...(languageNotes ? { languageNotes } : {}),
    reRecruitment: main.reRecruitment,
    links: linksOf(cells),
    notes,
    source,
  };
  const units = parseHomeUnits(notes);
  if (units) {
    draft.homeUnitsRaw = units.raw;
    if (units.units.length > 0) draft.homeUnits = units.units;
    for (const p of units.problems) ctx.warn(line, `course ${main.course}: home units: ${p}`);
    for (const u of units.unmapped) ctx.error(line, `course ${main.course}: TMU unit "${u}" is not in data/reference/units/tmu.json (name, alias or repair)`);
  }
  return draft;
}

/** Names of the main row, completed by a continuation line (the English name on the next line). */
function namesOf(main: MainCells, cont: ContCells[]): { ja?: string; en?: string } {
  const names = { ...main.names };
  for (const c of cont) {
    if (!c.name) continue;
    const n = splitNames(c.name);
    if (n.en) names.en = names.en ? `${names.en} ${n.en}` : n.en;
    if (n.ja) names.ja = names.ja ? `${names.ja}${n.ja}` : n.ja;
  }
  return names;
}

/**
 * The levels a programme is open to, and the levels the row does not settle: listed without a ○/×
 * mark (the marks of some rows did not survive the PDF's text) or marked twice differently. Those
 * are read as open (`levels`) and named in `unsettled`, so the finder can say it cannot tell.
 */
function levelsOf(ctx: SourceContext, main: MainCells, cont: ContCells[], lines: number[]): { eligible: Eligible; unsettled: Level[]; markLost: Level[] } {
  const levels = readLevels(main.eligibility);
  for (const c of cont) if (c.level) readLevels(`${c.level.label} ${c.level.mark ?? ''}`, levels);
  if (levels.unmarked.length > 0) {
    ctx.warn(lines[0]!, `course ${main.course}: eligibility lists ${[...new Set(levels.unmarked)].join(' and ')} without a ○/× mark; read as open to that level`);
  }
  if (levels.conflicts.length > 0) {
    ctx.warn(lines[lines.length - 1]!, `course ${main.course}: eligibility given twice with different marks (${main.eligibility} / ${levels.conflicts.join(', ')}); the first is kept`);
  }
  const toLevel = (label: string): Level => (label === '学部' ? 'undergraduate' : 'graduate');
  const conflicting = new Set(levels.conflicts.map((c) => toLevel(c.split(' ')[0]!)));
  const unsettled = new Set<Level>([...levels.unmarked.map(toLevel), ...conflicting]);
  // A label with no mark, and no mark elsewhere that contradicts it: the mark was lost in the PDF.
  const lost = new Set(levels.unmarked.map(toLevel).filter((l) => !conflicting.has(l)));
  const order = ['undergraduate', 'graduate'] as const;
  return {
    eligible: { undergraduate: levels.undergraduate ?? false, graduate: levels.graduate ?? false },
    unsettled: order.filter((l) => unsettled.has(l)),
    markLost: order.filter((l) => lost.has(l)),
  };
}

/** The four requirements, composed from the main row and the rows that continue it for another level. */
function requirementsOf(ctx: SourceContext, main: MainCells, zone: Assignment, contZones: { c: ContCells; zone: Assignment }[], eligible: Eligible): Record<Test, Requirement> {
  const mainLevels = [...new Set([...main.eligibility.matchAll(/学部|大学院/g)].map((m) => m[0]))];
  const mainLevel = mainLevels.length === 1 ? mainLevels[0] : undefined;
  const out = {} as Record<Test, Requirement>;
  for (const test of TESTS) {
    let text = zone.slots[test]?.text ?? '';
    // A second grade cell that is more than a repeat or a "-" joins the first.
    if (test === 'gpa' && zone.slots.gpa2 && classifyLoose(zone.slots.gpa2.text) === 'value') text = `${text} ${zone.slots.gpa2.text}`.trim();
    for (const { c, zone: cz } of contZones) text = compose(text, cz.slots[test]?.text, c.level?.label, mainLevel);
    const parsed = parseRequirement(text, test, eligible);
    for (const p of parsed.problems) ctx.warn(main.line, `course ${main.course}: ${test}: ${p}`);
    out[test] = parsed.requirement;
  }
  return out;
}

/**
 * Links of a programme's cells. "<<…>>" (TMU's notes) is not a tag: it is hidden from the tag
 * stripper of extractLinks. A footnote mark glued to a URL ("…/index.do*", line 478) is dropped.
 */
function linksOf(cells: string[]): string[] {
  const links: string[] = [];
  for (const c of cells) {
    for (const l of extractLinks(joinBrokenUrls(c.replace(/<<|>>/g, ' ')))) {
      const link = l.replace(/\*+$/, '');
      if (!links.includes(link)) links.push(link);
    }
  }
  return links;
}

/** The partner: the institution without its faculty (the English name split the same way). */
function partnerOf(names: { ja?: string; en?: string }, country: string, source: ProgrammeDraft['source']): { partner: ProgrammeDraft['partner']; unit?: string } {
  const split = names.ja ? splitPartnerUnit(names.ja) : undefined;
  const en = split?.unit && names.en ? (splitTrailingGroup(names.en)?.name ?? names.en) : names.en;
  const partner = {
    ...(split ? { ja: split.name } : {}),
    ...(en ? { en } : {}),
    country,
    kind: institutionKind(split?.name ?? en ?? ''),
    source,
  };
  return { partner, ...(split?.unit ? { unit: split.unit } : {}) };
}

/** none/blank test for the second grade cell, without importing the whole classifier's vocabulary. */
function classifyLoose(text: string): 'none' | 'blank' | 'value' {
  const values = splitLevels(text).map((s) => s.text).filter((v) => v !== '');
  if (values.length === 0) return 'blank';
  return values.every(isNoneWord) ? 'none' : 'value';
}
