/**
 * Institution names: splitting a partner's faculty off its name, the matching key used to merge
 * mentions across sources, and slugs. Merging itself happens in scripts/lib/merge-partners.ts.
 */
import { clean, despace } from './text.ts';
import { toKatakana } from './kana.ts';
import { readReference } from './reference.ts';

/** Words that end an institution's own name (the longest match wins). */
const HEADS = ['大学校', '大学', '学院', '研究院', '研究所', '研究機構', '科学院', 'アカデミー', '財団', '機構', '庁', '省', '局'];
/** Endings of a sub-unit of a university (faculty, school, institute): what follows a head word. */
const UNIT_ENDINGS = /(学部|研究科|大学院|学院|研究所|研究院|センター|学科|部門|専攻|学群|学域|学府|スクール|カレッジ|研究センター|研究室|学校|校区|機構|研究部|分校|附属.*|医学部.*)$/;

/** A university name made only of generic words (a status, not a proper name): 国立研究大学. */
const GENERIC_TITLE = /^(国立|州立|公立|私立|市立|連邦|研究|総合)*大学校?$/;

export interface SplitName {
  name: string;
  unit?: string;
}

/** An entry of data/reference/partner-whole-names.json. */
export interface WholeName {
  /** The institution's full name as the sources write it (despaced). */
  name: string;
  reason: string;
}

let wholeNames: string[] | undefined;
/** The reviewed whole names, despaced, longest first (read once). */
export function reviewedWholeNames(): string[] {
  wholeNames ??= readReference<WholeName[]>('partner-whole-names.json').map((w) => despace(w.name)).sort((a, b) => b.length - a.length);
  return wholeNames;
}

/**
 * A name that begins with a reviewed whole name (data/reference/partner-whole-names.json) is that
 * institution, whatever its words look like: a school that is an institution in its own right though
 * it reads like a faculty of another (ロンドン大学東洋アフリカ研究学院 is SOAS, not a faculty of the
 * University of London), or a name whose last word is a city (ルール大学ボーフム). What follows the
 * whole name, bare or in one balanced bracket, is the unit: "ルール大学ボーフム医学部" →
 * { name: "ルール大学ボーフム", unit: "医学部" }. Undefined when the text begins with no whole name.
 */
export function splitWholeName(text: string, names: string[] = reviewedWholeNames()): SplitName | undefined {
  const t = despace(text);
  for (const w of names) {
    if (!t.startsWith(w)) continue;
    let rest = t.slice(w.length).replace(/^[・\s]+/, '').trim();
    const group = /^\(((?:[^()]|\([^()]*\))*)\)$/.exec(rest);
    if (group) rest = group[1]!.trim();
    return rest ? { name: w, unit: rest } : { name: w };
  }
  return undefined;
}

/**
 * Splits "ガジャマダ大学獣医学部" into { name: "ガジャマダ大学", unit: "獣医学部" } and
 * "アイルランガ大学 (歯学部)" into { name: "アイルランガ大学", unit: "歯学部" }. A campus
 * ("…大学ハイデラバード校") and a hospital ("…大学病院") stay part of the name: a campus is the
 * institution, and a hospital is a different institution from its university. A reviewed whole
 * name (splitWholeName) is never split.
 */
export function splitPartnerUnit(text: string): SplitName {
  const t = despace(text);
  const whole = splitWholeName(t);
  if (whole) return whole;
  const group = splitTrailingGroup(t);
  if (group) return group;
  const idx = t.indexOf('大学');
  if (idx > 0) {
    let end = idx + 2;
    if (t.startsWith('大学校', idx)) end = idx + 3;
    const rest = t.slice(end);
    // 医院 is the Chinese word for a hospital (青島大学附属医院); a generic title such as 国立研究大学
    // is not the institution's own name (国立研究大学高等経済学院 is one name, HSE University).
    if (rest && !/(病院|医院)$/.test(rest) && !/^[^大]*校$/.test(rest) && !GENERIC_TITLE.test(t.slice(0, end)) && UNIT_ENDINGS.test(rest)) {
      return { name: t.slice(0, end), unit: rest.replace(/^[・\s]+/, '') };
    }
  }
  return { name: t };
}

/**
 * Splits a final bracketed group off a name, brackets balanced, so nested brackets stay in the
 * unit: "ポール・サバティエ大学 (理論物理学研究所 (LPT))" → { name: "ポール・サバティエ大学",
 * unit: "理論物理学研究所 (LPT)" }. Only the last group is the unit: "パラツキー大学 (オロモウツ)
 * (哲学部)" keeps "(オロモウツ)" in the name. Full-width brackets count as brackets. Undefined when
 * the text does not end in a balanced group or nothing precedes it.
 */
