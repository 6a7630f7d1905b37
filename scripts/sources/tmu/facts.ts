/**
 * The call's text outside the annex table: structured facts (dates of the application and
 * selection schedule, TMU's own minimum GPA and language scores, stipends by destination region,
 * travel-cost caps, the additional scholarship, the test-fee subsidy, the documents to submit)
 * become CallFacts; every other line is prose (a note), page furniture (headings, labels, form
 * fields: layout) or, when it fits none of the shapes of shapes.ts, an error naming what was expected
 * there. Lines are recognised by what they say, never by their number.
 *
 * Dates of the call are written without a year ("10月22日火曜日"): the year comes from the call's
 * own title ("2024 年度 … 秋募集": fiscal year 2024, so October is 2024 and January 2025) and the
 * weekday written beside the date is checked against it.
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean, stripHtml } from '../../lib/text.ts';
import { isoDate } from '../../lib/dates.ts';
import type { CallFact } from '../../schema/records.ts';
import { isTocEntry, junkIn, junkMessage, lineShape, type Around } from './shapes.ts';
import { factEnglish } from './facts-en.ts';

type Fact = Omit<CallFact, 'id' | 'home' | 'source'>;

const WEEKDAYS = '日月火水木金土';
const DATE_RE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[（(]\s*)?(?:([日月火水木金土])曜日?)?/g;
const VAGUE_MONTH_RE = /(\d{1,2})\s*月\s*(初旬|上旬|中旬|下旬)/;
const MONEY_MAN = /^(\d+(?:\.\d+)?)\s*万円$/;

/** Text of a line as read: HTML stripped (autolinks "<https://…>" kept as URLs), NFKC, whitespace collapsed. */
const text = (s: string) => clean(stripHtml(s.replace(/<(https?:\/\/[^\s<>]+)>/g, '$1')));

/** A line as written, for a fact's raw text: HTML stripped, whitespace collapsed, no normalisation. */
const asWritten = (s: string) => stripHtml(s.replace(/<(https?:\/\/[^\s<>]+)>/g, '$1')).replace(/\s+/g, ' ').trim();

/** Stable keys of schedule facts, by what their label says (first match wins). */
const SCHEDULE_KEYS: [RegExp, string][] = [
  [/応募締切/, 'first-entry-deadline'],
  [/受付締切/, 'second-entry-deadline'],
  [/応募説明会/, 'info-session'],
  [/エントリー状況発表/, 'entry-status'],
  [/第1次エントリー/, 'first-entry'],
  [/第2次エントリー/, 'second-entry'],
  [/第1次選考合格発表/, 'first-selection-result'],
  [/語学能力試験|学内試験/, 'language-test'],
  [/第2次選考|面接/, 'interview'],
  [/派遣候補者合格発表/, 'final-result'],
  [/オリエンテーション/, 'orientation'],
];

export interface CallYear {
  fiscalYear: number;
  line: number;
}

/** The call's fiscal year from its title ("2024 年度 交換留学 秋募集"). */
export function findCallYear(ctx: SourceContext, to: number): CallYear | undefined {
  for (let n = 1; n <= to; n++) {
    const m = /(\d{4})\s*年度.*募集/.exec(clean(ctx.raw(n)));
    if (m) return { fiscalYear: Number(m[1]), line: n };
  }
  return undefined;
}

export interface DateHit {
  iso?: string;
  weekdayProblem?: string;
  /** The text writes the weekday / the year beside the date. */
  weekday?: boolean;
  year?: boolean;
  raw: string;
}

/** Dates in a text; a date without a year takes the call's (fiscal-year months April–March). */
export function datesIn(t: string, fiscalYear: number): DateHit[] {
  const out: DateHit[] = [];
  let year: number | undefined;
  for (const m of t.matchAll(DATE_RE)) {
    const month = Number(m[2]);
    if (m[1]) year = Number(m[1]);
    const y = m[1] ? Number(m[1]) : year !== undefined ? year : month >= 4 ? fiscalYear : fiscalYear + 1;
    const iso = isoDate(y, month, Number(m[3]));
    const hit: DateHit = { raw: m[0].trim(), ...(iso ? { iso } : {}), ...(m[4] ? { weekday: true } : {}), ...(m[1] ? { year: true } : {}) };
    if (iso && m[4]) {
      const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
      if (WEEKDAYS[day] !== m[4]) hit.weekdayProblem = `${m[0].trim()}: ${iso} is a ${WEEKDAYS[day]}曜日, not ${m[4]}曜日`;
    }
    if (!iso) hit.weekdayProblem = `${m[0].trim()}: not a calendar date`;
    out.push(hit);
  }
  return out;
}

