/**
 * Prints pairs of DIFFERENT partners in one country that may be one institution, for the review
 * behind data/reference/partner-aliases.json (true pairs) and partner-distinct.json (look-alikes).
 * A local review aid: the pipeline and CI never run it. Run the pipeline first, then
 * `node scripts/reference/partner-candidates.ts [--raw] [--all] [--country XX] [--out DIR]`:
 *   --raw      print the raw source line of each reference under the pair
 *   --all      also print pairs already reviewed as distinct
 *   --country  only this country code
 *   --out      read the build from DIR (default data/build)
 *
 * Signals (each pair says which fired):
 * - edit:N      edit distance N between matching keys (jaKey), small for the name's length;
 * - loose       equal once PDF-extraction confusions are folded (ボ/ポ, バ/パ, ブ/プ, dakuten, small
 *               kana, ッ, ティ/チ, known typos such as バトナム → ベトナム);
 * - generic     equal once generic words (国立, 州立, 連邦, 大学校/大学, 校, 研究所…, the country's
 *               name) are dropped — these often mean DIFFERENT institutions, review with care;
 * - contains:+X one name is the other plus X (a campus, a hospital, a city: usually different);
 * - dice:S      bigram similarity S of the loose keys without heads (大学, 校…) and the country's
 *               name (reordered names); chars:S the same over single characters;
 * - en~ja:S     share S of the proper words of a partner's English name (TMU and UTokyo give
 *               them) that sound like a katakana word of the other's Japanese name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { jaKey } from '../lib/partners.ts';
import { romanize } from '../lib/kana.ts';
import { readReference } from '../lib/reference.ts';
import type { DistinctPair } from '../lib/merge-partners.ts';
import type { CountryRow } from '../lib/countries.ts';

interface PartnerRow { id: string; name: { ja: string; en?: string }; aliases: string[]; country: string }
interface Ref { id: string; line: number }
interface Item { partner?: string; partners?: string[]; members?: string[]; home: string; source: Ref }

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values: args } = parseArgs({
  options: { raw: { type: 'boolean' }, all: { type: 'boolean' }, country: { type: 'string' }, out: { type: 'string' } },
});
const BUILD = args.out ?? join(ROOT, 'data/build');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(BUILD, name), 'utf8')) as T;

const partners = read<PartnerRow[]>('partners.json');
const refs = new Map<string, { homes: Set<string>; refs: Ref[] }>();
function addRef(partner: string, item: Item): void {
  const r = refs.get(partner) ?? { homes: new Set<string>(), refs: [] };
  r.homes.add(item.home);
  r.refs.push(item.source);
  refs.set(partner, r);
}
for (const table of ['agreements.json', 'programmes.json', 'degree-programmes.json', 'strategic-partnerships.json']) {
  let rows: Item[] = [];
  try { rows = read<Item[]>(table); } catch { continue; }
  for (const row of rows) for (const p of [row.partner, ...(row.partners ?? []), ...(row.members ?? [])]) if (p) addRef(p, row);
}

// Raw lines, for --raw.
const sources = read<{ id: string; file: string }[]>('sources.json');
const rawLines = new Map<string, string[]>();
function rawLine(ref: Ref): string {
  if (!rawLines.has(ref.id)) {
    const file = sources.find((s) => s.id === ref.id)?.file;
    rawLines.set(ref.id, file ? readFileSync(join(ROOT, 'data/raw', file), 'utf8').split(/\r?\n/) : []);
  }
  return (rawLines.get(ref.id)![ref.line - 1] ?? '').replace(/\t+/g, ' ⇥ ').slice(0, 160);
}

const isJa = (s: string) => /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(s);

/** Typos the parser engineers found in the documents, folded before comparing. */
const KNOWN_TYPOS: [RegExp, string][] = [
  [/バトナム/g, 'ベトナム'], [/ポゴール/g, 'ボゴール'], [/ポローニャ/g, 'ボローニャ'], [/プリティッシュ/g, 'ブリティッシュ'],
  [/ボワティエ/g, 'ポワティエ'], [/パウハウス/g, 'バウハウス'], [/プレーメン/g, 'ブレーメン'], [/ポーfum/g, 'ボーフム'],
  [/ピアウイストック/g, 'ビャウィストク'], [/ブノンベン/g, 'プノンペン'], [/グアダハラハラ/g, 'グアダラハラ'], [/ピテブスク/g, 'ビテブスク'],
  [/アインホフェン/g, 'アイントホーフェン'], [/内モンゴ(?!ル)/g, '内モンゴル'],
];

