/**
 * Fused partner cells split into their institutions (data/reference/partner-splits.json, the merge
 * stage) and the network with no country, checked against the source lines (data/raw) and the
 * published dataset (data/build, `npm run data`).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveCountry } from '../lib/countries.ts';
import { splitLines } from '../lib/text.ts';
import { sourceMeta } from '../lib/testing.ts';
import type { SourceMeta } from '../lib/manifest.ts';
import type { AgreementDraft } from '../sources/types.ts';
import { applySplits, mentionsOf, type SplitEntry } from './merge.ts';
import type { Parsed } from './parse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(ROOT, `data/build/${name}.json`), 'utf8')) as T;
interface P { id: string; formerIds: string[]; country: string | null; scope?: string; name: { ja: string; en: string } }
interface A { id: string; home: string; partner: string; partners: string[]; partnerName: string; countries: string[]; source: { id: string; line: number } }
const partners = read<P[]>('partners');
const agreements = read<A[]>('agreements');
const programmes = read<{ partner: string; country: string }[]>('programmes');
const byId = new Map(partners.map((p) => [p.id, p]));
const at = (source: string, line: number) => agreements.find((a) => a.source.id === source && a.source.line === line)!;
const countriesOf = (a: A) => a.partners.map((id) => byId.get(id)!.country);

/** A line of a source document as received, its cells split on tabs. */
const cells = (source: string, line: number) => splitLines(sourceMeta(source).text)[line - 1]!.split('\t');
/** The country cell of an osaka-2021 row (the second cell), each country of "韓国/中国" resolved. */
const osakaCountries = (line: number) => cells('osaka-2021', line)[1]!.split('/').map((c) => resolveCountry(c.trim())!);

describe('fused cells, split (from the lines of osaka-2021 and hiroshima-2024)', () => {
  it('osaka-2021 L101 (韓国/中国: 韓国原子力研究所 / 中国科学院上海光学精密機械研究所) links to two partners, one in KR and one in CN', () => {
    expect(osakaCountries(101)).toEqual(['KR', 'CN']);
    const a = at('osaka-2021', 101);
    expect(a.partners).toEqual(['korea-atomic-energy-research-institute', 'chinese-academy-of-sciences']);
    expect(countriesOf(a)).toEqual(osakaCountries(101));
    expect(a.partner).toBe(a.partners[0]);
    // the cell stays as written (its units in partnerMembers), and so do the line's countries
    expect(a.partnerName).toBe('韓国原子力研究所 / 中国科学院');
    expect(a.countries).toEqual(['KR', 'CN']);
  });

  it('osaka-2021 L580 (ロシア/ドイツ) links to Far Eastern Federal University (RU) and TU Dortmund (DE)', () => {
    expect(osakaCountries(580)).toEqual(['RU', 'DE']);
    const a = at('osaka-2021', 580);
    expect(a.partners).toEqual(['far-eastern-federal-university', 'tu-dortmund-university']);
    expect(countriesOf(a)).toEqual(osakaCountries(580));
  });

  it('osaka-2021 L536 (フランス) links to two partners: Paul Sabatier (Université de Toulouse) and the CNRS', () => {
    expect(cells('osaka-2021', 536)[2]).toContain(' / フランス国立科学研究センター');
    const a = at('osaka-2021', 536);
    expect(a.partners).toEqual(['university-of-toulouse', 'french-national-centre-for-scientific-research']);
    expect(countriesOf(a)).toEqual(['FR', 'FR']);
    expect(byId.get('university-of-toulouse')!.name.ja).toBe('ポール・サバティエ大学');
  });

  it('osaka-2021 L305 (ホーチミン市国家大学工科大学・自然科学大学・国際大学) links to three universities in VN', () => {
    const written = cells('osaka-2021', 305)[2]!;
    expect(written.split('・')).toHaveLength(3);
    const a = at('osaka-2021', 305);
    expect(a.partners).toEqual(['ho-chi-minh-city-university-of-technology', 'ho-chi-minh-city-university-of-science', 'ho-chi-minh-city-international-university']);
    expect(countriesOf(a)).toEqual(['VN', 'VN', 'VN']);
  });

  it('osaka-2021 L499 and L500 (the Bonn-Cologne graduate school) link to Bonn and Cologne', () => {
    for (const line of [499, 500]) {
      expect(cells('osaka-2021', line)[2]).toMatch(/^フリードリッヒ・ヴィルヘルム大学ボンとケルン大学による/);
      expect(at('osaka-2021', line).partners).toEqual(['university-of-bonn', 'university-of-cologne']);
    }
  });

  it('hiroshima-2024 L134 (マツカイ医科大学及びマツカイ記念病院) links to the medical college and the hospital', () => {
    expect(cells('hiroshima-2024', 134).join('\t')).toContain('マツカイ医科大学及びマツカイ記念病院');
    const a = at('hiroshima-2024', 134);
    expect(a.partners).toEqual(['mackay-medical-university', 'mackay-memorial-hospital']);
    expect(a.partnerName).toBe('マツカイ医科大学及びマツカイ記念病院');
  });

  it('osaka-2021 L84 (韓国原子力研究所/ 高度放射線技術研究所) stays one institution with a division: KAERI', () => {
    const a = at('osaka-2021', 84);
    expect(a.partners).toEqual(['korea-atomic-energy-research-institute']);
  });

  it('a split line is on the partner page of every member: each member lists it (agreementsByPartner is built from partners)', () => {
    for (const a of agreements.filter((x) => x.partners.length > 1)) {
      for (const id of a.partners) expect(agreements.filter((x) => x.partners.includes(id)).map((x) => x.id), id).toContain(a.id);
    }
  });
});