function timeIn(t: string): string | undefined {
  const range = /(\d{1,2}:\d{2})\s*[~～〜\-]\s*(\d{1,2}:\d{2})/.exec(t);
  if (range) return `${range[1]}~${range[2]}`;
  if (/正午/.test(t)) return '正午';
  return undefined;
}

const approx = (t: string) => /目途|予定|程度/.test(t);

function keyOf(what: string): string {
  return SCHEDULE_KEYS.find(([re]) => re.test(what))?.[1] ?? 'schedule';
}

/** Yen amount: "10 万円" → 100000, "150,000円" → 150000. */
export function yen(s: string): number | undefined {
  const t = clean(s).replace(/\s+/g, '');
  const man = /(\d+(?:\.\d+)?)万円/.exec(t);
  if (man) return Math.round(Number(man[1]) * 10000);
  const en = /([\d,]+)円/.exec(t);
  return en ? Number(en[1]!.replace(/,/g, '')) : undefined;
}

interface State {
  /** The call's fiscal year; undefined when the title is missing (then no schedule date is read). */
  fiscalYear?: number;
  scheduleEnd: number;
  subheading?: string;
  previous?: { line: number; text: string };
  stipendColumns?: string[];
  tableLabel?: string;
  columnLabels?: string[];
  documents: boolean;
  /** Under 目次: the lines are entries of the table of contents. */
  toc: boolean;
}

/** A fact recognised on a line, with the lines it spans (a label may sit on the line above). */
interface Hit {
  facts: Fact[];
  lines: number[];
}

/**
 * Recognises the facts of one line; undefined when the line states none. Formats, with lines of
 * tmu-2024-autumn: a schedule date with its label on the line above (9/11), "label：date" under a
 * ①② heading (177), a schedule-table row "label⇥date" (241); a month with 初旬 (248); the internal
 * minimum GPA (83) and language criteria (92, 93); the number of choices (167); a document row (207);
 * the scholarship table (270–274); stipend rows (328); stipend months (340); the stipend's maximum
 * months (1046); travel caps as a table (360) and in a sentence (661); the test-fee share (1274).
 */
