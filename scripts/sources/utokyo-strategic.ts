/**
 * The University of Tokyo's brochure on its Strategic Partnerships (戦略的パートナーシップ).
 *
 * What the extraction gives, and how it is read (by content, never by line number):
 * - The legend of participating departments (参画部局凡例): lines "<full unit name><abbreviation>",
 *   e.g. "人文社会系研究科人 文", two entries broken over two lines. It is read first: every department
 *   code of the brochure is decoded through it (longest match), then resolved to a unit id of
 *   data/reference/units/utokyo.json.
 * - Partnership blocks: a paragraph on the partnership's history, then its name line
 *   "<Japanese name> （ABBR） <department codes>" (or a ＊ remark instead of codes). A group
 *   ("…大学群", "…グランゼコール群") has its member list, in English, right before or after its
 *   name line.
 * - The Department List (パートナーシップ校および参画部局一覧): the same partnerships again, name lines
 *   without codes and code lines on their own, in two columns the extraction interleaved (codes can
 *   land above their name). Read as corroboration: each code line is given to the neighbouring entry
 *   whose block it continues; disagreements are reported.
 * - Tiers: the page headers "主要な戦略的パートナーシップ校 / Primary …" and "戦略的パートナーシップ構築を
 *   見通せる大学 / Prospective …". The extraction puts a page header anywhere on its page (the VNU and
 *   YTU blocks come before the Prospective header of their page), so a block takes the tier of the
 *   header on its own page; a page without a header continues the previous page's tier. Each page of
 *   the extraction starts with a line indented by a space.
 * - The rest is recognised by what it is: prose (Japanese text, or English words continuing an open
 *   sentence) becomes notes, with its stated counts as checks where the parsed partnerships let them
 *   be recomputed; headings (short Japanese lines without sentence punctuation, with their English
 *   title in title case), phase headings (第N期) and the phase diagram's bullets (●) are layout or
 *   notes. A line that fits none of these shapes (no real words: "qqq zzz %%%") is an error at its
 *   line saying what its neighbours expected there; paragraphs, member lists and two-line legend
 *   entries continue past it.
 */
import type { SourceContext } from '../lib/context.ts';
import type { HomeId } from '../lib/homes.ts';
import { clean, despace } from '../lib/text.ts';
import { resolveCountry, resolvePlace, mayStartCountryName } from '../lib/countries.ts';
import { resolveUnit } from '../lib/units.ts';
import { institutionKind } from '../lib/partners.ts';
import type { AgreementDraft, ParseResult, PartnerMention, StrategicPartnershipDraft } from './types.ts';

type Tier = 'primary' | 'prospective';
type Fact = NonNullable<StrategicPartnershipDraft['facts']>[number];

// ─── Legend and department codes ────────────────────────────────────────────────────────────────

/** One entry of the brochure's legend: an abbreviation and the unit it stands for. */
export interface LegendEntry {
  /** Abbreviation, spaces removed (NFKC): "人文", "IPMU". */
  abbr: string;
  /** Full unit name as printed (NFKC, spaces removed): "人文社会系研究科". */
  name: string;
  lines: number[];
  /** Unit id in data/reference/units/<home>.json, when the name resolves. */
  unit?: string;
}

/** Words a unit name of the legend ends with (before an optional bracketed acronym). */
const UNIT_END = '(?:研究科|研究所|センター|機構|本部|病院|学府|教育部)';
/** Legend line: "<unit name><abbreviation>"; the abbreviation is 1–4 kanji/katakana (spaced or not) or Latin capitals. */
const LEGEND_RE = new RegExp(
  `^([^\\s、。「」,]+?${UNIT_END}(?:\\([^()]*\\))?)\\s*((?:[\\p{Script=Han}\\p{Script=Katakana}ー]\\s*){1,4}|[A-Z]{2,6})$`,
  'u',
);

/** Reads "人文社会系研究科人 文" as { name: "人文社会系研究科", abbr: "人文" }; undefined when not a legend line. */
export function parseLegendLine(text: string): { name: string; abbr: string } | undefined {
  const m = LEGEND_RE.exec(clean(text));
  if (!m) return undefined;
  return { name: m[1]!.replace(/\s+/g, ''), abbr: m[2]!.replace(/\s+/g, '') };
}

/**
 * Splits a run of department codes into abbreviations of the legend, longest match first:
 * with "I", "IS" and "IIS" in the legend, "IIS" is one code, never "I" + "IS". Spaces are ignored
 * (the extraction both spaces one code out, "経 済", and runs two together, "工理"). When the
 * longest code at a position leads to a dead end, the next shorter one is tried. Undefined when
 * the text is not entirely made of codes.
 */
export function decodeCodes(text: string, abbrs: Iterable<string>): string[] | undefined {
  const s = clean(text).replace(/\s+/g, '');
  if (s === '') return [];
  const codes = [...new Set(abbrs)].filter((a) => a !== '').sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const memo = new Map<number, string[] | null>();
  const from = (i: number): string[] | null => {
    if (i === s.length) return [];
    const hit = memo.get(i);
    if (hit !== undefined) return hit;
    let out: string[] | null = null;
    for (const c of codes) {
      if (!s.startsWith(c, i)) continue;
      const rest = from(i + c.length);
      if (rest) {
        out = [c, ...rest];
        break;
      }
    }
    memo.set(i, out);
    return out;
  };
  return from(0) ?? undefined;
}

/** Characters of `text` (spaces removed) that no legend code covers, scanning longest-first. */
function uncoded(text: string, abbrs: readonly string[]): { covered: number; unknown: string } {
  const s = clean(text).replace(/\s+/g, '');
  const codes = [...abbrs].sort((a, b) => b.length - a.length);
  let covered = 0;
  let unknown = '';
  for (let i = 0; i < s.length; ) {
    const c = codes.find((a) => s.startsWith(a, i));
    if (c) {
      covered += c.length;
      i += c.length;
    } else unknown += s[i++];
  }
  return { covered: s.length ? covered / s.length : 0, unknown };
}

/** A line of short tokens (≤ 4 characters, no sentence punctuation): what a row of codes looks like. */
function looksLikeCodes(text: string): boolean {
  const t = clean(text);
  return t !== '' && !/[、。,]/.test(t) && t.split(' ').every((w) => w.length <= 4);
}

