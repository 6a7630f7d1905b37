/**
 * Institution names: splitting a partner's faculty off its name, the matching key used to merge
 * mentions across sources, and slugs. Merging itself happens in scripts/lib/merge-partners.ts.
 */
import { clean, despace } from './text.ts';
import { toKatakana } from './kana.ts';

/** Words that end an institution's own name (the longest match wins). */
const HEADS = ['大学校', '大学', '学院', '研究院', '研究所', '研究機構', '科学院', 'アカデミー', '財団', '機構', '庁', '省', '局'];
/** Endings of a sub-unit of a university (faculty, school, institute): what follows a head word. */
const UNIT_ENDINGS = /(学部|研究科|大学院|学院|研究所|研究院|センター|学科|部門|専攻|学群|学域|学府|スクール|カレッジ|研究センター|研究室|学校|校区|機構|研究部|分校|附属.*|医学部.*)$/;

export interface SplitName {
  name: string;
  unit?: string;
}

/**
 * Splits "ガジャマダ大学獣医学部" into { name: "ガジャマダ大学", unit: "獣医学部" } and
 * "アイルランガ大学 (歯学部)" into { name: "アイルランガ大学", unit: "歯学部" }. A campus
 * ("…大学ハイデラバード校") and a hospital ("…大学病院") stay part of the name: a campus is the
 * institution, and a hospital is a different institution from its university.
 */
export function splitPartnerUnit(text: string): SplitName {
  const t = despace(text);
  const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(t);
  if (paren) return { name: paren[1]!.trim(), unit: paren[2]!.trim() };
  const idx = t.indexOf('大学');
  if (idx > 0) {
    let end = idx + 2;
    if (t.startsWith('大学校', idx)) end = idx + 3;
    const rest = t.slice(end);
    if (rest && !/病院$/.test(rest) && !/^[^大]*校$/.test(rest) && UNIT_ENDINGS.test(rest)) {
      return { name: t.slice(0, end), unit: rest.replace(/^[・\s]+/, '') };
    }
  }
  return { name: t };
}

/** Heads that identify the kind of an institution, checked on the name's ending. */
export function institutionKind(name: string): string {
  if (/病院$|Hospital/i.test(name)) return 'hospital';
  if (/大学校?$|大学院$|学院$|University|Universit|College|Institute of Technology|School|École|Ecole|Hochschule/i.test(name)) return 'university';
  if (/研究所|研究院|研究機構|科学院|研究センター|Institute|Laboratory|Centre|Center|Academy|アカデミー/i.test(name)) return 'institute';
  if (/省$|庁$|局$|Ministry|裁判所|政府|委員会/.test(name)) return 'government';
  if (/株式会社|Inc\.|Ltd|Corporation|社$/.test(name)) return 'company';
  if (/コンソーシアム|Consortium|連合|Alliance|グループ/.test(name)) return 'consortium';
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
