/**
 * The English columns (records.ts ENGLISH_FIELDS) in the published CSVs: filled for every row where
 * the dataset has the English, equal to the name the dataset holds elsewhere (partners.json,
 * countries.json, units.json), described in the Table Schema; a label with no English is an error
 * naming its line. Reads data/build (`npm run data` first); expected values come from the other
 * tables, never typed in.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { ENGLISH_FIELDS, type Partner, type Country, type Unit } from '../schema/records.ts';
import { tableSchema } from '../lib/table-schema.ts';
import { REGIONS } from '../lib/countries.ts';
import { regionLabelEn } from '../lib/labels-en.ts';
import { sourceMeta } from '../lib/testing.ts';
import { assembleTables } from './assemble.ts';
import type { Parsed } from './parse.ts';
import type { AgreementDraft } from '../sources/types.ts';

const DIR = resolve(process.env.KORYU_DATA_DIR ?? join(import.meta.dirname, '../../data/build'));
const json = <T,>(name: string): T => JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;
const csv = (table: string): Record<string, string>[] => {
  const p = Papa.parse<Record<string, string>>(readFileSync(join(DIR, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true });
  if (p.errors.length) throw new Error(`${table}.csv: ${p.errors[0]!.message}`);
  return p.data;
};
const partners = new Map(json<Partner[]>('partners.json').map((p) => [p.id, p]));
const countries = new Map(json<Country[]>('countries.json').map((c) => [c.code, c]));
const units = new Map(json<Unit[]>('units.json').map((u) => [u.id, u]));
const countryEn = (code: string) => countries.get(code)!.name.en;
const regionEn = (code: string) => REGIONS.find((r) => r.id === countries.get(code)!.region)!.name.en;
const list = (cell: string | undefined) => (cell ? cell.split('|') : []);

describe('agreements.csv', () => {
  const rows = csv('agreements');
  it('has rows (the checks below run on every one of them)', () => expect(rows.length).toBe(json<unknown[]>('agreements.json').length));
  it("partnerNameEn is filled on every row and is the partner's English name in partners.json", () => {
    const wrong = rows.filter((r) => !r.partnerNameEn || r.partnerNameEn !== partners.get(r.partner!)?.name.en);
    expect(wrong.map((r) => `${r.id}: ${r.partnerNameEn} ≠ ${partners.get(r.partner!)?.name.en}`).slice(0, 10)).toEqual([]);
  });
  it('countryNamesEn and regionNamesEn are filled on every row, from countries.json and the project regions', () => {
    for (const r of rows) {
      const codes = list(r.countries);
      expect(codes.length, r.id).toBeGreaterThan(0);
      expect(list(r.countryNamesEn), r.id).toEqual(codes.map(countryEn));
      expect(list(r.regionNamesEn), r.id).toEqual([...new Set(codes.map(regionEn))]);
    }
  });
  it("regionLabelEn is filled exactly where the source gives a region label, with that label's English", () => {
    const withLabel = rows.filter((r) => r.regionLabel);
    expect(withLabel.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.regionLabelEn || undefined, `${r.id} ${r.regionLabel}`).toBe(r.regionLabel ? regionLabelEn(r.regionLabel) : undefined);
    for (const r of withLabel) expect(r.regionLabelEn, r.id).toMatch(/^[\x20-\x7e]+$/); // English: printable ASCII
  });
  it('keeps every column it had: the new ones are added, none renamed', () => {
    const header = Object.keys(rows[0]!);
    for (const c of ['id', 'home', 'partner', 'partnerName', 'partnerUnit', 'countries', 'regionLabel', 'countryLabel', 'level', 'homeUnits', 'signedOn', 'source.id', 'source.line']) expect(header).toContain(c);
  });
});

describe('the other tables', () => {
  it('degree programmes and strategic partnerships name every partner in English, in order', () => {
    for (const r of csv('degree-programmes')) expect(list(r.partnerNamesEn), r.id).toEqual(list(r.partners).map((id) => partners.get(id)!.name.en));
    for (const r of csv('strategic-partnerships')) expect(list(r.memberNamesEn), r.id).toEqual(list(r.members).map((id) => partners.get(id)!.name.en));
  });
  it('countryNameEn is filled wherever a row has a country code (partners, programmes, flows, visits)', () => {
    for (const t of ['partners', 'programmes', 'flows', 'visits']) {
      for (const r of csv(t)) expect(r.countryNameEn || undefined, `${t} ${r.id ?? r['source.line']}`).toBe(r.country ? countryEn(r.country) : undefined);
    }
  });
  it("flows name their unit in English wherever units.json has the unit's English name", () => {
    for (const r of csv('flows')) expect(r.unitNameEn || undefined, `${r['source.id']} ${r['source.line']}`).toBe(r.unit ? units.get(r.unit)?.name.en : undefined);
  });
  it('countries give their region and every source region label in English; conferences their format', () => {
    for (const r of csv('countries')) {
      expect(r.regionNameEn, r.code).toBe(regionEn(r.code!));
      expect(list(r.sourceRegionsEn), r.code).toEqual(list(r.sourceRegions).map((l) => regionLabelEn(l)));
    }
    for (const r of csv('conferences')) expect(Boolean(r.formatEn), r.id).toBe(Boolean(r.format));
  });
  it('every English column is in its Table Schema with a description', () => {
    for (const [table, fields] of Object.entries(ENGLISH_FIELDS)) {
      for (const f of fields) {
        const field = tableSchema(table as keyof typeof ENGLISH_FIELDS).fields.find((x) => x.name === f);
        expect(field?.description, `${table}.${f}`).toMatch(/English/);
      }
    }
  });
});

describe('a label with no English', () => {
  it('is an error naming data/reference/labels-en.json, the source line and the label', () => {
    const meta = sourceMeta('osaka-2021');
    const draft: AgreementDraft = {
      id: 'osaka-2021-L4', home: 'osaka', partner: { ja: 'テスト大学', country: 'IR', source: { id: meta.id, line: 4 } }, partnerName: 'テスト大学',
      countries: ['IR'], regionLabel: '西アジア地方', level: 'department', homeUnits: [], source: { id: meta.id, line: 4 },
    };
    const parsed = [{ meta, result: { agreements: [draft] } }] as unknown as Parsed[];
    const { errors, tables } = assembleTables(parsed, [], [], () => 'test-university', new Map());
    expect(errors.map((e) => [e.file, e.source, e.line, e.raw])).toContainEqual(['data/reference/labels-en.json', 'osaka-2021', 4, '西アジア地方']);
    expect(errors.find((e) => e.raw === '西アジア地方')?.message).toMatch(/region label "西アジア地方" \(osaka-2021 line 4\) has no English/);
    // the record keeps its label and gets no English for it
    expect((tables.agreements[0] as { regionLabelEn?: string }).regionLabelEn).toBeUndefined();
  });
});