// ─── Names, tiers, member lists ─────────────────────────────────────────────────────────────────

const TIER_LABELS: { tier: Tier; re: RegExp }[] = [
  { tier: 'primary', re: /主要な戦略的パートナーシップ校|Primary Strategic Partner(?:ship)? Universities/i },
  { tier: 'prospective', re: /戦略的パートナーシップ構築を見通せる大学|Prospective Strategic Partner(?:ship)? Universities/i },
];

/** The tier a header line names, when the whole line is exactly one tier label. */
export function tierOfHeader(text: string): Tier | undefined {
  const t = clean(text);
  const hits = TIER_LABELS.filter((l) => l.re.test(t));
  if (hits.length !== 1) return undefined;
  return t.replace(hits[0]!.re, '').trim() === '' ? hits[0]!.tier : undefined;
}

/** A line made of two or more tier labels only: the Department List's column headers. */
function isColumnHeader(text: string): boolean {
  let t = clean(text);
  let n = 0;
  for (const l of TIER_LABELS) if (l.re.test(t)) { t = t.replace(l.re, ''); n++; }
  return n >= 2 && t.trim() === '';
}

/** An institution's (or a group's) Japanese name as a name line starts with it. */
const NAME_RE = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー・]{1,30}?(?:大学校|大学|校|群)$/u;

export interface NameLine {
  /** Japanese name as printed, without the abbreviation. */
  name: string;
  /** Latin abbreviation printed after the name in brackets: "PKU". */
  abbreviation?: string;
  /** What follows the name: department codes, a ＊ remark, or nothing (Department List entry). */
  rest: string;
}

/** Splits "北京大学 （PKU） 法 工 …" into name, abbreviation and the rest; undefined when the line does not start with a name. */
export function splitNameLine(text: string): NameLine | undefined {
  const t = clean(text);
  if (tierOfHeader(t) || isColumnHeader(t)) return undefined;
  const m = /^(\S+)(?:\s+(.*))?$/.exec(t);
  if (!m) return undefined;
  let token = m[1]!;
  let rest = m[2] ?? '';
  let abbreviation: string | undefined;
  const attached = /^(.+)\(([A-Za-z]{2,10})\)$/.exec(token);
  if (attached) {
    token = attached[1]!;
    abbreviation = attached[2]!;
  } else {
    const spaced = /^\(([A-Za-z]{2,10})\)\s*(.*)$/.exec(rest);
    if (spaced) {
      abbreviation = spaced[1]!;
      rest = spaced[2]!;
    }
  }
  if (!NAME_RE.test(token)) return undefined;
  return { name: token, ...(abbreviation ? { abbreviation } : {}), rest: rest.trim() };
}

/** A group of institutions, by its name: "ストックホルム大学群", "パリ・グランゼコール群". */
function isGroupName(name: string): boolean {
  return /群$/.test(name);
}

/** Latin script only (names of institutions in English, French, Spanish; English titles). */
function isLatinLine(text: string): boolean {
  const t = clean(text);
  return /\p{Script=Latin}/u.test(t) && !/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(t);
}

// ─── What real text looks like ──────────────────────────────────────────────────────────────────