describe('partners per country, counted again from the lines', () => {
  /**
   * Where the lines put each partner: a line naming one country puts every partner it names there;
   * a line naming as many countries as institutions puts them in order (韓国/中国 → KAERI, CAS); one
   * institution on a line naming several countries (hiroshima-2024 L440, ten) spans them and is put
   * in none; an exchange place is in the country its call names.
   */
  const placed = new Map<string, Set<string>>();
  const put = (id: string, c: string) => placed.set(id, (placed.get(id) ?? new Set()).add(c));
  for (const a of agreements) {
    if (a.countries.length === 1) for (const id of a.partners) put(id, a.countries[0]!);
    else if (a.partners.length === a.countries.length) a.partners.forEach((id, i) => put(id, a.countries[i]!));
  }
  for (const p of programmes) put(p.partner, p.country);

  it('no partner is put in two countries by the lines', () => {
    expect([...placed].filter(([, cs]) => cs.size > 1)).toEqual([]);
  });

  for (const country of ['KR', 'CN', 'VN', 'DE', 'FR', 'RU', 'TW', 'AU']) {
    it(`${country}: the partners published in it are the partners its lines name`, () => {
      const fromLines = [...placed].filter(([, cs]) => cs.has(country)).map(([id]) => id).sort();
      const published = partners.filter((p) => p.country === country && placed.has(p.id)).map((p) => p.id).sort();
      expect(published).toEqual(fromLines);
    });
  }
});

describe('a network spanning countries has no country', () => {
  it('hiroshima-2024 L440 (教育研究機関国際ネットワーク, ten countries) names a partner with country null, scope international, no place', () => {
    const line = cells('hiroshima-2024', 440).join('\t');
    expect(line).toContain('教育研究機関国際ネットワーク');
    const countries = line.split('\t')[0]!.split('・');
    expect(countries).toHaveLength(10);
    const a = at('hiroshima-2024', 440);
    expect(a.countries).toHaveLength(10);
    expect(a.partners).toHaveLength(1);
    const p = byId.get(a.partner)!;
    expect(p.country).toBeNull();
    expect(p.scope).toBe('international');
    expect((p as P & { location: unknown }).location).toBeNull();
  });

  it('an international organisation with a seat keeps its registry country and says it is international (FAO: IT)', () => {
    const fao = partners.find((p) => p.name.ja === '国際連合食糧農業機関')!;
    expect([fao.country, fao.scope]).toEqual(['IT', 'international']);
  });

  it('only partners with scope international may have no country', () => {
    expect(partners.filter((p) => p.country === null && p.scope !== 'international')).toEqual([]);
  });
});

