/**
 * What "a relation" between a home university and a partner is, once for every page that counts
 * them: any agreement, exchange programme (a place in an exchange call), degree programme (double,
 * joint or co-tutelle) or strategic partnership with the partner. A record that names several
 * partners (a degree programme with two partners, a strategic partnership with a consortium's
 * members, an agreement whose line names several institutions) is a relation with each of them. One line of a document is one relation with a partner:
 * UTokyo's strategic partnerships are published both as agreements (level strategic) and as
 * strategic-partnership records from the same line (utokyo-sp L115: Peking University), and count
 * once, as the agreement. Pure: no I/O.
 */
import type { Agreement, DegreeProgramme, Programme, StrategicPartnership } from '../../scripts/schema/records.ts';
import { yearOf } from './select.ts';

export const RELATION_KINDS = ['agreement', 'programme', 'degree', 'strategic'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * The level a relation is at, for comparing portfolios: an agreement's own level (university-wide,
 * department, CiC, strategic); a strategic partnership is strategic; an exchange programme or a
 * degree programme has none of its own.
 */
export type RelationLevel = Agreement['level'];

export interface Relation {
  kind: RelationKind;
  home: string;
  partner: string;
  /** the record's id (agreement id, course number, degree programme id, strategic partnership id) */
  record: string;
  level?: RelationLevel;
  /** home units the record names */
  units: string[];
  /** year it began: an agreement's signing, a degree programme's first fiscal year, a strategic partnership's MoU */
  year?: number;
  source: { id: string; line: number };
}

export interface RelationInputs {
  agreements: readonly Agreement[];
  programmes: readonly Programme[];
  degreeProgrammes: readonly DegreeProgramme[];
  strategic: readonly StrategicPartnership[];
}

/** The year a strategic partnership's MoU was signed, where its facts state it. */
const strategicYear = (s: StrategicPartnership): number | undefined => {
  const f = s.facts?.find((x) => x.what === 'strategic partnership MoU signed');
  const y = f ? /^(\d{4})/.exec(String(f.value))?.[1] : undefined;
  return y ? Number(y) : undefined;
};

/**
 * The partners an agreement is with: every institution its line names (`partners`, in the order
 * written: osaka-2021 L101 is with KAERI and the Chinese Academy of Sciences), else its `partner`.
 */
export function agreementPartners(a: Pick<Agreement, 'partner'> & { partners?: readonly string[] }): string[] {
  return a.partners?.length ? [...new Set(a.partners)] : [a.partner];
}

/** Every relation of every home with every partner, in a stable order (kind, then record, then partner). */
export function relations(d: RelationInputs): Relation[] {
  const out: Relation[] = [];
  for (const a of d.agreements) {
    const year = yearOf(a);
    for (const partner of agreementPartners(a)) {
      out.push({ kind: 'agreement', home: a.home, partner, record: a.id, level: a.level, units: a.homeUnits, ...(year !== undefined ? { year } : {}), source: a.source });
    }
  }
  for (const p of d.programmes) out.push({ kind: 'programme', home: p.home, partner: p.partner, record: p.id, units: p.homeUnits ?? [], source: p.source });
  for (const x of d.degreeProgrammes) {
    for (const partner of new Set(x.partners)) {
      out.push({ kind: 'degree', home: x.home, partner, record: x.id, units: x.homeUnits, ...(x.startFiscalYear !== undefined ? { year: x.startFiscalYear } : {}), source: x.source });
    }
  }
  const fromLine = new Set(out.map((r) => `${r.home}|${r.partner}|${r.source.id}|${r.source.line}`));
  for (const s of d.strategic) {
    const year = strategicYear(s);
    for (const partner of new Set(s.members)) {
      if (fromLine.has(`${s.home}|${partner}|${s.source.id}|${s.source.line}`)) continue;
      out.push({ kind: 'strategic', home: s.home, partner, record: s.id, level: 'strategic', units: s.homeUnits ?? [], ...(year !== undefined ? { year } : {}), source: s.source });
    }
  }
  return out;
}

/** Relations by home, then by partner. */
export function byHomeAndPartner(rels: readonly Relation[]): Map<string, Map<string, Relation[]>> {
  const out = new Map<string, Map<string, Relation[]>>();
  for (const r of rels) {
    let m = out.get(r.home);
    if (!m) out.set(r.home, (m = new Map()));
    const list = m.get(r.partner);
    if (list) list.push(r);
    else m.set(r.partner, [r]);
  }
  return out;
}

/** The partners a home has any relation with. */
export function partnerSet(rels: readonly Relation[], home: string): Set<string> {
  return new Set(rels.filter((r) => r.home === home).map((r) => r.partner));
}
