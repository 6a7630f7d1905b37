/**
 * "A relation", counted from the documents' lines (data/build, from data/raw): every agreement,
 * exchange place, degree programme and strategic partnership, once per partner it names.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { relations, partnerSet, byHomeAndPartner, type Relation } from './relations.ts';
import { memberships } from './compare.ts';

const read = <T,>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../data/build/${name}.json`), 'utf8')) as T;
const tables = { agreements: read<never[]>('agreements'), programmes: read<never[]>('programmes'), degreeProgrammes: read<never[]>('degree-programmes'), strategic: read<never[]>('strategic-partnerships') };
const rels = relations(tables);
const of = (partner: string, home?: string) => rels.filter((r) => r.partner === partner && (!home || r.home === home));
const lines = (rs: Relation[]) => rs.map((r) => `${r.source.id}:${r.source.line}`).sort();

describe('relations', () => {
  it('Airlangga (アイルランガ大学): three Osaka department agreements (osaka L27–29), four Hiroshima ones (hiroshima L26–29), Tsukuba’s university-wide one (tsukuba L596)', () => {
    expect(lines(of('airlangga-university', 'osaka'))).toEqual(['osaka-2021:27', 'osaka-2021:28', 'osaka-2021:29']);
    expect(lines(of('airlangga-university', 'hiroshima'))).toEqual(['hiroshima-2024:26', 'hiroshima-2024:27', 'hiroshima-2024:28', 'hiroshima-2024:29']);
    expect(of('airlangga-university', 'tsukuba')).toMatchObject([{ kind: 'agreement', level: 'university', source: { line: 596 } }]);
    // signing years from the lines: osaka L27 2016/4/27, L28 2013/7/31, L29 2014/8/1
    expect(of('airlangga-university', 'osaka').map((r) => r.year)).toEqual([2016, 2013, 2014]);
    expect(memberships(rels).get('airlangga-university')).toEqual(['hiroshima', 'osaka', 'tsukuba']);
  });
  it('a degree programme with two partners is a relation with each (tsukuba L1036: ボン大学, 高麗大学)', () => {
    const l1036 = rels.filter((r) => r.record === 'tsukuba-fy2023-L1036');
    expect(l1036.map((r) => r.partner).sort()).toEqual(['korea-university', 'university-of-bonn']);
    expect(l1036.every((r) => r.kind === 'degree' && r.home === 'tsukuba')).toBe(true);
  });
  it('a strategic partnership with a group is a relation with each member (utokyo L294: Stockholm, KTH, Karolinska)', () => {
    // published as three agreements of the line (utokyo-sp-L296-1…3) and one strategic-partnership record naming all three
    const sweden = rels.filter((r) => r.home === 'utokyo' && r.source.line === 296);
    expect(sweden.map((r) => r.partner).sort()).toEqual(['karolinska-institutet', 'kth-royal-institute-of-technology', 'stockholm-university']);
  });
  it('one line is one relation: UTokyo’s partnership with Peking University is an agreement and a strategic-partnership record of the same line (utokyo L115), counted once', () => {
    expect(of('peking-university', 'utokyo')).toMatchObject([{ kind: 'agreement', level: 'strategic', source: { id: 'utokyo-sp', line: 115 } }]);
  });
  it('an exchange place is a relation of the call’s university (tmu L460: Thammasat, course 10107001)', () => {
    expect(of('thammasat-university', 'tmu')).toMatchObject([{ kind: 'programme', record: '10107001', source: { id: 'tmu-2024-autumn', line: 460 } }]);
  });
  it('counts every record once per partner it names: agreements’ partners + programmes + degree programmes’ partners + strategic partnerships’ members', () => {
    const t = tables as unknown as { agreements: { home: string; partners: string[]; source: { id: string; line: number } }[]; programmes: unknown[]; degreeProgrammes: { partners: string[] }[]; strategic: { members: string[] }[] };
    const agreementLines = new Set(t.agreements.flatMap((a) => a.partners.map((p) => `${a.home} ${p} ${a.source.id} ${a.source.line}`)));
    const strategicExtra = (t.strategic as unknown as { home: string; members: string[]; source: { id: string; line: number } }[]).reduce((s, x) => s + [...new Set(x.members)].filter((m) => !agreementLines.has(`${x.home} ${m} ${x.source.id} ${x.source.line}`)).length, 0);
    const expected = t.agreements.reduce((s, a) => s + new Set(a.partners).size, 0) + t.programmes.length + t.degreeProgrammes.reduce((s, x) => s + new Set(x.partners).size, 0) + strategicExtra;
    expect(rels.length).toBe(expected);
  });
  it('partnerSet and byHomeAndPartner agree', () => {
    const idx = byHomeAndPartner(rels);
    for (const home of ['hiroshima', 'osaka', 'tmu', 'tsukuba', 'utokyo']) expect(new Set(idx.get(home)!.keys())).toEqual(partnerSet(rels, home));
  });
});
