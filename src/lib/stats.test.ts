import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  agreementsOverTime, balance, categoryBreakdown, conferencesSummary, degreeProgrammesByStartYear, fiscalYearOfMonth, fiscalYears,
  flowsByGroup, flowsByUnit, monthsBetween, rankUnits, refsOf, sendersAndDestinations, shortfalls, tableCells, totalsByYear,
  unitByCountryAvailable, unitFlows, visitsByMonth,
} from './stats.ts';
import type { ValidationReport } from './stats.ts';
import type { Agreement, Check, Conference, Country, DegreeProgramme, Flow, Unit, Visit } from '../../scripts/schema/records.ts';

// ---------------------------------------------------------------------------------------------
// hand-made inputs

const flow = (over: Partial<Flow> & { line: number }): Flow => {
  const { line, ...rest } = over;
  return { home: 'tsukuba', fiscalYear: 2023, population: 'student', direction: 'outbound', category: 'total', count: 0, source: { id: 'doc', line }, ...rest };
};
const country = (code: string, region: string): Country => ({ code, name: { ja: code, en: code }, region, regionNameEn: region, sourceRegions: [], sourceRegionsEn: [] });
const COUNTRIES = [country('FR', 'europe'), country('DE', 'europe'), country('CN', 'east-asia'), country('US', 'north-america')];
const unit = (id: string, parent?: string, kind = 'faculty'): Unit => ({ id, home: 'tsukuba', name: { ja: id }, kind, ...(parent ? { parent } : {}) });
const sel = { population: 'student', direction: 'outbound', fiscalYear: 2023 } as const;

describe('fiscalYears and tableCells', () => {
  it('fiscalYears(flows) lists each year once, ascending', () => {
    expect(fiscalYears([flow({ line: 1, fiscalYear: 2024 }), flow({ line: 2 }), flow({ line: 3, fiscalYear: 2024 })])).toEqual([2023, 2024]);
  });

  it('tableCells never adds a row\'s total to its own finer categories', () => {
    const flows = [
      flow({ line: 10, unit: 'a', direction: 'inbound', category: 'regular', count: 3 }),
      flow({ line: 10, unit: 'a', direction: 'inbound', category: 'non-regular', count: 2 }),
      flow({ line: 10, unit: 'a', direction: 'inbound', category: 'total', count: 5 }),
      flow({ line: 11, unit: 'b', direction: 'inbound', category: 'total', count: 7 }),
    ];
    const cells = tableCells(flows, { ...sel, direction: 'inbound', table: 'unit' });
    expect(cells.reduce((s, f) => s + f.count, 0)).toBe(12);
    expect(cells.map((f) => `${f.unit}:${f.category}`).sort()).toEqual(['a:non-regular', 'a:regular', 'b:total']);
  });

  it('tableCells reads one table: the unit table and the country table are never summed together', () => {
    const flows = [
      flow({ line: 10, unit: 'a', count: 5 }),
      flow({ line: 20, country: 'FR', count: 4 }),
      flow({ line: 21, countryLabel: '国・地域不明', count: 1 }),
      flow({ line: 22, country: 'FR', population: 'staff', count: 100 }),
      flow({ line: 23, country: 'FR', direction: 'inbound', count: 100 }),
      flow({ line: 24, country: 'FR', fiscalYear: 2022, count: 100 }),
    ];
    expect(tableCells(flows, { ...sel, table: 'unit' }).map((f) => f.source.line)).toEqual([10]);
    expect(tableCells(flows, { ...sel, table: 'country' }).map((f) => f.source.line)).toEqual([20, 21]);
  });

  it('tableCells refuses one home\'s table coming from two documents', () => {
    const flows = [flow({ line: 1, country: 'FR' }), { ...flow({ line: 1, country: 'FR' }), source: { id: 'other', line: 1 } }];
    expect(() => tableCells(flows, { ...sel, table: 'country' })).toThrow(/several documents/);
    expect(tableCells([...flows.slice(0, 1), { ...flows[1]!, home: 'osaka' }], { ...sel, table: 'country' })).toHaveLength(2);
  });

  it('unitByCountryAvailable(flows) tells whether some table crosses unit and country', () => {
    expect(unitByCountryAvailable([flow({ line: 1, unit: 'a' }), flow({ line: 2, country: 'FR' })])).toBe(false);
    expect(unitByCountryAvailable([flow({ line: 1, unit: 'a', country: 'FR' })])).toBe(true);
  });
});

