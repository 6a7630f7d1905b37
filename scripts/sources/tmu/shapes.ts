/**
 * Shapes of the lines of TMU's call that state no fact: what makes a line prose (a note), page
 * furniture (layout) or neither (an error). Every shape is recognised by what the line is:
 *
 * - prose: a sentence (。, a predicate or a particle ending a line the next line continues), an
 *   article of the regulations (第N条), a list item (a bullet, or a numbered item beside the next
 *   number of its list: "(1) 本学学生の身分を失った場合" above "(2) 本学を休学した場合"), "label：value"
 *   lines, contacts (an e-mail address or a URL), a parenthetical remark, an amendment history
 *   ("（令 2 首都大管国第 1348 号・一部改正）"), a table or form row with a sentence in a cell;
 * - layout: titles and headings (numbered "1 目的", "(1) 応募要件", "① 学業成績について" standing
 *   alone, 【…】 and […] headings, article captions "(目的)", 別表 and 附則 captions, a short phrase
 *   of words standing alone), entries of the table of contents, form fields (blanks "_____",
 *   checkboxes, "年 月 日"), table headers and form rows made of labels and fields, page numbers,
 *   rules and page-break debris ("正)");
 * - anything holding a token of no language (neither a word, a number nor punctuation of a form or
 *   a sentence: "qqq", "%%%") is an error: the message says what was expected there.
 */
import { clean, stripHtml } from '../../lib/text.ts';

export type Shape = { kind: 'note'; why: string } | { kind: 'layout'; why: string } | { kind: 'error'; message: string };

/** The lines around a line (raw text of the previous and next non-blank lines), for list items. */
export interface Around {
  prev?: string;
  next?: string;
  prevLine?: number;
  nextLine?: number;
}

const KINDS = 'prose, a heading, a list item, a form field or a table row';

/** Describes a neighbouring line for a message: its shape and number. */
export type Describe = (raw: string, line: number | undefined) => string;

const describeAlone: Describe = (raw, line) => {
  const s = lineShape(raw, {});
  return `${s.kind === 'error' ? 'unreadable' : s.why}${line !== undefined ? ` (line ${line})` : ''}`;
};

/** What was expected on a line that fits no shape: the kinds of line, and what the lines around it are. */
export function expectedAround(around: Around, describe: Describe = describeAlone): string {
  const sides: string[] = [];
  if (around.prev !== undefined) sides.push(describe(around.prev, around.prevLine));
  if (around.next !== undefined) sides.push(describe(around.next, around.nextLine));
  return sides.length > 0 ? `${KINDS}, like the lines around it: ${sides.join(', ')}` : KINDS;
}

/** The message for a line holding a token of no language. */
export function junkMessage(junk: string, around: Around, describe?: Describe): string {
  return `fits no shape: "${junk.slice(0, 30)}" is no word, number or mark of a form; expected ${expectedAround(around, describe)}`;
}

const JA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Punctuation a token may be made of on its own: bullets, arrows, marks, brackets, blanks of forms. */
const PUNCT_ONLY = /^[-—–−_~～・･:：/→←.,、。*※★◇◆■□○〇●×△☑✓()（）「」『』【】[\]<>＜＞"“”'’!！?？+＋=@〒|&＆]+$/;
/** Lower-case abbreviations of units, files and the web, which have no vowel. */
const NO_VOWEL_WORD = /^(?:html?|pdf|jpe?g|png|gif|svg|xlsx?|docx?|pptx?|csv|txt|rtf|www|https?|ftp|st|nd|rd|th|cm|mm|km|kg|mg|ml)$/;
const URL_OR_MAIL = /https?:\/\/|[\w.-]+@[\w-]+\.[\w.]+/;
const DOMAIN = /[\w-]+\.[a-z]{2,}/i;

/** A line as written: HTML stripped (autolinks kept as URLs), whitespace collapsed; no normalisation. */
export function written(raw: string): string {
  return stripHtml(raw.replace(/<(https?:\/\/[^\s<>]+)>/g, '$1')).replace(/\s+/g, ' ').trim();
}

/**
 * A token of no language: punctuation outside the marks of forms and sentences ("%%%", "###"), or
 * lower-case Latin letters that make no word: three or more with no vowel ("qqq", "xkcd"; not
 * "pdf" or "www"), or one letter repeated ("aaa"). Words, numbers, abbreviations with a capital
 * ("MSc", "SDGs", "cBT"), URLs and addresses are never junk.
 */
export function isJunkToken(token: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(token)) return !PUNCT_ONLY.test(token);
  if (JA.test(token) || URL_OR_MAIL.test(token) || DOMAIN.test(token)) return false;
  const letters = token.replace(/^[^A-Za-z]+|[^A-Za-z]+$/g, '');
  if (!/^[a-z]{3,}$/.test(letters)) return false;
  return (!/[aeiouy]/.test(letters) && !NO_VOWEL_WORD.test(letters)) || /^([a-z])\1+$/.test(letters);
}

