/**
 * The requirement cells of one annex row, read by content. After the language cell the table has
 * the grade column(s) (学部, 大学院), IELTS, TOEFL iBT, other languages and notes on the language
 * requirements, then the web pages and notes. The extraction does not keep those columns in place:
 * empty cells collapse (everything moves left), a level label sits in its own cell before its value,
 * a cell repeats into the next column, a row puts its IELTS text in the grade column. So cells are
 * classified by what they say; the column order only places the cells that say nothing decisive
 * ("-", "N/A", a CEFR level, a sentence).
 */
import { cellText, isNoneWord, RETAKE_RE, splitLevels, splitRepeat } from './requirements.ts';

export const SLOTS = ['gpa', 'gpa2', 'ielts', 'toefl', 'other', 'langNotes'] as const;
export type Slot = (typeof SLOTS)[number];

export type Kind =
  | 'blank' // empty, or level labels with no value ("学部", "学部 大学院")
  | 'none' // "-", "N/A", "学部 - 大学院 -"
  | 'cefr' // a CEFR level only ("B2", "学部 Recommend CEFR level B1"): English or another language
  | 'prose' // a sentence naming no English test
  | 'prose-tests' // a sentence naming IELTS or TOEFL among others (notes on the language requirements)
  | 'gpa'
  | 'ielts'
  | 'toefl'
  | 'other';

export interface ZoneCell {
  /** 0-based index of the cell in its line. */
  col: number;
  text: string;
}

export interface Piece {
  slot: Slot;
  text: string;
  col: number;
}

const URL_RE = /https?:\/\//;
const LABEL_ONLY = /^(?:学部|大学院)(?:\s+(?:学部|大学院))?$/;

/** The cell is only level labels ("学部", "大学院", "学部 大学院"). */
export function isLabelOnly(text: string): boolean {
  return LABEL_ONLY.test(cellText(text));
}

/** True when the cell holds a URL and does not start with a score (then it is past the requirements). */
export function endsRequirements(text: string): boolean {
  const t = cellText(text).replace(/^(?:学部|大学院)\s*/, '');
  return URL_RE.test(t) && !/^\d/.test(t);
}

