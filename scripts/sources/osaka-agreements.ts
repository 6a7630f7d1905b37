/**
 * Osaka University's list of department-level agreements (部局間学術交流協定一覧), manifest kind
 * `osaka-department-agreements`. One table row is one agreement (level `department`):
 *
 *   地域 ⇥ 国・地域名 ⇥ 大学名 (対応部局) ⇥ 対応部局 ⇥ 発効日 ⇥ 授業料相互不徴収 (上限)
 *
 * How the cells are read:
 * - A line with all six cells is read by position. Any other line is read by content: a region
 *   label, a country the reference tables know, a date, a waiver figure (× or a number); what is
 *   left is the partner cell and then the home-unit cell.
 * - A line that names a region or country, or brings a date (or waiver) when the row being read
 *   already has one, starts a new row; any other line continues the row above (a cell wrapped
 *   onto the next line) and the record lists every line in `source.lines`. A new row whose
 *   region/country cells are missing (cells shifted left after a page break) takes them from the
 *   row above, with a warning naming that row.
 * - Repeated column headers are layout; lines before the first header are titles (layout); lines
 *   starting with ※ or 注 are footnotes (notes).
 * - Partner cell: the institution's name as written (despaced), its department in the final
 *   bracket group as `partnerUnit` (nested brackets kept whole). Several institutions on one line
 *   make the partner a group of kind `consortium` whose members are kept in `partnerMembers`:
 *   a named consortium with bulleted members ("インドネシア学術コンソーシアム ・バンドン工科大学
 *   (…) ・ガジャマダ大学 (…)" → the consortium is the partner), parties separated by "/" in two
 *   countries or each with its own department (the partner is named "A / B"), and member
 *   universities listed after their university ("ホーチミン市国家大学工科大学・自然科学大学・国際大学").
 *   "A / B" in one country where B has no department of its own reads B as a part of A (a warning).
 * - Home-unit cell: unit names separated by spaces or "/", names broken by a line wrap re-joined
 *   (the longest run of fragments that data/reference/units/osaka.json knows wins); each name is
 *   mapped through that table, and an unknown one is an error naming it.
 * - 発効日: one date → signedOn. Several dates or extra words → every date in `dates`, signedOn the
 *   earliest (when the first agreement of the line took effect), dateRaw kept, and a warning.
 * - 授業料相互不徴収 (上限): a number → {max: n}; × → {max: 0}; anything else (figures per
 *   agreement or per level) → {max: null}; raw always kept. A ※ mark with no footnote anywhere in
 *   the document is a warning.
 * - The list states no totals or counts, so the parser makes no checks.
 */
import type { SourceContext } from '../lib/context.ts';
import type { AgreementDraft, ParseResult, PartnerMention } from './types.ts';
import type { HomeId } from '../lib/homes.ts';
import { clean, despace, splitCells } from '../lib/text.ts';
import { resolveCountry } from '../lib/countries.ts';
import { resolveUnit } from '../lib/units.ts';
import { parseDate } from '../lib/dates.ts';
import { splitPartnerUnit, splitTrailingGroup, splitAcademyUnit, institutionKind } from '../lib/partners.ts';

type Slot = 'region' | 'country' | 'partner' | 'home' | 'date' | 'waiver';
/** Column order of the table. */
const COLUMNS: Slot[] = ['region', 'country', 'partner', 'home', 'date', 'waiver'];

/** Region labels this list uses (the first column). */
const REGION_LABELS = new Set(['アジア', 'アフリカ', 'オセアニア', 'ヨーロッパ', '欧州', '中南米', '南米', '中東', '北米', '大洋州', 'ロシア・NIS', '中央アジア']);

/** Column labels of the header row (key: NFKC, no whitespace). */
const HEADER_LABELS = new Set([
  '地域', '国・地域名', '国・地域', '国名', '大学名(対応部局)', '大学名', '機関名', '対応部局', '発効日', '締結日',
  '授業料相互不徴収(上限)', '授業料相互不徴収', '授業料不徴収',
]);
/** Pieces of a header label wrapped onto the next line. */
const HEADER_FRAGMENTS = new Set(['(上限)', '上限', '(対応部局)', '名', '日']);

