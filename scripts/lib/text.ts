/**
 * Text clean-up shared by every parser. Pure functions, one idea each.
 * The raw text is never changed on disk; these produce the cleaned value, and records keep the raw.
 */

/** Split a source file into lines (1-based access is the caller's job). A final newline adds no line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Tab-separated cells of a line, untrimmed. Papaparse is not used: `"` is ordinary text here. */
export function splitCells(line: string): string[] {
  return line.split('\t');
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆・（）()「」〔〕、。';
const SPACED = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'gu');

/** NFKC (full-width digits, brackets and spaces to ASCII), collapsed whitespace, trimmed. */
export function clean(s: string): string {
  return s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Removes spaces between two CJK characters: "人 文 学 類" → "人文学類". Latin words keep theirs. */
export function despace(s: string): string {
  return clean(s).replace(SPACED, '');
}

/** True when the cell is empty after clean-up. */
export function isBlank(s: string | undefined): boolean {
  return s === undefined || clean(s) === '';
}

/** Non-empty cleaned cells of a line, in order. */
export function cellsOf(line: string): string[] {
  return splitCells(line).map(clean).filter((c) => c !== '');
}

/**
 * Parses a count cell: "1,156" → 1156, "０" → 0. Returns undefined when the cell is not a count
 * (callers decide whether that is an error).
 */
export function parseCount(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = clean(s).replace(/[,，]/g, '');
  return /^-?\d+$/.test(t) ? Number(t) : undefined;
}

/** Parses a decimal: "6.0" → 6, "2,5" is not a decimal. */
export function parseDecimal(s: string): number | undefined {
  const t = clean(s);
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** Strips HTML tags and decodes the few entities the extractions contain; keeps link text. */
export function stripHtml(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** href values of <a> tags and bare http(s) URLs in a cell, in order, without duplicates. */
export function extractLinks(s: string): string[] {
  const out = new Set<string>();
  for (const m of s.matchAll(/href\s*=\s*["']([^"']+)["']/gi)) out.add(m[1]!.trim());
  for (const m of stripHtml(s).matchAll(/https?:\/\/[^\s<>"'）)、，,]+/g)) out.add(m[0].replace(/[.。]$/, ''));
  return [...out];
}

/** A URL-safe slug from Latin text: lower case, ASCII letters and digits joined by '-'. */
/** Latin letters that NFKD does not decompose: ł, ø, đ, ß, æ, œ, ı, þ, ð. */
const LATIN_FOLD: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', þ: 'th', Þ: 'Th', ð: 'd', Ð: 'D' };

export function slugify(s: string): string {
  return s
    .replace(/[łŁøØđĐßæÆœŒıþÞðÐ]/g, (c) => LATIN_FOLD[c]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