/** The first token of no language in a text, if any. */
export function junkIn(text: string): string | undefined {
  return text.split(/\s+/).find((t) => t !== '' && isJunkToken(t));
}

/** The text holds a word: Japanese, or a Latin word (with a vowel, or an abbreviation in capitals). */
export function hasWords(text: string): boolean {
  if (JA.test(text)) return true;
  return (text.match(/[A-Za-z]+/g) ?? []).some((w) => w.length >= 2 && (/[aeiouy]/i.test(w) || w === w.toUpperCase()));
}

/** A cell of a form or table that holds no word: blanks, numbers (of a sample), marks, a date or mail field. */
const FIELD_ONLY = /^[\d\s_×xX□〇○△●☑✓\-—–−~～/.:：,@〒()（）+＋*※★%]+$/;
const BLANKS = /_{3,}|<input\b|□{2,}/;
const DATE_FIELD = /^[\s_〇\d]*年[\s_〇\d]*月[\s_〇\d]*日(?:\s*\(\s*歳\s*\))?$/;

const SENTENCE_END = /(?:です|ます|ました|ください|ません|こと|とおり|[、，,：:はをがへ])$/;
const ARTICLE = /^第\s*\d+\s*条/;
const AMENDMENT = /(?:首都大|都立大)[^。]*第\s*\d+\s*号[^。]*(?:改正|追加|削除)/;
const BULLET = /^(?:[-・•]\s*)+(?=\S)/;
const REGULATION_NUMBER = /^\d+\s*(?:首都大|都立大)\S*\s*第\s*\d+\s*号$/;
const CAPTION = /^(?:別表\s*\d*\s*[（(]第\s*\d+\s*条関係[）)]|附\s*則)/;