function recognise(ctx: SourceContext, n: number, st: State): Hit | undefined {
  const raw = ctx.raw(n);
  const t = text(raw);
  const cells = ctx.cells(n).map(text);
  const filled = cells.filter((c) => c !== '');
  const facts: Fact[] = [];
  const rawOf = () => asWritten(raw);

  // Stipend table: region | amount | amount | places. Column conditions from the header above.
  if (filled.length >= 3 && MONEY_MAN.test(cells[1] ?? '') && MONEY_MAN.test(cells[2] ?? '')) {
    [1, 2].forEach((i) => {
      const condition = st.stipendColumns?.[i];
      facts.push({
        topic: 'stipend', key: 'stipend', what: `奨学金月額 ${cells[0]}${condition ? ` (${condition})` : ''}`,
        value: yen(cells[i]!)!, unit: 'JPY/month', region: cells[0]!, ...(condition ? { condition } : {}), raw: rawOf(),
      });
    });
    return { facts, lines: [n] };
  }
  // Stipend months: "8 日 ～ 31 日⇥1".
  if (filled.length === 2 && /^\d+\s*日\s*[～~〜]\s*\d+/.test(cells[0]!) && /^\d+$/.test(cells[1]!)) {
    facts.push({ topic: 'stipend', key: 'stipend-months', what: `奨学金支給月数 (派遣期間 ${cells[0]})`, value: Number(cells[1]), unit: 'months', condition: cells[0]!, raw: rawOf() });
    return { facts, lines: [n] };
  }
  // Travel caps: "アジア地域 アフガニスタン、…⇥15 万円", "上記以外の地域⇥25 万円".
  if (filled.length === 2 && MONEY_MAN.test(cells[1]!) && /地域/.test(cells[0]!)) {
    const [region, ...list] = cells[0]!.split(' ');
    facts.push({
      topic: 'travel', key: 'travel-cap', what: `渡航費上限 ${region}`, value: yen(cells[1]!)!, unit: 'JPY', region: region!,
      ...(list.length > 0 ? { condition: list.join('').trim() } : {}), raw: rawOf(),
    });
    return { facts, lines: [n] };
  }
  // Travel caps in a sentence: "上限はアジア地域150,000円、アジア地域以外250,000円".
  if (/上限/.test(t) && /航空賃|渡航費/.test(t)) {
    for (const m of t.matchAll(/(アジア地域以外|アジア地域)\s*([\d,]+)\s*円/g)) {
      facts.push({ topic: 'travel', key: 'travel-cap', what: `渡航費上限 ${m[1]}`, value: Number(m[2]!.replace(/,/g, '')), unit: 'JPY', region: m[1]!, raw: rawOf() });
    }
    if (facts.length > 0) return { facts, lines: [n] };
  }
  // Maximum months of the stipend.
  const maxMonths = /給付月数の上限は、?\s*(\d+)\s*[ヶか箇ケ]?月/.exec(t);
  if (maxMonths) {
    facts.push({ topic: 'stipend', key: 'stipend-max-months', what: '奨学金の給付月数の上限', value: Number(maxMonths[1]), unit: 'months', raw: rawOf() });
    return { facts, lines: [n] };
  }
  // Test-fee subsidy: half of the fee.
  if (/語学試験受験費用の半額/.test(t)) {
    facts.push({ topic: 'test-fee', key: 'test-fee-share', what: '語学試験受験費用補助 (受験費用の半額)', value: 0.5, unit: 'share of the test fee', raw: rawOf() });
    return { facts, lines: [n] };
  }
  // Internal minimum GPA.
  const gpa = /成績評価係数が、?\s*(\d+(?:\.\d+)?)\s*以上/.exec(t);
  if (gpa) {
    facts.push({ topic: 'eligibility', key: 'min-gpa', what: '成績評価係数 (GPA) の下限', value: Number(gpa[1]), unit: 'GPA (4-point)', raw: rawOf() });
    return { facts, lines: [n] };
  }
  // Internal language criteria: "英語による授業科目…⇥IELTS 5.5 以上（各セクション4.5 以上）又は TOEFL iBT 60 以上（各セクション14 以上）".
  if (filled.length === 2 && /IELTS|TOEFL/.test(cells[1]!) && /以上/.test(cells[1]!)) {
    for (const part of cells[1]!.split(/又は|または/)) {
      const test = /IELTS/.test(part) ? 'ielts' : /TOEFL/.test(part) ? 'toefl' : undefined;
      if (!test) continue;
      const name = test === 'ielts' ? 'IELTS' : 'TOEFL iBT';
      const overall = /(?:IELTS|TOEFL\s*iBT)\s*(\d+(?:\.\d+)?)\s*以上/.exec(part);
      const section = /各セクション\s*(\d+(?:\.\d+)?)\s*以上/.exec(part);
      if (overall) facts.push({ topic: 'eligibility', key: `min-${test}`, what: `学内応募語学基準 ${name}`, value: Number(overall[1]), unit: name, condition: cells[0]!, raw: rawOf() });
      if (section) facts.push({ topic: 'eligibility', key: `min-${test}-section`, what: `学内応募語学基準 ${name} 各セクション`, value: Number(section[1]), unit: name, condition: cells[0]!, raw: rawOf() });
    }
    if (facts.length > 0) return { facts, lines: [n] };
  }
  if (filled.length === 2 && /学内応募語学基準はなし/.test(cells[1]!)) {
    facts.push({ topic: 'eligibility', key: 'language-criterion-other', what: '学内応募語学基準 (英語以外の言語)', value: false, condition: cells[0]!, raw: rawOf() });
    return { facts, lines: [n] };
  }
  // Number of choices.
  const choices = /第\s*(\d+)\s*希望まで申込み?可/.exec(t);
  if (choices) {
    facts.push({ topic: 'application', key: 'max-choices', what: '申込み可能な希望数', value: Number(choices[1]), raw: rawOf() });
    return { facts, lines: [n] };
  }
  // Documents table rows: "1⇥交換留学申込書 (スキャンデータ)⇥…⇥○⇥○".
  if (st.documents && /^\d+$/.test(cells[0] ?? '') && filled.length >= 3) {
    const marks = cells.slice(3).filter((c) => c !== '');
    const value = marks.length > 0 ? `第1次 ${marks[0]}${marks[1] ? ` / 第2次 ${marks[1]}` : ''}` : '';
    facts.push({ topic: 'documents', key: 'document', what: cells[1]!, ...(value ? { value } : {}), raw: rawOf() });
    return { facts, lines: [n] };
  }
  // Scholarship table: 奨学金名称 / 対象者 / 給付額 / 採用人数 / 選考方法.
  if (filled.length === 2 && /^(奨学金名称|対象者|給付額|採用人数|選考方法)$/.test(cells[0]!)) {
    const key = { 奨学金名称: 'scholarship-name', 対象者: 'scholarship-target', 給付額: 'scholarship-amount', 採用人数: 'scholarship-recipients', 選考方法: 'scholarship-selection' }[cells[0]!]!;
    const fact: Fact = { topic: 'scholarship', key, what: cells[0]!, value: cells[1]!, raw: rawOf() };
    if (key === 'scholarship-amount' && yen(cells[1]!) !== undefined) Object.assign(fact, { value: yen(cells[1]!)!, unit: /月額/.test(cells[1]!) ? 'JPY/month' : 'JPY' });
    const persons = /(\d+)\s*名/.exec(cells[1]!);
    if (key === 'scholarship-recipients' && persons) Object.assign(fact, { value: Number(persons[1]), unit: 'persons' });
    if (approx(cells[1]!)) fact.approx = true;
    facts.push(fact);
    return { facts, lines: [n] };
  }
  // The start of the programmes: "2025年7月以降に渡航する".
  const from = /(\d{4})\s*年\s*(\d{1,2})\s*月以降に渡航/.exec(t);
  if (from && n < st.scheduleEnd) {
    facts.push({ topic: 'schedule', key: 'departure-from', what: '渡航時期 (以降)', value: `${from[1]}-${from[2]!.padStart(2, '0')}`, raw: rawOf() });
    return { facts, lines: [n] };
  }
  if (n >= st.scheduleEnd || st.fiscalYear === undefined) return undefined;
  const fy = st.fiscalYear;
  // Schedule table row under column labels: "⇥学内試験は実施しない⇥学内試験を11月初旬 (予定) に実施する。".
  if ((cells[0] ?? '') === '' && filled.length >= 1 && st.columnLabels && st.tableLabel) {
    cells.forEach((c, i) => {
      const vague = VAGUE_MONTH_RE.exec(c);
      const hits = datesIn(c, fy);
      if (!vague && hits.length === 0) return;
      const what = `${st.tableLabel} (${st.columnLabels?.[i] ?? ''})`;
      facts.push(scheduleFact(ctx, n, what, c, hits, vague, fy));
    });
    if (facts.length > 0) return { facts, lines: [n] };
  }
  // Schedule dates: a date of the call is written with its weekday or its year ("10月22日火曜日");
  // a bare "2 月 29 日" (the leap-day footnote of the stipend table) is not one.
  const hits = datesIn(t, fy);
  if (!hits.some((h) => h.weekday || h.year)) return undefined;
  let label: string;
  let valueText: string;
  let lines = [n];
  const colon = /^([^：:]{1,20})[：:]\s*(.*)$/.exec(t);
  if (filled.length >= 2 && datesIn(cells[0]!, fy).length === 0) {
    label = cells[0]!;
    valueText = filled.slice(1).join(' ');
  } else if (colon && datesIn(colon[1]!, fy).length === 0) {
    label = st.subheading ? `${st.subheading} ${colon[1]!.trim()}` : colon[1]!.trim();
    valueText = colon[2]!;
  } else if (st.previous && datesIn(st.previous.text, fy).length === 0 && st.previous.text.length <= 30) {
    // The label sits a row off: "第1次エントリー" above "10月1日火曜日 ~ 10月22日火曜日".
    label = st.previous.text.replace(/^[【\[(（]|[】\])）]$/g, '');
    valueText = t;
    lines = [st.previous.line, n];
  } else {
    return undefined;
  }
  facts.push(scheduleFact(ctx, n, label, valueText, datesIn(valueText, fy), undefined, fy));
  return { facts, lines };
}

