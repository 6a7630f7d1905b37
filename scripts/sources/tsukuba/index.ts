/**
 * University of Tsukuba fact book, chapter "5 国際交流関係". The chapter's numbered headings split
 * it into sections; each section has its own module. Headings are found by their text, not by
 * line numbers, so another year of the same layout parses with no code change.
 */
import type { SourceContext } from '../../lib/context.ts';
import { clean } from '../../lib/text.ts';
import type { ParseResult } from '../types.ts';
import { parseStaffExchange, parseStudentExchange } from './exchange-stats.ts';
import { parseAgreements } from './agreements.ts';
import { parseConferences, parseVisits, parseDegreeProgrammes } from './lists.ts';

/** A section of the chapter: its heading line and the lines up to the next heading. */
export interface Section {
  heading: number;
  from: number;
  to: number;
}

const SECTIONS = [
  { key: 'staff', re: /^\(1\)\s*教職員等の交流/ },
  { key: 'students', re: /^\(2\)\s*学生の交流/ },
  { key: 'agreements', re: /^\(3\)\s*国際交流協定/ },
  { key: 'conferences', re: /^\(4\)\s*国際会議/ },
  { key: 'visits', re: /^\(5\)\s*外国人視察/ },
  { key: 'degrees', re: /^\(6\)\s*海外大学との/ },
] as const;
type Key = (typeof SECTIONS)[number]['key'];

export function findSections(ctx: SourceContext): Partial<Record<Key, Section>> {
  const found: { key: Key; line: number }[] = [];
  for (let n = 1; n <= ctx.lineCount; n++) {
    const t = clean(ctx.raw(n));
    const s = SECTIONS.find((s) => s.re.test(t));
    if (s) found.push({ key: s.key, line: n });
  }
  const out: Partial<Record<Key, Section>> = {};
  found.forEach((f, i) => {
    out[f.key] = { heading: f.line, from: f.line + 1, to: (found[i + 1]?.line ?? ctx.lineCount + 1) - 1 };
  });
  return out;
}

function merge(results: ParseResult[]): ParseResult {
  const out: ParseResult = {};
  for (const r of results) {
    for (const [k, v] of Object.entries(r) as [keyof ParseResult, unknown[]][]) {
      (out[k] as unknown[] | undefined) = [...((out[k] as unknown[] | undefined) ?? []), ...v];
    }
  }
  return out;
}

export function parseTsukubaFactbook(ctx: SourceContext): ParseResult {
  const s = findSections(ctx);
  // Chapter title lines before the first section.
  const first = Math.min(...Object.values(s).map((x) => x.heading));
  for (let n = 1; n < first; n++) {
    const t = clean(ctx.raw(n));
    if (t === '') continue;
    // The chapter heading, e.g. "5 国際交流関係": a number and a title, one cell.
    if (/^\d{1,2}\s+[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}・ー]+$/u.test(t)) ctx.layout(n, 'chapter title');
    else ctx.error(n, `fits no shape: before the first section only the chapter heading ("5 国際交流関係") is expected`);
  }
  for (const [key, sec] of Object.entries(s)) {
    ctx.layout(sec.heading, `section heading (${key})`);
  }
  for (const { key } of SECTIONS) if (!s[key]) ctx.error(1, `section "${key}" not found: the chapter's layout has changed`);
  const results: ParseResult[] = [];
  if (s.staff) results.push(parseStaffExchange(ctx, s.staff));
  if (s.students) results.push(parseStudentExchange(ctx, s.students));
  if (s.agreements) results.push(parseAgreements(ctx, s.agreements));
  if (s.conferences) results.push(parseConferences(ctx, s.conferences));
  if (s.visits) results.push(parseVisits(ctx, s.visits));
  if (s.degrees) results.push(parseDegreeProgrammes(ctx, s.degrees));
  return merge(results);
}
