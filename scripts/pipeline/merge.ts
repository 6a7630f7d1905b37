/**
 * Stage 3, merge: the partner mentions of every source become one draft partner per institution
 * (../lib/merge-partners.ts: matching keys, reviewed alias groups, distinct pairs, spellings).
 *
 * Before merging, data/reference/partner-campuses.json names the mentions whose row puts a campus
 * that is an institution of its own in the partner's department cell ("パデュー大学 （看護学部カル
 * メットキャンパス）": Purdue University Calumet, now Purdue University Northwest): the mention is
 * renamed to that institution, so it is never folded into the main campus. An entry that finds no
 * mention of a source of this run is an error (stale).
 *
 * Then data/reference/partner-splits.json names the agreement cells that fuse several institutions
 * into one partner ("韓国原子力研究所 / 中国科学院", osaka-2021 L101): each such agreement gets one
 * mention per member institution (`partners`, in the order written; `partner` is the first), so
 * every member merges with the partner it is, in its own country. The cell stays as written in
 * `partnerName` (and the parser's `partnerMembers`). A split entry that finds no agreement of a
 * source of this run is an error (stale), and so is a member without a name or a country code.
 */
import type { Problem } from '../lib/context.ts';
import type { SourceMeta } from '../lib/manifest.ts';
import { mergePartners, type MergeResult } from '../lib/merge-partners.ts';
import { institutionKind, jaKey } from '../lib/partners.ts';
import { readReference } from '../lib/reference.ts';
import type { PartnerMention } from '../sources/types.ts';
import type { Parsed } from './parse.ts';
import { stageProblem } from './types.ts';

/** A campus printed as a department that is an institution in its own right. */
export interface CampusEntry {
  source: string;
  line: number;
  country: string;
  /** the partner name as the parser reads the line */
  printed: string;
  /** the institution's Japanese name to use instead */
  campus: string;
  reason: string;
}

const CAMPUS_FILE = 'data/reference/partner-campuses.json';
const SPLIT_FILE = 'data/reference/partner-splits.json';

/** One member institution of a fused partner cell. */
export interface SplitMember {
  /** the member's Japanese name: as the cell writes it, matched with the partners it is like any mention */
  ja: string;
  country: string;
}

/** An agreement cell that fuses several institutions (data/reference/partner-splits.json). */
export interface SplitEntry {
  source: string;
  /** the rows of the source with this cell (one agreement each) */
  lines: number[];
  /** the partner mention as the parser reads it: its country and name */
  country: string;
  printed: string;
  members: SplitMember[];
  reason: string;
}

export function mentionsOf(parsed: Parsed[]): PartnerMention[] {
  const mentions: PartnerMention[] = [];
  for (const { result: r } of parsed) {
    for (const a of r.agreements ?? []) mentions.push(...(a.partners ?? [a.partner]));
    for (const p of r.programmes ?? []) mentions.push(p.partner);
    for (const d of r.degreeProgrammes ?? []) mentions.push(...d.partners);
    for (const s of r.strategicPartnerships ?? []) mentions.push(...s.members);
  }
  return mentions;
}

/** Renames the mentions the campus entries name (in place); returns the stale entries' problems. */
export function applyCampuses(mentions: PartnerMention[], sources: SourceMeta[], entries: CampusEntry[] = readReference<CampusEntry[]>('partner-campuses.json')): Problem[] {
  const problems: Problem[] = [];
  for (const e of entries) {
    const hits = mentions.filter((m) => m.source.id === e.source && m.source.line === e.line && m.country === e.country && m.ja === e.printed);
    for (const m of hits) m.ja = e.campus;
    if (hits.length === 0 && sources.some((s) => s.id === e.source)) {
      problems.push(stageProblem(CAMPUS_FILE, `campus entry is stale: no mention "${e.printed}" (${e.country}) at ${e.source} line ${e.line}`, { source: e.source, line: e.line, raw: e.campus }));
    }
  }
  return problems;
}

/**
 * Gives each agreement a split entry names one mention per member (`partners`, in place; `partner`
 * becomes the first member); returns the problems of stale or malformed entries.
 */
export function applySplits(parsed: Parsed[], sources: SourceMeta[], entries: SplitEntry[] = readReference<SplitEntry[]>('partner-splits.json')): Problem[] {
  const problems: Problem[] = [];
  for (const e of entries) {
    const raw = `${e.source} L${(e.lines ?? []).join(', L')} ${e.printed}`;
    const bad = !Array.isArray(e.lines) || e.lines.length === 0 ? 'it names no lines'
      : !Array.isArray(e.members) || e.members.length < 2 ? 'a split has at least two members'
        : e.members.find((m) => !m.ja || !/^[A-Z]{2}$/.test(String(m.country))) ? 'every member needs ja and a country code'
          : typeof e.reason !== 'string' || e.reason.trim() === '' ? 'it gives no reason' : '';
    if (bad) { problems.push(stageProblem(SPLIT_FILE, `split entry is malformed: ${bad}`, { source: e.source, raw })); continue; }
    if (!sources.some((s) => s.id === e.source)) continue;
    const key = jaKey(e.printed);
    for (const line of e.lines) {
      const hits = parsed.filter((p) => p.meta.id === e.source).flatMap((p) => p.result.agreements ?? [])
        .filter((a) => a.source.line === line && a.partner.country === e.country && a.partner.ja !== undefined && jaKey(a.partner.ja) === key);
      if (hits.length === 0) {
        problems.push(stageProblem(SPLIT_FILE, `split entry is stale: no agreement with the partner "${e.printed}" (${e.country}) at ${e.source} line ${line}`, { source: e.source, line, raw: e.printed }));
      }
      for (const a of hits) {
        a.partners = e.members.map((m) => ({ ja: m.ja, country: m.country, kind: institutionKind(m.ja), source: { ...a.partner.source } }));
        a.partner = a.partners[0]!;
      }
    }
  }
  return problems;
}

export function mergeStage(parsed: Parsed[], sources: SourceMeta[]): { merged: MergeResult; errors: Problem[] } {
  const split = applySplits(parsed, sources);
  const mentions = mentionsOf(parsed);
  const stale = [...split, ...applyCampuses(mentions, sources)];
  const merged = mergePartners(mentions);
  return { merged, errors: [...stale, ...merged.errors.map((e) => stageProblem('data/reference', e))] };
}