export function splitTrailingGroup(text: string): SplitName | undefined {
  const t = text.normalize('NFKC').trim();
  if (!t.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) {
      const name = t.slice(0, i).trim();
      const unit = t.slice(i + 1, -1).trim();
      return name && unit ? { name, unit } : undefined;
    }
  }
  return undefined;
}

/** True when a text names a sub-unit (faculty, school, institute…), judged by its ending. */
export function isUnitName(text: string): boolean {
  return UNIT_ENDINGS.test(despace(text));
}

/** Heads of academies and research councils whose institutes are their units. */
const ACADEMY_HEADS = ['科学院', 'アカデミー', '研究会議'];

/**
 * Splits an institute off an academy or research council, the way splitPartnerUnit splits a
 * faculty off a university: "中国科学院 地理科学・資源研究所" → { name: "中国科学院", unit:
 * "地理科学・資源研究所" }, "イタリア学術研究会議地球水文保護研究所" → { name: "イタリア学術研究会議",
 * unit: "地球水文保護研究所" }. Undefined when no academy head is followed by a unit name.
 */
export function splitAcademyUnit(text: string): SplitName | undefined {
  const t = despace(text);
  for (const head of ACADEMY_HEADS) {
    const idx = t.indexOf(head);
    if (idx <= 0) continue;
    const end = idx + head.length;
    const rest = t.slice(end).replace(/^[・\s]+/, '');
    if (rest && !/(病院|医院)$/.test(rest) && UNIT_ENDINGS.test(rest)) return { name: t.slice(0, end), unit: rest };
  }
  return undefined;
}

/** Heads that identify the kind of an institution, checked on the name's ending. */
export function institutionKind(name: string): string {
  if (/病院$|医院$|Hospital/i.test(name)) return 'hospital';
  // An academy of sciences (中国科学院, 科学技術院) ends like a college (学院) but is an institute.
  if (/科学院$|科学技術院$/.test(name)) return 'institute';
  // A campus or a bracketed qualifier after the university's name: …大学ハイデラバード校, 中国石油大学(華東).
  if (/大学校?[^大]*((?<!学)校|キャンパス)$|大学校?\([^()]*\)$|カレッジ/.test(name)) return 'university';
  if (/大学校?$|大学院$|学院$|University|Universit|Universidad|College|Institute of Technology|School|École|Ecole|Hochschule/i.test(name)) return 'university';
  if (/研究所|研究院|研究機構|科学院|研究センター|Institute|Laboratory|Centre|Center|Academy|アカデミー/i.test(name)) return 'institute';
  if (/省$|庁$|局$|Ministry|裁判所|政府|委員会/.test(name)) return 'government';
  if (/株式会社|Inc\.|Ltd|Corporation|社$/.test(name)) return 'company';
  if (/コンソーシアム|Consortium|連合|Alliance|グループ|ネットワーク|Network/.test(name)) return 'consortium';
  return 'other';
}

/**
 * Matching key for a Japanese institution name. Folds only what is spelling, never what is
 * meaning: NFKC, hiragana → katakana, spaces, middle dots and hyphens, long-vowel marks, ヴ-row
 * → バ-row, small ヶ/ケ, "大学校" is NOT folded to "大学" (Korean 大学校 names are proper names),
 * and 国立 is never dropped (清華大学 ≠ 国立清華大学).
 */
export function jaKey(name: string): string {
  return toKatakana(despace(name))
    .replace(/[\s・･\-‐－―ー=＝]/g, '')
    .replace(/ヴァ/g, 'バ').replace(/ヴィ/g, 'ビ').replace(/ヴェ/g, 'ベ').replace(/ヴォ/g, 'ボ').replace(/ヴ/g, 'ブ')
    .replace(/[()（）「」]/g, '');
}