describe('flowsByGroup and balance', () => {
  const flows = [
    flow({ line: 1, country: 'FR', count: 5 }),
    flow({ line: 2, country: 'DE', count: 3 }),
    flow({ line: 3, country: 'CN', count: 7, countryLabel: '中国(香港含む)' }),
    flow({ line: 4, countryLabel: 'ドミニカ', count: 0 }),
    flow({ line: 5, countryLabel: '国・地域不明', count: 9 }),
    flow({ line: 6, country: 'FR', count: 1 }), // a country listed twice (as キプロス is)
    flow({ line: 7, country: 'ZZ', count: 2 }), // a code countries.json lacks
    flow({ line: 1, country: 'FR', direction: 'inbound', count: 2 }),
    flow({ line: 3, country: 'CN', direction: 'inbound', count: 20 }),
    flow({ line: 8, country: 'US', direction: 'inbound', count: 4 }),
    flow({ line: 40, unit: 'a', count: 1000 }), // by-unit table: never in these charts
  ];

  it('flowsByGroup(by region) sums countries into regions, sorted descending, unresolved kept last under unknown', () => {
    const rows = flowsByGroup(flows, COUNTRIES, { ...sel, by: 'region' });
    expect(rows.map((r) => [r.key, r.value])).toEqual([['europe', 9], ['east-asia', 7], ['unknown', 11]]);
    const unknown = rows.find((r) => r.key === 'unknown')!;
    expect(unknown.unresolved).toEqual(['ドミニカ', '国・地域不明']);
    expect(unknown.countries).toEqual(['ZZ']);
    expect(rows[0]!.sources).toEqual([{ id: 'doc', line: 1 }, { id: 'doc', line: 2 }, { id: 'doc', line: 6 }]);
    expect(rows.reduce((s, r) => s + r.value, 0)).toBe(27);
  });

  it('flowsByGroup(by country) keeps each unresolved label as its own row, and merges a country printed twice', () => {
    const rows = flowsByGroup(flows, COUNTRIES, { ...sel, by: 'country' });
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['CN', 7], ['FR', 6], ['DE', 3], ['unknown:国・地域不明', 9], ['ZZ', 2], ['unknown:ドミニカ', 0],
    ]);
    expect(rows.find((r) => r.key === 'FR')!.sources.map((s) => s.line)).toEqual([1, 6]);
    expect(rows.find((r) => r.key === 'CN')).toMatchObject({ country: 'CN', region: 'east-asia', label: '中国(香港含む)', fiscalYear: 2023, population: 'student', direction: 'outbound' });
    expect(rows.find((r) => r.key === 'unknown:ドミニカ')).toMatchObject({ region: 'unknown', label: 'ドミニカ', unresolved: ['ドミニカ'] });
  });

  it('balance gives inbound, outbound and net = inbound − outbound per group, a side missing counting 0', () => {
    const rows = balance(flows, COUNTRIES, { population: 'student', fiscalYear: 2023, by: 'country' });
    expect(rows.find((r) => r.key === 'CN')).toMatchObject({ inbound: 20, outbound: 7, net: 13 });
    expect(rows.find((r) => r.key === 'US')).toMatchObject({ inbound: 4, outbound: 0, net: 4 });
    expect(rows.find((r) => r.key === 'DE')).toMatchObject({ inbound: 0, outbound: 3, net: -3 });
    expect(rows[0]!.key).toBe('CN');
    expect(rows.at(-1)!.region).toBe('unknown');
    const regions = balance(flows, COUNTRIES, { population: 'student', fiscalYear: 2023, by: 'region' });
    expect(regions.find((r) => r.key === 'europe')).toMatchObject({ inbound: 2, outbound: 9, net: -7 });
  });
});

