/**
 * TMU's own restriction of a programme to some of its faculties, written in the annex's notes
 * between double angle brackets: "<<Only available for Faculties or Graduate schools of Science,
 * Urban Environmental Sciences and System Design>>" (10108001, line 461). The names are English
 * subjects; they resolve through data/reference/units/tmu.json ("Faculty of <subject>", "Graduate
 * School of <subject>"). Shapes read:
 * - "Faculties or Graduate schools of A, B and C" — both units of each subject; "(for
 *   undergraduates, X)" after a subject gives its faculty as "Faculty of X" (10116016-1, line 500);
 * - "TMU undergraduate students in general, but, for graduate students, ONLY available from
 *   Graduate school of Management" — every faculty and the named graduate school (10113003, line 472);
 * - "the students at the Faculty of A or the department of B at the Faculty of C" (70707016, line 546)
 *   and "the students at Faculty of A or B" — each name, "Faculty of" carried to a bare subject
 *   (70707017, line 547).
 * Another shape keeps the raw text with a problem; a name no table maps is a problem too.
 */
import { unitTable, unitsOf } from '../../lib/units.ts';

export interface HomeUnits {
  raw: string;
  units: string[];
  problems: string[];
  /** Names the unit table does not map (errors, not warnings: a mapping is missing). */
  unmapped: string[];
}

const KINDS = [
  { re: /^faculty of\s+/i, kind: 'faculty' },
  { re: /^graduate school of\s+/i, kind: 'graduate' },
] as const;

/** Unit id for an English label, case-insensitively, through the unit table (names, aliases, repairs). */
export function resolveTmuUnit(label: string): string | undefined {
  const key = label.normalize('NFKC').replace(/[\s・･]/gu, '').toLowerCase();
  for (const [k, ids] of unitTable('tmu').index) if (k.toLowerCase() === key && ids.length === 1) return ids[0];
  return undefined;
}

/** Subjects ("Science", "Law and Politics") the table knows, longest first. */
function subjects(): string[] {
  const out = new Set<string>();
  for (const u of unitsOf('tmu')) {
    for (const l of [u.name.en ?? '', ...(u.aliases ?? [])]) {
      for (const k of KINDS) if (k.re.test(l)) out.add(l.replace(k.re, ''));
    }
  }
  for (const r of unitTable('tmu').table.repairs ?? []) for (const k of KINDS) if (k.re.test(r.label)) out.add(r.label.replace(k.re, ''));
  return [...out].sort((a, b) => b.length - a.length);
}

function allFaculties(): string[] {
  return unitsOf('tmu').filter((u) => u.kind === 'faculty').map((u) => u.id);
}

/** "Science, Urban Environmental Sciences and System Design" → subjects with their overrides. */
function parseSubjectList(text: string, out: HomeUnits): void {
  const known = subjects();
  let rest = text.trim();
  let last: { faculty?: string; graduate?: string } | undefined;
  const items: { faculty?: string; graduate?: string; subject: string }[] = [];
  while (rest.length > 0) {
    rest = rest.replace(/^(?:,|\band\b|\s)+/i, '');
    if (rest === '') break;
    const paren = /^\(\s*for undergraduates?\s*,\s*([^)]+)\)/i.exec(rest);
    if (paren && last) {
      const label = `Faculty of ${paren[1]!.trim()}`;
      const id = resolveTmuUnit(label);
      if (id) last.faculty = id;
      else out.unmapped.push(label);
      rest = rest.slice(paren[0].length);
      continue;
    }
    const subject = known.find((s) => rest.toLowerCase().startsWith(s.toLowerCase()) && !/^[A-Za-z]/.test(rest.slice(s.length)));
    if (!subject) {
      out.unmapped.push(rest);
      return;
    }
    const item = { subject, ...unitsFor(subject) };
    items.push(item);
    last = item;
    rest = rest.slice(subject.length);
  }
  for (const it of items) {
    if (!it.faculty && !it.graduate) out.unmapped.push(it.subject);
    for (const id of [it.faculty, it.graduate]) if (id && !out.units.includes(id)) out.units.push(id);
  }
}

function unitsFor(subject: string): { faculty?: string; graduate?: string } {
  const faculty = resolveTmuUnit(`Faculty of ${subject}`);
  const graduate = resolveTmuUnit(`Graduate School of ${subject}`);
  return { ...(faculty ? { faculty } : {}), ...(graduate ? { graduate } : {}) };
}

/** The restriction of a programme's notes, or undefined when the notes have none. */
export function parseHomeUnits(notes: string): HomeUnits | undefined {
  const m = /<<\s*-?\s*([^<>]*?)\s*>>/.exec(notes);
  if (!m) return undefined;
  const raw = m[1]!.trim();
  const out: HomeUnits = { raw, units: [], problems: [], unmapped: [] };
  const body = /^(?:only\s+)?available\s+(?:only\s+)?for\s+(.*?)\.?$/i.exec(raw)?.[1];
  if (!body) {
    out.problems.push(`restriction not read: "${raw}"`);
    return out;
  }
  const both = /^faculties or graduate schools of\s+(.*)$/i.exec(body);
  if (both) {
    parseSubjectList(both[1]!, out);
    return out;
  }
  const general = /^TMU undergraduate students in general,?\s*but,?\s*for graduate students,?\s*(?:only\s+)?available\s+(?:from|for)\s+(.*)$/i.exec(body);
  if (general) {
    out.units.push(...allFaculties());
    addNames(general[1]!, out);
    return out;
  }
  const students = /^(?:the\s+)?students\s+(?:at|of|in)\s+(.*)$/i.exec(body);
  if (students) {
    addNames(students[1]!, out);
    return out;
  }
  out.problems.push(`restriction not read: "${raw}"`);
  return out;
}

/** "the Faculty of A or the department of B at the Faculty of C" / "Faculty of A or B". */
function addNames(text: string, out: HomeUnits): void {
  let prefix = '';
  for (const part of text.split(/\s+or\s+/i)) {
    let label = part.replace(/^the\s+/i, '').trim();
    const kind = /^(faculty of|graduate school of)\s+/i.exec(label);
    if (kind) prefix = kind[1]!;
    else if (prefix && !/^department of\b/i.test(label)) label = `${prefix} ${label}`;
    const id = resolveTmuUnit(label);
    if (!id) out.unmapped.push(label);
    else if (!out.units.includes(id)) out.units.push(id);
  }
}
