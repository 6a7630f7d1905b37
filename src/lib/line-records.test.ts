import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { recordsByLine, lineSummary, textPiece, type LineRecordTables, type LineCheck, type LineRecord } from './line-records.ts';
import type {
  Agreement, Partner, Programme, DegreeProgramme, StrategicPartnership, Flow, Conference, Visit, CallFact, Source,
} from '../../scripts/schema/records.ts';

/** Fixture records: only the fields the labels read (the rest of each schema does not matter here). */
const as = <T,>(x: Partial<T>) => x as T;
const S = 'doc';
const partners = [
  as<Partner>({ id: 'bonn', name: { ja: 'ボン大学', en: 'University of Bonn' } }),
  as<Partner>({ id: 'korea', name: { ja: '高麗大学校', en: 'Korea University' } }),
];
const empty: LineRecordTables = {
  partners, agreements: [], programmes: [], degreeProgrammes: [], strategic: [], flows: [], conferences: [], visits: [], callFacts: [], checks: [],
};
const only = (t: Partial<LineRecordTables>) => ({ ...empty, ...t });
const one = (m: Map<number, LineRecord[]>, line: number) => {
  const list = m.get(line);
  expect(list).toHaveLength(1);
  return list![0]!;
};

describe('recordsByLine(tables, source, locale)', () => {
  it('puts each record under its line, and only the records of that source', () => {
    const agreements = [
      as<Agreement>({ id: 'doc-L3', partner: 'bonn', partnerName: 'ボン 大学', source: { id: S, line: 3 } }),
      as<Agreement>({ id: 'other-L3', partner: 'bonn', partnerName: 'ボン大学', source: { id: 'other', line: 3 } }),
    ];
    const m = recordsByLine(only({ agreements }), S, 'ja');
    expect([...m.keys()]).toEqual([3]);
    expect(one(m, 3).id).toBe('doc-L3');
  });
  it('an agreement links to its row on the partner page (#<agreement id>), named in the page language', () => {
    const agreements = [as<Agreement>({ id: 'doc-L3', partner: 'bonn', partnerName: 'ボン 大学', source: { id: S, line: 3 } })];
    expect(one(recordsByLine(only({ agreements }), S, 'ja'), 3)).toEqual({
      kind: 'agreement', id: 'doc-L3', kindLabel: '協定', pieces: [{ text: 'ボン大学', href: '/partners/bonn/#doc-L3' }],
    });
    expect(one(recordsByLine(only({ agreements }), S, 'en'), 3).pieces).toEqual([{ text: 'University of Bonn', href: '/en/partners/bonn/#doc-L3' }]);
  });
  it('every partner is shown by its official English name on English pages, its Japanese name on Japanese pages', () => {
    const agreements = [as<Agreement>({ id: 'doc-L4', partner: 'korea', partnerName: '高麗大学', source: { id: S, line: 4 } })];
    expect(one(recordsByLine(only({ agreements }), S, 'en'), 4).pieces).toEqual([{ text: 'Korea University', href: '/en/partners/korea/#doc-L4' }]);
    expect(one(recordsByLine(only({ agreements }), S, 'ja'), 4).pieces).toEqual([{ text: '高麗大学校', href: '/partners/korea/#doc-L4' }]);
  });
  it('an agreement whose partner is unknown keeps the printed name, unlinked', () => {
    const agreements = [as<Agreement>({ id: 'doc-L5', partner: 'nowhere', partnerName: '某大学', source: { id: S, line: 5 } })];
    expect(one(recordsByLine(only({ agreements }), S, 'ja'), 5).pieces).toEqual([{ text: '某大学' }]);
  });
  it('a programme links to its row in the finder (#c-<course number>)', () => {
    const programmes = [as<Programme>({ id: '10107001', partnerName: { ja: 'タマサート大学', en: 'Thammasat University' }, source: { id: S, line: 7 } })];
    expect(one(recordsByLine(only({ programmes }), S, 'en'), 7)).toMatchObject({
      kind: 'programme', kindLabel: 'Exchange programme',
      pieces: [{ text: '10107001', href: '/en/programmes/#c-10107001' }, { text: ' ' }, { text: 'Thammasat University' }],
    });
  });
  it('a degree programme links to each partner page (#degree-<id>); its kind names it', () => {
    const degreeProgrammes = [as<DegreeProgramme>({ id: 'doc-L9', kind: 'double', partners: ['bonn', 'korea'], source: { id: S, line: 9 } })];
    expect(one(recordsByLine(only({ degreeProgrammes }), S, 'ja'), 9)).toMatchObject({
      kind: 'degree', kindLabel: 'ダブル・ディグリー',
      pieces: [{ text: 'ボン大学', href: '/partners/bonn/#degree-doc-L9' }, { text: '、' }, { text: '高麗大学校', href: '/partners/korea/#degree-doc-L9' }],
    });
  });
  it('a strategic partnership links to its members (#strategic-<id>), or shows its name when it has none', () => {
    const strategic = [
      as<StrategicPartnership>({ id: 'doc-L11', name: 'Bonn', members: ['bonn'], source: { id: S, line: 11 } }),
      as<StrategicPartnership>({ id: 'doc-L12', name: '某連合', members: [], source: { id: S, line: 12 } }),
    ];
    const m = recordsByLine(only({ strategic }), S, 'ja');
    expect(one(m, 11).pieces).toEqual([{ text: 'ボン大学', href: '/partners/bonn/#strategic-doc-L11' }]);
    expect(one(m, 12).pieces).toEqual([{ text: '某連合' }]);
  });
  it('a count (flow) has no id: it says whom it counts, which way, and the figure', () => {
    const flows = [
      as<Flow>({ population: 'staff', direction: 'inbound', category: 'employed-researcher', count: 5, source: { id: S, line: 14 } }),
      as<Flow>({ population: 'student', direction: 'outbound', category: 'total', courseLevel: 'doctoral', count: 1156, source: { id: S, line: 15 } }),
    ];
    const ja = recordsByLine(only({ flows }), S, 'ja');
    expect(one(ja, 14)).toEqual({ kind: 'flow', kindLabel: '人数', pieces: [{ text: '教職員等・受入・雇用・外国人研究員：5' }] });
    expect(one(recordsByLine(only({ flows }), S, 'en'), 15).pieces).toEqual([{ text: 'students, outbound, total, doctoral: 1156' }]);
  });
  it('conferences, visits and call facts show their id and a compact description', () => {
    const conferences = [as<Conference>({ id: 'doc-L20', name: 'X', startDate: '2023-04-14', endDate: '2023-04-15', countries: 13, participants: 823, source: { id: S, line: 20 } })];
    const visits = [as<Visit>({ id: 'doc-L21', visitor: 'DAAD', month: '2023-04', count: 1, persons: 4, source: { id: S, line: 21 } })];
    const callFacts = [
      as<CallFact>({ id: 'doc-L22-first-entry', what: '第1次エントリー', date: '2024-10-01', endDate: '2024-10-22', raw: '', source: { id: S, line: 22 } }),
      as<CallFact>({ id: 'doc-L23-stipend', what: '奨学金', value: 80000, unit: '円', raw: '', source: { id: S, line: 23 } }),
    ];
    const en = recordsByLine(only({ conferences, visits, callFacts }), S, 'en');
    expect(one(en, 20).pieces).toEqual([{ text: 'doc-L20 (2023-04-14–2023-04-15, 13 countries, 823 participants)' }]);
    expect(one(en, 21).pieces).toEqual([{ text: 'doc-L21 (2023-04, 1 visit, 4 people)' }]);
    expect(one(en, 22).pieces).toEqual([{ text: 'doc-L22-first-entry ' }, { text: '第1次エントリー', lang: 'ja' }, { text: ': ' }, { text: '2024-10-01–2024-10-22' }]);
    expect(one(en, 23).pieces).toEqual([{ text: 'doc-L23-stipend ' }, { text: '奨学金', lang: 'ja' }, { text: ': ' }, { text: '80000 円', lang: 'ja' }]);
    const ja = recordsByLine(only({ visits }), S, 'ja');
    expect(one(ja, 21).pieces).toEqual([{ text: 'doc-L21（2023-04、1件・4人）' }]);
  });
  it('a check says what was added up, the stated and the computed figure, and its status', () => {
    const checks: LineCheck[] = [
      { id: 'c1', source: S, line: 30, what: '合計', stated: 2573, computed: 2536, status: 'erratum' },
      { id: 'c2', source: S, line: 31, what: '9+7の海外大学', stated: '9+7', status: 'unverifiable' },
    ];
    const ja = recordsByLine(only({ checks }), S, 'ja');
    expect(one(ja, 30)).toEqual({ kind: 'check', id: 'c1', kindLabel: '検算（資料の誤り）', pieces: [{ text: '合計' }, { text: '：記載 2573 / 集計 2536' }] });
    expect(one(recordsByLine(only({ checks }), S, 'en'), 31)).toMatchObject({ kindLabel: 'Check (cannot be checked)', pieces: [{ text: '9+7の海外大学', lang: 'ja' }, { text: ': stated 9+7' }] });
  });
  it('a record spanning several lines is described on its own line and pointed at from the others', () => {
    const strategic = [as<StrategicPartnership>({ id: 'doc-L115', name: '北京大学', members: ['bonn'], source: { id: S, line: 115, lines: [104, 105, 115] } })];
    const agreements = [as<Agreement>({ id: 'doc-L105', partner: 'korea', partnerName: '高麗大学', source: { id: S, line: 105 } })];
    const m = recordsByLine(only({ strategic, agreements }), S, 'en');
    expect([...m.keys()].sort((a, b) => a - b)).toEqual([104, 105, 115]);
    expect(one(m, 115)).toMatchObject({ kind: 'strategic', id: 'doc-L115' });
    expect(one(m, 104)).toEqual({
      kind: 'strategic', id: 'doc-L115', kindLabel: 'Strategic partnership (continued)', mainLine: 115,
      pieces: [{ text: '北京大学', lang: 'ja' }, { text: ' — ' }, { text: 'described at line 115', href: '#L115' }],
    });
    // What starts on a line comes before what only continues there.
    expect(m.get(105)!.map((x) => x.mainLine)).toEqual([undefined, 115]);
  });
});

