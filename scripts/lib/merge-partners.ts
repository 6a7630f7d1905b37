/**
 * Merges partner mentions from every source into one record per real institution.
 *
 * Two mentions are the same institution when, in the same country, their Japanese names have the
 * same matching key (jaKey) or their English names the same key (enKey), or when a reviewed entry of
 * data/reference/partner-aliases.json says so (translated and re-spelled names). Pairs listed in
 * data/reference/partner-distinct.json must never end up merged (清華大学 vs 国立清華大学): if the
 * rules above would merge them, that is an error, not a silent merge.
 *
 * The Japanese name shown is the first name of the reviewed alias group that applies, spelled as
 * the sources spell it (the group lists the correct spelling first, so ボゴール's misreading
 * ポゴール農科大学 is not shown for IPB University); otherwise the most frequent spelling. The
 * English name only ever comes from the sources' own text.
 */
import { createHash } from 'node:crypto';
import { readReference } from './reference.ts';
import { jaKey, enKey, institutionKind } from './partners.ts';
import { romanize } from './kana.ts';
import { slugify, despace } from './text.ts';
import { pinyin } from 'pinyin-pro';
import type { PartnerMention } from '../sources/types.ts';

export interface AliasGroup {
  country: string;
  /**
   * Names (ja or en) of one institution, each as written in some source; the first is the
   * Japanese name to show (the correct or current spelling).
   */
  names: string[];
  /** Why these are one institution, naming the source lines. */
  reason: string;
}
export interface DistinctPair {
  country: string;
  a: string;
  b: string;
  reason: string;
}
/**
 * A misprint no source spells right (data/reference/partner-spellings.json): the partner is shown
 * as `shown`; `printed` stays among its aliases, so the documents' spelling still finds it.
 */
export interface Spelling {
  country: string;
  /** the whole Japanese name as printed (spaces ignored) */
  printed: string;
  shown: string;
  /** what the institution is and why the printed form is a misreading, naming the source lines */
  reason: string;
}
/** The reviewed tables merging reads. */
export interface PartnerReference {
  aliases: AliasGroup[];
  distinct: DistinctPair[];
  spellings?: Spelling[];
}

export function readPartnerReference(): PartnerReference {
  return {
    aliases: readReference<AliasGroup[]>('partner-aliases.json'),
    distinct: readReference<DistinctPair[]>('partner-distinct.json'),
    spellings: readReference<Spelling[]>('partner-spellings.json'),
  };
}

class UnionFind {
  private parent: Map<string, string>;
  constructor(parent = new Map<string, string>()) {
    this.parent = parent;
  }
  copy(): UnionFind {
    return new UnionFind(new Map(this.parent));
  }
  find(x: string): string {
    let p = this.parent.get(x);
    if (p === undefined) { this.parent.set(x, x); return x; }
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    // deterministic: the smaller key becomes the root
    if (ra < rb) this.parent.set(rb, ra); else this.parent.set(ra, rb);
  }
}

/** The matching key of a name: jaKey for Japanese script ("ja|…"), enKey otherwise ("en|…"). */
export function nameKey(name: string): string {
  return /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(name) ? `ja|${jaKey(name)}` : `en|${enKey(name)}`;
}

/** A name's key within a country: "ja|CN|…" / "en|CN|…". */
function keysOf(country: string, name: string): string[] {
  const k = nameKey(name);
  return [`${k.slice(0, 3)}${country}|${k.slice(3)}`];
}

function mentionKeys(m: PartnerMention): string[] {
  return [...(m.ja ? keysOf(m.country, m.ja) : []), ...(m.en ? keysOf(m.country, m.en) : [])];
}

/** Most frequent value; ties → shortest, then code-point order. Deterministic. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0];
}

/** Words that split an institution name into slug parts ("国立|清華|大学"). */
const SLUG_WORDS = /(大学校|大学院|大学|学院|研究院|研究所|科学院|国立|州立|師範|工科|医科|病院|校)/;
/** Japanese readings of those words, for slugs of names outside the Chinese-speaking world. */
const JA_READING: Record<string, string> = {
  大学校: 'daigakko', 大学院: 'daigakuin', 大学: 'daigaku', 学院: 'gakuin', 研究院: 'kenkyuin', 研究所: 'kenkyujo', 科学院: 'kagakuin',
  国立: 'kokuritsu', 州立: 'shuritsu', 師範: 'shihan', 工科: 'koka', 医科: 'ika', 病院: 'byoin', 校: 'ko',
};
/** Where partner slugs and readings are pinyin. */
export const CHINESE = new Set(['CN', 'TW', 'HK', 'MO']);

/** Toneless pinyin of Han characters, syllables joined: "清華" → "qinghua". Kana and Latin pass through. */
function hanToPinyin(s: string): string {
  return s.replace(/\p{Script=Han}+/gu, (han) => pinyin(han, { toneType: 'none', type: 'array' }).join(''));
}