const key = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');
/** A cell as written, only its whitespace collapsed (a cell continued on the next line joins with a space). */
const asWritten = (s: string) => s.trim().replace(/\s+/gu, ' ');

const DATE_LIKE = /\d{4}\s*[./\-年]\s*\d{1,2}|(令和|平成|昭和)\s*(\d{1,2}|元)\s*年/;
/** Circled numbers ①–⑳ that number the parts of a compound cell (NFKC would turn ① into 1). */
const CIRCLED = /[\u2460-\u2473]/gu;
const HAS_CIRCLED = /[\u2460-\u2473]/u;
/** "×" (none) or a bare figure, optionally with a footnote mark. Tested on the raw cell so ① is not read as 1. */
const WAIVER_SIMPLE = /^(?:[×✕✖xX]|[0-9０-９]+\s*[※＊*]?)$/u;

interface Piece {
  slot: Slot;
  text: string;
  line: number;
}

interface Row {
  lines: number[];
  pieces: Piece[];
  /** Line of the row the region/country came from, when this row's own cells were missing. */
  carriedFrom?: number;
}

const has = (row: Row, slot: Slot) => row.pieces.some((p) => p.slot === slot);
const textOf = (row: Row, slot: Slot) => row.pieces.filter((p) => p.slot === slot).map((p) => p.text.trim()).join(' ').trim();
const depth = (s: string) => (s.match(/[(（[［]/g)?.length ?? 0) - (s.match(/[)）\]］]/g)?.length ?? 0);