/** The leading number of each level's value ("学部 6 大学院 6" → [6, 6]; "N/A Recommended(80)" → [80]). */
function leadingNumbers(text: string): number[] | undefined {
  const out: number[] = [];
  for (const seg of splitLevels(text)) {
    const v = seg.text.trim();
    if (v === '' || isNoneWord(v)) continue;
    const m = /^(?:Recommended\s*\(\s*|minimum\s+|min\.?\s+)?(\d+(?:\.\d+)?)(?![\d])/i.exec(v);
    if (!m) return undefined;
    out.push(Number(m[1]));
  }
  return out.length > 0 ? out : undefined;
}

const OTHER_TEST = /\b(?:HSK|TOCFL|TOPIK|DELF|DALF|DELE|JLPT|TestDaF)(?![A-Za-z])|^HK level \d/i;
const OTHER_LANGUAGE = /\b(?:German|French|Spanish|Italian|Polish|Korean|Chinese)\s*:|level of (?:Spanish|French|German|Italian|Polish|Korean|Chinese)\b/i;
const CEFR_ONLY = /^(?:recommend(?:ed)?\s+)?(?:CEFR\s+)?(?:level\s+)?[ABC][12](?:\s*\([ABC][12]\))?(?:\s+(?:level\s+)?is\s+recommended)?$/i;

/** The value names its test first: "IELTS 5.5 …", "Recommendation of TOEFL: …", "CEFR B2(IELTS 5.5)". */
function namesTest(v: string, test: 'IELTS' | 'TOEFL'): boolean {
  return new RegExp(`^(?:recommendation of\\s+|recommended\\s+)?${test}\\b|^CEFR\\s+[ABC][12]\\s*\\(?\\s*${test}\\b`, 'i').test(v);
}

/** What a cell says, judged by its content alone. */
export function classify(text: string): Kind {
  const t = cellText(text).replace(RETAKE_RE, '').trim();
  const values = splitLevels(t).map((s) => s.text.trim()).filter((v) => v !== '');
  if (values.length === 0) return 'blank';
  if (values.every(isNoneWord)) return 'none';
  const short = (n: number) => values.every((v) => v.length <= n);
  if (short(120) && (/\bGPA\b|\bscale\b|\baverage\b/i.test(t) || /\d\s*\/\s*(?:4|4\.0|4\.3|5|10|100)\b/.test(t))) return 'gpa';
  if (short(80) && (OTHER_TEST.test(t) || OTHER_LANGUAGE.test(t))) return 'other';
  const ielts = /\bIELTS\b/i.test(t);
  const toefl = /\bTOEFL\b/i.test(t);
  const real = values.filter((v) => !isNoneWord(v));
  if (real.every((v) => namesTest(v, 'IELTS'))) return 'ielts';
  if (real.every((v) => namesTest(v, 'TOEFL'))) return 'toefl';
  if (!ielts && !toefl && real.every((v) => CEFR_ONLY.test(v))) return 'cefr';
  const nums = leadingNumbers(t);
  if (nums) {
    if (nums.every((n) => n <= 4.3)) return 'gpa';
    if (!toefl && nums.every((n) => n > 4.3 && n <= 9 && Number.isInteger(n * 2))) return 'ielts';
    if (!ielts && nums.every((n) => Number.isInteger(n) && n >= 10 && n <= 120)) return 'toefl';
  }
  return ielts || toefl ? 'prose-tests' : 'prose';
}

const DECISIVE: Partial<Record<Kind, Slot>> = { gpa: 'gpa', ielts: 'ielts', toefl: 'toefl', other: 'other' };

/** Slots a cell that says nothing decisive may take, in column order. */
const COMPATIBLE: Record<'blank' | 'none' | 'cefr' | 'prose' | 'prose-tests', Slot[]> = {
  blank: ['gpa', 'ielts', 'toefl', 'other', 'langNotes'],
  none: ['gpa', 'ielts', 'toefl', 'other', 'langNotes'],
  cefr: ['ielts', 'toefl', 'other'],
  prose: ['ielts', 'toefl', 'other', 'langNotes'],
  'prose-tests': ['ielts', 'toefl', 'langNotes'],
};

/**
 * A cell that carries its own column labels, as the extraction sometimes merges a header into a
 * cell: "IELTS - TOEFL iBT -" (10116014-2, line 488), "英語以外の言語 - 語学要件に関する注意事項等
 * Programs in Chinese: …" (same line). Returns the labelled pieces, or undefined.
 */
export function splitLabelled(text: string): { slot: Slot; text: string }[] | undefined {
  const t = cellText(text);
  const en = /^IELTS\s+(.*?)\s+TOEFL(?:\s*iBT)?\s+(.*)$/i.exec(t);
  if (en && en[1]!.length <= 20) return [{ slot: 'ielts', text: en[1]! }, { slot: 'toefl', text: en[2]! }];
  const other = /^英語以外の言語\s*(.*?)(?:\s*語学要件に関する注意事項等\s*(.*))?$/.exec(t);
  if (other) {
    const out: { slot: Slot; text: string }[] = [{ slot: 'other', text: other[1]! }];
    if (other[2]) out.push({ slot: 'langNotes', text: other[2] });
    return out;
  }
  return undefined;
}

export interface Assignment {
  /** Text per slot (gpa2 holds a second grade cell: a repeat, or a leftover "-"). */
  slots: Partial<Record<Slot, Piece>>;
  /** Cells that repeat a slot's text exactly (the extraction copied a cell into the next column). */
  repeats: Piece[];
  /** Cells no slot could take: they go to the programme's notes. */
  extra: Piece[];
  /** A decisive cell stands before a cell of an earlier column (content out of column order). */
  outOfOrder: { cell: Piece; after: Slot }[];
}

/**
 * Assigns the requirement cells of a row to slots. `splitLabels` merges each lone level label with
 * the next cell (rows whose labels the extraction put in cells of their own: "学部" "○").
 * Pass 1 puts decisive cells (a GPA, an IELTS or TOEFL score, an HSK level…) in their slot, whatever
 * their column; pass 2 gives every other cell the next free compatible slot after the cell before it.
 */
export function assignZone(cells: ZoneCell[], splitLabels: boolean): Assignment {
  const items: { col: number; text: string }[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (cellText(c.text) === '') continue;
    const next = cells.slice(i + 1).find((x) => cellText(x.text) !== '');
    if (splitLabels && /^(?:学部|大学院)$/.test(cellText(c.text)) && next && !isLabelOnly(next.text)) {
      items.push({ col: c.col, text: `${cellText(c.text)} ${cellText(next.text)}` });
      i = cells.indexOf(next);
      continue;
    }
    items.push({ col: c.col, text: c.text });
  }
  const out: Assignment = { slots: {}, repeats: [], extra: [], outOfOrder: [] };
  const slotOf: (Slot | undefined)[] = items.map(() => undefined);
  const pieces: ({ slot: Slot; text: string }[] | undefined)[] = items.map((it) => splitLabelled(it.text));
  const index = (s: Slot) => SLOTS.indexOf(s);
  const put = (i: number, slot: Slot, text: string) => {
    out.slots[slot] = { slot, text: cellText(text), col: items[i]!.col };
    slotOf[i] = slot;
  };
  // Pass 1: labelled and decisive cells.
  let lastDecisive = -1;
  items.forEach((it, i) => {
    const labelled = pieces[i];
    if (labelled) {
      for (const p of labelled) {
        if (!out.slots[p.slot]) out.slots[p.slot] = { slot: p.slot, text: cellText(p.text), col: it.col };
      }
      slotOf[i] = labelled[labelled.length - 1]!.slot;
      return;
    }
    const slot = DECISIVE[classify(it.text)];
    if (!slot) return;
    const have = out.slots[slot];
    const text = cellText(it.text);
    if (have && have.text === text) {
      out.repeats.push({ slot, text, col: it.col });
      slotOf[i] = slot;
      return;
    }
    if (have && slot === 'gpa' && !out.slots.gpa2) {
      put(i, 'gpa2', text);
      return;
    }
    if (have) return; // taken: placed in pass 2 like any other cell
    if (index(slot) < lastDecisive) out.outOfOrder.push({ cell: { slot, text, col: it.col }, after: SLOTS[lastDecisive]! });
    lastDecisive = Math.max(lastDecisive, index(slot));
    put(i, slot, text);
  });
  // Pass 2: every other cell, in order.
  items.forEach((it, i) => {
    if (slotOf[i]) return;
    const text = cellText(it.text);
    const kind = classify(it.text);
    // A decisive cell whose slot was taken is read as a sentence about the requirements.
    const compatible = kind in COMPATIBLE ? COMPATIBLE[kind as keyof typeof COMPATIBLE] : kind === 'ielts' || kind === 'toefl' ? COMPATIBLE['prose-tests'] : COMPATIBLE.prose;
    let prev = -1;
    for (let j = i - 1; j >= 0; j--) if (slotOf[j]) { prev = index(slotOf[j]!); break; }
    let next: number = SLOTS.length;
    for (let j = i + 1; j < items.length; j++) if (slotOf[j]) { next = index(slotOf[j]!); break; }
    const free = (s: Slot) => !out.slots[s] && compatible.includes(s);
    const within = SLOTS.filter((s, k) => k > prev && (next <= prev || k < next) && free(s));
    const after = SLOTS.filter((s, k) => k > prev && free(s));
    const slot = within[0] ?? (kind === 'none' || kind === 'blank' ? (!out.slots.gpa2 && prev < index('gpa2') && next > index('gpa2') ? 'gpa2' : undefined) : undefined) ?? after[0];
    if (slot) put(i, slot, text);
    else out.extra.push({ slot: 'langNotes', text, col: it.col });
  });
  return out;
}

/** Exposed for tests: a cell's text repeated twice over is one value. */
export { splitRepeat };