describe('published ids stay reachable', () => {
  it('every partner id published up to 0.3.0 is a partner id or a formerId now', () => {
    const published = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/published-partner-ids-0.3.0.json'), 'utf8')) as { ids: string[] };
    const reachable = new Set(partners.flatMap((p) => [p.id, ...p.formerIds]));
    expect(published.ids.length).toBeGreaterThan(900);
    expect(published.ids.filter((id) => !reachable.has(id))).toEqual([]);
  });

  it('the joint partners of the split lines send readers to the member that continues them', () => {
    const formerOf = (id: string) => partners.find((p) => p.formerIds.includes(id))?.id;
    expect(formerOf('korea-atomic-energy-research-institute-and-shanghai-institute-of-optics-and-fine-mechanics-chinese-academy-of-sciences')).toBe('korea-atomic-energy-research-institute');
    expect(formerOf('far-eastern-federal-university-and-tu-dortmund-university-joint-agreement')).toBe('far-eastern-federal-university');
    expect(formerOf('vnu-hcm-university-of-technology-university-of-science-and-international-university-joint-agreement')).toBe('ho-chi-minh-city-university-of-technology');
  });
});

describe('applySplits (synthetic)', () => {
  const meta = { id: 'doc' } as SourceMeta;
  const draft = (line: number, ja: string, country: string): AgreementDraft => ({
    id: `doc-L${line}`, home: 'osaka', partner: { ja, country, source: { id: 'doc', line } }, partnerName: ja, countries: [country], level: 'department', homeUnits: [], source: { id: 'doc', line },
  });
  const parsedOf = (...agreements: AgreementDraft[]): Parsed[] => [{ meta, result: { agreements } } as unknown as Parsed];
  const entry: SplitEntry = { source: 'doc', lines: [7], country: 'KR', printed: '甲研究所 / 乙大学', members: [{ ja: '甲研究所', country: 'KR' }, { ja: '乙大学', country: 'CN' }], reason: 'two institutions' };

  it('gives the agreement one mention per member, in order; partner is the first; mentionsOf sees every member', () => {
    const parsed = parsedOf(draft(7, '甲研究所 / 乙大学', 'KR'), draft(8, '丙大学', 'KR'));
    expect(applySplits(parsed, [meta], [entry])).toEqual([]);
    const a = parsed[0]!.result.agreements![0]!;
    expect(a.partners?.map((m) => [m.ja, m.country])).toEqual([['甲研究所', 'KR'], ['乙大学', 'CN']]);
    expect(a.partner).toBe(a.partners![0]);
    expect(mentionsOf(parsed).map((m) => m.ja)).toEqual(['甲研究所', '乙大学', '丙大学']);
  });

  it('a stale entry (no such cell on its line) is an error naming the file, source, line and name', () => {
    const problems = applySplits(parsedOf(draft(7, '別の大学', 'KR')), [meta], [entry]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data/reference/partner-splits.json', source: 'doc', line: 7, raw: '甲研究所 / 乙大学' });
    expect(problems[0]!.message).toMatch(/stale/);
  });

  it('a malformed entry (one member, a member without a country, no reason) is an error, never applied', () => {
    for (const bad of [{ ...entry, members: [entry.members[0]!] }, { ...entry, members: [entry.members[0]!, { ja: '乙大学', country: '' }] }, { ...entry, reason: ' ' }]) {
      const parsed = parsedOf(draft(7, '甲研究所 / 乙大学', 'KR'));
      const problems = applySplits(parsed, [meta], [bad]);
      expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/malformed/)]);
      expect(parsed[0]!.result.agreements![0]!.partners).toBeUndefined();
    }
  });

  it('an entry for a source not in this run is left alone', () => {
    expect(applySplits(parsedOf(draft(7, '別の大学', 'KR')), [{ id: 'other' } as SourceMeta], [entry])).toEqual([]);
  });
});
