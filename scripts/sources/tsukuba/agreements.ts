/**
 * (3) 国際交流協定: one agreement per table row — country, partner institution, level (全学 /
 * 部局間 / CiC), exchange targets (研究者 / 学生) and fields of exchange.
 *
 * The level cell anchors a row; every other cell is classified by content and by its place
 * relative to the level, never by a fixed column: after a page break the country cell can be
 * missing (the partner lands in column 1 and a trailing empty cell follows), or an extra empty
 * cell can lead (the country lands in column 2). The country cell is written once per country,
 * so an empty one means "same country as above". A cell broken over two lines leaves a line with
 * no level cell: it is joined to the row above (or, right after a page header, to the row below),
 * but only when each of its pieces is plausible for the cell it continues: Japanese text for the
 * partner name (the table writes partners in Japanese; a bracketed Latin abbreviation may follow),
 * text for the fields, 研究者 / 学生 for the targets, and nothing in the level column (a level cell
 * never breaks). Any other line fits no shape and is reported, never joined.
 * The table does not name Tsukuba's own party to an agreement, so homeUnits is [].
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean, despace } from '../../lib/text.ts';
import { resolveCountry, countryByCode, countryKey, REGIONS } from '../../lib/countries.ts';
import { splitPartnerUnit, splitTrailingGroup, splitAcademyUnit, isUnitName, institutionKind, jaKey, type SplitName } from '../../lib/partners.ts';
import type { Agreement } from '../../schema/records.ts';
import type { AgreementDraft, ParseResult } from '../types.ts';
import type { Section } from './index.ts';
import { cleanCells, isJapaneseName, isText, joinWrapped, readFiscalYearCaption, reportMisfits, sourceRef, type Misfit, type Sink } from './rows.ts';

const LEVELS: Record<string, Agreement['level']> = { 全学: 'university', 部局間: 'department', cic: 'cic' };
/** A level cell: 全学 / 部局間 / CiC, with or without 協定. */
const LEVEL_RE = /^(全学|部局間|cic)(協定)?$/i;
/** An exchange-targets cell: 研究者 and/or 学生 (often spaced "学 生"), or nothing. */
const TARGETS_RE = /^(研究者|学生|[・、,])*$/;
/** The column-label row repeated at the top of each page. */
const HEADER_RE = /^(国名|協定締結先|交流対象|交流分野)/;
/** A stated total under the table ("合計 407件", "計 120機関" …). */
const TOTAL_RE = /^(合計|総計|総数|計)(?![\p{Script=Han}])/u;

/** Region group labels the table may interleave between countries (kept as regionLabel). */
const REGION_LABELS = new Set(
  [
    ...REGIONS.map((r) => r.name.ja),
    'アジア', '欧州', 'ヨーロッパ', '北米', '南米', '中南米', '北米・中南米', '中東', '中近東', 'アフリカ',
    '大洋州', 'オセアニア', '中央アジア', 'ロシア・NIS', 'NIS諸国',
  ].map((l) => despace(l)),
);

/**
 * Group labels written in the country column that are not countries. A row under one names an
 * international organisation; its country is where the organisation has its seat, from SEATS.
 */
const GROUP_LABELS = new Set(['国際連合', '国際機関']);
/** Seats of international organisations filed under a group label (reference data with reasons). */
const SEATS: { partner: string; code: string; reason: string }[] = [
  { partner: '国際連合食糧農業機関', code: 'IT', reason: 'FAO, the Food and Agriculture Organization of the United Nations, has its headquarters in Rome' },
];

/**
 * Territories the project keeps apart from the country a table files them under (DATA-MODEL.md:
 * HK and MO are their own codes). The agreements table lists 香港科技大学 and 澳門大学 under 中国;
 * a partner whose name starts with such a territory's name gets the territory's code.
 */
const TERRITORY_OF: Record<string, string> = { HK: 'CN', MO: 'CN' };

interface CountryCell {
  label: string;
  line: number;
  code?: string;
  group?: boolean;
}

