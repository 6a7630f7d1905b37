/** Pure selectors over the dataset's tables: grouping, directory entries, counts by year. */
import type { Agreement, Partner, Programme, DegreeProgramme, StrategicPartnership, Country, Unit } from '../../scripts/schema/records.ts';
import { relations } from './relations.ts';
import { partnerRegion } from './partner-region.ts';

/** Groups items under every key the function gives (an item may sit under several keys). */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) for (const k of new Set(keys(item))) {
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export const LEVELS = ['university', 'department', 'cic', 'strategic'] as const;
export type Level = (typeof LEVELS)[number];

/** One row of the partner directory: everything its facets and sorting need. */
export interface DirectoryEntry {
  id: string;
  ja: string;
  en?: string;
  reading?: string;
  readingLang?: string;
  aliases: string[];
  /** ISO code; null for a network spanning countries (shown as International, under no country) */
  country: string | null;
  /** region id; `international` for a partner with no country (labels.ts) */
  region: string;
  homes: string[];
  levels: Level[];
  units: string[];
  /** Years agreements were signed (sorted, distinct). */
  years: number[];
  firstYear?: number;
  agreements: number;
  programmes: number;
  researchers: boolean;
  students: boolean;
  /** Some agreement waives tuition (a number > 0 or a compound figure). */
  waiver: boolean;
}

export interface EntryInputs {
  partners: readonly Partner[];
  countryByCode: ReadonlyMap<string, Country>;
  agreementsByPartner: ReadonlyMap<string, Agreement[]>;
  programmesByPartner: ReadonlyMap<string, Programme[]>;
  degreesByPartner: ReadonlyMap<string, DegreeProgramme[]>;
  strategicByPartner: ReadonlyMap<string, StrategicPartnership[]>;
}

/** Year an agreement was signed: from its date, or the year alone where the source gives no full date. */
export const yearOf = (a: Agreement): number | undefined =>
  a.signedOn ? Number(a.signedOn.slice(0, 4)) : (a as Agreement & { signedYear?: number }).signedYear;

export function directoryEntries(d: EntryInputs): DirectoryEntry[] {
  return d.partners.map((p) => {
    const ags = d.agreementsByPartner.get(p.id) ?? [];
    const progs = d.programmesByPartner.get(p.id) ?? [];
    // the homes it has a relation with: the one definition of a relation (relations.ts)
    const rels = relations({ agreements: ags, programmes: progs, degreeProgrammes: d.degreesByPartner.get(p.id) ?? [], strategic: d.strategicByPartner.get(p.id) ?? [] });
    const homes = new Set(rels.filter((r) => r.partner === p.id).map((r) => r.home));
    const years = [...new Set(ags.map(yearOf).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
    return {
      id: p.id,
      ja: p.name.ja,
      ...(p.name.en ? { en: p.name.en } : {}),
      ...(p.reading ? { reading: p.reading, readingLang: p.readingLang ?? 'ja-Latn' } : {}),
      aliases: p.aliases,
      country: p.country,
      region: partnerRegion(d.countryByCode, p.country),
      homes: [...homes].sort(),
      levels: LEVELS.filter((l) => ags.some((a) => a.level === l)),
      units: [...new Set(ags.flatMap((a) => a.homeUnits))].sort(),
      years,
      ...(years.length ? { firstYear: years[0] } : {}),
      agreements: ags.length,
      programmes: progs.length,
      researchers: ags.some((a) => a.targets?.researchers),
      students: ags.some((a) => a.targets?.students) || progs.length > 0,
      waiver: ags.some((a) => a.tuitionWaiver !== undefined && a.tuitionWaiver.max !== 0),
    };
  });
}

/** Locale-aware comparison of names: Japanese by reading order of the ja name, English by en (fallback ja). */
export function compareEntries(locale: 'ja' | 'en') {
  const coll = new Intl.Collator(locale === 'ja' ? 'ja' : 'en', { sensitivity: 'base', numeric: true });
  return (a: { ja: string; en?: string }, b: { ja: string; en?: string }) =>
    locale === 'ja' ? coll.compare(a.ja, b.ja) : coll.compare(a.en ?? a.ja, b.en ?? b.ja);
}

/**
 * A unit's ancestors from units.json's `parent` chain, nearest first (the top group last); stops at
 * a parent missing from the table or one already seen (a cycle), so it always ends.
 */
export function unitAncestors(units: readonly Pick<Unit, 'id' | 'parent'>[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  const seen = new Set([id]);
  let parent = byId.get(id)?.parent;
  while (parent && byId.has(parent) && !seen.has(parent)) {
    out.push(parent);
    seen.add(parent);
    parent = byId.get(parent)!.parent;
  }
  return out;
}

/** The unit and every unit below it (children, their children, …), by units.json's `parent` chain. */
export function unitSubtree(units: readonly Pick<Unit, 'id' | 'parent'>[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parent !== undefined) children.set(u.parent, [...(children.get(u.parent) ?? []), u.id]);
  const out = new Set<string>([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const c of children.get(next) ?? []) if (!out.has(c)) { out.add(c); queue.push(c); }
  }
  return out;
}