const JAPANESE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Punctuation prose and headings use (after NFKC): brackets, quotes, separators, sentence marks. */
const PROSE_PUNCTUATION = /^[、。・「」『』【】〈〉《》()[\]\-‐–—+,*“”‘’"'~〜/@:;.?!&…=]$/u;

/**
 * Japanese text: at least two Japanese characters, and nothing but letters, digits, spaces and the
 * punctuation prose uses ("%" only after a figure). What a paragraph line, a heading or a diagram
 * label is made of; a line of symbols or of Latin letters only is not.
 */
export function isJapaneseText(text: string): boolean {
  const t = clean(text);
  if ((t.match(JAPANESE_CHAR) ?? []).length < 2) return false;
  return [...t.replace(/(\d)%/g, '$1')].every((c) => /[\p{L}\p{M}\p{N}\s]/u.test(c) || PROSE_PUNCTUATION.test(c));
}

/**
 * A word of a Latin-script language: letters (joined by - ' . & @ /), a figure, or an acronym in
 * capitals, with surrounding quotes and punctuation ignored. A word in lower case has a vowel:
 * "qqq" is no word, "%%%" neither.
 */
export function isLatinWord(token: string): boolean {
  const w = token.replace(/^[“"‘'(\[]+/u, '').replace(/[”"’')\].,:;?!]+$/u, '');
  if (/^\d+(?:[.,:]\d+)*$/.test(w)) return true;
  if (!/^[\p{L}\p{M}]+(?:[-'’.&@/][\p{L}\p{M}]+)*\.?$/u.test(w)) return false;
  if (w === w.toUpperCase()) return true;
  return /[aeiouy]/i.test(w.normalize('NFD'));
}

/** A line of Latin-script words only (see isLatinWord). */
export function isLatinWords(text: string): boolean {
  const ws = clean(text).split(' ').filter((w) => w !== '');
  return ws.length > 0 && ws.every(isLatinWord) && ws.some((w) => /\p{L}/u.test(w));
}

/** An English title: at most 8 words, the first and at least half of them capitalised ("What are Strategic Partnerships?", "Aims"). */
export function isEnglishTitle(text: string): boolean {
  const ws = clean(text).split(' ').filter((w) => w !== '');
  const capital = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
  return isLatinWords(text) && !/[,;]/.test(text) && ws.length <= 8 && /^\p{Lu}/u.test(ws[0] ?? '') && capital * 2 >= ws.length;
}

/** Institutions' names separated by commas, each a run of words starting with a capital ("KTH Royal Institute of Technology, ENPC,"). */
export function isInstitutionList(text: string): boolean {
  const names = clean(text).split(',').map((s) => s.trim()).filter((s) => s !== '');
  return names.length > 0 && names.every((s) => /^\p{Lu}/u.test(s) && isLatinWords(s));
}

/** Splits a member list "A, B, C," (possibly over several lines) into names. */
export function splitMembers(texts: readonly string[]): string[] {
  return texts.map(clean).join(' ').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

// ─── Countries ──────────────────────────────────────────────────────────────────────────────────

const KATAKANA = /[\p{Script=Katakana}ー]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * Countries named anywhere inside a text (an institution's name, a paragraph): every substring that
 * data/reference/countries.json, country-aliases.json or places.json maps, longest first. A katakana name must
 * be a whole katakana word (アメリカ is not read inside ラテンアメリカ) and a Latin one a whole word.
 */
export function countriesNamedIn(text: string): string[] {
  const t = clean(text);
  const found: string[] = [];
  for (let i = 0; i < t.length; ) {
    let hit: { code: string; len: number } | undefined;
    if (!mayStartCountryName(t[i]!)) {
      i++;
      continue;
    }
    for (let len = Math.min(30, t.length - i); len >= 2 && !hit; len--) {
      const s = t.slice(i, i + len);
      if (/^\s|\s$/.test(s)) continue;
      const code = resolveCountry(s) ?? resolvePlace(s);
      if (!code) continue;
      const before = t[i - 1] ?? '';
      const after = t[i + len] ?? '';
      const first = s[0]!;
      const last = s[s.length - 1]!;
      if (KATAKANA.test(first) && KATAKANA.test(before)) continue;
      if (KATAKANA.test(last) && KATAKANA.test(after)) continue;
      if (LATIN_LETTER.test(first) && LATIN_LETTER.test(before)) continue;
      if (LATIN_LETTER.test(last) && LATIN_LETTER.test(after)) continue;
      hit = { code, len };
    }
    if (hit) {
      found.push(hit.code);
      i += hit.len;
    } else i++;
  }
  return [...new Set(found)];
}

/** The one foreign country a text names, or undefined when it names none or several. */
function oneForeignCountry(text: string): string | undefined {
  const cs = countriesNamedIn(text).filter((c) => c !== 'JP');
  return cs.length === 1 ? cs[0] : undefined;
}

// ─── Paragraphs and the facts they state ────────────────────────────────────────────────────────

/** Lines joined into one text, with the offset each line starts at (to name a fact's line). */
export interface Joined {
  text: string;
  starts: { line: number; at: number }[];
}

/**
 * Joins the lines of a paragraph: each line cleaned (NFKC, CJK spacing removed) and joined with no
 * separator, except a space between two Latin words ("Innovative thinking and" + "teamwork").
 */
export function joinLines(lines: { line: number; text: string }[]): Joined {
  let text = '';
  const starts: Joined['starts'] = [];
  for (const { line, text: raw } of lines) {
    const piece = despace(raw);
    if (piece === '') continue;
    if (text !== '' && /[A-Za-z0-9,.;:!?"”')]$/.test(text) && /^[A-Za-z0-9"“(]/.test(piece)) text += ' ';
    starts.push({ line, at: text.length });
    text += piece;
  }
  return { text, starts };
}

/** The line a character offset of a joined text comes from. */
export function lineAt(j: Joined, at: number): number {
  let line = j.starts[0]?.line ?? 0;
  for (const s of j.starts) if (s.at <= at) line = s.line;
  return line;
}

/** The clause around [start, end): from the previous 、/。 to the next, extended past a short tail ("2019年には、…"). */
function clauseAround(text: string, start: number, end: number): string {
  const prev = Math.max(text.lastIndexOf('、', start - 1), text.lastIndexOf('。', start - 1));
  const nextDelim = (from: number) => {
    const m = /[、。]/.exec(text.slice(from));
    return m ? from + m.index : text.length;
  };
  let stop = nextDelim(end);
  if (stop - end < 5 && stop < text.length && text[stop] === '、') stop = nextDelim(stop + 1);
  return text.slice(prev + 1, Math.min(stop, prev + 1 + 120)).trim();
}

const KANJI_DIGITS: Record<string, number> = { 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

const QUALIFIERS: Record<string, string> = { 約: 'about', 程度: 'about', 近い: 'nearly', 超: 'more than', 以上: 'at least', を越える: 'more than', を超える: 'more than' };

interface FactRule {
  re: RegExp;
  /** The fact a match states (its line is added by the caller: the line of the match's first figure). */
  make(m: RegExpExecArray, clause: string, text: string): Omit<Fact, 'line'> | undefined;
}

/** Figures that are not facts of a partnership: phase numbers (第2期), names with digits, "one of" (の1つ). */
const NOT_FACTS = [/第\d+期/g, /COVID-19/gi, /の\d+つ/g];

const FACT_RULES: FactRule[] = [
  {
    // Years: "2015年に戦略的パートナーシップ覚書を締結", "2017年度より", "2021年3月には", "2019年大会"
    re: /(\d{4})年(度)?(?:(\d{1,2})月)?/g,
    make(m, clause, text) {
      const year = Number(m[1]);
      const fiscal = !!m[2];
      const month = m[3] ? Number(m[3]) : undefined;
      const after = text.slice(m.index + m[0].length);
      const value = month ? `${year}-${String(month).padStart(2, '0')}` : year;
      if (/^[^。、]{0,30}?戦略的パートナーシップ覚書を締結/.test(after)) return { what: 'strategic partnership MoU signed', value, raw: clause };
      if (/^(?:から|より|以降)/.test(after)) return { what: fiscal ? 'since (fiscal year)' : 'since (year)', value, raw: clause };
      return { what: fiscal ? 'fiscal year' : month ? 'year and month' : 'year', value, raw: clause };
    },
  },
  {
    // People: "年間100名近い教員学生の派遣・受入", "約250名の参加者", "60名あわせて120名の学生が参加"
    re: /(約)?(\d+)名(近い|超|以上|程度)?/g,
    make(m, clause, text) {
      const q = m[1] ?? m[3];
      const before = text.slice(Math.max(0, m.index - 4), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
      let what = /派遣・受入/.test(clause) ? 'faculty and students sent and received'
        : /参加/.test(clause) ? 'participants'
        : /対象/.test(clause) ? 'students covered'
        : 'people';
      if (what === 'participants' && /^あわせて/.test(after) && /両校から/.test(clause)) what = 'participants from each university';
      else if (what === 'participants' && /あわせて$/.test(before)) what = 'participants in total';
      if (/年間|毎年/.test(clause)) what += ' per year';
      return { what, value: Number(m[2]), raw: clause, ...(q ? { qualifier: QUALIFIERS[q]! } : {}) };
    },
  },
  { re: /(?:合計)?(\d+)部局/g, make: (m, clause) => ({ what: 'participating UTokyo departments', value: Number(m[1]), raw: clause }) },
  { re: /(\d+)機関/g, make: (m, clause) => ({ what: 'institutions working together', value: Number(m[1]), raw: clause }) },
  { re: /(\d+)回公募/g, make: (m, clause) => ({ what: 'calls for proposals', value: Number(m[1]), raw: clause }) },
  { re: /(?:合計)?(\d+)プロジェクト(を採択)?/g, make: (m, clause) => ({ what: m[2] ? 'projects selected' : 'projects', value: Number(m[1]), raw: clause }) },
  { re: /第(\d+)回目?/g, make: (m, clause) => ({ what: 'edition (第N回)', value: Number(m[1]), raw: clause }) },
  { re: /(\d+)\s*[~〜]\s*(\d+)回\s*\/\s*年/g, make: (m, clause) => ({ what: 'times per year', value: `${m[1]}-${m[2]}`, raw: clause }) },
  {
    re: /(\d+)(以上)?の?(パラレル)?セッション/g,
    make: (m, clause) => ({ what: m[3] ? 'parallel sessions' : 'sessions', value: Number(m[1]), raw: clause, ...(m[2] ? { qualifier: 'at least' } : {}) }),
  },
  {
    re: /(\d+)(以上|を越える|を超える)?の?学術分野/g,
    make: (m, clause) => ({ what: 'academic fields', value: Number(m[1]), raw: clause, ...(m[2] ? { qualifier: QUALIFIERS[m[2]]! } : {}) }),
  },
  { re: /(\d+)日間/g, make: (m, clause) => ({ what: 'days', value: Number(m[1]), raw: clause }) },
  { re: /([二三四五六七八九十])校/g, make: (m, clause) => ({ what: 'universities', value: KANJI_DIGITS[m[1]!]!, raw: clause }) },
];

/**
 * The facts a paragraph states: years (MoU, since, events) and counts (people, departments,
 * projects, sessions, …), each with the line its figure is on and the clause it comes from.
 * `unread` lists figures no rule read (the parser warns about them).
 */
export function extractFacts(j: Joined): { facts: Fact[]; unread: { at: number; text: string }[] } {
  const text = j.text;
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  for (const re of NOT_FACTS) for (const m of text.matchAll(re)) taken.push([m.index, m.index + m[0].length]);
  const found: { at: number; fact: Fact }[] = [];
  for (const rule of FACT_RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const clause = clauseAround(text, start, end);
      const f = rule.make(m as RegExpExecArray, clause, text);
      if (!f) continue;
      taken.push([start, end]);
      const digit = m[0].search(/[0-9二三四五六七八九十]/);
      const at = start + Math.max(0, digit);
      found.push({ at, fact: { ...f, line: lineAt(j, at) } });
    }
  }
  const unread: { at: number; text: string }[] = [];
  for (const m of text.matchAll(/\d+/g)) if (free(m.index, m.index + m[0].length)) unread.push({ at: m.index, text: m[0] });
  found.sort((a, b) => a.at - b.at);
  return { facts: found.map((f) => f.fact), unread };
}

// ─── The parser ─────────────────────────────────────────────────────────────────────────────────

type Kind =
  | 'legend' | 'columns' | 'tier' | 'title' | 'title-en' | 'phase' | 'url' | 'bullet' | 'remark'
  | 'members' | 'name' | 'entry' | 'codes' | 'text'
  /** Fits no shape: reported, and skipped over (a paragraph continues past it). */
  | 'unknown';

interface Element {
  kind: 'prose' | 'heading' | 'name' | 'entry' | 'codes' | 'members' | 'remark' | 'other';
  lines: number[];
}

/** The element a single line of each kind makes ('other' separates blocks: it is never a paragraph). */
const ELEMENT_OF: Record<Kind, Element['kind']> = {
  legend: 'other', columns: 'other', tier: 'other', title: 'other', 'title-en': 'other', phase: 'other', url: 'other', bullet: 'other',
  remark: 'remark', members: 'members', name: 'name', entry: 'entry', codes: 'codes', text: 'prose', unknown: 'other',
};

/** What a line next to one of each kind is expected to be (for the message on a line that fits no shape). */
const DEPARTMENT_LIST = 'a Department List entry (a university\'s name), its department codes (e.g. 工 理 総 文) or a ＊ remark';
const HEADING = 'a heading (a short Japanese title or its English title)';
const EXPECTED: Partial<Record<Kind, string>> = {
  legend: 'a legend entry "<unit name><abbreviation>" (e.g. 医学系研究科医)',
  columns: DEPARTMENT_LIST, entry: DEPARTMENT_LIST, codes: DEPARTMENT_LIST, remark: DEPARTMENT_LIST,
  tier: HEADING, title: HEADING, 'title-en': HEADING,
  phase: 'a phase heading (第N期) or a bullet (●) of the phase diagram',
  bullet: 'a bullet (●) of the phase diagram or its continuation (Japanese text)',
  members: 'institutions\' names separated by commas',
  name: 'a partnership\'s paragraph (Japanese prose), its name line "<name> (ABBR) <department codes>" or its list of institutions',
  text: 'prose (Japanese text, or English words continuing a sentence)',
  url: 'prose (Japanese text)',
};

interface Block {
  line: number;
  name: NameLine;
  codes: string[];
  tier?: Tier;
  paragraph?: Element;
  members?: Element;
  entry?: Entry;
}

interface Entry {
  line: number;
  name: NameLine;
  codeLines: { line: number; codes: string[] }[];
  members?: Element;
  remark?: number;
  block?: Block;
  /** How many of the block's codes the Department List has given so far. */
  cursor: number;
}

/** Reads the legend of department abbreviations: one- and two-line entries. */
export function readLegend(ctx: SourceContext, home: HomeId): Map<string, LegendEntry> {
  const legend = new Map<string, LegendEntry>();
  const add = (lines: number[], e: { name: string; abbr: string }) => {
    const first = lines[0]!;
    const prev = legend.get(e.abbr);
    if (prev && prev.name !== e.name) {
      ctx.error(first, `legend gives "${e.abbr}" a second meaning: ${e.name} (line ${prev.lines[0]} says ${prev.name})`);
      return;
    }
    const byName = resolveUnit(home, e.name);
    const byAbbr = resolveUnit(home, e.abbr);
    let unit: string | undefined;
    if (!byName || byName.length !== 1) ctx.error(first, `legend unit "${e.name}" (${e.abbr}) is not in data/reference/units/${home}.json`);
    else if (byAbbr && byAbbr.join() !== byName.join()) ctx.error(first, `legend says ${e.abbr} = ${e.name} (${byName[0]}), but data/reference/units/${home}.json maps ${e.abbr} to ${byAbbr.join()}`);
    else unit = byName[0];
    legend.set(e.abbr, { abbr: e.abbr, name: e.name, lines: prev ? [...prev.lines, ...lines] : lines, ...(unit ? { unit } : {}) });
    for (const n of lines) ctx.note(n, `legend: ${e.abbr} = ${e.name}`);
  };
  for (let n = 1; n <= ctx.lineCount; n++) {
    const one = parseLegendLine(ctx.raw(n));
    if (one) {
      add([n], one);
      continue;
    }
    // An entry broken over two lines: "公共政策学連携研究部・" + "教育部公 共". Its first line is the
    // beginning of a unit name (Japanese letters only); a line of no text between the two halves is
    // passed over (the parser reports it).
    if (!/^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー・]+$/u.test(clean(ctx.raw(n)))) continue;
    let m = n + 1;
    while (m <= ctx.lineCount && clean(ctx.raw(m)) !== '' && !isJapaneseText(ctx.raw(m)) && !isLatinWords(ctx.raw(m))) m++;
    if (m <= ctx.lineCount && clean(ctx.raw(m)) !== '' && !/^\s/.test(ctx.raw(m))) {
      const two = parseLegendLine(clean(ctx.raw(n)) + clean(ctx.raw(m)));
      if (two) {
        add([n, m], two);
        n = m;
      }
    }
  }
  return legend;
}

export function parseUtokyoStrategic(ctx: SourceContext): ParseResult {
  const home = ctx.source.home;
  const sid = ctx.source.id;
  const N = ctx.lineCount;
  const raw = (n: number) => ctx.raw(n);
  const blank = (n: number) => clean(raw(n)) === '';

  const legend = readLegend(ctx, home);
  const abbrs = [...legend.keys()];

  // Pages: the extraction starts each page (and the phase diagram) with an indented line.
  const page: number[] = [];
  let p = 0;
  for (let n = 1; n <= N; n++) {
    if (!blank(n) && /^\s/.test(raw(n))) p++;
    page[n] = p;
  }
  const pageStart = (n: number) => n === 1 || page[n] !== page[n - 1];

  // 1. What each line is, by its content.
  const kind: (Kind | undefined)[] = [];
  /** The line right above n (reported lines skipped), undefined after a blank line; `overBlanks`: the nearest one. */
  const previous = (n: number, overBlanks = false): number | undefined => {
    let m = n - 1;
    while (m >= 1 && (kind[m] === 'unknown' || (overBlanks && blank(m)))) m--;
    return m >= 1 && !blank(m) ? m : undefined;
  };
  /** The nearest non-blank line below n that is not reported. */
  const following = (n: number): number | undefined => {
    let m = n + 1;
    while (m <= N && (blank(m) || kind[m] === 'unknown')) m++;
    return m <= N ? m : undefined;
  };
  /** Short lines without sentence punctuation: a heading or a diagram label, not prose. */
  const isHeading = (lines: number[]) => lines.length <= 2 && lines.every((l) => clean(raw(l)).length <= 25 && !/[。、]/.test(raw(l)));
  const legendLines = new Set([...legend.values()].flatMap((e) => e.lines));
  const names = new Map<number, NameLine>();
  const codesOf = new Map<number, string[]>();
  for (let n = 1; n <= N; n++) {
    if (blank(n)) continue;
    if (legendLines.has(n)) { kind[n] = 'legend'; continue; }
    const t = clean(raw(n));
    if (isColumnHeader(t)) { kind[n] = 'columns'; continue; }
    if (tierOfHeader(t)) { kind[n] = 'tier'; continue; }
    if (/^https?:\/\//.test(t)) { kind[n] = 'url'; continue; }
    const marked = /^[●•*＊※]\s*(.*)$/u.exec(t);
    if (marked) {
      // A bullet of the phase diagram, or a remark (＊…): the marker and real text after it.
      const real = isJapaneseText(marked[1]!) || isLatinWords(marked[1]!);
      kind[n] = !real ? 'unknown' : /^[●•]/.test(t) ? 'bullet' : 'remark';
      continue;
    }
    if (/^第\d+期$/.test(t)) { kind[n] = 'phase'; continue; }
    if (isLatinLine(t)) {
      const prev = previous(n);
      const continuesList = prev !== undefined && kind[prev] === 'members' && /,\s*$/.test(raw(prev));
      if (isInstitutionList(t) && (t.includes(',') || continuesList)) { kind[n] = 'members'; continue; }
      // An English title under its Japanese title (or tier header).
      if (prev !== undefined && !pageStart(n) && isEnglishTitle(t) && (kind[prev] === 'tier' || (kind[prev] === 'text' && isHeading([prev])))) {
        kind[n] = 'title-en';
        if (kind[prev] === 'text') kind[prev] = 'title';
        continue;
      }
      // English words continuing an open sentence of a paragraph.
      if (prev !== undefined && kind[prev] === 'text' && !/。\s*$/.test(raw(prev)) && !pageStart(n) && isLatinWords(t)) { kind[n] = 'text'; continue; }
      kind[n] = 'unknown';
      continue;
    }
    const name = splitNameLine(t);
    if (name) {
      if (name.rest === '') { names.set(n, name); kind[n] = 'entry'; continue; }
      if (/^[*＊※]/.test(name.rest)) { names.set(n, name); kind[n] = 'name'; continue; }
      const codes = decodeCodes(name.rest, abbrs);
      if (codes) { names.set(n, name); codesOf.set(n, codes); kind[n] = 'name'; continue; }
      if (looksLikeCodes(name.rest)) {
        ctx.error(n, `partnership name line: "${uncoded(name.rest, abbrs).unknown}" in the department codes is not in the brochure's legend`);
        kind[n] = undefined;
        continue;
      }
    }
    const codes = decodeCodes(t, abbrs);
    if (codes && codes.length > 0) { codesOf.set(n, codes); kind[n] = 'codes'; continue; }
    if (looksLikeCodes(t) && uncoded(t, abbrs).covered >= 0.5) {
      ctx.error(n, `department codes: "${uncoded(t, abbrs).unknown}" is not in the brochure's legend`);
      continue;
    }
    kind[n] = isJapaneseText(t) ? 'text' : 'unknown';
  }

  // A line that fits no shape is reported, with what its neighbours say was expected there.
  for (let n = 1; n <= N; n++) {
    if (kind[n] !== 'unknown') continue;
    const around = [previous(n, true), following(n)].filter((m): m is number => m !== undefined);
    const expected = [...new Set(around.map((m) => EXPECTED[kind[m]!]).filter((e) => e !== undefined))];
    const near = around.length ? ` (next to line${around.length > 1 ? 's' : ''} ${around.join(' and ')})` : '';
    ctx.error(n, `fits no shape: expected ${expected.join(' or ') || 'prose, a heading, a legend entry, a partnership name line, department codes or a list of institutions'} here${near}; it is neither Japanese text, English words, a name line, department codes of the legend nor a list of institutions`);
  }

  // 2. Group lines into elements: prose runs (a sentence may continue over a blank line), bullets,
  //    headings (short lines without sentence punctuation), member lists, single structural lines.
  //    A reported line neither joins nor ends an element.
  const after = (n: number): number => {
    let m = n + 1;
    while (m <= N && kind[m] === 'unknown') m++;
    return m;
  };
  const elements: Element[] = [];
  for (let n = 1; n <= N; n++) {
    const k = kind[n];
    if (!k || k === 'unknown') continue;
    if (k === 'bullet') {
      const lines = [n];
      for (let m = after(n); m <= N && kind[m] === 'text' && !pageStart(m); m = after(n)) lines.push((n = m));
      elements.push({ kind: 'other', lines });
      for (const l of lines) ctx.note(l);
      continue;
    }
    if (k === 'members') {
      const lines = [n];
      for (let m = after(n); m <= N && kind[m] === 'members' && !pageStart(m); m = after(n)) lines.push((n = m));
      elements.push({ kind: 'members', lines });
      continue;
    }
    if (k === 'text') {
      const lines = [n];
      for (;;) {
        // Over a blank line only while a sentence is open (no 。 at the end) and the run is prose;
        // over a reported line always.
        const open = !/。\s*$/.test(raw(n)) && !isHeading(lines);
        let m = n + 1;
        while (m <= N && (kind[m] === 'unknown' || (open && blank(m)))) m++;
        if (m > N || kind[m] !== 'text' || pageStart(m)) break;
        lines.push(m);
        n = m;
      }
      elements.push({ kind: isHeading(lines) ? 'heading' : 'prose', lines });
      continue;
    }
    elements.push({ kind: ELEMENT_OF[k], lines: [n] });
  }

  // 3. Tiers: the header on a block's own page, else the previous page's.
  const tierOfPage = new Map<number, Tier>();
  for (let n = 1; n <= N; n++) {
    if (kind[n] !== 'tier') continue;
    const t = tierOfHeader(raw(n))!;
    const had = tierOfPage.get(page[n]!);
    if (had && had !== t) ctx.error(n, `page has both a "${had}" and a "${t}" tier header: the tier of its partnerships is ambiguous`);
    tierOfPage.set(page[n]!, t);
  }
  const tierAt = (n: number): Tier | undefined => {
    for (let q = page[n]!; q >= 0; q--) {
      const t = tierOfPage.get(q);
      if (t) return t;
    }
    return undefined;
  };

  // 4. Partnership blocks (name line with codes or remark) and Department List entries (name only).
  const blocks: Block[] = [];
  const entries: Entry[] = [];
  const blockOf = new Map<Element, Block>();
  const entryOf = new Map<Element, Entry>();
  for (const el of elements) {
    const n = el.lines[0]!;
    if (el.kind === 'name') {
      const b: Block = { line: n, name: names.get(n)!, codes: codesOf.get(n) ?? [] };
      const tier = tierAt(n);
      if (tier) b.tier = tier;
      else ctx.error(n, 'partnership before any tier header (主要な戦略的パートナーシップ校 / 戦略的パートナーシップ構築を見通せる大学)');
      blocks.push(b);
      blockOf.set(el, b);
    } else if (el.kind === 'entry') {
      const e: Entry = { line: n, name: names.get(n)!, codeLines: [], cursor: 0 };
      entries.push(e);
      entryOf.set(el, e);
    }
  }
  const groupless = (el: Element | undefined) => {
    if (!el) return undefined;
    const b = blockOf.get(el);
    if (b && isGroupName(b.name.name) && !b.members) return { b };
    const e = entryOf.get(el);
    if (e && isGroupName(e.name.name) && !e.members) return { e };
    return undefined;
  };
  elements.forEach((el, i) => {
    if (el.kind !== 'members') return;
    const target = groupless(elements[i - 1]) ?? groupless(elements[i + 1]);
    if (!target) {
      ctx.error(el.lines[0]!, 'list of institutions next to no group name (…群)');
      return;
    }
    if (target.b) target.b.members = el;
    else target.e!.members = el;
  });
  // A block's paragraph is the prose run right before its name line (and before its member list).
  elements.forEach((el, i) => {
    const b = blockOf.get(el);
    if (!b) return;
    let j = i - 1;
    if (elements[j] && elements[j] === b.members) j--;
    const para = elements[j];
    if (para && para.kind === 'prose' && ![...blockOf.values()].some((o) => o.paragraph === para)) b.paragraph = para;
    else ctx.warn(b.line, `partnership ${b.name.name} has no paragraph right before its name line`);
  });

  // 5. The Department List: match entries to blocks, hand each code line to the neighbouring entry
  //    whose block it continues (codes can sit above their name), remarks likewise.
  const key = (x: NameLine) => `${x.name}|${x.abbreviation ?? ''}`;
  for (const e of entries) {
    const b = blocks.find((x) => key(x.name) === key(e.name)) ?? blocks.find((x) => x.name.name === e.name.name);
    if (!b) { ctx.error(e.line, `Department List names ${e.name.name}, but no partnership block has that name`); continue; }
    if (b.entry) { ctx.error(e.line, `Department List names ${e.name.name} twice (also line ${b.entry.line})`); continue; }
    if (b.name.abbreviation !== e.name.abbreviation) ctx.warn(e.line, `Department List writes ${e.name.name} with abbreviation ${e.name.abbreviation ?? 'none'}, its block (line ${b.line}) with ${b.name.abbreviation ?? 'none'}`);
    e.block = b;
    b.entry = e;
  }
  const nearEntries = (i: number): Entry[] => {
    const out: Entry[] = [];
    for (let j = i - 1; j >= 0; j--) { const e = entryOf.get(elements[j]!); if (e) { out.push(e); break; } if (elements[j]!.kind !== 'codes' && elements[j]!.kind !== 'members' && elements[j]!.kind !== 'remark') break; }
    for (let j = i + 1; j < elements.length; j++) { const e = entryOf.get(elements[j]!); if (e) { out.push(e); break; } if (elements[j]!.kind !== 'codes' && elements[j]!.kind !== 'members' && elements[j]!.kind !== 'remark') break; }
    return out;
  };
  elements.forEach((el, i) => {
    const n = el.lines[0]!;
    if (el.kind === 'codes') {
      const codes = codesOf.get(n)!;
      const cands = nearEntries(i);
      const e = cands.find((c) => c.block && codes.every((code, k) => c.block!.codes[c.cursor + k] === code));
      if (!e) {
        const named = cands.map((c) => c.name.name).join(' or ') || 'no entry';
        ctx.error(n, `Department List codes ${codes.join(' ')} continue the partnership block of neither neighbouring entry (${named})`);
        return;
      }
      e.codeLines.push({ line: n, codes });
      e.cursor += codes.length;
    } else if (el.kind === 'remark') {
      const text = clean(raw(n)).replace(/^[*＊※]\s*/, '');
      const e = nearEntries(i).find((c) => c.block && c.block.name.rest.replace(/^[*＊※]\s*/, '') === text);
      if (e) e.remark = n;
      else ctx.note(n);
    }
  });
  for (const e of entries) {
    const b = e.block;
    if (!b) continue;
    if (e.cursor !== b.codes.length) {
      const listed = e.codeLines.flatMap((c) => c.codes);
      ctx.warn(e.line, `Department List gives ${e.name.name} ${listed.length} department(s) (${listed.join(' ') || 'none'}); its block (line ${b.line}) gives ${b.codes.length} (${b.codes.join(' ')})`);
    }
    if (b.members && e.members) {
      const a = splitMembers(b.members.lines.map(raw)).join(' | ');
      const c = splitMembers(e.members.lines.map(raw)).join(' | ');
      if (a !== c) ctx.warn(e.line, `Department List lists the members of ${e.name.name} as "${c}", its block (line ${b.line}) as "${a}"`);
    }
  }

  // 6. Records.
  const strategicPartnerships: StrategicPartnershipDraft[] = [];
  const agreements: AgreementDraft[] = [];
  for (const b of blocks) {
    if (!b.tier) continue;
    const para = b.paragraph ? joinLines(b.paragraph.lines.map((l) => ({ line: l, text: raw(l) }))) : { text: '', starts: [] };
    const { facts, unread } = extractFacts(para);
    for (const u of unread) ctx.warn(lineAt(para, u.at), `figure ${u.text} in the paragraph on ${b.name.name} is not read as a fact`);
    const remark = /^[*＊※]/.test(b.name.rest) ? b.name.rest.replace(/^[*＊※]\s*/, '') : undefined;
    if (remark) facts.push({ what: 'remark', value: remark, line: b.line });

    const homeUnits: string[] = [];
    for (const code of b.codes) {
      const unit = legend.get(code)?.unit;
      if (!unit) ctx.error(b.line, `department code ${code} has no unit (its legend entry did not resolve)`);
      else if (!homeUnits.includes(unit)) homeUnits.push(unit);
    }

    // Members: a group's list, or the one institution the name line names.
    const group = isGroupName(b.name.name);
    const memberLines = b.members?.lines ?? b.entry?.members?.lines;
    if (group && !memberLines) ctx.error(b.line, `group ${b.name.name} has no list of its institutions`);
    const memberNames = group ? splitMembers((memberLines ?? []).map(raw)) : [b.name.name];
    const members: PartnerMention[] = [];
    memberNames.forEach((name) => {
      const line = group ? (memberLines ?? []).find((l) => clean(raw(l)).includes(name)) ?? b.line : b.line;
      const country =
        oneForeignCountry(name) ??
        (group ? oneForeignCountry(b.name.name) ?? oneForeignCountry(para.text) : undefined);
      if (!country) {
        ctx.error(line, `no country for ${name}: neither its name${group ? ', its group\'s name nor the group\'s paragraph' : ''} names one (add the place or a variant to data/reference/country-aliases.json with a reason)`);
        return;
      }
      const kind = institutionKind(name);
      members.push({
        ...(group ? { en: name } : { ja: name }),
        country,
        ...(kind !== 'other' ? { kind } : {}),
        source: { id: sid, line },
      });
    });

    const mou = facts.find((f) => f.what === 'strategic partnership MoU signed');
    const mouYear = mou ? Number(String(mou.value).slice(0, 4)) : undefined;
    const lines = [
      ...(b.paragraph?.lines ?? []), b.line, ...(b.members?.lines ?? []),
      ...(b.entry ? [b.entry.line, ...b.entry.codeLines.map((c) => c.line), ...(b.entry.members?.lines ?? []), ...(b.entry.remark ? [b.entry.remark] : [])] : []),
    ].sort((x, y) => x - y);
    ctx.record(lines);

    const codesRaw = remark ? '' : b.name.rest;
    strategicPartnerships.push({
      id: `${sid}-L${b.line}`,
      home,
      tier: b.tier,
      name: b.name.name,
      ...(b.name.abbreviation ? { abbreviation: b.name.abbreviation } : {}),
      members,
      homeUnits,
      homeUnitCodes: b.codes,
      ...(mouYear ? { mouYear } : {}),
      facts,
      notes: para.text,
      source: { id: sid, line: b.line, lines },
    });
    members.forEach((m, i) => {
      const dateRaw = mou ? clean(mou.raw ?? '').match(/\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?/)?.[0] : undefined;
      // a year and month without a day (2013年1月): the month, so pages can say it in any language
      const ym = dateRaw?.match(/^(\d{4})年(\d{1,2})月$/);
      const signedMonth = ym ? `${ym[1]}-${ym[2]!.padStart(2, '0')}` : undefined;
      agreements.push({
        id: `${sid}-L${b.line}-${i + 1}`,
        home,
        partner: m,
        partnerName: m.ja ?? m.en!,
        countries: [m.country],
        level: 'strategic',
        homeUnits,
        ...(codesRaw ? { homeUnitsRaw: codesRaw } : {}),
        ...(mouYear ? { signedYear: mouYear } : {}),
        ...(signedMonth ? { signedMonth } : {}),
        ...(dateRaw ? { dateRaw } : {}),
        source: { id: sid, line: b.line, lines: [b.line, m.source.line, ...(mou ? [mou.line] : [])].filter((x, k, a) => a.indexOf(x) === k).sort((x, y) => x - y) },
      });
    });

    // Stated counts in the paragraph that the record lets us recompute.
    for (const f of facts) {
      if (f.what === 'participating UTokyo departments') {
        ctx.check({ key: `departments-L${b.line}`, line: f.line, what: `UTokyo departments taking part in the partnership with ${b.name.name} (its department codes, line ${b.line})`, stated: Number(f.value), computed: homeUnits.length, from: [b.line] });
      } else if (f.what === 'institutions working together' && group) {
        ctx.check({ key: `institutions-L${b.line}`, line: f.line, what: `institutions of the ${b.name.name} partnership, UTokyo included (its member list + 1)`, stated: Number(f.value), computed: members.length + 1, from: memberLines ?? [] });
      }
    }
  }

  // 7. Everything else: prose is kept as notes, with its stated counts as checks; headings are layout.
  const claimed = new Set(blocks.flatMap((b) => (b.paragraph ? [b.paragraph] : [])));
  const primary = strategicPartnerships.filter((s) => s.tier === 'primary').length;
  const prospective = strategicPartnerships.filter((s) => s.tier === 'prospective').length;
  for (const el of elements) {
    if (el.kind === 'heading') ctx.layout(el.lines, 'heading or diagram label');
    const bullet = el.kind === 'other' && kind[el.lines[0]!] === 'bullet';
    if (!bullet && (el.kind !== 'prose' || claimed.has(el))) continue;
    if (!bullet) for (const n of el.lines) ctx.note(n);
    noteFigures(ctx, joinLines(el.lines.map((l) => ({ line: l, text: raw(l) }))), { primary, prospective }, strategicPartnerships);
  }
  for (let n = 1; n <= N; n++) {
    const k = kind[n];
    if (k === 'columns') ctx.layout(n, 'column headers of the Department List');
    else if (k === 'tier') ctx.layout(n, 'tier header');
    else if (k === 'title' || k === 'title-en') ctx.layout(n, 'section title');
    else if (k === 'phase') ctx.layout(n, 'phase heading of the diagram (第N期)');
    else if (k === 'url') ctx.note(n);
  }
  for (const e of entries) if (!e.block) for (const c of e.codeLines) ctx.error(c.line, 'department codes of a Department List entry that has no partnership block');

  return { strategicPartnerships, agreements };
}

/**
 * Stated figures in prose outside the partnership paragraphs: the number of partners per tier and
 * of project phases are checked against the records; the others (the phase diagram's partner
 * counts of earlier phases, the MEXT forum's figures) cannot be recomputed from this brochure.
 */
function noteFigures(ctx: SourceContext, j: Joined, tiers: { primary: number; prospective: number }, records: StrategicPartnershipDraft[]): void {
  const t = j.text;
  const taken: [number, number][] = [];
  const take = (a: number, b: number) => taken.push([a, b]);
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const from = records.map((r) => r.source.line);
  for (const m of t.matchAll(/主要な戦略的パートナーシップ校\s*(\d+)\s*校/g)) {
    const at = m.index + m[0].indexOf(m[1]!);
    take(at, at + m[1]!.length);
    ctx.check({ key: 'primary-partners', line: lineAt(j, at), what: 'primary strategic partnerships (主要な戦略的パートナーシップ校)', stated: Number(m[1]), computed: tiers.primary, from });
  }
  for (const m of t.matchAll(/戦略的パートナーシップ構築を見通せる大学\s*(\d+)\s*校/g)) {
    const at = m.index + m[0].indexOf(m[1]!);
    take(at, at + m[1]!.length);
    ctx.check({ key: 'prospective-partners', line: lineAt(j, at), what: 'prospective strategic partnerships (戦略的パートナーシップ構築を見通せる大学)', stated: Number(m[1]), computed: tiers.prospective, from });
  }
  for (const m of t.matchAll(/(\d+)つの工程/g)) {
    const phases = new Set([...t.matchAll(/第(\d+)期\((\d{4})-(\d{4})年?\)/g)].map((x) => x[1]));
    take(m.index, m.index + m[1]!.length);
    ctx.check({ key: 'phases', line: lineAt(j, m.index), what: 'project phases (第N期 with their years, stated in the same paragraph)', stated: Number(m[1]), computed: phases.size });
  }
  // Phase numbers and their years, and dates, are not counts.
  for (const m of t.matchAll(/第\d+期(?:\(\d{4}-\d{4}年?\))?|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?/g)) take(m.index, m.index + m[0].length);
  for (const m of t.matchAll(/(\d+)(?:\+(\d+))?\s*(?:の海外大学|大学による|プロジェクト|大学|校|部局|名|機関)/g)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    take(m.index, m.index + m[0].length);
    const stated = m[2] ? `${m[1]}+${m[2]}` : Number(m[1]);
    const diagram = /の海外大学/.test(m[0]);
    ctx.cannotVerify({
      key: `figure-${String(stated).replace('+', '-plus-')}`,
      line: lineAt(j, m.index),
      what: clauseAround(t, m.index, m.index + m[0].length),
      stated,
      reason: diagram
        ? 'bullet of the phase diagram: the extraction no longer shows which phase column it belongs to, and the brochure lists only the current partners'
        : 'a figure about something the brochure does not list',
    });
  }
}
