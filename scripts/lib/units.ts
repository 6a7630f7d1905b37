/**
 * Home-university units (faculties, graduate schools, institutes…) through one committed table per
 * home: data/reference/units/<home>.json. A table lists the units (id, names, parent, kind) and the
 * label variants the sources use, each non-obvious one with a reason (OCR damage, truncation,
 * abbreviation). A label nobody mapped resolves to undefined and the parser reports it.
 */
import { readReference } from './reference.ts';
import type { HomeId } from './homes.ts';

export interface UnitRow {
  /** "<home>-<slug>", unique across homes. */
  id: string;
  name: { ja: string; en?: string };
  /** Where the English name comes from, when no source document prints it (a translation made here, the university's own usage). */
  enReason?: string;
  parent?: string;
  kind: string;
  /** Other spellings of the name that need no explanation (spacing, old name, short form). */
  aliases?: string[];
  /**
   * Where the statistics tables count this unit when that is not under its parent: the group whose
   * printed subtotal includes its rows, and why (地球規模課題学位プログラム is run by グローバル教育院,
   * a graduate body, but is a bachelor's programme and counted in 学群計).
   */
  countedIn?: { unit: string; reason: string };
}
export interface UnitRepair {
  label: string;
  unit: string | string[];
  reason: string;
}
export interface UnitTable {
  home: HomeId;
  units: UnitRow[];
  repairs?: UnitRepair[];
}

/** Lookup key: NFKC, no whitespace, no middle dots or brackets' inner spacing. */
export function unitKey(label: string): string {
  return label.normalize('NFKC').replace(/[\s・･]/gu, '');
}

const cache = new Map<string, { table: UnitTable; index: Map<string, string[]> }>();

export function unitTable(home: HomeId): { table: UnitTable; index: Map<string, string[]> } {
  let hit = cache.get(home);
  if (hit) return hit;
  const table = readReference<UnitTable>(`units/${home}.json`);
  const index = new Map<string, string[]>();
  const ids = new Set(table.units.map((u) => u.id));
  const add = (label: string, unit: string[], where: string) => {
    for (const u of unit) if (!ids.has(u)) throw new Error(`data/reference/units/${home}.json: ${where} "${label}" names unknown unit ${u}`);
    const k = unitKey(label);
    const prev = index.get(k);
    if (prev && prev.join() !== unit.join()) throw new Error(`data/reference/units/${home}.json: "${label}" maps to both ${prev.join()} and ${unit.join()}`);
    index.set(k, unit);
  };
  for (const u of table.units) {
    if (!u.id.startsWith(`${home}-`)) throw new Error(`data/reference/units/${home}.json: unit id ${u.id} must start with "${home}-"`);
    if (u.parent && !ids.has(u.parent)) throw new Error(`data/reference/units/${home}.json: ${u.id} has unknown parent ${u.parent}`);
    if (u.countedIn && !ids.has(u.countedIn.unit)) throw new Error(`data/reference/units/${home}.json: ${u.id} is counted in unknown unit ${u.countedIn.unit}`);
    if (u.countedIn && !u.countedIn.reason.trim()) throw new Error(`data/reference/units/${home}.json: ${u.id}'s countedIn needs a reason`);
    add(u.name.ja, [u.id], 'name');
    if (u.name.en) add(u.name.en, [u.id], 'name');
    for (const a of u.aliases ?? []) add(a, [u.id], 'alias');
  }
  for (const r of table.repairs ?? []) add(r.label, Array.isArray(r.unit) ? r.unit : [r.unit], 'repair');
  hit = { table, index };
  cache.set(home, hit);
  return hit;
}

/** Unit id(s) for one unit label of a home university, or undefined when unmapped. */
export function resolveUnit(home: HomeId, label: string): string[] | undefined {
  return unitTable(home).index.get(unitKey(label));
}

/** Every unit of a home, as listed in its table. */
export function unitsOf(home: HomeId): UnitRow[] {
  return unitTable(home).table.units;
}
