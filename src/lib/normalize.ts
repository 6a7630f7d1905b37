/**
 * Search normalisation, shared by the index build (src/lib/search-index.ts) and the browser
 * (src/scripts/directory-engine.ts), so a query and the indexed text are folded the same way:
 *
 * - NFKC (full-width Latin and digits, half-width kana, ㈱-style compatibility characters), lower case;
 * - accents stripped from Latin letters (é → e, ø → o, ł → l, ß → ss …); kana keep their voicing marks;
 * - hiragana → katakana; small kana stay small (ァ ≠ ア);
 * - ヴ-row → バ-row (ヴァ→バ, ヴィ→ビ, ヴ→ブ, ヴェ→ベ, ヴォ→ボ), as Japanese spellings alternate;
 * - the long vowel mark ー, middle dots, spaces, hyphens and other punctuation removed.
 *
 * Pure functions, no DOM. `normalizeWithMap` also says which characters of the input each output
 * character came from (to highlight matches in the original text) and where words start (the
 * Latin "word start" rule of the matcher; see directory-filter.ts).
 */
import { toKatakana, romanize } from '../../scripts/lib/kana.ts';

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** For each UTF-16 unit of `text`: the range [start, end) of the input it came from. */
  start: number[];
  end: number[];
  /** Offsets in `text` where a word starts (after a removed space or punctuation, and 0). */
  words: number[];
}

/** Latin letters with no Unicode decomposition. */
const LATIN_EXTRA: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h', ŋ: 'n' };
const LATIN_EXTRA_RE = /[øłđðþßæœıħŋ]/g;
/** ヴ + small vowel → バ-row; the archaic ヷヸヹヺ too. */
const VU_PAIR: Record<string, string> = { ァ: 'バ', ィ: 'ビ', ェ: 'ベ', ォ: 'ボ' };
const VU_SINGLE: Record<string, string> = { ヴ: 'ブ', ヷ: 'バ', ヸ: 'ビ', ヹ: 'ベ', ヺ: 'ボ' };
/** Characters dropped that separate words. */
const SEPARATOR = /^[\s\p{P}\p{Zs}]+$/u;
/** Characters dropped inside a word: the long vowel mark (and its half-width form after NFKC), stray marks. */
const DROPPED = /[\s\p{P}ー\p{M}゛゜]/gu;
/** A base character and the combining marks after it (half-width ﾞﾟ included, which NFKC joins). */
const CLUSTER = /[^\p{M}\uFF9E\uFF9F][\p{M}\uFF9E\uFF9F]*|[\p{M}\uFF9E\uFF9F]+/gu;
const LATIN = /\p{Script=Latin}/u;

function foldCluster(c: string): string {
  let t = c.normalize('NFKC').toLowerCase();
  if (LATIN.test(t)) t = t.normalize('NFD').replace(/\p{M}/gu, '').replace(LATIN_EXTRA_RE, (m) => LATIN_EXTRA[m]!);
  return toKatakana(t).replace(DROPPED, '');
}

/** Normalises `s` and maps every output character back to the input (see the module comment). */
export function normalizeWithMap(s: string): Normalized {
  // One entry per output code point, before the ヴ-row pass.
  const cps: { ch: string; from: number; to: number; word: boolean }[] = [];
  let boundary = true;
  for (const m of s.matchAll(CLUSTER)) {
    const c = m[0];
    const folded = foldCluster(c);
    if (folded === '') {
      if (SEPARATOR.test(c.normalize('NFKC'))) boundary = true;
      continue;
    }
    for (const ch of folded) {
      cps.push({ ch, from: m.index, to: m.index + c.length, word: boundary });
      boundary = false;
    }
  }
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  const words: number[] = [];
  const emit = (ch: string, from: number, to: number, word: boolean) => {
    if (word) words.push(text.length);
    text += ch;
    for (let k = 0; k < ch.length; k++) {
      start.push(from);
      end.push(to);
    }
  };
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const next = cps[i + 1];
    if (cp.ch === 'ヴ' && next && VU_PAIR[next.ch] && !next.word) {
      emit(VU_PAIR[next.ch]!, cp.from, next.to, cp.word);
      i++;
    } else {
      emit(VU_SINGLE[cp.ch] ?? cp.ch, cp.from, cp.to, cp.word);
    }
  }
  return { text, start, end, words };
}

/** The normalised form of `s` (what the index stores and what a query is matched as). */
export function normalize(s: string): string {
  return normalizeWithMap(s).text;
}

/**
 * The normalised form with its word starts kept as single spaces: "Université de Bordeaux" →
 * "universite de bordeaux". Removing the spaces gives `normalize(s)`. The index stores keys this way.
 */
export function normalizeWords(s: string): string {
  const n = normalizeWithMap(s);
  let out = '';
  let last = 0;
  for (const w of n.words) {
    if (w > last) out += n.text.slice(last, w) + ' ';
    last = w;
  }
  out += n.text.slice(last);
  return out;
}

/** True when a normalised query is Latin letters and digits only (matched at word starts). */
export function isLatinQuery(q: string): boolean {
  return /^[a-z0-9]+$/.test(q);
}

/** romanize() of a syllable (one to three characters), memoised: the set of syllables is small. */
const romanMemo = new Map<string, string>();
function roman(s: string): string {
  let r = romanMemo.get(s);
  if (r === undefined) {
    r = romanize(s);
    if (romanMemo.size < 20_000) romanMemo.set(s, r);
  }
  return r;
}

/**
 * The romanised reading of a normalised text with a map back to it, for highlighting a romaji query
 * in a Japanese name: "ボルド大学" → "borudo大学", each output character pointing at the kana it
 * came from. Uses kana.ts's romanize on each syllable (a digraph such as キャ or ッ + syllable is one).
 */
export function romanizeWithMap(norm: string): { text: string; start: number[]; end: number[] } {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  const unitAt = (j: number): number => {
    if (j + 1 < norm.length && roman(norm.slice(j, j + 2)) !== roman(norm[j]!) + roman(norm[j + 1]!)) return 2;
    return 1;
  };
  for (let i = 0; i < norm.length; ) {
    let len = unitAt(i);
    if (norm[i] === 'ッ' && i + 1 < norm.length) len = 1 + unitAt(i + 1);
    const r = roman(norm.slice(i, i + len)).replace(/\s/g, '');
    for (let k = 0; k < r.length; k++) {
      start.push(i);
      end.push(i + len);
    }
    text += r;
    i += len;
  }
  return { text, start, end };
}