/** A row being read: its cells so far (pieces of broken cells are appended) and its lines. */
interface Draft {
  lines: number[];
  /** The line holding the row's level cell. */
  line: number;
  levelIdx: number;
  country: CountryCell | undefined;
  region?: string;
  level: Agreement['level'];
  partner: string[];
  /** undefined when the row has no targets cell at all. */
  targets: string[] | undefined;
  fields: string[];
}

const compact = (s: string) => despace(s).replace(/\s+/g, '');

function readCountryCell(label: string, line: number): CountryCell {
  const code = resolveCountry(label);
  if (code) return { label, line, code };
  if (GROUP_LABELS.has(compact(label))) return { label, line, group: true };
  return { label, line };
}

/**
 * The institution of a partner cell and, where the name has one, the faculty or institute split
 * off it. A bracketed group that is no unit name is an alternate name or an abbreviation of the
 * institution itself ("国立工業工芸大学（パリ工科大学）", "エジプト日本科学技術大学（E-JUST）"):
 * it stays only in the record's partnerName.
 */
export function partnerParts(text: string): SplitName {
  const t = despace(text);
  const group = splitTrailingGroup(t);
  if (group && group.unit !== undefined && !isUnitName(group.unit)) return { name: group.name };
  const s = splitPartnerUnit(t);
  if (s.unit) return s;
  return splitAcademyUnit(t) ?? s;
}

/**
 * Kind of a partner, from institutionKind with one reading it lacks: a university named with its
 * city after 大学 (ライプニッツ大学ハノーファー, ユライ・ドブリラ大学プーラ) is still a university.
 */
export function partnerKind(name: string): string {
  const kind = institutionKind(name);
  return kind === 'other' && /大学/.test(name) ? 'university' : kind;
}

/** The territory code when a partner named after HK/MO is listed under the country holding it. */
function territoryOf(name: string, code: string): string | undefined {
  for (let len = 2; len <= Math.min(6, name.length - 1); len++) {
    const c = resolveCountry(name.slice(0, len));
    if (c && TERRITORY_OF[c] === code) return c;
  }
  return undefined;
}

/** True when a country label maps to its code only through data/reference/country-aliases.json. */
export function aliasOnly(label: string, code: string): boolean {
  const row = countryByCode(code);
  if (!row) return false;
  return ![row.name.ja, row.name.en, ...row.aliases].some((n) => countryKey(n) === countryKey(label));
}