interface Numbered {
  kind: 'paren' | 'circled' | 'plain' | 'letter';
  n: number;
  rest: string;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A numbered item: "(1) …", "（１）…", "① …", "1 …", "1. …", "5-1. …", "A. …". */
export function numbered(text: string): Numbered | undefined {
  let m = /^[(（]\s*([0-9０-９]+)\s*[)）]\s*(\S.*)$/.exec(text);
  if (m) return { kind: 'paren', n: Number(clean(m[1]!)), rest: m[2]! };
  m = new RegExp(`^([${CIRCLED}])\\s*(\\S.*)$`).exec(text);
  if (m) return { kind: 'circled', n: CIRCLED.indexOf(m[1]!) + 1, rest: m[2]! };
  m = /^(\d{1,2})(?:[.-]\d+)*\.?\s+(\S.*)$/.exec(text);
  if (m) return { kind: 'plain', n: Number(m[1]), rest: m[2]! };
  m = /^([A-Z])\.\s*(\S.*)$/.exec(text);
  if (m) return { kind: 'letter', n: m[1]!.charCodeAt(0) - 64, rest: m[2]! };
  return undefined;
}

/** The item stands in a list: the line above or below is the item numbered one less or one more. */
function inList(item: Numbered, around: Around): boolean {
  const sibling = (raw: string | undefined, d: number) => {
    if (raw === undefined || raw.includes('\t')) return false;
    const o = numbered(written(raw).replace(BULLET, ''));
    return o !== undefined && o.kind === item.kind && o.n === item.n + d;
  };
  return sibling(around.prev, -1) || sibling(around.next, 1);
}

/**
 * A sentence: 。, or a predicate or particle at its end ("…場合：", "以降の項目は"; "Xとは" is a
 * heading), or four English words or more ending with a full stop, "!" or "?".
 */
const isSentence = (t: string) =>
  /[。．]/.test(t) || (SENTENCE_END.test(t) && !/とは$/.test(t)) || ((t.match(/[A-Za-z]{2,}/g) ?? []).length >= 4 && /[.!?]$/.test(t));
const chars = (t: string) => t.replace(/\s/g, '').length;

/** The shape of a line of one cell (no tab). */
function singleShape(w: string, raw: string, around: Around, inToc: boolean): Shape {
  const t = clean(w);
  if (!hasWords(t)) {
    if (/^[-–—\s]*\d{1,4}[-–—\s]*$/.test(t)) return { kind: 'layout', why: 'page number' };
    if (/^[-—–_=・.\s]{3,}$/.test(t)) return { kind: 'layout', why: 'rule' };
    if (FIELD_ONLY.test(t) || BLANKS.test(raw)) return { kind: 'layout', why: 'form field' };
    return { kind: 'error', message: `fits no shape: "${t.slice(0, 40)}" holds no word; expected ${expectedAround(around)}` };
  }
  if (BLANKS.test(raw) || DATE_FIELD.test(t)) return { kind: 'layout', why: 'form field' };
  if (BULLET.test(w)) return inToc ? { kind: 'layout', why: 'entry of the table of contents' } : { kind: 'note', why: 'list item' };
  if (ARTICLE.test(t)) return { kind: 'note', why: 'article' };
  if (AMENDMENT.test(t)) return { kind: 'note', why: 'amendment history' };
  if (isSentence(t)) return { kind: 'note', why: 'sentence' };
  if (URL_OR_MAIL.test(t)) return { kind: 'note', why: 'contact' };
  if (REGULATION_NUMBER.test(t)) return { kind: 'layout', why: 'number of the regulation' };
  const item = numbered(w);
  if (item) return inList(item, around) ? { kind: 'note', why: 'list item' } : { kind: 'layout', why: 'numbered heading' };
  if (/^(?:\*\*)?[【[].*[】\]](?:\*\*)?$/.test(t)) return { kind: 'layout', why: 'heading in brackets' };
  if (/^[(（].*[)）]$/.test(t)) {
    return chars(t) <= 17 && !/\d/.test(t) ? { kind: 'layout', why: 'caption of an article' } : { kind: 'note', why: 'parenthetical remark' };
  }
  if (CAPTION.test(t)) return { kind: 'layout', why: 'caption of a table or of the supplementary provisions' };
  if (/^[^：:]{1,15}[：:]\s*\S/.test(t) && !/\d[：:]\d/.test(t)) return { kind: 'note', why: 'label and value' };
  if (chars(t) >= 40) return { kind: 'note', why: 'prose' };
  if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,2}[)）]?$/u.test(t) && !/^記$/.test(t)) return { kind: 'layout', why: 'page-break debris' };
  return { kind: 'layout', why: 'title or heading' };
}

/** An entry of a table of contents: a bullet, a 【group】, or a title with its page number. */
export function isTocEntry(raw: string): boolean {
  const w = written(raw);
  return BULLET.test(w) || /^[【[].*[】\]]$/.test(w) || /\t\s*\d{1,3}\s*$/.test(raw);
}

/** The shape of a table or form row (a line with tabs). */
function rowShape(cells: string[], raws: string[], around: Around): Shape {
  const filled = cells.map((c, i) => ({ c, raw: raws[i]! })).filter((x) => x.c !== '' || BLANKS.test(x.raw));
  const odd = filled.find((x) => !hasWords(x.c) && !FIELD_ONLY.test(x.c) && !BLANKS.test(x.raw));
  if (odd) return { kind: 'error', message: `fits no shape: the cell "${odd.c.slice(0, 40)}" holds no word and is no form field; expected ${expectedAround(around)}` };
  if (filled.some((x) => BLANKS.test(x.raw))) return { kind: 'layout', why: 'form row (blanks or checkboxes)' };
  if (filled.some((x) => /[。．]/.test(x.c) || URL_OR_MAIL.test(x.c))) return { kind: 'note', why: 'table row with prose' };
  return { kind: 'layout', why: 'table header, labels or form fields' };
}

/**
 * The shape of a line that states no fact. `inToc`: the line stands in the table of contents
 * (under 目次), where bullets are entries, not list items.
 */
export function lineShape(raw: string, around: Around, inToc = false): Shape {
  const w = written(raw);
  const junk = junkIn(clean(w));
  if (junk !== undefined) return { kind: 'error', message: junkMessage(junk, around) };
  if (!raw.includes('\t')) return singleShape(w, raw, around, inToc);
  const raws = raw.split('\t');
  return rowShape(raws.map((c) => clean(written(c))), raws, around);
}