/**
 * A looser key than jaKey: known typos fixed, then the confusions of PDF extraction and of
 * transcription folded — dakuten and handakuten dropped (ボ/ポ/ホ, バ/パ), small kana made full
 * size, ッ dropped, ティ/ディ → チ/ジ, ファ/フィ/フェ/フォ → バ-row (German v: ハノーファー),
 * 聖/サント/セイント → セント, 医科 → 医学.
 */
function looseKey(name: string): string {
  let s = name.normalize('NFKC');
  for (const [re, to] of KNOWN_TYPOS) s = s.replace(re, to);
  s = jaKey(s)
    .replace(/ティ/g, 'チ').replace(/ディ/g, 'ジ').replace(/トゥ/g, 'ツ').replace(/ドゥ/g, 'ズ')
    .replace(/聖|サント|セイント/g, 'セント').replace(/医科/g, '医学')
    .replace(/ファ/g, 'バ').replace(/フィ/g, 'ビ').replace(/フェ/g, 'ベ').replace(/フォ/g, 'ボ')
    .normalize('NFD').replace(/[\u3099\u309A]/g, '').normalize('NFC')
    .replace(/[ァィゥェォャュョッヮ]/g, (c) => (c === 'ッ' ? '' : String.fromCharCode(c.charCodeAt(0) + 1)));
  return s;
}

/**
 * Generic words: two names equal once these are dropped are look-alikes (国立ソウル大学 / ソウル大学校,
 * ロシア極東連邦総合大学 / 極東連邦大学) — often one institution, often NOT (清華大学 / 国立清華大学,
 * アイオワ大学 / アイオワ州立大学): review with care.
 */
const GENERIC_JA = ['大学校', '大学院', '大学', '学院', '研究所', '研究院', '研究センター', '研究機構', 'センター', '国立', '州立', '市立', '公立', '王立', '連邦', '国家', '総合', '記念', '校', '分校'];

const countries = readReference<CountryRow[]>('countries.json');
const EXTRA_COUNTRY_WORDS: Record<string, string[]> = { KR: ['韓国', '大韓民国'], CN: ['中国', '中華人民共和国'], TW: ['台湾'], US: ['アメリカ', '米国'], GB: ['英国', 'イギリス'], VN: ['ベトナム'], RU: ['ロシア'] };
function countryWords(code: string): string[] {
  const row = countries.find((c) => c.code === code);
  const words = row ? [row.name.ja, ...row.aliases.filter(isJa)] : [];
  return [...words, ...(EXTRA_COUNTRY_WORDS[code] ?? [])].map(looseKey);
}

/** Drops the given words, longest first, from a key. */
function drop(key: string, words: string[]): string {
  let s = key;
  for (const w of [...words].sort((a, b) => b.length - a.length)) s = s.split(w).join('');
  return s;
}
const genericWords = GENERIC_JA.map(looseKey);
/** A loose key without the country's name and generic words. */
const stripGeneric = (key: string, code: string) => drop(key, [...countryWords(code), ...genericWords]);
/** A loose key without the country's name and institution heads (大学, 学院, 校): for the similarities. */
const stripHeads = (key: string, code: string) => drop(key, [...countryWords(code), ...['大学校', '大学院', '大学', '学院', '校'].map(looseKey)]);

/**
 * True when what differs between two keys (after their common start and end) has kana in it or
 * is empty on one side: one different kanji is a different proper name (東北大学 / 東南大学), one
 * different kana is usually a spelling (ライプツィヒ / ライプツヒ).
 */
function kanaDifference(a: string, b: string): boolean {
  const A = [...a], B = [...b];
  let i = 0;
  while (i < A.length && i < B.length && A[i] === B[i]) i++;
  let j = 0;
  while (j < A.length - i && j < B.length - i && A[A.length - 1 - j] === B[B.length - 1 - j]) j++;
  const ma = A.slice(i, A.length - j).join(''), mb = B.slice(i, B.length - j).join('');
  const kana = /[\p{Script=Katakana}\p{Script=Hiragana}ー]/u;
  return kana.test(ma) || kana.test(mb);
}

