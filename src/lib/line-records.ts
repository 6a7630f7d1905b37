/**
 * Records by line: for one source document, which records of the dataset came from each of its
 * lines, each as a short label in the page's language and, when the record is shown elsewhere on
 * the site, a link there (an agreement's row on its partner's page, a programme's row in the
 * finder). Pure: the caller passes the tables (src/views/SourceView.astro at build time).
 *
 * A record that spans several lines (`source.lines`) is described in full on its own line
 * (`source.line`, the one other pages link to) and pointed at from the others.
 */
import type { Locale } from '../i18n/ui.ts';
import { localePath } from './site.ts';
import { agreementPartners } from './relations.ts';
import type {
  Agreement, Partner, Programme, DegreeProgramme, StrategicPartnership, Flow, Conference, Visit, CallFact, SourceRef,
} from '../../scripts/schema/records.ts';

/** A total the document states, recomputed from its records (validation.json `checks`), or one that cannot be (`unverifiable`). */
export interface LineCheck {
  id: string;
  source: string;
  line: number;
  what: string;
  stated: number | string;
  computed?: number | string;
  status: 'ok' | 'erratum' | 'error' | 'unverifiable';
}

export interface LineRecordTables {
  partners: readonly Partner[];
  agreements: readonly Agreement[];
  programmes: readonly Programme[];
  degreeProgrammes: readonly DegreeProgramme[];
  strategic: readonly StrategicPartnership[];
  flows: readonly Flow[];
  conferences: readonly Conference[];
  visits: readonly Visit[];
  callFacts: readonly CallFact[];
  checks: readonly LineCheck[];
}