function scheduleFact(ctx: SourceContext, n: number, what: string, value: string, hits: DateHit[], vague: RegExpExecArray | null | undefined, fiscalYear: number): Fact {
  for (const h of hits) if (h.weekdayProblem) ctx.warn(n, `date ${h.weekdayProblem} (call year from its title: fiscal ${fiscalYear})`);
  const dates = hits.filter((h) => h.iso).map((h) => h.iso!);
  const fact: Fact = { topic: 'schedule', key: keyOf(what), what, raw: asWritten(ctx.raw(n)) };
  if (dates[0]) fact.date = dates[0];
  if (dates.length >= 2) fact.endDate = dates[dates.length - 1];
  if (dates.length > 2) ctx.warn(n, `${dates.length} dates for "${what}": first and last kept as a period`);
  if (vague) {
    const month = Number(vague[1]);
    const y = month >= 4 ? fiscalYear : fiscalYear + 1;
    fact.value = `${y}-${String(month).padStart(2, '0')}`;
    fact.condition = vague[2]!;
  }
  const time = timeIn(value);
  if (time) fact.time = time;
  if (approx(value)) fact.approx = true;
  return fact;
}

/** Entry marks of the documents table: ○ required, △ (with a condition), / not required. */
const ENTRY_MARK = /^(?:[○〇×/-]|△.*)$/;