function editDistance(a: string, b: string): number {
  const A = [...a], B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[B.length]!;
}

function bigrams(s: string): string[] {
  const c = [...s];
  if (c.length < 2) return c;
  return c.slice(1).map((x, i) => c[i] + x);
}
function dice(a: string, b: string, gram: (s: string) => string[] = bigrams): number {
  const A = gram(a), B = gram(b);
  if (!A.length || !B.length) return 0;
  const pool = [...B];
  let common = 0;
  for (const x of A) { const i = pool.indexOf(x); if (i >= 0) { common++; pool.splice(i, 1); } }
  return (2 * common) / (A.length + B.length);
}

/** English words that say what an institution is, not which: dropped before comparing readings. */
const GENERIC_EN = /\b(the|of|and|at|de|del|la|le|di|da|university|universiti|universitas|universidad|universita|universite|universitat|college|institute|institut|school|national|state|technology|science|sciences|applied|academy|centre|center|research)\b/g;

/**
 * A consonant skeleton for comparing a romanised katakana reading with a Latin word: vowels
 * dropped, l/r merged, the labials b/p/v/f merged (ハノーファー / Hannover, ボ/ポ confusions),
 * Hepburn digraphs reduced, doubled letters collapsed.
 */
function skeleton(latin: string): string {
  return latin.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/shi/g, 's').replace(/chi/g, 'c').replace(/tsu/g, 't').replace(/sh/g, 's').replace(/ch/g, 'c').replace(/ck/g, 'k').replace(/ph/g, 'f').replace(/th/g, 't')
    .replace(/q/g, 'k').replace(/x/g, 'ks').replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k').replace(/z/g, 's').replace(/j/g, 'g')
    .replace(/l/g, 'r').replace(/[fvp]/g, 'b').replace(/w/g, 'u')
    .replace(/[aeiouy]/g, '').replace(/[^a-z]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** Best bigram similarity of a word to a stretch of about its length in a longer word. */
function fuzzyIn(w: string, r: string): number {
  let best = dice(w, r);
  for (let len = w.length - 1; len <= w.length + 1; len++) for (let i = 0; i + len <= r.length; i++) best = Math.max(best, dice(w, r.slice(i, i + len)));
  return best;
}

/** Proper words of an English name (generic words dropped), as skeletons. */
function englishWords(en: string): string[] {
  return en.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(GENERIC_EN, ' ')
    .split(/[^a-z]+/).filter((w) => w.length >= 3).map(skeleton).filter((w) => w.length >= 2);
}
/** Katakana runs of a Japanese name, romanised, as skeletons. */
function readingWords(ja: string): string[] {
  return (ja.normalize('NFKC').match(/[\p{Script=Katakana}ー]+/gu) ?? []).map((run) => skeleton(romanize(run))).filter((w) => w.length >= 2);
}
/**
 * Share of an English name's proper words that sound like one of the katakana words of a Japanese
 * name: "Universiti Kebangsaan Malaysia" / ケバンサアン・マレーシア大学 → 1.
 */
function soundsLike(en: string, ja: string, code: string): number {
  const country = new Set(englishWords(countries.find((c) => c.code === code)?.name.en ?? ''));
  const ew = englishWords(en).filter((w) => !country.has(w)), jw = readingWords(ja);
  if (!ew.length || !jw.length) return 0;
  const hit = ew.filter((w) => jw.some((r) => w === r || (Math.min(w.length, r.length) >= 3 && (w.startsWith(r) || r.startsWith(w))) || (Math.min(w.length, r.length) >= 4 && (w.includes(r) || r.includes(w))) || (w.length >= 4 && r.length >= 4 && fuzzyIn(w, r) >= 0.66)));
  return hit.some((w) => w.length >= 3) ? hit.length / ew.length : 0;
}

interface Side { p: PartnerRow; keys: string[]; loose: string[]; en: string[] }
const sides: Side[] = partners
  .filter((p) => !args.country || p.country === args.country)
  .map((p) => {
    const ja = p.aliases.filter(isJa);
    return { p, keys: [...new Set(ja.map(jaKey))], loose: [...new Set(ja.map(looseKey))], en: p.aliases.filter((a) => !isJa(a)) };
  });

const distinct = readReference<DistinctPair[]>('partner-distinct.json');
const reviewedDistinct = (a: Side, b: Side) => distinct.some((d) => d.country === a.p.country && (
  (a.p.aliases.includes(d.a) && b.p.aliases.includes(d.b)) || (a.p.aliases.includes(d.b) && b.p.aliases.includes(d.a))));

function signals(a: Side, b: Side): { why: string[]; score: number } {
  const why: string[] = [];
  const code = a.p.country;
  let score = 0;
  let best = Infinity;
  for (const x of a.keys) for (const y of b.keys) {
    if (!kanaDifference(x, y)) continue;
    const d = editDistance(x, y);
    const limit = Math.min(x.length, y.length) >= 8 ? 2 : 1;
    if (d <= limit) best = Math.min(best, d);
  }
  if (best < Infinity) { why.push(`edit:${best}`); score += 3 - best; }
  if (a.loose.some((x) => b.loose.includes(x))) { why.push('loose'); score += 3; }
  for (const x of a.loose) for (const y of b.loose) {
    if (x === y) continue;
    const gx = stripGeneric(x, code), gy = stripGeneric(y, code);
    if (gx.length >= 2 && gx === gy) { why.push('generic'); score += 1.5; }
    const [s, l] = x.length <= y.length ? [x, y] : [y, x];
    if (stripHeads(s, code).length >= 3 && l.includes(s)) { why.push(`contains:+${l.replace(s, '')}`); score += 0.5; }
    const hx = stripHeads(x, code), hy = stripHeads(y, code);
    if ([...hx].length >= 3 && [...hy].length >= 3) {
      const d2 = dice(hx, hy);
      if (d2 >= 0.75) { why.push(`dice:${d2.toFixed(2)}`); score += d2; }
      const d1 = dice(hx, hy, (t) => [...t]);
      if ([...hx].length >= 5 && d1 >= 0.85 && d2 < 0.75) { why.push(`chars:${d1.toFixed(2)}`); score += d1 / 2; }
    }
  }
  let heard = 0;
  for (const [en, ja] of [...a.en.flatMap((e) => b.keys.map((k) => [e, k] as const)), ...b.en.flatMap((e) => a.keys.map((k) => [e, k] as const))]) {
    heard = Math.max(heard, soundsLike(en, ja, code));
  }
  if (heard >= 0.5) { why.push(`en~ja:${heard.toFixed(2)}`); score += heard; }
  return { why: [...new Set(why)], score };
}

const out: string[] = [];
let count = 0;
const byCountry = new Map<string, Side[]>();
for (const s of sides) byCountry.set(s.p.country, [...(byCountry.get(s.p.country) ?? []), s]);
for (const country of [...byCountry.keys()].sort()) {
  const list = byCountry.get(country)!;
  const found: { a: Side; b: Side; why: string[]; score: number; reviewed: boolean }[] = [];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
    const a = list[i]!, b = list[j]!;
    const { why, score } = signals(a, b);
    if (!why.length) continue;
    const reviewed = reviewedDistinct(a, b);
    if (reviewed && !args.all) continue;
    found.push({ a, b, why, score, reviewed });
  }
  found.sort((x, y) => y.score - x.score || x.a.p.id.localeCompare(y.a.p.id));
  for (const f of found) {
    count++;
    out.push(`${country}  ${f.why.join(' ')}${f.reviewed ? '  [reviewed: distinct]' : ''}`);
    for (const s of [f.a, f.b]) {
      const r = refs.get(s.p.id);
      const where = r ? r.refs.map((x) => `${x.id}:L${x.line}`).join(', ') : '(no records)';
      out.push(`   ${s.p.id}  ${s.p.aliases.join(' | ')}  {${[...(r?.homes ?? [])].sort().join(', ')}}  [${where}]`);
      if (args.raw && r) for (const x of r.refs.slice(0, 4)) out.push(`      ${x.id}:L${x.line}  ${rawLine(x)}`);
    }
  }
}
out.push(`${count} candidate pair(s) among ${sides.length} partners`);
console.log(out.join('\n'));

