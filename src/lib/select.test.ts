import { describe, it, expect } from 'vitest';
import { groupBy, directoryEntries, unitAncestors, unitSubtree } from './select.ts';
import type { Agreement, Partner, Country } from '../../scripts/schema/records.ts';

const ag = (over: Partial<Agreement>): Agreement => ({
  id: 'x-L1', home: 'osaka', partner: 'p', partners: ['p'], partnerName: 'P', partnerNameEn: 'P', countries: ['FR'], countryNamesEn: ['France'], regionNamesEn: ['Europe'], level: 'department', homeUnits: [], source: { id: 'x', line: 1 }, ...over,
});

describe('select', () => {
  it('groupBy puts an item under each of its keys once', () => {
    const g = groupBy([{ k: ['a', 'b', 'a'] }, { k: ['b'] }], (x) => x.k);
    expect(g.get('a')).toHaveLength(1);
    expect(g.get('b')).toHaveLength(2);
  });
  it('directoryEntries gathers homes, levels, years, targets and waivers of a partner', () => {
    const partners: Partner[] = [{ id: 'p', formerIds: [], name: { ja: 'ボルドー大学', en: 'University of Bordeaux' }, aliases: ['ボルドー大学'], country: 'FR', kind: 'university', ror: null, website: null, city: null, location: null, identity: { status: 'reviewed', evidence: 'fixture' } }];
    const countryByCode = new Map<string, Country>([['FR', { code: 'FR', name: { ja: 'フランス', en: 'France' }, region: 'europe', regionNameEn: 'Europe', sourceRegions: [], sourceRegionsEn: [] }]]);
    const agreements = [
      ag({ id: 'a', home: 'osaka', signedOn: '2015-04-01', tuitionWaiver: { max: 0, raw: '×' }, homeUnits: ['osaka-u1'] }),
      ag({ id: 'b', home: 'tsukuba', level: 'cic', targets: { researchers: true, students: false } }),
      ag({ id: 'c', home: 'hiroshima', signedOn: '2010-01-01', tuitionWaiver: { max: 2, raw: '2' } }),
    ];
    const [e] = directoryEntries({ partners, countryByCode, agreementsByPartner: new Map([['p', agreements]]), programmesByPartner: new Map(), degreesByPartner: new Map(), strategicByPartner: new Map() });
    expect(e).toMatchObject({ id: 'p', region: 'europe', homes: ['hiroshima', 'osaka', 'tsukuba'], levels: ['department', 'cic'], units: ['osaka-u1'], years: [2010, 2015], firstYear: 2010, agreements: 3, researchers: true, students: false, waiver: true });
  });
});

describe('unit hierarchy', () => {
  // a ─ b ─┬─ c
  //        └─ d        e (parent missing from the table)   x ⇄ y (a cycle)
  const units = [
    { id: 'a' }, { id: 'b', parent: 'a' }, { id: 'c', parent: 'b' }, { id: 'd', parent: 'b' },
    { id: 'e', parent: 'gone' }, { id: 'x', parent: 'y' }, { id: 'y', parent: 'x' },
  ];
  it('unitAncestors walks the parent chain nearest first, stopping at a missing parent or a cycle', () => {
    expect(unitAncestors(units, 'c')).toEqual(['b', 'a']);
    expect(unitAncestors(units, 'a')).toEqual([]);
    expect(unitAncestors(units, 'e')).toEqual([]);
    expect(unitAncestors(units, 'x')).toEqual(['y']);
    expect(unitAncestors(units, 'unknown')).toEqual([]);
  });
  it('unitSubtree is the unit and everything below it', () => {
    expect([...unitSubtree(units, 'a')].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...unitSubtree(units, 'b')].sort()).toEqual(['b', 'c', 'd']);
    expect([...unitSubtree(units, 'c')]).toEqual(['c']);
    expect([...unitSubtree(units, 'x')].sort()).toEqual(['x', 'y']);
  });
});