/** A romanised reading and the language tag of its romanisation (for the `lang` attribute). */
export interface Reading { text: string; lang: 'ja-Latn' | 'zh-Latn-pinyin' }

/**
 * Romanised reading of an institution's Japanese name, for search and for English pages (always
 * labelled as a reading, never as a name):
 * - institutions of China, Taiwan, Hong Kong and Macao whose name is written in Han characters
 *   only: Hanyu Pinyin with tone marks, one syllable per word ("北京大学" → "běi jīng dà xué"), the
 *   reading of the characters in Mandarin (pinyin-pro; Japanese character forms such as 広 are read
 *   as their Chinese counterparts). No word segmenter is bundled, so syllables stand apart.
 * - otherwise: katakana in Hepburn, common institution words in their Japanese reading (大学 →
 *   daigaku). Undefined when other kanji remain: no dictionary is bundled, so no reading is better
 *   than half of one.
 */
/**
 * Japanese character forms that pinyin-pro reads wrongly, with the simplified form it reads right
 * (it knows words in simplified Chinese best): 芸 is Japanese for 藝 (yì; Chinese 芸 is yún), 応 for
 * 應, and the place names 重慶 (chóng qìng) and 廈門 (xià mén) are only recognised as words in
 * their simplified forms. Found by reading every pinyin reading the build produces.
 */
const JA_FORM_TO_ZH: Record<string, string> = { 芸: '艺', 応: '应', 慶: '庆', 廈: '厦', 門: '门' };

export function readingOf(ja: string, country?: string): Reading | undefined {
  const flat = despace(ja).replace(/・/g, ' ');
  if (country && CHINESE.has(country) && /\p{Script=Han}/u.test(flat) && !/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(flat)) {
    const text = flat
      .replace(/\p{Script=Han}+/gu, (han) => ` ${pinyin(han.replace(/./gu, (c) => JA_FORM_TO_ZH[c] ?? c), { type: 'array' }).join(' ')} `)
      .replace(/[()（）]/g, ' ').replace(/\s+/g, ' ').trim();
    if (!/\p{Script=Han}/u.test(text)) return { text, lang: 'zh-Latn-pinyin' };
  }
  const parts = flat.split(SLUG_WORDS).filter(Boolean).map((p) => JA_READING[p] ?? romanize(p));
  if (parts.some((p) => /\p{Script=Han}/u.test(p))) return undefined;
  const r = parts.join(' ').replace(/[()（）]/g, ' ').replace(/\s+/g, ' ').trim();
  return /[a-z]/.test(r) ? { text: r, lang: 'ja-Latn' } : undefined;
}

/**
 * A URL slug for a partner: from its English name where a source gives one; otherwise from the
 * Japanese name, part by part: katakana romanised (Hepburn), Han characters in pinyin for
 * institutions of China, Taiwan, Hong Kong and Macao, and in Japanese readings of common words
 * (大学 → daigaku) elsewhere, with pinyin as the last resort for other kanji. Slugs are ids, never
 * shown as names.
 */
export function slugFor(name: { ja: string; en?: string }, country: string): string {
  if (name.en) {
    const s = slugify(name.en);
    if (s) return s;
  }
  const parts = despace(name.ja).split(SLUG_WORDS).filter(Boolean);
  const words = parts.map((p) => {
    if (!CHINESE.has(country) && JA_READING[p]) return JA_READING[p]!;
    return slugify(hanToPinyin(romanize(p)));
  });
  return words.filter(Boolean).join('-') || createHash('sha1').update(name.ja).digest('hex').slice(0, 8);
}

/**
 * A partner as merging leaves it: one institution's mentions, named as the sources name it, with a
 * draft id (a romanised slug) that the identify stage replaces by the reviewed one.
 */
export interface DraftPartner {
  id: string;
  name: { ja: string; en?: string };
  reading?: string;
  readingLang?: 'ja-Latn' | 'zh-Latn-pinyin';
  aliases: string[];
  country: string;
  kind: string;
}

export interface MergeResult {
  partners: DraftPartner[];
  /** Partner id for each mention, by mention object identity. */
  idOf: Map<PartnerMention, string>;
  errors: string[];
}

/** Union-find over the matching keys of the mentions: the merges that need no reviewed table. */
function mentionUnion(mentions: PartnerMention[]): UnionFind {
  const uf = new UnionFind();
  for (const m of mentions) {
    const ks = mentionKeys(m);
    for (const k of ks) uf.find(k);
    for (let i = 1; i < ks.length; i++) uf.union(ks[0]!, ks[i]!);
  }
  return uf;
}

function applyAlias(uf: UnionFind, g: AliasGroup): void {
  const ks = g.names.flatMap((n) => keysOf(g.country, n));
  for (let i = 1; i < ks.length; i++) uf.union(ks[0]!, ks[i]!);
}

/**
 * What each reviewed alias group does to these mentions, for the review that keeps the table free
 * of dead entries: `partners` is the number of separate partners the mentions matching its names
 * would form without this group (the others applied) — below 2, the group merges nothing — and
 * `unmatched` lists its names that match no mention.
 */
