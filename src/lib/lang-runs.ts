/**
 * Japanese inside text of another language (an English reason that quotes the document: "ドミニカ may
 * be Dominica (ドミニカ国, DM)…"): `japaneseRuns` cuts the text into pieces, each run of Japanese
 * marked `ja` so a page can give it `lang="ja"` — the smallest element holding the Japanese, the rest
 * left as it is. Used at build time (src/components/JaRuns.astro) and in the browser (the finder).
 *
 * A run is Japanese characters (kana, kanji, Japanese punctuation and fullwidth forms) with whatever
 * joins them inside one name or quotation: a space, digits, a short Latin word (QOL, CO2), ASCII
 * brackets or a slash between two Japanese characters ("合計 (派遣)", "韓国/中国"), and a closing bracket
 * that balances one opened in the run. Text without Japanese is one unmarked piece.
 */

/** Kana, kanji, CJK symbols and punctuation (「」、。〜), ・, ー and fullwidth forms (（）：). */
export const JAPANESE_CHAR = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}\u3001-\u303f\u30fb\u30fc\uff01-\uff60]/u;

const J = String.raw`[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}\u3001-\u303f\u30fb\u30fc\uff01-\uff60]`;
/** between two Japanese characters: at most one space, then up to 8 digits/Latin letters/brackets/slashes/dots, then at most one space */
const GAP = String.raw`(?: ?[0-9A-Za-z()\[\]/.\-]{0,8} ?)`;
const RUN = new RegExp(String.raw`${J}+(?:${GAP}${J}+)*`, 'gu');
const OPEN: Record<string, string> = { '(': ')', '[': ']', '（': '）', '「': '」', '『': '』', '【': '】', '〔': '〕', '“': '”' };

export interface LangPiece {
  text: string;
  /** set on a run of Japanese */
  ja?: true;
}

export function hasJapanese(text: string): boolean {
  return JAPANESE_CHAR.test(text);
}

/** `text` cut into unmarked pieces and runs of Japanese (`ja: true`); joined again they give `text`. */
export function japaneseRuns(text: string): LangPiece[] {
  if (!hasJapanese(text)) return text ? [{ text }] : [];
  const out: LangPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    let start = m.index;
    let end = start + m[0].length;
    if (start < at) continue;
    // closing brackets right after the run that balance brackets opened inside it
    const stack: string[] = [];
    for (const ch of text.slice(start, end)) {
      if (OPEN[ch]) stack.push(OPEN[ch]!);
      else if (stack.length && stack[stack.length - 1] === ch) stack.pop();
    }
    while (stack.length && text[end] === stack[stack.length - 1]) {
      stack.pop();
      end++;
    }
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, end), ja: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** A piece of text with the language it is in when that differs from the page's. */
export interface MarkedPiece {
  text: string;
  lang?: string;
}

/**
 * Text cut at the words of another language a chart names (`foreign`: a unit's Japanese name on an
 * English page), and on English pages at any other Japanese it quotes (“中国（香港含む）”), each piece
 * marked with its lang. Shared by charts, their tables and page notes.
 */
export function markRuns(text: string, locale: string, foreign: readonly { text: string; lang: string }[] = []): MarkedPiece[] {
  let parts: MarkedPiece[] = [{ text }];
  for (const f of foreign.filter((x) => x.text)) {
    parts = parts.flatMap((p) => (p.lang ? [p] : p.text.split(f.text).flatMap((piece, i) => (i === 0 ? [{ text: piece }] : [{ text: f.text, lang: f.lang }, { text: piece }]))));
  }
  if (locale !== 'ja') parts = parts.flatMap((p) => (p.lang ? [p] : japaneseRuns(p.text).map((r) => (r.ja ? { text: r.text, lang: 'ja' } : { text: r.text }))));
  return parts.filter((p) => p.text !== '');
}
