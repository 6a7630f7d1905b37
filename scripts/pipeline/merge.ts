/**
 * Stage 3, merge: the partner mentions of every source become one draft partner per institution
 * (../lib/merge-partners.ts: matching keys, reviewed alias groups, distinct pairs, spellings).
 *
 * Before merging, data/reference/partner-campuses.json names the mentions whose row puts a campus
 * that is an institution of its own in the partner's department cell ("パデュー大学 （看護学部カル
 * メットキャンパス）": Purdue University Calumet, now Purdue University Northwest): the mention is
 * renamed to that institution, so it is never folded into the main campus. An entry that finds no
 * mention of a source of this run is an error (stale).
 */
import type { Problem } from '../lib/context.ts';
import type { SourceMeta } from '../lib/manifest.ts';
import { mergePartners, type MergeResult } from '../lib/merge-partners.ts';
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

export function mentionsOf(parsed: Parsed[]): PartnerMention[] {
  const mentions: PartnerMention[] = [];
  for (const { result: r } of parsed) {
    for (const a of r.agreements ?? []) mentions.push(a.partner);
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

export function mergeStage(parsed: Parsed[], sources: SourceMeta[]): { merged: MergeResult; errors: Problem[] } {
  const mentions = mentionsOf(parsed);
  const stale = applyCampuses(mentions, sources);
  const merged = mergePartners(mentions);
  return { merged, errors: [...stale, ...merged.errors.map((e) => stageProblem('data/reference', e))] };
}