/** Matching key for an English institution name: case, accents, punctuation, a leading "The". */
export function enKey(name: string): string {
  return clean(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A campus written between a university's name and its faculty: "スラバヤ校", "秦皇島分校", "…キャンパス". */
const INLINE_CAMPUS = /^((?:(?!大学|学部|学院|研究)[^()])+?(?:分校|校|キャンパス))/;
/**
 * Unit endings seen in run-on names beyond UNIT_ENDINGS: 学系 (Chinese departments), …部, libraries,
 * programmes, observatories (中国科学院国家天文台阿里観測所).
 */
const INLINE_UNIT_ENDINGS = /(系|部|図書館|プログラム|実験室|科学技術院|天文台|観測所)$/;
/** Heads of institutions other than universities after which a run-on unit name may follow. */
const INLINE_HEADS = ['科学技術院', '科学院', 'アカデミー', '研究会議', '研究所', '学院', '機構', '省', '局'];

function isInlineUnit(rest: string): boolean {
  return rest !== '' && !/(病院|医院)$/.test(rest) && (UNIT_ENDINGS.test(rest) || INLINE_UNIT_ENDINGS.test(rest) || rest.startsWith('大学院'));
}

/**
 * Splits a partner written as one run-on name, the way lists without a separate unit column write
 * them (hiroshima-2024): the unit follows the institution's name directly, and brackets hold a
 * qualifier as often as a unit. Where splitPartnerUnit reads any final bracket as the unit, this
 * keeps in the name what belongs to the institution:
 * - a campus: "キングモンクット工科大学トンブリ校工学部" → name "…大学トンブリ校", unit "工学部";
 * - a bracketed qualifier right after the head: "中国石油大学(華東)文学院" → name "中国石油大学(華東)";
 * - a final bracket that is not a unit (an acronym, a parent body, part of the name):
 *   "カンボジア開発資源研究所(CDRI)", "ムストボ教授大学(ベラガマ)" stay whole; after a unit it
 *   qualifies the unit: "国立政治大学経済系(DDP)" → unit "経済系(DDP)";
 * - a Korean 大学校's colleges (…大学) and any 大学院… are units: "全南大学校工科大学" → unit "工科大学";
 * - academies, councils, ministries and bureaus split like universities: "光州科学技術院環境科学工学研究科";
 * - a katakana name followed directly by a kanji faculty: "インペリアル・カレッジ・ロンドン医学部".
 * Hospitals (…病院, …医院) are institutions of their own and never a unit; a reviewed whole name
 * (splitWholeName) is never split.
 */
export function splitPartnerUnitInline(text: string): SplitName {
  const t = despace(text);
  const whole = splitWholeName(t);
  if (whole) return whole;
  const group = splitTrailingGroup(t);
  if (group?.unit) {
    const outer = splitPartnerUnitInline(group.name);
    if (outer.unit) return { name: outer.name, unit: `${outer.unit}(${group.unit})` };
    if (isUnitName(group.unit)) return { name: outer.name, unit: group.unit };
    return { name: t };
  }
  const idx = t.indexOf('大学');
  if (idx > 0) {
    const korean = t.startsWith('大学校', idx);
    let end = idx + (korean ? 3 : 2);
    const qualifier = /^\([^()]*\)/.exec(t.slice(end));
    if (qualifier) end += qualifier[0].length;
    const campus = INLINE_CAMPUS.exec(t.slice(end));
    if (campus) end += campus[1]!.length;
    const rest = t.slice(end).replace(/^[・\s]+/, '');
    if (isInlineUnit(rest) || (korean && /大学$/.test(rest) && !/(病院|医院)$/.test(rest))) return { name: t.slice(0, end), unit: rest };
    return { name: t };
  }
  const ends: number[] = [];
  for (const head of INLINE_HEADS) {
    for (let i = t.indexOf(head); i > 0; i = t.indexOf(head, i + 1)) ends.push(i + head.length);
  }
  for (const end of [...new Set(ends)].sort((a, b) => a - b)) {
    const rest = t.slice(end).replace(/^[・\s]+/, '');
    if (isInlineUnit(rest)) return { name: t.slice(0, end), unit: rest };
  }
  const faculty = /^(.*[\p{Script=Katakana}ー])(\p{Script=Han}+学部)$/u.exec(t);
  if (faculty) return { name: faculty[1]!, unit: faculty[2]! };
  return { name: t };
}

/**
 * The institutions of a name that joins several with 及び: "マツカイ医科大学及びマツカイ記念病院" →
 * ["マツカイ医科大学", "マツカイ記念病院"]. Undefined when a part is not an institution's name (a
 * list of faculties: "理学部及び工学部").
 */
export function splitJointInstitutions(name: string): string[] | undefined {
  const parts = despace(name).split(/及び|および/).map((p) => p.trim());
  if (parts.length < 2) return undefined;
  return parts.every((p) => /(大学校?|病院|医院|研究所|研究院|学院|センター|アカデミー)$/.test(p)) ? parts : undefined;
}