/**
 * Why a line that states no fact should have stated one: a row of the documents table (number,
 * document, notes, entry marks) away from the table's header, or a date of the schedule (with its
 * weekday or year) standing without its label. Undefined when the line is what its shape says.
 */
function unread(t: string, cells: string[], kind: 'note' | 'layout', n: number, st: State): string | undefined {
  const filled = cells.filter((c) => c !== '');
  if (/^\d+$/.test(cells[0] ?? '') && filled.length >= 3 && ENTRY_MARK.test(filled[filled.length - 1]!)) {
    return 'fits no shape: a row of the documents table (number, document, notes, ○/△ marks) without the table\'s header (No ⇥ 書類 …) above it';
  }
  if (n < st.scheduleEnd && st.fiscalYear !== undefined && cells[0] === '' && !st.tableLabel && cells.some((c) => VAGUE_MONTH_RE.test(c) || datesIn(c, st.fiscalYear!).length > 0)) {
    return 'fits no shape: dates in a row of the schedule table without its label; expected the label row above (e.g. "第1次選考のうち語学能力試験 ⇥ 留学先での受講言語")';
  }
  if (kind === 'layout' && n < st.scheduleEnd && st.fiscalYear !== undefined && datesIn(t, st.fiscalYear).some((h) => h.weekday || h.year)) {
    return 'fits no shape: a date of the schedule without its label; expected the label on the line above ("第1次エントリー"), before a colon ("応募期間：…") or in the first cell of a schedule row';
  }
  return undefined;
}