/** Reads the agreements table of section s; `out` receives every line's disposition. */
export function readAgreements(ctx: SourceContext, s: Section, out: Sink): AgreementDraft[] {
  const drafts: Draft[] = [];
  const totals: { line: number; text: string }[] = [];
  let country: CountryCell | undefined;
  let region: string | undefined;
  /** Lines naming only a country: they belong to the next row. */
  let countryLines: number[] = [];
  /** Broken-cell pieces seen right after a page header: they belong to the next row. */
  let leading: { line: number; cells: string[] }[] = [];
  let afterHeader = true;

  /**
   * Adds the pieces of broken cells on `line` to row d, column by column, when each is plausible
   * for the cell it continues; otherwise reports the line and joins nothing.
   */
  const append = (d: Draft, line: number, cells: string[]) => {
    const pieces = cells.flatMap((c, i) => (c === '' ? [] : [{ slot: slotAt(d, cells.length, i), text: c }]));
    let targets = d.targets ?? [];
    const misfits: Misfit[] = [];
    for (const { slot, text } of pieces) {
      if (slot === 'level') misfits.push({ piece: text, cell: '全学/部局間 (level)', expected: 'nothing: a level cell is one word and never breaks' });
      else if (slot === 'targets') {
        targets = [...targets, text];
        if (!TARGETS_RE.test(compact(targets.join('')))) misfits.push({ piece: text, cell: '交流対象 (targets)', expected: '研究者 and/or 学生' });
      } else if (slot === 'partner' && !isJapaneseName(text)) {
        misfits.push({ piece: text, cell: '協定締結先 (partner)', expected: 'Japanese text (or a bracketed Latin name)' });
      } else if (slot === 'fields' && !isText(text)) {
        misfits.push({ piece: text, cell: '交流分野 (fields)', expected: 'Japanese or Latin text' });
      }
    }
    if (misfits.length > 0) {
      reportMisfits(out, line, 'no level cell (全学/部局間/CiC), so not an agreement row', d.line, misfits);
      return;
    }
    d.lines.push(line);
    for (const { slot, text } of pieces) {
      if (slot === 'fields') d.fields.push(text);
      else if (slot === 'targets') (d.targets ??= []).push(text);
      else d.partner.push(text);
    }
  };

  for (let n = s.from; n <= s.to; n++) {
    const raw = ctx.raw(n);
    if (raw.trim() === '') continue;
    if (readFiscalYearCaption(ctx, out, n) !== undefined) continue;
    const cells = cleanCells(ctx, n);
    const filled = cells.map((c, i) => ({ c, i })).filter((x) => x.c !== '');
    if (filled.some((x) => HEADER_RE.test(compact(x.c)))) {
      out.layout(n, 'column labels');
      afterHeader = true;
      continue;
    }
    const levelIdx = cells.findIndex((c) => LEVEL_RE.test(compact(c)));
    if (levelIdx < 0) {
      const only = filled.length === 1 ? filled[0]!.c : undefined;
      if (only !== undefined && REGION_LABELS.has(compact(only))) {
        out.layout(n, 'region label');
        region = only;
        continue;
      }
      if (only !== undefined && filled[0]!.i === 0 && cells.length > 1 && resolveCountry(only)) {
        country = readCountryCell(only, n);
        countryLines.push(n);
        continue;
      }
      if (filled.length > 0 && TOTAL_RE.test(compact(filled[0]!.c))) {
        totals.push({ line: n, text: filled.map((x) => x.c).join(' ') });
        continue;
      }
      const prev = drafts[drafts.length - 1];
      if (prev && !afterHeader) append(prev, n, cells);
      else leading.push({ line: n, cells });
      continue;
    }

    // A row: the cells before the level are [region?, country?, partner].
    const pre = filled.filter((x) => x.i < levelIdx);
    const partnerCell = pre[pre.length - 1];
    if (!partnerCell) {
      out.error(n, 'a level cell (全学/部局間/CiC) with no partner name before it');
      continue;
    }
    let before = pre.slice(0, -1);
    if (before.length > 0 && REGION_LABELS.has(compact(before[0]!.c)) && (before.length > 1 || !resolveCountry(before[0]!.c))) {
      region = before[0]!.c;
      before = before.slice(1);
    }
    if (before.length > 1) out.error(n, `more than one cell before the partner name: "${before.map((x) => x.c).join('", "')}"`);
    const countryCell = before[before.length - 1];
    if (countryCell) country = readCountryCell(countryCell.c, n);

    const post = cells.slice(levelIdx + 1);
    const hasTargets = post.length > 0 && TARGETS_RE.test(compact(post[0]!));
    const d: Draft = {
      lines: [...countryLines],
      line: n,
      levelIdx,
      country,
      ...(region ? { region } : {}),
      level: LEVELS[compact(cells[levelIdx]!).replace(/協定$/, '').toLowerCase()]!,
      partner: [],
      targets: hasTargets ? [] : undefined,
      fields: [],
    };
    // Pieces broken off above the row (right after a page header) come first.
    for (const f of leading) append(d, f.line, f.cells);
    d.lines.push(n);
    d.partner.push(partnerCell.c);
    if (hasTargets && post[0] !== '') (d.targets ??= []).push(post[0]!);
    d.fields.push(...(hasTargets ? post.slice(1) : post).filter((c) => c !== ''));
    countryLines = [];
    leading = [];
    drafts.push(d);
    afterHeader = false;
  }
  for (const f of leading) out.error(f.line, 'fits no shape: no level cell (全学/部局間/CiC), so not an agreement row, and no row to continue: expected an agreement row (country, partner, level, targets, fields) or the rest of a broken cell');
  for (const n of countryLines) out.error(n, 'fits no shape: a country cell with no agreement row after it');

  const agreements: AgreementDraft[] = [];
  for (const d of drafts) {
    const a = finish(ctx, out, d);
    if (a) agreements.push(a);
  }
  for (const t of totals) statedTotals(out, t.line, t.text, agreements);
  return agreements;
}

/**
 * The cell of row d that piece i of a broken line (of `width` cells) continues: a one-cell line
 * continues the fields; otherwise by column, relative to the row's level cell.
 */