describe('lineSummary(locale, records)', () => {
  const flows = Array.from({ length: 7 }, () => as<Flow>({ population: 'staff', direction: 'inbound', category: 'total', count: 0, source: { id: S, line: 1 } }));
  const checks: LineCheck[] = [1, 2].map((i) => ({ id: `c${i}`, source: S, line: 1, what: '計', stated: 0, computed: 0, status: 'ok' }));
  it('counts the records of a line by kind, in table order', () => {
    expect(lineSummary('ja', recordsByLine(only({ flows, checks }), S, 'ja').get(1)!)).toBe('記録 9件（人数 7、検算 2）');
    expect(lineSummary('en', recordsByLine(only({ flows, checks }), S, 'en').get(1)!)).toBe('9 records: 7 counts, 2 checks');
    expect(lineSummary('en', recordsByLine(only({ flows: flows.slice(0, 1), checks: checks.slice(0, 1) }), S, 'en').get(1)!)).toBe('2 records: 1 count, 1 check');
  });
});

describe('textPiece(locale, text)', () => {
  it('marks text in the other language only', () => {
    expect(textPiece('en', '北京大学')).toEqual({ text: '北京大学', lang: 'ja' });
    expect(textPiece('ja', 'Thammasat University')).toEqual({ text: 'Thammasat University', lang: 'en' });
    expect(textPiece('ja', '北京大学')).toEqual({ text: '北京大学' });
    expect(textPiece('en', '2024-10-01')).toEqual({ text: '2024-10-01' });
  });
});