export function aliasGroupReach(mentions: PartnerMention[], ref: PartnerReference = readPartnerReference()): { group: AliasGroup; partners: number; unmatched: string[] }[] {
  const base = mentionUnion(mentions);
  const present = new Set(mentions.flatMap(mentionKeys));
  return ref.aliases.map((group, i) => {
    const uf = base.copy();
    ref.aliases.forEach((g, j) => { if (j !== i) applyAlias(uf, g); });
    const keys = group.names.flatMap((n) => keysOf(group.country, n));
    const matched = keys.filter((k) => present.has(k));
    return {
      group,
      partners: new Set(matched.map((k) => uf.find(k))).size,
      unmatched: group.names.filter((n) => !keysOf(group.country, n).some((k) => present.has(k))),
    };
  });
}

export function mergePartners(mentions: PartnerMention[], ref: PartnerReference = readPartnerReference()): MergeResult {
  const { aliases, distinct } = ref;
  const uf = mentionUnion(mentions);
  const errors: string[] = [];
  const spellingFor = new Map((ref.spellings ?? []).map((sp) => [`${sp.country}|${jaKey(sp.printed)}`, sp]));
  const fixed = new Set<Spelling>();
  for (const g of aliases) applyAlias(uf, g);
  // The Japanese name to show for a merged partner: the first name of the first group that applies.
  const shownKey = new Map<string, string>();
  for (const g of aliases) {
    const first = g.names[0];
    if (!first || !/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(first)) continue;
    const root = uf.find(`ja|${g.country}|${jaKey(first)}`);
    if (!shownKey.has(root)) shownKey.set(root, jaKey(first));
  }
  for (const d of distinct) {
    const [ka] = keysOf(d.country, d.a);
    const [kb] = keysOf(d.country, d.b);
    if (uf.find(ka!) === uf.find(kb!)) errors.push(`data/reference/partner-distinct.json: "${d.a}" and "${d.b}" (${d.country}) would be merged, but they are distinct: ${d.reason}`);
  }
  const groups = new Map<string, PartnerMention[]>();
  for (const m of mentions) {
    const ks = mentionKeys(m);
    if (ks.length === 0) { errors.push(`${m.source.id}:${m.source.line}: partner mention without a name`); continue; }
    const root = uf.find(ks[0]!);
    const g = groups.get(root);
    if (g) g.push(m); else groups.set(root, [m]);
  }
  const partners: DraftPartner[] = [];
  const idOf = new Map<PartnerMention, string>();
  const used = new Map<string, number>();
  const roots = [...groups.keys()].sort();
  const drafts = roots.map((root) => {
    const ms = groups.get(root)!;
    const shown = shownKey.get(root);
    const jas = ms.flatMap((m) => (m.ja ? [m.ja] : []));
    const ja = mostCommon(jas.filter((n) => jaKey(n) === shown)) ?? mostCommon(jas);
    const en = mostCommon(ms.flatMap((m) => (m.en ? [m.en] : [])));
    const countries = [...new Set(ms.map((m) => m.country))];
    const country = countries[0]!;
    const fix = ja ? spellingFor.get(`${country}|${jaKey(ja)}`) : undefined;
    if (fix) fixed.add(fix);
    const name = { ja: fix?.shown ?? ja ?? en!, ...(en ? { en } : {}) };
    const kinds = ms.flatMap((m) => (m.kind ? [m.kind] : []));
    const reading = ja ? readingOf(name.ja, country) : undefined;
    const aliases = [...new Set([...ms.flatMap((m) => [m.ja, m.en].filter((x): x is string => !!x)), ...(fix ? [fix.shown] : [])])].sort();
    return { ms, name, country, kind: mostCommon(kinds) ?? institutionKind(en ?? ja ?? ''), reading, aliases };
  });
  for (const sp of ref.spellings ?? []) {
    if (!fixed.has(sp)) errors.push(`data/reference/partner-spellings.json: "${sp.printed}" (${sp.country}) is not the shown name of any partner: ${sp.reason}`);
  }
  // Slugs: the plain slug when unique, else suffixed with the country, else with a hash.
  for (const d of drafts) { const s = slugFor(d.name, d.country); used.set(s, (used.get(s) ?? 0) + 1); }
  const taken = new Set<string>();
  for (const d of drafts) {
    let id = slugFor(d.name, d.country);
    if ((used.get(id) ?? 0) > 1) id = `${id}-${d.country.toLowerCase()}`;
    if (taken.has(id)) id = `${id}-${createHash('sha1').update(d.aliases.join('|')).digest('hex').slice(0, 6)}`;
    taken.add(id);
    partners.push({ id, name: d.name, ...(d.reading ? { reading: d.reading.text, readingLang: d.reading.lang } : {}), aliases: d.aliases, country: d.country, kind: d.kind });
    for (const m of d.ms) idOf.set(m, id);
  }
  partners.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { partners, idOf, errors };
}