describe('flowsByUnit, rankUnits and categoryBreakdown', () => {
  // root (never printed) ─┬─ school (printed, 2) ─┬─ c1 (10)
  //                       │                        └─ c2 (4, on two rows: master and doctoral)
  //                       └─ s2 (1)
  // hospital (root, printed, 6) · orphan (not in units.json, 3)
  const units = [unit('root', undefined, 'group'), unit('school', 'root'), unit('c1', 'school'), unit('c2', 'school'), unit('s2', 'root'), unit('hospital', undefined, 'hospital')];
  const flows = [
    flow({ line: 1, unit: 'school', count: 2 }),
    flow({ line: 2, unit: 'c1', count: 10 }),
    flow({ line: 3, unit: 'c2', count: 1, courseLevel: 'master' }),
    flow({ line: 4, unit: 'c2', count: 3, courseLevel: 'doctoral' }),
    flow({ line: 5, unit: 's2', count: 1 }),
    flow({ line: 6, unit: 'hospital', count: 6 }),
    flow({ line: 7, unit: 'orphan', count: 3 }),
    flow({ line: 50, country: 'FR', count: 99 }),
  ];

  it('flowsByUnit gives a parent its own count plus the sum of its children, in pre-order with depth and parent', () => {
    const rows = flowsByUnit(flows, units, sel);
    expect(rows.map((r) => [r.id, r.depth, r.parent ?? null, r.own, r.value, r.printed])).toEqual([
      ['root', 0, null, 0, 17, false],
      ['school', 1, 'root', 2, 16, true],
      ['c1', 2, 'school', 10, 10, true],
      ['c2', 2, 'school', 4, 4, true],
      ['s2', 1, 'root', 1, 1, true],
      ['hospital', 0, null, 6, 6, true],
      ['orphan', 0, null, 3, 3, true],
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) {
      const children = rows.filter((c) => c.parent === r.id);
      expect(r.value).toBe(r.own + children.reduce((s, c) => s + c.value, 0));
    }
    expect(byId.get('school')!.sources.map((s) => s.line)).toEqual([1, 2, 3, 4]);
    expect(byId.get('school')!.ownSources.map((s) => s.line)).toEqual([1]);
    expect(byId.get('orphan')!.kind).toBe('unknown');
    expect(rows.filter((r) => r.depth === 0).reduce((s, r) => s + r.value, 0)).toBe(26);
  });

  it('rankUnits ranks the units as printed, or rolled up to a depth', () => {
    expect(rankUnits(flows, units, sel).map((r) => [r.id, r.value])).toEqual([
      ['c1', 10], ['hospital', 6], ['c2', 4], ['orphan', 3], ['school', 2], ['s2', 1],
    ]);
    expect(rankUnits(flows, units, { ...sel, depth: 1 }).map((r) => [r.id, r.value])).toEqual([
      ['school', 16], ['hospital', 6], ['orphan', 3], ['s2', 1],
    ]);
    expect(rankUnits(flows, units, { ...sel, depth: 0 }).map((r) => [r.id, r.value])).toEqual([['root', 17], ['hospital', 6], ['orphan', 3]]);
  });

  it('categoryBreakdown sums the finer categories of the unit table, in the order the source prints them', () => {
    const staff = [
      flow({ line: 1, unit: 'a', population: 'staff', direction: 'inbound', category: 'own-funds', count: 1 }),
      flow({ line: 1, unit: 'a', population: 'staff', direction: 'inbound', category: 'employed-researcher', count: 4 }),
      flow({ line: 2, unit: 'b', population: 'staff', direction: 'inbound', category: 'employed-researcher', count: 6 }),
      flow({ line: 2, unit: 'b', population: 'staff', direction: 'inbound', category: 'other-funds', count: 0 }),
      flow({ line: 9, country: 'FR', population: 'staff', direction: 'inbound', count: 50 }),
    ];
    const s = { population: 'staff', direction: 'inbound', fiscalYear: 2023 } as const;
    expect(categoryBreakdown(staff, { ...s, by: 'total' }).map((r) => [r.category, r.group, r.value, r.sources.map((x) => x.line)])).toEqual([
      ['employed-researcher', 'employed', 10, [1, 2]],
      ['own-funds', 'not-employed', 1, [1]],
      ['other-funds', 'not-employed', 0, [2]],
    ]);
    expect(categoryBreakdown(staff, { ...s, by: 'unit' }).map((r) => [r.unit, r.category, r.value])).toEqual([
      ['b', 'employed-researcher', 6], ['b', 'other-funds', 0], ['a', 'employed-researcher', 4], ['a', 'own-funds', 1],
    ]);
    // Outbound staff by funding: the same category names, no employed / not-employed group.
    const out = [flow({ line: 1, unit: 'a', population: 'staff', category: 'external-funds', count: 2 })];
    expect(categoryBreakdown(out, { ...s, direction: 'outbound', by: 'total' })).toEqual([
      { category: 'external-funds', value: 2, fiscalYear: 2023, population: 'staff', direction: 'outbound', sources: [{ id: 'doc', line: 1 }] },
    ]);
  });

  it('unitFlows gives one unit its rolled-up totals, its direct sub-units and the categories under it', () => {
    const staff = [
      flow({ line: 1, unit: 'school', population: 'staff', direction: 'inbound', category: 'own-funds', count: 5 }),
      flow({ line: 2, unit: 'c1', population: 'staff', direction: 'inbound', category: 'own-funds', count: 1 }),
      flow({ line: 2, unit: 'c1', population: 'staff', direction: 'inbound', category: 'employed-researcher', count: 2 }),
      flow({ line: 6, unit: 'hospital', population: 'staff', direction: 'inbound', category: 'own-funds', count: 50 }),
    ];
    const u = unitFlows([...flows, ...staff], units, 'school', 2023)!;
    // students outbound: school's own row (2) + c1 (10) + c2 (4, two rows); staff inbound: 5 + 3; nothing from s2 or hospital
    expect(u.totals.map((r) => [r.population, r.direction, r.own, r.value])).toEqual([['student', 'outbound', 2, 16], ['staff', 'inbound', 5, 8]]);
    expect(u.children.map((c) => [c.id, c.cells.map((r) => `${r.population}-${r.direction}:${r.value}`)])).toEqual([
      ['c1', ['student-outbound:10', 'staff-inbound:3']], ['c2', ['student-outbound:4']],
    ]);
    expect(u.categories.filter((c) => c.population === 'staff').map((c) => [c.category, c.value])).toEqual([['employed-researcher', 2], ['own-funds', 6]]);
    // A leaf has no sub-units; a group the table never prints is summed from everything under it.
    expect(unitFlows(flows, units, 'c2', 2023)!.children).toEqual([]);
    expect(unitFlows(flows, units, 'root', 2023)!.totals.map((r) => [r.own, r.value, r.printed])).toEqual([[0, 17, false]]);
    // No table counts this unit or anything under it, or not in that year: nothing to show.
    expect(unitFlows(flows, [...units, unit('empty', 'root')], 'empty', 2023)).toBeUndefined();
    expect(unitFlows(flows, units, 'school', 2024)).toBeUndefined();
  });

  it('unitFlows names units counted by the document in another group (countedIn), on both sides', () => {
    const withApart = units.map((u) => (u.id === 'c2' ? { ...u, countedIn: 'hospital', countedInReason: 'printed in the hospital block' } : u));
    const school = unitFlows(flows, withApart, 'school', 2023)!;
    expect(school.countedElsewhere.map((x) => [x.id, x.countedIn, x.reason, x.cells.map((r) => r.value)])).toEqual([['c2', 'hospital', 'printed in the hospital block', [4]]]);
    expect(unitFlows(flows, withApart, 'root', 2023)!.countedElsewhere.map((x) => x.id)).toEqual(['c2']);
    expect(unitFlows(flows, withApart, 'hospital', 2023)!.countedHere.map((x) => x.id)).toEqual(['c2']);
    // counted in its own ancestor: nothing apart
    const inSchool = units.map((u) => (u.id === 'c2' ? { ...u, countedIn: 'root' } : u));
    expect(unitFlows(flows, inSchool, 'school', 2023)!.countedElsewhere).toEqual([]);
    expect(unitFlows(flows, inSchool, 'root', 2023)!.countedHere).toEqual([]);
  });

  it('totalsByYear gives one table\'s total per fiscal year', () => {
    const two = [flow({ line: 1, country: 'FR', count: 2 }), { ...flow({ line: 1, country: 'FR', count: 5, fiscalYear: 2024 }), source: { id: 'doc24', line: 1 } }, flow({ line: 9, unit: 'a', count: 40 })];
    expect(totalsByYear(two, { population: 'student', direction: 'outbound', table: 'country' }).map((r) => [r.fiscalYear, r.value])).toEqual([[2023, 2], [2024, 5]]);
  });
});

describe('agreements, degree programmes, conferences, visits', () => {
  const ag = (id: string, over: Partial<Agreement>): Agreement => ({ id, home: 'osaka', partner: 'p', partners: ['p'], partnerName: 'P', partnerNameEn: 'P', countries: ['FR'], countryNamesEn: ['FR'], regionNamesEn: ['europe'], level: 'department', homeUnits: [], source: { id: 'a', line: Number(id) }, ...over });
  const agreements = [
    ag('1', { signedOn: '2010-05-01' }),
    ag('2', { signedOn: '2012-01-01', countries: ['CN'] }),
    ag('3', { signedYear: 2012, home: 'utokyo', level: 'strategic' }),
    ag('4', { home: 'tsukuba', level: 'university' }),
    ag('5', { home: 'tsukuba', level: 'university', countries: ['FR', 'CN'] }),
    ag('6', { signedOn: '2011-03-03', countries: ['FR', 'DE'] }),
  ];

  it('agreementsOverTime counts new and cumulative agreements per year, years without any included', () => {
    const { rows, undated } = agreementsOverTime(agreements, COUNTRIES, { by: 'home' });
    expect(rows.map((r) => [r.group, r.year, r.count, r.cumulative])).toEqual([
      ['osaka', 2010, 1, 1], ['osaka', 2011, 1, 2], ['osaka', 2012, 1, 3],
      ['utokyo', 2010, 0, 0], ['utokyo', 2011, 0, 0], ['utokyo', 2012, 1, 1],
    ]);
    expect(undated).toEqual([{ group: 'tsukuba', count: 2, sources: [{ id: 'a', line: 4 }, { id: 'a', line: 5 }] }]);
    expect(rows.reduce((s, r) => s + r.count, 0) + undated.reduce((s, r) => s + r.count, 0)).toBe(agreements.length);
  });

  it('agreementsOverTime by region counts an agreement spanning regions once, under multiple', () => {
    const { rows, undated } = agreementsOverTime(agreements, COUNTRIES, { by: 'region' });
    expect(rows.filter((r) => r.year === 2012).map((r) => [r.group, r.cumulative])).toEqual([['east-asia', 1], ['europe', 3]]);
    expect(undated.map((u) => [u.group, u.count])).toEqual([['europe', 1], ['multiple', 1]]);
  });

  it('agreementsOverTime by level follows the level order, and groups puts given keys first', () => {
    expect(agreementsOverTime(agreements, COUNTRIES, { by: 'level' }).undated.map((u) => u.group)).toEqual(['university']);
    expect([...new Set(agreementsOverTime(agreements, COUNTRIES, { by: 'level' }).rows.map((r) => r.group))]).toEqual(['department', 'strategic']);
    expect([...new Set(agreementsOverTime(agreements, COUNTRIES, { by: 'home', groups: ['utokyo', 'osaka'] }).rows.map((r) => r.group))]).toEqual(['utokyo', 'osaka']);
  });

  it('degreeProgrammesByStartYear counts programmes by kind and start year, undated apart', () => {
    const dp = (id: string, kind: 'double' | 'joint', startFiscalYear?: number): DegreeProgramme => ({
      id, kind, home: 'tsukuba', programme: 'x', homeUnits: [], partners: ['p'], partnerNamesEn: ['P'], form: '修士－修士', startRaw: 'R2', source: { id: 'd', line: Number(id) }, ...(startFiscalYear ? { startFiscalYear } : {}),
    });
    const { rows, undated } = degreeProgrammesByStartYear([dp('1', 'double', 2015), dp('2', 'double', 2017), dp('3', 'joint', 2017), dp('4', 'double')]);
    expect(rows.map((r) => [r.group, r.year, r.count, r.cumulative])).toEqual([
      ['double', 2015, 1, 1], ['double', 2016, 0, 1], ['double', 2017, 1, 2], ['joint', 2015, 0, 0], ['joint', 2016, 0, 0], ['joint', 2017, 1, 1],
    ]);
    expect(undated).toMatchObject([{ group: 'double', count: 1 }]);
  });

  it('conferencesSummary groups by format and by month of the first day, empty months included', () => {
    const conf = (line: number, over: Partial<Conference>): Conference => ({ id: `c${line}`, home: 'tsukuba', fiscalYear: 2023, name: 'n', dateRaw: 'd', source: { id: 'doc', line }, ...over });
    const s = conferencesSummary([
      conf(1, { startDate: '2023-04-14', format: 'オンライン', participants: 10, foreignParticipants: 2 }),
      conf(2, { startDate: '2023-06-02', format: 'オンサイト', participants: 5 }),
      conf(3, { startDate: '2023-06-30', format: 'オンサイト' }),
      conf(4, { format: 'ハイブリッド', participants: 1 }),
    ]);
    expect(s.byFormat.map((r) => [r.format, r.count, r.participants, r.withParticipants])).toEqual([
      ['オンサイト', 2, 5, 1], ['オンライン', 1, 10, 1], ['ハイブリッド', 1, 1, 1],
    ]);
    expect(s.byMonth.map((r) => [r.month, r.count, r.formats])).toEqual([
      ['2023-04', 1, { オンライン: 1 }], ['2023-05', 0, {}], ['2023-06', 2, { オンサイト: 2 }],
    ]);
    expect(s.undated).toEqual([{ id: 'doc', line: 4 }]);
    expect(s.total).toEqual({ count: 4, participants: 16, foreignParticipants: 2 });
  });

  it('visitsByMonth sums visits and persons per month, across the fiscal year boundary', () => {
    const visit = (line: number, month: string, persons: number): Visit => ({ id: `v${line}`, home: 'tsukuba', month, visitor: 'x', count: 1, persons, source: { id: 'doc', line } });
    const rows = visitsByMonth([visit(1, '2024-02', 3), visit(2, '2024-04', 2), visit(3, '2024-04', 5)]);
    expect(rows.map((r) => [r.month, r.fiscalYear, r.count, r.persons, r.visits])).toEqual([
      ['2024-02', 2023, 1, 3, 1], ['2024-03', 2023, 0, 0, 0], ['2024-04', 2024, 2, 7, 2],
    ]);
    expect(visitsByMonth([visit(1, '2024-02', 3), visit(2, '2024-04', 2)], { fiscalYear: 2024 }).map((r) => r.month)).toEqual(['2024-04']);
  });

  it('monthsBetween and fiscalYearOfMonth follow the April–March fiscal year', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect([fiscalYearOfMonth('2024-03'), fiscalYearOfMonth('2024-04')]).toEqual([2023, 2024]);
  });
});