describe('the real dataset (data/build)', () => {
  const read = <T,>(name: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../data/build/${name}.json`), 'utf8')) as T;
  const report = read<{ checks: LineCheck[]; unverifiable: Omit<LineCheck, 'status'>[] }>('validation');
  const tables: LineRecordTables = {
    partners: read('partners'), agreements: read('agreements'), programmes: read('programmes'), degreeProgrammes: read('degree-programmes'),
    strategic: read('strategic-partnerships'), flows: read('flows'), conferences: read('conferences'), visits: read('visits'), callFacts: read('call-facts'),
    checks: [...report.checks, ...report.unverifiable.map((u) => ({ ...u, status: 'unverifiable' as const }))],
  };
  const sources = read<Source[]>('sources');
  it('every record and check of a document is described on exactly one of its lines, within the document', () => {
    let described = 0;
    for (const s of sources) {
      const m = recordsByLine(tables, s.id, 'ja');
      for (const [line, list] of m) {
        expect(line, s.id).toBeGreaterThanOrEqual(1);
        expect(line, s.id).toBeLessThanOrEqual(s.lineCount);
        described += list.filter((x) => x.mainLine === undefined).length;
      }
    }
    const all = [tables.agreements, tables.programmes, tables.degreeProgrammes, tables.strategic, tables.flows, tables.conferences, tables.visits, tables.callFacts]
      .reduce((n, t) => n + t.length, 0) + tables.checks.length;
    expect(described).toBe(all);
  });
});