/** Lines outside the annex table. Returns the call facts; marks every line. */
export function parseCallText(ctx: SourceContext, skip: { from: number; to: number } | undefined): CallFact[] {
  const out: CallFact[] = [];
  const end = skip ? skip.from - 1 : ctx.lineCount;
  const year = findCallYear(ctx, end);
  if (!year) {
    ctx.error(1, 'expected the call\'s title with its year ("2024 年度 交換留学 秋募集") to date the schedule');
  }
  // The schedule is the call's own part: up to the selection policy (選考方針) that follows it —
  // the last title naming it before the annex (the table of contents names it too).
  let scheduleEnd = skip ? skip.from : ctx.lineCount + 1;
  for (let n = end; n > (year?.line ?? 0); n--) {
    const cells = ctx.cells(n).filter((c) => clean(c) !== '');
    if (cells.length === 1 && /選考方針$/.test(text(cells[0]!))) {
      scheduleEnd = n;
      break;
    }
  }
  const st: State = { ...(year ? { fiscalYear: year.fiscalYear } : {}), scheduleEnd, documents: false, toc: false };
  const inText = (n: number) => !skip || n < skip.from || n > skip.to;
  /** The previous and next non-blank lines of the text, for the items of a list. */
  const around = (n: number): Around => {
    const out: Around = {};
    for (let k = n - 1; k >= 1 && inText(k); k--) if (ctx.raw(k).trim() !== '') { Object.assign(out, { prev: ctx.raw(k), prevLine: k }); break; }
    for (let k = n + 1; k <= ctx.lineCount && inText(k); k++) if (ctx.raw(k).trim() !== '') { Object.assign(out, { next: ctx.raw(k), nextLine: k }); break; }
    return out;
  };
  /** A neighbour of an unreadable line, for the message: a fact already read, or its shape. */
  const describe = (raw: string, k: number | undefined): string => {
    if (k === undefined) return lineShape(raw, {}).kind;
    if (ctx.dispositionOf(k) === 'record') return `fact (line ${k})`;
    const s = lineShape(raw, around(k), st.toc);
    return `${s.kind === 'error' ? 'unreadable' : s.why} (line ${k})`;
  };
  const ids = new Map<string, number>();
  for (let n = 1; n <= ctx.lineCount; n++) {
    if (skip && n >= skip.from && n <= skip.to) continue;
    const t = text(ctx.raw(n));
    if (t === '') continue;
    // A token of no language (no word, number or mark of a form) makes the line unreadable: it is
    // reported and, like a line that is not there, changes no context of the lines below.
    const junk = junkIn(t);
    if (junk !== undefined) {
      ctx.error(n, junkMessage(junk, around(n), describe));
      continue;
    }
    const cells = ctx.cells(n).map(text);
    if (st.toc && !isTocEntry(ctx.raw(n))) st.toc = false;
    const hit = recognise(ctx, n, st);
    if (hit) {
      hit.facts.forEach((f) => {
        const base = `${ctx.source.id}-L${n}-${f.key ?? f.topic}`;
        const k = ids.get(base) ?? 0;
        ids.set(base, k + 1);
        const lines = hit.lines.length > 1 ? { lines: hit.lines } : {};
        const en = factEnglish(f);
        out.push({ id: k === 0 ? base : `${base}-${k + 1}`, home: 'tmu', ...f, ...(en ? { en } : {}), source: { id: ctx.source.id, line: n, ...lines } });
      });
      ctx.record(hit.lines);
    } else {
      const shape = lineShape(ctx.raw(n), around(n), st.toc);
      const problem = shape.kind === 'error' ? shape.message : unread(t, cells, shape.kind, n, st);
      if (problem !== undefined) {
        ctx.error(n, problem);
        continue;
      }
      if (shape.kind === 'note') ctx.note(n, t);
      else if (shape.kind === 'layout') ctx.layout(n, shape.why);
    }
    // Context for the lines below.
    if (cells.length >= 3 && cells.some((c) => /^授業料減免適用者/.test(c)) && !cells.some((c) => MONEY_MAN.test(c))) st.stipendColumns = cells;
    if (/^No$/.test(cells[0] ?? '') && cells.some((c) => /書類/.test(c))) st.documents = true;
    else if (!/^\d+$/.test(cells[0] ?? '') && cells[0] !== '' && st.documents) st.documents = false;
    if (/^目次$/.test(t)) st.toc = true;
    // Headings give the context of the lines under them.
    const written = ctx.raw(n).trim();
    const heading = /^[①②③④⑤⑥⑦⑧⑨⑩]\s*(.+)$/.exec(written);
    if (heading) st.subheading = text(heading[1]!).replace(/[（(].*$/, '').trim();
    else if (/^[(（]\d+[)）]|^\d+\s/.test(written)) st.subheading = undefined;
    const dated = datesIn(t, st.fiscalYear ?? 2000).length > 0 || VAGUE_MONTH_RE.test(t);
    if (cells.length >= 2 && cells[0] !== '' && !dated) {
      st.tableLabel = cells[0];
      st.columnLabels = undefined;
    } else if (cells.length >= 2 && cells[0] === '' && !dated) {
      st.columnLabels = cells;
    } else if (cells.length < 2) {
      st.tableLabel = undefined;
      st.columnLabels = undefined;
    }
    st.previous = { line: n, text: t };
  }
  return out;
}