describe('shortfalls', () => {
  const check = (id: string, line: number, what: string, stated: number, computed: number, status: Check['status']): Check =>
    ({ id: `doc:L${line}:${id}`, source: 'doc', line, what, stated, computed, status });
  const validation: ValidationReport = {
    checks: [
      check('total', 11, 'T 国別, A: 計 = x + y', 3, 3, 'ok'),
      check('column-inbound', 30, 'T 国別, 合計: 受入, sum of 2 rows', 10, 8, 'erratum'),
      check('column-outbound', 30, 'T 国別, 合計: 派遣, sum of 2 rows', 5, 4, 'erratum'),
      check('column-inbound', 60, 'U 組織別, 合計: 受入, sum of 2 rows', 10, 8, 'erratum'),
      check('count', 11, 'visits: 件数', 1, 2, 'error'),
    ],
    warnings: [{ source: 'doc', line: 12, message: 'the row has 2 counts for 3 columns' }, { source: 'doc', line: 40, message: 'elsewhere' }],
  };

  it('finds the errata of a chart\'s table by its rows\' lines and the table named in the checks', () => {
    const got = shortfalls(validation, [{ id: 'doc', line: 11 }, { id: 'doc', line: 12 }]);
    expect(got.checks.map((c) => [c.id, c.shortBy])).toEqual([['doc:L11:count', -1], ['doc:L30:column-inbound', 2], ['doc:L30:column-outbound', 1]]);
    expect(got.warnings.map((w) => w.line)).toEqual([12]);
    expect(shortfalls(validation, [{ id: 'doc', line: 11 }], { direction: 'inbound' }).checks.map((c) => c.id)).toEqual(['doc:L11:count', 'doc:L30:column-inbound']);
    expect(shortfalls(validation, [{ id: 'other', line: 11 }]).checks).toEqual([]);
    expect(shortfalls(validation, [{ id: 'doc', line: 100 }], { lines: [60] }).checks.map((c) => c.id)).toEqual(['doc:L60:column-inbound']);
  });
});