function slotAt(d: Draft, width: number, i: number): 'partner' | 'level' | 'targets' | 'fields' {
  if (width === 1 || i >= d.levelIdx + 2) return 'fields';
  if (i === d.levelIdx + 1) return 'targets';
  return i < d.levelIdx ? 'partner' : 'level';
}

function finish(ctx: SourceContext, out: Sink, d: Draft): AgreementDraft | undefined {
  const first = Math.min(...d.lines);
  const partnerName = joinWrapped(d.partner);
  const { name, unit } = partnerParts(partnerName);
  const c = d.country;
  if (!c) {
    out.error(first, `no country for partner "${partnerName}": the table has not named one above this row`);
    return undefined;
  }
  let code = c.code;
  // An international organisation filed under a group label: not a consortium, whatever its name
  // says (国際連合食糧農業機関 contains 連合, "united").
  let kind = partnerKind(name);
  if (c.group) {
    const seat = SEATS.find((x) => jaKey(x.partner) === jaKey(name));
    if (!seat) {
      out.error(first, `"${name}" is listed under "${c.label}", which is not a country, and SEATS gives no seat for it`);
      return undefined;
    }
    code = seat.code;
    kind = 'other';
  }
  if (!code) {
    out.error(first, `country "${c.label}" (line ${c.line}) is in neither data/reference/countries.json nor country-aliases.json`);
    return undefined;
  }
  code = territoryOf(name, code) ?? code;
  if (c.code && name.startsWith(c.label) && aliasOnly(c.label, c.code)) {
    out.warn(first, `partner name starts with the country label "${c.label}", which resolves to ${c.code} only through data/reference/country-aliases.json: the name is kept as written`);
  }
  const targetsText = d.targets?.join('');
  let targets: Agreement['targets'];
  if (targetsText === undefined || compact(targetsText) === '') {
    out.warn(first, 'the exchange-targets cell (交流対象: 研究者 / 学生) is empty');
  } else {
    const t = compact(targetsText);
    targets = { researchers: t.includes('研究者'), students: t.includes('学生') };
  }
  const fields = d.fields.length > 0 ? despace(joinWrapped(d.fields)) : undefined;
  if (!fields) out.warn(first, 'the row has no fields cell (交流分野)');
  out.record(d.lines);
  const source = sourceRef(ctx, d.lines);
  return {
    id: `${ctx.source.id}-L${source.line}`,
    home: ctx.source.home,
    partner: { ja: name, country: code, kind, source },
    partnerName,
    ...(unit ? { partnerUnit: unit } : {}),
    countries: [code],
    countryLabel: c.label,
    ...(d.region ? { regionLabel: d.region } : {}),
    level: d.level,
    homeUnits: [],
    ...(targets ? { targets } : {}),
    ...(fields ? { fields } : {}),
    source,
  };
}

/** A stated total under the table becomes checks: agreements (件), institutions (機関), countries (か国). */
function statedTotals(out: Sink, line: number, text: string, agreements: AgreementDraft[]): void {
  const t = clean(text);
  const institutions = new Set(agreements.map((a) => `${a.partner.country}|${jaKey(a.partner.ja ?? '')}`)).size;
  const countries = new Set(agreements.map((a) => a.countries[0])).size;
  let any = false;
  for (const m of t.matchAll(/(\d[\d,]*)\s*(件|機関|大学等?|か国|カ国|ヶ国|国・地域)?/g)) {
    const stated = Number(m[1]!.replace(/,/g, ''));
    const unit = m[2] ?? '件';
    const [key, what, computed] =
      unit === '件' ? ['agreements', 'agreements in the table', agreements.length] as const
      : unit.startsWith('機関') || unit.startsWith('大学') ? ['institutions', 'partner institutions in the table', institutions] as const
      : ['countries', 'countries in the table', countries] as const;
    out.check({ key, line, what: `(3) ${what}`, stated, computed });
    any = true;
  }
  if (!any) out.error(line, 'a total line with no number');
}

export function parseAgreements(ctx: SourceContext, s: Section): ParseResult {
  return { agreements: readAgreements(ctx, s, ctx) };
}