/** Country codes for a country cell: one country, or several joined by ・ or / (consortium rows). */
export function countriesOf(label: string): string[] | undefined {
  const whole = resolveCountry(label);
  if (whole) return [whole];
  const parts = clean(label).split(/[・/／、,]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  const codes = parts.map((p) => resolveCountry(p));
  return codes.every((c): c is string => c !== undefined) ? codes : undefined;
}

/** Longest run of fragments tried as one unit name (a name spaced out character by character). */
const MAX_JOIN = 16;

/**
 * Unit ids for a home-unit cell. Names are separated by spaces or "/"; a name broken over a space
 * or a line ("レーザーエネルギー学研究 センター", or spaced out: "理 学 部") is re-joined: at each
 * fragment the longest run of fragments the units table knows is taken. Fragments nothing maps are
 * returned.
 */
export function homeUnitsOf(home: HomeId, raw: string): { ids: string[]; unmapped: string[] } {
  const tokens = clean(raw).split(/[\s/、,]+/u).filter(Boolean);
  const ids: string[] = [];
  const unmapped: string[] = [];
  let i = 0;
  let lastUnmapped = false;
  outer: while (i < tokens.length) {
    for (let k = Math.min(MAX_JOIN, tokens.length - i); k >= 1; k--) {
      const found = resolveUnit(home, tokens.slice(i, i + k).join(''));
      if (found) {
        for (const id of found) if (!ids.includes(id)) ids.push(id);
        i += k;
        lastUnmapped = false;
        continue outer;
      }
    }
    // Neighbouring fragments nothing maps are reported as one label.
    if (lastUnmapped) unmapped[unmapped.length - 1] += ` ${tokens[i]!}`;
    else unmapped.push(tokens[i]!);
    lastUnmapped = true;
    i++;
  }
  return { ids, unmapped };
}

export interface TuitionWaiver {
  max: number | null;
  raw: string;
}

/** 授業料相互不徴収 (上限): "5" → 5, "×" → 0, compound text → null; the raw text is kept. */
export function parseWaiver(cell: string): { waiver: TuitionWaiver; kind: 'number' | 'none' | 'compound'; mark: boolean } {
  const raw = asWritten(cell);
  if (/^[×✕✖xX]$/u.test(raw)) return { waiver: { max: 0, raw }, kind: 'none', mark: false };
  if (WAIVER_SIMPLE.test(raw)) {
    const n = Number(raw.normalize('NFKC').replace(/[^0-9]/g, ''));
    return { waiver: { max: n, raw }, kind: 'number', mark: /[※＊*]/u.test(raw) };
  }
  return { waiver: { max: null, raw }, kind: 'compound', mark: false };
}

/** One party of a partner cell: the institution, its department, and an English name where written. */
export interface Party {
  name: string;
  unit?: string;
  en?: string;
  /** A bracketed acronym of the institution itself ("韓国窯業技術院（KICET）"), not a department. */
  abbreviation?: string;
}

const tidyUnit = (s: string) => despace(s).replace(/\s*\/\s*/g, '/');
/** A university's name, a space, then a department: "サンパウロ大学 エスコラポリテクニカ". */
const HEAD_SPACE = /^(.+大学校?)\s+(\S.*)$/u;
const UNIT_WORDS = /\b(Department|Faculty|School|Institute|Center|Centre|Laboratory|Division|College|Program(?:me)?)\b/i;

/** Reads one institution as written: "アイルランガ大学 (歯学部)" → name アイルランガ大学, unit 歯学部. */
export function parseParty(text: string): Party {
  let t = clean(text);
  const party: Partial<Party> = {};
  // An English tail outside brackets: "シカゴ大学 The Ben May Department for Cancer Research University of Chicago".
  const tail = /^(.*[^\x00-\x7F][^()]*?)\s+([A-Za-z][\x20-\x7E]*)$/u.exec(t);
  if (tail && depth(tail[1]!) === 0 && !/[()]/.test(tail[2]!)) {
    t = tail[1]!;
    const en = tail[2]!.trim();
    const split = /^(.+?)\s+((?:The\s+)?University\s+of\s+.+|(?:\S+\s+){0,3}University)$/u.exec(en);
    if (split && UNIT_WORDS.test(split[1]!)) {
      party.unit = split[1]!;
      party.en = split[2]!;
    } else party.en = en;
  }
  const group = splitTrailingGroup(t);
  if (group?.unit) {
    t = group.name;
    // "韓国窯業技術院（KICET）": an acronym of the institution itself, not a department.
    if (/^[A-Z][A-Z0-9]{1,9}$/.test(group.unit)) party.abbreviation = group.unit;
    else return finish(t, { ...party, unit: party.unit ?? group.unit });
  }
  if (!party.unit) {
    const space = HEAD_SPACE.exec(t);
    const academy = splitAcademyUnit(t);
    if (space && !/校$/u.test(space[2]!) && !/大学/u.test(space[2]!) && /[^\x00-\x7F]/u.test(space[2]!)) {
      // A campus ("… ラドクラバン校") or a second university ("… イリガン工科大学") stays in the name.
      t = space[1]!;
      party.unit = space[2]!;
    } else if (academy) {
      // An institute of an academy: "インドネシア科学院 冶金・素材研究所", "中国科学院近代物理研究所".
      t = academy.name;
      party.unit = academy.unit;
    } else {
      const s = splitPartnerUnit(t);
      t = s.name;
      if (s.unit) party.unit = s.unit;
    }
  }
  return finish(t, party);
}

function finish(name: string, p: Partial<Party>): Party {
  const out: Party = { name: despace(name) };
  if (p.unit) out.unit = tidyUnit(p.unit);
  if (p.en) out.en = p.en;
  if (p.abbreviation) out.abbreviation = p.abbreviation;
  return out;
}

/**
 * Kind of a partner: institutionKind, except that a university or hospital whose name goes on after
 * its head word ("インド工科大学ボンベイ", "南洋理工大學", "アポロ病院ダッカ") is still one.
 */
export function partnerKind(name: string): string {
  const k = institutionKind(name);
  if (k !== 'other') return k;
  if (/病院/u.test(name)) return 'hospital';
  if (/大[学學]/u.test(name)) return 'university';
  return k;
}

/** Splits on a separator outside brackets. */
function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let d = 0;
  let cur = '';
  for (const c of s) {
    if ('(（[［'.includes(c)) d++;
    else if (')）]］'.includes(c)) d--;
    if (c === sep && d === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

export interface PartnerCell {
  /** Name of the partner: the institution, or the consortium / group of institutions. */
  name: string;
  unit?: string;
  en?: string;
  kind: string;
  /** The institution's own acronym, bracketed after its name. */
  abbreviation?: string;
  members?: Party[];
  /** The cell was read one way of two: said in a warning. */
  note?: string;
}

/** Reads a partner cell: one institution, or a consortium / group of institutions (see the file comment). */
export function parsePartnerCell(text: string, countryCount: number): PartnerCell {
  const t = clean(text);
  // A named consortium with bulleted members: "X コンソーシアム ・A大学 (…) ・B大学 (…)".
  const bullets = t.split(/\s+・\s*/u);
  if (bullets.length >= 2 && bullets[0]) {
    return { name: despace(bullets[0]), kind: 'consortium', members: bullets.slice(1).map(parseParty) };
  }
  // Parties separated by "/" outside brackets.
  const parts = splitTopLevel(t, '/');
  if (parts.length >= 2 && !parts.slice(1).every((p) => /^[^大()]*校$/u.test(despace(p)))) {
    const parties = parts.map(parseParty);
    if (countryCount > 1 || parts.every((p) => splitTrailingGroup(p) !== undefined)) {
      return { name: parties.map((p) => p.name).join(' / '), kind: 'consortium', members: parties };
    }
    const first = parties[0]!;
    const rest = parts.slice(1).map(despace).join('/');
    return {
      name: first.name,
      unit: first.unit ? `${first.unit}/${rest}` : rest,
      ...(first.en ? { en: first.en } : {}),
      kind: partnerKind(first.name),
      note: `"${parts.join(' / ')}": one country and no department of its own after "/", so "${rest}" is read as a part of ${first.name}`,
    };
  }
  // Member universities listed after their university: "P大学A大学・B大学・C大学".
  const segs = despace(t).split('・');
  const head = /^(.+?大学)(.+大学)$/u.exec(segs[0] ?? '');
  if (segs.length >= 2 && head && segs.every((s) => /大学$/u.test(s) && !/[()]/.test(s))) {
    const members = [segs[0]!, ...segs.slice(1).map((s) => head[1]! + s)].map((name) => ({ name }));
    return { name: despace(t), kind: 'consortium', members };
  }
  const p = parseParty(t);
  return {
    name: p.name,
    ...(p.unit ? { unit: p.unit } : {}),
    ...(p.en ? { en: p.en } : {}),
    ...(p.abbreviation ? { abbreviation: p.abbreviation } : {}),
    kind: partnerKind(p.name),
  };
}

function isHeader(cells: string[]): boolean {
  return cells.filter((c) => HEADER_LABELS.has(key(c))).length >= 2;
}

/** Classifies one cell by its content (lines whose six columns did not survive the extraction). */
function classify(cell: string): Slot | 'text' {
  const c = clean(cell);
  if (REGION_LABELS.has(key(despace(c)))) return 'region';
  if (countriesOf(c)) return 'country';
  if (DATE_LIKE.test(clean(cell.replace(CIRCLED, ' ')))) return 'date';
  if (WAIVER_SIMPLE.test(cell.trim()) || (HAS_CIRCLED.test(cell) && /\d/.test(c))) return 'waiver';
  return 'text';
}

export function parseOsakaAgreements(ctx: SourceContext): ParseResult {
  const home = ctx.source.home;
  const rows: Row[] = [];
  let current: Row | undefined;
  let seenHeader = false;
  let afterHeader = false;
  const footnoted = ctx.lines.some((l) => /^\s*[※＊*]/u.test(l));

  for (let n = 1; n <= ctx.lineCount; n++) {
    const raw = ctx.raw(n);
    if (raw.trim() === '') continue;
    const cells = splitCells(raw);
    const filled = cells.map((c) => c.trim()).filter(Boolean);
    if (isHeader(filled)) {
      ctx.layout(n, 'column header');
      seenHeader = true;
      afterHeader = true;
      continue;
    }
    if (afterHeader && filled.every((c) => HEADER_FRAGMENTS.has(key(c)))) {
      ctx.layout(n, 'column header, wrapped');
      continue;
    }
    afterHeader = false;
    if (/^[※＊*]|^注[\s:：.．]/u.test(filled[0]!)) {
      ctx.note(n);
      continue;
    }
    if (!seenHeader && filled.length < 4) {
      // A title above the table is Japanese text; anything else before the header fits no shape.
      if (filled.every((c) => /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(c))) ctx.layout(n, 'title');
      else ctx.error(n, 'fits no shape: before the column header only a title is expected');
      continue;
    }
    if (filled.length === 1 && /^[-‐–—]?\s*\d{1,3}\s*[-‐–—]?$|^\d+\s*\/\s*\d+$/u.test(filled[0]!) && (!current || has(current, 'waiver'))) {
      ctx.layout(n, 'page number');
      continue;
    }

    // The pieces of this line, by position when all six cells are there, else by content.
    const pieces: Piece[] = [];
    if (cells.length === COLUMNS.length) {
      cells.forEach((c, i) => {
        if (c.trim()) pieces.push({ slot: COLUMNS[i]!, text: c, line: n });
      });
    } else {
      const texts: string[] = [];
      for (const c of cells) {
        if (!c.trim()) continue;
        const slot = classify(c);
        if (slot === 'text') texts.push(c);
        else pieces.push({ slot, text: c, line: n });
      }
      const continuing = current && !pieces.some((p) => p.slot === 'region' || p.slot === 'country');
      const claimed = new Set<Slot>();
      for (const [i, c] of texts.entries()) {
        let slot: Slot;
        const open = continuing ? (['partner', 'home', 'date', 'waiver'] as Slot[]).find((s) => !claimed.has(s) && depth(textOf(current!, s)) > 0) : undefined;
        if (open) slot = open;
        else if (texts.length >= 2) slot = i === 0 ? 'partner' : 'home';
        else if (homeUnitsOf(home, c).unmapped.length === 0) slot = 'home';
        else if (continuing && homeUnitsOf(home, `${textOf(current!, 'home')} ${c}`).unmapped.length === 0 && has(current!, 'home')) slot = 'home';
        else slot = 'partner';
        if (texts.length > 2 && i >= 2) {
          ctx.error(n, `more text cells than a partner and a home-unit cell: "${clean(c)}"`);
          continue;
        }
        claimed.add(slot);
        pieces.push({ slot, text: c, line: n });
      }
    }
    if (pieces.length === 0) {
      ctx.layout(n, 'empty cells');
      continue;
    }

    // A piece that closes a bracket left open in the row above continues that cell; any other
    // region, country, or second date / waiver starts a new row.
    const fresh = (slot: Slot) => pieces.some((p) => p.slot === slot && !(current && depth(textOf(current, slot)) > 0));
    const startsRow =
      !current ||
      fresh('region') || fresh('country') ||
      (fresh('date') && has(current, 'date')) ||
      (fresh('waiver') && has(current, 'waiver'));
    if (startsRow) {
      current = { lines: [n], pieces };
      rows.push(current);
    } else {
      // A continuation line: never joined silently. Text with no Japanese in it cannot be part of a
      // wrapped partner or unit name of this list, so it fits no shape.
      const alien = pieces.find((p) => (p.slot === 'partner' || p.slot === 'home') && depth(textOf(current!, p.slot)) === 0 && !/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(p.text));
      if (alien) {
        ctx.error(n, `fits no shape: no region, country, date or waiver of its own, and "${clean(alien.text)}" is not a wrapped part of the row of line ${current!.lines[0]}`);
        continue;
      }
      ctx.warn(n, `continues the row of line ${current!.lines[0]}: ${pieces.map((p) => `"${clean(p.text)}" joined to its ${p.slot} cell`).join(', ')}`);
      current!.lines.push(n);
      current!.pieces.push(...pieces);
    }
  }

  // Region and country carried from the row above when a row's leading cells are missing.
  for (const [i, row] of rows.entries()) {
    if (has(row, 'region') && has(row, 'country')) continue;
    const prev = rows.slice(0, i).reverse().find((r) => has(r, 'country'));
    if (!prev) continue;
    if (!has(row, 'country')) row.pieces.push(...prev.pieces.filter((p) => p.slot === 'country' || (p.slot === 'region' && !has(row, 'region'))));
    else if (!has(row, 'region')) row.pieces.push(...prev.pieces.filter((p) => p.slot === 'region'));
    row.carriedFrom = prev.lines[0]!;
  }

  const agreements: AgreementDraft[] = [];
  const regions = new Map<string, { country: string; label: string }>();
  for (const row of rows) {
    const a = toAgreement(ctx, row, footnoted);
    if (!a) continue;
    agreements.push(a);
    if (a.regionLabel) for (const c of a.countries) regions.set(`${c}|${a.regionLabel}`, { country: c, label: a.regionLabel });
  }
  return { agreements, sourceRegions: [...regions.values()] };
}

function toAgreement(ctx: SourceContext, row: Row, footnoted: boolean): AgreementDraft | undefined {
  const line = row.lines[0]!;
  const home = ctx.source.home;
  const partnerRaw = textOf(row, 'partner');
  if (!partnerRaw) {
    const found = [...new Set(row.pieces.map((p) => p.slot))].join(', ');
    ctx.error(line, `a row needs a partner (大学名) cell; this line has only: ${found}`);
    return undefined;
  }
  const countryRaw = asWritten(textOf(row, 'country'));
  if (!countryRaw) {
    ctx.error(line, 'no country cell, and no row above to carry one from');
    return undefined;
  }
  const countries = countriesOf(countryRaw);
  if (!countries) {
    ctx.error(line, `country "${countryRaw}" is not in data/reference/countries.json or country-aliases.json`);
    return undefined;
  }
  if (row.carriedFrom !== undefined) {
    ctx.warn(line, `region/country cells missing (cells shifted after a page break?): taken from the row on line ${row.carriedFrom}`);
  }
  ctx.record(row.lines);

  const source = row.lines.length > 1 ? { id: ctx.source.id, line, lines: [...row.lines] } : { id: ctx.source.id, line };
  const partner = parsePartnerCell(partnerRaw, countries.length);
  if (partner.note) ctx.warn(line, partner.note);
  const mention: PartnerMention = {
    ja: partner.name,
    ...(partner.en ? { en: partner.en } : {}),
    country: countries[0]!,
    kind: partner.kind,
    source,
  };

  const homeRaw = textOf(row, 'home');
  const units = homeUnitsOf(home, homeRaw);
  if (!homeRaw) ctx.error(line, 'no home-unit (対応部局) cell');
  for (const u of units.unmapped) ctx.error(line, `home unit "${u}" is not in data/reference/units/${home}.json (cell: "${clean(homeRaw)}")`);

  const dateRaw = textOf(row, 'date');
  const date = dateRaw ? parseDate(dateRaw.replace(CIRCLED, ' ')) : undefined;
  if (!date) ctx.warn(line, 'no date (発効日) cell');
  else if (date.problem) ctx.warn(line, `date cell "${asWritten(dateRaw)}": ${date.problem}`);
  const sorted = date ? [...date.all].sort() : [];

  const waiverRaw = textOf(row, 'waiver');
  const waiver = waiverRaw ? parseWaiver(waiverRaw) : undefined;
  if (!waiver) ctx.warn(line, 'no tuition-waiver (授業料相互不徴収) cell');
  else if (waiver.kind === 'compound') ctx.warn(line, `tuition-waiver cell "${waiver.waiver.raw}" gives no single maximum: max left null, the text kept`);
  else if (waiver.mark && !footnoted) ctx.warn(line, `tuition-waiver figure "${waiver.waiver.raw}" carries a footnote mark, and the document has no footnote`);

  const members = partner.members?.map((m, i) => ({
    name: m.name,
    ...(m.unit ? { unit: m.unit } : {}),
    country: countries.length === partner.members!.length ? countries[i]! : countries[0]!,
  }));

  return {
    id: `${ctx.source.id}-L${line}`,
    home,
    partner: mention,
    partnerName: partner.abbreviation ? `${partner.name} (${partner.abbreviation})` : partner.name,
    ...(partner.unit ? { partnerUnit: partner.unit } : {}),
    ...(members ? { partnerMembers: members } : {}),
    countries,
    countryLabel: countryRaw,
    ...(textOf(row, 'region') ? { regionLabel: despace(textOf(row, 'region')) } : {}),
    level: 'department',
    homeUnits: units.ids,
    homeUnitsRaw: asWritten(homeRaw),
    ...(date?.iso ? { signedOn: date.iso } : sorted.length > 0 ? { signedOn: sorted[0]! } : {}),
    ...(date && date.problem && date.all.length > 0 ? { dates: date.all } : {}),
    ...(dateRaw ? { dateRaw: asWritten(dateRaw) } : {}),
    ...(waiver ? { tuitionWaiver: waiver.waiver } : {}),
    source,
  };
}