// ---------------------------------------------------------------------------------------------
// the real dataset, against data/raw/tsukuba-fy2023-international-exchange.txt (read by hand)

describe('Tsukuba FY2023 (data/build), checked against the document', () => {
  const read = <T,>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../data/build/${name}.json`), 'utf8')) as T;
  const flows = read<Flow[]>('flows');
  const countries = read<Country[]>('countries');
  const units = read<Unit[]>('units');
  const validation = read<ValidationReport>('validation');
  const fy = { fiscalYear: 2023, home: 'tsukuba' } as const;
  const total = (rows: readonly { value: number }[]) => rows.reduce((s, r) => s + r.value, 0);
  const roots = (rows: ReturnType<typeof flowsByUnit>) => rows.filter((r) => r.depth === 0);
  const valueOf = (rows: readonly { key: string; value: number }[], key: string) => rows.find((r) => r.key === key)?.value;

  it('covers one fiscal year, 令和5年度 (line 9)', () => {
    expect(fiscalYears(flows)).toEqual([2023]);
  });

  it('staff by unit: the categories and the tree add up to the 合計 row (line 90)', () => {
    const inbound = categoryBreakdown(flows, { ...fy, population: 'staff', direction: 'inbound', by: 'total' });
    // line 90: 外国人研究員 232, 外国人教員 79, その他 1 | 自機関資金 146, 外部資金 202, その他 496 | 合計 1,156
    expect(inbound.map((r) => [r.category, r.group, r.value])).toEqual([
      ['employed-researcher', 'employed', 232], ['employed-faculty', 'employed', 79], ['employed-other', 'employed', 1],
      ['own-funds', 'not-employed', 146], ['external-funds', 'not-employed', 202], ['other-funds', 'not-employed', 496],
    ]);
    expect(total(inbound)).toBe(1156);
    // line 90: 派遣 自機関資金 450, 外部資金 1,316, その他 367, 合計 2,133
    const outbound = categoryBreakdown(flows, { ...fy, population: 'staff', direction: 'outbound', by: 'total' });
    expect(outbound.map((r) => [r.category, r.value])).toEqual([['own-funds', 450], ['external-funds', 1316], ['other-funds', 367]]);
    expect(total(roots(flowsByUnit(flows, units, { ...fy, population: 'staff', direction: 'inbound' })))).toBe(1156);
    expect(total(roots(flowsByUnit(flows, units, { ...fy, population: 'staff', direction: 'outbound' })))).toBe(2133);
  });

  it('staff by unit: a printed parent keeps its own row and adds its children\'s (lines 24–45)', () => {
    const rows = new Map(flowsByUnit(flows, units, { ...fy, population: 'staff', direction: 'inbound' }).map((r) => [r.id, r]));
    // line 31 人間総合科学学術院 合計 14 + line 32 人間総合科学研究群 7
    expect(rows.get('tsukuba-graduate-school-of-comprehensive-human-sciences')).toMatchObject({ own: 14, value: 21, printed: true });
    // 大学院 block, lines 24–33, 合計 (受入): 0+5+0+0+3+52+14+14+7+58
    expect(rows.get('tsukuba-graduate-schools')).toMatchObject({ own: 0, value: 153, printed: false, depth: 0 });
    // 系 block, lines 34–45, 合計 (受入): 51+7+106+89+81+79+28+23+61+13+12+12
    expect(rows.get('tsukuba-faculties')!.value).toBe(562);
  });

  it('staff by country: the rows add up to the 合計 row (line 258), unresolved labels kept', () => {
    const inbound = flowsByGroup(flows, countries, { ...fy, population: 'staff', direction: 'inbound', by: 'region' });
    expect(total(inbound)).toBe(1156); // line 258: 研究者等の受入 1,156
    expect(total(flowsByGroup(flows, countries, { ...fy, population: 'staff', direction: 'outbound', by: 'region' }))).toBe(2133); // line 258: 教職員の派遣 2,133
    // lines 110 マカオ 0, 114 モンゴル 2, 116 韓国 84, 117 台湾 117, 118 中国（香港含む） 168
    expect(valueOf(inbound, 'east-asia')).toBe(371);
    const byCountry = flowsByGroup(flows, countries, { ...fy, population: 'staff', direction: 'inbound', by: 'country' });
    // line 257: 国・地域不明 16 (受入)
    expect(byCountry.find((r) => r.key === 'unknown:国・地域不明')).toMatchObject({ value: 16, region: 'unknown', sources: [{ id: 'tsukuba-fy2023', line: 257 }] });
    expect(inbound.at(-1)).toMatchObject({ key: 'unknown', value: 16, unresolved: ['その他', 'ドミニカ', '国・地域不明'] }); // lines 207, 256, 257
  });

  it('students by unit: regular, non-regular and sent abroad add up to the 合計 row (line 318)', () => {
    const inbound = categoryBreakdown(flows, { ...fy, population: 'student', direction: 'inbound', by: 'total' });
    // line 318: 正規生 2,003, 非正規生 570; head count as of 2023-12-01 (line 320)
    expect(inbound.map((r) => [r.category, r.value, r.asOf])).toEqual([['regular', 2003, '2023-12-01'], ['non-regular', 570, '2023-12-01']]);
    const outbound = flowsByUnit(flows, units, { ...fy, population: 'student', direction: 'outbound' });
    expect(total(roots(outbound))).toBe(1992); // line 318: 学生の海外派遣数 1,992
    const byId = new Map(outbound.map((r) => [r.id, r]));
    // 学群計 700 (line 294) less 地球規模課題学位プログラム 8 (line 292), which units.json puts under グローバル教育院 (大学院)
    expect(byId.get('tsukuba-undergraduate-schools')!.value).toBe(692);
    // lines 311–314: 166 + 262 + 215 + 0
    expect(byId.get('tsukuba-graduate-school-of-science-and-technology')).toMatchObject({ own: 0, value: 643 });
    // line 303 グローバル教育院 (doctoral, printed on the 博士課程小計 label) 45 + line 292 地球規模課題学位プログラム 8
    expect(byId.get('tsukuba-school-of-integrative-and-global-majors')).toMatchObject({ own: 45, value: 53 });
  });

  it('students by country: the rows fall short of the 合計 row (line 486) by exactly the recorded errata, and the chart is told', () => {
    const inbound = flowsByGroup(flows, countries, { ...fy, population: 'student', direction: 'inbound', by: 'region' });
    const outbound = flowsByGroup(flows, countries, { ...fy, population: 'student', direction: 'outbound', by: 'region' });
    expect(total(inbound)).toBe(2573 - 37); // line 486: 外国人留学生 2,573, less the erratum's 37
    expect(total(outbound)).toBe(1992 - 8); // line 486: 学生の派遣 1,992, less the erratum's 8
    const notes = shortfalls(validation, inbound.flatMap((r) => r.sources), { direction: 'inbound' });
    expect(notes.checks.map((c) => [c.id, c.stated, c.shortBy])).toEqual([
      ['tsukuba-fy2023:L486:column-inbound', 2573, 37], ['tsukuba-fy2023:L486:column-total', 4565, 45],
    ]);
    expect(notes.checks[0]!.computed).toBe(total(inbound));
    expect(shortfalls(validation, outbound.flatMap((r) => r.sources), { direction: 'outbound' }).checks.map((c) => c.shortBy)).toEqual([8, 45]);
    // line 427 アルゼンチン lost its 計 cell; line 438 ドミニカ left unresolved; line 383 キプロス a second time
    expect(notes.warnings.map((w) => w.line)).toEqual([383, 427, 438]);
    // The unit table of the same students has no such note: its checks all hold (line 318).
    const unitRefs = refsOf(tableCells(flows, { ...fy, population: 'student', direction: 'inbound', table: 'unit' }));
    expect(shortfalls(validation, unitRefs).checks).toEqual([]);
  });

  it('students by country: regions and countries as printed', () => {
    const out = flowsByGroup(flows, countries, { ...fy, population: 'student', direction: 'outbound', by: 'region' });
    expect(valueOf(out, 'north-america')).toBe(371); // lines 416 カナダ 71 + 417 米国 300
    expect(valueOf(out, 'oceania')).toBe(88); // lines 418–426: 72+0+0+0+12+1+1+2+0
    expect(valueOf(out, 'east-asia')).toBe(409); // lines 338 マカオ 0, 342 モンゴル 9, 344 韓国 112, 345 台湾 147, 346 中国 141
    expect(valueOf(out, 'europe')).toBe(704); // lines 375–413 学生の派遣 (キプロス twice, ロシア etc. 0)
    const byCountry = flowsByGroup(flows, countries, { ...fy, population: 'student', direction: 'outbound', by: 'country' });
    expect(byCountry.slice(0, 2).map((r) => [r.key, r.value])).toEqual([['US', 300], ['FR', 180]]); // lines 417, 400
    expect(byCountry.find((r) => r.key === 'CY')).toMatchObject({ value: 1, sources: [{ id: 'tsukuba-fy2023', line: 356 }, { id: 'tsukuba-fy2023', line: 383 }] });
    expect(byCountry.filter((r) => r.region === 'unknown').map((r) => r.key)).toEqual(['unknown:その他', 'unknown:ドミニカ', 'unknown:国・地域不明']); // lines 484, 438, 485
    const cn = balance(flows, countries, { ...fy, population: 'student', by: 'country' }).find((r) => r.key === 'CN')!;
    // line 346: 中国（香港含む） 1,382 留学生 (as of 2023-12-01), 141 派遣
    expect(cn).toMatchObject({ inbound: 1382, outbound: 141, net: 1241, inboundAsOf: '2023-12-01' });
    expect(cn.label).toContain('香港');
  });

  it('which units send the most students abroad, and to which regions', () => {
    const answer = sendersAndDestinations(flows, units, countries, fy);
    expect(answer.crossTabulated).toBe(false);
    // lines 315 人間総合科学研究群 333, 312 システム情報工学研究群 262, 313 生命地球科学研究群 215, 311 数理物質科学研究群 166, 290 体育専門学群 115
    expect(answer.units.slice(0, 5).map((r) => [r.name.ja, r.value, r.sources[0]!.line])).toEqual([
      ['人間総合科学研究群', 333, 315], ['システム情報工学研究群', 262, 312], ['生命地球科学研究群', 215, 313], ['数理物質科学研究群', 166, 311], ['体育専門学群', 115, 290],
    ]);
    expect(answer.regions.slice(0, 3).map((r) => [r.key, r.value])).toEqual([['europe', 704], ['east-asia', 409], ['north-america', 371]]);
    expect([answer.unitTableTotal, answer.countryTableTotal]).toEqual([1992, 1984]); // lines 318 and 486 (less the erratum)
    // Rolled up to the graduate schools (学術院) and undergraduate schools (学群): lines 311–314, 315–316
    expect(rankUnits(flows, units, { ...fy, population: 'student', direction: 'outbound', depth: 1 }).slice(0, 2).map((r) => [r.name.ja, r.value])).toEqual([
      ['理工情報生命学術院', 643], ['人間総合科学学術院', 360],
    ]);
  });

  it('a unit page\'s figures: 人間総合科学学術院 with its 研究群 (lines 31–32, 315–316)', () => {
    const u = unitFlows(flows, units, 'tsukuba-graduate-school-of-comprehensive-human-sciences', 2023)!;
    const at = (population: string, direction: string) => u.totals.find((r) => r.population === population && r.direction === direction)!;
    // line 315 人間総合科学研究群 留学生 574 (正規 429 + 非正規 145), 派遣 333; line 316 人間総合科学学術院 25 (23 + 2), 派遣 27
    expect(at('student', 'inbound')).toMatchObject({ own: 25, value: 599, asOf: '2023-12-01' });
    expect(at('student', 'outbound')).toMatchObject({ own: 27, value: 360 });
    expect(at('student', 'outbound').sources.map((s) => s.line)).toEqual([315, 316]);
    // line 31 人間総合科学学術院 受入 14, 派遣 1; line 32 人間総合科学研究群 受入 7, 派遣 0
    expect(at('staff', 'inbound')).toMatchObject({ own: 14, value: 21 });
    expect(at('staff', 'outbound')).toMatchObject({ own: 1, value: 1 });
    expect(u.children.map((c) => [c.name.ja, c.cells.map((r) => r.value)])).toEqual([['人間総合科学研究群', [574, 333, 7, 0]]]);
    // line 315 正規生 429 + line 316 23; 非正規生 145 + 2
    expect(u.categories.filter((c) => c.population === 'student' && c.direction === 'inbound').map((c) => [c.category, c.value])).toEqual([['regular', 452], ['non-regular', 147]]);
    // line 31 外国人研究者等の受入: 自機関資金 4, その他 10; line 32 その他 7
    expect(u.categories.filter((c) => c.population === 'staff' && c.direction === 'inbound' && c.value > 0).map((c) => [c.category, c.value])).toEqual([['own-funds', 4], ['other-funds', 17]]);
    // The whole 系 group (lines 34–45), never printed as a row: inbound staff 562, as the table's rows add up
    expect(unitFlows(flows, units, 'tsukuba-faculties', 2023)!.totals.find((r) => r.population === 'staff' && r.direction === 'inbound')).toMatchObject({ own: 0, value: 562, printed: false });
  });

  it('a unit the document counts in another group (line 292 in 学群計, line 294) is said so on both groups', () => {
    const at = (rows: { population: string; direction: string; value: number }[], p: string, d: string) => rows.find((r) => r.population === p && r.direction === d)?.value ?? 0;
    const ug = unitFlows(flows, units, 'tsukuba-undergraduate-schools', 2023)!;
    expect(ug.countedHere.map((x) => [x.id, x.countedIn])).toEqual([['tsukuba-bachelors-program-in-global-issues', 'tsukuba-undergraduate-schools']]);
    // line 294 学群計: 留学生 442, 派遣 700 = the 学群 roll-up + line 292 (13, 8)
    expect(at(ug.totals, 'student', 'inbound') + at(ug.countedHere[0]!.cells, 'student', 'inbound')).toBe(442);
    expect(at(ug.totals, 'student', 'outbound') + at(ug.countedHere[0]!.cells, 'student', 'outbound')).toBe(700);
    const gs = unitFlows(flows, units, 'tsukuba-graduate-schools', 2023)!;
    expect(gs.countedElsewhere.map((x) => x.id)).toEqual(['tsukuba-bachelors-program-in-global-issues']);
    expect(gs.countedHere).toEqual([]);
    // lines 307 大学院(旧)計 109/182 + 317 大学院(新)計 2,022/1,110 = the 大学院 roll-up less line 292
    expect(at(gs.totals, 'student', 'inbound') - at(gs.countedElsewhere[0]!.cells, 'student', 'inbound')).toBe(109 + 2022);
    expect(at(gs.totals, 'student', 'outbound') - at(gs.countedElsewhere[0]!.cells, 'student', 'outbound')).toBe(182 + 1110);
    // a unit with nothing counted apart says nothing
    expect(unitFlows(flows, units, 'tsukuba-faculties', 2023)!.countedElsewhere).toEqual([]);
  });

  it('a second year of the same layout adds a year without code changes', () => {
    const fy2024 = flows.map((f) => ({ ...f, fiscalYear: 2024, source: { ...f.source, id: 'tsukuba-fy2024' } }));
    const both = [...flows, ...fy2024];
    expect(fiscalYears(both)).toEqual([2023, 2024]);
    expect(totalsByYear(both, { population: 'student', direction: 'outbound', table: 'unit' }).map((r) => [r.fiscalYear, r.value])).toEqual([[2023, 1992], [2024, 1992]]);
    expect(total(flowsByGroup(both, countries, { population: 'staff', direction: 'inbound', fiscalYear: 2024, by: 'region' }))).toBe(1156);
  });

  it('visits by month add up to the 合計 row (line 1027)', () => {
    const rows = visitsByMonth(read<Visit[]>('visits'), { fiscalYear: 2023 });
    expect(rows.map((r) => r.month)).toEqual(monthsBetween('2023-04', '2024-03')); // 令和5.4 (line 996) – 令和6.3 (line 1026)
    expect([rows.reduce((s, r) => s + r.count, 0), rows.reduce((s, r) => s + r.persons, 0)]).toEqual([31, 175]); // line 1027: 31 件, 175 人
    expect(rows.find((r) => r.month === '2023-11')).toMatchObject({ count: 3, persons: 52 }); // lines 1017–1019: 40 + 6 + 6
  });

  it('conferences by format and month (lines 908–989)', () => {
    const s = conferencesSummary(read<Conference[]>('conferences'), { fiscalYear: 2023 });
    // 開催形態 column of lines 908–989 (headers on 935 and 963 excluded): 37 オンサイト, 25 ハイブリッド, 16 オンライン
    expect(s.byFormat.map((r) => [r.format, r.count])).toEqual([['オンサイト', 37], ['ハイブリッド', 25], ['オンライン', 16]]);
    expect(s.total.count).toBe(78);
    expect(s.byMonth.map((r) => r.month)).toEqual(monthsBetween('2023-04', '2024-03'));
    expect(s.byMonth.find((r) => r.month === '2023-04')!.count).toBe(4); // lines 908–911
  });

  it('degree programmes by start year (lines 1036–1063)', () => {
    const { rows, undated } = degreeProgrammesByStartYear(read<DegreeProgramme[]>('degree-programmes'));
    expect(undated).toEqual([]);
    const last = (g: string) => rows.filter((r) => r.group === g).at(-1)!.cumulative;
    expect([last('double'), last('joint')]).toEqual([20, 2]); // No 20 on line 1055, No 2 on line 1063
    // H21 (2009): lines 1046–1049; H23 (2011): lines 1050–1054; H29 (2017): lines 1037, 1044, 1045
    expect([2009, 2011, 2017].map((y) => rows.find((r) => r.group === 'double' && r.year === y)!.count)).toEqual([4, 5, 3]);
  });

  it('agreements: Tsukuba\'s list gives no dates (header, line 492), so all of it is reported as undated', () => {
    const agreements = read<Agreement[]>('agreements');
    const { rows, undated } = agreementsOverTime(agreements, countries, { by: 'home' });
    const tsukuba = agreements.filter((a) => a.home === 'tsukuba').length;
    expect(tsukuba).toBeGreaterThan(0);
    expect(undated.find((u) => u.group === 'tsukuba')!.count).toBe(tsukuba);
    expect(rows.some((r) => r.group === 'tsukuba')).toBe(false);
    expect(rows.reduce((s, r) => s + r.count, 0) + undated.reduce((s, u) => s + u.count, 0)).toBe(agreements.length);
    const byRegion = agreementsOverTime(agreements, countries, { by: 'region' });
    expect(byRegion.rows.reduce((s, r) => s + r.count, 0) + byRegion.undated.reduce((s, u) => s + u.count, 0)).toBe(agreements.length);
  });
});