export const RECORD_KINDS = ['agreement', 'programme', 'degree', 'strategic', 'flow', 'conference', 'visit', 'call-fact', 'check'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A run of text of a label: plain, a link, or text in the other language than the page's. */
export interface Piece {
  text: string;
  href?: string;
  lang?: 'ja' | 'en';
}

export interface LineRecord {
  kind: RecordKind;
  /** Record id; flows have none. */
  id?: string;
  /** What the record is, in the page's language ("協定", "Check"). */
  kindLabel: string;
  /** The rest of the label: names, links, values. */
  pieces: Piece[];
  /** Set on the other lines of a record spanning several: the line it is described on. */
  mainLine?: number;
}

const WORDS = {
  ja: {
    agreement: '協定', programme: '交換留学', double: 'ダブル・ディグリー', joint: 'ジョイント・ディグリー', strategic: '戦略的パートナーシップ',
    flow: '人数', conference: '国際会議', visit: '視察・来訪', 'call-fact': '募集要項', check: '検算', degree: '学位プログラム',
    cont: '（続き）', seeLine: (n: number) => `${n}行目に記載`,
    student: '学生', staff: '教職員等', inbound: '受入', outbound: '派遣', sep: '・', colon: '：', listSep: '、',
    stated: '記載', computed: '集計', ok: '一致', erratum: '資料の誤り', error: '不一致', unverifiable: '検証不能',
    visits: (c: number, p: number) => `${c}件・${p}人`, countries: (n: number) => `${n}か国`, persons: (n: number) => `${n}人`,
    range: '〜', lp: '（', rp: '）',
  },
  en: {
    agreement: 'Agreement', programme: 'Exchange programme', double: 'Double degree', joint: 'Joint degree', strategic: 'Strategic partnership',
    flow: 'Count', conference: 'Conference', visit: 'Visit', 'call-fact': 'Call', check: 'Check', degree: 'Degree programme',
    cont: ' (continued)', seeLine: (n: number) => `described at line ${n}`,
    student: 'students', staff: 'staff', inbound: 'inbound', outbound: 'outbound', sep: ', ', colon: ': ', listSep: ', ',
    stated: 'stated', computed: 'computed', ok: 'ok', erratum: 'erratum in the document', error: 'mismatch', unverifiable: 'cannot be checked',
    visits: (c: number, p: number) => `${c} ${c === 1 ? 'visit' : 'visits'}, ${p} ${p === 1 ? 'person' : 'people'}`,
    countries: (n: number) => `${n} ${n === 1 ? 'country' : 'countries'}`, persons: (n: number) => `${n} ${n === 1 ? 'participant' : 'participants'}`,
    range: '–', lp: ' (', rp: ')',
  },
} as const;

/** Plural names of the kinds, for a line's summary ("9 records: 7 counts, 2 checks"). */
const KIND_PLURAL: Record<Locale, Record<RecordKind, string>> = {
  ja: { agreement: '協定', programme: '交換留学', degree: '学位プログラム', strategic: '戦略的パートナーシップ', flow: '人数', conference: '国際会議', visit: '視察・来訪', 'call-fact': '募集要項', check: '検算' },
  en: { agreement: 'agreements', programme: 'exchange programmes', degree: 'degree programmes', strategic: 'strategic partnerships', flow: 'counts', conference: 'conferences', visit: 'visits', 'call-fact': 'call facts', check: 'checks' },
};
const KIND_SINGULAR_EN: Record<RecordKind, string> = { agreement: 'agreement', programme: 'exchange programme', degree: 'degree programme', strategic: 'strategic partnership', flow: 'count', conference: 'conference', visit: 'visit', 'call-fact': 'call fact', check: 'check' };

const CATEGORY: Record<Locale, Record<string, string>> = {
  ja: {
    regular: '正規生', 'non-regular': '非正規生', 'employed-researcher': '雇用・外国人研究員', 'employed-faculty': '雇用・外国人教員', 'employed-other': '雇用・その他',
    'own-funds': '自機関資金', 'external-funds': '外部資金', 'other-funds': 'その他の資金', total: '計',
  },
  en: {
    regular: 'regular', 'non-regular': 'non-regular', 'employed-researcher': 'employed researchers', 'employed-faculty': 'employed faculty', 'employed-other': 'other employed',
    'own-funds': 'own funds', 'external-funds': 'external funds', 'other-funds': 'other funds', total: 'total',
  },
};
const COURSE: Record<Locale, Record<string, string>> = {
  ja: { master: '修士課程', doctoral: '博士課程', professional: '専門職学位課程' },
  en: { master: "master's", doctoral: 'doctoral', professional: 'professional degree' },
};

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;
const LATIN = /[A-Za-z]/;

/** A piece of text marked with its language when that differs from the page's. */
export function textPiece(locale: Locale, text: string, href?: string): Piece {
  const lang = CJK.test(text) ? 'ja' : LATIN.test(text) ? 'en' : undefined;
  return { text, ...(href ? { href } : {}), ...(lang && lang !== locale ? { lang } : {}) };
}

const plain = (text: string): Piece => ({ text });

function partnerName(locale: Locale, partners: Map<string, Partner>, id: string, fallback?: string): string {
  const p = partners.get(id);
  if (!p) return fallback ?? id;
  return locale === 'en' ? p.name.en : p.name.ja;
}

/** Links to the partner pages of `ids`, each to the element `#anchor` there, separated by commas. */
function partnerLinks(locale: Locale, partners: Map<string, Partner>, ids: readonly string[], anchor: string, names?: readonly string[]): Piece[] {
  const out: Piece[] = [];
  ids.forEach((id, i) => {
    if (i > 0) out.push(plain(WORDS[locale].listSep));
    const name = partnerName(locale, partners, id, names?.[i]);
    out.push(partners.has(id) ? textPiece(locale, name, `${localePath(locale, `/partners/${id}/`)}#${anchor}`) : textPiece(locale, name));
  });
  return out;
}

function period(locale: Locale, from?: string, to?: string): string {
  if (!from) return '';
  return to && to !== from ? `${from}${WORDS[locale].range}${to}` : from;
}

function flowPieces(locale: Locale, f: Flow): Piece[] {
  const w = WORDS[locale];
  const parts = [w[f.population], w[f.direction], CATEGORY[locale][f.category] ?? f.category];
  if (f.courseLevel) parts.push(COURSE[locale][f.courseLevel] ?? f.courseLevel);
  return [plain(`${parts.join(w.sep)}${w.colon}${f.count}`)];
}

function callFactValue(locale: Locale, f: CallFact): string {
  if (f.date) return period(locale, f.date, f.endDate) + (f.time ? ` ${f.time}` : '');
  if (f.value === undefined) return '';
  const v = typeof f.value === 'boolean' ? (f.value ? '○' : '×') : String(f.value);
  return f.unit ? `${v} ${f.unit}` : v;
}

/** Every line a record covers, its own line (`source.line`) first. */
function linesOf(source: SourceRef): number[] {
  return source.lines && source.lines.length > 0 ? [...new Set([source.line, ...source.lines])] : [source.line];
}

interface Entry { line: number; lines: number[]; rec: Omit<LineRecord, 'mainLine'>; name: string }

/**
 * Records of the document `sourceId`, by line (1-based). Within a line, records keep the order of
 * the tables (agreements, programmes, degree programmes, strategic partnerships, counts,
 * conferences, visits, call facts, checks) and, within a table, the order given.
 */
export function recordsByLine(tables: LineRecordTables, sourceId: string, locale: Locale): Map<number, LineRecord[]> {
  const w = WORDS[locale];
  const partners = new Map(tables.partners.map((p) => [p.id, p]));
  const entries: Entry[] = [];
  const add = (source: SourceRef, name: string, rec: Omit<LineRecord, 'mainLine'>) => {
    if (source.id === sourceId) entries.push({ line: source.line, lines: linesOf(source), rec, name });
  };

  for (const a of tables.agreements) {
    // every institution the line names (relations.ts), each linked to its partner page
    const ids = agreementPartners(a);
    const name = partnerName(locale, partners, ids[0]!, a.partnerName);
    add(a.source, name, { kind: 'agreement', id: a.id, kindLabel: w.agreement, pieces: partnerLinks(locale, partners, ids, a.id, ids.length === 1 ? [a.partnerName] : undefined) });
  }
  for (const p of tables.programmes) {
    const name = locale === 'en' ? p.partnerName.en ?? p.partnerName.ja : p.partnerName.ja;
    add(p.source, p.id, {
      kind: 'programme', id: p.id, kindLabel: w.programme,
      pieces: [{ text: p.id, href: `${localePath(locale, '/programmes/')}#c-${p.id}` }, plain(' '), textPiece(locale, name)],
    });
  }
  for (const d of tables.degreeProgrammes) {
    const names = d.partners.map((id, i) => partnerName(locale, partners, id, d.partnerNames?.[i]));
    add(d.source, names.join(w.listSep), { kind: 'degree', id: d.id, kindLabel: w[d.kind], pieces: partnerLinks(locale, partners, d.partners, `degree-${d.id}`, d.partnerNames) });
  }
  for (const s of tables.strategic) {
    const pieces = s.members.length > 0 ? partnerLinks(locale, partners, s.members, `strategic-${s.id}`) : [textPiece(locale, s.name)];
    add(s.source, s.name, { kind: 'strategic', id: s.id, kindLabel: w.strategic, pieces });
  }
  for (const f of tables.flows) add(f.source, '', { kind: 'flow', kindLabel: w.flow, pieces: flowPieces(locale, f) });
  for (const c of tables.conferences) {
    const facts = [period(locale, c.startDate, c.endDate), c.countries !== undefined ? w.countries(c.countries) : '', c.participants !== undefined ? w.persons(c.participants) : ''].filter(Boolean);
    add(c.source, c.name, { kind: 'conference', id: c.id, kindLabel: w.conference, pieces: [plain(c.id + (facts.length ? `${w.lp}${facts.join(w.listSep)}${w.rp}` : ''))] });
  }
  for (const v of tables.visits) {
    add(v.source, v.visitor, { kind: 'visit', id: v.id, kindLabel: w.visit, pieces: [plain(`${v.id}${w.lp}${v.month}${w.listSep}${w.visits(v.count, v.persons)}${w.rp}`)] });
  }
  for (const f of tables.callFacts) {
    const value = callFactValue(locale, f);
    add(f.source, f.what, { kind: 'call-fact', id: f.id, kindLabel: w['call-fact'], pieces: [plain(`${f.id} `), textPiece(locale, f.what), ...(value ? [plain(w.colon), textPiece(locale, value)] : [])] });
  }
  for (const c of tables.checks) {
    const figures = c.computed === undefined ? `${w.stated} ${c.stated}` : `${w.stated} ${c.stated} / ${w.computed} ${c.computed}`;
    add({ id: c.source, line: c.line }, '', {
      kind: 'check', id: c.id, kindLabel: `${w.check}${w.lp}${w[c.status]}${w.rp}`,
      pieces: [textPiece(locale, c.what), plain(`${w.colon}${figures}`)],
    });
  }

  const out = new Map<number, LineRecord[]>();
  const push = (n: number, r: LineRecord) => {
    const list = out.get(n);
    if (list) list.push(r);
    else out.set(n, [r]);
  };
  for (const e of entries) push(e.line, e.rec);
  // Continuation lines after every record's own line, so a line lists what starts there first.
  for (const e of entries) for (const n of e.lines) {
    if (n === e.line) continue;
    push(n, {
      kind: e.rec.kind, ...(e.rec.id ? { id: e.rec.id } : {}), kindLabel: `${e.rec.kindLabel}${w.cont}`, mainLine: e.line,
      pieces: [...(e.name ? [textPiece(locale, e.name), plain(' — ')] : []), { text: w.seeLine(e.line), href: `#L${e.line}` }],
    });
  }
  return out;
}

/** "9 records: 7 counts, 2 checks" / "記録 9件（人数 7、検算 2）": what a line holds, for a collapsed list. */
export function lineSummary(locale: Locale, records: readonly LineRecord[]): string {
  const counts = new Map<RecordKind, number>();
  for (const r of records) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const parts = RECORD_KINDS.filter((k) => counts.has(k)).map((k) => {
    const n = counts.get(k)!;
    return locale === 'ja' ? `${KIND_PLURAL.ja[k]} ${n}` : `${n} ${n === 1 ? KIND_SINGULAR_EN[k] : KIND_PLURAL.en[k]}`;
  });
  return locale === 'ja' ? `記録 ${records.length}件（${parts.join('、')}）` : `${records.length} records: ${parts.join(', ')}`;
}
